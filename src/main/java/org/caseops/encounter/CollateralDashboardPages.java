package org.caseops.encounter;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.caseops.access.Allow;
import org.caseops.access.Role;
import org.caseops.system.Dashboard;
import org.caseops.system.Listing;
import org.caseops.system.Listing.Cell;
import org.caseops.system.Listing.Column;
import org.caseops.system.Pages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Collateral encounters and their reviews as a dashboard (docs/web.md, "Dashboards"): {@link CollateralDashboard}. */
@Controller
@Pages
@Allow({Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY, Role.AUDITOR})
class CollateralDashboardPages {

    static final List<Column> COLUMNS = List.of(Column.sortable("office", "Field office"),
            Column.sortable("operation", "Operation"), Column.sortable("met", "Collateral encounters"),
            Column.sortable("arrested", "Arrested"), Column.sortable("atd", "On ATD"),
            Column.sortable("released", "Released (humanitarian)"), Column.sortable("depart", "Told to depart"),
            Column.sortable("other", "Other outcome"), Column.sortable("order", "Basis: final order"),
            Column.sortable("warrant", "Basis: warrant"), Column.sortable("authority", "Basis: other authority"),
            Column.sortable("reviewed", "Reviewed"), Column.sortable("open", "Review open"),
            Column.sortable("overdue", "Review overdue"), Column.sortable("cancelled", "Review cancelled"),
            Column.sortable("none", "No review"));

    private final CollateralDashboard dashboard;

    CollateralDashboardPages(CollateralDashboard dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping("/dashboards/collateral")
    String collateral(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
            @RequestParam(required = false) String filter, @RequestParam(required = false) String format,
            Model model, HttpServletResponse response) {
        List<CollateralDashboard.Row> rows = dashboard.rows();
        Listing table = Listing.of("collateral", "Collateral encounters per field office and operation",
                "/dashboards/collateral", COLUMNS, Listing.rows(rows, r -> Cell.of(r.fieldOffice()),
                        r -> r.operationId() == null ? Cell.of("none")
                                : Cell.link("Operation " + r.operationId(), "/operations/" + r.operationId()),
                        r -> Cell.of(r.encounters()), r -> Cell.of(r.arrested()), r -> Cell.of(r.atd()),
                        r -> Cell.of(r.released()), r -> Cell.of(r.toldToDepart()), r -> Cell.of(r.other()),
                        r -> Cell.of(r.finalOrder()), r -> Cell.of(r.warrant()), r -> Cell.of(r.otherAuthority()),
                        r -> Cell.of(r.reviewed()), r -> Cell.of(r.reviewOpen()), r -> Cell.of(r.reviewOverdue()),
                        r -> Cell.of(r.reviewCancelled()), r -> Cell.of(r.noReview())),
                Listing.Query.of(page, size, sort, dir, filter, COLUMNS, "office", false));
        if ("csv".equals(format)) {
            table.writeCsv(response, "caseops-collateral-encounters");
            return null;
        }
        // the chart: per field office, what happened to the people met and where their reviews stand
        Map<String, long[]> offices = new TreeMap<>();
        for (CollateralDashboard.Row r : rows) {
            long[] c = offices.computeIfAbsent(r.fieldOffice(), k -> new long[5]);
            c[0] += r.arrested();
            c[1] += r.atd() + r.released() + r.toldToDepart() + r.other();
            c[2] += r.reviewed();
            c[3] += r.reviewOpen() + r.reviewOverdue();
            c[4] += r.reviewOverdue();
        }
        String[] names = {"Arrested", "Not arrested", "Reviewed", "Review open", "Review overdue"};
        Map<String, List<Long>> series = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            int column = i;
            series.put(names[i], offices.values().stream().map(c -> c[column]).toList());
        }
        model.addAttribute("d", Dashboard.of("Collateral encounters and their reviews",
                "People met who were not targets: each needs its own legal basis and a supervisor's review "
                        + "(docs/encounters.md). Counted from the encounters and their review tasks; counts only, "
                        + "nobody named.",
                "Per field office: arrested or not, and the reviews", List.copyOf(offices.keySet()), series, table,
                "No collateral encounter has been recorded."));
        return "layout/dashboard";
    }
}
