package org.caseops.system;

import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Scheduled work that must run on one instance at a time however many share the database (issue 19,
 * docs/deployment.md): the work runs in one transaction that first takes a transaction-scoped advisory lock named
 * after the job, without waiting. An instance that finds the lock taken skips this round (the other is doing it);
 * the lock goes with the transaction, so a crashed instance never leaves it held. The work's queries run on the same
 * connection (one connection at a time, {@link ConnectionNesting}).
 *
 * <p>The lock is PostgreSQL's two-key form, {@code (hashtext('caseops.job'), hashtext(job))}: a space of its own,
 * apart from the audit sequencer's one-key lock (ADR 006).
 */
@Component
public class SingleInstance {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    SingleInstance(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** Runs {@code work} if no other instance (or thread) runs the job {@code job} now; empty if one does. */
    public <T> Optional<T> alone(String job, Supplier<T> work) {
        return transactions.execute(status -> {
            boolean mine = Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(hashtext('caseops.job'), "
                    + "hashtext(:job))").param("job", job).query(Boolean.class).single());
            return mine ? Optional.ofNullable(work.get()) : Optional.empty();
        });
    }
}
