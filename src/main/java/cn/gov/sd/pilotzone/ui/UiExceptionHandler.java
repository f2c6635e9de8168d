package cn.gov.sd.pilotzone.ui;

import cn.gov.sd.pilotzone.task.Tasks;

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
@ControllerAdvice(basePackageClasses = UiExceptionHandler.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class UiExceptionHandler {

    @ExceptionHandler(Tasks.TaskNotFoundException.class)
    ModelAndView taskNotFound() {
        ModelAndView page = new ModelAndView("error/404");
        page.setStatus(HttpStatus.NOT_FOUND);
        page.addObject("status", 404);
        return page;
    }
}
