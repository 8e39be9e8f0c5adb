package org.caseops.report;

import java.util.List;
import org.caseops.access.Access;
import org.caseops.access.Allow;
import org.caseops.access.Navigation;
import org.caseops.access.Role;
import org.caseops.system.Pages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The dashboards' index (docs/web.md, "Dashboards"): each dashboard the signed-in role may open, with what it counts.
 * The dashboards themselves live with the feature whose records they count.
 */
@Controller
@Pages
@Allow({Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY, Role.AUDITOR})
class DashboardPages {

    /** A dashboard: its page, its name, and what it counts. */
    record Entry(String href, String name, String counts) {
    }

    static final List<Entry> DASHBOARDS = List.of(
            new Entry("/dashboards/collateral", "Collateral encounters and their reviews",
                    "people met who were not targets, per field office and operation: outcome, legal basis, and "
                            + "where each supervisor's review stands"),
            new Entry("/dashboards/screenings", "Screening results by verdict and rule",
                    "the legal gate's stored verdicts for a date screened, per field office, by the rule that "
                            + "decided each"),
            new Entry("/dashboards/tasks", "Tasks overdue per team",
                    "open and overdue tasks per team queue and per user's queue"),
            new Entry("/operations", "An operation's funnel",
                    "on each operation's board: targeted, encountered, arrested, released, removed, per city"));

    private final Navigation navigation;
    private final Access access;

    DashboardPages(Navigation navigation, Access access) {
        this.navigation = navigation;
        this.access = access;
    }

    @GetMapping("/dashboards")
    String dashboards(Model model) {
        Role role = access.actor().role();
        model.addAttribute("dashboards", DASHBOARDS.stream().filter(d -> navigation.allows(role, d.href()))
                .toList());
        return "report/dashboards";
    }
}
