package dev.worklens.system.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Unknown addresses, and known addresses asked with the wrong method when no handler matched:
 * the API's JSON error under /api, the error page elsewhere.
 */
@ControllerAdvice
class NotFoundAdvice {

    @ExceptionHandler(NoResourceFoundException.class)
    Object notFound(HttpServletRequest request) {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .body(new ApiError("not_found", "There is no such route; see /api/openapi.json."));
        }
        return new ModelAndView(
                "error", Map.of("status", 404, "message", SafeErrorAttributes.messageFor(404)), HttpStatus.NOT_FOUND);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    Object wrongMethod(HttpServletRequest request, HttpRequestMethodNotSupportedException e) {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return ApiErrorAdvice.methodNotAllowed(e);
        }
        return new ModelAndView(
                "error",
                Map.of("status", 405, "message", SafeErrorAttributes.messageFor(405)),
                HttpStatus.METHOD_NOT_ALLOWED);
    }
}
