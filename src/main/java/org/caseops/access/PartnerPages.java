package org.caseops.access;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.caseops.system.BadInput;
import org.caseops.system.Conflict;
import org.caseops.system.Listing;
import org.caseops.system.Listing.Action;
import org.caseops.system.Listing.Cell;
import org.caseops.system.Listing.Column;
import org.caseops.system.Pages;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Partner agencies and their data-sharing agreements (docs/ui.md), with the access of {@code /api/partners}: the
 * administrator records agencies and agreements; the administrator, and a field office director for their own field
 * office, revoke an agreement, which the agency's users feel on their very next request; auditors read.
 */
@Controller
@Pages
@Allow({Role.ADMIN, Role.DIRECTOR, Role.AUDITOR})
class PartnerPages {

    static final List<Column> AGENCY_COLUMNS = List.of(Column.sortable("name", "Agency"),
            Column.sortable("kind", "Kind"), Column.sortable("jurisdiction", "Jurisdiction"),
            Column.sortable("inForce", "Agreements in force"), Column.sortable("agreements", "Agreements"));
    static final List<Column> AGREEMENT_COLUMNS = List.of(Column.sortable("id", "Agreement"),
            Column.sortable("office", "Field office"), Column.plain("scopes", "Grants"),
            Column.sortable("reference", "Reference"), Column.sortable("from", "From"),
            Column.sortable("until", "Until"), Column.sortable("state", "State today"),
            Column.plain("actions", "Actions"));

    /** What each scope lets the agency's users read. */
    static final Map<PartnerScope, String> SCOPE_MEANINGS = Map.of(
            PartnerScope.CASE_STATUS, "Case status: whether a removal order is executable, and the case summary",
            PartnerScope.PERSON_RECORD, "Person record: the person, their family and timeline");

    private final Partners partners;
    private final PartnerAdministration administration;
    private final OfficeDirectory offices;
    private final Users users;
    private final Access access;
    private final WorkingDate workingDate;

    PartnerPages(Partners partners, PartnerAdministration administration, OfficeDirectory offices, Users users,
            Access access, WorkingDate workingDate) {
        this.partners = partners;
        this.administration = administration;
        this.offices = offices;
        this.users = users;
        this.access = access;
        this.workingDate = workingDate;
    }

    @GetMapping("/partners")
    ModelAndView agenciesPage(@RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir, @RequestParam(required = false) String filter,
            @RequestParam(required = false) String format, HttpServletResponse response) {
        Listing.Query query = Listing.Query.of(page, size, sort, dir, filter, AGENCY_COLUMNS, "name", false);
        Listing table = agencies(query);
        if ("csv".equals(format)) {
            table.writeCsv(response, "caseops-partner-agencies");
            return null;
        }
        return agenciesView(table, Map.of(), null, null);
    }

    /** Records a partner agency (administrators), as {@code POST /api/partners}. */
    @Allow(Role.ADMIN)
    @PostMapping("/partners")
    ModelAndView addAgency(@RequestParam(required = false) String name, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String jurisdiction, RedirectAttributes flash) {
        Map<String, String> typed = Map.of("name", PageForms.text(name), "kind", PageForms.text(kind),
                "jurisdiction", PageForms.text(jurisdiction));
        Partners.Agency agency;
        try {
            agency = administration.addAgency(name, PageForms.choice(Partners.Kind.class, "kind", kind,
                    "the kind of agency"), PageForms.blank(jurisdiction));
        } catch (BadInput e) {
            return failed(agenciesView(agencies(defaultAgencies()), typed, e.field(), e.getMessage()),
                    HttpStatus.BAD_REQUEST);
        } catch (Conflict e) {
            return failed(agenciesView(agencies(defaultAgencies()), typed, "", e.getMessage()), HttpStatus.CONFLICT);
        }
        flash.addFlashAttribute("done", "Partner agency " + agency.name() + " recorded. It reads nothing until an "
                + "agreement grants it something.");
        return PageForms.redirect("/partners/" + agency.id());
    }

    @GetMapping("/partners/{id}")
    ModelAndView agencyPage(@PathVariable long id, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir, @RequestParam(required = false) String filter,
            @RequestParam(required = false) String format, HttpServletResponse response) {
        Partners.Agency agency = partners.agency(id);
        Listing.Query query = Listing.Query.of(page, size, sort, dir, filter, AGREEMENT_COLUMNS, "id", false);
        Listing table = agreements(agency, query, null, null, null);
        if ("csv".equals(format)) {
            table.writeCsv(response, "caseops-agreements-" + id);
            return null;
        }
        return agencyView(agency, table, Map.of(), null, null);
    }

    /** Records an agreement (administrators), as {@code POST /api/partners/{id}/agreements}. */
    @Allow(Role.ADMIN)
    @PostMapping("/partners/{id}/agreements")
    ModelAndView addAgreement(@PathVariable long id, @RequestParam(required = false) String fieldOffice,
            @RequestParam(required = false) List<String> scopes, @RequestParam(required = false) String reference,
            @RequestParam(required = false) String effectiveFrom, @RequestParam(required = false) String expiresOn,
            RedirectAttributes flash) {
        Partners.Agency agency = partners.agency(id);
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("fieldOffice", PageForms.text(fieldOffice));
        typed.put("scopes", scopes == null ? "" : String.join(",", scopes));
        typed.put("reference", PageForms.text(reference));
        typed.put("effectiveFrom", PageForms.text(effectiveFrom));
        typed.put("expiresOn", PageForms.text(expiresOn));
        Partners.Agreement agreement;
        try {
            Set<PartnerScope> granted = EnumSet.noneOf(PartnerScope.class);
            for (String scope : scopes == null ? List.<String>of() : scopes) {
                granted.add(PageForms.choice(PartnerScope.class, "scopes", scope, "what the agreement grants"));
            }
            agreement = administration.addAgreement(id, new Partners.NewAgreement(PageForms.blank(fieldOffice),
                    granted, PageForms.blank(reference), date("effectiveFrom", effectiveFrom, workingDate.get()),
                    date("expiresOn", expiresOn, null)));
        } catch (BadInput e) {
            return failed(agencyView(agency, agreements(agency, defaultAgreements(), null, null, null), typed,
                    e.field(), e.getMessage()), HttpStatus.BAD_REQUEST);
        }
        flash.addFlashAttribute("done", "Agreement " + agreement.id() + " recorded for field office "
                + agreement.fieldOffice() + " from " + agreement.effectiveFrom() + ".");
        return PageForms.redirect("/partners/" + id + "#agreements");
    }

    /**
     * Revokes an agreement now (administrators; a director for their own field office), as
     * {@code POST /api/agreements/{id}/revoke}: the agency's users are refused on their very next request.
     */
    @Allow({Role.ADMIN, Role.DIRECTOR})
    @PostMapping("/agreements/{id}/revoke")
    ModelAndView revoke(@PathVariable long id, @RequestParam(required = false) String reason,
            RedirectAttributes flash) {
        Partners.Agreement agreement = partners.agreement(id);
        Partners.Agency agency = partners.agency(agreement.partnerId());
        Partners.Agreement revoked;
        try {
            revoked = administration.revoke(id, reason);
        } catch (BadInput e) {
            return failed(agencyView(agency, agreements(agency, defaultAgreements(), id, PageForms.text(reason),
                    e.getMessage()), Map.of(), null, null), HttpStatus.BAD_REQUEST);
        } catch (Conflict e) {
            ModelAndView view = agencyView(agency, agreements(agency, defaultAgreements(), null, null, null),
                    Map.of(), null, null);
            view.addObject("revokeError", e.getMessage());
            return failed(view, HttpStatus.CONFLICT);
        }
        flash.addFlashAttribute("done", "Agreement " + id + " revoked at " + PageForms.time(revoked.revokedAt())
                + " UTC: " + agency.name() + "'s users are refused from their next request on.");
        return PageForms.redirect("/partners/" + agency.id() + "#agreements");
    }

    // ---- the views --------------------------------------------------------------------------------------------

    private ModelAndView agenciesView(Listing table, Map<String, String> typed, String errorField, String error) {
        ModelAndView view = new ModelAndView("admin/partners");
        view.addObject("agencies", table);
        view.addObject("kinds", Partners.Kind.values());
        view.addObject("admin", access.actor().is(Role.ADMIN));
        view.addObject("typed", typed);
        view.addObject("errorField", errorField);
        view.addObject("error", error);
        return view;
    }

    private ModelAndView agencyView(Partners.Agency agency, Listing table, Map<String, String> typed,
            String errorField, String error) {
        Actor actor = access.actor();
        ModelAndView view = new ModelAndView("admin/partner");
        view.addObject("agency", agency);
        view.addObject("agreements", table);
        view.addObject("admin", actor.is(Role.ADMIN));
        view.addObject("offices", offices.offices());
        view.addObject("scopes", PartnerScope.values());
        view.addObject("scopeMeanings", SCOPE_MEANINGS);
        view.addObject("asOf", workingDate.get());
        // only an administrator lists users (GET /api/users)
        view.addObject("agencyUsers", actor.is(Role.ADMIN) ? users.list().stream()
                .filter(u -> u.partnerId() != null && u.partnerId() == agency.id()).toList() : List.of());
        view.addObject("typed", typed);
        view.addObject("errorField", errorField);
        view.addObject("error", error);
        return view;
    }

    private static ModelAndView failed(ModelAndView view, HttpStatus status) {
        view.setStatus(status);
        return view;
    }

    private Listing agencies(Listing.Query query) {
        LocalDate today = LocalDate.now();
        Map<Long, List<Partners.Agreement>> byAgency = partners.agreements().stream()
                .collect(Collectors.groupingBy(Partners.Agreement::partnerId));
        return Listing.of("agencies", "Partner agencies", "/partners", AGENCY_COLUMNS, Listing.rows(
                partners.agencies(),
                a -> Cell.link(a.name(), "/partners/" + a.id()),
                a -> Cell.of(PageLayout.label(a.kind().name())),
                a -> Cell.of(a.jurisdiction()),
                a -> Cell.of(byAgency.getOrDefault(a.id(), List.of()).stream().filter(g -> g.inForce(today))
                        .count()),
                a -> Cell.of(byAgency.getOrDefault(a.id(), List.of()).size())), query);
    }

    /** The agency's agreements; {@code failedId}'s revocation failed with {@code problem} on what was typed. */
    private Listing agreements(Partners.Agency agency, Listing.Query query, Long failedId, String typed,
            String problem) {
        Actor actor = access.actor();
        LocalDate today = LocalDate.now();
        Map<String, String> officeNames = offices.offices().stream()
                .collect(Collectors.toMap(OfficeDirectory.Office::code, OfficeDirectory.Office::label));
        return Listing.of("agreements", "Agreements of " + agency.name(), "/partners/" + agency.id(),
                AGREEMENT_COLUMNS, Listing.rows(partners.agreementsOf(agency.id()),
                        g -> Cell.of(g.id()),
                        g -> Cell.of(officeNames.getOrDefault(g.fieldOffice(), g.fieldOffice())),
                        g -> Cell.of(g.scopes().stream().map(s -> PageLayout.label(s.name())).sorted()
                                .collect(Collectors.joining(", "))),
                        g -> Cell.of(g.reference()),
                        g -> Cell.of(g.effectiveFrom()),
                        g -> Cell.of(g.expiresOn() == null ? "until revoked" : g.expiresOn().toString()),
                        g -> Cell.of(state(g, today)),
                        g -> mayRevoke(actor, g) ? Cell.actions("", revokeAction(g, failedId, typed, problem))
                                : Cell.of("")), query);
    }

    private static Action revokeAction(Partners.Agreement g, Long failedId, String typed, String problem) {
        Action action = Action.withText("revoke-" + g.id(), "Revoke now", "/agreements/" + g.id() + "/revoke",
                "reason", "Reason for revoking agreement " + g.id(), true, Map.of());
        return failedId != null && failedId == g.id() ? action.failed(typed, problem) : action;
    }

    private static boolean mayRevoke(Actor actor, Partners.Agreement agreement) {
        return agreement.revokedAt() == null && (actor.is(Role.ADMIN)
                || actor.is(Role.DIRECTOR) && agreement.fieldOffice().equals(actor.fieldOffice()));
    }

    static String state(Partners.Agreement agreement, LocalDate today) {
        if (agreement.revokedAt() != null) {
            return "Revoked " + PageForms.time(agreement.revokedAt()) + " UTC by " + agreement.revokedBy() + ": "
                    + agreement.revokedReason();
        }
        if (agreement.effectiveFrom().isAfter(today)) {
            return "Not yet in force";
        }
        if (agreement.expiresOn() != null && agreement.expiresOn().isBefore(today)) {
            return "Expired";
        }
        return "In force";
    }

    private static Listing.Query defaultAgencies() {
        return Listing.Query.of(null, null, null, null, null, AGENCY_COLUMNS, "name", false);
    }

    private static Listing.Query defaultAgreements() {
        return Listing.Query.of(null, null, null, null, null, AGREEMENT_COLUMNS, "id", false);
    }

    private static LocalDate date(String field, String value, LocalDate otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw new BadInput(field, "'" + value + "' is not a date (yyyy-MM-dd)");
        }
    }
}
