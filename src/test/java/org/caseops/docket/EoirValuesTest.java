package org.caseops.docket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Every date form EOIR's releases write (docs/formats.md), read without a database. */
class EoirValuesTest {

    @Test
    void reads_every_date_form_of_the_release() throws Exception {
        for (String form : new String[] {"2019-02-11", "2019-02-11 00:00:00.000", "2019-02-11 10:43:03.530",
                "2019-02-11T08:30", "2019-02-11 08:30:00", "02/11/2019", "2/11/2019", "2/11/2019 0:00",
                "2/11/2019 12:00:00 AM", " 2019-02-11 00:00:00.000 "}) {
            assertThat(EoirValues.date(form)).as(form).isEqualTo("2019-02-11");
        }
    }

    @Test
    void refuses_what_is_not_a_date_with_a_reason() throws Exception {
        assertThatThrownBy(() -> EoirValues.date("2019-02-30")).hasMessageContaining("no such date");
        assertThatThrownBy(() -> EoirValues.date("11/2004")).hasMessageContaining("a month without a day");
        assertThatThrownBy(() -> EoirValues.date("2019-02-11 garbage")).hasMessageContaining("not a date");
        assertThatThrownBy(() -> EoirValues.date("maybe")).hasMessageContaining("not a date");
        assertThatThrownBy(() -> EoirValues.date("3019-02-11")).hasMessageContaining("implausible year");
        for (String noTime : new String[] {"2019-06-15T25:00", "2019-06-15 23:60:00", "2019-06-15 10:00:61",
                "6/15/2019 13:00:00 PM", "6/15/2019 0:00 AM"}) {
            assertThatThrownBy(() -> EoirValues.date(noTime)).as(noTime).hasMessageContaining("not a date");
        }
        assertThat(EoirValues.date("2019-06-15 23:59:59.999")).isEqualTo("2019-06-15");
        assertThat(EoirValues.date("6/15/2019 12:30 PM")).isEqualTo("2019-06-15");
    }

    @Test
    void a_birth_date_keeps_the_precision_eoir_gives() throws Exception {
        EoirValues.MonthDate month = EoirValues.monthDate("11/2004");
        assertThat(month.year()).isEqualTo(2004);
        assertThat(month.month()).isEqualTo(11);
        assertThat(month.day()).as("no day is invented").isNull();
        assertThat(month.precision()).isEqualTo("MONTH");
        assertThat(EoirValues.monthDate("1/2002").month()).isEqualTo(1);
        assertThat(EoirValues.monthDate("2004-11").precision()).isEqualTo("MONTH");
        assertThat(EoirValues.monthDate("2004").precision()).isEqualTo("YEAR");
        EoirValues.MonthDate day = EoirValues.monthDate("2004-11-05 00:00:00.000");
        assertThat(day.day()).isEqualTo(LocalDate.of(2004, 11, 5));
        assertThat(day.precision()).isEqualTo("DAY");
        assertThatThrownBy(() -> EoirValues.monthDate("13/2004")).hasMessageContaining("no such month");
        assertThatThrownBy(() -> EoirValues.monthDate("11/04")).hasMessageContaining("not a birth date");
    }

    @Test
    void codes_and_counts_keep_their_digits() throws Exception {
        assertThat(EoirValues.integer("2")).isEqualTo("2");
        assertThat(EoirValues.id("1001.0")).isEqualTo("1001");
        assertThatThrownBy(() -> EoirValues.integer("-1")).hasMessageContaining("not a whole number");
    }
}
