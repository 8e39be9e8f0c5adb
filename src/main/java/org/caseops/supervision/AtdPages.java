package org.caseops.supervision;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.caseops.access.Access;
import org.caseops.access.Allow;
import org.caseops.access.DeskForms;
import org.caseops.access.PageLayout;
import org.caseops.access.Role;
import org.caseops.access.WorkingDate;
import org.caseops.system.BadInput;
import org.caseops.system.Conflict;
import org.caseops.system.Listing;
import org.caseops.system.Listing.Action;
import org.caseops.system.Listing.Cell;
import org.caseops.system.Listing.Column;
import org.caseops.system.Pages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The ATD triage queue of a field office (docs/supervision.md, "ATD compliance"; docs/web.md): its open alerts, most
 * severe first, each closed from its row with what was done; an evaluation run for the working date. The same service
 * and audit entries as {@code GET /api/atd/alerts}, {@code POST /api/atd/alerts/{id}/close} and
 * {@code POST /api/atd/evaluations}.
 */
@Controller
@Pages
@Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR})
class AtdPages {

    static final List<Column> COLUMNS = List.of(Column.sortable("severity", "Severity"),
            Column.sortable("person", "Person"), Column.sortable("rule", "Rule (version)"),
            Column.plain("reason", "Why"), Column.sortable("asOf", "Found as of"), Column.sortable("opened", "Opened"),
            Column.plain("action", "What was done"));

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneOffset.UTC);

    private final AtdCompliance compliance;
    private final Access access;
    private final WorkingDate workingDate;

    AtdPages(AtdCompliance compliance, Access access, WorkingDate workingDate) {
        this.compliance = compliance;
        this.access = access;
        this.workingDate = workingDate;
    }

    @GetMapping("/atd/alerts")
    String alerts(@RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir, @RequestParam(required = false) String filter,
            @RequestParam(required = false) String format, Model model, HttpServletResponse response) {
        String office = access.actor().fieldOffice();
        boolean open = status == null || !"CLOSED".equalsIgnoreCase(status.trim());
        org.caseops.system.Paged<AtdCompliance.Alert> alerts = compliance.alerts(office, open ? "OPEN" : "CLOSED", 0,
                200);
        String path = "/atd/alerts" + (open ? "" : "?status=CLOSED");
        Listing table = Listing.of("alerts", (open ? "Open" : "Closed") + " ATD alerts of field office " + office
                + (alerts.total() > alerts.items().size() ? " (the " + alerts.items().size() + " most severe of "
                + alerts.total() + ")" : ""), path, COLUMNS, Listing.rows(alerts.items(),
                a -> Cell.of(PageLayout.label(a.severity().name())),
                a -> Cell.link("A-" + a.aNumber(), "/people/" + a.aNumber()),
                a -> Cell.of(PageLayout.label(a.ruleCode()) + " (v" + a.ruleVersion() + ")"),
                a -> Cell.of(a.reason()), a -> Cell.of(a.asOf()), a -> Cell.of(WHEN.format(a.openedAt())),
                a -> open ? Cell.actions("Close", Action.withText("close-" + a.id(), "Close",
                        "/atd/alerts/" + a.id() + "/close", "resolution", "What was done", true,
                        Map.of("version", String.valueOf(a.version()))))
                        : Cell.of(a.closedBy() + ": " + a.resolution())),
                Listing.Query.of(page, size, sort, dir, filter, COLUMNS, "severity", false));
        if ("csv".equals(format)) {
            table.writeCsv(response, "caseops-atd-alerts-" + office);
            return null;
        }
        model.addAttribute("table", table);
        model.addAttribute("office", office);
        model.addAttribute("open", open);
        model.addAttribute("day", workingDate.get());
        return "supervision/atd-alerts";
    }

    @PostMapping("/atd/alerts/{id}/close")
    RedirectView close(@PathVariable long id, @RequestParam(required = false) String resolution,
            @RequestParam(required = false) Integer version, RedirectAttributes flash) {
        return act(flash, () -> {
            AtdCompliance.Alert closed = compliance.close(id, resolution, version);
            return "Alert " + id + " (" + PageLayout.label(closed.ruleCode()) + ", A-" + closed.aNumber()
                    + ") closed.";
        });
    }

    @PostMapping("/atd/evaluations")
    RedirectView evaluate(@RequestParam(required = false) String asOf, RedirectAttributes flash) {
        return act(flash, () -> {
            LocalDate day = DeskForms.date("asOf", asOf, workingDate.get());
            AtdCompliance.Evaluated run = compliance.evaluate(access.actor().fieldOffice(), day);
            return run.supervisions() + " ATD enrolments judged as of " + day + " by rule set " + run.ruleVersion()
                    + ": " + run.alertsOpened() + " alerts opened, " + run.alreadyOpen() + " open already.";
        });
    }

    private static RedirectView act(RedirectAttributes flash, Supplier<String> action) {
        try {
            flash.addFlashAttribute("message", action.get());
        } catch (BadInput e) {
            flash.addFlashAttribute("error", e.field() + ": " + e.getMessage());
        } catch (Conflict e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        RedirectView view = new RedirectView("/atd/alerts", true);
        view.setExposeModelAttributes(false);
        return view;
    }
}
