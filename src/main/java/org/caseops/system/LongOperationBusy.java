package org.caseops.system;

import java.sql.SQLException;

/**
 * A request that stopped waiting for a lock ({@code caseops.db.request-lock-timeout}, PostgreSQL's SQL state 55P03)
 * because a long operation holds what it needs — a large first import holds the docket's tables exclusively until it
 * commits (ADR 007, step 4) — is answered 503 with {@code Retry-After}: an RFC 9457 problem detail for the API
 * ({@link ApiExceptionHandler}, and {@link DatabaseUnavailable} for anything outside a controller), the problem page
 * for a page ({@link PageProblems}). The request's transaction was rolled back, so what it was changing was not saved.
 * The same style as {@link DatabaseUnavailable}; docs/operations.md, "Connection pool".
 */
final class LongOperationBusy {

    static final String TYPE = "https://caseops.example/problems/being-changed";
    static final String TITLE = "Being changed by a long operation";
    /** An import holds the docket for minutes: a client that repeats sooner only waits for the lock again. */
    static final int RETRY_AFTER_SECONDS = 30;
    static final String DETAIL = "the records this request needs are being changed by a long operation that holds "
            + "them until it ends (an import of the docket, for example); the request stopped waiting for them, and "
            + "what it was changing was not saved; try again in " + RETRY_AFTER_SECONDS + " seconds or more";
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private LongOperationBusy() {
    }

    /** Whether {@code e} or one of its causes is a lock the request stopped waiting for (SQL state 55P03). */
    static boolean lockTimedOut(Throwable e) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < 32; t = t.getCause() == t ? null : t.getCause(), depth++) {
            if (t instanceof SQLException sql && LOCK_NOT_AVAILABLE.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
