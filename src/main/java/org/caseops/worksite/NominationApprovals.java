package org.caseops.worksite;

import java.time.LocalDate;
import java.util.List;
import org.caseops.access.Actor;
import org.caseops.access.Approvals;
import org.caseops.access.HomePanel;
import org.caseops.access.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The director's worksite nominations to decide: proposed by the director's field office, oldest first
 * ({@code POST /api/nominations/{id}/approve} or {@code .../decline}). Worksite has no pages yet (issue 17), so the
 * items name the API call instead of linking to a page.
 */
@Component
class NominationApprovals implements Approvals {

    private final JdbcClient jdbc;

    NominationApprovals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<HomePanel.Item> waiting(Actor actor, LocalDate workingDate, int limit) {
        if (!actor.is(Role.DIRECTOR)) {
            return List.of();
        }
        return jdbc.sql("""
                select n.id, n.case_type, e.name, s.name, n.period_start, n.nominated_by
                from nomination n join employer_site s on s.id = n.site_id join employer e on e.id = s.employer_id
                where n.field_office_code = ? and n.status = 'PROPOSED' order by n.nominated_at, n.id limit ?""")
                .params(actor.fieldOffice(), limit)
                .query((rs, n) -> new HomePanel.Item("Nomination " + rs.getLong(1) + ": "
                        + org.caseops.access.PageLayout.label(rs.getString(2)) + " of " + rs.getString(3) + ", "
                        + rs.getString(4), null, "period from " + rs.getObject(5, LocalDate.class) + ", proposed by "
                        + rs.getString(6) + "; decide with POST /api/nominations/" + rs.getLong(1) + "/approve or "
                        + "/decline", false)).list();
    }

    @Override
    public long count(Actor actor, LocalDate workingDate) {
        if (!actor.is(Role.DIRECTOR)) {
            return 0;
        }
        return jdbc.sql("select count(*) from nomination where field_office_code = ? and status = 'PROPOSED'")
                .param(actor.fieldOffice()).query(Long.class).single();
    }

    @Override
    public String label() {
        return "worksite nominations to decide";
    }

    @Override
    public String listHref() {
        return null;
    }
}
