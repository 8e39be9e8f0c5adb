package org.caseops.encounter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.caseops.access.Access;
import org.caseops.access.Actor;
import org.caseops.task.SubjectType;
import org.caseops.task.TaskStatus;
import org.caseops.task.TaskType;
import org.caseops.task.Tasks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Collateral encounters and their reviews (issue 15, "Dashboards"): per field office and operation, the people met
 * who were not targets, what happened to them, on which kind of legal basis, and where each one's supervisory review
 * (the {@code COLLATERAL_REVIEW} task every collateral encounter opens) stands. In the caller's field office
 * (supervisors, directors) or in all (counsel, oversight). Counts only, nobody named; audited {@code DASHBOARD_READ}.
 */
@Service
class CollateralDashboard {

    /** One field office's collateral encounters in one operation ({@code operationId} null: outside one). */
    record Row(String fieldOffice, Long operationId, long encounters, long arrested, long atd, long released,
            long toldToDepart, long other, long finalOrder, long warrant, long otherAuthority, long reviewed,
            long reviewOpen, long reviewOverdue, long reviewCancelled, long noReview) {
    }

    private final JdbcClient jdbc;
    private final Access access;
    private final Tasks tasks;

    CollateralDashboard(JdbcClient jdbc, Access access, Tasks tasks) {
        this.jdbc = jdbc;
        this.access = access;
        this.tasks = tasks;
    }

    private record Met(long id, String office, Long operationId, String outcome, String basis) {
    }

    @Transactional
    List<Row> rows() {
        Actor actor = access.actor();
        String office = actor.role().officeScoped() ? actor.fieldOffice() : null;
        List<Met> met = jdbc.sql("""
                select e.id, coalesce(f.field_office_code, '?'), e.operation_id, e.outcome, e.legal_basis_kind
                from encounter e
                left join report_family_office f on f.family_id = e.family_id
                where e.kind = 'COLLATERAL'
                  and (cast(:office as text) is null or f.field_office_code = :office)""")
                .param("office", office)
                .query((rs, n) -> new Met(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3), rs.getString(4),
                        rs.getString(5)))
                .list();
        Map<String, Tasks.TaskState> reviews = tasks.statesOf(TaskType.COLLATERAL_REVIEW, SubjectType.ENCOUNTER,
                met.stream().map(m -> String.valueOf(m.id())).toList());
        Map<String, long[]> counts = new TreeMap<>();
        for (Met m : met) {
            long[] c = counts.computeIfAbsent(m.office() + "\t" + (m.operationId() == null ? "" : m.operationId()),
                    k -> new long[14]);
            c[0]++;
            switch (m.outcome()) {
                case "ARRESTED" -> c[1]++;
                case "ENROLLED_ATD" -> c[2]++;
                case "RELEASED_HUMANITARIAN" -> c[3]++;
                case "INSTRUCTED_TO_DEPART" -> c[4]++;
                default -> c[5]++;
            }
            switch (m.basis() == null ? "" : m.basis()) {
                case "FINAL_ORDER" -> c[6]++;
                case "WARRANT" -> c[7]++;
                default -> c[8]++;
            }
            Tasks.TaskState review = reviews.get(String.valueOf(m.id()));
            if (review == null) {
                c[13]++;
            } else if (review.status() == TaskStatus.COMPLETED) {
                c[9]++;
            } else if (review.status() == TaskStatus.CANCELLED) {
                c[12]++;
            } else if (review.overdue()) {
                c[11]++;
            } else {
                c[10]++;
            }
        }
        List<Row> rows = new ArrayList<>();
        counts.forEach((key, c) -> {
            String[] parts = key.split("\t", -1);
            rows.add(new Row(parts[0], parts[1].isEmpty() ? null : Long.valueOf(parts[1]), c[0], c[1], c[2], c[3],
                    c[4], c[5], c[6], c[7], c[8], c[9], c[10], c[11], c[12], c[13]));
        });
        access.audit("DASHBOARD_READ", new Access.Subject("DASHBOARD", "collateral-encounters", office), null);
        return rows;
    }
}
