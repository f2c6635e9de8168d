package cn.gov.sd.pilotzone.task;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

import cn.gov.sd.pilotzone.security.Caller;

/**
 * What a feature that runs a process adds to the task and case pages of that process's cases, as
 * {@link ProcessForms} adds its forms: the task pages know no feature, each feature contributes one of these for
 * its process. A process without one is a plain case, seen by those who worked on one of its tasks.
 */
public interface ProcessCases {

    /** One case: its process instance and the business key the feature knows it by. */
    record CaseRef(String processInstanceId, String businessKey) {
    }

    /**
     * What the task lists and their exports show of a case beside its task (an award application's enterprise,
     * county, policy and amount). {@code status} is a status code that the bundles name ({@code status.*}).
     */
    record CaseSummary(String enterpriseName, String uscc, String countyCode, String policyCode, String policyName,
                       BigDecimal amount, String status) {
    }

    String processDefinitionKey();

    /** What a person reads for the case (lists, notices): never just the business key where it has a name. */
    String label(String businessKey);

    /** Where a person opens the case: the feature's own page, or the case page of any process. */
    default String href(CaseRef ref) {
        return "/cases/" + ref.processInstanceId();
    }

    /** Whether the caller sees the whole case by the feature's rule: every comment and file. */
    boolean seesWholeCase(Caller caller, CaseRef ref);

    /**
     * Whether those who worked on one of its tasks see the whole case too. When not, they see only the comments and
     * files that {@link #seesNote} allows, and the case page is not theirs.
     */
    default boolean openToItsWorkers() {
        return true;
    }

    /**
     * A comment or file written at the user task {@code taskId} (null: at the process), for one who does not see
     * the whole case.
     */
    default boolean seesNote(Caller caller, CaseRef ref, String taskId) {
        return false;
    }

    /** The feature's part of its case's page and task pages, as the templates show it (an award application). */
    default Optional<Object> detail(String businessKey) {
        return Optional.empty();
    }

    /**
     * What the feature shows on its tasks' pages beside the form, as attributes its part of the template reads: for
     * the user task {@code taskId} of the case {@code businessKey}, as the caller (who sees the task) may see it.
     */
    default Map<String, Object> taskPage(Caller caller, String businessKey, String taskId) {
        return Map.of();
    }

    default Optional<CaseSummary> summary(String businessKey) {
        return Optional.empty();
    }
}
