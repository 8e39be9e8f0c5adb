package org.caseops.worksite.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.caseops.worksite.rules.FineCalculator.Adjustment;
import org.caseops.worksite.rules.FineCalculator.Fine;
import org.caseops.worksite.rules.FineCalculator.Input;

/** Properties of the fine calculator over generated inspections and factor weightings. */
class FineCalculatorProperties {

    private static final List<PenaltySchedule> SCHEDULES = FineCalculatorTest.SCHEDULES;

    @Provide
    Arbitrary<List<Direction>> directions() {
        return Arbitraries.of(Direction.class).list().ofSize(Factor.values().length);
    }

    private static List<Adjustment> adjust(List<Direction> directions) {
        List<Adjustment> list = new ArrayList<>();
        for (Factor f : Factor.values()) {
            list.add(new Adjustment(f, directions.get(f.ordinal()), "generated justification for " + f));
        }
        return list;
    }

    private static Fine fine(int forms, int violations, List<Direction> directions) {
        return FineCalculator.compute(new Input(LocalDate.of(2025, 9, 15), forms, Math.min(violations, forms),
                adjust(directions)), SCHEDULES);
    }

    @Property(tries = 300)
    void the_amount_per_violation_is_always_within_the_schedule(@ForAll @IntRange(min = 1, max = 5000) int forms,
            @ForAll @IntRange(min = 0, max = 5000) int violations, @ForAll("directions") List<Direction> directions) {
        Fine fine = fine(forms, violations, directions);
        assertThat(fine.perViolation()).isBetween(fine.schedule().min(), fine.schedule().max());
        assertThat(fine.total()).isEqualByComparingTo(fine.perViolation().multiply(
                java.math.BigDecimal.valueOf(fine.violations())));
    }

    @Property(tries = 300)
    void turning_a_factor_from_mitigating_to_aggravating_never_lowers_the_fine(
            @ForAll @IntRange(min = 1, max = 2000) int forms, @ForAll @IntRange(min = 0, max = 2000) int violations,
            @ForAll("directions") List<Direction> directions, @ForAll Factor factor) {
        List<Direction> low = new ArrayList<>(directions);
        low.set(factor.ordinal(), Direction.MITIGATING);
        List<Direction> high = new ArrayList<>(directions);
        high.set(factor.ordinal(), Direction.AGGRAVATING);
        assertThat(fine(forms, violations, high).perViolation())
                .isGreaterThanOrEqualTo(fine(forms, violations, low).perViolation());
    }

    @Property(tries = 300)
    void a_higher_error_rate_never_lowers_the_amount_per_violation(@ForAll @IntRange(min = 1, max = 2000) int forms,
            @ForAll @IntRange(min = 0, max = 2000) int a, @ForAll @IntRange(min = 0, max = 2000) int b,
            @ForAll("directions") List<Direction> directions) {
        int fewer = Math.min(Math.min(a, b), forms);
        int more = Math.min(Math.max(a, b), forms);
        assertThat(fine(forms, more, directions).perViolation())
                .isGreaterThanOrEqualTo(fine(forms, fewer, directions).perViolation());
    }
}
