package cn.gov.sd.pilotzone.common;

/**
 * A request that contradicts the state of what it acts on (a known application id, a case not in the step the
 * request needs, a lifecycle already running): the API answers 409 with the problem in the caller's language, a
 * feed writes it to the file's reasons in Chinese and English. Features extend it, so the API's error handling
 * needs to know none of them.
 */
public class ConflictException extends RuntimeException {

    private final Problem problem;

    public ConflictException(Problem problem) {
        super(problem.code() + " " + problem.args());
        this.problem = problem;
    }

    /** What the state contradicts, as a message code of the bundles with its arguments. */
    public Problem problem() {
        return problem;
    }
}
