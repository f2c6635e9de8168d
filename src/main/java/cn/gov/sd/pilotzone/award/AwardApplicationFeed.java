package cn.gov.sd.pilotzone.award;

import cn.gov.sd.pilotzone.award.AwardApplication.Channel;
import cn.gov.sd.pilotzone.exchange.FeedHandler;

import org.springframework.stereotype.Component;

/** Inbound feed {@code award-applications} from the enterprise portal: one application (JSON or XML) per file. */
@Component
class AwardApplicationFeed implements FeedHandler {

    private final AwardApplicationParser parser;
    private final AwardApplications applications;

    AwardApplicationFeed(AwardApplicationParser parser, AwardApplications applications) {
        this.parser = parser;
        this.applications = applications;
    }

    @Override
    public String feed() {
        return "award-applications";
    }

    /** Each file is one application; two of one application at once meet in its record (docs/intake.md "Workers"). */
    @Override
    public boolean independentFiles() {
        return true;
    }

    /** A known application id is a conflict, which the intake reports as the file's reason (InboundFiles). */
    @Override
    public FeedResult accept(String fileName, byte[] content) {
        applications.submit(parser.parse(fileName, content), Channel.APPLY, "portal");
        return FeedResult.all(1);
    }
}
