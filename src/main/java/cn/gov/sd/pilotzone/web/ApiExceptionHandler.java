package cn.gov.sd.pilotzone.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonMappingException;

import cn.gov.sd.pilotzone.common.ConflictException;
import cn.gov.sd.pilotzone.common.InvalidInputException;
import cn.gov.sd.pilotzone.common.JsonProblems;
import cn.gov.sd.pilotzone.common.Messages;
import cn.gov.sd.pilotzone.common.NotFoundException;
import cn.gov.sd.pilotzone.common.Problem;

import org.flowable.common.engine.api.FlowableOptimisticLockingException;
import org.flowable.common.engine.api.FlowableTaskAlreadyClaimedException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Errors of the hub API as RFC 9457 problem details ({@code application/problem+json}, Spring's ProblemDetail) that
 * keep the members the API always had: {@code error} (invalid, conflict, not-found), and {@code fields} or
 * {@code message}. 400 lists every bad field with a message in the caller's language (Chinese unless
 * Accept-Language asks otherwise), 404 for what the caller may not see, 409 for state conflicts and for a request
 * that met another changing the same thing at the same moment.
 */
@RestControllerAdvice(basePackages = "cn.gov.sd.pilotzone")
class ApiExceptionHandler {

    record FieldError(String field, String code, String message) {
    }

    private final Messages messages;

    ApiExceptionHandler(Messages messages) {
        this.messages = messages;
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e, Locale locale) {
        return badRequest(e.problems(), locale);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e, Locale locale) {
        Optional<Problem> specific = JsonProblems.of(e);
        if (specific.isPresent()) {
            return badRequest(List.of(specific.get()), locale);
        }
        if (e.getCause() instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            String field = m.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse(null);
            return badRequest(List.of(Problem.of(field, "field.type")), locale);
        }
        return badRequest(List.of(Problem.of(null, "syntax.malformed", 0, String.valueOf(e.getMostSpecificCause().getMessage()))), locale);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail mismatch(MethodArgumentTypeMismatchException e, Locale locale) {
        return badRequest(List.of(Problem.of(e.getName(), "field.type")), locale);
    }

    /**
     * A {@code @ModelAttribute} (a set of filters bound once) whose parameter does not convert: 400 naming each such
     * parameter, as {@link #mismatch} answers for a {@code @RequestParam}.
     */
    @ExceptionHandler(BindException.class)
    ProblemDetail unbound(BindException e, Locale locale) {
        return badRequest(e.getFieldErrors().stream().map(f -> Problem.of(f.getField(), "field.type")).toList(),
                locale);
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e, Locale locale) {
        return problem(HttpStatus.CONFLICT, "conflict", text(e.problem(), locale));
    }

    /** Two clerks claimed the same task at once: the engine's own exception, named in the clerk's language. */
    @ExceptionHandler(FlowableTaskAlreadyClaimedException.class)
    ProblemDetail claimed(FlowableTaskAlreadyClaimedException e, Locale locale) {
        return problem(HttpStatus.CONFLICT, "conflict",
                text(Problem.of("task", "task.claimedByOther", e.getTaskAssignee()), locale));
    }

    /**
     * Another request changed the same thing at that moment: the database gave a row lock to the other or broke a
     * deadlock against this one, or the engine's optimistic lock found its rows changed. Nothing of this request was
     * applied and it may simply be sent again; a 500 would read as a fault of the hub.
     */
    @ExceptionHandler({ConcurrencyFailureException.class, FlowableOptimisticLockingException.class})
    ProblemDetail concurrent(RuntimeException e, Locale locale) {
        return problem(HttpStatus.CONFLICT, "conflict", messages.render(Problem.of(null, "request.concurrent"), locale));
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e, Locale locale) {
        return problem(HttpStatus.NOT_FOUND, "not-found", text(e.problem(), locale));
    }

    /** A 404's or 409's message: a sentence about the resource, without the field prefix of a 400's. */
    private String text(Problem problem, Locale locale) {
        return messages.get(problem.code(), locale, problem.args().toArray());
    }

    private ProblemDetail badRequest(List<Problem> problems, Locale locale) {
        List<FieldError> errors = problems.stream()
                .map(p -> new FieldError(p.field(), p.code(), messages.render(p, locale))).toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                errors.stream().map(f -> f.field() == null ? f.message() : f.field() + ": " + f.message())
                        .reduce((a, b) -> a + "; " + b).orElse(null));
        problem.setProperty("error", "invalid");
        problem.setProperty("fields", errors);
        return problem;
    }

    /** An RFC 9457 problem that also keeps the API's earlier members ({@code error}, {@code message}). */
    static ProblemDetail problem(HttpStatus status, String error, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message);
        problem.setProperty("error", error);
        problem.setProperty("message", message);
        return problem;
    }
}
