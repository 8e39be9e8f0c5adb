package org.caseops.legal;

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
import org.caseops.system.NotFound;
import org.caseops.system.Pages;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * A case's stay requests (Form I-246, 8 CFR 241.6; docs/removal.md): the list, the intake form (officers, supervisors,
 * directors of the case's office) and the field-office director's decision — a grant with its period, a denial with
 * its reason. Each form is the {@link StayRequests} call the API makes, with the request's version.
 */
@Controller
@Pages
@Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR})
class StayRequestPages {

    private final StayRequests requests;
    private final Docket docket;
    private final Access access;
    private final WorkingDate workingDate;

    StayRequestPages(StayRequests requests, Docket docket, Access access, WorkingDate workingDate) {
        this.requests = requests;
        this.docket = docket;
        this.access = access;
        this.workingDate = workingDate;
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY})
    @GetMapping("/cases/{aNumber}/stay-requests")
    ModelAndView page(@PathVariable String aNumber) {
        String a = Docket.aNumber(aNumber);
        Access.Subject subject = docket.personSubject(a).orElseThrow(() -> new NotFound(noPerson(a)));
        ModelAndView prompt = DeskForms.purposePrompt(access, subject, "/cases/" + a + "/stay-requests",
                "A-number " + a);
        if (prompt != null) {
            return prompt;
        }
        LocalDate day = workingDate.get();
        DocketViews.Person person = docket.person(a, day).orElseThrow(() -> new NotFound(noPerson(a)));
        List<StayRequests.StayRequest> list = person.removalCase() == null ? List.of() : requests.ofCase(a);
        ModelAndView page = new ModelAndView("legal/stay-requests");
        page.addObject("person", person);
        page.addObject("asOf", day);
        page.addObject("requests", list);
        page.addObject("hasPending", list.stream().anyMatch(r -> "PENDING".equals(r.status())));
        page.addObject("mayReceive", person.removalCase() != null
                && access.actor().is(Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR));
        page.addObject("mayDecide", access.actor().is(Role.DIRECTOR));
        page.addObject("kinds", options(StayRequests.RequesterKind.values()));
        page.addObject("decisions", options(StayRequests.Decision.values()));
        page.addObject("keep", DeskForms.keep());
        return page;
    }

    /** Receives a stay request, as {@code POST /api/cases/{aNumber}/stay-requests}. */
    @PostMapping("/cases/{aNumber}/stay-requests")
    ModelAndView receive(@PathVariable String aNumber, @RequestParam(required = false) String receivedOn,
            @RequestParam(required = false) String requester, @RequestParam(required = false) String requesterKind,
            @RequestParam(required = false) String grounds, @RequestParam(required = false) String documents,
            HttpServletRequest request) {
        String a = Docket.aNumber(aNumber);
        return DeskForms.change(request, "receive", "/cases/" + a + "/stay-requests", () -> {
            List<String> docs = documents == null ? List.of() : documents.lines().map(String::trim)
                    .filter(s -> !s.isEmpty()).toList();
            StayRequests.StayRequest r = requests.receive(a, DeskForms.date("receivedOn", receivedOn,
                    workingDate.get()), requester, DeskForms.choice(StayRequests.RequesterKind.class,
                    "requesterKind", requesterKind, false), grounds, docs);
            return "Stay request " + r.id() + " received on " + r.receivedOn() + "; the field-office director "
                    + "decides it (task " + r.taskId() + ").";
        }, () -> page(a));
    }

    /** The director's decision, as {@code POST /api/cases/{aNumber}/stay-requests/{id}/decision}. */
    @Allow(Role.DIRECTOR)
    @PostMapping("/cases/{aNumber}/stay-requests/{id}/decision")
    ModelAndView decide(@PathVariable String aNumber, @PathVariable long id,
            @RequestParam(required = false) String decision, @RequestParam(required = false) String on,
            @RequestParam(required = false) String reason, @RequestParam(required = false) String until,
            @RequestParam(required = false) String version, HttpServletRequest request) {
        String a = Docket.aNumber(aNumber);
        return DeskForms.change(request, "decide-" + id, "/cases/" + a + "/stay-requests", () -> {
            StayRequests.StayRequest r = requests.decide(a, id, DeskForms.choice(StayRequests.Decision.class,
                    "decision", decision, false), DeskForms.date("on", on, workingDate.get()), reason,
                    DeskForms.date("until", until, null), DeskForms.version(version));
            return "Stay request " + id + " " + PageLayout.label(r.status()).toLowerCase(java.util.Locale.ROOT)
                    + " on " + r.decidedOn() + (r.stayId() == null ? "." : "; administrative stay " + r.stayId()
                    + " recorded, which the legal gate reads.");
        }, () -> page(a));
    }

    private static <E extends Enum<E>> Map<String, String> options(E[] values) {
        return Arrays.stream(values).collect(Collectors.toMap(Enum::name, v -> PageLayout.label(v.name()),
                (x, y) -> x, LinkedHashMap::new));
    }

    private static String noPerson(String a) {
        return "no person with A-number " + a;
    }
}
