package org.caseops.operation.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseops.operation.schedule.AnOperation.MON;
import static org.caseops.operation.schedule.AnOperation.TUE;
import static org.caseops.operation.schedule.AnOperation.aSite;
import static org.caseops.operation.schedule.AnOperation.aUnit;
import static org.caseops.operation.schedule.AnOperation.anOperation;
import static org.caseops.operation.schedule.AnOperation.northOfAtlanta;

import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The construction heuristic keeps the same costs as the constraints, and builds what they call good schedules. */
class ConstructionTest {

    private static final SolutionManager<Schedule, HardSoftLongScore> SCORE =
            SolutionManager.create(ScheduleSolver.factory());

    @ParameterizedTest(name = "seed {0}, {1} units, {2} offices")
    @CsvSource({"7, 711, 10", "8, 300, 3", "11, 60, 1", "12, 900, 25"})
    void its_running_totals_are_the_score_timefold_gives_what_it_built(long seed, int units, int offices) {
        Schedule schedule = Problems.build(SyntheticSchedules.problem(seed, units, offices));

        Construction construction = construct(schedule);

        assertThat(schedule.visits()).allMatch(Visit::assigned);
        HardSoftLongScore score = SCORE.update(schedule);
        assertThat(HardSoftLongScore.of(construction.hardScore(), construction.softScore())).isEqualTo(score);
        assertThat(score.hardScore()).as("synthetic operations are feasible by construction").isZero();
    }

    @Test
    void counts_hard_penalties_as_the_constraints_do_on_an_input_that_cannot_be_met() {
        // one site for 2 people, 3-person unit; a member executable on no day; a unit needing an approval on no day
        Schedule schedule = anOperation()
                .with(aUnit(1).adults(3).at(northOfAtlanta(5))).with(aUnit(2).withMemberExecutableOnlyOn())
                .with(aUnit(3).needingApprovalOn()).with(aUnit(4).withMinor().at(northOfAtlanta(12)))
                .with(aUnit(5).withMemberExecutableOnlyOn(MON, TUE).needingApprovalOn(TUE))
                .with(aSite("S1").people(2).rooms(1).maxHeld(Duration.ofHours(2)))
                .schedule();

        Construction construction = construct(schedule);

        HardSoftLongScore score = SCORE.update(schedule);
        assertThat(score.hardScore()).isNegative();
        assertThat(HardSoftLongScore.of(construction.hardScore(), construction.softScore())).isEqualTo(score);
    }

    @Test
    void gives_each_unit_the_best_place_for_the_score_so_far_spreading_days_and_teams() {
        Schedule schedule = Problems.build(SyntheticSchedules.problem(7, 711, 10));
        Schedule greedy = Problems.build(SyntheticSchedules.problem(7, 711, 10));
        GreedyScheduler.place(greedy);

        construct(schedule);

        assertThat(SCORE.update(schedule).softScore()).isGreaterThan(SCORE.update(greedy).softScore());
    }

    @Test
    void leaves_the_units_it_did_not_reach_before_the_deadline_unassigned() {
        Schedule schedule = Problems.build(SyntheticSchedules.problem(7, 100, 2));
        Construction construction = new Construction(schedule.visits(), schedule.slots().size(), 5,
                SoftWeights.DEFAULT);

        int placed = construction.place(System.nanoTime() - 1);

        assertThat(placed).isZero();
        assertThat(schedule.visits()).noneMatch(Visit::assigned);
    }

    private static Construction construct(Schedule schedule) {
        int days = (int) schedule.slots().stream().map(TimeSlot::dayIndex).distinct().count();
        Construction construction = new Construction(schedule.visits(), schedule.slots().size(), days,
                SoftWeights.DEFAULT);
        construction.place(System.nanoTime() + Duration.ofMinutes(1).toNanos());
        return construction;
    }
}
