package org.caseops.worksite.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.caseops.worksite.rules.FineCalculator.Adjustment;
import org.caseops.worksite.rules.FineCalculator.Bound;
import org.caseops.worksite.rules.FineCalculator.Fine;
import org.caseops.worksite.rules.FineCalculator.Input;
import org.caseops.worksite.rules.FineCalculator.InvalidInput;
import org.junit.jupiter.api.Test;

/**
 * The fine calculator on worked examples: the band of the error rate, each factor's direction, the schedule by the
 * notice's date, the bounds held. The schedules are the 2024 and 2025 rows of V100 (28 CFR 85.5) with their bands.
 */
class FineCalculatorTest {

    static final PenaltySchedule S2024 = schedule(7, "2024-02-12", 281, 2789);
    static final PenaltySchedule S2025 = schedule(8, "2025-07-03", 288, 2861);
    static final List<PenaltySchedule> SCHEDULES = List.of(S2024, S2025);

    /** As V100 builds the bands: ICE's 2009 first-offense matrix placed at the same positions of the range. */
    static PenaltySchedule schedule(int id, String after, int min, int max) {
        List<PenaltySchedule.Band> bands = new ArrayList<>();
        int[][] matrix = {{0, 110}, {10, 275}, {20, 410}, {30, 550}, {40, 700}, {50, 935}};
        for (int[] b : matrix) {
            BigDecimal amount = BigDecimal.valueOf(min + (b[1] - 110) / 990.0 * (max - min))
                    .setScale(0, java.math.RoundingMode.HALF_UP);
            bands.add(new PenaltySchedule.Band(b[0], amount));
        }
        return new PenaltySchedule(id, LocalDate.parse(after), BigDecimal.valueOf(min), BigDecimal.valueOf(max),
                "28 CFR 85.5", bands);
    }

    static List<Adjustment> factors(Direction size, Direction goodFaith, Direction seriousness,
            Direction unauthorized, Direction history) {
        return List.of(new Adjustment(Factor.SIZE_OF_BUSINESS, size, "a meat packer with 40 employees"),
                new Adjustment(Factor.GOOD_FAITH, goodFaith, "kept its forms and corrected what it could"),
                new Adjustment(Factor.SERIOUSNESS, seriousness, "section 2 never completed on most forms"),
                new Adjustment(Factor.UNAUTHORIZED_WORKERS, unauthorized, "no worker found unauthorized"),
                new Adjustment(Factor.HISTORY, history, "no prior inspection or notice on record"));
    }

    static List<Adjustment> all(Direction d) {
        return factors(d, d, d, d, d);
    }

    static Fine compute(String date, int forms, int violations, List<Adjustment> adjustments) {
        return FineCalculator.compute(new Input(LocalDate.parse(date), forms, violations, adjustments), SCHEDULES);
    }

    @Test
    void the_bands_of_the_2025_schedule_are_placed_like_the_2009_matrix() {
        assertThat(S2025.bands()).extracting(b -> b.baseAmount().intValue())
                .containsExactly(288, 717, 1068, 1432, 1821, 2432);
    }

    @Test
    void thirty_five_violations_of_a_hundred_forms_small_and_in_good_faith_but_serious() {
        Fine fine = compute("2025-09-15", 100, 35, factors(Direction.MITIGATING, Direction.MITIGATING,
                Direction.AGGRAVATING, Direction.NEUTRAL, Direction.NEUTRAL));

        assertThat(fine.schedule().id()).isEqualTo(8);
        assertThat(fine.errorRatePercent()).isEqualByComparingTo("35.00");
        assertThat(fine.band().fromRatePercent()).isEqualTo(30);
        assertThat(fine.band().baseAmount()).isEqualByComparingTo("1432");
        assertThat(fine.adjustmentPercent()).isEqualTo(-5);
        assertThat(fine.perViolation()).isEqualByComparingTo("1360.40");
        assertThat(fine.bound()).isEqualTo(Bound.WITHIN);
        assertThat(fine.total()).isEqualByComparingTo("47614.00");
    }

    @Test
    void each_factor_moves_the_amount_five_percent_its_own_way() {
        BigDecimal neutral = compute("2025-09-15", 100, 35, all(Direction.NEUTRAL)).perViolation();
        assertThat(neutral).isEqualByComparingTo("1432.00");
        for (Factor factor : Factor.values()) {
            for (Direction d : List.of(Direction.AGGRAVATING, Direction.MITIGATING)) {
                List<Adjustment> one = all(Direction.NEUTRAL).stream()
                        .map(a -> a.factor() == factor ? new Adjustment(factor, d, a.justification()) : a).toList();
                BigDecimal amount = compute("2025-09-15", 100, 35, one).perViolation();
                assertThat(amount).as(factor + " " + d)
                        .isEqualByComparingTo(d == Direction.AGGRAVATING ? "1503.60" : "1360.40");
            }
        }
    }

    @Test
    void a_low_rate_with_every_factor_mitigating_is_raised_to_the_statutory_minimum() {
        Fine fine = compute("2025-09-15", 200, 2, all(Direction.MITIGATING));

        assertThat(fine.unbounded()).isEqualByComparingTo("216.00");
        assertThat(fine.perViolation()).isEqualByComparingTo("288.00");
        assertThat(fine.bound()).isEqualTo(Bound.RAISED_TO_MINIMUM);
        assertThat(fine.total()).isEqualByComparingTo("576.00");
    }

    @Test
    void a_high_rate_with_every_factor_aggravating_is_lowered_to_the_statutory_maximum() {
        Fine fine = compute("2025-09-15", 10, 9, all(Direction.AGGRAVATING));

        assertThat(fine.band().fromRatePercent()).isEqualTo(50);
        assertThat(fine.unbounded()).isEqualByComparingTo("3040.00");
        assertThat(fine.perViolation()).isEqualByComparingTo("2861.00");
        assertThat(fine.bound()).isEqualTo(Bound.LOWERED_TO_MAXIMUM);
        assertThat(fine.total()).isEqualByComparingTo("25749.00");
    }

    @Test
    void the_schedule_is_the_one_in_force_on_the_notice_date() {
        // 28 CFR 85.5(a): the 2025 amounts apply to penalties assessed after 3 July 2025
        assertThat(compute("2025-07-03", 10, 9, all(Direction.AGGRAVATING)).perViolation())
                .isEqualByComparingTo("2789.00");
        assertThat(compute("2025-07-04", 10, 9, all(Direction.AGGRAVATING)).perViolation())
                .isEqualByComparingTo("2861.00");
        assertThat(compute("2024-02-13", 200, 2, all(Direction.MITIGATING)).perViolation())
                .isEqualByComparingTo("281.00");
    }

    @Test
    void a_notice_before_any_schedule_is_refused_naming_the_date() {
        assertThatThrownBy(() -> compute("2024-02-12", 10, 1, all(Direction.NEUTRAL)))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("2024-02-12")
                .extracting(e -> ((InvalidInput) e).field()).isEqualTo("noticeDate");
    }

    @Test
    void every_factor_is_weighed_once_with_a_written_justification() {
        List<Adjustment> four = all(Direction.NEUTRAL).subList(0, 4);
        assertThatThrownBy(() -> compute("2025-09-15", 10, 1, four)).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("HISTORY");
        List<Adjustment> unjustified = new ArrayList<>(all(Direction.NEUTRAL));
        unjustified.set(1, new Adjustment(Factor.GOOD_FAITH, Direction.MITIGATING, "  ok "));
        assertThatThrownBy(() -> compute("2025-09-15", 10, 1, unjustified)).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("GOOD_FAITH").hasMessageContaining("justification");
        List<Adjustment> twice = new ArrayList<>(all(Direction.NEUTRAL));
        twice.set(4, new Adjustment(Factor.SIZE_OF_BUSINESS, Direction.NEUTRAL, "size counted a second time"));
        assertThatThrownBy(() -> compute("2025-09-15", 10, 1, twice)).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("twice");
    }

    @Test
    void violations_are_between_none_and_the_forms_reviewed() {
        assertThatThrownBy(() -> compute("2025-09-15", 10, 11, all(Direction.NEUTRAL)))
                .extracting(e -> ((InvalidInput) e).field()).isEqualTo("violations");
        assertThatThrownBy(() -> compute("2025-09-15", 0, 0, all(Direction.NEUTRAL)))
                .extracting(e -> ((InvalidInput) e).field()).isEqualTo("formsReviewed");
    }
}
