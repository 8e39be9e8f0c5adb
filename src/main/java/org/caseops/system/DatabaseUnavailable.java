package org.caseops.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request whose database went away under it — the server killed or stopped, the primary failing over to its
 * standby, the connection cut, or no connection to be had within the pool's timeout — is answered 503 with an RFC 9457
 * problem detail and {@code Retry-After}, never a 500 (issue 19; docs/operations.md, "Primary and synchronous
 * standby"). Whatever the request wrote was not confirmed: when the connection broke at the commit, the change may or
 * may not have been saved, so the answer says to read it back before repeating it (every change is conditional, so
 * a repeated one is refused with a 409 rather than made twice).
 *
 * <p>Outside Spring Security and the session filter, so that a failure while a bearer token or a session is read,
 * or while a changed session is saved, is answered the same way. The pool drops the broken connection itself (HikariCP
 * evicts a connection on these SQL states); the next request takes a new one from the server the JDBC URL now finds.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class DatabaseUnavailable extends OncePerRequestFilter {

    static final String TYPE = "https://caseops.example/problems/database-unavailable";
    static final int RETRY_AFTER_SECONDS = 5;
    /** Admin shutdown (a terminated backend), crash shutdown, the server starting or stopping. */
    private static final Set<String> SHUTDOWN = Set.of("57P01", "57P02", "57P03");
    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailable.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (!response.isCommitted() && LongOperationBusy.lockTimedOut(e)) {
                // outside the controllers' handlers (a filter's query, a template's): as ApiExceptionHandler answers
                log.warn("{} {}: stopped waiting for a lock a long operation holds; answered 503",
                        request.getMethod(), request.getRequestURI());
                response.reset();
                response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                response.setHeader("Retry-After", Integer.toString(LongOperationBusy.RETRY_AFTER_SECONDS));
                response.setContentType("application/problem+json");
                response.setCharacterEncoding("utf-8");
                response.getWriter().write("{\"type\":\"" + LongOperationBusy.TYPE + "\",\"title\":\""
                        + LongOperationBusy.TITLE + "\",\"status\":503,\"detail\":\"" + LongOperationBusy.DETAIL
                        + "\"}");
                return;
            }
            Throwable cause = cause(e);
            if (cause == null || response.isCommitted()) {
                throw e;
            }
            log.warn("{} {}: the database is unavailable ({}); answered 503", request.getMethod(),
                    request.getRequestURI(), cause.toString());
            response.reset();
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("utf-8");
            response.getWriter().write("{\"type\":\"" + TYPE + "\",\"title\":\"Database unavailable\",\"status\":503,"
                    + "\"detail\":\"the database is unavailable (its server stopped, or it is failing over to its "
                    + "standby): what this request changed was not confirmed and may or may not have been saved; read "
                    + "it back before repeating it, in " + RETRY_AFTER_SECONDS + " seconds or more\"}");
        }
    }

    /**
     * The error in {@code e}'s causes that says the database cannot be reached or went away, or {@code null}: a
     * connection exception (SQL state class 08), the server shutting down or starting (57P01–57P03), or no pooled
     * connection within the pool's timeout; or a commit or rollback that failed in the driver (Spring's
     * {@link TransactionSystemException}): when a commit breaks with the connection, the rollback that follows fails on
     * the connection the pool has closed, and that failure, which has no SQL state, is what reaches the request; a
     * failed statement's own error is then kept as the "application exception".
     */
    static Throwable cause(Throwable e) {
        return cause(e, 0);
    }

    private static Throwable cause(Throwable e, int depth) {
        for (Throwable t = e; t != null && depth < 32; t = t.getCause() == t ? null : t.getCause(), depth++) {
            if (t instanceof SQLTransientConnectionException) {
                return t;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || SHUTDOWN.contains(sql.getSQLState()))) {
                return t;
            }
            if (t instanceof TransactionSystemException tx) {
                Throwable first = tx.getApplicationException() == null ? null
                        : cause(tx.getApplicationException(), depth + 1);
                if (first != null) {
                    return first;
                }
                // the commit or the rollback failed in the driver with an error it could not classify: the
                // connection is gone (a pooled connection the pool closed after it broke has no SQL state)
                if (tx.getMostSpecificCause() instanceof SQLException) {
                    return tx;
                }
            }
        }
        return null;
    }
}
