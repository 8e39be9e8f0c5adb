package org.caseops.operation.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SyntheticSchedulesTest {

    @Test
    void the_same_seed_gives_the_same_input_and_another_seed_another() {
        assertThat(SyntheticSchedules.problem(7, 120, 4)).isEqualTo(SyntheticSchedules.problem(7, 120, 4));
        assertThat(SyntheticSchedules.problem(8, 120, 4)).isNotEqualTo(SyntheticSchedules.problem(7, 120, 4));
    }

    @Test
    void has_the_shape_of_the_family_operation() {
        ScheduleInput input = SyntheticSchedules.problem(7, 711, 10);

        assertThat(input.firstDay()).isEqualTo(LocalDate.of(2019, 6, 23));
        assertThat(input.days()).hasSizeBetween(4, 5);
        assertThat(input.units()).hasSize(711);
        Map<String, Long> perOffice = input.units().stream()
                .collect(Collectors.groupingBy(UnitToPlace::fieldOffice, Collectors.counting()));
        assertThat(perOffice).hasSize(10).allSatisfy((office, n) -> assertThat(n).isBetween(71L, 72L));
        assertThat(input.units()).allSatisfy(u -> assertThat(u.members()).hasSizeBetween(1, 6));
        assertThat(input.units()).anyMatch(UnitToPlace::hasMinor).anyMatch(u -> !u.hasMinor())
                .anyMatch(UnitToPlace::needsProtectedAreaApproval)
                .anyMatch(u -> u.members().stream().anyMatch(m -> m.executableDays().size() < input.days().size()))
                .anyMatch(u -> u.location() == null)
                .anyMatch(u -> u.caredForCount() > 0);
        for (String office : perOffice.keySet()) {
            assertThat(input.teams().stream().filter(t -> t.fieldOffice().equals(office))).hasSizeBetween(2, 5);
            assertThat(input.sites().stream().filter(s -> s.fieldOffice().equals(office))).hasSizeBetween(1, 3);
        }
    }

    @Test
    void every_unit_has_a_day_on_which_it_may_be_visited() {
        ScheduleInput input = SyntheticSchedules.problem(7, 711, 10);

        assertThat(input.units()).allSatisfy(u -> assertThat(input.days())
                .anyMatch(d -> u.allExecutableOn(d) && u.approvedOn(d)));
    }
}
