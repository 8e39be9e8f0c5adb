package org.caseops.task;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
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

    private static final String SELECT = """
            select t.id, t.type, t.status, t.title, t.assignee_user, t.assignee_team, t.field_office_code,
                   t.subject_type, t.subject_id, t.operation_id, t.parent_id, t.due_at, t.resumes_as, t.created_by,
                   t.created_at, t.closed_at, t.closed_by, t.resolution,
                   (select count(*) from task c where c.parent_id = t.id) as children,
                   (select count(*) from task c where c.parent_id = t.id and c.closed_at is null) as open_children,
                   t.closed_at is null and t.due_at < now() as overdue, t.version
            from task t""";

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

    int openChildren(long parentId) {
        return jdbc.sql("select count(*) from task where parent_id = ? and closed_at is null").param(parentId)
                .query(Integer.class).single();
    }

    long insert(NewTask task, String createdBy) {
        return jdbc.sql("""
                insert into task (type, status, title, assignee_user, assignee_team, field_office_code, subject_type,
                                  subject_id, operation_id, parent_id, due_at, created_by)
                values (?, 'ASSIGNED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(task.type().name(), task.title(), task.assignee().user(), task.assignee().team(),
                        task.fieldOffice(), task.subjectType() == null ? null : task.subjectType().name(),
                        task.subjectId(), task.operationId(), task.parentId(), timestamp(task.dueAt()), createdBy)
                .query(Long.class).single();
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
                                closed_by = ?, resolution = coalesce(?, resolution), version = version + 1
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
                                version = version + 1
                where id = ? and version = ?""")
                .params(to.user(), to.team(), status.name(), resumesAs == null ? null : resumesAs.name(), task.id(),
                        task.version())
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
        String now = jdbc.sql("select status || ' at version ' || version from task where id = ?").param(id)
                .query(String.class).optional().orElse("gone");
        return new Conflict("task " + id + " was changed meanwhile: it is " + now + " now; reload it and try "
                + "again");
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
     * Open tasks matching {@code where} (SQL over {@code t}, with its parameters), due first, then oldest; one page
     * and the total.
     */
    Queue queue(String name, String where, List<Object> params, TaskStatus status, int page, int size) {
        String filter = " where t.closed_at is null and " + where + (status == null ? "" : " and t.status = ?");
        List<Object> all = new ArrayList<>(params);
        if (status != null) {
            all.add(status.name());
        }
        long total = jdbc.sql("select count(*) from task t" + filter).params(all).query(Long.class).single();
        List<Object> paged = new ArrayList<>(all);
        paged.add(size);
        paged.add((long) page * size);
        List<Task> tasks = jdbc.sql(SELECT + filter + " order by t.due_at, t.id limit ? offset ?").params(paged)
                .query(TaskRows::row).list();
        return new Queue(name, page, size, total, tasks);
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
                rs.getInt(20), rs.getBoolean(21), rs.getInt(22));
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
