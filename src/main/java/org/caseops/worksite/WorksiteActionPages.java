package org.caseops.worksite;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caseops.access.Access;
import org.caseops.access.Actor;
import org.caseops.access.Allow;
import org.caseops.access.DeskForms;
import org.caseops.access.PageLayout;
import org.caseops.access.Role;
import org.caseops.access.WorkingDate;
import org.caseops.jurisdiction.UsTimeZone;
import org.caseops.operation.OperationState;
import org.caseops.system.BadInput;
import org.caseops.system.Listing;
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
 * The worksite action board (docs/web.md, docs/worksite.md "Worksite actions"): the office's actions; an action's
 * page with its dry run, preparations, the chain's next steps for the role, the report by site and the people
 * detained with their screening status and what it suggests; a detainee's page with the screening and the outcome.
 * Each form is the service call the API makes, so the same rules, timeline events and audit entries apply.
 */
@Controller
@Pages
@Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY, Role.AUDITOR})
class WorksiteActionPages {

    static final List<Column> COLUMNS = List.of(Column.sortable("date", "Date"), Column.sortable("name", "Action"),
            Column.sortable("office", "Field office"), Column.sortable("state", "State"), Column.plain("sites", "Sites"));

    /** How the pages write a time: in the action's field office's time zone, with the zone's abbreviation. */
    private static DateTimeFormatter when(UsTimeZone zone) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", java.util.Locale.US).withZone(zone.zone());
    }

    private final WorksiteActions actions;
    private final WorksiteDetainees detainees;
    private final Access access;
    private final WorkingDate workingDate;

    WorksiteActionPages(WorksiteActions actions, WorksiteDetainees detainees, Access access,
            WorkingDate workingDate) {
        this.actions = actions;
        this.detainees = detainees;
        this.access = access;
        this.workingDate = workingDate;
    }

    // --- the list ---------------------------------------------------------------------------------------------

    @GetMapping("/worksite-actions")
    ModelAndView list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
            @RequestParam(required = false) String filter) {
        Actor actor = access.actor();
        List<WorksiteActions.Action> all = actions.list(null);
        Listing table = Listing.of("worksite-actions", actor.fieldOffice() == null ? "Worksite actions of all field "
                + "offices" : "Worksite actions of field office " + actor.fieldOffice(), "/worksite-actions", COLUMNS,
                Listing.rows(all, a -> Cell.of(a.actionDate()),
                        a -> Cell.link(a.name(), "/worksite-actions/" + a.id()), a -> Cell.of(a.fieldOffice()),
                        a -> Cell.of(PageLayout.label(a.state().name())), a -> Cell.of(a.sites().size())),
                Listing.Query.of(page, size, sort, dir, filter, COLUMNS, "date", true));
        ModelAndView view = new ModelAndView("worksite/actions");
        view.addObject("table", table);
        view.addObject("mayPlan", actor.is(Role.SUPERVISOR, Role.DIRECTOR));
        view.addObject("sites", actor.is(Role.SUPERVISOR, Role.DIRECTOR) && actor.fieldOffice() != null
                ? actions.officeSites(actor.fieldOffice()) : List.of());
        view.addObject("day", workingDate.get());
        return view;
    }

    @Allow({Role.SUPERVISOR, Role.DIRECTOR})
    @PostMapping("/worksite-actions")
    ModelAndView create(HttpServletRequest request, @RequestParam(required = false) String name,
            @RequestParam(required = false) String actionDate,
            @RequestParam(required = false) List<String> siteIds) {
        long[] created = new long[1];
        ModelAndView answer = DeskForms.change(request, "new-action", "/worksite-actions", () -> {
            LocalDate day = DeskForms.date("actionDate", actionDate, null);
            List<Long> ids = new ArrayList<>();
            for (String id : siteIds == null ? List.<String>of() : siteIds) {
                ids.add(DeskForms.number("siteIds", id));
            }
            WorksiteActions.Action a = actions.create(new WorksiteActions.NewAction(name, day, ids));
            created[0] = a.id();
            return "Worksite action " + a.id() + " drafted.";
        }, () -> list(null, null, null, null, null));
        return created[0] > 0 ? redirect("/worksite-actions/" + created[0]) : answer;
    }

    private static ModelAndView redirect(String to) {
        org.springframework.web.servlet.view.RedirectView view = new org.springframework.web.servlet.view
                .RedirectView(to, true);
        view.setExposeModelAttributes(false);
        return new ModelAndView(view);
    }

    // --- an action --------------------------------------------------------------------------------------------

    /** The next steps of the chain the actor may take, as buttons: path, label, whether it asks for a note. */
    record Step(String path, String label, String note) {
    }

    @GetMapping("/worksite-actions/{id}")
    ModelAndView action(@PathVariable long id) {
        WorksiteActions.Action action = actions.visible(id);
        Actor actor = access.actor();
        List<WorksiteDetainees.Detainee> people = detainees.list(id);
        List<WorksiteDetainees.Child> children = detainees.children(id);
        Map<Long, WorksiteDetainees.Recommendation> suggested = detainees.recommendations(people, children);
        Map<Long, String> siteNames = new LinkedHashMap<>();
        action.sites().forEach(s -> siteNames.put(s.siteId(), s.siteName()));
        ModelAndView view = new ModelAndView("worksite/action");
        view.addObject("action", action);
        view.addObject("readiness", actions.readiness(action));
        view.addObject("report", detainees.report(id));
        view.addObject("people", people);
        view.addObject("suggested", suggested);
        view.addObject("siteNames", siteNames);
        view.addObject("children", children.size());
        List<WorksiteLog.Event> events = actions.events(id);
        view.addObject("events", events.subList(Math.max(0, events.size() - 50), events.size()));
        view.addObject("eventCount", events.size());
        view.addObject("steps", steps(action, actor));
        boolean own = action.fieldOffice().equals(actor.fieldOffice());
        view.addObject("mayPrepare", own && actor.is(Role.SUPERVISOR, Role.DIRECTOR)
                && action.state().beforeLaunch() && action.state() != OperationState.CANCELLED);
        view.addObject("mayDetain", own && actor.is(Role.OFFICER, Role.SUPERVISOR)
                && action.state() == OperationState.ACTIVE);
        UsTimeZone zone = UsTimeZone.ofFieldOffice(action.fieldOffice());
        view.addObject("when", when(zone));
        view.addObject("zoneLabel", zone.label());
        return view;
    }

    private static List<Step> steps(WorksiteActions.Action a, Actor actor) {
        boolean own = a.fieldOffice().equals(actor.fieldOffice());
        boolean planner = own && actor.is(Role.SUPERVISOR, Role.DIRECTOR);
        List<Step> steps = new ArrayList<>();
        switch (a.state()) {
            case DRAFT -> {
                if (planner) {
                    steps.add(new Step("submit", "Submit for legal review", null));
                }
            }
            case LEGAL_REVIEW -> {
                if (actor.is(Role.ATTORNEY) && a.legalClearedBy() == null) {
                    steps.add(new Step("clear", "Clear the legal review", "Note (optional)"));
                    steps.add(new Step("return", "Return to draft", "Findings"));
                }
                if (own && actor.is(Role.DIRECTOR) && a.legalClearedBy() != null) {
                    steps.add(new Step("approve", "Approve", null));
                }
            }
            case APPROVED -> {
                if (planner) {
                    steps.add(new Step("launch", "Launch", null));
                }
            }
            case ACTIVE -> {
                if (planner) {
                    steps.add(new Step("close", "Close", "Summary (optional)"));
                }
            }
            default -> {
            }
        }
        if (planner && a.state().allows(OperationState.CANCELLED)) {
            steps.add(new Step("cancel", "Cancel", "Reason"));
        }
        return steps;
    }

    @Allow({Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY})
    @PostMapping({"/worksite-actions/{id}/submit", "/worksite-actions/{id}/clear", "/worksite-actions/{id}/return",
        "/worksite-actions/{id}/approve", "/worksite-actions/{id}/launch", "/worksite-actions/{id}/close",
        "/worksite-actions/{id}/cancel"})
    ModelAndView step(HttpServletRequest request, @PathVariable long id, @RequestParam(required = false) String note,
            @RequestParam(required = false) String version) {
        String uri = request.getRequestURI();
        String step = uri.substring(uri.lastIndexOf('/') + 1);
        return DeskForms.change(request, "step", "/worksite-actions/" + id, () -> {
            Integer v = DeskForms.version(version);
            WorksiteActions.Action a = switch (step) {
                case "submit" -> actions.submit(id, v);
                case "clear" -> actions.clear(id, note, v);
                case "return" -> actions.returnToDraft(id, note, v);
                case "approve" -> actions.approve(id, v);
                case "launch" -> actions.launch(id, v);
                case "close" -> actions.close(id, note, v);
                default -> actions.cancel(id, note, v);
            };
            return "Worksite action " + id + " is " + PageLayout.label(a.state().name()).toLowerCase() + ".";
        }, () -> action(id));
    }

    @Allow({Role.SUPERVISOR, Role.DIRECTOR})
    @PostMapping("/worksite-actions/{id}/preparations")
    ModelAndView prepare(HttpServletRequest request, @PathVariable long id,
            @RequestParam(required = false) String prosecutionCommitment,
            @RequestParam(required = false) String socialServices,
            @RequestParam(required = false) String socialServicesNotifiedAt,
            @RequestParam(required = false) String schools, @RequestParam(required = false) String schoolsNotifiedAt,
            @RequestParam(required = false) String interpreters,
            @RequestParam(required = false) String interpreterLanguages,
            @RequestParam(required = false) String medicalStaff, @RequestParam(required = false) String version) {
        return DeskForms.change(request, "prepare", "/worksite-actions/" + id, () -> {
            UsTimeZone zone = UsTimeZone.ofFieldOffice(actions.visible(id).fieldOffice());
            actions.prepare(id, new WorksiteActions.PreparationsRequest(prosecutionCommitment, socialServices,
                    time("socialServicesNotifiedAt", socialServicesNotifiedAt, zone), schools,
                    time("schoolsNotifiedAt", schoolsNotifiedAt, zone), count("interpreters", interpreters),
                    interpreterLanguages, count("medicalStaff", medicalStaff), DeskForms.version(version)));
            return "Preparations recorded.";
        }, () -> action(id));
    }

    /** A time typed in a datetime-local field, read in the action's field office's zone (the page says which). */
    private static Instant time(String field, String value, UsTimeZone zone) {
        return value == null || value.isBlank() ? null : zone.read(field, value);
    }

    private static Integer count(String field, String value) {
        Long n = DeskForms.number(field, value);
        return n == null ? null : Math.toIntExact(Math.min(n, Integer.MAX_VALUE));
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR})
    @PostMapping("/worksite-actions/{id}/detainees")
    ModelAndView detain(HttpServletRequest request, @PathVariable long id,
            @RequestParam(required = false) String siteId, @RequestParam(required = false) String aNumber,
            @RequestParam(required = false) String familyName, @RequestParam(required = false) String givenName,
            @RequestParam(required = false) String birthMonth, @RequestParam(required = false) String nationality) {
        long[] created = new long[1];
        ModelAndView answer = DeskForms.change(request, "detain", "/worksite-actions/" + id, () -> {
            WorksiteDetainees.Detainee d = detainees.detain(id, new WorksiteDetainees.NewDetainee(
                    DeskForms.number("siteId", siteId), aNumber, familyName, givenName, birthMonth, nationality));
            created[0] = d.id();
            return "Person " + d.id() + " recorded: screen them before anything else.";
        }, () -> action(id));
        return created[0] > 0 ? redirect("/worksite-detainees/" + created[0]) : answer;
    }

    // --- a detainee -------------------------------------------------------------------------------------------

    @GetMapping("/worksite-detainees/{id}")
    ModelAndView detainee(@PathVariable long id) {
        WorksiteDetainees.Detainee d = detainees.get(id);
        WorksiteActions.Action action = actions.visible(d.actionId());
        Actor actor = access.actor();
        List<WorksiteDetainees.Child> all = detainees.children(action.id());
        boolean own = action.fieldOffice().equals(actor.fieldOffice());
        boolean active = action.state() == OperationState.ACTIVE;
        ModelAndView view = new ModelAndView("worksite/detainee");
        view.addObject("action", action);
        view.addObject("d", d);
        view.addObject("site", action.sites().stream().filter(s -> s.siteId() == d.siteId()).findFirst()
                .map(WorksiteActions.ActionSite::siteName).orElse(String.valueOf(d.siteId())));
        view.addObject("children", all.stream().filter(c -> d.childIds().contains(c.id())).toList());
        view.addObject("otherChildren", all.stream().filter(c -> !d.childIds().contains(c.id())).toList());
        view.addObject("recommendation", d.screening() == null ? null : detainees.recommendation(id));
        view.addObject("mayScreen", own && active && d.screening() == null && actor.is(Role.OFFICER,
                Role.SUPERVISOR));
        view.addObject("mayDecide", own && active && d.screening() != null && d.outcome() == null
                && actor.is(Role.SUPERVISOR));
        view.addObject("mayCharge", own && d.criminalCharge() == null && actor.is(Role.SUPERVISOR));
        view.addObject("locations", options(WorksiteDetainees.ChildLocation.values()));
        view.addObject("when", when(UsTimeZone.ofFieldOffice(action.fieldOffice())));
        return view;
    }

    private static Map<String, String> options(Enum<?>[] values) {
        Map<String, String> options = new LinkedHashMap<>();
        Arrays.stream(values).forEach(v -> options.put(v.name(), PageLayout.label(v.name())));
        return options;
    }

    /** The screening form: the answers, then up to three new children and any already named by another parent. */
    @Allow({Role.OFFICER, Role.SUPERVISOR})
    @PostMapping("/worksite-detainees/{id}/screening")
    ModelAndView screen(HttpServletRequest request, @PathVariable long id,
            @RequestParam(required = false) String interpreterLanguage,
            @RequestParam(required = false) String minor, @RequestParam(required = false) String soleCaregiver,
            @RequestParam(required = false) String pregnantOrNursing,
            @RequestParam(required = false) String medicalNeeds,
            @RequestParam(required = false) String citizenshipClaim, @RequestParam(required = false) String notes,
            @RequestParam(required = false) List<String> knownChild, @RequestParam(required = false) String version) {
        return DeskForms.change(request, "screen", "/worksite-detainees/" + id, () -> {
            List<WorksiteDetainees.NamedChild> named = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                String name = request.getParameter("child" + i + "Name");
                if (name == null || name.isBlank()) {
                    continue;
                }
                Long age = DeskForms.number("child" + i + "Age", request.getParameter("child" + i + "Age"));
                named.add(new WorksiteDetainees.NamedChild(null, name, age == null ? null : age.intValue(),
                        request.getParameter("child" + i + "Location"), request.getParameter("child" + i
                        + "Caregiver")));
            }
            for (String known : knownChild == null ? List.<String>of() : knownChild) {
                named.add(new WorksiteDetainees.NamedChild(DeskForms.number("knownChild", known), null, null, null,
                        null));
            }
            WorksiteDetainees.Detainee d = detainees.screen(id, new WorksiteDetainees.ScreeningRequest(
                    interpreterLanguage, yesNo("minor", minor), yesNo("soleCaregiver", soleCaregiver),
                    yesNo("pregnantOrNursing", pregnantOrNursing), medicalNeeds,
                    yesNo("citizenshipClaim", citizenshipClaim), notes, named, DeskForms.version(version)));
            return "Screening of person " + id + " recorded; " + d.childIds().size() + " children named, each "
                    + "with a child-welfare check.";
        }, () -> detainee(id));
    }

    private static Boolean yesNo(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim().toLowerCase()) {
            case "yes", "true" -> true;
            case "no", "false" -> false;
            default -> throw new BadInput(field, "answer yes or no");
        };
    }

    @Allow(Role.SUPERVISOR)
    @PostMapping("/worksite-detainees/{id}/outcome")
    ModelAndView decide(HttpServletRequest request, @PathVariable long id,
            @RequestParam(required = false) String outcome, @RequestParam(required = false) String reason,
            @RequestParam(required = false) String conditions, @RequestParam(required = false) String version) {
        return DeskForms.change(request, "decide", "/worksite-detainees/" + id, () -> {
            WorksiteDetainees.Detainee d = detainees.decide(id, new WorksiteDetainees.DecisionRequest(
                    DeskForms.choice(WorksiteDetainees.Outcome.class, "outcome", outcome, false), reason, conditions,
                    DeskForms.version(version)));
            return "Person " + id + ": " + PageLayout.label(d.outcome().name()).toLowerCase() + ".";
        }, () -> detainee(id));
    }

    @Allow(Role.SUPERVISOR)
    @PostMapping("/worksite-detainees/{id}/charge")
    ModelAndView charge(HttpServletRequest request, @PathVariable long id,
            @RequestParam(required = false) String charge, @RequestParam(required = false) String version) {
        return DeskForms.change(request, "charge", "/worksite-detainees/" + id, () -> {
            detainees.charge(id, charge, DeskForms.version(version));
            return "Charge recorded for person " + id + ".";
        }, () -> detainee(id));
    }
}
