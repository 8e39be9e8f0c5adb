package org.caseops.legal;

import java.time.LocalDate;
import java.util.List;
import org.caseops.access.Actor;
import org.caseops.access.Approvals;
import org.caseops.access.HomePanel;
import org.caseops.access.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The director's stay requests (I-246) to decide, received by the director's field office, oldest first. Deciding
 * has no page yet, so each item links to the case (its verdict, stays and holds) and names the API call.
 */
@Component
class StayRequestApprovals implements Approvals {

    private final JdbcClient jdbc;

    StayRequestApprovals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<HomePanel.Item> waiting(Actor actor, LocalDate workingDate, int limit) {
        if (!actor.is(Role.DIRECTOR)) {
            return List.of();
        }
        return jdbc.sql("""
                select id, a_number, received_on, requester from stay_request
                where field_office_code = ? and status = 'PENDING' order by received_on, id limit ?""")
                .params(actor.fieldOffice(), limit)
                .query((rs, n) -> new HomePanel.Item("Stay request " + rs.getLong(1) + " for " + rs.getString(2),
                        "/cases/" + rs.getString(2) + "/stay-requests", "received " + rs.getObject(3,
                        LocalDate.class) + " from " + rs.getString(4) + "; decide it on the case's stay requests",
                        false)).list();
    }

    @Override
    public long count(Actor actor, LocalDate workingDate) {
        if (!actor.is(Role.DIRECTOR)) {
            return 0;
        }
        return jdbc.sql("select count(*) from stay_request where field_office_code = ? and status = 'PENDING'")
                .param(actor.fieldOffice()).query(Long.class).single();
    }

    @Override
    public String label() {
        return "stay requests to decide";
    }

    @Override
    public String listHref() {
        return null;
    }
}
