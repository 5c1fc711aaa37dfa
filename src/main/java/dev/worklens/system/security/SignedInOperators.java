package dev.worklens.system.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
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

    private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

    public void signIn(OperatorPrincipal operator, HttpServletRequest request, HttpServletResponse response) {
        // a new session id on sign-in prevents session fixation
        if (request.getSession(false) != null) {
            request.changeSessionId();
        } else {
            request.getSession(true);
        }
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
