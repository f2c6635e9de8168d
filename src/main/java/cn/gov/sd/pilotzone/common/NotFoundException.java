package cn.gov.sd.pilotzone.common;

/**
 * Something the caller asked for that does not exist for them (a task of another bureau is the same as none, so
 * neither leaks): the API answers 404 with the problem in the caller's language, pages the not-found page.
 * Features extend it, so the error handling of the API and the pages needs to know none of them.
 */
public class NotFoundException extends RuntimeException {

    private final Problem problem;

    public NotFoundException(Problem problem) {
        super(problem.code() + " " + problem.args());
        this.problem = problem;
    }

    /** What is missing, as a message code of the bundles with its arguments. */
    public Problem problem() {
        return problem;
    }
}
