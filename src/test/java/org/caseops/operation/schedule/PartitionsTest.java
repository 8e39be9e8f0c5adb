package org.caseops.operation.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** An operation's field offices are independent problems: their scores add up to the operation's. */
class PartitionsTest {

    private static final SolutionManager<Schedule, HardSoftLongScore> SCORE =
            SolutionManager.create(ScheduleSolver.factory());

    @Test
    void one_part_per_field_office_largest_first_with_its_own_teams_and_sites() {
        Schedule problem = Problems.build(SyntheticSchedules.problem(7, 503, 7));

        List<Schedule> parts = Partitions.byFieldOffice(problem);

        assertThat(parts).hasSize(7);
        assertThat(parts).isSortedAccordingTo((a, b) -> Integer.compare(b.visits().size(), a.visits().size()));
        assertThat(parts.stream().mapToInt(p -> p.visits().size()).sum()).isEqualTo(503);
        for (Schedule part : parts) {
            String office = part.visits().get(0).office();
            assertThat(part.visits()).allSatisfy(v -> {
                assertThat(v.office()).isEqualTo(office);
                assertThat(problem.visits()).anySatisfy(w -> assertThat(w).isSameAs(v));
            });
            assertThat(part.teams()).isNotEmpty().allSatisfy(t -> assertThat(t.office()).isEqualTo(office));
            assertThat(part.sites()).isNotEmpty().allSatisfy(s -> assertThat(s.office()).isEqualTo(office));
            assertThat(part.slots()).isSameAs(problem.slots());
        }
    }

    @Test
    void the_scores_of_the_parts_add_up_to_the_score_of_the_whole() {
        Schedule problem = Problems.build(SyntheticSchedules.problem(8, 400, 5));
        GreedyScheduler.place(problem);

        HardSoftLongScore whole = Objects.requireNonNull(SCORE.update(problem));
        HardSoftLongScore sum = Partitions.byFieldOffice(problem).stream().map(SCORE::update)
                .reduce(HardSoftLongScore.ZERO, HardSoftLongScore::add);

        assertThat(sum).isEqualTo(whole);
    }
}
