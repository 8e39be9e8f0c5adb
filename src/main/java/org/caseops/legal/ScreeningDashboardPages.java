package org.caseops.legal;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.caseops.access.Allow;
import org.caseops.access.PageLayout;
import org.caseops.access.Role;
import org.caseops.system.BadInput;
import org.caseops.system.Dashboard;
import org.caseops.system.Listing;
import org.caseops.system.Listing.Cell;
import org.caseops.system.Listing.Column;
import org.caseops.system.Pages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Screening results by verdict and rule per field office as a dashboard (docs/web.md): {@link ScreeningDashboard}. */
@Controller
@Pages
@Allow({Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY, Role.AUDITOR})
class ScreeningDashboardPages {

    static final List<Column> COLUMNS = List.of(Column.sortable("office", "Field office"),
            Column.sortable("verdict", "Verdict"), Column.sortable("rule", "Deciding rule"),
            Column.plain("citation", "Citation"), Column.sortable("cases", "Cases"));

    private final ScreeningDashboard dashboard;

    ScreeningDashboardPages(ScreeningDashboard dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping("/dashboards/screenings")
    String screenings(@RequestParam(required = false) String asOf, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir, @RequestParam(required = false) String filter,
            @RequestParam(required = false) String format, Model model, HttpServletResponse response) {
        List<LocalDate> dates = dashboard.dates();
        LocalDate day;
        try {
            day = asOf == null || asOf.isBlank() ? (dates.isEmpty() ? null : dates.get(0)) : LocalDate.parse(asOf);
        } catch (DateTimeParseException e) {
            throw new BadInput("asOf", "a date screened (2019-06-24), not '" + asOf + "'");
        }
        List<ScreeningDashboard.Count> counts = day == null ? List.of() : dashboard.counts(day);
        Map<String, RuleMeanings.RuleMeaning> meanings = RuleMeanings.meanings(
                counts.stream().map(ScreeningDashboard.Count::rule).distinct().toList());
        String path = "/dashboards/screenings" + (day == null ? "" : "?asOf=" + day);
        Listing table = Listing.of("verdicts", "Cases by verdict and deciding rule per field office"
                + (day == null ? "" : ", screened as of " + day), path, COLUMNS,
                Listing.rows(counts, c -> Cell.of(c.fieldOffice()), c -> Cell.of(PageLayout.label(c.verdict())),
                        c -> Cell.of(meanings.get(c.rule()).name()), c -> Cell.of(meanings.get(c.rule()).citation()),
                        c -> Cell.of(c.cases())),
                Listing.Query.of(page, size, sort, dir, filter, COLUMNS, "office", false));
        if ("csv".equals(format)) {
            table.writeCsv(response, "caseops-screening-verdicts" + (day == null ? "" : "-" + day));
            return null;
        }
        Map<String, long[]> offices = new TreeMap<>();
        for (ScreeningDashboard.Count c : counts) {
            offices.computeIfAbsent(c.fieldOffice(), k -> new long[RuleMeanings.VERDICTS.size()])
                    [RuleMeanings.VERDICTS.indexOf(c.verdict())] += c.cases();
        }
        Map<String, List<Long>> series = new LinkedHashMap<>();
        for (int i = 0; i < RuleMeanings.VERDICTS.size(); i++) {
            int v = i;
            series.put(PageLayout.label(RuleMeanings.VERDICTS.get(i)),
                    offices.values().stream().map(c -> c[v]).toList());
        }
        model.addAttribute("d", Dashboard.of("Screening results by verdict and rule",
                "The verdict the legal gate stored for every case screened as of the date, and the rule that "
                        + "decided it, per field office. A report, never a permission: the gate is asked again on "
                        + "the day of any action. Counts only.",
                day == null ? "No screening yet" : "Cases per field office by verdict, as of " + day,
                List.copyOf(offices.keySet()), series, table, day == null
                        ? "Nothing has been screened yet: counsel runs a screening from the Screenings page."
                        : "No case was screened as of " + day + " in your field office.")
                .forDate(dates.stream().map(LocalDate::toString).toList(), day == null ? null : day.toString()));
        return "layout/dashboard";
    }
}
