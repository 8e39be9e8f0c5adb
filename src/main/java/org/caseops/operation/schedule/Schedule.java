package org.caseops.operation.schedule;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/** The planning solution: the slots, teams and sites (problem facts) and one {@link Visit} per unit. */
@PlanningSolution
final class Schedule {

    @ProblemFactCollectionProperty
    private List<TimeSlot> slots;
    @ProblemFactCollectionProperty
    private List<TeamFact> teams;
    @ProblemFactCollectionProperty
    private List<SiteFact> sites;
    @PlanningEntityCollectionProperty
    private List<Visit> visits;
    /** The soft weights of {@link Preferences}; the hard constraints keep weight 1. */
    private ConstraintWeightOverrides<HardSoftLongScore> constraintWeightOverrides;
    @PlanningScore
    private HardSoftLongScore score;

    /** For Timefold's solution cloner. */
    Schedule() {
    }

    Schedule(List<TimeSlot> slots, List<TeamFact> teams, List<SiteFact> sites, List<Visit> visits,
             ConstraintWeightOverrides<HardSoftLongScore> constraintWeightOverrides) {
        this.slots = slots;
        this.teams = teams;
        this.sites = sites;
        this.visits = visits;
        this.constraintWeightOverrides = constraintWeightOverrides;
    }

    List<TimeSlot> slots() {
        return slots;
    }

    List<TeamFact> teams() {
        return teams;
    }

    List<SiteFact> sites() {
        return sites;
    }

    List<Visit> visits() {
        return visits;
    }

    ConstraintWeightOverrides<HardSoftLongScore> constraintWeightOverrides() {
        return constraintWeightOverrides;
    }

    HardSoftLongScore score() {
        return score;
    }

    Visit visit(long unitId) {
        return visits.stream().filter(v -> v.unitId() == unitId).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no unit " + unitId));
    }

    TimeSlot slot(LocalDate date, LocalTime start) {
        return slots.stream().filter(s -> s.date().equals(date) && s.start().equals(start)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no slot at " + date + " " + start));
    }

    TeamFact team(String teamId) {
        return teams.stream().filter(t -> t.id().equals(teamId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no team " + teamId));
    }

    SiteFact site(String siteId) {
        return sites.stream().filter(s -> s.id().equals(siteId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no site " + siteId));
    }
}
