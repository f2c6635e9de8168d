package cn.gov.sd.pilotzone.award;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.gov.sd.pilotzone.award.AwardApplication.Channel;
import cn.gov.sd.pilotzone.award.AwardApplicationForm.Attachment;
import cn.gov.sd.pilotzone.award.RecognitionListReader.Parsed;
import cn.gov.sd.pilotzone.award.RecognitionListReader.Recognition;
import cn.gov.sd.pilotzone.common.InvalidInputException;
import cn.gov.sd.pilotzone.common.Problem;
import cn.gov.sd.pilotzone.exchange.FeedCharsets;
import cn.gov.sd.pilotzone.exchange.FeedHandler;
import cn.gov.sd.pilotzone.exchange.RetryLaterException;
import cn.gov.sd.pilotzone.registry.Enterprise;
import cn.gov.sd.pilotzone.registry.EnterpriseRegistry;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Inbound feed {@code recognition-lists} from 市工信局 / 市科技局: 免申即享 (seed 001 item 13, docs/exchange.md and docs/processes.md). Each good
 * row starts an {@code awardApplication} with channel {@code AUTO}; the process's data comparison then takes the
 * county and bank account from the registry.
 * <p>
 * Transactions: <b>one per row</b>, not one per file. A row is an independent award, and one enterprise's problem
 * must not hold back the others' (docs/exchange.md allows it when each row is individually accounted for): every row is
 * either started (its own transaction with its process) or listed with its reason in
 * {@code error/recognition-lists/<file>.error.txt}. A crash or database outage half-way leaves the file in the
 * inbox; on the retry the rows already started are found by their deterministic applicationId
 * ({@code AUTO-<uscc>-<policy>-<year>}) and reported as already started, so no row is started twice.
 * <p>
 * One award per enterprise, policy and year whichever channel came first: a row whose award is already held in
 * the ledger (a filed application, an earlier list) is reported here; a filed application racing a list row is
 * settled by the ledger's primary key in the processes (data comparison / automated checks).
 */
@Component
public class RecognitionListFeed implements FeedHandler {

    static final String ACTOR = "recognition-lists";

    private final RecognitionListReader reader;
    private final AwardApplications applications;
    private final ApplicationStore store;
    private final AwardLedger ledger;
    private final EnterpriseRegistry registry;
    private final FeedCharsets charsets;
    private final TransactionTemplate perRow;

    RecognitionListFeed(RecognitionListReader reader, AwardApplications applications, ApplicationStore store,
                               AwardLedger ledger, EnterpriseRegistry registry, FeedCharsets charsets,
                               PlatformTransactionManager transactions) {
        // the file's own transaction (claim, feed log) commits after the rows; a row's failure must not roll it back
        this.perRow = new TransactionTemplate(transactions);
        this.perRow.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.reader = reader;
        this.applications = applications;
        this.store = store;
        this.ledger = ledger;
        this.registry = registry;
        this.charsets = charsets;
    }

    @Override
    public String feed() {
        return "recognition-lists";
    }

    @Override
    public FeedResult accept(String fileName, byte[] content) {
        Parsed parsed = reader.read(fileName, content, charsets.of(feed()));
        List<Problem> skipped = new ArrayList<>(parsed.problems());
        Map<String, Enterprise> known = registry.findAll(parsed.rows().stream().map(Recognition::uscc).toList());
        Attachment list = new Attachment(attachmentName(fileName), sha256(content));
        int started = 0;
        for (Recognition r : parsed.rows()) {
            Optional<Problem> problem = start(r, known.containsKey(r.uscc()), list);
            if (problem.isPresent()) {
                skipped.add(problem.get().atLine(r.line()));
            } else {
                started++;
            }
        }
        skipped.sort(Comparator.comparingInt(Problem::line));
        return new FeedResult(parsed.total(), started, skipped);
    }

    /** Starts one row's application in its own transaction; the reason when it is not started. */
    private Optional<Problem> start(Recognition r, boolean inRegistry, Attachment list) {
        if (!inRegistry) {
            return Optional.of(Problem.of("uscc", "recognition.notInRegistry", r.uscc()));
        }
        Optional<AwardApplication> existing = store.find(r.applicationId());
        if (existing.isPresent()) {
            return Optional.of(Problem.of("uscc", "recognition.alreadyStarted", r.applicationId(),
                    existing.get().status()));
        }
        Optional<String> holder = ledger.holder(r.uscc(), r.policyCode(), r.recognizedOn().getYear());
        if (holder.isPresent()) {
            return Optional.of(Problem.of("policy_code", "recognition.duplicateAward", r.recognizedOn().getYear(),
                    holder.get()));
        }
        AwardApplicationForm form = new AwardApplicationForm(r.applicationId(), r.uscc(), r.enterpriseName(), null,
                r.policyCode(), r.recognizedOn(), Map.of(), null, null, List.of(list));
        try {
            perRow.executeWithoutResult(status -> applications.submit(form, Channel.AUTO, ACTOR));
            return Optional.empty();
        } catch (AwardApplications.DuplicateApplicationException e) {
            // another node took the same row of the same list a moment earlier
            return Optional.of(Problem.of("uscc", "recognition.alreadyStarted", r.applicationId(), "-"));
        } catch (InvalidInputException e) {
            return Optional.of(e.problems().get(0));
        } catch (RuntimeException e) {
            if (RetryLaterException.isTransient(e)) {
                throw e; // the whole file is retried; rows already started are then reported as such
            }
            return Optional.of(Problem.of(null, "recognition.failed", String.valueOf(e.getMessage())));
        }
    }

    /** The list itself is the evidence of an AUTO application: attached by name and hash, without a path. */
    static String attachmentName(String fileName) {
        String name = fileName.replace("..", "_").replace('/', '_').replace('\\', '_');
        return name.length() <= 200 ? name : name.substring(name.length() - 200);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
