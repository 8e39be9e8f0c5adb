package org.caseops.task;

import java.time.Instant;
import java.util.List;
import org.caseops.access.Access;
import org.caseops.access.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Open tasks per queue and how many are overdue (issue 15, "Dashboards": tasks overdue per team): every team queue
 * and every user's own queue with open tasks, in the caller's field office (supervisors, directors) or in all of them
 * (oversight). Counts only; overdue is against the real clock, as the overdue queue counts it. Audited
 * {@code DASHBOARD_READ}.
 */
@Service
class TaskDashboard {

    /** A queue's open tasks: {@code team} when it is a team's queue, else a user's. */
    record QueueCounts(String fieldOffice, String queue, boolean team, long open, long overdue, long overdueWeek,
            Instant oldestDue) {
    }

    private final JdbcClient jdbc;
    private final Access access;

    TaskDashboard(JdbcClient jdbc, Access access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    /** Every queue with open tasks that the caller may count, the most overdue first. */
    @Transactional
    List<QueueCounts> overdue() {
        Actor actor = access.actor();
        String office = actor.role().officeScoped() ? actor.fieldOffice() : null;
        List<QueueCounts> rows = jdbc.sql("""
                select t.field_office_code, coalesce(t.assignee_team, t.assignee_user), t.assignee_team is not null,
                       count(*), count(*) filter (where t.due_at < now()),
                       count(*) filter (where t.due_at < now() - interval '7 days'),
                       min(t.due_at) filter (where t.due_at < now())
                from task t
                where t.closed_at is null and (cast(:office as text) is null or t.field_office_code = :office)
                group by 1, 2, 3
                order by 5 desc, 1, 2""").param("office", office)
                .query((rs, n) -> new QueueCounts(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), rs.getTimestamp(7) == null ? null
                                : rs.getTimestamp(7).toInstant()))
                .list();
        access.audit("DASHBOARD_READ", new Access.Subject("DASHBOARD", "tasks-overdue", office), null);
        return rows;
    }
}
