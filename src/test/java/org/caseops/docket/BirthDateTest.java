package org.caseops.docket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Ages from a birth date known to the day, the month or the year; minority on any day the record allows. */
class BirthDateTest {

    private static final BirthDate NOVEMBER_2004 = BirthDate.ofMonth(2004, 11);

    @Test
    void a_month_stands_for_every_day_of_it() {
        assertThat(NOVEMBER_2004.earliest()).isEqualTo(LocalDate.of(2004, 11, 1));
        assertThat(NOVEMBER_2004.latest()).isEqualTo(LocalDate.of(2004, 11, 30));
        assertThat(BirthDate.ofMonth(2004, 2).latest()).isEqualTo(LocalDate.of(2004, 2, 29));
        assertThat(BirthDate.ofYear(2004).latest()).isEqualTo(LocalDate.of(2004, 12, 31));
        assertThat(NOVEMBER_2004).hasToString("2004-11");
        assertThat(BirthDate.of(LocalDate.of(2004, 11, 5))).hasToString("2004-11-05");
        assertThat(BirthDate.ofYear(2004)).hasToString("2004");
    }

    @Test
    void the_age_is_a_range_in_the_birth_months_anniversary() {
        assertThat(NOVEMBER_2004.ageText(LocalDate.of(2022, 10, 31))).isEqualTo("17");
        assertThat(NOVEMBER_2004.ageText(LocalDate.of(2022, 11, 1))).isEqualTo("17\u201318");
        assertThat(NOVEMBER_2004.ageText(LocalDate.of(2022, 11, 29))).isEqualTo("17\u201318");
        assertThat(NOVEMBER_2004.ageText(LocalDate.of(2022, 11, 30))).isEqualTo("18");
        assertThat(BirthDate.of(LocalDate.of(2004, 11, 17)).ageText(LocalDate.of(2022, 11, 10))).isEqualTo("17");
    }

    @Test
    void could_be_a_minor_on_any_day_of_the_birth_month_counts_as_a_minor() {
        assertThat(NOVEMBER_2004.couldBeUnder(18, LocalDate.of(2022, 11, 29))).isTrue();
        assertThat(NOVEMBER_2004.surelyUnder(18, LocalDate.of(2022, 11, 29))).isFalse();
        assertThat(NOVEMBER_2004.couldBeUnder(18, LocalDate.of(2022, 11, 30))).isFalse();
        assertThat(BirthDate.ofYear(2004).couldBeUnder(18, LocalDate.of(2022, 12, 30))).isTrue();
        assertThat(BirthDate.ofYear(2004).couldBeUnder(18, LocalDate.of(2022, 12, 31))).isFalse();
        assertThat(NOVEMBER_2004.couldBeUnder(18, LocalDate.of(2000, 1, 1))).as("not born yet").isTrue();
    }

    @Test
    void is_read_from_the_case_records_columns() {
        assertThat(BirthDate.fromColumns(2004, 11, null, "MONTH")).isEqualTo(NOVEMBER_2004);
        assertThat(BirthDate.fromColumns(2004, 11, LocalDate.of(2004, 11, 5), "DAY").precision())
                .isEqualTo(BirthDate.Precision.DAY);
        assertThat(BirthDate.fromColumns(2004, null, null, "YEAR").precision()).isEqualTo(BirthDate.Precision.YEAR);
        assertThat(BirthDate.fromColumns(null, null, null, null)).isNull();
        assertThatThrownBy(() -> BirthDate.ofMonth(2004, 13)).isInstanceOf(IllegalArgumentException.class);
    }
}
