package cn.gov.sd.pilotzone.ui;

import java.util.Locale;

import cn.gov.sd.pilotzone.common.InvalidInputException;
import cn.gov.sd.pilotzone.common.Messages;
import cn.gov.sd.pilotzone.common.NotFoundException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors of the pages as pages. Ahead of the API's JSON handler (which covers the whole code base): a task of
 * another bureau is the same "not found" page as a task that does not exist, so neither leaks.
 */
@ControllerAdvice(annotations = PageController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class UiExceptionHandler {

    private final Messages messages;

    UiExceptionHandler(Messages messages) {
        this.messages = messages;
    }

    /**
     * Bad input that a page did not answer itself: an HTML page naming the problems, never the API's JSON or XML
     * (a browser's Accept header prefers XML).
     */
    @ExceptionHandler(InvalidInputException.class)
    ModelAndView invalid(InvalidInputException e, Locale locale) {
        ModelAndView page = new ModelAndView("error");
        page.setStatus(HttpStatus.BAD_REQUEST);
        page.addObject("status", 400);
        page.addObject("problems", e.problems().stream().map(p -> messages.render(p, locale)).toList());
        return page;
    }

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound() {
        ModelAndView page = new ModelAndView("error/404");
        page.setStatus(HttpStatus.NOT_FOUND);
        page.addObject("status", 404);
        return page;
    }
}
