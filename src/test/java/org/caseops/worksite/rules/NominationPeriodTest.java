package org.caseops.worksite.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Periods of the federal fiscal year, which begins on 1 October. */
class NominationPeriodTest {

    @Test
    void quarters_of_the_fiscal_year() {
        NominationPeriod q1 = NominationPeriod.of("QUARTER", LocalDate.of(2019, 10, 15));
        assertThat(q1.label()).isEqualTo("FY2020 Q1");
        assertThat(q1.start()).isEqualTo("2019-10-01");
        assertThat(q1.end()).isEqualTo("2019-12-31");
        NominationPeriod q4 = NominationPeriod.of("QUARTER", LocalDate.of(2020, 9, 30));
        assertThat(q4.label()).isEqualTo("FY2020 Q4");
        assertThat(q4.start()).isEqualTo("2020-07-01");
        assertThat(NominationPeriod.of("QUARTER", LocalDate.of(2020, 1, 1)).label()).isEqualTo("FY2020 Q2");
    }

    @Test
    void the_whole_fiscal_year() {
        NominationPeriod fy = NominationPeriod.of("FISCAL_YEAR", LocalDate.of(2020, 3, 1));
        assertThat(fy.label()).isEqualTo("FY2020");
        assertThat(fy.start()).isEqualTo("2019-10-01");
        assertThat(fy.end()).isEqualTo("2020-09-30");
    }
}
