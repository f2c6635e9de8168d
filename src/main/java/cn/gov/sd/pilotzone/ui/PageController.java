package cn.gov.sd.pilotzone.ui;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.stereotype.Controller;

/**
 * A controller that answers with pages. Page controllers live in their features' packages; this mark is how the
 * shared page advice ({@link UiModel}, {@link UiExceptionHandler}) finds them, and keeps it off the JSON API.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Controller
public @interface PageController {
}
