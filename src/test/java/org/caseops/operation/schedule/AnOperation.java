package org.caseops.operation.schedule;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.LoggerFactory;

/**
 * Fluent fixtures for small operations: {@code anOperation().with(aUnit(1).withMinor()).with(aTeam("T1"))}.
 * Defaults: the window is Sunday 2019-06-23 to Tuesday 2019-06-25 with hourly slots 06:00–20:00; a field office
 * {@code ATL}; when no team is given, team {@code T1} on duty 06:00–20:00 every day; when no site is given, a hotel
 * {@code S1} with room for everyone (100 people, 50 rooms, 72 h, departures 09/13/17/21).
 */
final class AnOperation {

    static final LocalDate SUN = LocalDate.of(2019, 6, 23);
    static final LocalDate MON = LocalDate.of(2019, 6, 24);
    static final LocalDate TUE = LocalDate.of(2019, 6, 25);
    static final String ATL = "ATL";
    static final String BAL = "BAL";
    static final GeoPoint ATLANTA = new GeoPoint(33.749, -84.388);

    private LocalDate first = SUN;
    private LocalDate last = TUE;
    private SlotGrid grid = SlotGrid.DEFAULT;
    private Preferences preferences = Preferences.defaults();
    private SolverLimits limits = SolverLimits.of(Duration.ofSeconds(3), Duration.ofSeconds(1));
    private final List<AUnit> units = new ArrayList<>();
    private final List<ATeam> teams = new ArrayList<>();
    private final List<ASite> sites = new ArrayList<>();

    static AnOperation anOperation() {
        quietTimefold();
        return new AnOperation();
    }

    /** Timefold logs every step at DEBUG; the tests run without a logging configuration, so silence it here. */
    static void quietTimefold() {
        if (LoggerFactory.getLogger("ai.timefold") instanceof Logger logger) {
            logger.setLevel(Level.WARN);
        }
    }

    AnOperation window(LocalDate firstDay, LocalDate lastDay) {
        this.first = firstDay;
        this.last = lastDay;
        return this;
    }

    AnOperation grid(SlotGrid slotGrid) {
        this.grid = slotGrid;
        return this;
    }

    AnOperation limits(SolverLimits solverLimits) {
        this.limits = solverLimits;
        return this;
    }

    AnOperation with(AUnit unit) {
        units.add(unit);
        return this;
    }

    AnOperation with(ATeam team) {
        teams.add(team);
        return this;
    }

    AnOperation with(ASite site) {
        sites.add(site);
        return this;
    }

    ScheduleInput input() {
        List<LocalDate> days = first.datesUntil(last.plusDays(1)).toList();
        List<Team> t = teams.isEmpty() ? List.of(aTeam("T1").build(days)) : teams.stream().map(a -> a.build(days)).toList();
        List<StagingSite> s = sites.isEmpty() ? List.of(aSite("S1").build()) : sites.stream().map(ASite::build).toList();
        return new ScheduleInput(first, last, grid, units.stream().map(u -> u.build(days)).toList(), t, s, preferences,
                limits);
    }

    /** The planning problem, every visit unassigned. */
    Schedule schedule() {
        return Problems.build(input());
    }

    static AUnit aUnit(long id) {
        return new AUnit(id);
    }

    static ATeam aTeam(String id) {
        return new ATeam(id);
    }

    static ASite aSite(String id) {
        return new ASite(id);
    }

    /** A point {@code kmNorth} kilometres north of Atlanta's centre (1° of latitude ≈ 111.2 km). */
    static GeoPoint northOfAtlanta(double kmNorth) {
        return new GeoPoint(ATLANTA.latitude() + kmNorth / 111.195, ATLANTA.longitude());
    }

    static final class AUnit {
        private final long id;
        private String office = ATL;
        private int adults = 1;
        private int minors = 0;
        private final List<Set<LocalDate>> restricted = new ArrayList<>();
        private GeoPoint location;
        private Set<LocalDate> approvals;

        private AUnit(long id) {
            this.id = id;
        }

        AUnit in(String fieldOffice) {
            this.office = fieldOffice;
            return this;
        }

        AUnit adults(int n) {
            this.adults = n;
            return this;
        }

        AUnit withMinor() {
            this.minors++;
            return this;
        }

        /** One more adult member, whose order is executable only on {@code days}. */
        AUnit withMemberExecutableOnlyOn(LocalDate... days) {
            restricted.add(Set.of(days));
            return this;
        }

        AUnit at(GeoPoint point) {
            this.location = point;
            return this;
        }

        /** The address needs a protected-area approval, in force on {@code days} (none: never). */
        AUnit needingApprovalOn(LocalDate... days) {
            this.approvals = Set.of(days);
            return this;
        }

        UnitToPlace build(List<LocalDate> window) {
            List<Member> members = new ArrayList<>();
            long person = id * 100;
            Set<LocalDate> all = new HashSet<>(window);
            for (int i = 0; i < adults; i++) {
                members.add(new Member(person++, false, all));
            }
            for (int i = 0; i < minors; i++) {
                members.add(new Member(person++, true, all));
            }
            for (Set<LocalDate> days : restricted) {
                members.add(new Member(person++, false, days));
            }
            return new UnitToPlace(id, office, members, 0, location, approvals);
        }
    }

    static final class ATeam {
        private final String id;
        private String office = ATL;
        private final List<Shift> shifts = new ArrayList<>();
        private GeoPoint home = ATLANTA;

        private ATeam(String id) {
            this.id = id;
        }

        ATeam in(String fieldOffice) {
            this.office = fieldOffice;
            return this;
        }

        ATeam shift(LocalDate day, String from, String to) {
            shifts.add(new Shift(day, LocalTime.parse(from), LocalTime.parse(to)));
            return this;
        }

        ATeam home(GeoPoint point) {
            this.home = point;
            return this;
        }

        Team build(List<LocalDate> window) {
            List<Shift> s = shifts.isEmpty()
                    ? window.stream().map(d -> new Shift(d, LocalTime.of(6, 0), LocalTime.of(20, 0))).toList()
                    : shifts;
            return new Team(id, office, 4, s, home);
        }
    }

    static final class ASite {
        private final String id;
        private String office = ATL;
        private StagingKind kind = StagingKind.HOTEL;
        private int people = 100;
        private int rooms = 50;
        private Duration maxHeld = Duration.ofHours(72);
        private List<LocalTime> departures = List.of(LocalTime.of(9, 0), LocalTime.of(13, 0), LocalTime.of(17, 0),
                LocalTime.of(21, 0));

        private ASite(String id) {
            this.id = id;
        }

        ASite in(String fieldOffice) {
            this.office = fieldOffice;
            return this;
        }

        ASite kind(StagingKind k) {
            this.kind = k;
            return this;
        }

        ASite people(int n) {
            this.people = n;
            return this;
        }

        ASite rooms(int n) {
            this.rooms = n;
            return this;
        }

        ASite maxHeld(Duration d) {
            this.maxHeld = d;
            return this;
        }

        ASite departures(String... times) {
            this.departures = java.util.Arrays.stream(times).map(LocalTime::parse).toList();
            return this;
        }

        StagingSite build() {
            return new StagingSite(id, office, kind, people, rooms, maxHeld, departures);
        }
    }
}
