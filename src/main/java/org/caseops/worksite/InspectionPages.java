package org.caseops.worksite;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.math.RoundingMode;
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
import org.caseops.system.Listing.Cell;
import org.caseops.system.Listing.Column;
import org.caseops.system.Pages;
import org.caseops.worksite.rules.Direction;
import org.caseops.worksite.rules.Factor;
import org.caseops.worksite.rules.FineCalculator;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Form I-9 inspections as pages (docs/worksite.md, "Pages"): the list and the form to open one; an inspection with its
 * clocks as dates ("overdue" where the working date is past one), the forms reviewed with their findings, the notices
 * served, the corrections of technical or procedural failures and the outcome, each with its form for the roles the
 * API allows; and the fine calculator, step by step. Each form is the {@link Inspections} call the API makes, at the
 * inspection's version as read.
 */
@Controller
@Pages
@Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY, Role.AUDITOR})
class InspectionPages {

    static final List<Column> COLUMNS = List.of(Column.sortable("id", "Inspection"),
            Column.sortable("employer", "Employer and site"), Column.sortable("office", "Field office"),
            Column.sortable("served", "Notice of Inspection"), Column.sortable("due", "Forms due"),
            Column.sortable("state", "State"));

    /** Finding rows offered by the form of one Form I-9 (more findings: the API takes any number). */
    static final int FINDING_ROWS = 3;

    private final Inspections inspections;
    private final Employers employers;
    private final Access access;
    private final WorkingDate workingDate;

    InspectionPages(Inspections inspections, Employers employers, Access access, WorkingDate workingDate) {
        this.inspections = inspections;
        this.employers = employers;
        this.access = access;
        this.workingDate = workingDate;
    }

    @GetMapping("/worksite/inspections")
    ModelAndView list(@RequestParam(required = false) String office, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir, @RequestParam(required = false) String filter,
            @RequestParam(required = false) String format, HttpServletResponse response) {
        return table(office, page, size, sort, dir, filter, format, response);
    }

    private ModelAndView table(String office, Integer page, Integer size, String sort, String dir, String filter,
            String format, HttpServletResponse response) {
        Actor actor = access.actor();
        String code = office == null || office.isBlank() ? null : office.trim().toUpperCase(Locale.ROOT);
        LocalDate day = workingDate.get();
        List<Inspections.Inspection> list = inspections.list(code);
        Listing table = Listing.of("inspections", "I-9 inspections" + (code == null ? "" : " of " + code),
                "/worksite/inspections" + (code == null ? "" : "?office=" + code), COLUMNS, Listing.rows(list,
                        i -> Cell.link(i.id(), "/worksite/inspections/" + i.id()),
                        i -> Cell.of(i.employerName() + " — " + i.siteName()), i -> Cell.of(i.fieldOffice()),
                        i -> Cell.of(i.noticeServedOn()),
                        i -> Cell.of(i.productionDue() + productionStatus(i, day)),
                        i -> Cell.of(PageLayout.label(i.state().name()))),
                Listing.Query.of(page, size, sort, dir, filter, COLUMNS, "id", true));
        if ("csv".equals(format)) {
            table.writeCsv(response, "caseops-inspections");
            return null;
        }
        ModelAndView view = new ModelAndView("worksite/inspections");
        view.addObject("table", table);
        view.addObject("office", code);
        view.addObject("wide", actor.is(Role.ATTORNEY, Role.AUDITOR));
        boolean mayOpen = actor.is(Role.SUPERVISOR, Role.DIRECTOR);
        view.addObject("mayOpen", mayOpen);
        if (mayOpen) {
            Map<String, String> sites = new LinkedHashMap<>();
            employers.sitesIn(actor.fieldOffice()).forEach(s -> sites.put(String.valueOf(s.id()), s.label()));
            view.addObject("sites", sites);
        }
        view.addObject("asOf", day);
        return view;
    }

    /** The production clock's standing on the working date: produced (late or not), overdue, or open. */
    static String productionStatus(Inspections.Inspection i, LocalDate day) {
        if (i.formsProducedOn() != null) {
            return i.producedLate() ? " (produced late, " + i.formsProducedOn() + ")" : " (produced "
                    + i.formsProducedOn() + ")";
        }
        return day.isAfter(i.productionDue()) ? " (overdue)" : "";
    }

    /** Opens an inspection with its Notice of Inspection, as {@code POST /api/inspections}. */
    @Allow({Role.SUPERVISOR, Role.DIRECTOR})
    @PostMapping("/worksite/inspections")
    ModelAndView open(@RequestParam(required = false) String siteId,
            @RequestParam(required = false) String noticeServedOn,
            @RequestParam(required = false) String nominationId, HttpServletRequest request,
            HttpServletResponse response) {
        long[] opened = new long[1];
        ModelAndView answer = WorksiteForms.change(request, "open", "/worksite/inspections", () -> {
            Inspections.Detail d = inspections.open(new Inspections.NewInspection(DeskForms.number("siteId", siteId),
                    DeskForms.date("noticeServedOn", noticeServedOn, workingDate.get()),
                    DeskForms.number("nominationId", nominationId)));
            opened[0] = d.inspection().id();
            return "Inspection " + d.inspection().id() + " opened: Notice of Inspection served on "
                    + d.inspection().noticeServedOn() + ", forms due " + d.inspection().productionDue() + ".";
        }, failure -> table(null, null, null, null, null, null, null, response));
        if (answer.getView() instanceof org.springframework.web.servlet.view.RedirectView redirect) {
            redirect.setUrl("/worksite/inspections/" + opened[0]);
        }
        return answer;
    }

    /** A clock of the inspection as the page shows it: what, the date, its rule and its standing. */
    record Clock(String what, LocalDate due, String rule, String standing, boolean overdue) {
    }

    @GetMapping("/worksite/inspections/{id}")
    ModelAndView inspection(@PathVariable long id) {
        Inspections.Detail detail = inspections.detail(id);
        Actor actor = access.actor();
        LocalDate day = workingDate.get();
        Inspections.Inspection i = detail.inspection();
        boolean own = i.fieldOffice().equals(actor.fieldOffice());
        ModelAndView view = new ModelAndView("worksite/inspection");
        view.addObject("inspection", i);
        view.addObject("detail", detail);
        view.addObject("asOf", day);
        view.addObject("clocks", clocks(detail, day));
        view.addObject("mayRecordForms", own && actor.is(Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR)
                && i.state().takesForms());
        view.addObject("mayServe", own && actor.is(Role.SUPERVISOR, Role.DIRECTOR) && i.state().takesNotices());
        view.addObject("mayCorrect", own && actor.is(Role.SUPERVISOR, Role.DIRECTOR) && i.state().takesNotices()
                && detail.notices().stream().anyMatch(n -> n.kind() == Inspections.NoticeKind.TECHNICAL_FAILURES));
        List<String> outcomes = detail.next().stream().filter(s -> s != InspectionState.FORMS_RECEIVED
                && s != InspectionState.NOTICES_SERVED).map(Enum::name).toList();
        view.addObject("mayDecide", (own && actor.is(Role.SUPERVISOR, Role.DIRECTOR) || actor.is(Role.ATTORNEY))
                && !outcomes.isEmpty());
        Map<String, String> outcomeChoices = new LinkedHashMap<>();
        outcomes.forEach(o -> outcomeChoices.put(o, PageLayout.label(o)));
        view.addObject("outcomes", outcomeChoices);
        view.addObject("parts", WorksiteForms.options(Inspections.Part.values()));
        view.addObject("findingKinds", findingKinds());
        view.addObject("findingRows", java.util.stream.IntStream.range(0, FINDING_ROWS).boxed().toList());
        view.addObject("noticeKinds", noticeKinds());
        view.addObject("factors", factorFields());
        view.addObject("directions", WorksiteForms.options(Direction.values()));
        Map<String, String> corrected = new LinkedHashMap<>();
        corrected.put("true", "Corrected by the deadline");
        corrected.put("false", "Not corrected by the deadline");
        view.addObject("correctedChoices", corrected);
        return view;
    }

    static Map<String, String> findingKinds() {
        Map<String, String> kinds = new LinkedHashMap<>();
        kinds.put("TECHNICAL", "Technical or procedural failure");
        kinds.put("SUBSTANTIVE", "Substantive violation");
        kinds.put("UNAUTHORIZED", "Suspect documents (unauthorized worker)");
        return kinds;
    }

    static Map<String, String> noticeKinds() {
        Map<String, String> kinds = new LinkedHashMap<>();
        kinds.put("COMPLIANCE_LETTER", "Notice of Inspection results (compliance letter)");
        kinds.put("TECHNICAL_FAILURES", "Notice of technical or procedural failures (10 business days to correct)");
        kinds.put("SUSPECT_DOCUMENTS", "Notice of suspect documents");
        kinds.put("WARNING", "Warning notice");
        kinds.put("INTENT_TO_FINE", "Notice of intent to fine (30 days to request a hearing)");
        return kinds;
    }

    /** The inspection's clocks as dates, each with its rule and whether the working date is past it. */
    static List<Clock> clocks(Inspections.Detail detail, LocalDate day) {
        Inspections.Inspection i = detail.inspection();
        List<Clock> clocks = new ArrayList<>();
        boolean productionOverdue = i.formsProducedOn() == null && day.isAfter(i.productionDue());
        clocks.add(new Clock("Forms I-9 produced (3 business days after the Notice of Inspection)", i.productionDue(),
                i.productionRule(), i.formsProducedOn() != null ? (i.producedLate() ? "produced late, on "
                        : "produced on ") + i.formsProducedOn() : productionOverdue ? "overdue: not produced"
                        : "open", productionOverdue));
        for (Inspections.Notice n : detail.notices()) {
            if (n.dueOn() == null) {
                continue;
            }
            if (n.kind() == Inspections.NoticeKind.TECHNICAL_FAILURES) {
                long open = detail.forms().stream().flatMap(f -> f.findings().stream())
                        .filter(f -> f.kind() == Inspections.FindingKind.TECHNICAL && f.correction() == null).count();
                boolean overdue = open > 0 && day.isAfter(n.dueOn());
                clocks.add(new Clock("Technical or procedural failures corrected (10 business days after notice "
                        + n.id() + ")", n.dueOn(), n.dueRule(), open == 0 ? "every failure's correction recorded"
                        : overdue ? "overdue: " + open + " failures without a correction recorded"
                        : open + " failures open", overdue));
            } else if (n.kind() == Inspections.NoticeKind.INTENT_TO_FINE) {
                boolean waiting = i.state() == InspectionState.NOTICES_SERVED;
                boolean passed = waiting && day.isAfter(n.dueOn());
                clocks.add(new Clock("Hearing requested before OCAHO (30 days after notice " + n.id() + ")",
                        n.dueOn(), n.dueRule(), !waiting ? PageLayout.label(i.state().name()).toLowerCase(Locale.ROOT)
                        : passed ? "overdue: no hearing requested by the deadline" : "open", passed));
            }
        }
        return clocks;
    }

    /** Records one Form I-9 as reviewed, as {@code POST /api/inspections/{id}/forms}. */
    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR})
    @PostMapping("/worksite/inspections/{id}/forms")
    ModelAndView form(@PathVariable long id, @RequestParam(required = false) String employeeLabel,
            @RequestParam(required = false) String hiredOn, @RequestParam(required = false) String receivedOn,
            @RequestParam(required = false) String version, @RequestParam Map<String, String> all,
            HttpServletRequest request) {
        return WorksiteForms.change(request, "record-form", "/worksite/inspections/" + id, () -> {
            List<Inspections.Finding> findings = new ArrayList<>();
            for (int n = 0; n < FINDING_ROWS; n++) {
                String part = all.get("findings[" + n + "].part");
                String kind = all.get("findings[" + n + "].kind");
                String text = all.get("findings[" + n + "].detail");
                if (blank(part) && blank(kind) && blank(text)) {
                    continue;
                }
                int at = findings.size();
                findings.add(new Inspections.Finding(DeskForms.choice(Inspections.Part.class,
                        "findings[" + n + "].part", part, true), DeskForms.choice(Inspections.FindingKind.class,
                        "findings[" + n + "].kind", kind, true), text));
                if (at != n) {
                    // the service names a finding by its place in the list: keep the page's numbering
                    throw new BadInput("findings[" + n + "].part", "fill the finding rows from the first on");
                }
            }
            Inspections.Detail d = inspections.recordForm(id, new Inspections.NewForm(employeeLabel,
                    DeskForms.date("hiredOn", hiredOn, null), DeskForms.date("receivedOn", receivedOn, null),
                    findings, DeskForms.version(version)));
            return "Form of " + employeeLabel.trim() + " recorded with " + findings.size() + " findings; "
                    + d.counts().forms() + " forms reviewed, " + d.counts().violations() + " violations.";
        }, failure -> inspection(id));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Serves a notice, as {@code POST /api/inspections/{id}/notices}; a notice of intent to fine with the factors. */
    @Allow({Role.SUPERVISOR, Role.DIRECTOR})
    @PostMapping("/worksite/inspections/{id}/notices")
    ModelAndView notice(@PathVariable long id, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String servedOn, @RequestParam(required = false) String version,
            @RequestParam Map<String, String> all, HttpServletRequest request) {
        return WorksiteForms.change(request, "serve-notice", "/worksite/inspections/" + id, () -> {
            Inspections.NoticeKind k = DeskForms.choice(Inspections.NoticeKind.class, "kind", kind, false);
            List<FineCalculator.Adjustment> factors = k == Inspections.NoticeKind.INTENT_TO_FINE ? adjustments(all)
                    : null;
            Inspections.Detail d = inspections.serveNotice(id, new Inspections.NewNotice(k,
                    DeskForms.date("servedOn", servedOn, workingDate.get()), factors, DeskForms.version(version)));
            Inspections.Notice served = d.notices().stream().reduce((a, b) -> b.id() > a.id() ? b : a).orElseThrow();
            return noticeKinds().get(k.name()) + " served on " + served.servedOn()
                    + (served.dueOn() == null ? "" : "; due " + served.dueOn())
                    + (served.fine() == null ? "" : "; fine $" + served.fine().total()) + ".";
        }, failure -> inspection(id));
    }

    /** The five factors as the forms post them: {@code factor.SIZE_OF_BUSINESS} and its justification. */
    static List<FineCalculator.Adjustment> adjustments(Map<String, String> all) {
        List<FineCalculator.Adjustment> list = new ArrayList<>();
        for (Factor f : Factor.values()) {
            String direction = all.get("factor." + f.name());
            String why = all.get("justification." + f.name());
            if (blank(direction) && blank(why)) {
                continue;
            }
            list.add(new FineCalculator.Adjustment(f, DeskForms.choice(Direction.class, "factor." + f.name(),
                    direction, true), why));
        }
        return list;
    }

    /**
     * Records whether a technical or procedural failure was corrected by the deadline, as
     * {@code POST /api/inspections/{id}/corrections}.
     */
    @Allow({Role.SUPERVISOR, Role.DIRECTOR})
    @PostMapping("/worksite/inspections/{id}/corrections")
    ModelAndView correction(@PathVariable long id, @RequestParam(required = false) String findingId,
            @RequestParam(required = false) String corrected, @RequestParam(required = false) String on,
            @RequestParam(required = false) String note, @RequestParam(required = false) String version,
            HttpServletRequest request) {
        return WorksiteForms.change(request, "correct-" + findingId, "/worksite/inspections/" + id, () -> {
            Boolean fixed = blank(corrected) ? null : Boolean.valueOf("true".equals(corrected.trim()));
            inspections.recordCorrection(id, new Inspections.NewCorrection(DeskForms.number("findingId", findingId),
                    fixed, DeskForms.date("on", on, workingDate.get()), note, DeskForms.version(version)));
            return "Finding " + findingId + (Boolean.TRUE.equals(fixed) ? " corrected." : " not corrected by the "
                    + "deadline: it counts as a violation in a fine.");
        }, failure -> inspection(id));
    }

    /** Records the outcome, as {@code POST /api/inspections/{id}/outcome}. */
    @Allow({Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY})
    @PostMapping("/worksite/inspections/{id}/outcome")
    ModelAndView outcome(@PathVariable long id, @RequestParam(required = false) String to,
            @RequestParam(required = false) String on, @RequestParam(required = false) String amount,
            @RequestParam(required = false) String note, @RequestParam(required = false) String version,
            HttpServletRequest request) {
        return WorksiteForms.change(request, "outcome", "/worksite/inspections/" + id, () -> {
            Inspections.Detail d = inspections.outcome(id, new Inspections.Outcome(DeskForms.choice(
                    InspectionState.class, "to", to, false), DeskForms.date("on", on, workingDate.get()),
                    DeskForms.dollars("amount", amount), note, DeskForms.version(version)));
            return "Inspection " + id + ": " + PageLayout.label(d.inspection().state().name()).toLowerCase(Locale.ROOT)
                    + ".";
        }, failure -> inspection(id));
    }

    // --- the fine calculator --------------------------------------------------------------------------------

    /** A factor's fields in a form: its direction's and its justification's names, and its label. */
    record FactorField(String direction, String justification, String label) {
    }

    static List<FactorField> factorFields() {
        return java.util.Arrays.stream(Factor.values()).map(f -> new FactorField("factor." + f.name(),
                "justification." + f.name(), PageLayout.label(f.name()) + " (" + f.statute() + ")")).toList();
    }

    /** One factor's line of the answer: its direction, its justification and what it adds to the base. */
    record FactorLine(Factor factor, Direction direction, String justification, BigDecimal adjustment) {

        /** The adjustment in dollars with its sign: {@code -$71.60}, {@code +$71.60}, {@code $0.00}. */
        public String shown() {
            java.text.DecimalFormat dollars = new java.text.DecimalFormat("#,##0.00",
                    java.text.DecimalFormatSymbols.getInstance(Locale.US));
            return (adjustment.signum() < 0 ? "-" : adjustment.signum() > 0 ? "+" : "") + "$"
                    + dollars.format(adjustment.abs());
        }
    }

    @GetMapping("/worksite/fine-calculator")
    ModelAndView calculator() {
        return calculatorPage(null);
    }

    private ModelAndView calculatorPage(FineCalculator.Fine fine) {
        ModelAndView view = new ModelAndView("worksite/fine-calculator");
        view.addObject("factors", factorFields());
        view.addObject("directions", WorksiteForms.options(Direction.values()));
        view.addObject("schedules", inspections.schedules());
        view.addObject("asOf", workingDate.get());
        view.addObject("fine", fine);
        if (fine != null) {
            view.addObject("lines", fine.adjustments().stream().map(a -> new FactorLine(a.factor(), a.direction(),
                    a.justification(), fine.band().baseAmount().multiply(BigDecimal.valueOf(a.direction().percent()))
                            .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP))).toList());
        }
        return view;
    }

    /**
     * Computes a fine, as {@code POST /api/fine-calculator} (nothing stored): the answer on the page, or the problem
     * next to its field with what was typed kept. With htmx the form swaps only the answer.
     */
    @PostMapping("/worksite/fine-calculator")
    ModelAndView calculate(@RequestParam(required = false) String noticeDate,
            @RequestParam(required = false) String formsReviewed, @RequestParam(required = false) String violations,
            @RequestParam Map<String, String> all, HttpServletRequest request) {
        ModelAndView page;
        try {
            FineCalculator.Fine fine = inspections.preview(new FineCalculator.Input(
                    DeskForms.date("noticeDate", noticeDate, null), required("formsReviewed", formsReviewed),
                    required("violations", violations), adjustments(all)));
            page = calculatorPage(fine);
            page.addObject("typed", typed(all));
            page.addObject("errorForm", "calculate");
        } catch (BadInput e) {
            page = calculatorPage(null);
            page.addObject("typed", typed(all));
            page.addObject("errorForm", "calculate");
            page.addObject("errorField", "calculate:" + e.field());
            page.addObject("error", e.getMessage());
            page.setStatus(org.springframework.http.HttpStatus.BAD_REQUEST);
        }
        return page;
    }

    private static int required(String field, String value) {
        Integer n = WorksiteForms.whole(field, value);
        if (n == null) {
            throw new BadInput(field, "a number is required");
        }
        return n;
    }

    private static Map<String, String> typed(Map<String, String> all) {
        Map<String, String> typed = new LinkedHashMap<>(all);
        typed.remove("_csrf");
        return typed;
    }
}
