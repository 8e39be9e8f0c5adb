package org.caseops.operation;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.annotation.PreDestroy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.caseops.access.Access;
import org.caseops.access.Actor;
import org.caseops.access.Role;
import org.caseops.operation.schedule.ScheduleInput;
import org.caseops.operation.schedule.ScheduleResult;
import org.caseops.operation.schedule.SolveControl;
import org.caseops.system.BadInput;
import org.caseops.system.Conflict;
import org.caseops.system.Forbidden;
import org.caseops.system.NotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Planning in the background (issue 15, docs/operations-planning.md "Planning in the background"): a run of the solver
 * for an operation is a {@code plan_run} row, started by a planner and solved on a small pool of its own
 * ({@code caseops.plan-runs.threads}, 1 by default), while a watcher writes the run's best score and units placed
 * to its row at most once a second with a heartbeat, and reads whether someone asked to cancel it — from any instance,
 * since the request is in the database. A cancelled run keeps the best plan found so far if it has no hard violation,
 * otherwise the previous plan stays. A run whose heartbeat stopped for {@code caseops.plan-runs.stale-after-seconds}
 * (its process died) is marked FAILED on start-up, every half minute and before a new run of its operation starts.
 * Every change of a run's state is a conditional update on {@code state = 'RUNNING'} that counts its row; at most
 * one run per operation is RUNNING (a partial unique index): a second start is a 409.
 */
@Service
public class PlanRuns {

    private static final Logger LOG = LoggerFactory.getLogger(PlanRuns.class);
    private static final String SYSTEM_ACTOR = "system:plan-runs";
    /** Runs that may wait for a thread of the pool; more are refused with 409. */
    static final int QUEUE = 8;
    /** Every how many watcher ticks (of a second) stale runs are looked for. */
    private static final int STALE_CHECK_TICKS = 30;

    public enum State { RUNNING, FINISHED, CANCELLED, FAILED }

    /** A run as the API and the board show it; {@code elapsedSeconds} to now while it runs, else to its end. */
    public record Run(long id, long operationId, State state, String startedBy, Instant startedAt, int seconds,
            int units, int unitsPlaced, Long bestHard, Long bestSoft, Instant cancelRequestedAt,
            String cancelRequestedBy, Instant finishedAt, Boolean planKept, String outcome, long elapsedSeconds) {

        public boolean running() {
            return state == State.RUNNING;
        }

        /** The best score so far in the solver's words ({@code -2hard/-340soft}), or null before the first one. */
        @JsonProperty("bestScore")
        public String bestScore() {
            return bestHard == null ? null : bestHard + "hard/" + bestSoft + "soft";
        }

        /** Whether the best schedule so far breaks no hard constraint. */
        @JsonProperty("feasible")
        public Boolean feasible() {
            return bestHard == null ? null : bestHard == 0;
        }
    }

    /** A run solving (or waiting to) on this instance. */
    private record Tracker(long id, SolveControl control) {
    }

    private final JdbcClient jdbc;
    private final Operations operations;
    private final Planner planner;
    private final Access access;
    private final TransactionTemplate transaction;
    private final int staleAfterSeconds;
    private final int threads;
    private final ThreadPoolExecutor pool;
    private final ScheduledExecutorService watcher;
    private final Map<Long, Tracker> local = new ConcurrentHashMap<>();
    private final AtomicLong ticks = new AtomicLong();

    PlanRuns(JdbcClient jdbc, Operations operations, Planner planner, Access access, TransactionTemplate transaction,
            @Value("${caseops.plan-runs.threads:1}") int threads,
            @Value("${caseops.plan-runs.stale-after-seconds:60}") int staleAfterSeconds) {
        if (threads < 1 || threads > 4) {
            throw new IllegalArgumentException("caseops.plan-runs.threads is 1 to 4, not " + threads);
        }
        if (staleAfterSeconds < 5) {
            throw new IllegalArgumentException("caseops.plan-runs.stale-after-seconds is at least 5, not "
                    + staleAfterSeconds);
        }
        this.jdbc = jdbc;
        this.operations = operations;
        this.planner = planner;
        this.access = access;
        this.transaction = transaction;
        this.threads = threads;
        this.staleAfterSeconds = staleAfterSeconds;
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE),
                r -> daemon(r, "plan-run"));
        this.watcher = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "plan-run-watcher"));
        this.watcher.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @PreDestroy
    void stop() {
        local.values().forEach(t -> t.control().cancel());
        watcher.shutdownNow();
        pool.shutdownNow();
    }

    /** On start-up: runs left RUNNING by a process that died are FAILED (their heartbeat stopped). */
    @EventListener(ApplicationReadyEvent.class)
    void failStaleOnStart() {
        try {
            failStale(null);
        } catch (RuntimeException e) {
            LOG.warn("could not look for stale plan runs on start-up: {}", e.toString());
        }
    }

    // ---- starting -----------------------------------------------------------------------------------------------

    /**
     * Starts a run for a DRAFT the actor plans (as {@link Planner#plan}: 1–300 seconds, at least one target unit):
     * the run's row, its operation event and audit entry in one transaction, then the solve on the pool. A second
     * run while one is RUNNING is a 409 naming it.
     */
    public Run start(long operationId, Integer seconds, Integer version) {
        Operation op = operations.get(operationId, version);
        ScheduleInput input = planner.prepare(op, seconds);
        int limit = (int) input.limits().timeLimit().toSeconds();
        int units = input.units().size();
        Actor actor = access.actor();
        long runId = transaction.execute(status -> {
            failStale(op.id());
            Long id = jdbc.sql("""
                    insert into plan_run (operation_id, started_by, seconds, operation_version, units)
                    values (?, ?, ?, ?, ?)
                    on conflict (operation_id) where state = 'RUNNING' do nothing
                    returning id""").params(op.id(), actor.username(), limit, op.version(), units)
                    .query(Long.class).optional().orElse(null);
            if (id == null) {
                throw alreadyRunning(op.id());
            }
            operations.event(op, "PLAN_RUN_STARTED", null, null, "plan run " + id + " started: the solver may run "
                    + limit + " s for " + units + " target units");
            return id;
        });
        Tracker tracker = new Tracker(runId, new SolveControl());
        local.put(runId, tracker);
        try {
            pool.execute(new DelegatingSecurityContextRunnable(() -> execute(tracker, op, input)));
        } catch (RejectedExecutionException e) {
            local.remove(runId);
            String why = "this server already has " + (threads + QUEUE) + " plan runs solving or waiting; "
                    + "try again when one has finished";
            failed(runId, op, why);
            throw new Conflict("plan run " + runId + " of operation " + op.id() + " was not started: " + why);
        }
        return find(runId).orElseThrow();
    }

    private Conflict alreadyRunning(long operationId) {
        return alreadyRunning(jdbc, operationId).orElseGet(() -> new Conflict("operation " + operationId
                + " is being planned already (another plan run): wait for it to finish or cancel it"));
    }

    /** The 409 of an operation that a plan run is planning now, naming the run; empty when none is. */
    static Optional<Conflict> alreadyRunning(JdbcClient jdbc, long operationId) {
        return jdbc.sql("""
                select 'plan run ' || id || ', started by ' || started_by || ' at '
                       || to_char(started_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS') || ' UTC'
                from plan_run where operation_id = ? and state = 'RUNNING'""").param(operationId)
                .query(String.class).optional().map(which -> new Conflict("operation " + operationId
                        + " is being planned already (" + which + "): wait for it to finish or cancel it"));
    }

    /** The solve, on a thread of the pool, as the user who started it. */
    private void execute(Tracker tracker, Operation op, ScheduleInput input) {
        long id = tracker.id();
        try {
            ScheduleResult result = planner.solve(op, input, tracker.control());
            String actor = access.actor().username();
            if (tracker.control().cancelled() && !result.feasible()) {
                String why = "the best schedule found by then breaks hard constraints (score "
                        + result.score() + "), so it was not stored: the previous plan stays";
                transaction.executeWithoutResult(s -> {
                    finish(id, State.CANCELLED, false, "Cancelled: " + why, result);
                    operations.event(op, "PLAN_RUN_CANCELLED", null, null, "plan run " + id + " cancelled: " + why);
                });
                return;
            }
            State state = tracker.control().cancelled() ? State.CANCELLED : State.FINISHED;
            String outcome = (state == State.CANCELLED ? "Cancelled: the best plan found by then has no hard "
                    + "violation and was stored: " : "Finished: ") + result.assignments().size() + " visits, score "
                    + result.score() + (result.feasible() ? ", feasible" : ", NOT feasible: "
                    + result.hardViolations().size() + " hard violations (see the dry run)");
            transaction.executeWithoutResult(s -> {
                finish(id, state, true, outcome, result);
                planner.save(op, result, actor);
            });
        } catch (Conflict | BadInput | NotFound e) {
            failed(id, op, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("plan run {} of operation {} failed", id, op.id(), e);
            failed(id, op, "the solver failed: " + e.getClass().getSimpleName());
        } finally {
            local.remove(id);
        }
    }

    /** Ends a RUNNING run: a conditional update that counts its row (a run marked FAILED meanwhile is a 409). */
    private void finish(long id, State state, boolean planKept, String outcome, ScheduleResult result) {
        int updated = jdbc.sql("""
                update plan_run set state = ?, finished_at = now(), plan_kept = ?, outcome = ?, units_placed = ?,
                       best_hard = ?, best_soft = ?, heartbeat_at = now()
                where id = ? and state = 'RUNNING'""")
                .params(state.name(), planKept, outcome, result.assignments().size(), result.hardScore(),
                        result.softScore(), id).update();
        if (updated == 0) {
            throw new Conflict("plan run " + id + " is no longer running (it was marked "
                    + jdbc.sql("select state from plan_run where id = ?").param(id).query(String.class).single()
                    + " meanwhile): its result is not stored");
        }
    }

    /** Marks a RUNNING run FAILED with its reason and the operation event, in a transaction of its own. */
    private void failed(long id, Operation op, String why) {
        try {
            transaction.executeWithoutResult(s -> {
                int updated = jdbc.sql("""
                        update plan_run set state = 'FAILED', finished_at = now(), plan_kept = false, outcome = ?
                        where id = ? and state = 'RUNNING'""").params("Failed: " + why, id).update();
                if (updated == 1) {
                    operations.event(op, "PLAN_RUN_FAILED", null, null, "plan run " + id + " failed: " + why);
                }
            });
        } catch (RuntimeException e) {
            LOG.error("could not mark plan run {} FAILED ({})", id, why, e);
        }
    }

    // ---- cancelling ---------------------------------------------------------------------------------------------

    /**
     * Asks a RUNNING run to stop: written to the run's row (so the instance solving it sees it within a second,
     * whichever instance that is), with the operation event and audit entry. Only the user who started it, or a
     * supervisor or director of one of the operation's field offices, may; a run no longer running, or one already
     * asked, is a 409.
     */
    public Run cancel(long operationId, long runId) {
        Operation op = operations.get(operationId);
        operations.requireVisible(op);
        Run run = find(runId).filter(r -> r.operationId() == operationId)
                .orElseThrow(() -> new NotFound("operation " + operationId + " has no plan run " + runId));
        Actor actor = access.actor();
        if (!mayCancel(op, run, actor)) {
            throw new Forbidden(actor.username() + " may not cancel plan run " + runId + ": only who started it ("
                    + run.startedBy() + ") or a supervisor or director of the operation's field offices may");
        }
        transaction.executeWithoutResult(s -> {
            int updated = jdbc.sql("""
                    update plan_run set cancel_requested_at = now(), cancel_requested_by = ?
                    where id = ? and operation_id = ? and state = 'RUNNING' and cancel_requested_at is null""")
                    .params(actor.username(), runId, operationId).update();
            if (updated == 0) {
                Run now = find(runId).orElseThrow();
                if (!now.running()) {
                    throw new Conflict("plan run " + runId + " is " + now.state() + " (it ended at "
                            + utc(now.finishedAt()) + "): there is nothing to cancel");
                }
                throw new Conflict("plan run " + runId + " is being cancelled already (asked by "
                        + now.cancelRequestedBy() + " at " + utc(now.cancelRequestedAt()) + ")");
            }
            operations.event(op, "PLAN_RUN_CANCEL_REQUESTED", null, null, "cancel of plan run " + runId
                    + " (started by " + run.startedBy() + ") requested");
        });
        Tracker tracker = local.get(runId);
        if (tracker != null) {
            tracker.control().cancel();
        }
        return find(runId).orElseThrow();
    }

    private static String utc(Instant t) {
        return t == null ? "?" : t.toString().substring(0, 19).replace('T', ' ') + " UTC";
    }

    /** Who may cancel a run: who started it, or a supervisor or director of one of the operation's field offices. */
    public static boolean mayCancel(Operation op, Run run, Actor actor) {
        return actor.username().equals(run.startedBy())
                || (actor.is(Role.SUPERVISOR, Role.DIRECTOR) && op.fieldOffices().contains(actor.fieldOffice()));
    }

    // ---- reading ------------------------------------------------------------------------------------------------

    /** A run of an operation, for whoever needs to know its targets and plan. */
    public Run get(long operationId, long runId) {
        Operation op = operations.get(operationId);
        operations.requireNeedToKnow(op);
        return find(runId).filter(r -> r.operationId() == operationId)
                .orElseThrow(() -> new NotFound("operation " + operationId + " has no plan run " + runId));
    }

    /** The operation's latest run, if any (the caller has checked need-to-know). */
    public Optional<Run> latest(long operationId) {
        return jdbc.sql("select " + COLUMNS + " from plan_run where operation_id = ? order by id desc limit 1")
                .param(operationId).query(PlanRuns::row).optional();
    }

    Optional<Run> find(long runId) {
        return jdbc.sql("select " + COLUMNS + " from plan_run where id = ?").param(runId).query(PlanRuns::row)
                .optional();
    }

    private static final String COLUMNS = """
            id, operation_id, state, started_by, started_at, seconds, units, units_placed, best_hard, best_soft,
            cancel_requested_at, cancel_requested_by, finished_at, plan_kept, outcome,
            extract(epoch from coalesce(finished_at, now()) - started_at)::bigint""";

    private static Run row(ResultSet rs, int n) throws SQLException {
        return new Run(rs.getLong(1), rs.getLong(2), State.valueOf(rs.getString(3)), rs.getString(4),
                instant(rs, 5), rs.getInt(6), rs.getInt(7), rs.getInt(8), (Long) rs.getObject(9),
                (Long) rs.getObject(10), instant(rs, 11), rs.getString(12), instant(rs, 13),
                (Boolean) rs.getObject(14), rs.getString(15), rs.getLong(16));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    // ---- the watcher --------------------------------------------------------------------------------------------

    /**
     * Once a second: each run of this instance's gets its best score so far, units placed and heartbeat written
     * (one conditional update each, which also answers whether a cancel was asked — then the solver is stopped);
     * every half minute, stale runs of any instance are marked FAILED.
     */
    private void tick() {
        try {
            for (Tracker tracker : local.values()) {
                SolveControl c = tracker.control();
                Boolean cancel = jdbc.sql("""
                        update plan_run set heartbeat_at = now(), units_placed = ?, best_hard = ?, best_soft = ?
                        where id = ? and state = 'RUNNING'
                        returning cancel_requested_at is not null""")
                        .params(c.placed(), c.scored() ? c.bestHard() : null, c.scored() ? c.bestSoft() : null,
                                tracker.id()).query(Boolean.class).optional().orElse(Boolean.FALSE);
                if (cancel) {
                    c.cancel(); // again on every tick while it runs: a search that started just then stops too
                }
            }
            if (ticks.incrementAndGet() % STALE_CHECK_TICKS == 0) {
                failStale(null);
            }
        } catch (RuntimeException e) {
            LOG.warn("plan-run watcher: {}", e.toString());
        }
    }

    /**
     * Marks FAILED every RUNNING run (of one operation, or of all) whose heartbeat is older than the configured
     * limit: its process stopped. A conditional update, audited as the system's.
     */
    int failStale(Long operationId) {
        List<long[]> failed = jdbc.sql("""
                update plan_run set state = 'FAILED', finished_at = now(), plan_kept = false,
                       outcome = 'Failed: no heartbeat for more than ' || ? || ' s (the server solving it stopped); '
                                 || 'the previous plan stays'
                where state = 'RUNNING' and heartbeat_at < now() - make_interval(secs => ?)
                  and (?::bigint is null or operation_id = ?)
                returning id, operation_id""").params(staleAfterSeconds, staleAfterSeconds, operationId, operationId)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
        for (long[] run : failed) {
            Tracker stale = local.remove(run[0]);
            if (stale != null) {
                stale.control().cancel();
            }
            access.auditAsSystem(SYSTEM_ACTOR, "OPERATION_PLAN_RUN_FAILED", new Access.Subject("OPERATION",
                    String.valueOf(run[1]), null), "plan run " + run[0] + ": no heartbeat for more than "
                    + staleAfterSeconds + " s, marked FAILED");
        }
        return failed.size();
    }
}
