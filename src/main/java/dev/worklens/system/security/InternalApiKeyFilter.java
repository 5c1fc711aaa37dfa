package dev.worklens.system.security;

import dev.worklens.system.Settings;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/** Every /api route but the health check needs X-Internal-Key; with no key configured, none is served. */
class InternalApiKeyFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Internal-Key";

    private final byte[] expected;
    private final List<String> corsOrigins;

    InternalApiKeyFilter(Settings settings) {
        this.corsOrigins = settings.app().corsOrigins();
        this.expected = settings.app().apiKeyConfigured()
                ? settings.app().internalApiKey().getBytes(StandardCharsets.UTF_8)
                : null;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/api/health") || isAllowedPreflight(request);
    }

    /**
     * Browsers send no custom header on a CORS preflight, so only a real preflight from an allowed
     * origin passes without the key; any other OPTIONS is a keyless call and refused like one.
     */
    private boolean isAllowedPreflight(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        return HttpMethod.OPTIONS.matches(request.getMethod())
                && origin != null
                && request.getHeader("Access-Control-Request-Method") != null
                && corsOrigins.contains(origin);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (expected == null) {
            reject(response, "The API is disabled: set INTERNAL_API_KEY on the server to enable it.");
            return;
        }
        String given = request.getHeader(HEADER);
        // MessageDigest.isEqual compares in constant time for equal-length input
        if (given == null || !MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8))) {
            reject(response, "Missing or wrong X-Internal-Key header.");
            return;
        }
        chain.doFilter(request, response);
    }

    private static void reject(HttpServletResponse response, String message) throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"error\":\"unauthorized\",\"message\":\"" + message + "\"}");
    }
}
