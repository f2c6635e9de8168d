package cn.gov.sd.pilotzone.web;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import cn.gov.sd.pilotzone.common.InvalidInputException;
import cn.gov.sd.pilotzone.common.Problem;
import cn.gov.sd.pilotzone.common.SingleValues;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A request parameter that a handler takes as one value (an amount, a decision, a comment) is refused when it is
 * given twice ({@link SingleValues}), as a JSON key given twice is (docs/money-rules.md): Spring would join the
 * values with a comma, and a page form's amount {@code 1000} + {@code 000} became 1,000,000. A handler takes a
 * value as one in a {@code @RequestParam} or in a component of a {@code @ModelAttribute} record (a set of filters
 * bound once). Parameters a handler takes as a list, and checkbox groups a page reads with
 * {@code getParameterValues}, keep their several values.
 */
@Configuration(proxyBeanMethods = false)
class SingleValuedParameters implements WebMvcConfigurer, HandlerInterceptor {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method) {
            List<Problem> problems = new ArrayList<>();
            for (MethodParameter parameter : method.getMethodParameters()) {
                RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
                Class<?> type = parameter.nestedIfOptional().getNestedParameterType();
                if (param != null && !multiValued(type)) {
                    String name = param.name().isEmpty() ? parameter.getParameterName() : param.name();
                    if (name != null) {
                        SingleValues.check(name, request.getParameterValues(name)).ifPresent(problems::add);
                    }
                } else if (parameter.hasParameterAnnotation(ModelAttribute.class) && type.isRecord()) {
                    for (RecordComponent component : type.getRecordComponents()) {
                        if (!multiValued(component.getType())) {
                            SingleValues.check(component.getName(), request.getParameterValues(component.getName()))
                                    .ifPresent(problems::add);
                        }
                    }
                }
            }
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
        }
        return true;
    }

    private static boolean multiValued(Class<?> type) {
        return type.isArray() || Collection.class.isAssignableFrom(type);
    }
}
