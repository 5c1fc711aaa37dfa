package dev.worklens.system.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs an operator out at their next request when they are no longer allowed (removed from
 * WORKLENS_OPERATORS, their group left the settings, their Slack token was revoked) or when the
 * session is older than {@link #ABSOLUTE_LIFETIME}, however active it was.
 */
class StandingFilter extends OncePerRequestFilter {

    static final Duration ABSOLUTE_LIFETIME = Duration.ofDays(30);

    private final OperatorStanding standing;
    private final SignedInOperators signedIn;
    private final Clock clock;

    StandingFilter(OperatorStanding standing, SignedInOperators signedIn, Clock clock) {
        this.standing = standing;
        this.signedIn = signedIn;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var principal = SignedInOperators.current();
        if (principal.isPresent()) {
            Optional<String> refusal = tooOld(request).or(() -> standing.refusal(principal.get()));
            if (refusal.isPresent()) {
                signedIn.signOut(request);
                response.sendRedirect(request.getContextPath() + "/auth/signed-out?reason=" + refusal.get());
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private Optional<String> tooOld(HttpServletRequest request) {
        var session = request.getSession(false);
        Object at = session == null ? null : session.getAttribute(SignedInOperators.SIGNED_IN_AT);
        if (at instanceof Instant signedInAt
                && signedInAt.plus(ABSOLUTE_LIFETIME).isBefore(clock.instant())) {
            return Optional.of("expired");
        }
        return Optional.empty();
    }
}
