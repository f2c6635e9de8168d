package cn.gov.sd.pilotzone.web;

import java.io.IOException;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.gov.sd.pilotzone.common.Messages;
import cn.gov.sd.pilotzone.common.Problem;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * Requests refused before anything reads them (docs/security.md), the same for the API and the pages: a
 * Content-Type that is over-long or no media type is a 400 with a short message (not a 500 with a stack trace from
 * wherever it was first parsed), and an upload over {@code spring.servlet.multipart.max-request-size} a 413 that
 * says so in Chinese and English, known from its length before its body is read.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestGuard extends OncePerRequestFilter {

    static final int MAX_CONTENT_TYPE = 200;

    private final Messages messages;
    private final ObjectMapper json;
    private final long maxRequestBytes;

    RequestGuard(Messages messages, ObjectMapper json, MultipartProperties multipart) {
        this.messages = messages;
        this.json = json;
        this.maxRequestBytes = multipart.getMaxRequestSize().toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        MediaType media = null;
        if (type != null) {
            try {
                media = type.length() > MAX_CONTENT_TYPE ? null : MediaType.parseMediaType(type);
            } catch (InvalidMediaTypeException e) {
                media = null;
            }
            if (media == null) {
                refuse(request, response, HttpStatus.BAD_REQUEST, Problem.of(null, "request.contentType"));
                return;
            }
        }
        if (media != null && MediaType.MULTIPART_FORM_DATA.includes(media)
                && request.getContentLengthLong() > maxRequestBytes) {
            refuse(request, response, HttpStatus.PAYLOAD_TOO_LARGE,
                    Problem.of(null, "request.tooLarge", maxRequestBytes / (1024 * 1024)));
            return;
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, Problem problem)
            throws IOException {
        String message = messages.bilingual(problem);
        response.setStatus(status.value());
        response.setCharacterEncoding("UTF-8");
        // The body is not read: close the connection rather than let the client send the rest of it
        response.setHeader(HttpHeaders.CONNECTION, "close");
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept != null && accept.contains(MediaType.TEXT_HTML_VALUE)) {
            response.setContentType(MediaType.TEXT_HTML_VALUE);
            response.getWriter().write("<!DOCTYPE html><html lang=\"zh-CN\"><meta charset=\"UTF-8\"><title>"
                    + status.value() + "</title><p id=\"problem\">" + HtmlUtils.htmlEscape(message)
                    + "</p><p><a href=\"javascript:history.back()\">返回 / Back</a></p></html>");
        } else {
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            json.writeValue(response.getOutputStream(), Map.of("status", status.value(), "error",
                    status == HttpStatus.PAYLOAD_TOO_LARGE ? "too-large" : "invalid", "message", message));
        }
    }
}
