package cn.gov.sd.pilotzone.ui;

import jakarta.servlet.http.HttpServletRequest;


import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/** Addresses every page's frame needs: its own without the page number (pager) and without the language. */
@ControllerAdvice(annotations = PageController.class)
class UiModel {

    /**
     * The current address with its query but without {@code page}, for the pager's links: Thymeleaf 3.1 no longer
     * lets templates read the request.
     */
    @ModelAttribute("pageBase")
    String pageBase(HttpServletRequest request) {
        String query = request.getQueryString();
        return UriComponentsBuilder.fromPath(request.getRequestURI()).query(query).replaceQueryParam("page")
                .replaceQueryParam("lang").build().toUriString();
    }

    /**
     * The address the language switch reloads with {@code ?lang=}: this page, or for a page answering a form post
     * (a decision with errors) the page the form was on.
     */
    @ModelAttribute("here")
    String here(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod())) {
            String referer = request.getHeader("Referer");
            String path = referer == null ? null : UriComponentsBuilder.fromUriString(referer).build().getPath();
            // a path of this site only ("//host" would leave it)
            return path == null || !path.startsWith("/") || path.startsWith("//") ? "/" : path;
        }
        return UriComponentsBuilder.fromPath(request.getRequestURI()).query(request.getQueryString())
                .replaceQueryParam("lang").build().toUriString();
    }
}
