package org.caseops.operation.schedule;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Synthetic operation inputs of a realistic shape, for tests and benchmarks. Nothing here describes real people:
 * ids are counters, locations are random points around a city centre.
 *
 * <p>Shape: the window starts on Sunday 2019-06-23 and lasts 4 or 5 days; slots are hourly from 06:00 to 20:00. Per
 * field office: 2–4 teams (more when needed so that planted visits use at most 60 % of team slots) on 10-hour day
 * shifts (06–16, 08–18 or 10–20; from the third team on, one may have a day off); 1–3 staging sites (field office:
 * departures 10/14/18, 12 h maximum; hotel: 09/13/17/21, 24 h; family residential center: 12:00, 72 h); units of 1–6
 * members, about two in three members after the first are minors; one member in five gets a first or a last
 * executable day (about one in ten ends up executable on fewer than all days of the window); one unit in ten needs a
 * protected-area approval, in force on a run of days.
 *
 * <p>Feasible by construction and tight: every unit is first given a planted visit that breaks no hard constraint,
 * its members' executable days and its approval days always include the planted day, and each site's capacities are
 * the planted schedule's peak per hour plus 0–2 people and 0–1 rooms. So a feasible schedule exists, and not much
 * more room than it needs.
 */
public final class SyntheticSchedules {

    /**
     * The field offices used, in order: {@code problem(seed, units, 3)} uses the first three. The first ten are the
     * cities of the June 2019 operation; the other fifteen complete ICE's 25 ERO field offices (a national operation).
     */
    public static final List<String> OFFICES = List.of("ATL", "BAL", "CHI", "DEN", "HOU", "LOS", "MIA", "NOL", "NYC",
            "SFR", "BOS", "BUF", "DAL", "DET", "ELP", "HLG", "NEW", "PHI", "PHO", "SEA", "SLC", "SNA", "SND", "SPM",
            "WAS");
    private static final double[][] CENTRES = {
            {33.749, -84.388}, {39.290, -76.612}, {41.878, -87.630}, {39.739, -104.990}, {29.760, -95.370},
            {34.052, -118.244}, {25.762, -80.192}, {29.951, -90.072}, {40.713, -74.006}, {37.775, -122.419},
            {42.360, -71.058}, {42.886, -78.878}, {32.777, -96.797}, {42.331, -83.046}, {31.762, -106.485},
            {26.190, -97.696}, {40.736, -74.172}, {39.953, -75.165}, {33.448, -112.074}, {47.606, -122.332},
            {40.761, -111.891}, {29.424, -98.494}, {32.716, -117.161}, {44.954, -93.090}, {38.907, -77.037}};

    public static final LocalDate FIRST_DAY = LocalDate.of(2019, 6, 23);
    public static final SolverLimits DEFAULT_LIMITS = SolverLimits.of(Duration.ofSeconds(30), Duration.ofSeconds(10));

    private static final SlotGrid GRID = SlotGrid.DEFAULT;
    private static final LocalTime[][] SHIFTS = {
            {LocalTime.of(6, 0), LocalTime.of(16, 0)},
            {LocalTime.of(8, 0), LocalTime.of(18, 0)},
            {LocalTime.of(10, 0), LocalTime.of(20, 0)}};
    private static final int[] FAMILY_SIZE_WEIGHTS = {10, 25, 25, 20, 12, 8};
    private static final double MAX_TEAM_SLOT_USE = 0.6;

    private SyntheticSchedules() {
    }

    /** A problem with {@link #DEFAULT_LIMITS}. */
    public static ScheduleInput problem(long seed, int units, int offices) {
        return problem(seed, units, offices, DEFAULT_LIMITS);
    }

    /**
     * @param seed    the same seed gives the same input
     * @param units   family units in all (spread evenly over the offices)
     * @param offices how many of {@link #OFFICES} take part, 1–25
     */
    public static ScheduleInput problem(long seed, int units, int offices, SolverLimits limits) {
        if (offices < 1 || offices > OFFICES.size()) {
            throw new IllegalArgumentException("offices must be between 1 and " + OFFICES.size() + ", was " + offices);
        }
        if (units < 0) {
            throw new IllegalArgumentException("units must be >= 0, was " + units);
        }
        Random random = new Random(seed);
        int dayCount = 4 + random.nextInt(2);
        List<LocalDate> days = FIRST_DAY.datesUntil(FIRST_DAY.plusDays(dayCount)).toList();
        List<UnitToPlace> allUnits = new ArrayList<>();
        List<Team> allTeams = new ArrayList<>();
        List<StagingSite> allSites = new ArrayList<>();
        long nextUnitId = 1;
        for (int o = 0; o < offices; o++) {
            int here = units / offices + (o < units % offices ? 1 : 0);
            Office office = new Office(OFFICES.get(o), new GeoPoint(CENTRES[o][0], CENTRES[o][1]), days,
                    new Random(seed * 1_000_003L + o));
            office.generate(here, nextUnitId);
            nextUnitId += here;
            allUnits.addAll(office.units);
            allTeams.addAll(office.teams);
            allSites.addAll(office.sites);
        }
        return new ScheduleInput(days.get(0), days.get(days.size() - 1), GRID, allUnits, allTeams, allSites,
                Preferences.defaults(), limits);
    }

    /** One field office's teams, sites and units, planted visit by planted visit. */
    private static final class Office {
        final String code;
        final GeoPoint centre;
        final List<LocalDate> days;
        final Random random;
        final List<Team> teams = new ArrayList<>();
        final List<StagingSite> sites = new ArrayList<>();
        final List<UnitToPlace> units = new ArrayList<>();

        Office(String code, GeoPoint centre, List<LocalDate> days, Random random) {
            this.code = code;
            this.centre = centre;
            this.days = days;
            this.random = random;
        }

        void generate(int unitCount, long firstUnitId) {
            List<LocalTime> starts = GRID.starts();
            Duration slotLength = GRID.slotLength();
            int slotsPerShift = (int) (Duration.between(SHIFTS[0][0], SHIFTS[0][1]).toMinutes() / slotLength.toMinutes());
            int needed = (int) Math.ceil(unitCount / (MAX_TEAM_SLOT_USE * slotsPerShift * days.size()));
            int teamCount = Math.max(2 + random.nextInt(3), needed);
            for (int k = 0; k < teamCount; k++) {
                LocalTime[] hours = SHIFTS[k % SHIFTS.length];
                int dayOff = k >= 2 && random.nextInt(4) == 0 ? random.nextInt(days.size()) : -1;
                List<Shift> shifts = new ArrayList<>();
                for (int d = 0; d < days.size(); d++) {
                    if (d != dayOff) {
                        shifts.add(new Shift(days.get(d), hours[0], hours[1]));
                    }
                }
                teams.add(new Team(code + "-T" + (k + 1), code, 4 + random.nextInt(5), shifts, centre));
            }

            int siteCount = 1 + random.nextInt(3);
            List<SiteTemplate> templates = List.of(
                    new SiteTemplate("FO", StagingKind.FIELD_OFFICE, Duration.ofHours(12),
                            List.of(LocalTime.of(10, 0), LocalTime.of(14, 0), LocalTime.of(18, 0))),
                    new SiteTemplate("HTL", StagingKind.HOTEL, Duration.ofHours(24),
                            List.of(LocalTime.of(9, 0), LocalTime.of(13, 0), LocalTime.of(17, 0), LocalTime.of(21, 0))),
                    new SiteTemplate("FRC", StagingKind.FAMILY_RESIDENTIAL_CENTER, Duration.ofHours(72),
                            List.of(LocalTime.of(12, 0))))
                    .subList(0, siteCount);
            // A template site with no capacity limit, to compute holding intervals while planting.
            List<StagingSite> probes = templates.stream().map(t -> t.site(code, 0, 0)).toList();

            Map<String, Set<Integer>> teamBusy = new HashMap<>(); // team id -> planted "day*100+slot"
            List<Map<LocalDateTime, int[]>> held = new ArrayList<>();
            for (int s = 0; s < siteCount; s++) {
                held.add(new HashMap<>());
            }
            for (int i = 0; i < unitCount; i++) {
                long unitId = firstUnitId + i;
                Plant plant = plant(starts, slotLength, probes, teamBusy);
                if (plant == null) {
                    throw new IllegalStateException("no free team slot left in " + code + " for unit " + unitId);
                }
                List<Member> members = members(unitId, plant.day);
                LocalDateTime arrival = days.get(plant.day).atTime(starts.get(plant.slot));
                LocalDateTime leaves = probes.get(plant.site).departureFor(arrival, slotLength);
                for (LocalDateTime hour : SiteFact.hoursTouched(arrival, leaves)) {
                    int[] now = held.get(plant.site).computeIfAbsent(hour, h -> new int[2]);
                    now[0] += members.size();
                    now[1]++;
                }
                int caredFor = random.nextInt(100) < 15 ? 1 + random.nextInt(2) : 0;
                Set<LocalDate> approval = random.nextInt(10) == 0 ? aroundDay(plant.day) : null;
                units.add(new UnitToPlace(unitId, code, members, caredFor, location(), approval));
            }
            for (int s = 0; s < siteCount; s++) {
                int peakPeople = held.get(s).values().stream().mapToInt(a -> a[0]).max().orElse(0);
                int peakUnits = held.get(s).values().stream().mapToInt(a -> a[1]).max().orElse(0);
                sites.add(templates.get(s).site(code, Math.max(6, peakPeople + random.nextInt(3)),
                        Math.max(1, peakUnits + random.nextInt(2))));
            }
        }

        private record Plant(int day, int slot, int team, int site) {
        }

        /** A free (day, slot, team, site) for one more unit, random first, then the first free one. */
        private Plant plant(List<LocalTime> starts, Duration slotLength, List<StagingSite> probes,
                            Map<String, Set<Integer>> teamBusy) {
            for (int attempt = 0; attempt < 200; attempt++) {
                Plant p = candidate(random.nextInt(days.size()), random.nextInt(starts.size()),
                        random.nextInt(teams.size()), starts, slotLength, probes, teamBusy);
                if (p != null) {
                    return p;
                }
            }
            for (int d = 0; d < days.size(); d++) {
                for (int s = 0; s < starts.size(); s++) {
                    for (int t = 0; t < teams.size(); t++) {
                        Plant p = candidate(d, s, t, starts, slotLength, probes, teamBusy);
                        if (p != null) {
                            return p;
                        }
                    }
                }
            }
            return null;
        }

        private Plant candidate(int d, int s, int t, List<LocalTime> starts, Duration slotLength,
                                List<StagingSite> probes, Map<String, Set<Integer>> teamBusy) {
            Team team = teams.get(t);
            LocalDate day = days.get(d);
            LocalTime start = starts.get(s);
            LocalTime end = start.plus(slotLength);
            if (team.shifts().stream().noneMatch(sh -> sh.covers(day, start, end))) {
                return null;
            }
            Set<Integer> busy = teamBusy.computeIfAbsent(team.teamId(), k -> new HashSet<>());
            if (busy.contains(d * 100 + s)) {
                return null;
            }
            List<Integer> allowedSites = new ArrayList<>();
            for (int i = 0; i < probes.size(); i++) {
                StagingSite site = probes.get(i);
                LocalDateTime arrival = day.atTime(start);
                if (Duration.between(arrival, site.departureFor(arrival, slotLength)).compareTo(site.maxHeld()) <= 0) {
                    allowedSites.add(i);
                }
            }
            if (allowedSites.isEmpty()) {
                return null;
            }
            busy.add(d * 100 + s);
            return new Plant(d, s, t, allowedSites.get(random.nextInt(allowedSites.size())));
        }

        private List<Member> members(long unitId, int plantedDay) {
            int size = 1 + weighted(FAMILY_SIZE_WEIGHTS);
            List<Member> members = new ArrayList<>();
            for (int k = 0; k < size; k++) {
                boolean minor = k > 0 && random.nextInt(3) < 2;
                Set<LocalDate> executable = random.nextInt(5) == 0 ? partialDays(plantedDay) : Set.copyOf(days);
                members.add(new Member(unitId * 10 + k, minor, executable));
            }
            return members;
        }

        /** Executable from some day up to the planted one, or until some day from the planted one on. */
        private Set<LocalDate> partialDays(int plantedDay) {
            if (random.nextBoolean()) {
                int from = random.nextInt(plantedDay + 1);
                return Set.copyOf(days.subList(from, days.size()));
            }
            int until = plantedDay + random.nextInt(days.size() - plantedDay);
            return Set.copyOf(days.subList(0, until + 1));
        }

        /** A run of days that contains the planted day. */
        private Set<LocalDate> aroundDay(int plantedDay) {
            int from = plantedDay - random.nextInt(plantedDay + 1);
            int until = plantedDay + random.nextInt(days.size() - plantedDay);
            return Set.copyOf(days.subList(from, until + 1));
        }

        private GeoPoint location() {
            if (random.nextInt(20) == 0) {
                return null;
            }
            double km = 30 * Math.sqrt(random.nextDouble());
            double angle = random.nextDouble() * 2 * Math.PI;
            double lat = centre.latitude() + km * Math.cos(angle) / 111.0;
            double lon = centre.longitude() + km * Math.sin(angle) / (111.0 * Math.cos(Math.toRadians(lat)));
            return new GeoPoint(lat, lon);
        }

        private int weighted(int[] weights) {
            int total = 0;
            for (int w : weights) {
                total += w;
            }
            int r = random.nextInt(total);
            for (int i = 0; i < weights.length; i++) {
                r -= weights[i];
                if (r < 0) {
                    return i;
                }
            }
            return weights.length - 1;
        }
    }

    private record SiteTemplate(String suffix, StagingKind kind, Duration maxHeld, List<LocalTime> departures) {
        StagingSite site(String office, int people, int rooms) {
            return new StagingSite(office + "-" + suffix, office, kind, people, rooms, maxHeld, departures);
        }
    }
}
