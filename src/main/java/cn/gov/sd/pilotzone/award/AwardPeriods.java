package cn.gov.sd.pilotzone.award;

import org.springframework.stereotype.Component;

/**
 * The award process's legal periods as its expressions read them ({@code ${awardPeriods.review()}}, ISO-8601
 * durations), from {@link AwardSettings} when a step starts. Read rather than stored in each instance: three
 * variables per application were a third of what the process wrote on its way to county review (README
 * "Performance"). A changed setting therefore applies to every step that starts after the change, also in cases
 * already under way.
 */
@Component("awardPeriods")
class AwardPeriods {

    private final AwardSettings settings;

    AwardPeriods(AwardSettings settings) {
        this.settings = settings;
    }

    /** 企业补正: no corrected file by then and the case is withdrawn. */
    public String correction() {
        return settings.correctionPeriod().toString();
    }

    /** 公示期. */
    public String publicNotice() {
        return settings.publicNoticePeriod().toString();
    }

    /** Each review's due date. */
    public String review() {
        return settings.reviewPeriod().toString();
    }
}
