package org.caseops.worksite;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.caseops.access.Access;
import org.caseops.access.Actor;
import org.caseops.access.Allow;
import org.caseops.access.DeskForms;
import org.caseops.access.PageLayout;
import org.caseops.access.Role;
import org.caseops.access.WorkingDate;
import org.caseops.system.BadInput;
import org.caseops.system.Listing;
import org.caseops.system.Listing.Action;
import org.caseops.system.Listing.Cell;
import org.caseops.system.Listing.Column;
import org.caseops.system.Pages;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Nominations (docs/worksite.md, "Pages"): a field office's nominations in the period holding a date, with their
 * status; the field offices below their quota for that period; the nominate form (supervisors and directors); the
 * director's approve and decline (with the reason) and the withdrawal (supervisors and directors) from each row —
 * offered exactly where the API's role rules allow them; and the quota policy's versions, with the form to publish a
 * new one (administrators). Each form is the {@link Nominations} call the API makes, at the version read.
 */
@Controller
@Pages
@Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY, Role.AUDITOR})
class NominationPages {

    static final List<Column> COLUMNS = List.of(Column.sortable("id", "Nomination"),
            Column.sortable("office", "Field office"), Column.sortable("period", "Period"),
            Column.sortable("site", "Employer and site"), Column.sortable("caseType", "Case type"),
            Column.plain("basis", "Basis"), Column.sortable("status", "Status"), Column.plain("decision", "Decision"),
            Column.plain("actions", "Act"));

    private final Nominations nominations;
    private final Employers employers;
    private final Access access;
    private final WorkingDate workingDate;

    NominationPages(Nominations nominations, Employers employers, Access access, WorkingDate workingDate) {
        this.nominations = nominations;
        this.employers = employers;
        this.access = access;
        this.workingDate = workingDate;
    }

    @GetMapping("/worksite/nominations")
    ModelAndView list(@RequestParam(required = false) String office, @RequestParam(required = false) String period,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
            @RequestParam(required = false) String filter, @RequestParam(required = false) String format,
            HttpServletResponse response) {
        return list(office, period, page, size, sort, dir, filter, format, response, WorksiteForms.Failure.NONE);
    }

    private ModelAndView list(String office, String period, Integer page, Integer size, String sort, String dir,
            String filter, String format, HttpServletResponse response, WorksiteForms.Failure failure) {
        Actor actor = access.actor();
        String code = office == null || office.isBlank() ? null : office.trim().toUpperCase(Locale.ROOT);
        LocalDate day = DeskForms.date("period", period, workingDate.get());
        List<Nominations.Nomination> list = nominations.list(code, day);
        String path = "/worksite/nominations?period=" + day + (code == null ? "" : "&office=" + code);
        Listing table = Listing.of("nominations", "Nominations" + (code == null ? "" : " of " + code)
                + " in the period holding " + day, path, COLUMNS, Listing.rows(list,
                        n -> Cell.of(n.id()), n -> Cell.of(n.fieldOffice()),
                        n -> Cell.of(n.periodLabel() + " (" + n.periodStart() + " to " + n.periodEnd() + ")"),
                        n -> Cell.link(n.employerName() + " — " + n.siteName(), "/worksite/employers/"
                                + n.employerId()),
                        n -> Cell.of(PageLayout.label(n.caseType().name())), n -> Cell.of(n.basis()),
                        n -> Cell.of(PageLayout.label(n.status().name())),
                        n -> Cell.of(decision(n)),
                        n -> actions(n, actor, failure)),
                Listing.Query.of(page, size, sort, dir, filter, COLUMNS, "id", false));
        if ("csv".equals(format)) {
            table.writeCsv(response, "caseops-nominations");
            return null;
        }
        ModelAndView view = new ModelAndView("worksite/nominations");
        view.addObject("table", table);
        view.addObject("office", code);
        view.addObject("period", day);
        view.addObject("wide", actor.is(Role.ATTORNEY, Role.AUDITOR));
        boolean readsQuota = actor.is(Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY, Role.AUDITOR);
        view.addObject("readsQuota", readsQuota);
        if (readsQuota) {
            try {
                view.addObject("quota", nominations.quota(day, true));
            } catch (BadInput e) {
                view.addObject("quotaProblem", e.getMessage());
            }
        }
        boolean mayNominate = actor.is(Role.SUPERVISOR, Role.DIRECTOR);
        view.addObject("mayNominate", mayNominate);
        if (mayNominate) {
            Map<String, String> sites = new LinkedHashMap<>();
            employers.sitesIn(actor.fieldOffice()).forEach(s -> sites.put(String.valueOf(s.id()), s.label()));
            view.addObject("sites", sites);
            view.addObject("caseTypes", WorksiteForms.options(Nominations.CaseType.values()));
        }
        return view;
    }

    private static String decision(Nominations.Nomination n) {
        return n.decidedBy() == null ? (n.decisionNote() == null ? "" : n.decisionNote())
                : n.decidedBy() + (n.decisionNote() == null ? "" : ": " + n.decisionNote());
    }

    /** The row's buttons, as the API's role rules allow them: the office's director decides, its staff withdraw. */
    private static Cell actions(Nominations.Nomination n, Actor actor, WorksiteForms.Failure failure) {
        boolean own = n.fieldOffice().equals(actor.fieldOffice());
        List<Action> actions = new ArrayList<>();
        Map<String, String> version = Map.of("version", String.valueOf(n.version()));
        String base = "/worksite/nominations/" + n.id();
        if (own && actor.is(Role.DIRECTOR) && n.status() == Nominations.Status.PROPOSED) {
            actions.add(Action.withText("approve-" + n.id(), "Approve", base + "/approve", "note",
                    "Note (optional)", false, version));
            actions.add(Action.withText("decline-" + n.id(), "Decline", base + "/decline", "note", "Why declined",
                    true, version));
        }
        if (own && actor.is(Role.SUPERVISOR, Role.DIRECTOR) && (n.status() == Nominations.Status.PROPOSED
                || n.status() == Nominations.Status.APPROVED)) {
            actions.add(Action.withText("withdraw-" + n.id(), "Withdraw", base + "/withdraw", "note",
                    "Why withdrawn", true, version));
        }
        List<Action> shown = actions.stream().map(a -> failure.of(a.id())
                ? a.failed(failure.typed().get("note"), failure.problem()) : a).toList();
        return shown.isEmpty() ? Cell.of("") : Cell.actions(shown.size() + " actions", shown.toArray(Action[]::new));
    }

    /** Nominates one of the office's sites, as {@code POST /api/nominations}. */
    @Allow({Role.SUPERVISOR, Role.DIRECTOR})
    @PostMapping("/worksite/nominations")
    ModelAndView nominate(@RequestParam(required = false) String siteId,
            @RequestParam(required = false) String caseType, @RequestParam(required = false) String basis,
            @RequestParam(required = false) String period, HttpServletRequest request, HttpServletResponse response) {
        String[] back = {"/worksite/nominations"};
        ModelAndView answer = WorksiteForms.change(request, "nominate", back[0], () -> {
            Nominations.Nomination n = nominations.nominate(new Nominations.NewNomination(
                    DeskForms.number("siteId", siteId), DeskForms.choice(Nominations.CaseType.class, "caseType",
                            caseType, false), basis, DeskForms.date("period", period, workingDate.get())));
            back[0] = "/worksite/nominations?period=" + n.periodStart(); // the period nominated for, shown
            return "Nomination " + n.id() + " of " + n.siteName() + " for " + n.periodLabel() + " proposed; the "
                    + "director of " + n.fieldOffice() + " decides it.";
        }, failure -> list(null, period, null, null, null, null, null, null, response, failure));
        if (answer.getView() instanceof org.springframework.web.servlet.view.RedirectView redirect) {
            redirect.setUrl(back[0]);
        }
        return answer;
    }

    @Allow(Role.DIRECTOR)
    @PostMapping("/worksite/nominations/{id}/approve")
    ModelAndView approve(@PathVariable long id, @RequestParam(required = false) String note,
            @RequestParam(required = false) String version, HttpServletRequest request,
            HttpServletResponse response) {
        return decide(id, Nominations.Status.APPROVED, "approve-", note, version, request, response);
    }

    @Allow(Role.DIRECTOR)
    @PostMapping("/worksite/nominations/{id}/decline")
    ModelAndView decline(@PathVariable long id, @RequestParam(required = false) String note,
            @RequestParam(required = false) String version, HttpServletRequest request,
            HttpServletResponse response) {
        return decide(id, Nominations.Status.DECLINED, "decline-", note, version, request, response);
    }

    @Allow({Role.SUPERVISOR, Role.DIRECTOR})
    @PostMapping("/worksite/nominations/{id}/withdraw")
    ModelAndView withdraw(@PathVariable long id, @RequestParam(required = false) String note,
            @RequestParam(required = false) String version, HttpServletRequest request,
            HttpServletResponse response) {
        return decide(id, Nominations.Status.WITHDRAWN, "withdraw-", note, version, request, response);
    }

    private ModelAndView decide(long id, Nominations.Status to, String form, String note, String version,
            HttpServletRequest request, HttpServletResponse response) {
        String[] back = {"/worksite/nominations"};
        ModelAndView answer = WorksiteForms.change(request, form + id, "/worksite/nominations", () -> {
            Nominations.Nomination n = nominations.decide(id, to, note, DeskForms.version(version));
            back[0] = "/worksite/nominations?period=" + n.periodStart();
            return "Nomination " + id + " (" + n.siteName() + ", " + n.periodLabel() + ") "
                    + to.name().toLowerCase(Locale.ROOT) + ".";
        }, failure -> list(null, periodOf(id), null, null, null, null, null, null, response, failure));
        if (answer.getView() instanceof org.springframework.web.servlet.view.RedirectView redirect) {
            redirect.setUrl(back[0]);
        }
        return answer;
    }

    private String periodOf(long id) {
        return nominations.visible(id).periodStart().toString();
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY, Role.AUDITOR, Role.ADMIN})
    @GetMapping("/worksite/nomination-policies")
    ModelAndView policies() {
        ModelAndView view = new ModelAndView("worksite/policies");
        view.addObject("policies", nominations.policies());
        view.addObject("mayPublish", access.actor().is(Role.ADMIN));
        Map<String, String> periods = new LinkedHashMap<>();
        periods.put("QUARTER", "Quarter of the fiscal year");
        periods.put("FISCAL_YEAR", "The whole fiscal year");
        view.addObject("periods", periods);
        return view;
    }

    /** Publishes a new version of the quota policy, as {@code POST /api/nomination-policies} (administrators). */
    @Allow(Role.ADMIN)
    @PostMapping("/worksite/nomination-policies")
    ModelAndView publish(@RequestParam(required = false) String effectiveFrom,
            @RequestParam(required = false) String period, @RequestParam(required = false) String minimumPerOffice,
            @RequestParam(required = false) String source, HttpServletRequest request) {
        return WorksiteForms.change(request, "publish", "/worksite/nomination-policies", () -> {
            Nominations.Policy p = nominations.addPolicy(new Nominations.NewPolicy(DeskForms.date("effectiveFrom",
                    effectiveFrom, null), period, WorksiteForms.whole("minimumPerOffice", minimumPerOffice),
                    source));
            return "Policy version " + p.version() + " in force from " + p.effectiveFrom() + ": at least "
                    + p.minimumPerOffice() + " per field office per " + PageLayout.label(p.period())
                    .toLowerCase(Locale.ROOT) + ".";
        }, failure -> policies());
    }
}
