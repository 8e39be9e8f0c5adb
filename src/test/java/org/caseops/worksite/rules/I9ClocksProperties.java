package org.caseops.worksite.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.caseops.legal.rules.BusinessCalendar;

/** The business-day clocks over generated dates from 2000 to 2054. */
class I9ClocksProperties {

    private static final BusinessCalendar FEDERAL = BusinessCalendar.usFederal();

    @Property(tries = 300)
    void a_business_day_deadline_falls_on_a_business_day_and_counts_exactly_its_days(
            @ForAll @IntRange(min = 0, max = 20000) int offset, @ForAll @IntRange(min = 1, max = 30) int days) {
        LocalDate from = LocalDate.of(2000, 1, 1).plusDays(offset);
        LocalDate due = I9Clocks.plusBusinessDays(from, days, FEDERAL);
        assertThat(FEDERAL.isBusinessDay(due)).isTrue();
        long counted = from.plusDays(1).datesUntil(due.plusDays(1)).filter(FEDERAL::isBusinessDay).count();
        assertThat(counted).isEqualTo(days);
    }
}
