package org.caseops.legal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class UsFederalCalendarTest {

    private final BusinessCalendar calendar = BusinessCalendar.usFederal();

    @Test
    void independence_day_2019_is_not_a_business_day() {
        assertThat(calendar.isBusinessDay(LocalDate.of(2019, 7, 4))).isFalse();
        assertThat(calendar.onOrNextBusinessDay(LocalDate.of(2019, 7, 4))).isEqualTo(LocalDate.of(2019, 7, 5));
    }

    @Test
    void weekends_run_to_monday() {
        assertThat(calendar.onOrNextBusinessDay(LocalDate.of(2019, 6, 22))).isEqualTo(LocalDate.of(2019, 6, 24));
    }

    @Test
    void a_holiday_on_a_saturday_is_observed_on_friday() {
        // July 4th 2020 was a Saturday: observed Friday July 3rd.
        assertThat(calendar.isBusinessDay(LocalDate.of(2020, 7, 3))).isFalse();
        // New Year's Day 2022 was a Saturday: observed Friday December 31st 2021.
        assertThat(calendar.isBusinessDay(LocalDate.of(2021, 12, 31))).isFalse();
    }

    @Test
    void a_holiday_on_a_sunday_is_observed_on_monday() {
        // Christmas 2022 was a Sunday: observed Monday December 26th.
        assertThat(calendar.onOrNextBusinessDay(LocalDate.of(2022, 12, 25))).isEqualTo(LocalDate.of(2022, 12, 27));
    }

    @Test
    void juneteenth_is_a_holiday_from_2021_only() {
        assertThat(calendar.isBusinessDay(LocalDate.of(2019, 6, 19))).isTrue();
        assertThat(calendar.isBusinessDay(LocalDate.of(2023, 6, 19))).isFalse();
        assertThat(calendar.isBusinessDay(LocalDate.of(2021, 6, 18))).isFalse(); // observed
    }

    @Test
    void columbus_day_and_the_monday_holidays_are_federal_holidays() {
        assertThat(calendar.isBusinessDay(LocalDate.of(2019, 10, 14))).isFalse(); // Columbus Day
        assertThat(calendar.isBusinessDay(LocalDate.of(2019, 1, 21))).isFalse(); // Martin Luther King Jr. Day
        assertThat(calendar.isBusinessDay(LocalDate.of(2019, 2, 18))).isFalse(); // Washington's Birthday
        assertThat(calendar.isBusinessDay(LocalDate.of(2019, 5, 27))).isFalse(); // Memorial Day
        assertThat(calendar.isBusinessDay(LocalDate.of(2019, 9, 2))).isFalse(); // Labor Day
        assertThat(calendar.isBusinessDay(LocalDate.of(2019, 11, 11))).isFalse(); // Veterans Day
        assertThat(calendar.isBusinessDay(LocalDate.of(2019, 11, 28))).isFalse(); // Thanksgiving
        assertThat(calendar.isBusinessDay(LocalDate.of(2019, 12, 25))).isFalse(); // Christmas
        assertThat(calendar.isBusinessDay(LocalDate.of(2019, 6, 21))).isTrue(); // an ordinary Friday
    }
}
