package org.caseops.encounter;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.caseops.access.Access;
import org.caseops.access.Allow;
import org.caseops.access.PageLayout;
import org.caseops.access.Role;
import org.caseops.access.WorkingDate;
import org.caseops.docket.Docket;
import org.caseops.docket.DocketViews;
import org.caseops.jurisdiction.UsTimeZone;
import org.caseops.legal.LegalGate;
import org.caseops.legal.rules.Status;
import org.caseops.operation.Operation;
import org.caseops.operation.OperationState;
import org.caseops.operation.Operations;
import org.caseops.operation.Targets;
import org.caseops.system.BadInput;
import org.caseops.system.Conflict;
import org.caseops.system.NotFound;
import org.caseops.system.Pages;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The encounter form for the field (issue 15, docs/ui.md): one visit to a target family of an active operation, on a
 * phone or tablet. Each target member with only the outcomes the rules allow that day (the legal gate is asked again
 * and its answer shown: no arrest on an order that is not executable, never a U.S. citizen), the parental and
 * humanitarian screening required for every adult met, where each child of the family is now and who cares for them,
 * and a collateral encounter only with its legal basis. The form carries an idempotency key, kept in the browser with
 * everything typed (localStorage), so a resubmission after a lost answer records nothing twice
 * ({@link Encounters#record(Encounters.Visit, String)}).
 */
@Controller
@Pages
@Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR})
class EncounterPages {

    /** A target member as the form shows them: the gate's answer today and the outcomes it allows. */
    record MemberForm(Targets.Member member, String name, boolean adult, boolean executable, String gate,
            List<Encounters.Outcome> outcomes) {
    }

    private final Encounters encounters;
    private final Operations operations;
    private final Targets targets;
    private final Docket docket;
    private final LegalGate gate;
    private final Access access;
    private final WorkingDate workingDate;

    EncounterPages(Encounters encounters, Operations operations, Targets targets, Docket docket, LegalGate gate,
            Access access, WorkingDate workingDate) {
        this.encounters = encounters;
        this.operations = operations;
        this.targets = targets;
        this.docket = docket;
        this.gate = gate;
        this.access = access;
        this.workingDate = workingDate;
    }

    @GetMapping("/operations/{id}/visits/{familyId}")
    ModelAndView form(@PathVariable long id, @PathVariable long familyId,
            @RequestParam(required = false) String collaterals, @RequestParam(required = false) String newChildren) {
        // the slots a draft kept in the browser needs (caseops.js asks for them when it restores one)
        Map<String, String> slots = new LinkedHashMap<>();
        if (collaterals != null) {
            slots.put("collaterals", collaterals);
        }
        if (newChildren != null) {
            slots.put("newChildren", newChildren);
        }
        return view(id, familyId, slots, null, null, null);
    }

    @PostMapping("/operations/{id}/visits/{familyId}")
    ModelAndView record(@PathVariable long id, @PathVariable long familyId,
            @RequestParam MultiValueMap<String, String> fields, RedirectAttributes flash) {
        Map<String, String> typed = new LinkedHashMap<>();
        fields.forEach((k, v) -> {
            if (!k.equals("_csrf") && !v.isEmpty()) {
                typed.put(k, v.get(0));
            }
        });
        String key = typed.get("key");
        String add = typed.remove("add");
        if ("collateral".equals(add) || "child".equals(add)) {
            // one more slot on the form, nothing recorded: what was typed comes back with it
            String count = "collateral".equals(add) ? "collaterals" : "newChildren";
            typed.put(count, String.valueOf(slots(typed, count, "collateral".equals(add) ? 1 : 0) + 1));
            return view(id, familyId, typed, null, null, key);
        }
        Encounters.Answer answer;
        try {
            Context context = context(id, familyId);
            answer = encounters.record(visit(context, typed), key == null || key.isBlank() ? null : key);
        } catch (BadInput e) {
            return failed(view(id, familyId, typed, e.field(), e.getMessage(), key), HttpStatus.BAD_REQUEST);
        } catch (Conflict e) {
            return failed(view(id, familyId, typed, "", e.getMessage(), key), HttpStatus.CONFLICT);
        }
        List<String> lines = answer.recorded().stream().map(r -> "Encounter " + r.encounterId() + ": "
                + PageLayout.label(r.kind().name()) + ", " + PageLayout.label(r.outcome().name())
                + (r.closed() ? ", closed" : ", open") + (r.taskIds().isEmpty() ? "" : ", tasks " + r.taskIds()))
                .toList();
        flash.addFlashAttribute("done", (answer.replayed() ? "This visit was already recorded (the answer had been "
                + "lost); nothing was recorded twice." : "The visit is recorded.") + " " + String.join("; ", lines)
                + ".");
        flash.addFlashAttribute("forget", key);
        RedirectView redirect = new RedirectView("/operations/" + id + "/visits/" + familyId, true);
        redirect.setExposeModelAttributes(false);
        return new ModelAndView(redirect);
    }

    // ---- what the form shows ------------------------------------------------------------------------------------

    /** {@code zone}: the family's field office's, which a time typed on the form is read in by default. */
    private record Context(Operation op, Targets.Unit unit, LocalDate day, List<MemberForm> members,
            List<Targets.Member> minors, UsTimeZone zone) {
    }

    private Context context(long id, long familyId) {
        Operation op = operations.get(id);
        operations.requireNeedToKnow(op);
        Access.Subject family = docket.familySubject(familyId)
                .orElseThrow(() -> new NotFound("no family " + familyId));
        access.mayChange(family);
        if (op.state() != OperationState.ACTIVE) {
            throw new Conflict("operation " + id + " is " + PageLayout.label(op.state().name())
                    + ": encounters are recorded while it is active");
        }
        Targets.Unit unit = targets.unit(id, familyId);
        if (!targets.isTarget(id, familyId)) {
            throw new NotFound("family " + familyId + " is not a target of operation " + id);
        }
        LocalDate day = workingDate.get();
        List<MemberForm> members = new ArrayList<>();
        for (Targets.Member m : unit.targets()) {
            LegalGate.DayVerdict verdict = gate.overDays(m.personId(), day, day).orElseThrow().get(0);
            boolean executable = verdict.status() == Status.EXECUTABLE && !m.usCitizen();
            List<Encounters.Outcome> outcomes = new ArrayList<>(List.of(Encounters.Outcome.values()));
            if (!executable) {
                outcomes.remove(Encounters.Outcome.ARRESTED);
            }
            String answer = PageLayout.label(verdict.status().name()) + " on " + day
                    + (verdict.reasons().isEmpty() ? "" : ": " + verdict.reasons().stream().map(PageLayout::label)
                            .reduce((a, b) -> a + ", " + b).orElse(""))
                    + (executable ? "" : " — no arrest can be recorded on this order today");
            members.add(new MemberForm(m, m.givenName() + " " + m.familyName(), !m.minor(), executable, answer,
                    outcomes));
        }
        List<Targets.Member> minors = unit.members().stream().filter(Targets.Member::minor).toList();
        return new Context(op, unit, day, members, minors, UsTimeZone.ofFieldOffice(family.fieldOffice()));
    }

    private ModelAndView view(long id, long familyId, Map<String, String> typed, String errorField, String error,
            String key) {
        Context context = context(id, familyId);
        String lead = context.unit().members().stream().map(Targets.Member::aNumber).filter(a -> a != null)
                .findFirst().orElse(null);
        DocketViews.Address address = lead == null ? null
                : docket.person(lead, context.day()).map(DocketViews.Person::address).orElse(null);
        access.audit("ENCOUNTER_FORM_READ", docket.familySubject(familyId).orElseThrow(),
                "operation " + id + ": " + context.unit().members().size() + " members, the gate asked for "
                        + context.day());
        ModelAndView view = new ModelAndView("encounter/visit");
        view.addObject("op", context.op());
        view.addObject("unit", context.unit());
        view.addObject("address", address);
        view.addObject("day", context.day());
        view.addObject("members", context.members());
        view.addObject("minors", context.minors());
        view.addObject("outcomes", Encounters.Outcome.values());
        view.addObject("collateralOutcomes", List.of(Encounters.Outcome.values()).stream()
                .filter(o -> o != Encounters.Outcome.ARRESTED).toList());
        view.addObject("locations", Encounters.ChildLocation.values());
        view.addObject("bases", Encounters.BasisKind.values());
        view.addObject("collaterals", collaterals(typed));
        view.addObject("newChildren", newChildren(typed));
        view.addObject("typed", typed);
        view.addObject("errorField", errorField);
        view.addObject("error", error);
        view.addObject("errorAtTop", error != null && (errorField == null || !errorField.matches(
                "place|occurredAt|zone|custodySite|(outcome|departBy|minorChildren|otherDependants|soleCaregiver|"
                        + "pregnantOrNursing|medicalNeeds|location|caregiver|contact)-([0-9]+|c[0-9]*)|"
                        + "c[0-9]*-[a-zA-Z]+|n[0-9]+-[a-zA-Z]+")));
        view.addObject("key", key != null && !key.isBlank() ? key : UUID.randomUUID().toString());
        UsTimeZone zone = UsTimeZone.of(typed.get("zone")).orElse(context.zone());
        view.addObject("zones", UsTimeZone.values());
        view.addObject("zone", zone.id());
        view.addObject("officeZone", context.zone());
        view.addObject("now", LocalDateTime.of(context.day(), LocalTime.now(zone.zone())
                .truncatedTo(ChronoUnit.MINUTES)).toString());
        view.addObject("storageKey", "caseops-visit-" + id + "-" + familyId);
        return view;
    }

    // ---- the visit from the form --------------------------------------------------------------------------------

    private Encounters.Visit visit(Context context, Map<String, String> typed) {
        String place = blank(typed.get("place"));
        if (place == null) {
            throw new BadInput("place", "where the encounter happened (e.g. the address of record)");
        }
        Instant at = time(typed.get("occurredAt"), zone(typed.get("zone"), context.zone()));
        List<Encounters.Child> children = new ArrayList<>();
        for (Targets.Member child : context.minors()) {
            String location = blank(typed.get("location-" + child.personId()));
            if (location == null) {
                continue;
            }
            Encounters.ChildLocation where = choice(Encounters.ChildLocation.class, "location-" + child.personId(),
                    location, "where the child is");
            String caregiver = blank(typed.get("caregiver-" + child.personId()));
            if (where != Encounters.ChildLocation.PRESENT && caregiver == null) {
                throw new BadInput("caregiver-" + child.personId(), "who cares for " + child.givenName()
                        + " now, since they are not present");
            }
            children.add(new Encounters.Child(child.personId(), child.givenName(), null, where, caregiver,
                    blank(typed.get("contact-" + child.personId()))));
        }
        for (String n : newChildren(typed)) {
            String name = blank(typed.get(n + "-name"));
            String location = blank(typed.get(n + "-location"));
            String caregiver = blank(typed.get(n + "-caregiver"));
            String age = blank(typed.get(n + "-age"));
            if (name == null && location == null && caregiver == null && age == null) {
                continue; // an empty slot
            }
            if (name == null) {
                throw new BadInput(n + "-name", "the child's given name, as the parent gives it");
            }
            Integer years = null;
            if (age != null) {
                try {
                    years = Integer.valueOf(age);
                } catch (NumberFormatException e) {
                    years = -1;
                }
                if (years < 0 || years > 17) {
                    throw new BadInput(n + "-age", "a child's age in years, 0 to 17, not '" + age + "'");
                }
            }
            Encounters.ChildLocation where = choice(Encounters.ChildLocation.class, n + "-location", location,
                    "where " + name + " is now");
            if (where != Encounters.ChildLocation.PRESENT && caregiver == null) {
                throw new BadInput(n + "-caregiver", "who cares for " + name + " now, since they are not present");
            }
            children.add(new Encounters.Child(null, name, years, where, caregiver, blank(typed.get(n + "-contact"))));
        }
        boolean childrenGiven = false;
        List<Encounters.Met> people = new ArrayList<>();
        for (MemberForm m : context.members()) {
            String prefix = String.valueOf(m.member().personId());
            String outcome = blank(typed.get("outcome-" + prefix));
            if (outcome == null) {
                continue; // not met
            }
            Encounters.Outcome o = choice(Encounters.Outcome.class, "outcome-" + prefix, outcome, "an outcome");
            if (!m.outcomes().contains(o)) {
                throw new BadInput("outcome-" + prefix, m.name() + " cannot be recorded as "
                        + PageLayout.label(o.name()) + " today: " + m.gate());
            }
            Encounters.Screening screening = null;
            if (m.adult()) {
                screening = screening(typed, prefix, childrenGiven ? List.of() : children);
                childrenGiven = true;
            }
            people.add(new Encounters.Met(m.member().aNumber(), null, null, m.adult(), Encounters.Kind.TARGET, o,
                    null, null, departBy(typed, prefix, o), screening));
        }
        for (String c : collaterals(typed)) {
            String described = blank(typed.get(c + "-described"));
            if (described == null) {
                continue; // an empty slot
            }
            Encounters.Outcome o = choice(Encounters.Outcome.class, c + "-outcome", typed.get(c + "-outcome"),
                    "an outcome");
            if (o == Encounters.Outcome.ARRESTED) {
                throw new BadInput(c + "-outcome", "an arrest of a person not on record is not recorded from this "
                        + "form");
            }
            Encounters.BasisKind basisKind = choice(Encounters.BasisKind.class, c + "-basisKind",
                    typed.get(c + "-basisKind"), "the legal basis of a collateral encounter");
            String basis = blank(typed.get(c + "-basis"));
            if (basis == null) {
                throw new BadInput(c + "-basis", "which order or authority: a collateral encounter is recorded "
                        + "only with its own legal basis");
            }
            boolean adult = !"no".equals(typed.get(c + "-adult"));
            people.add(new Encounters.Met(null, null, described, adult, Encounters.Kind.COLLATERAL, o, basisKind,
                    basis, departBy(typed, c, o), adult ? screening(typed, c, List.of()) : null));
        }
        if (people.isEmpty()) {
            throw new BadInput("people", "record at least one person met: an outcome for a member, or a collateral "
                    + "encounter");
        }
        if (!childrenGiven && !children.isEmpty()) {
            throw new BadInput("people", "where the children are is part of an adult's screening: record the adult "
                    + "met");
        }
        return new Encounters.Visit(context.op().id(), context.unit().familyId(), at, place,
                blank(typed.get("custodySite")), people);
    }

    /** At most this many collateral people and children not on record on one form. */
    static final int MAX_SLOTS = 10;

    /** How many slots of a kind the form has ({@code collaterals}, {@code newChildren}), as it said it had. */
    private static int slots(Map<String, String> typed, String count, int least) {
        try {
            return Math.max(least, Math.min(MAX_SLOTS, Integer.parseInt(typed.getOrDefault(count, "0").trim())));
        } catch (NumberFormatException e) {
            return least;
        }
    }

    /** The collateral people's field prefixes: {@code c} (the first, always there), then {@code c2}, {@code c3}… */
    private static List<String> collaterals(Map<String, String> typed) {
        List<String> prefixes = new ArrayList<>();
        for (int i = 1; i <= slots(typed, "collaterals", 1); i++) {
            prefixes.add(i == 1 ? "c" : "c" + i);
        }
        return prefixes;
    }

    /** The children not on record's field prefixes: {@code n1}, {@code n2}… (none until one is added). */
    private static List<String> newChildren(Map<String, String> typed) {
        List<String> prefixes = new ArrayList<>();
        for (int i = 1; i <= slots(typed, "newChildren", 0); i++) {
            prefixes.add("n" + i);
        }
        return prefixes;
    }

    /** The parental and humanitarian screening: required for every adult met, each question answered. */
    private static Encounters.Screening screening(Map<String, String> typed, String prefix,
            List<Encounters.Child> children) {
        return new Encounters.Screening(yesNo(typed, "minorChildren-" + prefix, "minor children"),
                yesNo(typed, "otherDependants-" + prefix, "other dependants"),
                yesNo(typed, "soleCaregiver-" + prefix, "whether they are the sole caregiver"),
                blank(typed.get("medicalNeeds-" + prefix)),
                yesNo(typed, "pregnantOrNursing-" + prefix, "pregnancy or nursing"), children);
    }

    private static Boolean yesNo(Map<String, String> typed, String field, String what) {
        String value = typed.get(field);
        if ("yes".equals(value)) {
            return true;
        }
        if ("no".equals(value)) {
            return false;
        }
        throw new BadInput(field, "the screening is required for every adult met: answer " + what);
    }

    private static LocalDate departBy(Map<String, String> typed, String prefix, Encounters.Outcome outcome) {
        if (outcome != Encounters.Outcome.INSTRUCTED_TO_DEPART) {
            return null;
        }
        String value = blank(typed.get("departBy-" + prefix));
        if (value == null) {
            throw new BadInput("departBy-" + prefix, "an instruction to depart has its deadline (yyyy-MM-dd)");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadInput("departBy-" + prefix, "'" + value + "' is not a date (yyyy-MM-dd)");
        }
    }

    /** The time typed, read in the zone chosen ({@link UsTimeZone#read}). */
    private static Instant time(String value, UsTimeZone zone) {
        if (value == null || value.isBlank()) {
            throw new BadInput("occurredAt", "when the encounter happened (yyyy-MM-ddTHH:mm, local time)");
        }
        return zone.read("occurredAt", value);
    }

    private static UsTimeZone zone(String value, UsTimeZone office) {
        if (value == null || value.isBlank()) {
            return office;
        }
        return UsTimeZone.of(value.trim()).orElseThrow(() -> new BadInput("zone", "'" + value + "' is not a time "
                + "zone of the United States: one of " + java.util.Arrays.stream(UsTimeZone.values())
                .map(UsTimeZone::id).toList()));
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String field, String value, String what) {
        if (value == null || value.isBlank()) {
            throw new BadInput(field, "choose " + what);
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            throw new BadInput(field, "'" + value + "' is not " + what);
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static ModelAndView failed(ModelAndView view, HttpStatus status) {
        view.setStatus(status);
        return view;
    }
}
