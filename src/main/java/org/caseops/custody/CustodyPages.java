package org.caseops.custody;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.caseops.access.Access;
import org.caseops.access.Allow;
import org.caseops.access.PageLayout;
import org.caseops.access.PartnerScope;
import org.caseops.access.Role;
import org.caseops.access.WorkingDate;
import org.caseops.docket.Docket;
import org.caseops.docket.DocketViews;
import org.caseops.system.BadInput;
import org.caseops.system.Conflict;
import org.caseops.system.Listing;
import org.caseops.system.Listing.Cell;
import org.caseops.system.Listing.Column;
import org.caseops.system.NotFound;
import org.caseops.system.Pages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The custody board and a family's custody (docs/web.md, "Custody"): who is held where now, whether each family is
 * whole and where the others are, the clocks (staging hours, Flores days, the 90-day review) with the time left, and
 * the family moves — stage, transport, release — offered only when the family's custody allows them, otherwise
 * shown disabled with the reason. The moves are the {@link Custody} service's, with the family's custody version, so
 * a page posts exactly what {@code POST /api/families/{id}/custody/...} does and the database's family gate decides.
 */
@Controller
@Pages
@Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR})
class CustodyPages {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    static final List<Column> COLUMNS = List.of(Column.sortable("person", "Person"),
            Column.sortable("family", "Family"), Column.sortable("state", "State"), Column.sortable("where", "Where"),
            Column.sortable("since", "Since"), Column.sortable("clocks", "Clocks"),
            Column.plain("whole", "Family together"));

    private final Custody custody;
    private final Timers timers;
    private final Docket docket;
    private final Access access;
    private final WorkingDate workingDate;

    CustodyPages(Custody custody, Timers timers, Docket docket, Access access, WorkingDate workingDate) {
        this.custody = custody;
        this.timers = timers;
        this.docket = docket;
        this.access = access;
        this.workingDate = workingDate;
    }

    /** The board: every person held in the field office's families, with their clocks and their family's state. */
    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY})
    @GetMapping("/custody")
    String board(@RequestParam(required = false) String fieldOffice, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir, @RequestParam(required = false) String filter,
            @RequestParam(required = false) String format, Model model, HttpServletResponse response) {
        Listing.Query query = Listing.Query.of(page, size, sort, dir, filter, COLUMNS, "clocks", false);
        String office = access.searchScope(fieldOffice == null || fieldOffice.isBlank() ? null
                : fieldOffice.trim().toUpperCase(Locale.ROOT), PartnerScope.PERSON_RECORD);
        List<Custody.Status> held = custody.heldIn(office);
        Instant asOf = clockTime();
        Set<Long> families = held.stream().map(Custody.Status::familyId).collect(Collectors.toSet());
        Map<Long, List<DocketViews.FamilyMember>> members = docket.familyMembers(families, workingDate.get());
        Map<Long, List<Timers.Reading>> clocks = timers.readings(families, asOf).stream()
                .collect(Collectors.groupingBy(Timers.Reading::personId));
        Map<Long, Custody.Status> byPerson = held.stream()
                .collect(Collectors.toMap(Custody.Status::personId, s -> s, (a, b) -> a));
        Map<Long, String> together = new LinkedHashMap<>();
        for (long family : families) {
            together.put(family, together(members.getOrDefault(family, List.of()), byPerson));
        }
        Map<Long, DocketViews.FamilyMember> people = members.values().stream().flatMap(List::stream)
                .collect(Collectors.toMap(DocketViews.FamilyMember::personId, m -> m, (a, b) -> a));
        Listing table = Listing.of("held", "Held now" + (office == null ? " in every field office"
                : " in field office " + office), "/custody" + (fieldOffice == null ? "" : "?fieldOffice=" + office),
                COLUMNS, Listing.rows(held,
                        s -> person(people.get(s.personId()), s.personId()),
                        s -> Cell.link(s.familyId(), "/custody/families/" + s.familyId()),
                        s -> Cell.of(PageLayout.label(s.state().name())),
                        s -> Cell.of(where(s)),
                        s -> Cell.of(WHEN.format(s.since())),
                        s -> Cell.of(clockText(clocks.getOrDefault(s.personId(), List.of()))),
                        s -> Cell.of(together.get(s.familyId()))),
                query);
        access.searched("CUSTODY_BOARD_READ", office, held.size() + " people held in " + families.size()
                + " families" + (office == null ? "" : " of " + office));
        if ("csv".equals(format)) {
            table.writeCsv(response, "caseops-custody");
            return null;
        }
        model.addAttribute("table", table);
        model.addAttribute("office", office);
        model.addAttribute("wide", access.actor().is(Role.ATTORNEY));
        model.addAttribute("asOf", WHEN.format(asOf));
        model.addAttribute("families", families.size());
        model.addAttribute("breached", clocks.values().stream().flatMap(List::stream)
                .filter(r -> r.level() == Timers.Level.BREACHED).map(Timers.Reading::personId).distinct().count());
        return "custody/board";
    }

    /** A family's custody: each member where they are, their clocks and ledger, and the family moves. */
    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY})
    @GetMapping("/custody/families/{id}")
    String family(@PathVariable long id, Model model) {
        String notFound = "no family with lead case " + id;
        access.read("CUSTODY_READ", docket.familySubject(id).orElseThrow(() -> new NotFound(notFound)),
                PartnerScope.PERSON_RECORD, notFound);
        LocalDate day = workingDate.get();
        List<DocketViews.FamilyMember> members = docket.familyMembers(List.of(id), day).getOrDefault(id, List.of());
        Custody.FamilyCustody family = custody.ofFamily(id);
        Instant asOf = clockTime();
        Map<Long, List<Timers.Reading>> clocks = timers.readings(List.of(id), asOf).stream()
                .collect(Collectors.groupingBy(Timers.Reading::personId));
        // the whole family in three queries (custody, caregivers, ledgers), not three per member
        List<Long> ids = members.stream().map(DocketViews.FamilyMember::personId).toList();
        Map<Long, Custody.Status> statuses = custody.statuses(ids);
        Map<Long, List<Custody.Caregiver>> open = custody.caregivers(ids).stream().filter(c -> c.endedAt() == null)
                .collect(Collectors.groupingBy(Custody.Caregiver::personId));
        Map<Long, List<Custody.Event>> ledgers = custody.ledgers(ids);
        List<MemberView> views = new ArrayList<>();
        for (DocketViews.FamilyMember m : members) {
            Custody.Status status = statuses.getOrDefault(m.personId(), new Custody.Status(m.personId(), id,
                    CustodyState.AT_LARGE, null, null, null, null, null, null, null));
            List<Custody.Caregiver> caregivers = open.getOrDefault(m.personId(), List.of());
            views.add(new MemberView(m, status, where(status), status.since() == null ? null
                    : WHEN.format(status.since()), clockText(clocks.getOrDefault(m.personId(), List.of())),
                    caregivers, ledgers.getOrDefault(m.personId(), List.of()).stream().map(e -> new EventView(
                    WHEN.format(e.occurredAt()), PageLayout.label(e.fromState()) + " → "
                            + PageLayout.label(e.toState()), eventWhere(e), e.changedBy(), e.note())).toList()));
        }
        List<Custody.Status> held = custody.held(id);
        model.addAttribute("alone", alone(id, members, views, held, day));
        model.addAttribute("familyId", id);
        model.addAttribute("version", family.version());
        model.addAttribute("members", views);
        model.addAttribute("held", held.size());
        model.addAttribute("together", together(members, held.stream()
                .collect(Collectors.toMap(Custody.Status::personId, s -> s))));
        Map<Long, String> names = members.stream().collect(Collectors.toMap(DocketViews.FamilyMember::personId,
                m -> m.givenName() + " " + m.familyName(), (a, b) -> a));
        model.addAttribute("moves", Custody.moves(held, person -> names.getOrDefault(person, "person " + person)));
        model.addAttribute("mayMove", access.actor().role() != Role.ATTORNEY);
        model.addAttribute("asOf", WHEN.format(asOf));
        model.addAttribute("reasons", List.of(CustodyState.ReleaseReason.values()));
        model.addAttribute("labels", java.util.Arrays.stream(CustodyState.ReleaseReason.values())
                .collect(Collectors.toMap(Enum::name, r -> label(r.name()))));
        model.addAttribute("programs", List.of(Releases.Program.values()));
        model.addAttribute("technologies", List.of(Releases.Technology.values()));
        model.addAttribute("defaultFirstCheckIn", day.plusDays(7));
        model.addAttribute("officeOfFamily", docket.familySubject(id).map(Access.Subject::fieldOffice).orElse(""));
        return "custody/family";
    }

    /**
     * A member who may be released on their own, or why not: {@code value} is what the form sends
     * ({@code personId:version}, the version the page read), {@code why} null when the release is possible.
     */
    record Alone(String value, String name, String why) {
    }

    /**
     * Each member in custody or staged, released alone: the family gate judged on the family as it would be after
     * (FamilyGate, the rule the database holds at commit), so the choice is offered only where the release itself
     * would be accepted; the release still decides.
     */
    private static List<Alone> alone(long familyId, List<DocketViews.FamilyMember> members, List<MemberView> views,
            List<Custody.Status> held, LocalDate day) {
        List<FamilyGate.Member> family = members.stream().map(m -> new FamilyGate.Member(m.personId(),
                m.birthDate())).toList();
        Set<Long> caregiven = views.stream().filter(v -> !v.caregivers().isEmpty()).map(v -> v.member().personId())
                .collect(Collectors.toSet());
        Map<Long, String> names = members.stream().collect(Collectors.toMap(DocketViews.FamilyMember::personId,
                m -> m.givenName() + " " + m.familyName() + (m.minor() ? " (minor)" : ""), (a, b) -> a));
        List<Alone> alone = new ArrayList<>();
        for (Custody.Status s : held) {
            if (s.state() != CustodyState.IN_CUSTODY && s.state() != CustodyState.STAGED) {
                continue;
            }
            Map<Long, Custody.Status> after = new java.util.HashMap<>();
            held.stream().filter(h -> h.personId() != s.personId()).forEach(h -> after.put(h.personId(), h));
            String why = FamilyGate.minorAlone(familyId, family, after, caregiven, day).map(problem -> {
                String text = problem.replaceFirst("^family gate: ", "");
                for (Map.Entry<Long, String> n : names.entrySet()) {
                    text = text.replace("minor " + n.getKey() + " of family " + familyId, n.getValue());
                }
                return text;
            }).orElse(null);
            alone.add(new Alone(s.personId() + ":" + s.version(), names.getOrDefault(s.personId(),
                    "person " + s.personId()), why));
        }
        return alone;
    }

    record MemberView(DocketViews.FamilyMember member, Custody.Status status, String where, String since,
            String clocks, List<Custody.Caregiver> caregivers, List<EventView> ledger) {
    }

    record EventView(String at, String move, String where, String by, String note) {
    }

    /** Stages the family's members in custody at one site, as {@code POST /api/families/{id}/custody/stage}. */
    @PostMapping("/custody/families/{id}/stage")
    RedirectView stage(@PathVariable long id, @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String site, RedirectAttributes flash) {
        flash.addFlashAttribute("site", site);
        return act(id, flash, () -> {
            changing(id);
            List<Custody.Status> staged = custody.stage(id, version(version), site, null, null);
            return staged.size() + (staged.size() == 1 ? " member" : " members") + " staged at " + site.trim() + ".";
        });
    }

    /** Transports the whole staged family, as {@code POST /api/families/{id}/custody/transport}. */
    @PostMapping("/custody/families/{id}/transport")
    RedirectView transport(@PathVariable long id, @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String destination, RedirectAttributes flash) {
        flash.addFlashAttribute("destination", destination);
        return act(id, flash, () -> {
            changing(id);
            List<Custody.Status> moved = custody.transport(id, version(version), destination, null);
            return moved.size() + (moved.size() == 1 ? " member" : " members") + " transported to "
                    + destination.trim() + ", together.";
        });
    }

    /**
     * Releases the family's members in custody or staged together, as {@code POST /api/families/{id}/custody/release}:
     * on ATD or an order of supervision with the conditions for each adult; children in their parents' care.
     */
    @PostMapping("/custody/families/{id}/release")
    RedirectView release(@PathVariable long id, @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String reason, @RequestParam(required = false) String note,
            @RequestParam(required = false) String program, @RequestParam(required = false) String technology,
            @RequestParam(required = false) String checkInEveryDays,
            @RequestParam(required = false) String firstCheckIn,
            @RequestParam(required = false) String reportingOffice, @RequestParam(required = false) String who,
            RedirectAttributes flash) {
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("who", who);
        typed.put("reason", reason);
        typed.put("note", note);
        typed.put("program", program);
        typed.put("technology", technology);
        typed.put("checkInEveryDays", checkInEveryDays);
        typed.put("firstCheckIn", firstCheckIn);
        typed.put("reportingOffice", reportingOffice);
        flash.addFlashAttribute("release", typed);
        return act(id, flash, () -> {
            changing(id);
            CustodyState.ReleaseReason why = choice(CustodyState.ReleaseReason.class, "reason", reason);
            Releases.Conditions conditions = why == CustodyState.ReleaseReason.ATD
                    || why == CustodyState.ReleaseReason.ORDER_OF_SUPERVISION
                    ? new Releases.Conditions(choice(Releases.Program.class, "conditions.program", program),
                    blank(technology) ? null : choice(Releases.Technology.class, "conditions.technology", technology),
                    number(checkInEveryDays), date(firstCheckIn), blank(reportingOffice) ? null
                    : reportingOffice.trim().toUpperCase(Locale.ROOT)) : null;
            if (!blank(who)) {
                // one member, at the custody version the page read: the family gate decides (409 with its reason)
                String[] person = who.trim().split(":", 2);
                DocketViews.FamilyMember member;
                Integer read;
                try {
                    long personId = Long.parseLong(person[0]);
                    read = person.length > 1 ? Integer.valueOf(person[1]) : null;
                    member = docket.familyMembers(List.of(id), workingDate.get()).getOrDefault(id, List.of())
                            .stream().filter(m -> m.personId() == personId && m.aNumber() != null).findFirst()
                            .orElseThrow(() -> new BadInput("who", "person " + personId + " is no member of family "
                                    + id + " with an A-number"));
                } catch (NumberFormatException e) {
                    throw new BadInput("who", "choose the family or one member, not '" + who + "'");
                }
                custody.release(member.aNumber(), read, why, null, blank(note) ? null : note.trim(), conditions);
                return member.givenName() + " " + member.familyName() + " released: " + label(why.name()) + ".";
            }
            List<Custody.Status> released = custody.releaseFamily(id, version(version), why, null,
                    blank(note) ? null : note.trim(), conditions);
            return released.size() + (released.size() == 1 ? " member" : " members") + " released together: "
                    + label(why.name()) + ".";
        });
    }

    /** A release reason or program as words; ATD stays an acronym. */
    static String label(String code) {
        return "ATD".equals(code) ? code : PageLayout.label(code);
    }

    private void changing(long id) {
        access.mayChange(docket.familySubject(id).orElseThrow(() -> new NotFound("no family with lead case " + id)));
    }

    private static RedirectView act(long id, RedirectAttributes flash, Supplier<String> action) {
        try {
            flash.addFlashAttribute("message", action.get());
        } catch (Conflict e) {
            flash.addFlashAttribute("error", e.getMessage());
        } catch (BadInput e) {
            flash.addFlashAttribute("error", e.getMessage());
            flash.addFlashAttribute("errorField", e.field());
        }
        RedirectView view = new RedirectView("/custody/families/" + id, true);
        view.setExposeModelAttributes(false);
        return view;
    }

    /** The custody clocks' time: now, or noon of the working date when the user works on another day (a demo). */
    private Instant clockTime() {
        LocalDate day = workingDate.get();
        return day.equals(LocalDate.now(ZoneOffset.UTC)) ? Instant.now()
                : day.atTime(LocalTime.NOON).toInstant(ZoneOffset.UTC);
    }

    /** Whether the family is together, and where the members who are not held are. */
    private static String together(List<DocketViews.FamilyMember> members, Map<Long, Custody.Status> held) {
        if (members.isEmpty()) {
            return "";
        }
        List<Custody.Status> in = members.stream().map(m -> held.get(m.personId())).filter(s -> s != null).toList();
        Set<String> places = in.stream().map(s -> s.state() + "@" + where(s)).collect(Collectors.toSet());
        List<String> out = members.stream().filter(m -> !held.containsKey(m.personId()))
                .map(m -> m.givenName() + (m.minor() ? " (minor)" : "")).toList();
        String kept = places.size() <= 1 ? "together" : "in " + places.size() + " places";
        if (in.isEmpty()) {
            return "none of " + members.size() + " held";
        }
        if (out.isEmpty()) {
            return "all " + members.size() + " held, " + kept;
        }
        return in.size() + " of " + members.size() + " held, " + kept + "; not held: " + String.join(", ", out);
    }

    private static Cell person(DocketViews.FamilyMember m, long personId) {
        if (m == null) {
            return Cell.of("person " + personId);
        }
        String name = m.givenName() + " " + m.familyName() + (m.minor() ? " (minor)" : "");
        return m.aNumber() == null ? Cell.of(name) : Cell.link(name, "/people/" + m.aNumber());
    }

    private static String where(Custody.Status s) {
        if (s.state() == CustodyState.TRANSPORTED || s.state() == CustodyState.REMOVED) {
            return s.destination() == null ? "" : "to " + s.destination();
        }
        return s.site() == null ? "" : s.site();
    }

    private static String eventWhere(Custody.Event e) {
        return e.destination() != null ? "to " + e.destination() : e.site() != null ? e.site()
                : e.releaseReason() != null ? PageLayout.label(e.releaseReason()) : "";
    }

    /** Each running clock, nearest its limit first: {@code [breached] Staging: 13 h of 12 h}, {@code 3 h left}. */
    static String clockText(List<Timers.Reading> readings) {
        return readings.stream().sorted(Comparator.comparing((Timers.Reading r) -> r.level()).reversed()
                        .thenComparing(Timers.Reading::left))
                .map(r -> (r.level() == Timers.Level.OK ? "" : "[" + r.level().name().toLowerCase(Locale.ROOT) + "] ")
                        + clockName(r.clock()) + ": " + span(r.held()) + " of " + span(r.limit())
                        + (r.level() == Timers.Level.BREACHED ? ", over by " + span(r.left().negated())
                        : ", " + span(r.left()) + " left"))
                .collect(Collectors.joining("; "));
    }

    private static String clockName(Timers.Clock clock) {
        return switch (clock) {
            case STAGING_HOURS -> "staging";
            case FLORES_DAYS -> "Flores (minor held)";
            case CUSTODY_REVIEW -> "custody review";
        };
    }

    private static String span(Duration d) {
        return d.toHours() >= 48 ? d.toDays() + " d" : d.toHours() >= 1 ? d.toHours() + " h" : d.toMinutes() + " min";
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String field, String value) {
        if (blank(value)) {
            throw new BadInput(field, "choose one of " + List.of(type.getEnumConstants()));
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            throw new BadInput(field, "'" + value + "' is not one of " + List.of(type.getEnumConstants()));
        }
    }

    private static Integer number(String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw new BadInput("conditions.checkInEveryDays", "a whole number of days, 1 to 365");
        }
    }

    private static LocalDate date(String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw new BadInput("conditions.firstCheckIn", "a date, yyyy-MM-dd");
        }
    }

    private static int version(Integer version) {
        if (version == null) {
            throw new BadInput("version", "the page's custody version is missing: reload the page");
        }
        return version;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
