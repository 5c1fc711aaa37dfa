package dev.worklens.system.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * An {@link ApiException} thrown by a page (say, a member outside the operator's roster) answers
 * with its status on the error page, not 500. The JSON API has its own advice, which runs first.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrorAdvice {

    @ExceptionHandler(ApiException.class)
    void page(ApiException e, HttpServletResponse response) throws IOException {
        response.sendError(e.status().value(), e.getMessage());
    }
}
