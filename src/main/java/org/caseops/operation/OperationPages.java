package org.caseops.operation;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.caseops.access.Access;
import org.caseops.access.Actor;
import org.caseops.access.Allow;
import org.caseops.access.PageLayout;
import org.caseops.access.Role;
import org.caseops.access.WorkingDate;
import org.caseops.legal.rules.Rule;
import org.caseops.notice.CallInResponses;
import org.caseops.operation.schedule.Occupancy;
import org.caseops.operation.schedule.SlotGrid;
import org.caseops.operation.schedule.StagingKind;
import org.caseops.operation.schedule.StagingSite;
import org.caseops.system.BadInput;
import org.caseops.system.Conflict;
import org.caseops.system.Listing.Cell;
import org.caseops.system.Listing.Column;
import org.caseops.system.Listing;
import org.caseops.system.Pages;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The operations pages (issue 15, docs/ui.md): the list of the operations the user may know of, and the operation
 * board — its state with the next steps the user may take (disabled, with the reason, while something stands in the
 * way), roster, offices, window, staging sites, teams; for those who need to know, the targets member by member and
 * day by day, targets added by a filter shown before it is applied, the plan as a day × team grid with staging per
 * site, and the dry run's conflicts per day. Every form calls the service the API calls, with the same checks, audit
 * entries and 409s.
 */
@Controller
@Pages
@Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY, Role.AUDITOR})
class OperationPages {

    static final List<Column> COLUMNS = List.of(Column.sortable("id", "Operation"), Column.sortable("name", "Name"),
            Column.sortable("state", "State"), Column.sortable("offices", "Field offices"),
            Column.sortable("from", "From"), Column.sortable("until", "Until"),
            Column.sortable("createdBy", "Created by"));

    /** The planner's seconds the page offers (the run goes on in the background; the board shows its progress). */
    static final int DEFAULT_PLAN_SECONDS = 10;
    static final int MAX_PAGE_PLAN_SECONDS = 60;

    private final Operations operations;
    private final OperationActions actions;
    private final Lifecycle lifecycle;
    private final Planner planner;
    private final PlanRuns planRuns;
    private final Targets targets;
    private final Access access;
    private final ProtectedAreas protectedAreas;
    private final CallInResponses callIns;
    private final WorkingDate workingDate;

    OperationPages(Operations operations, OperationActions actions, Lifecycle lifecycle, Planner planner,
            PlanRuns planRuns, Targets targets, Access access, ProtectedAreas protectedAreas, CallInResponses callIns,
            WorkingDate workingDate) {
        this.planRuns = planRuns;
        this.protectedAreas = protectedAreas;
        this.callIns = callIns;
        this.workingDate = workingDate;
        this.operations = operations;
        this.actions = actions;
        this.lifecycle = lifecycle;
        this.planner = planner;
        this.targets = targets;
        this.access = access;
    }

    // ---- the list -----------------------------------------------------------------------------------------------

    @GetMapping("/operations")
    ModelAndView list(@RequestParam(required = false) String state, @RequestParam(required = false) String office,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
            @RequestParam(required = false) String filter, @RequestParam(required = false) String format,
            HttpServletResponse response) {
        OperationState only = state == null || state.isBlank() ? null
                : choice(OperationState.class, "state", state, "a state");
        String inOffice = office == null || office.isBlank() ? null : office.trim().toUpperCase(Locale.ROOT);
        Listing.Query query = Listing.Query.of(page, size, sort, dir, filter, COLUMNS, "from", true);
        List<Operation> all = operations.visible(access.actor());
        // newest first, so operations with the same dates list the latest on the first page
        List<Operation> shown = all.stream().sorted(java.util.Comparator.comparingLong(Operation::id).reversed())
                .filter(o -> only == null || o.state() == only)
                .filter(o -> inOffice == null || o.fieldOffices().contains(inOffice)).toList();
        UriComponentsBuilder back = UriComponentsBuilder.fromPath("/operations");
        if (only != null) {
            back.queryParam("state", only.name());
        }
        if (inOffice != null) {
            back.queryParam("office", inOffice);
        }
        Listing table = Listing.of("operations", caption(only, inOffice), back.build().toUriString(), COLUMNS,
                Listing.rows(shown,
                        o -> Cell.link(o.id(), "/operations/" + o.id()),
                        o -> Cell.link(o.name(), "/operations/" + o.id()),
                        o -> Cell.of(PageLayout.label(o.state().name())),
                        o -> Cell.of(String.join(", ", o.fieldOffices())),
                        o -> Cell.of(o.windowStart()),
                        o -> Cell.of(o.windowEnd()),
                        o -> Cell.of(o.createdBy())), query);
        if ("csv".equals(format)) {
            table.writeCsv(response, "caseops-operations");
            return null;
        }
        ModelAndView view = new ModelAndView("operation/operations");
        view.addObject("operations", table);
        view.addObject("states", OperationState.values());
        view.addObject("stateShown", only);
        view.addObject("offices", all.stream().flatMap(o -> o.fieldOffices().stream()).distinct().sorted().toList());
        view.addObject("officeShown", inOffice);
        return view;
    }

    private static String caption(OperationState state, String office) {
        return "Operations" + (state == null ? "" : ": " + PageLayout.label(state.name()))
                + (office == null ? "" : " in " + office);
    }

    // ---- the board ----------------------------------------------------------------------------------------------

    @GetMapping("/operations/{id}")
    ModelAndView board(@PathVariable long id) {
        return board(id, Form.none());
    }

    /**
     * Adds target units by a filter: first shown as it will be applied (nothing changes), then, with
     * {@code confirm=yes}, applied as {@code POST /api/operations/{id}/targets/matching}.
     */
    @Allow({Role.SUPERVISOR, Role.DIRECTOR})
    @PostMapping("/operations/{id}/targets/matching")
    ModelAndView addMatching(@PathVariable long id, @RequestParam(required = false) String inAbsentiaOnly,
            @RequestParam(required = false) String counselBeforeOrder,
            @RequestParam(required = false) String withMinorsOnly, @RequestParam(required = false) String represented,
            @RequestParam(required = false) String orderedFrom, @RequestParam(required = false) String orderedTo,
            @RequestParam(required = false) String nationalities, @RequestParam(required = false) String limit,
            @RequestParam(required = false) String confirm, @RequestParam(required = false) Integer version,
            RedirectAttributes flash) {
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("inAbsentiaOnly", text(inAbsentiaOnly));
        typed.put("counselBeforeOrder", text(counselBeforeOrder));
        typed.put("withMinorsOnly", text(withMinorsOnly));
        typed.put("represented", text(represented));
        typed.put("orderedFrom", text(orderedFrom));
        typed.put("orderedTo", text(orderedTo));
        typed.put("nationalities", text(nationalities));
        typed.put("limit", text(limit));
        Targets.Filter filter;
        try {
            filter = new Targets.Filter(yes(inAbsentiaOnly), date("orderedFrom", orderedFrom),
                    date("orderedTo", orderedTo), codes(nationalities), yesOrNo("represented", represented),
                    yes(counselBeforeOrder), yes(withMinorsOnly), number("limit", limit));
            if (filter.orderedFrom() != null && filter.orderedTo() != null
                    && filter.orderedTo().isBefore(filter.orderedFrom())) {
                throw new BadInput("orderedTo", "the orders' last date is before their first");
            }
            if (filter.limit() != null && filter.limit() < 1) {
                throw new BadInput("limit", "a limit is at least 1");
            }
        } catch (BadInput e) {
            return failed(board(id, new Form("filter", typed, e.field(), e.getMessage(), null)), HttpStatus.BAD_REQUEST);
        }
        if (!"yes".equals(confirm)) {
            Operation op = operations.get(id);
            operations.requirePlanner(op);
            return board(id, new Form("filter", typed, null, null, describe(op, filter)));
        }
        Targets.Added added;
        try {
            added = actions.addMatching(id, filter, version);
        } catch (BadInput e) {
            return failed(board(id, new Form("filter", typed, e.field(), e.getMessage(), null)), HttpStatus.BAD_REQUEST);
        } catch (Conflict e) {
            return failed(board(id, new Form("filter", typed, "", e.getMessage(), null)), HttpStatus.CONFLICT);
        }
        flash.addFlashAttribute("done", added.added() + " family units added of " + added.considered()
                + " considered; " + added.alreadyTargets() + " were targets already.");
        flash.addFlashAttribute("refusals", added.notAdded().entrySet().stream()
                .map(e -> e.getValue() + (e.getValue() == 1 ? " unit" : " units") + " not added: " + why(e.getKey()))
                .toList());
        return redirect("/operations/" + id + "#targets");
    }

    /**
     * Records who cares for a member who is not taken, from the unit's row (the dry run's *record the care
     * arrangement* leads here), as {@code POST /api/operations/{id}/care-arrangements}.
     */
    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR})
    @PostMapping("/operations/{id}/care-arrangements")
    ModelAndView care(@PathVariable long id, @RequestParam(required = false) String personId,
            @RequestParam(required = false) String kind, @RequestParam(required = false) String caregiverName,
            @RequestParam(required = false) String relationship, @RequestParam(required = false) String contact,
            @RequestParam(required = false) Integer version, RedirectAttributes flash) {
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("kind", text(kind));
        typed.put("caregiverName", text(caregiverName));
        typed.put("relationship", text(relationship));
        typed.put("contact", text(contact));
        String form = "care-" + text(personId);
        Care.Arrangement recorded;
        try {
            Integer person = number("personId", personId);
            if (kind == null || kind.isBlank()) {
                throw new BadInput("kind", "who cares for them: one of " + List.of(Care.Kind.values()));
            }
            Care.Kind k;
            try {
                k = Care.Kind.valueOf(kind.trim());
            } catch (IllegalArgumentException e) {
                throw new BadInput("kind", "who cares for them: one of " + List.of(Care.Kind.values()));
            }
            recorded = actions.recordCare(id, new Care.NewArrangement(person == null ? null : person.longValue(), k,
                    blankToNull(caregiverName), blankToNull(relationship), blankToNull(contact), null, version));
        } catch (BadInput e) {
            return failed(board(id, new Form(form, typed, e.field(), e.getMessage(), null)), HttpStatus.BAD_REQUEST);
        } catch (Conflict e) {
            return failed(board(id, new Form(form, typed, "", e.getMessage(), null)), HttpStatus.CONFLICT);
        }
        flash.addFlashAttribute("done", "Care arrangement recorded for person " + recorded.personId() + ": "
                + PageLayout.label(recorded.kind().name()) + ".");
        return redirect("/operations/" + id + "#targets");
    }

    /**
     * A supervisor's approval to act at a flagged address on a day, from the dry run's conflict, as
     * {@code POST /api/operations/{id}/protected-area-approvals}.
     */
    @Allow(Role.SUPERVISOR)
    @PostMapping("/operations/{id}/protected-area-approvals")
    ModelAndView protectedArea(@PathVariable long id, @RequestParam(required = false) String familyId,
            @RequestParam(required = false) String day, @RequestParam(required = false) String justification,
            @RequestParam(required = false) Integer version, RedirectAttributes flash) {
        Map<String, String> typed = Map.of("justification", text(justification));
        String form = "pa-" + text(familyId) + "-" + text(day);
        ProtectedAreas.Approval approval;
        try {
            Integer family = number("familyId", familyId);
            LocalDate on = date("day", day);
            if (on == null) {
                throw new BadInput("day", "the day of the visit is required");
            }
            approval = actions.approveProtectedArea(id, family == null ? null : family.longValue(), on,
                    justification, version);
        } catch (BadInput e) {
            return failed(board(id, new Form(form, typed, e.field(), e.getMessage(), null)), HttpStatus.BAD_REQUEST);
        } catch (Conflict e) {
            return failed(board(id, new Form(form, typed, "", e.getMessage(), null)), HttpStatus.CONFLICT);
        }
        flash.addFlashAttribute("done", "Protected-area approval recorded for family " + approval.familyId() + " on "
                + approval.day() + ".");
        return redirect("/operations/" + id + "#dry-run");
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    /**
     * Starts a plan run of the draft in the background, as {@code POST /api/operations/{id}/plan-runs}; the board then
     * shows its progress ({@link #planRun}).
     */
    @Allow({Role.SUPERVISOR, Role.DIRECTOR})
    @PostMapping("/operations/{id}/plan")
    ModelAndView plan(@PathVariable long id, @RequestParam(required = false) String seconds,
            @RequestParam(required = false) Integer version, RedirectAttributes flash) {
        Map<String, String> typed = Map.of("seconds", text(seconds));
        PlanRuns.Run run;
        try {
            Integer limit = number("seconds", seconds);
            if (limit != null && (limit < 1 || limit > MAX_PAGE_PLAN_SECONDS)) {
                throw new BadInput("seconds", "from a page the solver runs 1 to " + MAX_PAGE_PLAN_SECONDS
                        + " seconds (the API allows up to 300)");
            }
            run = planRuns.start(id, limit == null ? DEFAULT_PLAN_SECONDS : limit, version);
        } catch (BadInput e) {
            return failed(board(id, new Form("plan", typed, e.field(), e.getMessage(), null)), HttpStatus.BAD_REQUEST);
        } catch (Conflict e) {
            return failed(board(id, new Form("plan", typed, "", e.getMessage(), null)), HttpStatus.CONFLICT);
        }
        flash.addFlashAttribute("done", "Plan run " + run.id() + " started: the solver runs for up to "
                + run.seconds() + " s; its progress is below.");
        return redirect("/operations/" + id + "#plan");
    }

    /**
     * A plan run's progress, the fragment the board polls every 2 s while it runs (htmx); once it has ended, a poll
     * has the browser reload the board ({@code HX-Refresh}), which shows the new plan. Without script the board
     * itself shows the same fragment.
     */
    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY})
    @GetMapping("/operations/{id}/plan-runs/{run}")
    ModelAndView planRun(@PathVariable long id, @PathVariable long run, HttpServletResponse response) {
        PlanRuns.Run shown = planRuns.get(id, run);
        Operation op = operations.get(id);
        if (!shown.running()) {
            // the board again, reloaded (HX-Refresh): an HX-Redirect to the board's own address with a #fragment
            // would be a same-document navigation that reloads nothing
            response.setHeader("HX-Refresh", "true");
        }
        ModelAndView view = new ModelAndView("operation/plan-run :: progress");
        view.addObject("op", op);
        view.addObject("run", shown);
        view.addObject("cancels", PlanRuns.mayCancel(op, shown, access.actor()));
        return view;
    }

    static final List<Column> STAGING_COLUMNS = List.of(Column.plain("site", "Staging site"),
            Column.plain("hour", "Hour (from)"), Column.plain("people", "People held"),
            Column.plain("capacity", "Capacity (people)"), Column.plain("families", "Family units held"),
            Column.plain("rooms", "Family rooms"), Column.plain("standing", "Standing"));

    /**
     * The board's staging by the hour as CSV: every site's hours, as the tables beside the charts show them. The
     * plan is need-to-know; reading the targets it counts is audited as the board's read is.
     */
    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY})
    @GetMapping("/operations/{id}/staging.csv")
    ModelAndView stagingCsv(@PathVariable long id, HttpServletResponse response) {
        OperationActions.Overview overview = actions.read(id);
        List<Targets.Unit> units = actions.targets(id);
        Planner.StoredPlan plan = planner.stored(id).orElseThrow(() -> new org.caseops.system.NotFound(
                "operation " + id + " has no plan yet"));
        List<SiteHour> hours = staging(plan, overview.stagingSites(), units).stream()
                .flatMap(c -> c.hours().stream()).toList();
        List<Listing.Row> rows = Listing.rows(hours, h -> Cell.of(h.site()), h -> Cell.of(h.label()),
                h -> Cell.of(h.people()), h -> Cell.of(h.capacityPeople()), h -> Cell.of(h.families()),
                h -> Cell.of(h.familyRooms()), h -> Cell.of(h.standing()));
        Listing.of("staging", "Staging by the hour", "/operations/" + id, STAGING_COLUMNS, rows,
                Listing.Query.of(null, null, null, null, null, STAGING_COLUMNS, null, false))
                .writeCsv(response, "caseops-operation-" + id + "-staging", rows);
        return null;
    }

    /** Asks a running plan run to stop, as {@code POST /api/operations/{id}/plan-runs/{run}/cancel}. */
    @Allow({Role.SUPERVISOR, Role.DIRECTOR})
    @PostMapping("/operations/{id}/plan-runs/{run}/cancel")
    ModelAndView cancelPlanRun(@PathVariable long id, @PathVariable long run, RedirectAttributes flash) {
        try {
            planRuns.cancel(id, run);
        } catch (Conflict e) {
            return failed(board(id, new Form("plan", Map.of(), "", e.getMessage(), null)), HttpStatus.CONFLICT);
        }
        flash.addFlashAttribute("done", "Cancel of plan run " + run + " asked: the solver stops within about a "
                + "second and keeps the best plan found so far if it breaks no hard constraint.");
        return redirect("/operations/" + id + "#plan");
    }

    @Allow({Role.SUPERVISOR, Role.DIRECTOR})
    @PostMapping("/operations/{id}/submit")
    ModelAndView submit(@PathVariable long id, @RequestParam(required = false) Integer version,
            RedirectAttributes flash) {
        return step(id, "submit", Map.of(), flash, () -> lifecycle.submitForLegalReview(id, version),
                "Submitted for legal review: counsel clears it or returns it.");
    }

    @Allow(Role.ATTORNEY)
    @PostMapping("/operations/{id}/legal-review/clear")
    ModelAndView clear(@PathVariable long id, @RequestParam(required = false) String reason,
            @RequestParam(required = false) Integer version, RedirectAttributes flash) {
        Map<String, String> typed = Map.of("reason", text(reason));
        List<Targets.Change> changes;
        try {
            changes = lifecycle.clearLegalReview(id, blank(reason), version);
        } catch (BadInput e) {
            return failed(board(id, new Form("clear", typed, e.field(), e.getMessage(), null)), HttpStatus.BAD_REQUEST);
        } catch (Conflict e) {
            return failed(board(id, new Form("clear", typed, "", e.getMessage(), null)), HttpStatus.CONFLICT);
        }
        flash.addFlashAttribute("done", "Legal review cleared; every target unit was judged again: "
                + (changes.isEmpty() ? "nothing changed." : changes.size() + " units changed."));
        flash.addFlashAttribute("refusals", changes.stream().map(c -> "Family " + c.familyId() + ": " + c.before()
                + " → " + c.after()).toList());
        return redirect("/operations/" + id);
    }

    @Allow(Role.ATTORNEY)
    @PostMapping("/operations/{id}/legal-review/return")
    ModelAndView returnToDraft(@PathVariable long id, @RequestParam(required = false) String reason,
            @RequestParam(required = false) Integer version, RedirectAttributes flash) {
        return step(id, "return", Map.of("reason", text(reason)), flash,
                () -> lifecycle.returnToDraft(id, reason, version), "Returned to draft with counsel's findings.");
    }

    @Allow(Role.DIRECTOR)
    @PostMapping("/operations/{id}/approve")
    ModelAndView approve(@PathVariable long id, @RequestParam(required = false) Integer version,
            RedirectAttributes flash) {
        return step(id, "approve", Map.of(), flash, () -> lifecycle.approve(id, version), "Approved.");
    }

    @Allow({Role.SUPERVISOR, Role.DIRECTOR})
    @PostMapping("/operations/{id}/postpone")
    ModelAndView postpone(@PathVariable long id, @RequestParam(required = false) String reason,
            @RequestParam(required = false) Integer version, RedirectAttributes flash) {
        return step(id, "postpone", Map.of("reason", text(reason)), flash,
                () -> lifecycle.postpone(id, reason, version),
                "Postponed: counsel's clearance and the approval lapse; resume it with a new window.");
    }

    @Allow({Role.SUPERVISOR, Role.DIRECTOR})
    @PostMapping("/operations/{id}/resume")
    ModelAndView resume(@PathVariable long id, @RequestParam(required = false) String windowStart,
            @RequestParam(required = false) String windowEnd, @RequestParam(required = false) String to,
            @RequestParam(required = false) Integer version, RedirectAttributes flash) {
        Map<String, String> typed = Map.of("windowStart", text(windowStart), "windowEnd", text(windowEnd),
                "to", text(to));
        Lifecycle.Resumed resumed;
        try {
            resumed = lifecycle.resume(id, date("windowStart", windowStart), date("windowEnd", windowEnd),
                    choice(OperationState.class, "to", to, "DRAFT or LEGAL_REVIEW"), version);
        } catch (BadInput e) {
            return failed(board(id, new Form("resume", typed, e.field(), e.getMessage(), null)),
                    HttpStatus.BAD_REQUEST);
        } catch (Conflict e) {
            return failed(board(id, new Form("resume", typed, "", e.getMessage(), null)), HttpStatus.CONFLICT);
        }
        flash.addFlashAttribute("done", "Resumed as " + PageLayout.label(resumed.operation().state().name())
                + " with the window " + resumed.operation().windowStart() + " to " + resumed.operation().windowEnd()
                + "; " + resumed.visitsDropped() + " planned visits dropped (their days are gone), "
                + resumed.changes().size() + " target units changed on the new days.");
        flash.addFlashAttribute("refusals", resumed.changes().stream().map(c -> "Family " + c.familyId() + ": "
                + c.before() + " → " + c.after()).toList());
        return redirect("/operations/" + id);
    }

    @Allow({Role.SUPERVISOR, Role.DIRECTOR})
    @PostMapping("/operations/{id}/launch")
    ModelAndView launch(@PathVariable long id, @RequestParam(required = false) Integer version,
            RedirectAttributes flash) {
        return step(id, "launch", Map.of(), flash, () -> lifecycle.launch(id, version), "Launched.");
    }

    @Allow({Role.SUPERVISOR, Role.DIRECTOR})
    @PostMapping("/operations/{id}/close")
    ModelAndView close(@PathVariable long id, @RequestParam(required = false) String reason,
            @RequestParam(required = false) Integer version, RedirectAttributes flash) {
        return step(id, "close", Map.of("reason", text(reason)), flash,
                () -> lifecycle.close(id, blank(reason), version), "Closed.");
    }

    @Allow({Role.SUPERVISOR, Role.DIRECTOR})
    @PostMapping("/operations/{id}/cancel")
    ModelAndView cancel(@PathVariable long id, @RequestParam(required = false) String reason,
            @RequestParam(required = false) Integer version, RedirectAttributes flash) {
        return step(id, "cancel", Map.of("reason", text(reason)), flash,
                () -> lifecycle.cancel(id, reason, version), "Cancelled.");
    }

    private ModelAndView step(long id, String form, Map<String, String> typed, RedirectAttributes flash,
            java.util.function.Supplier<Operation> change, String done) {
        try {
            change.get();
        } catch (BadInput e) {
            return failed(board(id, new Form(form, typed, e.field(), e.getMessage(), null)), HttpStatus.BAD_REQUEST);
        } catch (Conflict e) {
            return failed(board(id, new Form(form, typed, "", e.getMessage(), null)), HttpStatus.CONFLICT);
        }
        flash.addFlashAttribute("done", done);
        return redirect("/operations/" + id);
    }

    // ---- what the board shows -----------------------------------------------------------------------------------

    /** A form of the board that was sent: which, what was typed, its problem, or the filter as it will be applied. */
    record Form(String name, Map<String, String> typed, String errorField, String error, List<String> preview) {
        static Form none() {
            return new Form("", Map.of(), null, null, null);
        }
    }

    /** A next step: its form, label, whether it may be taken now and, if not, why. */
    record Step(String name, String label, String href, boolean enabled, String reason, String field,
            String fieldLabel, boolean required) {
    }

    /** A member's verdict on one day of the window. */
    record DayCell(LocalDate day, boolean executable) {
    }

    record MemberRow(Targets.Member member, String name, List<DayCell> days, List<String> why, String care) {
    }

    record UnitView(Targets.Unit unit, List<MemberRow> members, int taken, boolean careComplete) {
    }

    /** The plan's grid: a row per day, a cell per team with its visits. */
    record GridRow(LocalDate day, List<List<String>> cells) {
    }

    /** Staging per site and clock hour: people and family units held there then, against the site's capacity. */
    record SiteHour(String site, java.time.LocalDateTime hour, int people, int capacityPeople, int families,
            int familyRooms) {

        /** {@code 2019-06-23 06:00} */
        public String label() {
            return hour.toLocalDate() + " " + hour.toLocalTime();
        }

        public boolean overPeople() {
            return people > capacityPeople;
        }

        public boolean overRooms() {
            return families > familyRooms;
        }

        public boolean over() {
            return overPeople() || overRooms();
        }

        /** The hour's standing in words (the table says it, not only a colour). */
        public String standing() {
            if (!over()) {
                return "within capacity";
            }
            return "OVER CAPACITY: " + (overPeople() ? (people - capacityPeople) + " people too many" : "")
                    + (overPeople() && overRooms() ? ", " : "")
                    + (overRooms() ? (families - familyRooms) + " family units without a room" : "");
        }
    }

    record SiteChart(Logistics.Site site, String labels, String series, List<SiteHour> hours, int hoursOver) {
    }

    /**
     * The board, every read of it in one snapshot: read statement by statement, a plan run that committed between
     * the operation's read and the plan's showed the new plan and the ended run beside the operation's older version,
     * and the next step sent with that version was refused as changed meanwhile (the suite's OperationBrowserTest).
     */
    private ModelAndView board(long id, Form form) {
        return actions.inOneSnapshot(() -> boardOf(id, form));
    }

    private ModelAndView boardOf(long id, Form form) {
        OperationActions.Overview overview = actions.read(id);
        Operation op = overview.operation();
        Actor actor = access.actor();
        boolean needToKnow = operations.needsToKnow(op, actor);
        boolean planner = actor.is(Role.SUPERVISOR, Role.DIRECTOR) && operations.plans(op, actor);
        ModelAndView view = new ModelAndView("operation/board");
        view.addObject("overview", overview);
        view.addObject("op", op);
        view.addObject("needToKnow", needToKnow);
        view.addObject("planner", planner);
        view.addObject("fieldStaff", actor.is(Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR));
        view.addObject("readsFunnel", !actor.is(Role.OFFICER));
        view.addObject("form", form);
        view.addObject("typed", form.typed());
        view.addObject("days", op.days());
        view.addObject("events", operations.events(id));
        DryRun.Report report = null;
        if (needToKnow) {
            List<Targets.Unit> units = actions.targets(id);
            view.addObject("units", units.stream().map(u -> unitView(u, op)).toList());
            // each unit's protected-area flags with their approvals, and its call-in compliance as of the working
            // date: one batch for the whole page each (no read per unit)
            List<Long> familyIds = units.stream().map(Targets.Unit::familyId).toList();
            LocalDate asOf = workingDate.get();
            Map<Long, List<ProtectedAreas.FlagStanding>> flags = protectedAreas.standings(id, familyIds, op.days());
            Map<Long, CallInResponses.CallInStanding> callIn = callIns.standings(familyIds, asOf);
            view.addObject("facts", units.stream().collect(Collectors.toMap(Targets.Unit::familyId,
                    u -> unitFacts(flags.getOrDefault(u.familyId(), List.of()), callIn.get(u.familyId()), asOf),
                    (a, b) -> a)));
            Planner.StoredPlan plan = planner(op);
            view.addObject("plan", plan);
            PlanRuns.Run run = planRuns.latest(id).orElse(null);
            view.addObject("run", run);
            view.addObject("cancels", run != null && PlanRuns.mayCancel(op, run, actor));
            if (plan != null) {
                view.addObject("grid", grid(op, plan, overview.teams()));
                view.addObject("staging", staging(plan, overview.stagingSites(), units));
            }
            report = actions.dryRun(id);
            view.addObject("dryRun", report);
            view.addObject("conflictDays", report.days().stream().filter(d -> !d.conflicts().isEmpty()).toList());
            view.addObject("undatedConflicts", report.conflicts().stream().filter(c -> c.day() == null).toList());
        }
        view.addObject("steps", steps(op, actor, planner, overview, report));
        view.addObject("careKinds", java.util.Arrays.stream(Care.Kind.values()).collect(Collectors.toMap(Enum::name, k -> PageLayout.label(k.name()), (a, b) -> a,
                        LinkedHashMap::new)));
        view.addObject("planKinds", List.of("NO_PLAN", "UNPLANNED_TARGET", "STAGING_OVERLOAD", "HELD_TOO_LONG",
                "TEAM_CONFLICT"));
        view.addObject("approvesProtectedAreas", needToKnow && actor.is(Role.SUPERVISOR)
                && op.state().beforeLaunch() && op.state() != OperationState.CANCELLED);
        view.addObject("planSeconds", DEFAULT_PLAN_SECONDS);
        view.addObject("maxPlanSeconds", MAX_PAGE_PLAN_SECONDS);
        return view;
    }

    private Planner.StoredPlan planner(Operation op) {
        return planner.stored(op.id()).orElse(null);
    }

    /** The next steps of the state that this user may take; disabled with the reason while something stands in the way. */
    static List<Step> steps(Operation op, Actor actor, boolean planner, OperationActions.Overview overview,
            DryRun.Report report) {
        List<Step> steps = new ArrayList<>();
        String base = "/operations/" + op.id();
        boolean director = actor.is(Role.DIRECTOR) && op.fieldOffices().contains(actor.fieldOffice());
        String conflicts = report == null || report.conflicts().isEmpty() ? null
                : "the dry run finds " + report.conflicts().size() + (report.conflicts().size() == 1 ? " conflict"
                        : " conflicts") + " (below); fix them first";
        switch (op.state()) {
            case DRAFT -> {
                if (planner) {
                    steps.add(new Step("submit", "Submit for legal review", base + "/submit",
                            overview.targetUnits() > 0, overview.targetUnits() > 0 ? null
                                    : "the operation has no target units yet", null, null, false));
                }
            }
            case LEGAL_REVIEW -> {
                if (actor.is(Role.ATTORNEY)) {
                    boolean cleared = op.legalClearedBy() != null;
                    steps.add(new Step("clear", "Clear the legal review", base + "/legal-review/clear", !cleared,
                            cleared ? "cleared by " + op.legalClearedBy() + " already" : null, "reason",
                            "Note (optional)", false));
                    steps.add(new Step("return", "Return to draft", base + "/legal-review/return", true, null,
                            "reason", "Findings", true));
                }
                if (director) {
                    String why = op.legalClearedBy() == null ? "counsel has not cleared the legal review"
                            : conflicts;
                    steps.add(new Step("approve", "Approve", base + "/approve", why == null, why, null, null, false));
                }
            }
            case APPROVED -> {
                if (planner) {
                    steps.add(new Step("launch", "Launch", base + "/launch", conflicts == null, conflicts, null, null,
                            false));
                }
            }
            case ACTIVE -> {
                if (planner) {
                    steps.add(new Step("close", "Close", base + "/close", true, null, "reason", "Summary (optional)",
                            false));
                }
            }
            default -> {
            }
        }
        if (planner && op.state().allows(OperationState.POSTPONED)) {
            steps.add(new Step("postpone", "Postpone", base + "/postpone", true, null, "reason", "Why postpone",
                    true));
        }
        if (planner && op.state().allows(OperationState.CANCELLED)) {
            steps.add(new Step("cancel", "Cancel the operation", base + "/cancel", true, null, "reason",
                    "Why cancel", true));
        }
        return steps;
    }

    /** A unit's protected-area flags and call-in standing as the targets table shows them. */
    record UnitFacts(List<ProtectedAreas.FlagStanding> flags, List<LocalDate> toApprove, String callIn,
            boolean didNotReport) {
    }

    static UnitFacts unitFacts(List<ProtectedAreas.FlagStanding> flags, CallInResponses.CallInStanding callIn,
            LocalDate asOf) {
        List<LocalDate> toApprove = flags.stream().flatMap(f -> f.days().stream()).filter(d -> !d.approved())
                .map(ProtectedAreas.DayNeed::day).distinct().sorted().toList();
        return new UnitFacts(flags, toApprove, callIn == null ? "No call-in letter" : callIn.summary(asOf),
                callIn != null && callIn.didNotReport(asOf));
    }

    private static UnitView unitView(Targets.Unit unit, Operation op) {
        List<MemberRow> rows = unit.members().stream().map(m -> {
            Set<LocalDate> executable = Set.copyOf(m.executableDays());
            List<DayCell> days = op.days().stream().map(d -> new DayCell(d, executable.contains(d))).toList();
            String care = m.standing() == Targets.Standing.TARGET ? ""
                    : m.care() == null ? "Missing: record who cares for them before approval"
                    : PageLayout.label(m.care().kind().name()) + (m.care().caregiverName() == null ? ""
                            : ": " + m.care().caregiverName())
                    + (m.care().relationship() == null ? "" : " (" + m.care().relationship() + ")");
            return new MemberRow(m, m.givenName() + " " + m.familyName(), days,
                    m.reasons().stream().map(OperationPages::why).toList(), care);
        }).toList();
        return new UnitView(unit, rows, unit.targets().size(), unit.careComplete());
    }

    private static List<GridRow> grid(Operation op, Planner.StoredPlan plan, List<Logistics.Team> teams) {
        List<GridRow> rows = new ArrayList<>();
        for (LocalDate day : op.days()) {
            List<List<String>> cells = new ArrayList<>();
            for (Logistics.Team team : teams) {
                cells.add(plan.visits().stream().filter(v -> v.day().equals(day) && v.teamId() == team.id())
                        .map(v -> v.starts() + " family " + v.familyId()).toList());
            }
            rows.add(new GridRow(day, cells));
        }
        return rows;
    }

    /**
     * Staging per site by the hour, from the stored plan: each visit's unit held at its site from the visit's start
     * until the site's next departure after processing (the solver's holding rule, {@link Occupancy}), its members
     * taken counted as people and the unit as a family room, against the site's capacity; an hour over capacity is
     * marked in words.
     */
    static List<SiteChart> staging(Planner.StoredPlan plan, List<Logistics.Site> sites, List<Targets.Unit> units) {
        Map<Long, Integer> taken = units.stream()
                .collect(Collectors.toMap(Targets.Unit::familyId, u -> u.targets().size(), (a, b) -> a));
        List<SiteChart> charts = new ArrayList<>();
        for (Logistics.Site site : sites) {
            StagingSite model = new StagingSite(String.valueOf(site.id()), site.fieldOffice(),
                    StagingKind.valueOf(site.kind().name()), site.capacityPeople(), site.capacityFamilyRooms(),
                    java.time.Duration.ofHours(site.maxHours()), site.departures());
            List<Occupancy.Arrival> arrivals = plan.visits().stream().filter(v -> v.siteId() == site.id())
                    .map(v -> new Occupancy.Arrival(v.day().atTime(v.starts()), taken.getOrDefault(v.familyId(), 0)))
                    .toList();
            List<SiteHour> hours = Occupancy.byHour(model, SlotGrid.DEFAULT.slotLength(), arrivals).stream()
                    .map(h -> new SiteHour(site.name(), h.hour(), h.people(), site.capacityPeople(), h.families(),
                            site.capacityFamilyRooms()))
                    .toList();
            String labels = json(hours.stream().map(SiteHour::label).toList());
            String series = "[" + seriesOf("People held", hours, SiteHour::people) + ","
                    + seriesOf("Capacity (people)", hours, SiteHour::capacityPeople) + ","
                    + seriesOf("Family units held", hours, SiteHour::families) + ","
                    + seriesOf("Family rooms", hours, SiteHour::familyRooms) + "]";
            charts.add(new SiteChart(site, labels, series, hours,
                    (int) hours.stream().filter(SiteHour::over).count()));
        }
        return charts;
    }

    private static String seriesOf(String label, List<SiteHour> hours, Function<SiteHour, Integer> value) {
        String quoted = json(List.of(label));
        return "{\"label\":" + quoted.substring(1, quoted.length() - 1) + ",\"data\":"
                + hours.stream().map(d -> String.valueOf(value.apply(d))).collect(Collectors.joining(",", "[", "]"))
                + "}";
    }

    private static String json(List<String> texts) {
        return texts.stream().map(t -> "\"" + t.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining(",", "[", "]"));
    }

    /** A reason code in words, with the rule's citation where it is a rule of the legal gate. */
    static String why(String code) {
        String citation = Arrays.stream(Rule.values()).filter(r -> r.name().equals(code)).map(Rule::citation)
                .findFirst().orElse(null);
        return PageLayout.label(code) + (citation == null ? "" : " (" + citation + ")");
    }

    /** The filter in words, as the service will apply it. */
    static List<String> describe(Operation op, Targets.Filter f) {
        List<String> lines = new ArrayList<>();
        lines.add("Family units whose lead case is in " + String.join(", ", op.fieldOffices())
                + " and has a removal order");
        if (Boolean.TRUE.equals(f.inAbsentiaOnly())) {
            lines.add("ordered in absentia only");
        }
        if (f.orderedFrom() != null || f.orderedTo() != null) {
            lines.add("ordered " + (f.orderedFrom() == null ? "" : "from " + f.orderedFrom() + " ")
                    + (f.orderedTo() == null ? "" : "until " + f.orderedTo()));
        }
        if (f.nationalities() != null && !f.nationalities().isEmpty()) {
            lines.add("nationality " + String.join(" or ", f.nationalities()));
        }
        if (f.represented() != null) {
            lines.add(f.represented() ? "represented by counsel" : "not represented by counsel");
        }
        if (Boolean.TRUE.equals(f.counselBeforeOrder())) {
            lines.add("counsel's appearance recorded before the order (EOIR overwrites that date with later "
                    + "filings, so this can only under-count)");
        }
        if (Boolean.TRUE.equals(f.withMinorsOnly())) {
            lines.add("with a minor in the unit only");
        }
        lines.add(f.limit() == null ? "no limit on the number of units" : "at most " + f.limit() + " units");
        lines.add("then every member judged by the legal gate on each day of the window " + op.windowStart() + " to "
                + op.windowEnd() + "; a unit with no member who may be taken is refused with its reasons, and so is "
                + "one that complied with its call-in letter");
        return lines;
    }

    // ---- form values --------------------------------------------------------------------------------------------

    private static ModelAndView failed(ModelAndView view, HttpStatus status) {
        view.setStatus(status);
        return view;
    }

    private static ModelAndView redirect(String to) {
        RedirectView view = new RedirectView(to, true);
        view.setExposeModelAttributes(false);
        return new ModelAndView(view);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static Boolean yes(String value) {
        return value != null && (value.equals("yes") || value.equals("true") || value.equals("on")) ? Boolean.TRUE
                : null;
    }

    private static Boolean yesOrNo(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim()) {
            case "yes" -> Boolean.TRUE;
            case "no" -> Boolean.FALSE;
            default -> throw new BadInput(field, "'" + value + "' is not yes, no or empty");
        };
    }

    private static Integer number(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw new BadInput(field, "'" + value + "' is not a whole number");
        }
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new BadInput(field, "'" + value + "' is not a date (yyyy-MM-dd)");
        }
    }

    private static List<String> codes(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        List<String> codes = Arrays.stream(value.split("[,\\s]+")).filter(s -> !s.isBlank())
                .map(s -> s.trim().toUpperCase(Locale.ROOT)).distinct().toList();
        for (String code : codes) {
            if (!code.matches("[A-Z]{2}")) {
                throw new BadInput("nationalities", "'" + code + "' is not a two-letter country code (e.g. GT, HN)");
            }
        }
        return codes;
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String field, String value, String what) {
        if (value == null || value.isBlank()) {
            throw new BadInput(field, "choose " + what);
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadInput(field, "'" + value + "' is not " + what + ": one of "
                    + Arrays.toString(type.getEnumConstants()));
        }
    }
}
