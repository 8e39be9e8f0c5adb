package org.caseops.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit trail's checks, made on a schedule and kept ({@code audit_verification}, V151; docs/audit.md "Checks on
 * a schedule"), so that a report can state the chain's state without reading the whole chain on each request.
 *
 * <p>A check is {@link Kind#FULL} (the whole chain from its first entry, as {@code caseops audit verify} does) or
 * {@link Kind#SINCE}: the entries chained after the last check, begun from that check's last position and hash — after
 * confirming that the chain's entry at that position still carries that hash — and the entries neither chained nor
 * queued from the lowest seq that check saw unchained. A SINCE check follows only an intact check; after a broken one,
 * or when the last full check is older than {@code caseops.audit.full-verify-interval}, the next is full. So the
 * newest check is the trail's state: what it found wrong stays found until a later full check finds it intact.
 *
 * <p>What a SINCE check cannot see: an entry already checked being changed afterwards by someone with the owner's
 * rights (the triggers refuse everyone else), other than the entry it starts from; the next full check sees it.
 * One check at a time on all instances (advisory lock {@code audit-verify}); each in one repeatable-read snapshot.
 */
@Service
public class AuditVerifications {

    public enum Kind {
        FULL, SINCE
    }

    /** One kept check. {@code verifiedUpTo}: the last chained position it read; its range from {@code fromPosition}. */
    public record Verification(long id, Kind kind, Instant startedAt, Instant finishedAt, long fromPosition,
            long verifiedUpTo, long entries, long pending, boolean intact, Long firstBrokenPosition, String problem,
            String checkedBy) {
    }

    /** The newest check, and the newest full one (the same when the newest is full); empty before the first. */
    public record Status(Optional<Verification> latest, Optional<Verification> latestFull) {
    }

    private static final String COLUMNS = """
            select id, kind, started_at, finished_at, from_position, verified_up_to, entries, pending, intact,
                   first_broken_position, problem, checked_by, last_hash, unchained_from_seq
            from audit_verification""";

    private final JdbcClient jdbc;
    private final AuditRows rows;
    private final AuditVerifier verifier;
    private final Duration fullEvery;
    private final TransactionTemplate snapshot;

    AuditVerifications(JdbcClient jdbc, AuditRows rows, AuditVerifier verifier, AuditProperties properties,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.verifier = verifier;
        this.fullEvery = properties.fullVerifyInterval();
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /** The newest check and the newest full check. Two short reads; safe on a read replica. */
    @Transactional(readOnly = true)
    public Status status() {
        Optional<Verification> latest = jdbc.sql(COLUMNS + " order by id desc limit 1")
                .query((rs, n) -> verification(rs)).optional();
        Optional<Verification> full = latest.isPresent() && latest.get().kind() == Kind.FULL ? latest
                : jdbc.sql(COLUMNS + " where kind = 'FULL' order by id desc limit 1")
                        .query((rs, n) -> verification(rs)).optional();
        return new Status(latest, full);
    }

    /**
     * Makes the check that is due — SINCE the last one when it was intact and a full check is recent enough, FULL
     * otherwise — keeps it and returns it; empty when another instance is checking now. Call it outside a transaction.
     */
    public Optional<Verification> check(String checkedBy) {
        return run(checkedBy, false);
    }

    /** Checks the whole chain now and keeps the check; empty when another instance is checking now. */
    public Optional<Verification> checkAll(String checkedBy) {
        return run(checkedBy, true);
    }

    private Optional<Verification> run(String checkedBy, boolean full) {
        return snapshot.execute(status -> {
            if (!rows.tryVerifyLock()) {
                return Optional.empty();
            }
            Instant started = rows.head().now();
            Previous previous = jdbc.sql(COLUMNS + " order by id desc limit 1").query((rs, n) -> previous(rs))
                    .optional().orElse(null);
            Previous lastFull = jdbc.sql(COLUMNS + " where kind = 'FULL' order by id desc limit 1")
                    .query((rs, n) -> previous(rs)).optional().orElse(null);
            boolean since = !full && previous != null && previous.kept().intact() && lastFull != null
                    && lastFull.kept().startedAt().plus(fullEvery).isAfter(started);
            AuditVerifier.Checked checked;
            if (since) {
                long at = previous.kept().verifiedUpTo();
                Optional<String> hash = at == 0 ? Optional.of(AuditEntry.GENESIS) : rows.hashAt(at);
                if (hash.isEmpty() || !hash.get().equals(previous.lastHash())) {
                    checked = new AuditVerifier.Checked(VerifyResult.broken(0, at, hash.isEmpty()
                            ? "entry " + at + ", where the check of " + previous.kept().finishedAt() + " ended, is no "
                                    + "longer in the chain (deleted or truncated)"
                            : "entry " + at + "'s hash is not the one the check of " + previous.kept().finishedAt()
                                    + " read (rewritten)"), at + 1, at, previous.lastHash(),
                            previous.unchainedFromSeq());
                } else {
                    checked = verifier.check(at, previous.lastHash(), previous.unchainedFromSeq(), List.of());
                }
            } else {
                checked = verifier.check(0, AuditEntry.GENESIS, 1, List.of());
            }
            VerifyResult r = checked.result();
            long id = jdbc.sql("""
                    insert into audit_verification (kind, started_at, from_position, verified_up_to, last_hash,
                        entries, unchained_from_seq, pending, intact, first_broken_position, problem, checked_by)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                    .params((since ? Kind.SINCE : Kind.FULL).name(), OffsetDateTime.ofInstant(started,
                            java.time.ZoneOffset.UTC), checked.fromPosition(),
                            Math.max(checked.lastPosition(), checked.fromPosition() - 1), checked.lastHash(),
                            r.entries(), checked.unchainedFromSeq(), r.pending(), r.intact(),
                            r.firstBrokenPosition(), r.intact() ? null : problem(r), checkedBy)
                    .query(Long.class).single();
            return Optional.of(jdbc.sql(COLUMNS + " where id = ?").param(id).query((rs, n) -> verification(rs))
                    .single());
        });
    }

    /** A broken result always has a problem to keep (the table requires one). */
    private static String problem(VerifyResult r) {
        return r.problem() == null || r.problem().isBlank() ? "broken (no detail)" : r.problem();
    }

    private record Previous(Verification kept, String lastHash, long unchainedFromSeq) {
    }

    private static Previous previous(ResultSet rs) throws SQLException {
        return new Previous(verification(rs), rs.getString("last_hash"), rs.getLong("unchained_from_seq"));
    }

    private static Verification verification(ResultSet rs) throws SQLException {
        return new Verification(rs.getLong("id"), Kind.valueOf(rs.getString("kind")),
                rs.getObject("started_at", OffsetDateTime.class).toInstant(),
                rs.getObject("finished_at", OffsetDateTime.class).toInstant(), rs.getLong("from_position"),
                rs.getLong("verified_up_to"), rs.getLong("entries"), rs.getLong("pending"), rs.getBoolean("intact"),
                (Long) rs.getObject("first_broken_position"), rs.getString("problem"), rs.getString("checked_by"));
    }
}
