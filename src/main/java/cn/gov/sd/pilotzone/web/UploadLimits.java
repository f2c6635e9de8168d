package cn.gov.sd.pilotzone.web;

import cn.gov.sd.pilotzone.common.Messages;
import cn.gov.sd.pilotzone.common.Problem;

import org.apache.tomcat.util.http.fileupload.impl.SizeException;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * A multipart request the servlet container refused while parsing it (docs/security.md). That happens before any
 * controller is chosen, so {@link ApiExceptionHandler}, which answers for the hub's controllers only, never saw it
 * and the client got a bare 413. Here, for every request: a part whose headers (file name, content type…) exceed
 * {@code server.tomcat.max-part-header-size} is a 400 naming that limit (the upload is not too large, its header
 * is); anything else over the limits a 413 naming {@code spring.servlet.multipart.max-request-size}. An upload
 * whose declared length is over the limit is refused earlier by {@link RequestGuard}.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadLimits {

    private final Messages messages;
    private final long maxRequestMegabytes;
    private final long maxPartHeaderBytes;

    UploadLimits(Messages messages, MultipartProperties multipart, ServerProperties server) {
        this.messages = messages;
        this.maxRequestMegabytes = multipart.getMaxRequestSize().toBytes() / (1024 * 1024);
        this.maxPartHeaderBytes = server.getTomcat().getMaxPartHeaderSize().toBytes();
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail tooLarge(MaxUploadSizeExceededException e) {
        if (partHeaderTooLarge(e)) {
            return ApiExceptionHandler.problem(HttpStatus.BAD_REQUEST, "invalid", messages.bilingual(Problem.of(null,
                    "request.partHeaderTooLarge", maxPartHeaderBytes)));
        }
        return ApiExceptionHandler.problem(HttpStatus.PAYLOAD_TOO_LARGE, "too-large", messages.bilingual(Problem.of(
                null, "request.tooLarge", maxRequestMegabytes)));
    }

    /** Tomcat reports the part header limit as a size limit whose permitted size is the header limit. */
    private boolean partHeaderTooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SizeException size && size.getPermittedSize() == maxPartHeaderBytes) {
                return true;
            }
        }
        return false;
    }
}
