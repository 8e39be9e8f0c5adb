package org.caseops.jurisdiction;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.caseops.access.Access;
import org.caseops.access.Actor;
import org.caseops.access.Allow;
import org.caseops.access.Role;
import org.caseops.access.WorkingDate;
import org.caseops.system.BadInput;
import org.caseops.system.Listing;
import org.caseops.system.Listing.Cell;
import org.caseops.system.Listing.Column;
import org.caseops.system.NotFound;
import org.caseops.system.Pages;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Reference data in the browser (docs/web.md): a field office's local cooperation policies (their history, the
 * entry in force on the working date, and the form to record a new entry, as
 * {@code POST /api/field-offices/{code}/cooperation-policies}: the administrator for any office, a director for their
 * own), and the reference-data mappings — each hearing location and base city with its field office and how it was
 * mapped (docs/reference-data.md) — for the administrator.
 */
@Controller
@Pages
class ReferencePages {

    static final List<Column> POLICY_COLUMNS = List.of(Column.sortable("jurisdiction", "Jurisdiction"),
            Column.sortable("from", "Effective from"), Column.plain("force", "In force"),
            Column.sortable("detainers", "Honours detainers"), Column.sortable("287g", "287(g) agreement"),
            Column.sortable("databases", "Shares databases"), Column.plain("source", "Source"),
            Column.plain("notes", "Notes"), Column.sortable("by", "Recorded by"));

    static final List<Column> MAPPING_COLUMNS = List.of(Column.sortable("kind", "Kind"),
            Column.sortable("code", "Code"), Column.sortable("name", "Name"), Column.sortable("place", "Place"),
            Column.sortable("office", "Field office"), Column.sortable("method", "Mapped by"),
            Column.plain("change", "Change"));

    private final CooperationPolicies policies;
    private final ReferenceData reference;
    private final Access access;
    private final WorkingDate workingDate;
    private final CourtMappings courtMappings;

    ReferencePages(CooperationPolicies policies, ReferenceData reference, Access access, WorkingDate workingDate,
            CourtMappings courtMappings) {
        this.courtMappings = courtMappings;
        this.policies = policies;
        this.reference = reference;
        this.access = access;
        this.workingDate = workingDate;
    }

    @Allow({Role.ADMIN, Role.DIRECTOR})
    @GetMapping("/reference/cooperation-policies")
    ModelAndView policies(@RequestParam(required = false) String office, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir, @RequestParam(required = false) String filter,
            @RequestParam(required = false) String format, HttpServletResponse response) {
        FieldOffice shown = office(office);
        Listing table = policyTable(shown, page, size, sort, dir, filter);
        if ("csv".equals(format)) {
            table.writeCsv(response, "cooperation-policies-" + shown.code());
            return null;
        }
        return policyPage(shown, table, new LinkedHashMap<>(), null, null);
    }

    /** Records a new entry (earlier ones stay as history); a problem is shown next to its field, what was typed kept. */
    @Allow({Role.ADMIN, Role.DIRECTOR})
    @PostMapping("/reference/cooperation-policies")
    ModelAndView record(@RequestParam(required = false) String office,
            @RequestParam(required = false) String jurisdiction,
            @RequestParam(required = false) String honoursDetainers,
            @RequestParam(required = false) String agreement287g,
            @RequestParam(required = false) String sharesDatabases,
            @RequestParam(required = false) String effectiveFrom, @RequestParam(required = false) String source,
            @RequestParam(required = false) String notes) {
        FieldOffice shown = office(office);
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("jurisdiction", jurisdiction);
        typed.put("honoursDetainers", honoursDetainers);
        typed.put("agreement287g", agreement287g);
        typed.put("sharesDatabases", sharesDatabases);
        typed.put("effectiveFrom", effectiveFrom);
        typed.put("source", source);
        typed.put("notes", notes);
        try {
            CooperationPolicies.Policy recorded = policies.recordAudited(shown.code(), new CooperationPolicies.NewPolicy(
                    jurisdiction, yesNo("honoursDetainers", honoursDetainers), yesNo("agreement287g", agreement287g),
                    yesNo("sharesDatabases", sharesDatabases), date(effectiveFrom), blank(source), blank(notes)));
            RedirectView done = new RedirectView("/reference/cooperation-policies?office=" + shown.code()
                    + "&recorded=" + recorded.id(), true);
            done.setExposeModelAttributes(false);
            return new ModelAndView(done);
        } catch (BadInput e) {
            ModelAndView view = policyPage(shown, policyTable(shown, null, null, null, null, null), typed, e.field(),
                    e.getMessage());
            view.setStatus(HttpStatus.BAD_REQUEST);
            return view;
        }
    }

    @Allow(Role.ADMIN)
    @GetMapping("/reference/mappings")
    ModelAndView mappings(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
            @RequestParam(required = false) String filter, @RequestParam(required = false) String format,
            @RequestParam(required = false) String edit, @RequestParam(required = false) String changed,
            HttpServletResponse response) {
        Listing table = mappingTable(page, size, sort, dir, filter);
        if ("csv".equals(format)) {
            table.writeCsv(response, "reference-mappings");
            return null;
        }
        CourtMappings.Current editing = null;
        if (edit != null && !edit.isBlank()) {
            int colon = edit.indexOf(':');
            if (colon < 0) {
                throw new BadInput("edit", "'" + edit + "' names no court (kind:code, e.g. HEARING_LOCATION:HOU)");
            }
            editing = courtMappings.current(edit.substring(0, colon), edit.substring(colon + 1))
                    .orElseThrow(() -> new NotFound("no court " + edit));
        }
        return mappingPage(table, editing, changed, Map.of(), null, null);
    }

    /**
     * Maps a court to a field office (administrators), as {@code POST /api/reference/mappings/{kind}/{code}}: a
     * problem next to its field with what was typed kept (400), a stale form shown again with the mapping as it is now
     * (409), done: back to the list filtered on the court.
     */
    @Allow(Role.ADMIN)
    @PostMapping("/reference/mappings/{kind}/{code}")
    ModelAndView map(@org.springframework.web.bind.annotation.PathVariable String kind,
            @org.springframework.web.bind.annotation.PathVariable String code,
            @RequestParam(required = false) String fieldOffice, @RequestParam(required = false) String reason,
            @RequestParam(required = false) String version) {
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("fieldOffice", fieldOffice == null ? "" : fieldOffice);
        typed.put("reason", reason == null ? "" : reason);
        try {
            Integer v;
            try {
                v = version == null || version.isBlank() ? null : Integer.valueOf(version.trim());
            } catch (NumberFormatException e) {
                throw new BadInput("version", "'" + version + "' is not a version number");
            }
            CourtMappings.Changed done = courtMappings.map(kind, code, fieldOffice, v, reason);
            RedirectView back = new RedirectView("/reference/mappings?filter=" + java.net.URLEncoder.encode(
                    done.code(), java.nio.charset.StandardCharsets.UTF_8) + "&changed=" + java.net.URLEncoder.encode(
                    done.kind().label() + " " + done.code() + " now maps to " + done.fieldOffice() + " ("
                    + done.casesMoved() + " cases moved)", java.nio.charset.StandardCharsets.UTF_8), true);
            back.setExposeModelAttributes(false);
            return new ModelAndView(back);
        } catch (BadInput e) {
            ModelAndView view = mappingPage(mappingTable(null, null, null, null, code), current(kind, code), null,
                    typed, e.field(), e.getMessage());
            view.setStatus(HttpStatus.BAD_REQUEST);
            return view;
        } catch (org.caseops.system.Conflict e) {
            // the form again, with the mapping (and its version) as it is now; what was typed is kept
            ModelAndView view = mappingPage(mappingTable(null, null, null, null, code), current(kind, code), null,
                    typed, "conflict", e.getMessage());
            view.setStatus(HttpStatus.CONFLICT);
            return view;
        }
    }

    private CourtMappings.Current current(String kind, String code) {
        return courtMappings.current(kind, code).orElseThrow(() -> new NotFound("no court " + kind + ":" + code));
    }

    private Listing mappingTable(Integer page, Integer size, String sort, String dir, String filter) {
        Listing.Query query = Listing.Query.of(page, size, sort, dir, filter, MAPPING_COLUMNS, "code", false);
        List<ReferenceData.Mapping> all = reference.mappings();
        return Listing.of("mappings", "Hearing locations and base cities", "/reference/mappings",
                MAPPING_COLUMNS, Listing.rows(all, m -> Cell.of(m.kind()), m -> Cell.of(m.code()),
                        m -> Cell.of(m.name()), m -> Cell.of(m.city() == null ? "" : m.city() + ", " + m.state()),
                        m -> Cell.of(m.fieldOffice() == null ? "none (unmapped)" : m.fieldOffice()),
                        m -> Cell.of(m.method() == null ? "" : org.caseops.access.PageLayout.label(m.method())),
                        m -> Cell.link("Change " + m.code(), "/reference/mappings?edit="
                                + CourtMappings.Kind.ofLabel(m.kind()).name() + ":" + m.code() + "#edit-mapping")),
                query);
    }

    private ModelAndView mappingPage(Listing table, CourtMappings.Current editing, String changed,
            Map<String, String> typed, String errorField, String error) {
        ModelAndView view = new ModelAndView("reference/mappings");
        view.addObject("table", table);
        view.addObject("version", reference.loadedVersion().orElse(null));
        view.addObject("editing", editing);
        view.addObject("changed", changed);
        view.addObject("offices", reference.fieldOffices());
        view.addObject("typed", typed);
        view.addObject("errorField", errorField);
        view.addObject("error", error);
        return view;
    }

    private Listing policyTable(FieldOffice office, Integer page, Integer size, String sort, String dir,
            String filter) {
        Listing.Query query = Listing.Query.of(page, size, sort, dir, filter, POLICY_COLUMNS, "jurisdiction", false);
        LocalDate day = workingDate.get();
        List<Long> inForce = policies.inForce(office.code(), day).stream().map(CooperationPolicies.Policy::id)
                .toList();
        return Listing.of("policies", "Cooperation policies of " + office.code(), "/reference/cooperation-policies"
                + "?office=" + office.code(), POLICY_COLUMNS, Listing.rows(policies.history(office.code()),
                        p -> Cell.of(p.jurisdiction()), p -> Cell.of(p.effectiveFrom()),
                        p -> Cell.of(inForce.contains(p.id()) ? "in force on " + day
                                : p.effectiveFrom().isAfter(day) ? "from " + p.effectiveFrom() : "replaced"),
                        p -> Cell.of(yesNo(p.honoursDetainers())), p -> Cell.of(yesNo(p.agreement287g())),
                        p -> Cell.of(yesNo(p.sharesDatabases())), p -> Cell.of(p.source()), p -> Cell.of(p.notes()),
                        p -> Cell.of(p.recordedBy())), query);
    }

    private ModelAndView policyPage(FieldOffice office, Listing table, Map<String, String> typed, String errorField,
            String error) {
        Actor actor = access.actor();
        ModelAndView view = new ModelAndView("reference/cooperation-policies");
        view.addObject("office", office);
        view.addObject("offices", actor.is(Role.ADMIN) ? reference.fieldOffices() : List.of(office));
        view.addObject("table", table);
        view.addObject("typed", typed);
        view.addObject("errorField", errorField);
        view.addObject("error", error);
        view.addObject("mayRecord", actor.is(Role.ADMIN) || office.code().equals(actor.fieldOffice()));
        view.addObject("today", workingDate.get());
        return view;
    }

    /** The office asked for; a director's own by default, the administrator's first. */
    private FieldOffice office(String code) {
        Actor actor = access.actor();
        String wanted = code == null || code.isBlank() ? actor.fieldOffice() : code.trim().toUpperCase(Locale.ROOT);
        if (wanted == null) {
            return reference.fieldOffices().get(0);
        }
        return reference.fieldOffice(wanted).orElseThrow(() -> new NotFound("no field office " + wanted));
    }

    private static Boolean yesNo(String field, String value) {
        if (value == null || value.isBlank()) {
            return null; // the service names the field
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "yes", "true" -> true;
            case "no", "false" -> false;
            default -> throw new BadInput(field, "'" + value + "' is not yes or no");
        };
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }

    private static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null; // the service names the field
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new BadInput("effectiveFrom", "'" + text + "' is not a date (yyyy-MM-dd)");
        }
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
