package org.caseops.custody;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.caseops.access.Access;
import org.caseops.access.Allow;
import org.caseops.access.DeskForms;
import org.caseops.access.PageLayout;
import org.caseops.access.Role;
import org.caseops.access.WorkingDate;
import org.caseops.docket.Docket;
import org.caseops.docket.DocketViews;
import org.caseops.system.BadInput;
import org.caseops.system.NotFound;
import org.caseops.system.Pages;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * A family's removal desk (docs/web.md, docs/removal.md): the removals with each member's travel document, the
 * itinerary and the departure; forms to ask the consulate for travel documents (supervisors and directors), record
 * each document's answer, set the itinerary, verify the departure and cancel (supervisors and directors). Each form is
 * the {@link Removals} call the API makes, with the removal's version; a family leaves together or not at all, and a
 * refusal — the service's or the database's family gate — is shown at the top of its form with 409, never a 500.
 */
@Controller
@Pages
@Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR})
class RemovalPages {

    private final Removals removals;
    private final Docket docket;
    private final Access access;
    private final WorkingDate workingDate;

    RemovalPages(Removals removals, Docket docket, Access access, WorkingDate workingDate) {
        this.removals = removals;
        this.docket = docket;
        this.access = access;
        this.workingDate = workingDate;
    }

    /** A member of a removal with their name and the words for their document. */
    record MemberView(Removals.Member m, String name, String role, String document) {
    }

    record RemovalView(Removals.Removal r, List<MemberView> members, boolean open, boolean documentsOpen,
            boolean scheduled) {
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY})
    @GetMapping("/families/{id}/removals")
    ModelAndView page(@PathVariable long id) {
        Access.Subject subject = docket.familySubject(id).orElseThrow(() -> new NotFound(noFamily(id)));
        ModelAndView prompt = DeskForms.purposePrompt(access, subject, "/families/" + id + "/removals",
                "family " + id);
        if (prompt != null) {
            return prompt;
        }
        List<Removals.Removal> list = removals.ofFamily(id);
        LocalDate day = workingDate.get();
        DocketViews.Family family = docket.family(id, day).orElseThrow(() -> new NotFound(noFamily(id)));
        Map<Long, DocketViews.FamilyMember> people = family.people().stream()
                .collect(Collectors.toMap(DocketViews.FamilyMember::personId, m -> m, (a, b) -> a));
        List<RemovalView> views = list.stream().map(r -> new RemovalView(r, r.members().stream().map(m -> {
            DocketViews.FamilyMember p = people.get(m.personId());
            String name = p == null ? "person " + m.personId() : p.givenName() + " " + p.familyName()
                    + (p.minor() ? " (minor)" : "") + (p.usCitizen() ? " (U.S. citizen)" : "");
            String document = PageLayout.label(m.documentStatus().name()) + (m.documentOn() == null ? ""
                    : " on " + m.documentOn() + " (" + m.documentReference() + ")");
            return new MemberView(m, name, "REMOVED".equals(m.role()) ? "Removed (own case)"
                    : "Accompanying by the family's choice", document);
        }).toList(), r.status() == Removals.Status.REQUESTED || r.status() == Removals.Status.SCHEDULED,
                r.status() == Removals.Status.REQUESTED, r.status() == Removals.Status.SCHEDULED)).toList();
        ModelAndView page = new ModelAndView("custody/removals");
        page.addObject("familyId", id);
        page.addObject("asOf", day);
        page.addObject("removals", views);
        page.addObject("hasOpen", views.stream().anyMatch(RemovalView::open));
        page.addObject("withCase", family.people().stream().filter(p -> p.idncase() != null && !p.usCitizen()
                && !p.lpr()).toList());
        page.addObject("household", family.people().stream().filter(p -> !(p.idncase() != null && !p.usCitizen()
                && !p.lpr())).toList());
        page.addObject("mayAct", access.actor().is(Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR));
        page.addObject("mayRequest", access.actor().is(Role.SUPERVISOR, Role.DIRECTOR));
        page.addObject("modes", options(Removals.Mode.values()));
        page.addObject("answers", options(Removals.DocumentStatus.ISSUED, Removals.DocumentStatus.REFUSED));
        page.addObject("keep", DeskForms.keep());
        return page;
    }

    /** Asks the consulate for travel documents, as {@code POST /api/families/{familyId}/removals}. */
    @Allow({Role.SUPERVISOR, Role.DIRECTOR})
    @PostMapping("/families/{id}/removals")
    ModelAndView request(@PathVariable long id, @RequestParam(required = false) String country,
            @RequestParam(required = false) String consulate, @RequestParam(required = false) String requestedOn,
            @RequestParam(required = false) List<String> accompanying, HttpServletRequest request) {
        return DeskForms.change(request, "request", "/families/" + id + "/removals", () -> {
            List<Long> along = accompanying == null ? List.of() : accompanying.stream()
                    .map(p -> DeskForms.number("accompanying", p)).toList();
            Removals.Removal r = removals.request(id, country, consulate, DeskForms.date("requestedOn", requestedOn,
                    workingDate.get()), along);
            return "Travel documents requested from " + r.consulate() + " for " + r.members().size() + " people "
                    + "(removal " + r.id() + ").";
        }, () -> page(id));
    }

    /** Records a travel document's answer, as {@code POST /api/families/{familyId}/removals/{id}/travel-documents}. */
    @PostMapping("/families/{id}/removals/{removal}/travel-documents")
    ModelAndView document(@PathVariable long id, @PathVariable long removal,
            @RequestParam(required = false) String personId, @RequestParam(required = false) String status,
            @RequestParam(required = false) String on, @RequestParam(required = false) String reference,
            @RequestParam(required = false) String version, HttpServletRequest request) {
        return DeskForms.change(request, "document-" + removal, "/families/" + id + "/removals", () -> {
            Removals.DocumentStatus answer = DeskForms.choice(Removals.DocumentStatus.class, "status", status, false);
            Long person = DeskForms.number("personId", personId);
            removals.document(id, removal, person, answer, DeskForms.date("on", on, workingDate.get()), reference,
                    DeskForms.version(version));
            return "Travel document of person " + person + " recorded: " + PageLayout.label(answer.name()) + ".";
        }, () -> page(id));
    }

    /** Sets or moves the itinerary, as {@code POST /api/families/{familyId}/removals/{id}/itinerary}. */
    @PostMapping("/families/{id}/removals/{removal}/itinerary")
    ModelAndView itinerary(@PathVariable long id, @PathVariable long removal,
            @RequestParam(required = false) String mode, @RequestParam(required = false) String date,
            @RequestParam(required = false) String port, @RequestParam(required = false) String reference,
            @RequestParam(required = false) String version, HttpServletRequest request) {
        return DeskForms.change(request, "itinerary-" + removal, "/families/" + id + "/removals", () -> {
            LocalDate when = DeskForms.date("date", date, null);
            if (when == null) {
                throw new BadInput("date", "date is required: the day of departure");
            }
            Removals.Removal r = removals.itinerary(id, removal, DeskForms.choice(Removals.Mode.class, "mode", mode,
                    false), when, port, reference, DeskForms.version(version));
            return "Removal " + r.id() + " scheduled on " + r.itineraryDate() + " from " + r.itineraryPort() + ".";
        }, () -> page(id));
    }

    /** Verifies the departure, as {@code POST /api/families/{familyId}/removals/{id}/departure}. */
    @PostMapping("/families/{id}/removals/{removal}/departure")
    ModelAndView depart(@PathVariable long id, @PathVariable long removal,
            @RequestParam(required = false) String departedOn, @RequestParam(required = false) String port,
            @RequestParam(required = false) String escort, @RequestParam(required = false) String version,
            HttpServletRequest request) {
        return DeskForms.change(request, "departure-" + removal, "/families/" + id + "/removals", () -> {
            Removals.Removal r = removals.depart(id, removal, DeskForms.date("departedOn", departedOn,
                    workingDate.get()), port, escort, DeskForms.version(version));
            return "The family departed together on " + r.departedOn() + "; each member's case is closed.";
        }, () -> page(id));
    }

    /** Cancels the removal with the reason, as {@code POST /api/families/{familyId}/removals/{id}/cancel}. */
    @Allow({Role.SUPERVISOR, Role.DIRECTOR})
    @PostMapping("/families/{id}/removals/{removal}/cancel")
    ModelAndView cancel(@PathVariable long id, @PathVariable long removal,
            @RequestParam(required = false) String reason, @RequestParam(required = false) String version,
            HttpServletRequest request) {
        return DeskForms.change(request, "cancel-" + removal, "/families/" + id + "/removals", () -> {
            removals.cancel(id, removal, reason, DeskForms.version(version));
            return "Removal " + removal + " cancelled.";
        }, () -> page(id));
    }

    @SafeVarargs
    private static <E extends Enum<E>> Map<String, String> options(E... values) {
        return Arrays.stream(values).collect(Collectors.toMap(Enum::name, v -> PageLayout.label(v.name()),
                (x, y) -> x, LinkedHashMap::new));
    }

    private static String noFamily(long id) {
        return "no family with lead case " + id;
    }
}
