package org.caseops.operation.schedule;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Everything the schedule of one operation depends on. The caller builds it from the database; this package never
 * reads anything else.
 *
 * @param firstDay    first day of the operation window
 * @param lastDay     last day of the operation window (inclusive)
 * @param slots       the slot grid, the same every day
 * @param units       the family units to visit, each exactly once
 * @param teams       the teams; every field office with a unit must have at least one
 * @param sites       the staging sites; every field office with a unit must have at least one
 * @param preferences the soft constraints' settings
 * @param limits      when {@link ScheduleSolver} stops (ignored by {@link GreedyScheduler})
 */
public record ScheduleInput(LocalDate firstDay, LocalDate lastDay, SlotGrid slots, List<UnitToPlace> units,
                            List<Team> teams, List<StagingSite> sites, Preferences preferences,
                            SolverLimits limits) {

    /** The longest window accepted. */
    public static final int MAX_DAYS = 31;

    public ScheduleInput {
        Objects.requireNonNull(firstDay, "firstDay must not be null");
        Objects.requireNonNull(lastDay, "lastDay must not be null");
        if (lastDay.isBefore(firstDay)) {
            throw new IllegalArgumentException("lastDay " + lastDay + " is before firstDay " + firstDay);
        }
        if (ChronoUnit.DAYS.between(firstDay, lastDay) + 1 > MAX_DAYS) {
            throw new IllegalArgumentException("the window " + firstDay + " – " + lastDay + " is longer than "
                    + MAX_DAYS + " days");
        }
        Objects.requireNonNull(slots, "slots must not be null");
        Objects.requireNonNull(preferences, "preferences must not be null");
        Objects.requireNonNull(limits, "limits must not be null");
        units = List.copyOf(Objects.requireNonNull(units, "units must not be null"));
        teams = List.copyOf(Objects.requireNonNull(teams, "teams must not be null"));
        sites = List.copyOf(Objects.requireNonNull(sites, "sites must not be null"));

        Set<Long> unitIds = new HashSet<>();
        for (UnitToPlace u : units) {
            if (!unitIds.add(u.unitId())) {
                throw new IllegalArgumentException("unit " + u.unitId() + " is listed twice");
            }
        }
        Set<Long> personIds = new HashSet<>();
        for (UnitToPlace u : units) {
            for (Member m : u.members()) {
                if (!personIds.add(m.personId())) {
                    throw new IllegalArgumentException("person " + m.personId() + " is a member of more than one unit");
                }
            }
        }
        Set<String> teamIds = new HashSet<>();
        for (Team t : teams) {
            if (!teamIds.add(t.teamId())) {
                throw new IllegalArgumentException("team " + t.teamId() + " is listed twice");
            }
        }
        Set<String> siteIds = new HashSet<>();
        for (StagingSite s : sites) {
            if (!siteIds.add(s.siteId())) {
                throw new IllegalArgumentException("staging site " + s.siteId() + " is listed twice");
            }
        }
        Set<String> unitOffices = units.stream().map(UnitToPlace::fieldOffice).collect(Collectors.toCollection(TreeSet::new));
        Set<String> teamOffices = teams.stream().map(Team::fieldOffice).collect(Collectors.toSet());
        Set<String> siteOffices = sites.stream().map(StagingSite::fieldOffice).collect(Collectors.toSet());
        for (String office : unitOffices) {
            if (!teamOffices.contains(office)) {
                throw new IllegalArgumentException("field office " + office + " has units but no team");
            }
            if (!siteOffices.contains(office)) {
                throw new IllegalArgumentException("field office " + office + " has units but no staging site");
            }
        }
    }

    /** The days of the window, in order. */
    public List<LocalDate> days() {
        return firstDay.datesUntil(lastDay.plusDays(1)).toList();
    }

    public ScheduleInput withLimits(SolverLimits newLimits) {
        return new ScheduleInput(firstDay, lastDay, slots, units, teams, sites, preferences, newLimits);
    }

    public ScheduleInput withUnits(List<UnitToPlace> newUnits) {
        return new ScheduleInput(firstDay, lastDay, slots, newUnits, teams, sites, preferences, limits);
    }

    public ScheduleInput withSites(List<StagingSite> newSites) {
        return new ScheduleInput(firstDay, lastDay, slots, units, teams, newSites, preferences, limits);
    }

    public ScheduleInput withPreferences(Preferences newPreferences) {
        return new ScheduleInput(firstDay, lastDay, slots, units, teams, sites, newPreferences, limits);
    }
}
