package org.caseops.operation.schedule;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The baseline {@link ScheduleSolver} is measured against: one pass, no search.
 *
 * <p>Units are taken hardest first (fewest days on which every member is executable and any approval is in force, then
 * most people, then lowest id). Each unit gets the first (slot, team, site) — slots in time order, then the teams and
 * sites of its field office in input order — that breaks no hard constraint given the units placed before it. When
 * there is none, it gets the candidate that adds the least hard penalty, so every unit is placed and the result is
 * scored by the same constraints as the solver's (through Timefold's {@code SolutionManager}), which makes the two
 * scores comparable.
 */
public final class GreedyScheduler {

    private GreedyScheduler() {
    }

    public static ScheduleResult schedule(ScheduleInput input) {
        long started = System.nanoTime();
        Schedule schedule = Problems.build(input);
        place(schedule);
        Duration total = Duration.ofNanos(System.nanoTime() - started);
        ScheduleResult scored = ScheduleResults.of(ScheduleSolver.factory(), schedule, new Timings(null, total));
        Timings timings = new Timings(scored.feasible() ? total : null, total);
        return new ScheduleResult(scored.assignments(), scored.unassignedUnitIds(), scored.hardScore(),
                scored.softScore(), scored.feasible(), scored.violations(), timings);
    }

    /** Hardest units first; see the class comment. */
    static final Comparator<Visit> ORDER = Comparator.comparingInt(Visit::feasibleDays)
            .thenComparing(Comparator.comparingInt(Visit::people).reversed())
            .thenComparingLong(Visit::unitId);

    static void place(Schedule schedule) {
        Occupancy occupancy = new Occupancy(schedule.slots().size());
        List<Visit> order = schedule.visits().stream().sorted(ORDER).toList();
        for (Visit visit : order) {
            long bestCost = Long.MAX_VALUE;
            TimeSlot bestSlot = null;
            TeamFact bestTeam = null;
            SiteFact bestSite = null;
            search:
            for (TimeSlot slot : schedule.slots()) {
                long dayCost = visit.notExecutableMembersOn(slot.dayIndex())
                        + (visit.approvalMissingOn(slot.dayIndex()) ? 1 : 0);
                for (TeamFact team : visit.teamRange()) {
                    long teamCost = dayCost + (team.office().equals(visit.office()) && team.onShift(slot) ? 0 : 1)
                            + occupancy.visitsOf(team, slot);
                    if (teamCost >= bestCost) {
                        continue;
                    }
                    for (SiteFact site : visit.siteRange()) {
                        long cost = teamCost + (site.office().equals(visit.office()) ? 0 : 1)
                                + ScheduleConstraints.ceilHours(Math.max(0, site.heldMinutes(slot) - site.maxHeldMinutes()));
                        if (cost >= bestCost) {
                            continue;
                        }
                        cost += occupancy.capacityCost(site, slot, visit.people());
                        if (cost < bestCost) {
                            bestCost = cost;
                            bestSlot = slot;
                            bestTeam = team;
                            bestSite = site;
                            if (cost == 0) {
                                break search;
                            }
                        }
                    }
                }
            }
            visit.assign(bestSlot, bestTeam, bestSite);
            occupancy.add(visit);
        }
    }

    /** What the units placed so far occupy: team slots, and people and family units per site and clock hour. */
    private static final class Occupancy {
        private final int slotCount;
        private final Map<TeamFact, int[]> teamSlots = new IdentityHashMap<>();
        private final Map<SiteFact, Map<LocalDateTime, int[]>> held = new IdentityHashMap<>();

        Occupancy(int slotCount) {
            this.slotCount = slotCount;
        }

        int visitsOf(TeamFact team, TimeSlot slot) {
            int[] counts = teamSlots.get(team);
            return counts == null ? 0 : counts[slot.index()];
        }

        /** The hard penalty the site's capacities would gain if {@code people} more were held there from {@code slot}. */
        long capacityCost(SiteFact site, TimeSlot slot, int people) {
            Map<LocalDateTime, int[]> hours = held.getOrDefault(site, Map.of());
            long cost = 0;
            for (LocalDateTime hour : site.heldHours(slot)) {
                int[] now = hours.getOrDefault(hour, new int[2]);
                cost += excess(now[0] + people, site.capacityPeople()) - excess(now[0], site.capacityPeople());
                cost += excess(now[1] + 1, site.familyRooms()) - excess(now[1], site.familyRooms());
            }
            return cost;
        }

        void add(Visit visit) {
            teamSlots.computeIfAbsent(visit.team(), t -> new int[slotCount])[visit.slot().index()]++;
            Map<LocalDateTime, int[]> hours = held.computeIfAbsent(visit.site(), s -> new HashMap<>());
            for (LocalDateTime hour : visit.heldHours()) {
                int[] now = hours.computeIfAbsent(hour, h -> new int[2]);
                now[0] += visit.people();
                now[1]++;
            }
        }

        private static long excess(int value, int capacity) {
            return Math.max(0, value - capacity);
        }
    }
}
