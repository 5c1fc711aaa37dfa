package dev.worklens.system.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;

/**
 * What errors outside our handlers (unknown routes, filters) show: the API's
 * {@code {"error","message"}} shape and never exception text or a trace.
 */
@Component
class SafeErrorAttributes extends DefaultErrorAttributes {

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> base = super.getErrorAttributes(request, ErrorAttributeOptions.defaults());
        int status = base.get("status") instanceof Integer s ? s : 500;
        HttpStatus resolved = HttpStatus.resolve(status);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("error", resolved == null ? "error" : resolved.name().toLowerCase());
        out.put("message", messageFor(status));
        out.put("status", status);
        return out;
    }

    static String messageFor(int status) {
        return switch (status) {
            case 400 -> "The request is not valid.";
            case 401 -> "Sign in first.";
            case 403 -> "This action is not allowed; reload the page and try again.";
            case 404 -> "There is nothing here. Check the address.";
            case 405 -> "This action is not supported here.";
            default ->
                status >= 500 ? "Something went wrong on the server; it has been logged." : "The request failed.";
        };
    }
}
