package dev.worklens.system.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** AUTH_MODE=local: every browser on the loopback bind is the local operator. */
class LocalSignInFilter extends OncePerRequestFilter {

    private final LocalOperatorSignIn localOperator;
    private final SignedInOperators signedIn;

    LocalSignInFilter(LocalOperatorSignIn localOperator, SignedInOperators signedIn) {
        this.localOperator = localOperator;
        this.signedIn = signedIn;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof OperatorPrincipal)) {
            signedIn.signIn(localOperator.localOperator(), request, response);
        }
        chain.doFilter(request, response);
    }
}
