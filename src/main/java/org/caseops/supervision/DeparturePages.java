package org.caseops.supervision;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.caseops.access.Access;
import org.caseops.access.Allow;
import org.caseops.access.DeskForms;
import org.caseops.access.PageLayout;
import org.caseops.access.PartnerScope;
import org.caseops.access.Role;
import org.caseops.access.WorkingDate;
import org.caseops.docket.Docket;
import org.caseops.docket.DocketViews;
import org.caseops.legal.rules.DepartureDeadlineFacts;
import org.caseops.system.NotFound;
import org.caseops.system.Pages;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * A person's voluntary departure and supervision desk (docs/web.md, docs/removal.md): each grant with its last day,
 * its bond (due, posted, late) and whether the person overstayed as of the working date; forms to record a grant, the
 * bond posted and the proof of departure, and to end an order of supervision or ATD with its reason. Each form is the
 * service call the API makes ({@link VoluntaryDepartures}, {@link Supervisions}), with the record's version, so the
 * same checks, case events and audit entries apply; counsel reads the page.
 */
@Controller
@Pages
@Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR})
class DeparturePages {

    private final VoluntaryDepartures departures;
    private final Supervisions supervisions;
    private final Docket docket;
    private final Access access;
    private final WorkingDate workingDate;

    DeparturePages(VoluntaryDepartures departures, Supervisions supervisions, Docket docket, Access access,
            WorkingDate workingDate) {
        this.departures = departures;
        this.supervisions = supervisions;
        this.docket = docket;
        this.access = access;
        this.workingDate = workingDate;
    }

    /** A grant as the page shows it: the bond's state and the overstay as of the working date. */
    record GrantView(VoluntaryDepartures.Departure d, String bond, String period, boolean open, boolean bondOpen) {
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY})
    @GetMapping("/people/{aNumber}/departure")
    ModelAndView page(@PathVariable String aNumber) {
        String a = Docket.aNumber(aNumber);
        Access.Subject subject = docket.personSubject(a).orElseThrow(() -> new NotFound(noPerson(a)));
        ModelAndView prompt = DeskForms.purposePrompt(access, subject, "/people/" + a + "/departure", "A-number " + a);
        if (prompt != null) {
            return prompt;
        }
        LocalDate day = workingDate.get();
        List<VoluntaryDepartures.Departure> grants = departures.ofPerson(a);
        access.read("SUPERVISION_READ", subject, PartnerScope.CASE_STATUS);
        List<Supervisions.Supervision> held = supervisions.ofPerson(a);
        DocketViews.Person person = docket.person(a, day).orElseThrow(() -> new NotFound(noPerson(a)));
        ModelAndView page = new ModelAndView("supervision/departure");
        page.addObject("person", person);
        page.addObject("asOf", day);
        page.addObject("grants", grants.stream().map(d -> view(d, day)).toList());
        page.addObject("supervisions", held);
        page.addObject("mayAct", access.actor().is(Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR));
        page.addObject("hasOpenGrant", grants.stream().anyMatch(d -> d.status() != VoluntaryDepartures.Status.DEPARTED));
        page.addObject("sources", options(DepartureDeadlineFacts.Source.values(), s -> s.label() + " ("
                + s.citation() + ")"));
        page.addObject("proofKinds", options(VoluntaryDepartures.ProofKind.values(), k -> PageLayout.label(k.name())));
        page.addObject("endReasons", options(Supervisions.EndReason.values(), r -> PageLayout.label(r.name())));
        page.addObject("keep", DeskForms.keep());
        page.addObject("today", day.toString());
        return page;
    }

    static GrantView view(VoluntaryDepartures.Departure d, LocalDate day) {
        String bond;
        boolean bondOpen = d.bondPostedOn() == null && d.status() == VoluntaryDepartures.Status.GRANTED;
        if (d.bondPostedOn() != null) {
            bond = "$" + d.bondAmount().toPlainString() + " posted on " + d.bondPostedOn() + " (" + d.bondReference()
                    + ")" + (d.bondLate() ? ", after its due date " + d.bondDue() + " (8 CFR 1240.26(c)(3))" : "");
        } else if (day.isAfter(d.bondDue())) {
            bond = "$" + d.bondAmount().toPlainString() + " not posted by its due date " + d.bondDue()
                    + " (5 business days, 8 CFR 1240.26(c)(3))";
        } else {
            bond = "$" + d.bondAmount().toPlainString() + " due by " + d.bondDue() + " (5 business days, 8 CFR "
                    + "1240.26(c)(3))";
        }
        String period = switch (d.status()) {
            case DEPARTED -> "Departed on " + d.departedOn() + " (" + PageLayout.label(d.proofKind().name()) + ": "
                    + d.proofReference() + (d.departurePort() == null ? "" : ", from " + d.departurePort()) + ")"
                    + (d.departedOn().isAfter(d.lastDay()) ? ", after the last day " + d.lastDay() : "");
            case OVERSTAYED -> "Overstayed: no departure verified by the last day " + d.lastDay() + " (marked "
                    + d.overstayedOn() + "; the gate then: " + d.verdictOnOverstay() + ")";
            case GRANTED -> day.isAfter(d.lastDay()) ? "Overstayed: the last day " + d.lastDay() + " has passed with "
                    + "no departure verified (not yet marked by the office's sweep)" : "To depart by " + d.lastDay()
                    + " (" + (d.lastDay().toEpochDay() - day.toEpochDay()) + " days left)";
        };
        return new GrantView(d, bond, period, d.status() != VoluntaryDepartures.Status.DEPARTED, bondOpen);
    }

    /** Records a grant of voluntary departure, as {@code POST /api/people/{aNumber}/voluntary-departures}. */
    @PostMapping("/people/{aNumber}/departure/grant")
    ModelAndView grant(@PathVariable String aNumber, @RequestParam(required = false) String grantedOn,
            @RequestParam(required = false) String bondAmount, @RequestParam(required = false) String lastDay,
            @RequestParam(required = false) String source, @RequestParam(required = false) String reference,
            HttpServletRequest request) {
        String a = Docket.aNumber(aNumber);
        return DeskForms.change(request, "grant", "/people/" + a + "/departure", () -> {
            VoluntaryDepartures.Departure d = departures.grant(a, DeskForms.date("grantedOn", grantedOn,
                    workingDate.get()), DeskForms.dollars("bondAmount", bondAmount), DeskForms.date("lastDay",
                    lastDay, null), DeskForms.choice(DepartureDeadlineFacts.Source.class, "source", source, true),
                    reference == null || reference.isBlank() ? null : reference.trim());
            return "Voluntary departure granted on " + d.grantedOn() + ": to depart by " + d.lastDay()
                    + "; bond due by " + d.bondDue() + ".";
        }, () -> page(a));
    }

    /** Records the bond posted, as {@code POST /api/people/{aNumber}/voluntary-departures/{id}/bond}. */
    @PostMapping("/people/{aNumber}/departure/{id}/bond")
    ModelAndView bond(@PathVariable String aNumber, @PathVariable long id,
            @RequestParam(required = false) String postedOn, @RequestParam(required = false) String reference,
            @RequestParam(required = false) String version, HttpServletRequest request) {
        String a = Docket.aNumber(aNumber);
        return DeskForms.change(request, "bond-" + id, "/people/" + a + "/departure", () -> {
            VoluntaryDepartures.Departure d = departures.postBond(a, id, DeskForms.date("postedOn", postedOn,
                    workingDate.get()), reference, DeskForms.version(version));
            return "Bond posted on " + d.bondPostedOn() + (d.bondLate() ? ", after its due date " + d.bondDue() : "")
                    + ".";
        }, () -> page(a));
    }

    /** Records the departure with its proof, as {@code POST /api/people/{aNumber}/voluntary-departures/{id}/departure}. */
    @PostMapping("/people/{aNumber}/departure/{id}/proof")
    ModelAndView proof(@PathVariable String aNumber, @PathVariable long id,
            @RequestParam(required = false) String departedOn, @RequestParam(required = false) String proofKind,
            @RequestParam(required = false) String proofReference, @RequestParam(required = false) String port,
            @RequestParam(required = false) String version, HttpServletRequest request) {
        String a = Docket.aNumber(aNumber);
        return DeskForms.change(request, "proof-" + id, "/people/" + a + "/departure", () -> {
            VoluntaryDepartures.Departure d = departures.depart(a, id, DeskForms.date("departedOn", departedOn,
                    workingDate.get()), DeskForms.choice(VoluntaryDepartures.ProofKind.class, "proofKind", proofKind,
                    false), proofReference, port, DeskForms.version(version));
            return "Departure on " + d.departedOn() + " verified; the case is closed.";
        }, () -> page(a));
    }

    /** Ends an order of supervision or ATD with its reason, as {@code POST /api/supervisions/{id}/end}. */
    @PostMapping("/people/{aNumber}/supervisions/{id}/end")
    ModelAndView end(@PathVariable String aNumber, @PathVariable long id, @RequestParam(required = false) String on,
            @RequestParam(required = false) String reason, @RequestParam(required = false) String detail,
            @RequestParam(required = false) String devicesReturnedOn, @RequestParam(required = false) String version,
            HttpServletRequest request) {
        String a = Docket.aNumber(aNumber);
        access.mayChange(docket.personSubject(a).orElseThrow(() -> new NotFound(noPerson(a))));
        if (supervisions.ofPerson(a).stream().noneMatch(s -> s.id() == id)) {
            throw new NotFound("no supervision " + id + " of " + a);
        }
        return DeskForms.change(request, "end-" + id, "/people/" + a + "/departure", () -> {
            Supervisions.Supervision s = supervisions.end(id, DeskForms.date("on", on, workingDate.get()),
                    DeskForms.choice(Supervisions.EndReason.class, "reason", reason, false), detail,
                    DeskForms.date("devicesReturnedOn", devicesReturnedOn, null), DeskForms.version(version));
            return (s.kind() == Supervisions.Kind.OSUP ? "Order of supervision " : "ATD enrollment ") + id
                    + " ended.";
        }, () -> page(a));
    }

    static <E extends Enum<E>> Map<String, String> options(E[] values, Function<E, String> text) {
        return Arrays.stream(values).collect(Collectors.toMap(Enum::name, text, (x, y) -> x, LinkedHashMap::new));
    }

    private static String noPerson(String a) {
        return "no person with A-number " + a;
    }
}
