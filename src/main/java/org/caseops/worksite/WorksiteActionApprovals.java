package org.caseops.worksite;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.caseops.access.Actor;
import org.caseops.access.Approvals;
import org.caseops.access.HomePanel;
import org.caseops.access.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What waits on a worksite action for someone's decision, on their start page: for the field office's director, the
 * actions counsel has cleared ({@link Approvals}); for counsel, the actions waiting for legal review (a panel of its
 * own). Each item links to the action's page, where the step is taken.
 */
@Component
class WorksiteActionApprovals implements Approvals, HomePanel {

    private final JdbcClient jdbc;

    WorksiteActionApprovals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String CLEARED = """
            from worksite_action where field_office_code = ? and state = 'LEGAL_REVIEW'
            and legal_cleared_by is not null""";

    @Override
    public List<HomePanel.Item> waiting(Actor actor, LocalDate workingDate, int limit) {
        if (!actor.is(Role.DIRECTOR)) {
            return List.of();
        }
        return jdbc.sql("select id, name, action_date, legal_cleared_by " + CLEARED + " order by action_date, id "
                + "limit ?").params(actor.fieldOffice(), limit)
                .query((rs, n) -> new HomePanel.Item("Worksite action " + rs.getLong(1) + ": " + rs.getString(2),
                        "/worksite-actions/" + rs.getLong(1), "on " + rs.getObject(3, LocalDate.class)
                        + ", cleared by " + rs.getString(4), false)).list();
    }

    @Override
    public long count(Actor actor, LocalDate workingDate) {
        if (!actor.is(Role.DIRECTOR)) {
            return 0;
        }
        return jdbc.sql("select count(*) " + CLEARED).param(actor.fieldOffice()).query(Long.class).single();
    }

    @Override
    public String label() {
        return "worksite actions to approve";
    }

    @Override
    public String listHref() {
        return "/worksite-actions";
    }

    /** Counsel's panel: the actions of every field office waiting for legal review, the soonest first. */
    @Override
    public Optional<Panel> panel(Actor actor, LocalDate workingDate) {
        if (!actor.is(Role.ATTORNEY)) {
            return Optional.empty();
        }
        List<Item> waiting = jdbc.sql("""
                select id, name, field_office_code, action_date from worksite_action
                where state = 'LEGAL_REVIEW' and legal_cleared_by is null order by action_date, id limit 8""")
                .query((rs, n) -> new Item("Worksite action " + rs.getLong(1) + ": " + rs.getString(2),
                        "/worksite-actions/" + rs.getLong(1), rs.getString(3) + ", on "
                        + rs.getObject(4, LocalDate.class), false)).list();
        long count = jdbc.sql("select count(*) from worksite_action where state = 'LEGAL_REVIEW' "
                + "and legal_cleared_by is null").query(Long.class).single();
        return Optional.of(new Panel(4, "worksite-legal-reviews", "Worksite actions waiting for legal review",
                List.of(new Count("worksite actions to review", count, "/worksite-actions")),
                waiting, "No worksite action waits for legal review.",
                "/worksite-actions", "All worksite actions"));
    }
}
