package org.caseops.legal;

import java.time.LocalDate;
import java.util.List;
import org.caseops.access.Access;
import org.caseops.access.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Screening results by verdict and deciding rule per field office (issue 15, "Dashboards"): the stored verdicts of
 * every case screened as of one date (the latest verdict of each case for that date, as {@link ScreeningResults}
 * lists them), counted. In the caller's field office (supervisors, directors) or all (counsel, oversight). Counts
 * only; audited {@code DASHBOARD_READ}. A report, never a permission: the gate is asked again before any action.
 */
@Service
class ScreeningDashboard {

    record Count(String fieldOffice, String verdict, String rule, long cases) {
    }

    private final JdbcClient jdbc;
    private final Access access;

    ScreeningDashboard(JdbcClient jdbc, Access access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    /** The dates screened (a finished screening), newest first, at most 30. */
    List<LocalDate> dates() {
        return jdbc.sql("select distinct as_of from screening where finished_at is not null order by 1 desc limit 30")
                .query(LocalDate.class).list();
    }

    @Transactional
    List<Count> counts(LocalDate asOf) {
        Actor actor = access.actor();
        String office = actor.role().officeScoped() ? actor.fieldOffice() : null;
        List<Count> counts = jdbc.sql("""
                select coalesce(field_office_code, '?'), status, reason, count(*)
                from case_verdict
                where as_of = :asOf and (cast(:office as text) is null or field_office_code = :office)
                group by 1, 2, 3 order by 1, 2, 4 desc""").param("asOf", asOf).param("office", office)
                .query((rs, n) -> new Count(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
                .list();
        access.audit("DASHBOARD_READ", new Access.Subject("DASHBOARD", "screenings " + asOf, office), null);
        return counts;
    }
}
