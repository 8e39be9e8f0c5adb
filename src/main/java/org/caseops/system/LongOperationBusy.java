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
    /** PostgreSQL's deadlock_detected and serialization_failure: the transaction lost to a concurrent one. */
    private static final java.util.Set<String> LOST_TO_A_CONCURRENT_CHANGE = java.util.Set.of("40P01", "40001");

    /** A request whose transaction lost to a concurrent one (deadlock, serialization failure): 409, try again. */
    static final String CONCURRENT_TITLE = "Conflict with a concurrent change";
    static final String CONCURRENT_DETAIL = "another change to the same records was being made at the same moment and "
            + "the database stopped this one to let it finish; nothing this request was changing was saved; reload "
            + "and try again";

    private LongOperationBusy() {
    }

    /** Whether {@code e} or one of its causes is a lock the request stopped waiting for (SQL state 55P03). */
    static boolean lockTimedOut(Throwable e) {
        return state(e, java.util.Set.of(LOCK_NOT_AVAILABLE));
    }

    /** Whether {@code e} or one of its causes is a deadlock or a serialization failure (40P01, 40001). */
    static boolean lostToAConcurrentChange(Throwable e) {
        return state(e, LOST_TO_A_CONCURRENT_CHANGE);
    }

    private static boolean state(Throwable e, java.util.Set<String> states) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < 32; t = t.getCause() == t ? null : t.getCause(), depth++) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && states.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
