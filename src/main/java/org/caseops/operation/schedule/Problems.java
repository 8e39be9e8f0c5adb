package org.caseops.operation.schedule;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns a {@link ScheduleInput} into the planning problem (every visit unassigned). */
final class Problems {

    private Problems() {
    }

    static Schedule build(ScheduleInput input) {
        List<LocalDate> days = input.days();
        List<LocalTime> starts = input.slots().starts();
        List<TimeSlot> slots = new ArrayList<>(days.size() * starts.size());
        for (int d = 0; d < days.size(); d++) {
            LocalDate day = days.get(d);
            for (LocalTime start : starts) {
                LocalTime end = start.plus(input.slots().slotLength());
                List<String> windows = input.preferences().avoidForMinors().stream()
                        .filter(w -> w.overlaps(day, start, end)).map(AvoidWindow::label).toList();
                slots.add(new TimeSlot(slots.size(), d, day, start, end, windows));
            }
        }

        List<TeamFact> teams = new ArrayList<>();
        Map<String, List<TeamFact>> teamsByOffice = new HashMap<>();
        for (Team team : input.teams()) {
            boolean[] onShift = new boolean[slots.size()];
            for (TimeSlot slot : slots) {
                onShift[slot.index()] = team.shifts().stream()
                        .anyMatch(s -> s.covers(slot.date(), slot.start(), slot.end()));
            }
            TeamFact fact = new TeamFact(team, onShift);
            teams.add(fact);
            teamsByOffice.computeIfAbsent(team.fieldOffice(), o -> new ArrayList<>()).add(fact);
        }

        List<SiteFact> sites = new ArrayList<>();
        Map<String, List<SiteFact>> sitesByOffice = new HashMap<>();
        for (StagingSite site : input.sites()) {
            SiteFact fact = new SiteFact(site, slots, input.slots().slotLength());
            sites.add(fact);
            sitesByOffice.computeIfAbsent(site.fieldOffice(), o -> new ArrayList<>()).add(fact);
        }

        // immutable, so that the visits of an office share one list (List.copyOf of an immutable list is that list)
        teamsByOffice.replaceAll((office, list) -> List.copyOf(list));
        sitesByOffice.replaceAll((office, list) -> List.copyOf(list));
        List<Visit> visits = new ArrayList<>(input.units().size());
        Map<String, Visit.SlotRanges> slotRanges = new HashMap<>();
        for (UnitToPlace unit : input.units()) {
            List<TeamFact> officeTeams = teamsByOffice.get(unit.fieldOffice());
            visits.add(new Visit(unit, days, officeTeams, sitesByOffice.get(unit.fieldOffice()),
                    slotRanges.computeIfAbsent(unit.fieldOffice(), o -> new Visit.SlotRanges(slots, officeTeams))));
        }
        return new Schedule(List.copyOf(slots), List.copyOf(teams), List.copyOf(sites), visits,
                weights(input.preferences().weights()));
    }

    static ConstraintWeightOverrides<HardSoftLongScore> weights(SoftWeights w) {
        return ConstraintWeightOverrides.of(Map.of(
                ScheduleConstraints.DAY_LOAD, HardSoftLongScore.ofSoft(w.dayLoad()),
                ScheduleConstraints.TEAM_LOAD, HardSoftLongScore.ofSoft(w.teamLoad()),
                ScheduleConstraints.TRAVEL, HardSoftLongScore.ofSoft(w.travelPerKm()),
                ScheduleConstraints.MINOR_WINDOWS, HardSoftLongScore.ofSoft(w.minorWindow())));
    }
}
