package org.caseops.legal;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.caseops.access.Access;
import org.caseops.access.DeskForms;
import org.caseops.access.Allow;
import org.caseops.access.PartnerScope;
import org.caseops.access.Role;
import org.caseops.access.WorkingDate;
import org.caseops.docket.CourtRecord;
import org.caseops.docket.Docket;
import org.caseops.docket.FamilySection;
import org.caseops.docket.LeadRiders;
import org.caseops.docket.PersonSection;
import org.caseops.docket.DocketViews;
import org.caseops.legal.rules.Determination;
import org.caseops.legal.rules.Finding;
import org.caseops.legal.rules.ProtectionFacts;
import org.caseops.system.BadInput;
import org.caseops.system.Conflict;
import org.caseops.system.NotFound;
import org.caseops.system.Pages;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The case page and the family page (docs/web.md): the legal gate's verdict as of the working date, explained rule by
 * rule with citations and the date it changes, with the case's holds and stays; and every member of a family with
 * their own verdict. The same services and access rules as {@code GET /api/cases/{aNumber}/executability} and
 * {@code GET /api/families/{id}/executability}; outside the own field office the page first asks for a purpose.
 */
@Controller
@Pages
@Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY})
class LegalPages {

    private final LegalGate gate;
    private final Docket docket;
    private final CaseRecords records;
    private final Access access;
    private final WorkingDate workingDate;
    private final CourtRecord courtRecord;
    private final List<FamilySection> familySections;
    private final LeadRiders leadRiders;

    LegalPages(LegalGate gate, Docket docket, CaseRecords records, Access access, WorkingDate workingDate,
            CourtRecord courtRecord, List<FamilySection> familySections, LeadRiders leadRiders) {
        this.courtRecord = courtRecord;
        this.leadRiders = leadRiders;
        this.familySections = familySections;
        this.gate = gate;
        this.docket = docket;
        this.records = records;
        this.access = access;
        this.workingDate = workingDate;
    }

    @GetMapping("/cases/{aNumber}")
    ModelAndView casePage(@PathVariable String aNumber) {
        return casePage(aNumber, Map.of(), null, null);
    }

    /** Places a legal hold from the case page (counsel), as {@code POST /api/cases/{aNumber}/holds}. */
    @Allow(Role.ATTORNEY)
    @PostMapping("/cases/{aNumber}/holds")
    ModelAndView placeHold(@PathVariable String aNumber, @RequestParam(required = false) String reason,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate placedOn,
            @RequestParam(required = false) Integer version) {
        return change(aNumber, "hold", "holds", Map.of("reason", text(reason), "placedOn", text(placedOn)),
                () -> records.placeHold(aNumber, version, placedOn == null ? workingDate.get() : placedOn, reason));
    }

    /** Lifts the open legal hold from the case page (counsel), as {@code POST /api/cases/{aNumber}/holds/lift}. */
    @Allow(Role.ATTORNEY)
    @PostMapping("/cases/{aNumber}/holds/lift")
    ModelAndView liftHold(@PathVariable String aNumber, @RequestParam(required = false) String reason,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate liftedOn,
            @RequestParam(required = false) Integer version) {
        return change(aNumber, "lift", "holds", Map.of("liftReason", text(reason), "liftedOn", text(liftedOn)),
                () -> records.liftHold(aNumber, version, liftedOn == null ? workingDate.get() : liftedOn, reason));
    }

    /** Records a stay of removal from the case page (counsel, director), as {@code POST /api/cases/{aNumber}/stays}. */
    @Allow({Role.ATTORNEY, Role.DIRECTOR})
    @PostMapping("/cases/{aNumber}/stays")
    ModelAndView recordStay(@PathVariable String aNumber, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String from, @RequestParam(required = false) String until,
            @RequestParam(required = false) String reference, @RequestParam(required = false) Integer version) {
        return change(aNumber, "stay", "holds", Map.of("stayKind", text(kind), "stayFrom", text(from),
                "stayUntil", text(until), "stayReference", text(reference)),
                () -> records.recordStay(aNumber, version, choice(LegalRecords.StayKind.class, "kind", kind,
                        "administrative (I-246) or judicial"), DeskForms.date("from", from, workingDate.get()),
                        DeskForms.date("until", until, null), reference));
    }

    /** Lifts a stay of this case (counsel, director), as {@code POST /api/stays/{id}/lift}. */
    @Allow({Role.ATTORNEY, Role.DIRECTOR})
    @PostMapping("/cases/{aNumber}/stays/{id}/lift")
    ModelAndView liftStay(@PathVariable String aNumber, @PathVariable long id,
            @RequestParam(required = false) String liftedOn, @RequestParam(required = false) Integer version) {
        return change(aNumber, "stay-lift-" + id, "holds", Map.of("stayLiftedOn", text(liftedOn)),
                () -> records.liftStay(aNumber, id, version, DeskForms.date("liftedOn", liftedOn, workingDate.get())));
    }

    /** Records a protection EOIR does not record (counsel), as {@code POST /api/cases/{aNumber}/protections}. */
    @Allow(Role.ATTORNEY)
    @PostMapping("/cases/{aNumber}/protections")
    ModelAndView recordProtection(@PathVariable String aNumber, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String from, @RequestParam(required = false) String until,
            @RequestParam(required = false) String evidence) {
        return change(aNumber, "protection", "protections", Map.of("protectionKind", text(kind),
                "protectionFrom", text(from), "protectionUntil", text(until), "evidence", text(evidence)),
                () -> records.recordProtection(aNumber, choice(ProtectionFacts.Kind.class, "kind", kind,
                        "the kind of protection"), DeskForms.date("from", from, workingDate.get()), DeskForms.date("until", until, null),
                        evidence));
    }

    /** Ends a protection (counsel), as {@code POST /api/cases/{aNumber}/protections/{id}/end}. */
    @Allow(Role.ATTORNEY)
    @PostMapping("/cases/{aNumber}/protections/{id}/end")
    ModelAndView endProtection(@PathVariable String aNumber, @PathVariable long id,
            @RequestParam(required = false) String reason, @RequestParam(required = false) String endedOn) {
        return change(aNumber, "protection-end-" + id, "protections", Map.of("endReason", text(reason),
                "endedOn", text(endedOn)),
                () -> records.endProtection(aNumber, id, DeskForms.date("endedOn", endedOn, workingDate.get()), reason));
    }

    /** Records an attorney determination (counsel), as {@code POST /api/cases/{aNumber}/determinations}. */
    @Allow(Role.ATTORNEY)
    @PostMapping("/cases/{aNumber}/determinations")
    ModelAndView recordDetermination(@PathVariable String aNumber, @RequestParam(required = false) String subject,
            @RequestParam(required = false) String meaning, @RequestParam(required = false) String reason,
            @RequestParam(required = false) String recordedOn) {
        return change(aNumber, "determination", "determinations", Map.of("about", text(subject),
                "meaning", text(meaning), "determinationReason", text(reason), "recordedOn", text(recordedOn)),
                () -> records.recordDetermination(aNumber, subject, choice(Determination.Meaning.class, "meaning",
                        meaning, "what the subject means"), reason, DeskForms.date("recordedOn", recordedOn,
                        workingDate.get())));
    }

    @GetMapping("/families/{id}")
    ModelAndView familyPage(@PathVariable long id) {
        Access.Subject subject = docket.familySubject(id).orElseThrow(() -> new NotFound(noFamily(id)));
        ModelAndView prompt = DeskForms.purposePrompt(access, subject, "/families/" + id, "family " + id);
        if (prompt != null) {
            return prompt;
        }
        access.read("FAMILY_READ", subject, PartnerScope.PERSON_RECORD, noFamily(id));
        LocalDate asOf = workingDate.get();
        DocketViews.Family family = docket.family(id, asOf).orElseThrow(() -> new NotFound(noFamily(id)));
        LegalGate.FamilyVerdict verdicts = gate.ofFamily(id, asOf).orElseThrow(() -> new NotFound(noFamily(id)));
        Map<Long, LegalGate.MemberVerdict> byPerson = verdicts.members().stream()
                .collect(Collectors.toMap(LegalGate.MemberVerdict::personId, Function.identity()));
        ModelAndView page = new ModelAndView("legal/family");
        page.addObject("family", family);
        page.addObject("verdicts", verdicts);
        page.addObject("members", family.people().stream().map(m -> new Member(m, byPerson.get(m.personId())))
                .toList());
        FamilySection.Shown shown = new FamilySection.Shown(id, family.people(), subject);
        page.addObject("sections", familySections.stream().map(section -> section.section(shown, asOf))
                .flatMap(java.util.Optional::stream).sorted(Comparator.comparingInt(PersonSection.Section::order))
                .toList());
        page.addObject("leadRiders", leadRiders.of(id));
        page.addObject("importLinks", access.actor().is(Role.ATTORNEY));
        page.addObject("asOf", asOf);
        page.addObject("purpose", Access.purpose());
        page.addObject("keep", DeskForms.keep());
        return page;
    }

    /** A family member with their own verdict. */
    record Member(DocketViews.FamilyMember person, LegalGate.MemberVerdict verdict) {
    }

    private ModelAndView casePage(String aNumber, Map<String, String> typed, String errorField, String error) {
        String a = Docket.aNumber(aNumber);
        Access.Subject subject = docket.personSubject(a).orElseThrow(() -> new NotFound(noPerson(a)));
        ModelAndView prompt = DeskForms.purposePrompt(access, subject, "/cases/" + a, "A-number " + a);
        if (prompt != null) {
            return prompt;
        }
        access.read("EXECUTABILITY_READ", subject, PartnerScope.PERSON_RECORD, noPerson(a));
        LocalDate asOf = workingDate.get();
        DocketViews.Person person = docket.person(a, asOf).orElseThrow(() -> new NotFound(noPerson(a)));
        LegalGate.CaseVerdict verdict = gate.ofPerson(a, asOf).orElse(null);
        ModelAndView page = new ModelAndView("legal/case");
        page.addObject("person", person);
        page.addObject("verdict", verdict);
        page.addObject("findings", verdict == null ? List.of() : verdict.findings().stream()
                .sorted(Comparator.comparing((Finding f) -> !f.holds())).toList());
        boolean hasCase = person.removalCase() != null;
        page.addObject("courtRows", hasCase ? courtRecord.of(person.removalCase().idncase()) : List.of());
        page.addObject("importLinks", access.actor().is(Role.ATTORNEY));
        page.addObject("holds", hasCase ? records.holds(a) : List.of());
        page.addObject("stays", hasCase ? records.stays(a) : List.of());
        page.addObject("asOf", asOf);
        page.addObject("purpose", Access.purpose());
        page.addObject("protections", hasCase ? records.protections(a) : List.of());
        page.addObject("determinations", hasCase ? records.determinations(a) : List.of());
        page.addObject("counsel", access.actor().is(Role.ATTORNEY));
        page.addObject("mayStay", access.actor().is(Role.ATTORNEY, Role.DIRECTOR));
        page.addObject("stayKinds", LegalRecords.StayKind.values());
        page.addObject("protectionKinds", ProtectionFacts.Kind.values());
        page.addObject("meanings", Determination.Meaning.values());
        page.addObject("keep", DeskForms.keep());
        page.addObject("typed", typed);
        page.addObject("errorField", errorField);
        page.addObject("error", error);
        return page;
    }

    private ModelAndView change(String aNumber, String form, String section, Map<String, String> typed,
            Runnable action) {
        String a = Docket.aNumber(aNumber);
        try {
            action.run();
        } catch (BadInput e) {
            ModelAndView page = casePage(a, typed, form + ":" + e.field(), e.getMessage());
            page.addObject("errorSection", section);
            page.setStatus(HttpStatus.BAD_REQUEST);
            return page;
        } catch (Conflict e) {
            ModelAndView page = casePage(a, typed, form + ":", e.getMessage());
            page.addObject("errorSection", section);
            page.setStatus(HttpStatus.CONFLICT);
            return page;
        }
        String purpose = Access.purpose();
        RedirectView view = new RedirectView("/cases/" + a + (purpose == null ? "" : "?purpose="
                + java.net.URLEncoder.encode(purpose, java.nio.charset.StandardCharsets.UTF_8)) + "#" + section, true);
        view.setExposeModelAttributes(false);
        return new ModelAndView(view);
    }

    /** One of an enum's values chosen in a form; empty or unknown names the field. */
    private static <E extends Enum<E>> E choice(Class<E> type, String field, String value, String what) {
        if (value == null || value.isBlank()) {
            throw new BadInput(field, "choose " + what);
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            throw new BadInput(field, "'" + value + "' is not one of " + java.util.Arrays.toString(
                    type.getEnumConstants()));
        }
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static String noPerson(String a) {
        return "no person with A-number " + a;
    }

    private static String noFamily(long id) {
        return "no family with lead case " + id;
    }
}
