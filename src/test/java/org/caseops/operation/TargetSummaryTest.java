package org.caseops.operation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.caseops.operation.Targets.Member;
import org.caseops.operation.Targets.Standing;
import org.junit.jupiter.api.Test;

/** What counsel's re-check reports as changed: a unit's members judged alike, whatever order they are read in. */
class TargetSummaryTest {

    static Member member(long id, String aNumber, Standing standing) {
        return new Member(id, aNumber, "Given", "Family", "LEAD", false, false, standing,
                standing == Standing.TARGET ? List.of(LocalDate.of(2019, 6, 24)) : List.of(),
                standing == Standing.TARGET ? List.of() : List.of("OWN_CASE"), null);
    }

    @Test
    void the_same_members_in_another_order_are_no_change() {
        Member mother = member(1, "990000001", Standing.TARGET);
        Member son = member(2, null, Standing.NOT_A_TARGET);
        assertThat(Targets.summary(List.of(mother, son))).isEqualTo(Targets.summary(List.of(son, mother)));
    }

    @Test
    void a_member_whose_standing_changed_is_a_change() {
        assertThat(Targets.summary(List.of(member(1, "990000001", Standing.TARGET))))
                .isNotEqualTo(Targets.summary(List.of(member(1, "990000001", Standing.NOT_A_TARGET))));
    }
}
