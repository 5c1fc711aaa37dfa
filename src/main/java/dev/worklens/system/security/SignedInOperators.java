package dev.worklens.system.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/** Signs a browser in or out as an operator, and tells who is signed in. */
@Component
public class SignedInOperators {

    /** When this browser signed in; a session lives at most 30 days from it, however active. */
    public static final String SIGNED_IN_AT = "worklens.signed_in_at";

    private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();
    private final Clock clock;
    private final Duration sessionTimeout;

    SignedInOperators(Clock clock, @Value("${server.servlet.session.timeout:7d}") Duration sessionTimeout) {
        this.clock = clock;
        this.sessionTimeout = sessionTimeout;
    }

    public void signIn(OperatorPrincipal operator, HttpServletRequest request, HttpServletResponse response) {
        // a new session id on sign-in prevents session fixation
        if (request.getSession(false) != null) {
            request.changeSessionId();
        } else {
            request.getSession(true);
        }
        var session = request.getSession(false);
        session.setAttribute(SIGNED_IN_AT, clock.instant());
        // the short life given to a session that only started a sign-in ends here
        session.setMaxInactiveInterval((int) sessionTimeout.toSeconds());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(token(operator));
        SecurityContextHolder.setContext(context);
        repository.saveContext(context, request, response);
    }

    public void signOut(HttpServletRequest request) {
        SecurityContextHolder.clearContext();
        var session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }

    public static Optional<OperatorPrincipal> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof OperatorPrincipal principal) {
            return Optional.of(principal);
        }
        return Optional.empty();
    }

    static Authentication token(OperatorPrincipal operator) {
        return UsernamePasswordAuthenticationToken.authenticated(
                operator, null, List.of(new SimpleGrantedAuthority("ROLE_OPERATOR")));
    }

    SecurityContextRepository repository() {
        return repository;
    }
}
