package org.caseops.operation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.caseops.operation.schedule.Assignment;
import org.caseops.operation.schedule.GeoPoint;
import org.caseops.operation.schedule.Member;
import org.caseops.operation.schedule.Preferences;
import org.caseops.operation.schedule.ScheduleInput;
import org.caseops.operation.schedule.ScheduleResult;
import org.caseops.operation.schedule.ScheduleConstraints;
import org.caseops.operation.schedule.ScheduleSolver;
import org.caseops.operation.schedule.Shift;
import org.caseops.operation.schedule.SlotGrid;
import org.caseops.operation.schedule.SolverLimits;
import org.caseops.operation.schedule.StagingKind;
import org.caseops.operation.schedule.StagingSite;
import org.caseops.operation.schedule.Team;
import org.caseops.operation.schedule.UnitToPlace;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.caseops.operation.schedule.SolveControl;
import org.caseops.access.Access;
import org.caseops.system.BadInput;
import org.caseops.system.Conflict;
import org.caseops.system.ConnectionNesting;
import org.caseops.system.NotFound;
import org.caseops.system.RequestConnection;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Turns an operation's targets, teams and staging sites into the solver's input, runs the solver
 * (docs/operations-scheduling.md) outside any transaction, and stores the plan in a short one with a version check:
 * one visit per target unit.
 */
@Service
public class Planner {

    /** How long the solver may run unless the caller says otherwise. */
    public static final Duration DEFAULT_LIMIT = Duration.ofSeconds(30);

    private final JdbcClient jdbc;
    private final Targets targets;
    private final Logistics logistics;
    private final ProtectedAreas protectedAreas;
    private final Operations operations;
    private final ObjectMapper json;

    private final Access access;
    private final TransactionTemplate transaction;

    Planner(JdbcClient jdbc, Targets targets, Logistics logistics, ProtectedAreas protectedAreas,
            Operations operations, ObjectMapper json, Access access, TransactionTemplate transaction) {
        this.access = access;
        this.transaction = transaction;
        this.jdbc = jdbc;
        this.targets = targets;
        this.logistics = logistics;
        this.protectedAreas = protectedAreas;
        this.operations = operations;
        this.json = json;
    }

    /**
     * The solver's input for the operation as stored now. With {@code logisticsOnly}, every member counts as
     * executable on every day and no approval as missing: the dry run judges those itself, fresh, and uses the
     * solver's constraints only for staging, holding time and teams.
     */
    ScheduleInput input(Operation op, Duration limit, boolean logisticsOnly) {
        Map<String, GeoPoint> offices = fieldOfficeLocations();
        Set<LocalDate> window = new HashSet<>(op.days());
        List<Targets.Unit> toPlace = targets.units(op.id(), true).stream().filter(u -> !u.targets().isEmpty())
                .toList();
        // the protected areas read once for every unit (a unit absent from the map needs no approval on any day)
        Map<Long, Set<LocalDate>> cleared = logisticsOnly ? Map.of() : protectedAreas.clearedDays(op.id(),
                toPlace.stream().map(Targets.Unit::familyId).toList(), op.days());
        List<UnitToPlace> units = toPlace.stream()
                .map(u -> new UnitToPlace(u.familyId(), u.fieldOffice(), u.targets().stream()
                        .map(m -> new Member(m.personId(), m.minor(),
                                logisticsOnly ? window : Set.copyOf(m.executableDays()))).toList(),
                        u.members().size() - u.targets().size(), null, cleared.get(u.familyId())))
                .toList();
        List<Team> teams = logistics.teams(op.id()).stream()
                .map(t -> new Team(String.valueOf(t.id()), t.fieldOffice(), t.size(), t.shifts().stream()
                        .map(s -> new Shift(s.day(), s.starts(), s.ends())).toList(), offices.get(t.fieldOffice())))
                .toList();
        List<StagingSite> sites = logistics.sites(op.id()).stream()
                .map(s -> new StagingSite(String.valueOf(s.id()), s.fieldOffice(), StagingKind.valueOf(s.kind().name()),
                        s.capacityPeople(), s.capacityFamilyRooms(), Duration.ofHours(s.maxHours()), s.departures()))
                .toList();
        return new ScheduleInput(op.windowStart(), op.windowEnd(), SlotGrid.DEFAULT, units, teams, sites,
                Preferences.defaults(), SolverLimits.of(limit, limit.compareTo(Duration.ofSeconds(10)) < 0
                        ? limit : Duration.ofSeconds(10)));
    }

    public record Plan(long operationId, String score, boolean feasible, long solverMillis, Long firstFeasibleMillis,
            int visits, List<Long> unplannedUnits, List<org.caseops.operation.schedule.Violation> violations) {
    }

    /** The solver the planner calls: {@link ScheduleSolver#solve}; a test may put a probe around it. */
    private volatile BiFunction<ScheduleInput, SolveControl, ScheduleResult> solver = ScheduleSolver::solve;

    void solveWith(Function<ScheduleInput, ScheduleResult> solver) {
        this.solver = (input, control) -> solver.apply(input);
    }

    /** A probe that sees the run's control (its cancel, its progress), for tests of background runs. */
    void solveWithControl(BiFunction<ScheduleInput, SolveControl, ScheduleResult> solver) {
        this.solver = solver;
    }

    /** The real solver again. */
    void realSolver() {
        this.solver = ScheduleSolver::solve;
    }

    /**
     * Plans the operation (a DRAFT) and replaces its stored plan. The solver runs for up to {@code seconds} (1–300,
     * {@link #DEFAULT_LIMIT} when null) with no database connection held and no transaction open; its result is then
     * saved in one short transaction that counts the operation's row at the version read before solving (or the one
     * the client sends): an operation changed while the solver ran is a 409 naming its current version, and nothing
     * of the plan is saved.
     */
    public Plan plan(long id, Integer seconds, Integer version) {
        Operation op = operations.get(id, version);
        ScheduleInput input = prepare(op, seconds);
        // a plan asked for directly while a plan run is planning the operation would race it: refused
        PlanRuns.alreadyRunning(jdbc, id).ifPresent(conflict -> {
            throw conflict;
        });
        String actor = access.actor().username();
        ScheduleResult result = solve(op, input, SolveControl.none());
        return transaction.execute(status -> save(op, result, actor));
    }

    /**
     * Checks that the actor may plan the operation now (a planner, a DRAFT, 1–300 seconds, at least one target unit)
     * and builds the solver's input from it as stored.
     */
    ScheduleInput prepare(Operation op, Integer seconds) {
        operations.requirePlanner(op);
        operations.requireEditable(op);
        int limit = seconds == null ? (int) DEFAULT_LIMIT.toSeconds() : seconds;
        if (limit < 1 || limit > 300) {
            throw new BadInput("seconds", "the solver runs 1 to 300 seconds");
        }
        ScheduleInput input = input(op, Duration.ofSeconds(limit), false);
        if (input.units().isEmpty()) {
            throw new Conflict("operation " + op.id() + " has no target units to plan");
        }
        return input;
    }

    /** Runs the solver with no connection held and no transaction open (a request's connection is handed back). */
    ScheduleResult solve(Operation op, ScheduleInput input, SolveControl control) {
        RequestConnection.handBack(); // the request's connection goes back to the pool while the solver works
        if (TransactionSynchronizationManager.isActualTransactionActive()
                || ConnectionNesting.heldByThisThread() > 0) {
            throw new IllegalStateException("the solver never runs inside a database transaction or while holding "
                    + "a connection (operation " + op.id() + ")");
        }
        try {
            return solver.apply(input, control);
        } catch (IllegalArgumentException e) {
            throw new Conflict("operation " + op.id() + " cannot be planned: " + e.getMessage());
        }
    }

    /**
     * Saves the solver's result if the operation is still as it was read ({@code op}'s version); call it inside a
     * transaction.
     */
    Plan save(Operation op, ScheduleResult result, String actor) {
        operations.touch(op); // the version check: counts the operation's row at the version read, locks it
        jdbc.sql("delete from plan_visit where operation_id = ?").param(op.id()).update();
        // one statement for the whole plan (unnest of arrays), not one insert per visit
        List<Assignment> visits = result.assignments();
        jdbc.sql("""
                insert into plan_visit (operation_id, family_id, day, starts, team_id, site_id)
                select ?, v.family_id, v.day, v.starts, v.team_id, v.site_id
                from unnest(?::bigint[], ?::date[], ?::time[], ?::bigint[], ?::bigint[])
                     as v(family_id, day, starts, team_id, site_id)""").params(op.id(),
                visits.stream().map(Assignment::unitId).toArray(Long[]::new),
                visits.stream().map(a -> a.date().toString()).toArray(String[]::new),
                visits.stream().map(a -> a.start().toString()).toArray(String[]::new),
                visits.stream().map(a -> Long.parseLong(a.teamId())).toArray(Long[]::new),
                visits.stream().map(a -> Long.parseLong(a.siteId())).toArray(Long[]::new)).update();
        long millis = result.timings().total().toMillis();
        String violations;
        try {
            violations = json.writeValueAsString(result.violations());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        jdbc.sql("""
                insert into operation_plan (operation_id, planned_by, score, feasible, solver_ms, violations)
                values (?, ?, ?, ?, ?, ?::jsonb)
                on conflict (operation_id) do update set planned_at = now(), planned_by = excluded.planned_by,
                  score = excluded.score, feasible = excluded.feasible, solver_ms = excluded.solver_ms,
                  violations = excluded.violations""")
                .params(op.id(), actor, result.score(), result.feasible(), millis, violations).update();
        operations.event(op, "PLANNED", null, null, result.assignments().size() + " visits, score "
                + result.score() + (result.feasible() ? ", feasible" : ", NOT feasible: "
                + result.hardViolations().size() + " hard violations"));
        return new Plan(op.id(), result.score(), result.feasible(), millis,
                result.timings().firstFeasibleIfAny().map(Duration::toMillis).orElse(null),
                result.assignments().size(), result.unassignedUnitIds(), result.violations());
    }

    /** The stored plan, for whoever needs to know the operation's targets. */
    public StoredPlan storedFor(long id) {
        Operation op = operations.get(id);
        operations.requireNeedToKnow(op);
        return stored(id).orElseThrow(() -> new NotFound("operation " + id + " has no plan yet"));
    }

    public record Visit(long familyId, LocalDate day, LocalTime starts, long teamId, long siteId) {
    }

    public List<Visit> visits(long operationId) {
        return jdbc.sql("select family_id, day, starts, team_id, site_id from plan_visit where operation_id = ? "
                + "order by day, starts, team_id").param(operationId)
                .query((rs, n) -> new Visit(rs.getLong(1), rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalTime.class), rs.getLong(4), rs.getLong(5))).list();
    }

    /**
     * One constraint's share of the score: every constraint of the solver's (hard first, then soft) with how many
     * matches it had in the plan, their total penalty on its level, and the first match's words.
     */
    public record ConstraintTotal(String constraint, String level, int matches, long penalty, String example) {
    }

    public record StoredPlan(String score, boolean feasible, long solverMillis, String plannedBy, List<Visit> visits,
            List<ConstraintTotal> breakdown) {
    }

    public java.util.Optional<StoredPlan> stored(long operationId) {
        // the plan's row, then its visits: never a query inside the row mapper (issue 12)
        record Row(String score, boolean feasible, long millis, String plannedBy, String violations) {
        }
        return jdbc.sql("select score, feasible, solver_ms, planned_by, violations::text from operation_plan "
                + "where operation_id = ?").param(operationId)
                .query((rs, n) -> new Row(rs.getString(1), rs.getBoolean(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5))).optional()
                .map(plan -> new StoredPlan(plan.score(), plan.feasible(), plan.millis(), plan.plannedBy(),
                        visits(operationId), breakdown(plan.violations())));
    }

    /** The score's breakdown by constraint, from the violations stored with the plan. */
    List<ConstraintTotal> breakdown(String violationsJson) {
        List<org.caseops.operation.schedule.Violation> violations;
        try {
            violations = violationsJson == null ? List.of() : List.of(json.readValue(violationsJson,
                    org.caseops.operation.schedule.Violation[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the plan's stored violations are not readable", e);
        }
        Map<String, List<org.caseops.operation.schedule.Violation>> by = violations.stream()
                .collect(Collectors.groupingBy(org.caseops.operation.schedule.Violation::constraint));
        List<ConstraintTotal> totals = new java.util.ArrayList<>();
        for (String level : List.of("HARD", "SOFT")) {
            List<String> names = level.equals("HARD") ? ScheduleConstraints.HARD : ScheduleConstraints.SOFT;
            for (String name : names) {
                List<org.caseops.operation.schedule.Violation> matches = by.getOrDefault(name, List.of());
                totals.add(new ConstraintTotal(name, level, matches.size(),
                        matches.stream().mapToLong(org.caseops.operation.schedule.Violation::penalty).sum(),
                        matches.isEmpty() ? null : matches.get(0).justification()));
            }
        }
        return List.copyOf(totals);
    }

    private Map<String, GeoPoint> fieldOfficeLocations() {
        return jdbc.sql("select code, latitude, longitude from field_office where latitude is not null")
                .query((rs, n) -> Map.entry(rs.getString(1), new GeoPoint(rs.getDouble(2), rs.getDouble(3)))).list()
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
