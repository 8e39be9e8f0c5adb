package org.caseops.operation.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseops.operation.schedule.AnOperation.MON;
import static org.caseops.operation.schedule.AnOperation.SUN;
import static org.caseops.operation.schedule.AnOperation.TUE;
import static org.caseops.operation.schedule.AnOperation.aSite;
import static org.caseops.operation.schedule.AnOperation.aUnit;
import static org.caseops.operation.schedule.AnOperation.anOperation;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScheduleSolverTest {

    private static final SolverLimits SHORT = SolverLimits.of(Duration.ofSeconds(4), Duration.ofSeconds(2));

    @BeforeAll
    static void quiet() {
        AnOperation.quietTimefold();
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12})
    void solves_a_small_synthetic_operation_placing_every_unit_without_breaking_a_hard_constraint(long seed) {
        ScheduleInput input = SyntheticSchedules.problem(seed, 60, 3, SHORT);

        ScheduleResult solved = ScheduleSolver.solve(input);

        assertThat(solved.hardViolations()).isEmpty();
        assertThat(solved.hardScore()).isZero();
        assertThat(solved.feasible()).isTrue();
        assertThat(solved.score()).startsWith("0hard/");
        assertThat(solved.unassignedUnitIds()).isEmpty();
        assertThat(solved.assignments()).extracting(Assignment::unitId)
                .containsExactlyInAnyOrderElementsOf(input.units().stream().map(UnitToPlace::unitId).toList());
        Map<Long, UnitToPlace> units = input.units().stream()
                .collect(Collectors.toMap(UnitToPlace::unitId, Function.identity()));
        Map<String, Team> teams = input.teams().stream().collect(Collectors.toMap(Team::teamId, Function.identity()));
        Map<String, StagingSite> sites = input.sites().stream()
                .collect(Collectors.toMap(StagingSite::siteId, Function.identity()));
        for (Assignment a : solved.assignments()) {
            UnitToPlace unit = units.get(a.unitId());
            assertThat(teams.get(a.teamId()).fieldOffice()).isEqualTo(unit.fieldOffice());
            assertThat(sites.get(a.siteId()).fieldOffice()).isEqualTo(unit.fieldOffice());
            assertThat(unit.allExecutableOn(a.date())).isTrue();
            assertThat(unit.approvedOn(a.date())).isTrue();
        }
        assertThat(solved.timings().firstFeasible()).isNotNull().isLessThanOrEqualTo(solved.timings().total());
        assertThat(solved.timings().total()).isLessThan(SHORT.timeLimit().plusSeconds(1));
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12})
    void scores_at_least_as_well_as_the_greedy_baseline(long seed) {
        ScheduleInput input = SyntheticSchedules.problem(seed, 60, 3, SHORT);

        ScheduleResult solved = ScheduleSolver.solve(input);
        ScheduleResult greedy = GreedyScheduler.schedule(input);

        assertThat(solved.scoresAtLeast(greedy))
                .as("solver %s against greedy %s", solved.score(), greedy.score()).isTrue();
    }

    @Test
    void reports_an_infeasible_operation_naming_the_broken_constraints_and_their_units() {
        // The only site holds 2 people and unit 1 has 3. Unit 2's second member is executable on no day of the window.
        ScheduleInput input = anOperation()
                .with(aUnit(1).adults(3)).with(aUnit(2).withMemberExecutableOnlyOn()).with(aUnit(3))
                .with(aSite("S1").people(2).rooms(5))
                .limits(SolverLimits.of(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .input();

        ScheduleResult result = ScheduleSolver.solve(input);

        assertThat(result.feasible()).isFalse();
        assertThat(result.hardScore()).isNegative();
        assertThat(result.timings().firstFeasible()).isNull();
        assertThat(result.assignments()).hasSize(3);
        assertThat(result.hardViolations()).anySatisfy(v -> {
            assertThat(v.constraint()).isEqualTo(ScheduleConstraints.SITE_PEOPLE);
            assertThat(v.level()).isEqualTo(Violation.Level.HARD);
            assertThat(v.unitIds()).containsExactly(1L);
            assertThat(v.justification()).contains("site S1").contains("holds 3 people").contains("capacity of 2");
        });
        assertThat(result.hardViolations()).anySatisfy(v -> {
            assertThat(v.constraint()).isEqualTo(ScheduleConstraints.EXECUTABLE);
            assertThat(v.unitIds()).containsExactly(2L);
            assertThat(v.penalty()).isEqualTo(1);
            assertThat(v.justification()).contains("person(s) 201").contains("not executable");
        });
        assertThat(result.hardViolations()).allSatisfy(v -> assertThat(v.unitIds()).doesNotContain(3L));
        assertThat(result.violations().get(0).hard()).isTrue();
    }

    @Test
    void places_a_unit_on_the_only_day_it_may_be_visited() {
        ScheduleInput input = anOperation()
                .with(aUnit(1).withMemberExecutableOnlyOn(MON, TUE).needingApprovalOn(SUN, TUE))
                .limits(SolverLimits.of(Duration.ofSeconds(1), Duration.ofMillis(500)))
                .input();

        ScheduleResult result = ScheduleSolver.solve(input);

        assertThat(result.feasible()).isTrue();
        assertThat(result.assignmentOf(1)).hasValueSatisfying(a -> assertThat(a.date()).isEqualTo(TUE));
    }

    @Test
    void visits_a_family_with_a_minor_outside_school_and_day_care_hours_on_weekdays() {
        ScheduleInput input = anOperation().window(MON, TUE).with(aUnit(1).withMinor())
                .limits(SolverLimits.of(Duration.ofSeconds(1), Duration.ofMillis(500)))
                .input();

        ScheduleResult result = ScheduleSolver.solve(input);

        assertThat(result.assignmentOf(1)).hasValueSatisfying(a -> assertThat(a.start())
                .isIn(LocalTime.of(6, 0), LocalTime.of(18, 0), LocalTime.of(19, 0)));
        assertThat(result.violations()).noneMatch(v -> v.constraint().equals(ScheduleConstraints.MINOR_WINDOWS));
    }

    @Test
    void says_when_each_unit_leaves_its_staging_site() {
        ScheduleInput input = anOperation().with(aUnit(1))
                .limits(SolverLimits.of(Duration.ofSeconds(1), Duration.ofMillis(500)))
                .input();

        Assignment a = ScheduleSolver.solve(input).assignmentOf(1).orElseThrow();

        StagingSite site = input.sites().get(0);
        assertThat(a.heldUntil()).isEqualTo(site.departureFor(a.date().atTime(a.start()), Duration.ofHours(1)));
        assertThat(a.end()).isEqualTo(a.start().plusHours(1));
    }

    @Test
    void a_time_limit_too_short_to_place_everyone_lists_the_unplaced_units_and_is_not_feasible() {
        ScheduleInput input = SyntheticSchedules.problem(7, 300, 3, SolverLimits.of(Duration.ofMillis(1), Duration.ofMillis(1)));

        ScheduleResult result = ScheduleSolver.solve(input);

        assertThat(result.unassignedUnitIds()).isNotEmpty();
        assertThat(result.assignments().size() + result.unassignedUnitIds().size()).isEqualTo(300);
        assertThat(result.feasible()).isFalse();
        assertThat(result.timings().firstFeasible()).isNull();
    }

    @Test
    void solves_each_field_office_within_the_time_limit_of_the_whole_operation() {
        ScheduleInput input = SyntheticSchedules.problem(9, 400, 8,
                SolverLimits.of(Duration.ofSeconds(3), Duration.ofSeconds(3)));

        ScheduleResult solved = ScheduleSolver.solve(input);
        ScheduleResult greedy = GreedyScheduler.schedule(input);

        assertThat(solved.feasible()).isTrue();
        assertThat(solved.assignments()).hasSize(400);
        assertThat(solved.timings().constructed()).isNotNull().isLessThanOrEqualTo(solved.timings().total());
        assertThat(solved.timings().firstFeasible()).isNotNull().isLessThanOrEqualTo(solved.timings().total());
        assertThat(solved.timings().total()).isLessThan(Duration.ofMillis(3_800));
        assertThat(solved.softScore()).isGreaterThan(greedy.softScore());
    }

    @Test
    void an_operation_without_units_is_an_empty_feasible_schedule() {
        ScheduleResult result = ScheduleSolver.solve(anOperation().input());

        assertThat(result.feasible()).isTrue();
        assertThat(result.score()).isEqualTo("0hard/0soft");
        assertThat(result.assignments()).isEmpty();
        assertThat(result.violations()).isEmpty();
    }

    @Test
    void lists_soft_costs_after_hard_violations_with_their_units() {
        ScheduleInput input = anOperation().window(MON, MON).with(aUnit(1).withMinor()).with(aUnit(2).withMinor())
                .with(aUnit(3).withMinor()).with(aUnit(4).withMinor())
                .grid(SlotGrid.hourly(LocalTime.of(8, 0), LocalTime.of(12, 0)))
                .limits(SolverLimits.of(Duration.ofSeconds(1), Duration.ofMillis(500)))
                .input();

        ScheduleResult result = ScheduleSolver.solve(input);

        // Four units, one team, four school-and-day-care slots: every visit costs two windows.
        List<Violation> minors = result.violations().stream()
                .filter(v -> v.constraint().equals(ScheduleConstraints.MINOR_WINDOWS)).toList();
        assertThat(minors).hasSize(4).allSatisfy(v -> {
            assertThat(v.level()).isEqualTo(Violation.Level.SOFT);
            assertThat(v.penalty()).isEqualTo(2 * SoftWeights.DEFAULT.minorWindow());
            assertThat(v.unitIds()).hasSize(1);
            assertThat(v.justification()).contains("school and day care hours");
        });
        assertThat(result.violations()).anySatisfy(v -> {
            assertThat(v.constraint()).isEqualTo(ScheduleConstraints.DAY_LOAD);
            assertThat(v.unitIds()).containsExactly(1L, 2L, 3L, 4L);
            assertThat(v.penalty()).isEqualTo(16 * SoftWeights.DEFAULT.dayLoad());
        });
        assertThat(result.softScore()).isEqualTo(-result.violations().stream().mapToLong(Violation::penalty).sum());
    }
}
