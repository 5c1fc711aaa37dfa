package dev.worklens.system.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * AUTH_MODE=local signs in every browser that reaches the server, so only this machine's own
 * browser may reach it. A page of another site can still send this browser to a name that
 * resolves to 127.0.0.1 (DNS rebinding): its {@code Host} is that name, not a loopback one, and is
 * refused. A request through a proxy carries forwarding headers and is refused too: a proxy would
 * bring the network to the loopback bind.
 */
class LocalRequestGuard extends OncePerRequestFilter {

    static final List<String> PROXY_HEADERS =
            List.of("Forwarded", "X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto", "X-Real-IP", "Via");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        for (String header : PROXY_HEADERS) {
            if (request.getHeader(header) != null) {
                refuse(
                        response,
                        "AUTH_MODE=local serves this computer's own browser only, not requests through a" + " proxy ("
                                + header + " header). Use AUTH_MODE=slack to serve others.");
                return;
            }
        }
        // the name the browser asked for: the Host header, as the container parsed it
        if (!isLoopbackHost(request.getServerName())) {
            refuse(response, "AUTH_MODE=local answers only to localhost, 127.0.0.1 or [::1] in the address bar.");
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean isLoopbackHost(String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        String name = host.strip().toLowerCase(Locale.ROOT);
        if (name.startsWith("[")) {
            int end = name.indexOf(']');
            return end > 0 && name.substring(1, end).equals("::1");
        }
        if (name.equals("::1") || name.equals("0:0:0:0:0:0:0:1")) {
            return true;
        }
        int colon = name.indexOf(':');
        if (colon >= 0) {
            name = name.substring(0, colon);
        }
        return name.equals("localhost") || name.matches("127(\\.\\d{1,3}){3}");
    }

    private static void refuse(HttpServletResponse response, String message) throws IOException {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType(MediaType.TEXT_PLAIN_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(message + "\n");
    }
}
