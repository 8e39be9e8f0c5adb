package org.caseops.operation.schedule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The construction heuristic: best fit decreasing. Units are taken hardest first ({@link GreedyScheduler#ORDER}:
 * fewest days on which they may be visited, then most people, then lowest id), and each is given the (slot, team,
 * site) of its value ranges that adds the least to the score — hard first, then soft — given the units placed before
 * it; of equal candidates, the first in (slot, team, site) order.
 *
 * <p>That is what Timefold's <i>first fit decreasing</i> does with a cartesian product of the three variables, but
 * Timefold scores each of the slots × teams × sites candidates through its constraint streams: about 9,000 per unit
 * in a field office of 2,000 units and 67 teams, minutes per office at 20,000–100,000 evaluations a second, more than
 * an hour for 25 such offices. Here every constraint's part of a candidate's cost is kept in arrays (visits per team
 * and slot, per team, per office and day, people and family units per site and clock hour, each team's route of each
 * day with its legs), and the cost separates: the slot's own part (executability, approval, the office's day load, the
 * minors' windows), plus the best team for that slot (shift, double booking, team load, the kilometres added to its
 * route that day), plus the best site for that slot (office, time held, capacity per hour). Slots are tried from the
 * cheapest own part on, and the search stops at the first slot that cannot win even with the least loaded team and no
 * travel; a team is skipped when its shift, bookings and load already lose. About 0.1 ms per unit.
 *
 * <p>The costs mirror {@link ScheduleConstraints} term by term ({@code ConstructionTest} checks the running totals
 * against Timefold's score), but the score of record is always Timefold's: the solver scores what this builds.
 */
final class Construction {

    private final List<Visit> visits;
    private final long dayWeight;
    private final long teamWeight;
    private final long kmWeight;
    private final long minorWeight;

    private final Map<TeamFact, Integer> teamIndex = new IdentityHashMap<>();
    private final Map<SiteFact, Integer> siteIndex = new IdentityHashMap<>();
    private final Map<String, Integer> officeIndex = new HashMap<>();
    private final TeamFact[] teams;
    /** Per slot (index) and team: visits of the team in the slot, and whether one of its shifts covers the slot. */
    private final int[][] busy;
    private final boolean[][] onShift;
    /** Per team range (identity) and office: the teams' indices, and which are of that office. */
    private final Map<List<TeamFact>, TeamRange> teamRanges = new IdentityHashMap<>();
    private final int[] teamVisits;
    private final Route[][] routes;
    private final int[][] officeDay;
    private final int[][] sitePeople;
    private final int[][] siteUnits;

    private long hard;
    private long soft;

    /**
     * @param visits the units to place (one partition or the whole operation); the ones already assigned are counted
     *               as they are and not moved
     */
    Construction(List<Visit> visits, int slotCount, int dayCount, SoftWeights weights) {
        this.visits = visits;
        this.dayWeight = weights.dayLoad();
        this.teamWeight = weights.teamLoad();
        this.kmWeight = weights.travelPerKm();
        this.minorWeight = weights.minorWindow();
        List<TeamFact> teamList = new ArrayList<>();
        int hours = 0;
        Map<List<?>, Boolean> rangesSeen = new IdentityHashMap<>(); // the visits of an office share their ranges
        for (Visit v : visits) {
            officeIndex.putIfAbsent(v.office(), officeIndex.size());
            List<TeamFact> teamsOfVisit = new ArrayList<>();
            List<SiteFact> sitesOfVisit = new ArrayList<>();
            if (rangesSeen.put(v.teamRange(), Boolean.TRUE) == null) {
                teamsOfVisit.addAll(v.teamRange());
            }
            if (rangesSeen.put(v.siteRange(), Boolean.TRUE) == null) {
                sitesOfVisit.addAll(v.siteRange());
            }
            if (v.assigned()) { // placed elsewhere, possibly outside its ranges
                teamsOfVisit.add(v.team());
                sitesOfVisit.add(v.site());
            }
            for (TeamFact t : teamsOfVisit) {
                if (teamIndex.putIfAbsent(t, teamList.size()) == null) {
                    teamList.add(t);
                }
            }
            for (SiteFact s : sitesOfVisit) {
                if (siteIndex.putIfAbsent(s, siteIndex.size()) == null) {
                    for (int[] held : s.heldHourIndices()) {
                        for (int h : held) {
                            hours = Math.max(hours, h + 1);
                        }
                    }
                }
            }
        }
        this.teams = teamList.toArray(new TeamFact[0]);
        this.busy = new int[slotCount][teams.length];
        this.onShift = new boolean[slotCount][teams.length];
        TimeSlot[] slots = new TimeSlot[slotCount];
        Map<List<TimeSlot>, Boolean> slotRanges = new IdentityHashMap<>();
        for (Visit v : visits) {
            if (slotRanges.put(v.slotRange(), Boolean.TRUE) == null) {
                for (TimeSlot slot : v.slotRange()) {
                    slots[slot.index()] = slot;
                }
            }
        }
        for (TimeSlot slot : slots) {
            for (int t = 0; slot != null && t < teams.length; t++) {
                onShift[slot.index()][t] = teams[t].onShift(slot);
            }
        }
        this.teamVisits = new int[teams.length];
        this.routes = new Route[teams.length][dayCount];
        for (int t = 0; t < teams.length; t++) {
            for (int d = 0; d < dayCount; d++) {
                routes[t][d] = new Route(teams[t].home());
            }
        }
        this.officeDay = new int[officeIndex.size()][dayCount];
        this.sitePeople = new int[siteIndex.size()][hours];
        this.siteUnits = new int[siteIndex.size()][hours];
        for (Visit v : visits) {
            if (v.assigned()) {
                commit(v, v.slot(), v.team(), v.site());
            }
        }
    }

    /**
     * Places every unassigned visit, hardest first, until done or {@code deadlineNanos} ({@link System#nanoTime()})
     * has passed; the ones not reached stay unassigned.
     *
     * @return how many visits were placed
     */
    int place(long deadlineNanos) {
        List<Visit> order = visits.stream().filter(v -> !v.assigned()).sorted(GreedyScheduler.ORDER).toList();
        int placed = 0;
        for (Visit v : order) {
            if (System.nanoTime() - deadlineNanos > 0) {
                break;
            }
            placeOne(v);
            placed++;
        }
        return placed;
    }

    /** The hard score of what is placed so far, as Timefold would count it (≤ 0). */
    long hardScore() {
        return -hard;
    }

    /** The soft score of what is placed so far, as Timefold would count it (≤ 0 unless routes with unknown places). */
    long softScore() {
        return -soft;
    }

    private void placeOne(Visit v) {
        epoch++;
        List<TimeSlot> range = v.slotRange();
        int n = range.size();
        if (slotHard.length < n) {
            slotHard = new long[n];
            slotSoft = new long[n];
            order = new int[n];
        }
        int office = officeIndex.get(v.office());
        for (int k = 0; k < n; k++) {
            TimeSlot slot = range.get(k);
            int d = slot.dayIndex();
            slotHard[k] = v.notExecutableMembersOn(d) + (v.approvalMissingOn(d) ? 1 : 0);
            slotSoft[k] = dayWeight * (2L * officeDay[office][d] + 1)
                    + (v.hasMinor() ? minorWeight * slot.minorWindowCount() : 0);
            order[k] = k;
        }
        sortBySlotCost(n);
        // A team adds at least the load of the least loaded team of the range, and a site adds no soft cost; travel
        // can only grow when the unit's place is known. So, slots taken from the cheapest on, the search stops at the
        // first slot that cannot beat the best found even with the least loaded team and no travel.
        boolean knownPlace = v.location() != null;
        TeamRange teamRange = teamRange(v);
        int[] teamsOfRange = teamRange.index;
        long leastLoad = Long.MAX_VALUE;
        for (int ti : teamsOfRange) {
            leastLoad = Math.min(leastLoad, teamWeight * (2L * teamVisits[ti] + 1));
        }
        long bestHard = Long.MAX_VALUE;
        long bestSoft = Long.MAX_VALUE;
        int best = -1;
        TeamFact bestTeam = null;
        SiteFact bestSite = null;
        for (int i = 0; i < n; i++) {
            int k = order[i];
            if (knownPlace && !wins(slotHard[k], slotSoft[k] + leastLoad, k, bestHard, bestSoft, best)) {
                break;
            }
            TimeSlot slot = range.get(k);
            // the best team for this slot: shift, double booking, load, travel; the first of equals in range order
            long teamHard = Long.MAX_VALUE;
            long teamSoft = Long.MAX_VALUE;
            TeamFact team = null;
            int[] busyInSlot = busy[slot.index()];
            boolean[] onShiftInSlot = onShift[slot.index()];
            for (int r = 0; r < teamsOfRange.length; r++) {
                int ti = teamsOfRange[r];
                long h = (teamRange.sameOffice[r] && onShiftInSlot[ti] ? 0 : 1) + busyInSlot[ti];
                long s = teamWeight * (2L * teamVisits[ti] + 1);
                if (knownPlace && (!better(h, s, teamHard, teamSoft)
                        || !wins(slotHard[k] + h, slotSoft[k] + s, k, bestHard, bestSoft, best))) {
                    continue;
                }
                Route route = routes[ti][slot.dayIndex()];
                s += kmWeight * route.added(route.insertionPoint(0, slot.index(), v.unitId()), v.location(), epoch);
                if (better(h, s, teamHard, teamSoft)) {
                    teamHard = h;
                    teamSoft = s;
                    team = teams[ti];
                }
            }
            if (team == null) {
                continue; // every team pruned: none can beat the best found
            }
            long h = slotHard[k] + teamHard;
            long s = slotSoft[k] + teamSoft;
            if (!wins(h, s, k, bestHard, bestSoft, best)) {
                continue; // the site's part is >= 0 and adds no soft cost
            }
            // the best site for this slot: office, time held, capacity per hour
            long siteHard = Long.MAX_VALUE;
            SiteFact site = null;
            for (SiteFact candidate : v.siteRange()) {
                long c = (candidate.office().equals(v.office()) ? 0 : 1)
                        + ScheduleConstraints.ceilHours(Math.max(0,
                                candidate.heldMinutes(slot) - candidate.maxHeldMinutes()));
                if (c >= siteHard) {
                    continue;
                }
                c += capacityAdded(siteIndex.get(candidate), candidate, slot, v.people());
                if (c < siteHard) {
                    siteHard = c;
                    site = candidate;
                }
            }
            if (wins(h + siteHard, s, k, bestHard, bestSoft, best)) {
                bestHard = h + siteHard;
                bestSoft = s;
                best = k;
                bestTeam = team;
                bestSite = site;
            }
        }
        TimeSlot slot = range.get(best);
        v.assign(slot, bestTeam, bestSite);
        commit(v, slot, bestTeam, bestSite);
    }

    // per slot of the range of the unit being placed: the slot's own cost (executability, approval, day load, minors)
    private long[] slotHard = new long[0];
    private long[] slotSoft = new long[0];
    private int[] order = new int[0];
    /** Counts the units placed: a route's distances and kilometres added are remembered for one unit. */
    private int epoch;

    /** A team range's indices, and which of its teams are of the office of the visits that have it. */
    private record TeamRange(String office, int[] index, boolean[] sameOffice) {
    }

    private TeamRange teamRange(Visit v) {
        TeamRange known = teamRanges.get(v.teamRange());
        if (known != null && known.office().equals(v.office())) {
            return known;
        }
        List<TeamFact> range = v.teamRange();
        int[] index = new int[range.size()];
        boolean[] sameOffice = new boolean[range.size()];
        for (int r = 0; r < index.length; r++) {
            index[r] = teamIndex.get(range.get(r));
            sameOffice[r] = range.get(r).office().equals(v.office());
        }
        TeamRange computed = new TeamRange(v.office(), index, sameOffice);
        teamRanges.put(range, computed);
        return computed;
    }

    /** Sorts {@code order[0..n)} by the slots' own cost, then range index (insertion sort: ranges are short). */
    private void sortBySlotCost(int n) {
        for (int i = 1; i < n; i++) {
            int k = order[i];
            int j = i - 1;
            while (j >= 0 && cheaper(k, order[j])) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = k;
        }
    }

    private boolean cheaper(int a, int b) {
        if (slotHard[a] != slotHard[b]) {
            return slotHard[a] < slotHard[b];
        }
        if (slotSoft[a] != slotSoft[b]) {
            return slotSoft[a] < slotSoft[b];
        }
        return a < b;
    }

    /** True when (h, s) at range index k beats the best so far: lower cost, or equal cost earlier in the range. */
    private static boolean wins(long h, long s, int k, long bestH, long bestS, int bestK) {
        return better(h, s, bestH, bestS) || (h == bestH && s == bestS && k < bestK);
    }

    private static boolean better(long h, long s, long bestH, long bestS) {
        return h < bestH || (h == bestH && s < bestS);
    }

    private static double km(GeoPoint a, GeoPoint b) {
        return a == null || b == null ? 0 : a.kilometresTo(b);
    }

    /** The capacity excess (people and family rooms, summed over clock hours) that holding {@code people} more adds. */
    private long capacityAdded(int si, SiteFact site, TimeSlot slot, int people) {
        int[] peopleNow = sitePeople[si];
        int[] unitsNow = siteUnits[si];
        int capacity = site.capacityPeople();
        int rooms = site.familyRooms();
        long cost = 0;
        for (int hour : site.heldHourIndices(slot)) {
            cost += excess(peopleNow[hour] + people, capacity) - excess(peopleNow[hour], capacity);
            cost += excess(unitsNow[hour] + 1, rooms) - excess(unitsNow[hour], rooms);
        }
        return cost;
    }

    private static long excess(int value, int capacity) {
        return Math.max(0, value - capacity);
    }

    /** Adds the visit to every count, and its cost to the running totals. */
    private void commit(Visit v, TimeSlot slot, TeamFact team, SiteFact site) {
        int office = officeIndex.get(v.office());
        int d = slot.dayIndex();
        int ti = teamIndex.get(team);
        int si = siteIndex.get(site);

        hard += v.notExecutableMembersOn(d) + (v.approvalMissingOn(d) ? 1 : 0);
        hard += team.office().equals(v.office()) && team.onShift(slot) ? 0 : 1;
        hard += busy[slot.index()][ti];
        hard += site.office().equals(v.office()) ? 0 : 1;
        hard += ScheduleConstraints.ceilHours(Math.max(0, site.heldMinutes(slot) - site.maxHeldMinutes()));
        hard += capacityAdded(si, site, slot, v.people());

        soft += dayWeight * (2L * officeDay[office][d] + 1);
        soft += teamWeight * (2L * teamVisits[ti] + 1);
        soft += v.hasMinor() ? minorWeight * slot.minorWindowCount() : 0;
        Route route = routes[ti][d];
        double before = route.km;
        route.insert(route.insertionPoint(0, slot.index(), v.unitId()), v);
        soft += kmWeight * (Math.round(route.km) - Math.round(before));

        officeDay[office][d]++;
        teamVisits[ti]++;
        busy[slot.index()][ti]++;
        for (int hour : site.heldHourIndices(slot)) {
            sitePeople[si][hour] += v.people();
            siteUnits[si][hour]++;
        }
    }

    /**
     * A team's route of one day, in the order {@link ScheduleConstraints#routeKm} follows it (slot, then unit id), with
     * each leg's kilometres (from home or the visit before; 0 to or from an unknown place) and their sum, not rounded.
     */
    private static final class Route {
        private final GeoPoint home;
        private int size;
        private int[] slotIndex = new int[4];
        private long[] unitId = new long[4];
        private GeoPoint[] places = new GeoPoint[4];
        private double[] legs = new double[4];
        private double km;
        // for the unit being placed (epoch): distances from its place to home (0) and to each visit (i + 1), and the
        // rounded kilometres added at each insertion point
        private double[] distance = new double[5];
        private int[] distanceEpoch = new int[5];
        private long[] added = new long[5];
        private int[] addedEpoch = new int[5];

        Route(GeoPoint home) {
            this.home = home;
        }

        /** Where a visit in slot {@code slot} of unit {@code unit} goes, searching from {@code from} on. */
        int insertionPoint(int from, int slot, long unit) {
            int at = from;
            while (at < size && (slotIndex[at] < slot || (slotIndex[at] == slot && unitId[at] < unit))) {
                at++;
            }
            return at;
        }

        /** The rounded kilometres a visit at {@code here} inserted at {@code at} adds. */
        long added(int at, GeoPoint here, int epoch) {
            if (addedEpoch[at] == epoch) {
                return added[at];
            }
            double km = distance(at, here, epoch);
            if (at < size) {
                km += distance(at + 1, here, epoch) - legs[at];
            }
            long rounded = Math.round(this.km + km) - Math.round(this.km);
            added[at] = rounded;
            addedEpoch[at] = epoch;
            return rounded;
        }

        /** From {@code here} to home (point 0) or to the visit at {@code point - 1}. */
        private double distance(int point, GeoPoint here, int epoch) {
            if (distanceEpoch[point] != epoch) {
                GeoPoint other = point == 0 ? home : places[point - 1];
                distance[point] = km(other, here);
                distanceEpoch[point] = epoch;
            }
            return distance[point];
        }

        void insert(int at, Visit v) {
            if (size == slotIndex.length) {
                int n = size * 2;
                slotIndex = Arrays.copyOf(slotIndex, n);
                unitId = Arrays.copyOf(unitId, n);
                places = Arrays.copyOf(places, n);
                legs = Arrays.copyOf(legs, n);
                distance = new double[n + 1];
                distanceEpoch = new int[n + 1];
                added = new long[n + 1];
                addedEpoch = new int[n + 1];
            }
            System.arraycopy(slotIndex, at, slotIndex, at + 1, size - at);
            System.arraycopy(unitId, at, unitId, at + 1, size - at);
            System.arraycopy(places, at, places, at + 1, size - at);
            System.arraycopy(legs, at, legs, at + 1, size - at);
            slotIndex[at] = v.slot().index();
            unitId[at] = v.unitId();
            places[at] = v.location();
            size++;
            // the legs into the new visit and out of it, then the sum in route order, as routeKm sums it
            legs[at] = km(at == 0 ? home : places[at - 1], places[at]);
            if (at + 1 < size) {
                legs[at + 1] = km(places[at], places[at + 1]);
            }
            double sum = 0;
            for (int i = 0; i < size; i++) {
                sum += legs[i];
            }
            km = sum;
            // positions moved: forget what was remembered for the unit being placed (it is the one inserted)
            Arrays.fill(distanceEpoch, 0);
            Arrays.fill(addedEpoch, 0);
        }
    }
}
