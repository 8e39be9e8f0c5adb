package org.caseops.operation.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseops.operation.schedule.AnOperation.MON;
import static org.caseops.operation.schedule.AnOperation.TUE;
import static org.caseops.operation.schedule.AnOperation.aSite;
import static org.caseops.operation.schedule.AnOperation.aTeam;
import static org.caseops.operation.schedule.AnOperation.aUnit;
import static org.caseops.operation.schedule.AnOperation.anOperation;

import java.time.LocalTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GreedySchedulerTest {

    @BeforeAll
    static void quiet() {
        AnOperation.quietTimefold();
    }

    @Test
    void places_the_unit_with_the_fewest_allowed_days_first() {
        // One slot a day and one team: unit 2 may only be visited on Monday, so it must get Monday's slot.
        ScheduleInput input = anOperation().window(MON, TUE)
                .grid(SlotGrid.hourly(LocalTime.of(6, 0), LocalTime.of(7, 0)))
                .with(aUnit(1)).with(aUnit(2).withMemberExecutableOnlyOn(MON))
                .input();

        ScheduleResult result = GreedyScheduler.schedule(input);

        assertThat(result.feasible()).isTrue();
        assertThat(result.assignmentOf(2)).hasValueSatisfying(a -> assertThat(a.date()).isEqualTo(MON));
        assertThat(result.assignmentOf(1)).hasValueSatisfying(a -> assertThat(a.date()).isEqualTo(TUE));
    }

    @Test
    void takes_the_first_slot_team_and_site_that_break_no_hard_constraint() {
        ScheduleInput input = anOperation().window(MON, TUE)
                .with(aUnit(1)).with(aUnit(2))
                .with(aTeam("T1").shift(TUE, "10:00", "12:00")).with(aTeam("T2").shift(MON, "14:00", "16:00"))
                .with(aSite("S1").rooms(0)).with(aSite("S2"))
                .input();

        ScheduleResult result = GreedyScheduler.schedule(input);

        assertThat(result.feasible()).isTrue();
        assertThat(result.assignments()).extracting(a -> a.date() + " " + a.start() + " " + a.teamId() + " " + a.siteId())
                .containsExactly(MON + " 14:00 T2 S2", MON + " 15:00 T2 S2");
    }

    @Test
    void places_every_unit_even_when_it_must_break_a_hard_constraint_and_says_which() {
        ScheduleInput input = anOperation().with(aUnit(1).adults(3)).with(aSite("S1").people(2)).input();

        ScheduleResult result = GreedyScheduler.schedule(input);

        assertThat(result.feasible()).isFalse();
        assertThat(result.assignments()).hasSize(1);
        assertThat(result.timings().firstFeasible()).isNull();
        assertThat(result.hardViolations()).isNotEmpty().allSatisfy(v -> {
            assertThat(v.constraint()).isEqualTo(ScheduleConstraints.SITE_PEOPLE);
            assertThat(v.unitIds()).containsExactly(1L);
        });
    }
}
