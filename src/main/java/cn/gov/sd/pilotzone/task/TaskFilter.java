package cn.gov.sd.pilotzone.task;

import java.time.LocalDate;

/**
 * Filters and order of a task list (the clerks' task page and its Excel export). Null or blank means "any".
 * {@code county} is a county code (370705); award tasks carry it as their process's {@code countyGroup}.
 * {@code dueBy} is a calendar day in the people's zone (the list shows tasks due on or before it).
 */
public record TaskFilter(String process, String policy, String county, LocalDate dueBy, boolean overdue,
                         Assignment assignment, Sort sort, boolean ascending) {

    /** Whose tasks: all of the bureau's, the caller's own (claimed), or those nobody claimed yet. */
    public enum Assignment { ALL, MINE, UNCLAIMED }

    public enum Sort { CREATED, DUE, NAME }

    public TaskFilter {
        process = blankToNull(process);
        policy = blankToNull(policy);
        county = blankToNull(county);
        assignment = assignment == null ? Assignment.ALL : assignment;
        sort = sort == null ? Sort.CREATED : sort;
    }

    /** Everything, newest first. */
    public static TaskFilter none() {
        return new TaskFilter(null, null, null, null, false, Assignment.ALL, Sort.CREATED, false);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
