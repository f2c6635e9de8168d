package cn.gov.sd.pilotzone.common;

import java.util.List;

/** Input that the hub refuses, with every problem found: a 400 for a request, {@code error/} for a file. */
public class InvalidInputException extends RuntimeException {

    private final List<Problem> problems;

    public InvalidInputException(List<Problem> problems) {
        super(problems.stream().map(p -> (p.line() > 0 ? "line " + p.line() + " " : "") + p.field() + ": " + p.code())
                .reduce((a, b) -> a + "; " + b).orElse("invalid input"));
        this.problems = List.copyOf(problems);
    }

    public InvalidInputException(Problem problem) {
        this(List.of(problem));
    }

    public List<Problem> problems() {
        return problems;
    }
}
