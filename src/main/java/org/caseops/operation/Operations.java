package org.caseops.operation;

import jakarta.validation.constraints.NotNull;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.caseops.access.Access;
import org.caseops.access.Actor;
import org.caseops.access.Role;
import org.caseops.system.BadInput;
import org.caseops.system.Conflict;
import org.caseops.system.Forbidden;
import org.caseops.system.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The operation aggregate's store: reading it, who may see what (need-to-know), and changing its state only through
 * {@link OperationState}'s table, each change with its operation event and audit entry in the same transaction.
 */
@Service
public class Operations {

    /** The longest window an operation may have, in days (the schema holds the same limit). */
    public static final int MAX_WINDOW_DAYS = 31;

    private final JdbcClient jdbc;
    private final Access access;

    Operations(JdbcClient jdbc, Access access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    private static final String COLUMNS = """
            id, name, objective, state, field_offices, window_start, window_end, legal_cleared_by, legal_cleared_at,
            approved_by, approved_at, created_by, created_at, version""";

    public Optional<Operation> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from operation where id = ?").param(id).query(Operations::row)
                .optional();
    }

    public Operation get(long id) {
        return find(id).orElseThrow(() -> new NotFound("no operation " + id));
    }

    /**
     * The operation as a change reads it: {@code version}, when the client sends it, is the one it read; an
     * operation changed since is a 409 naming its current state and version, never overwritten. The change's own
     * conditional update then counts its row against the same version.
     */
    public Operation get(long id, Integer version) {
        Operation op = get(id);
        if (version != null && version != op.version()) {
            throw new Conflict("operation " + id + " is " + op.state() + " at version " + op.version() + ", not "
                    + version + ": it was changed meanwhile; reload it and try again");
        }
        return op;
    }

    /** Operations the actor may know of: those of their field office (counsel, oversight: all). */
    public List<Operation> visible(Actor actor) {
        if (actor.is(Role.ATTORNEY, Role.AUDITOR)) {
            return jdbc.sql("select " + COLUMNS + " from operation order by id").query(Operations::row).list();
        }
        return jdbc.sql("select " + COLUMNS + " from operation where ? = any (field_offices) order by id")
                .param(actor.fieldOffice()).query(Operations::row).list();
    }

    /** Whether the actor may know of the operation at all (name, window, state, counts). */
    public void requireVisible(Operation op) {
        Actor actor = access.actor();
        if (actor.is(Role.ATTORNEY, Role.AUDITOR)
                || (actor.role().officeScoped() && op.fieldOffices().contains(actor.fieldOffice()))) {
            return;
        }
        throw new Forbidden(actor.username() + " has no part in operation " + op.id());
    }

    /**
     * Need-to-know: the operation's targets (people) are seen only by its roster, counsel (legal review) and the
     * directors of its field offices; nobody else, whatever their role.
     */
    public void requireNeedToKnow(Operation op) {
        Actor actor = access.actor();
        if (needsToKnow(op, actor)) {
            return;
        }
        throw new Forbidden(actor.username() + " is not on the roster of operation " + op.id()
                + ": its targets are need-to-know");
    }

    /** Whether {@code actor} needs to know the operation's targets (see {@link #requireNeedToKnow}). */
    public boolean needsToKnow(Operation op, Actor actor) {
        return actor.is(Role.ATTORNEY) || (actor.is(Role.DIRECTOR) && op.fieldOffices().contains(actor.fieldOffice()))
                || onRoster(op.id(), actor.username());
    }

    public boolean onRoster(long operationId, String username) {
        return jdbc.sql("select exists (select 1 from operation_roster where operation_id = ? and username = ?)")
                .params(operationId, username).query(Boolean.class).single();
    }

    /** The roster's leads and supervisors, and the field offices' directors, may change a draft. */
    public void requirePlanner(Operation op) {
        Actor actor = access.actor();
        if (!plans(op, actor)) {
            throw new Forbidden(actor.username() + " does not plan operation " + op.id()
                    + " (its leads, supervisors and field office directors do)");
        }
    }

    /** Whether {@code actor} plans the operation (see {@link #requirePlanner}). */
    public boolean plans(Operation op, Actor actor) {
        boolean director = actor.is(Role.DIRECTOR) && op.fieldOffices().contains(actor.fieldOffice());
        return director || jdbc.sql("""
                select exists (select 1 from operation_roster where operation_id = ? and username = ?
                               and duty in ('LEAD', 'SUPERVISOR'))""").params(op.id(), actor.username())
                .query(Boolean.class).single();
    }

    public void requireEditable(Operation op) {
        if (!op.state().editable()) {
            throw new Conflict("operation " + op.id() + " is " + op.state() + ": only a DRAFT can be changed");
        }
    }

    record NewOperation(String name, String objective, List<String> fieldOffices, @NotNull LocalDate windowStart,
            @NotNull LocalDate windowEnd) {
    }

    Operation create(NewOperation request) {
        Actor actor = access.actor();
        if (request.name() == null || request.name().isBlank()) {
            throw new BadInput("name", "an operation has a name");
        }
        if (request.fieldOffices() == null || request.fieldOffices().isEmpty()) {
            throw new BadInput("fieldOffices", "name the field offices the operation works in");
        }
        List<String> offices = request.fieldOffices().stream().map(o -> o.trim().toUpperCase(Locale.ROOT))
                .distinct().toList();
        for (String office : offices) {
            if (!jdbc.sql("select exists (select 1 from field_office where code = ?)").param(office)
                    .query(Boolean.class).single()) {
                throw new BadInput("fieldOffices", "no field office with code '" + office + "'");
            }
        }
        if (!offices.contains(actor.fieldOffice())) {
            throw new Forbidden("an operation is planned from one of its own field offices; " + actor.username()
                    + " is in " + actor.fieldOffice());
        }
        checkWindow(request.windowStart(), request.windowEnd());
        long id = jdbc.sql("""
                insert into operation (name, objective, state, field_offices, window_start, window_end, created_by)
                values (?, ?, 'DRAFT', ?::text[], ?, ?, ?) returning id""")
                .params(request.name().trim(), request.objective(), "{" + String.join(",", offices) + "}",
                        request.windowStart(), request.windowEnd(), actor.username())
                .query(Long.class).single();
        jdbc.sql("insert into operation_roster (operation_id, username, duty, added_by) values (?, ?, 'LEAD', ?)")
                .params(id, actor.username(), actor.username()).update();
        Operation op = get(id);
        event(op, "CREATED", null, OperationState.DRAFT, "operation created: " + op.name() + ", " + offices + ", "
                + op.windowStart() + " to " + op.windowEnd());
        return op;
    }

    static void checkWindow(LocalDate start, LocalDate end) {
        if (start == null) {
            throw new BadInput("windowStart", "the first day of the window is required (yyyy-MM-dd)");
        }
        if (end == null) {
            throw new BadInput("windowEnd", "the last day of the window is required (yyyy-MM-dd)");
        }
        if (end.isBefore(start)) {
            throw new BadInput("windowEnd", "the window ends before it starts");
        }
        if (end.toEpochDay() - start.toEpochDay() > MAX_WINDOW_DAYS) {
            throw new BadInput("windowEnd", "a window is at most " + MAX_WINDOW_DAYS + " days");
        }
    }

    /**
     * Moves the operation to {@code next} if the transition table allows it and nobody changed it meanwhile; writes
     * the operation event and the audit entry. Callers check their own preconditions first.
     */
    Operation transition(Operation op, OperationState next, String kind, String summary) {
        if (!op.state().allows(next)) {
            throw new Conflict("operation " + op.id() + " is " + op.state() + "; it cannot go to " + next
                    + " (from " + op.state() + ": " + op.state().next() + ")");
        }
        int updated = jdbc.sql("update operation set state = ?, version = version + 1 where id = ? and version = ?")
                .params(next.name(), op.id(), op.version()).update();
        if (updated == 0) {
            throw changedMeanwhile(op);
        }
        Operation moved = get(op.id());
        event(moved, kind, op.state(), next, summary);
        return moved;
    }

    /** Bumps the version of a change that is not a transition, so that concurrent edits fail cleanly. */
    void touch(Operation op) {
        if (jdbc.sql("update operation set version = version + 1 where id = ? and version = ?")
                .params(op.id(), op.version()).update() == 0) {
            throw changedMeanwhile(op);
        }
    }

    /**
     * The 409 of a conditional update that changed no row: the operation changed since {@code op} was read. Names
     * the state and version it has now.
     */
    Conflict changedMeanwhile(Operation op) {
        String now = jdbc.sql("select state || ' at version ' || version from operation where id = ?")
                .param(op.id()).query(String.class).optional().orElse("gone");
        return new Conflict("operation " + op.id() + " was changed meanwhile (read as " + op.state() + " at version "
                + op.version() + "): it is " + now + " now; reload and try again");
    }

    void event(Operation op, String kind, OperationState from, OperationState to, String summary) {
        String actor = access.actor().username();
        jdbc.sql("""
                insert into operation_event (operation_id, actor, kind, from_state, to_state, summary)
                values (?, ?, ?, ?, ?, ?)""")
                .params(op.id(), actor, kind, from == null ? null : from.name(), to == null ? null : to.name(),
                        summary).update();
        access.audit("OPERATION_" + kind, new Access.Subject("OPERATION", String.valueOf(op.id()),
                op.fieldOffices().size() == 1 ? op.fieldOffices().get(0) : null), summary);
    }

    public record Event(long id, Instant occurredAt, String actor, String kind, String fromState, String toState,
            String summary) {
    }

    public List<Event> events(long operationId) {
        return jdbc.sql("""
                select id, occurred_at, actor, kind, from_state, to_state, summary from operation_event
                where operation_id = ? order by id""").param(operationId)
                .query((rs, n) -> new Event(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7))).list();
    }

    private static Operation row(ResultSet rs, int n) throws SQLException {
        return new Operation(rs.getLong(1), rs.getString(2), rs.getString(3), OperationState.valueOf(rs.getString(4)),
                Arrays.asList((String[]) rs.getArray(5).getArray()), rs.getObject(6, LocalDate.class),
                rs.getObject(7, LocalDate.class), rs.getString(8), instant(rs.getObject(9, OffsetDateTime.class)),
                rs.getString(10), instant(rs.getObject(11, OffsetDateTime.class)), rs.getString(12),
                instant(rs.getObject(13, OffsetDateTime.class)), rs.getInt(14));
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
