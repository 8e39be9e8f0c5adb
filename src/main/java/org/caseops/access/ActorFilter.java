package org.caseops.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads the signed-in user from the database on every request, whatever signed them in (session, token, JWT), and
 * makes that the request's authentication. A user who was disabled or deleted is refused (401) and their session
 * ended; a changed role or a revoked partner agreement counts from this request on. A CaseOps bearer token's user was
 * read in this request already, in the token's own query ({@link Tokens#bearer}), and is not read twice.
 */
final class ActorFilter extends OncePerRequestFilter {

    private final Users users;
    private final AuthenticationEntryPoint entryPoint;

    ActorFilter(Users users, AuthenticationEntryPoint entryPoint) {
        this.users = users;
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth instanceof ActorAuthentication fresh && fresh.readThisRequest()) {
            chain.doFilter(request, response);
            return;
        }
        if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)) {
            Optional<Actor> actor = users.actor(auth.getName());
            if (actor.isEmpty()) {
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                SecurityContextHolder.clearContext();
                entryPoint.commence(request, response, new DisabledException("user " + auth.getName()
                        + " is unknown or disabled"));
                return;
            }
            // A new context for this request only: the session's stored context is not changed.
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(new ActorAuthentication(actor.get()));
            SecurityContextHolder.setContext(context);
        }
        chain.doFilter(request, response);
    }
}
