package org.caseops.task;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.caseops.system.Conflict;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The task table and its history, through SQL. Rules live in {@link Tasks}; this only reads and writes rows. */
@Repository
class TaskRows {

    /** Today in UTC: a hold by hand lasts until the start of its date. */
    private static final String TODAY = "(now() at time zone 'UTC')::date";

    /** A hold by hand still running. */
    static final String HOLD_RUNS = "(t.hold_until > " + TODAY + ")";

    /**
     * The status as it is now: a task held by hand whose date has come is back in its queue with the status it had
     * (unless it still waits for an open child task), whatever the row says until its next change.
     */
    static final String STATUS = "(case when t.status = 'ON_HOLD' and t.hold_until <= " + TODAY
            + " and not exists (select 1 from task c where c.parent_id = t.id and c.closed_at is null)"
            + " then t.resumes_as else t.status end)";

    private static final String SELECT = """
            select t.id, t.type, %1$s as status, t.title, t.assignee_user, t.assignee_team, t.field_office_code,
                   t.subject_type, t.subject_id, t.operation_id, t.parent_id, t.due_at,
                   case when %1$s = 'ON_HOLD' then t.resumes_as end as resumes_as, t.created_by,
                   t.created_at, t.closed_at, t.closed_by, t.resolution,
                   (select count(*) from task c where c.parent_id = t.id) as children,
                   (select count(*) from task c where c.parent_id = t.id and c.closed_at is null) as open_children,
                   t.closed_at is null and t.due_at < now() as overdue, t.version, t.priority,
                   case when %2$s then t.hold_reason end, case when %2$s then t.hold_until end,
                   case when %2$s then t.held_by end, case when %2$s then t.held_at end
            from task t""".formatted(STATUS, HOLD_RUNS);

    private final JdbcClient jdbc;

    TaskRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Task> find(long id) {
        return jdbc.sql(SELECT + " where t.id = ?").param(id).query(TaskRows::row).optional();
    }

    /** The task, its row locked until the transaction ends: parents are locked before their children change. */
    Optional<Task> lock(long id) {
        if (jdbc.sql("select id from task where id = ? for update").param(id).query(Long.class).optional()
                .isEmpty()) {
            return Optional.empty();
        }
        return find(id);
    }

    List<Task> children(long parentId) {
        return jdbc.sql(SELECT + " where t.parent_id = ? order by t.id").param(parentId).query(TaskRows::row).list();
    }

    List<Task> openOn(SubjectType type, String id) {
        return jdbc.sql(SELECT + " where t.subject_type = ? and t.subject_id = ? and t.closed_at is null "
                + "order by t.due_at, t.id").params(type.name(), id).query(TaskRows::row).list();
    }

    /** The newest task of a type about each subject: its status and whether it is open past its due time. */
    java.util.Map<String, Tasks.TaskState> statesOf(TaskType type, SubjectType subject,
            java.util.Collection<String> ids) {
        java.util.Map<String, Tasks.TaskState> states = new java.util.HashMap<>();
        jdbc.sql("""
                select distinct on (t.subject_id) t.subject_id, t.status,
                       t.closed_at is null and t.due_at < now()
                from task t
                where t.type = ? and t.subject_type = ? and t.subject_id = any(?)
                order by t.subject_id, t.id desc""")
                .params(type.name(), subject.name(), ids.toArray(String[]::new))
                .query(rs -> {
                    states.put(rs.getString(1), new Tasks.TaskState(TaskStatus.valueOf(rs.getString(2)),
                            rs.getBoolean(3)));
                });
        return states;
    }

    /** Open tasks about a person: by A-number as PERSON or CASE, or about their family; by priority, then due. */
    List<Task> openAbout(String aNumber, long familyId) {
        return jdbc.sql(SELECT + " where t.closed_at is null and ((t.subject_type in ('PERSON', 'CASE')"
                + " and t.subject_id = ?) or (t.subject_type = 'FAMILY' and t.subject_id = ?))"
                + " order by t.priority, t.due_at nulls last, t.id limit 200")
                .params(aNumber, String.valueOf(familyId)).query(TaskRows::row).list();
    }

    int openChildren(long parentId) {
        return jdbc.sql("select count(*) from task where parent_id = ? and closed_at is null").param(parentId)
                .query(Integer.class).single();
    }

    long insert(NewTask task, TaskPriority priority, String createdBy) {
        return jdbc.sql("""
                insert into task (type, status, title, assignee_user, assignee_team, field_office_code, subject_type,
                                  subject_id, operation_id, parent_id, due_at, created_by, priority)
                values (?, 'ASSIGNED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(task.type().name(), task.title(), task.assignee().user(), task.assignee().team(),
                        task.fieldOffice(), task.subjectType() == null ? null : task.subjectType().name(),
                        task.subjectId(), task.operationId(), task.parentId(), timestamp(task.dueAt()), createdBy,
                        priority.rank())
                .query(Long.class).single();
    }

    /** Puts the task on hold by hand until a date, if nobody changed it since {@code task} was read. */
    void hold(Task task, TaskStatus resumesAs, String reason, LocalDate until, String by) {
        int updated = jdbc.sql("""
                update task set status = 'ON_HOLD', resumes_as = ?, hold_reason = ?, hold_until = ?, held_by = ?,
                                held_at = now(), version = version + 1
                where id = ? and version = ?""")
                .params(resumesAs.name(), reason, until, by, task.id(), task.version())
                .update();
        if (updated == 0) {
            throw changedMeanwhile(task.id());
        }
    }

    /** Sets the priority, if nobody changed the task since {@code task} was read. */
    void prioritize(Task task, TaskPriority priority) {
        int updated = jdbc.sql("update task set priority = ?, version = version + 1 where id = ? and version = ?")
                .params(priority.rank(), task.id(), task.version())
                .update();
        if (updated == 0) {
            throw changedMeanwhile(task.id());
        }
    }

    /**
     * Sets the status (and what goes with it) if nobody changed the task since {@code task} was read.
     *
     * @param resumesAs what an ON_HOLD task returns to; ignored for other statuses
     * @param closedBy  who closed it, for COMPLETED and CANCELLED
     * @param resolution the resolution or reason of a closed task
     */
    void setStatus(Task task, TaskStatus status, TaskStatus resumesAs, String closedBy, String resolution) {
        boolean closed = status.closed();
        int updated = jdbc.sql("""
                update task set status = ?, resumes_as = ?, closed_at = case when ? then now() end,
                                closed_by = ?, resolution = coalesce(?, resolution), hold_reason = null,
                                hold_until = null, held_by = null, held_at = null, version = version + 1
                where id = ? and version = ?""")
                .params(status.name(), status == TaskStatus.ON_HOLD ? resumesAs.name() : null, closed,
                        closed ? closedBy : null, closed ? resolution : null, task.id(), task.version())
                .update();
        if (updated == 0) {
            throw changedMeanwhile(task.id());
        }
    }

    /** Moves the task to another assignee (and status), if nobody changed it since {@code task} was read. */
    void assign(Task task, Assignee to, TaskStatus status, TaskStatus resumesAs) {
        int updated = jdbc.sql("""
                update task set assignee_user = ?, assignee_team = ?, status = ?, resumes_as = ?,
                                hold_reason = case when ? then hold_reason end,
                                hold_until = case when ? then hold_until end,
                                held_by = case when ? then held_by end, held_at = case when ? then held_at end,
                                version = version + 1
                where id = ? and version = ?""")
                .params(to.user(), to.team(), status.name(), resumesAs == null ? null : resumesAs.name(),
                        status == TaskStatus.ON_HOLD, status == TaskStatus.ON_HOLD, status == TaskStatus.ON_HOLD,
                        status == TaskStatus.ON_HOLD, task.id(), task.version())
                .update();
        if (updated == 0) {
            throw changedMeanwhile(task.id());
        }
    }

    /**
     * The 409 of a conditional update that changed no row: somebody changed the task since it was read. Names the
     * state and version the task has now, so that the client knows what it is looking at.
     */
    Conflict changedMeanwhile(long id) {
        String now = jdbc.sql("select " + STATUS + " || ' at version ' || t.version from task t where t.id = ?")
                .param(id).query(String.class).optional().orElse("gone");
        return new Conflict("task " + id + " was changed meanwhile: it is " + now + " now" + lastEvent(id)
                .map(e -> ", " + TaskLinks.doneBy(e)).orElse("") + "; reload it and try again");
    }

    void event(long taskId, String actor, String kind, TaskStatus from, TaskStatus to, String detail) {
        jdbc.sql("""
                insert into task_event (task_id, actor, kind, from_status, to_status, detail)
                values (?, ?, ?, ?, ?, ?)""")
                .params(taskId, actor, kind, from == null ? null : from.name(), to == null ? null : to.name(), detail)
                .update();
    }

    /** One change in a task's history. */
    record Event(long id, Instant occurredAt, String actor, String kind, TaskStatus fromStatus, TaskStatus toStatus,
            String detail) {
    }

    List<Event> events(long taskId) {
        return jdbc.sql("""
                select id, occurred_at, actor, kind, from_status, to_status, detail from task_event
                where task_id = ? order by id""").param(taskId)
                .query((rs, n) -> new Event(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getString(3), rs.getString(4), status(rs.getString(5)), status(rs.getString(6)),
                        rs.getString(7)))
                .list();
    }

    /**
     * Open tasks matching {@code where} (SQL over {@code t}, with its parameters), by priority, then due first, then
     * oldest; one page and the total. {@code status} filters by the status as it is now ({@link #STATUS}).
     */
    Queue queue(String name, String where, List<Object> params, TaskStatus status, int page, int size) {
        return page(name, " where t.closed_at is null and " + where + (status == null ? "" : " and " + STATUS
                + " = ?"), status == null ? params : plus(params, status.name()),
                " order by t.priority, t.due_at, t.id", page, size);
    }

    /** Closed tasks (completed or cancelled) matching {@code where}, the latest closed first; one page and the total. */
    Queue closed(String name, String where, List<Object> params, int page, int size) {
        return page(name, " where t.closed_at is not null and " + where, params, " order by t.closed_at desc, t.id desc",
                page, size);
    }

    private Queue page(String name, String filter, List<Object> params, String order, int page, int size) {
        long total = jdbc.sql("select count(*) from task t" + filter).params(params).query(Long.class).single();
        List<Object> paged = plus(plus(params, size), (long) page * size);
        List<Task> tasks = jdbc.sql(SELECT + filter + order + " limit ? offset ?").params(paged)
                .query(TaskRows::row).list();
        return new Queue(name, page, size, total, tasks);
    }

    private static List<Object> plus(List<Object> params, Object more) {
        List<Object> all = new ArrayList<>(params);
        all.add(more);
        return all;
    }

    /** The latest change of a task: who made it and when, for "already done by X at T". */
    Optional<Event> lastEvent(long taskId) {
        return jdbc.sql("""
                select id, occurred_at, actor, kind, from_status, to_status, detail from task_event
                where task_id = ? order by id desc limit 1""").param(taskId)
                .query((rs, n) -> new Event(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getString(3), rs.getString(4), status(rs.getString(5)), status(rs.getString(6)),
                        rs.getString(7)))
                .optional();
    }

    boolean fieldOfficeExists(String code) {
        return jdbc.sql("select exists (select 1 from field_office where code = ?)").param(code)
                .query(Boolean.class).single();
    }

    private static Task row(ResultSet rs, int n) throws SQLException {
        String subject = rs.getString(8);
        return new Task(rs.getLong(1), TaskType.valueOf(rs.getString(2)), TaskStatus.valueOf(rs.getString(3)),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                subject == null ? null : SubjectType.valueOf(subject), rs.getString(9), (Long) rs.getObject(10),
                (Long) rs.getObject(11), instant(rs.getObject(12, OffsetDateTime.class)), status(rs.getString(13)),
                rs.getString(14), instant(rs.getObject(15, OffsetDateTime.class)),
                instant(rs.getObject(16, OffsetDateTime.class)), rs.getString(17), rs.getString(18), rs.getInt(19),
                rs.getInt(20), rs.getBoolean(21), rs.getInt(22), TaskPriority.ofRank(rs.getInt(23)),
                rs.getString(24), rs.getObject(25, LocalDate.class), rs.getString(26),
                instant(rs.getObject(27, OffsetDateTime.class)));
    }

    private static TaskStatus status(String name) {
        return name == null ? null : TaskStatus.valueOf(name);
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime timestamp(Instant t) {
        return t == null ? null : t.atOffset(ZoneOffset.UTC);
    }
}
