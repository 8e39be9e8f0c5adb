package org.caseops.operation.schedule;

import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.sum;
import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.toSet;

import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import ai.timefold.solver.core.api.score.stream.Joiners;
import ai.timefold.solver.core.api.score.stream.quad.QuadConstraintStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The constraints of an operation's schedule. Hard constraints have weight 1 per unit of penalty; the soft ones take
 * their weights from {@link SoftWeights} (through Timefold's constraint weight overrides).
 *
 * <p>Hard, in the order of the operation order's rules:
 * <ol>
 *   <li>{@value #TEAM_ON_SHIFT} — the team belongs to the unit's field office and one of its shifts covers the whole
 *       slot; 1 per visit.</li>
 *   <li>{@value #ONE_VISIT_PER_TEAM_SLOT} — 1 per pair of visits with the same team and slot.</li>
 *   <li>{@value #SITE_IN_OFFICE} — 1 per visit staged at another office's site.</li>
 *   <li>{@value #SITE_PEOPLE} and {@value #SITE_ROOMS} — for every site and clock hour, the people (members) and the
 *       family units held there during any part of that hour must not exceed its capacity in people and in family
 *       rooms; the excess, per site and hour.</li>
 *   <li>{@value #MAX_HELD} — departure minus arrival must not exceed the site's maximum; the excess in hours, rounded
 *       up.</li>
 *   <li>{@value #EXECUTABLE} — the number of members whose order is not executable on the visit's day.</li>
 *   <li>{@value #PROTECTED_AREA} — 1 per visit on a day without an approval in force, when one is needed.</li>
 * </ol>
 * The solver takes teams, sites and slots from per-entity value ranges (see {@link Visit}) that already respect
 * 1, 3, 6 and 7 whenever the input allows; those constraints report the units of inputs that do not, and guard
 * schedules made elsewhere. Visiting a unit whole is structural (one entity per unit), not a constraint.
 *
 * <p>Soft:
 * <ul>
 *   <li>{@value #DAY_LOAD} — (visits of a field office on a day)², per office and day.</li>
 *   <li>{@value #TEAM_LOAD} — (visits of a team)², per team.</li>
 *   <li>{@value #TRAVEL} — per team and day, the kilometres (straight line, rounded) from the team's home to its
 *       first visit and then visit to visit; legs to or from an unknown location count 0.</li>
 *   <li>{@value #MINOR_WINDOWS} — per visit of a unit with a minor, the number of avoid windows its slot overlaps.</li>
 * </ul>
 */
public final class ScheduleConstraints implements ConstraintProvider {

    public static final String TEAM_ON_SHIFT = "Team on shift in the unit's field office";
    public static final String ONE_VISIT_PER_TEAM_SLOT = "One visit per team per slot";
    public static final String SITE_IN_OFFICE = "Staging site in the unit's field office";
    public static final String SITE_PEOPLE = "Staging site people capacity";
    public static final String SITE_ROOMS = "Staging site family rooms";
    public static final String MAX_HELD = "Maximum time held";
    public static final String EXECUTABLE = "Every member executable on the day";
    public static final String PROTECTED_AREA = "Protected-area approval in force";
    public static final String DAY_LOAD = "Spread visits across days";
    public static final String TEAM_LOAD = "Balance visits across teams";
    public static final String TRAVEL = "Team travel";
    public static final String MINOR_WINDOWS = "Units with minors outside school and day-care hours";

    public static final List<String> HARD = List.of(TEAM_ON_SHIFT, ONE_VISIT_PER_TEAM_SLOT, SITE_IN_OFFICE,
            SITE_PEOPLE, SITE_ROOMS, MAX_HELD, EXECUTABLE, PROTECTED_AREA);
    public static final List<String> SOFT = List.of(DAY_LOAD, TEAM_LOAD, TRAVEL, MINOR_WINDOWS);

    private static final HardSoftLongScore ONE_HARD = HardSoftLongScore.ONE_HARD;
    private static final HardSoftLongScore ONE_SOFT = HardSoftLongScore.ONE_SOFT;

    /** Visits of one team on one day in the order they happen. */
    static final Comparator<Visit> ROUTE_ORDER = Comparator.comparingInt((Visit v) -> v.slot().index())
            .thenComparingLong(Visit::unitId);

    public ScheduleConstraints() {
    }

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
                teamOnShift(factory),
                oneVisitPerTeamSlot(factory),
                siteInOffice(factory),
                sitePeopleCapacity(factory),
                siteFamilyRooms(factory),
                maxHeld(factory),
                everyMemberExecutable(factory),
                protectedAreaApproval(factory),
                dayLoad(factory),
                teamLoad(factory),
                travel(factory),
                minorWindows(factory)
        };
    }

    // ------------------------------------------------------------------ hard

    Constraint teamOnShift(ConstraintFactory factory) {
        return factory.forEach(Visit.class)
                .filter(v -> !v.team().office().equals(v.office()) || !v.team().onShift(v.slot()))
                .penalize(ONE_HARD)
                .justifyWith((v, score) -> Finding.of(v, !v.team().office().equals(v.office())
                        ? "unit " + v.unitId() + " (" + v.office() + ") is given " + v.team() + " of another field office"
                        : "unit " + v.unitId() + " is visited " + v.slot().label() + ", outside every shift of team "
                                + v.team().id()))
                .asConstraint(TEAM_ON_SHIFT);
    }

    Constraint oneVisitPerTeamSlot(ConstraintFactory factory) {
        return factory.forEachUniquePair(Visit.class, Joiners.equal(Visit::team), Joiners.equal(Visit::slot))
                .penalize(ONE_HARD)
                .justifyWith((a, b, score) -> Finding.of(List.of(a, b), "team " + a.team().id() + " is to visit units "
                        + Math.min(a.unitId(), b.unitId()) + " and " + Math.max(a.unitId(), b.unitId()) + " in the same slot, "
                        + a.slot().label()))
                .asConstraint(ONE_VISIT_PER_TEAM_SLOT);
    }

    Constraint siteInOffice(ConstraintFactory factory) {
        return factory.forEach(Visit.class)
                .filter(v -> !v.site().office().equals(v.office()))
                .penalize(ONE_HARD)
                .justifyWith((v, score) -> Finding.of(v, "unit " + v.unitId() + " (" + v.office() + ") is staged at "
                        + v.site() + " of another field office"))
                .asConstraint(SITE_IN_OFFICE);
    }

    /** Per site and clock hour: the people held, and the visits (units) held. */
    private static QuadConstraintStream<SiteFact, LocalDateTime, Integer, Set<Visit>> heldPerSiteHour(
            ConstraintFactory factory) {
        return factory.forEach(Visit.class)
                .flatten(Visit::heldHours)
                .groupBy((v, hour) -> v.site(), (v, hour) -> hour, sum((v, hour) -> v.people()),
                        toSet((v, hour) -> v));
    }

    Constraint sitePeopleCapacity(ConstraintFactory factory) {
        return heldPerSiteHour(factory)
                .filter((site, hour, people, visits) -> people > site.capacityPeople())
                .penalizeLong(ONE_HARD, (site, hour, people, visits) -> people - site.capacityPeople())
                .justifyWith((site, hour, people, visits, score) -> Finding.of(visits, site + " holds " + people
                        + " people at " + hourLabel(hour) + ", over its capacity of " + site.capacityPeople()
                        + " (" + units(visits) + ")"))
                .asConstraint(SITE_PEOPLE);
    }

    Constraint siteFamilyRooms(ConstraintFactory factory) {
        return heldPerSiteHour(factory)
                .filter((site, hour, people, visits) -> visits.size() > site.familyRooms())
                .penalizeLong(ONE_HARD, (site, hour, people, visits) -> visits.size() - site.familyRooms())
                .justifyWith((site, hour, people, visits, score) -> Finding.of(visits, site + " holds "
                        + visits.size() + " family units at " + hourLabel(hour) + ", over its " + site.familyRooms()
                        + (site.familyRooms() == 1 ? " family room" : " family rooms") + " (" + units(visits) + ")"))
                .asConstraint(SITE_ROOMS);
    }

    Constraint maxHeld(ConstraintFactory factory) {
        return factory.forEach(Visit.class)
                .filter(v -> v.heldMinutes() > v.site().maxHeldMinutes())
                .penalizeLong(ONE_HARD, v -> ceilHours(v.heldMinutes() - v.site().maxHeldMinutes()))
                .justifyWith((v, score) -> Finding.of(v, "unit " + v.unitId() + " brought to " + v.site() + " at "
                        + v.slot().label() + " would be held until " + v.heldUntil() + ", "
                        + hours(v.heldMinutes()) + " h, over its maximum of " + hours(v.site().maxHeldMinutes()) + " h"))
                .asConstraint(MAX_HELD);
    }

    Constraint everyMemberExecutable(ConstraintFactory factory) {
        return factory.forEach(Visit.class)
                .filter(v -> v.notExecutableMembers() > 0)
                .penalize(ONE_HARD, Visit::notExecutableMembers)
                .justifyWith((v, score) -> Finding.of(v, "unit " + v.unitId() + " is visited " + v.slot().label()
                        + ", but the order of person(s) " + notExecutable(v, v.date()) + " is not executable that day"))
                .asConstraint(EXECUTABLE);
    }

    Constraint protectedAreaApproval(ConstraintFactory factory) {
        return factory.forEach(Visit.class)
                .filter(Visit::approvalMissing)
                .penalize(ONE_HARD)
                .justifyWith((v, score) -> Finding.of(v, "unit " + v.unitId() + " is visited " + v.slot().label()
                        + ", but its address needs a protected-area approval and none is in force that day"
                        + approvedDays(v.unit().protectedAreaApprovedDays())))
                .asConstraint(PROTECTED_AREA);
    }

    // ------------------------------------------------------------------ soft

    Constraint dayLoad(ConstraintFactory factory) {
        return factory.forEach(Visit.class)
                .groupBy(Visit::office, Visit::date, toSet())
                .penalizeLong(ONE_SOFT, (office, date, visits) -> (long) visits.size() * visits.size())
                .justifyWith((office, date, visits, score) -> Finding.of(visits, office + " has " + visits.size()
                        + " visits on " + date + " (" + date.getDayOfWeek() + ")"))
                .asConstraint(DAY_LOAD);
    }

    Constraint teamLoad(ConstraintFactory factory) {
        return factory.forEach(Visit.class)
                .groupBy(Visit::team, toSet())
                .penalizeLong(ONE_SOFT, (team, visits) -> (long) visits.size() * visits.size())
                .justifyWith((team, visits, score) -> Finding.of(visits, "team " + team.id() + " (" + team.office()
                        + ") has " + visits.size() + " visits"))
                .asConstraint(TEAM_LOAD);
    }

    Constraint travel(ConstraintFactory factory) {
        return factory.forEach(Visit.class)
                // a set, sorted when used: a sorted collector would have to find a moved visit by its new slot. No
                // filter on km > 0: it would compute every route twice; a route of 0 km costs 0 and is not reported
                .groupBy(Visit::team, Visit::date, toSet())
                .penalizeLong(ONE_SOFT, (team, date, route) -> routeKm(team, route))
                .justifyWith((team, date, route, score) -> Finding.of(route, "team " + team.id() + " on " + date
                        + " travels " + routeKm(team, route) + " km: " + routeLegs(team, route)))
                .asConstraint(TRAVEL);
    }

    Constraint minorWindows(ConstraintFactory factory) {
        return factory.forEach(Visit.class)
                .filter(v -> v.hasMinor() && v.slot().minorWindowCount() > 0)
                .penalize(ONE_SOFT, v -> v.slot().minorWindowCount())
                .justifyWith((v, score) -> Finding.of(v, "unit " + v.unitId() + " has a minor and is visited "
                        + v.slot().label() + ", during " + String.join(" and ", v.slot().minorWindows()) + " hours"))
                .asConstraint(MINOR_WINDOWS);
    }

    // ------------------------------------------------------------------ helpers

    /** The route's length in whole kilometres: team home → first visit → … → last visit. */
    static long routeKm(TeamFact team, Collection<Visit> visits) {
        double km = 0;
        GeoPoint previous = team.home();
        for (Visit v : inRouteOrder(visits)) {
            GeoPoint here = v.location();
            if (previous != null && here != null) {
                km += previous.kilometresTo(here);
            }
            previous = here;
        }
        return Math.round(km);
    }

    private static Collection<Visit> inRouteOrder(Collection<Visit> visits) {
        if (visits.size() < 2) {
            return visits;
        }
        List<Visit> route = new ArrayList<>(visits);
        route.sort(ROUTE_ORDER);
        return route;
    }

    private static String routeLegs(TeamFact team, Collection<Visit> visits) {
        List<String> legs = new ArrayList<>();
        legs.add("home");
        GeoPoint previous = team.home();
        for (Visit v : inRouteOrder(visits)) {
            GeoPoint here = v.location();
            String km = previous != null && here != null ? String.format("%.1f km", previous.kilometresTo(here)) : "? km";
            legs.add("(" + km + ") unit " + v.unitId() + " at " + v.slot().start());
            previous = here;
        }
        return String.join(" → ", legs);
    }

    static long ceilHours(long minutes) {
        return (minutes + 59) / 60;
    }

    private static String hours(long minutes) {
        return minutes % 60 == 0 ? Long.toString(minutes / 60) : String.format("%.1f", minutes / 60.0);
    }

    private static String hourLabel(LocalDateTime hour) {
        return hour.toLocalDate() + " " + hour.toLocalTime() + "–" + hour.toLocalTime().plusHours(1);
    }

    private static String units(Collection<Visit> visits) {
        return (visits.size() == 1 ? "unit " : "units ")
                + visits.stream().map(Visit::unitId).sorted().map(String::valueOf).collect(Collectors.joining(", "));
    }

    private static String notExecutable(Visit v, LocalDate day) {
        return v.unit().members().stream().filter(m -> !m.executableOn(day)).map(m -> String.valueOf(m.personId()))
                .collect(Collectors.joining(", "));
    }

    private static String approvedDays(Set<LocalDate> days) {
        return days.isEmpty() ? " (no approval on any day)"
                : " (approved on " + days.stream().sorted().map(LocalDate::toString).collect(Collectors.joining(", "))
                        + ")";
    }
}
