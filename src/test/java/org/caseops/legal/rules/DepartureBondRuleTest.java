package org.caseops.legal.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseops.legal.rules.ADocket.aRespondent;
import static org.caseops.legal.rules.ADocket.on;
import static org.caseops.legal.rules.ADocket.voluntaryDepartureGranted;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The voluntary-departure bond in the gate, 8 CFR 1240.26(c)(3): the bond is posted within 5 business days of the
 * order; if it is not, the voluntary departure order vacates automatically and the alternate order of removal takes
 * effect on the following day. Voluntary departure granted Monday 2019-04-01 at the conclusion of proceedings
 * (appeal reserved: 60 days, to 2019-05-31); the bond is due Monday 2019-04-08.
 */
class DepartureBondRuleTest {

    static final LocalDate GRANTED = on(2019, 4, 1);
    static final LocalDate DUE = on(2019, 4, 8);

    private static ADocket granted(LocalDate postedOn) {
        return aRespondent().withOrder(voluntaryDepartureGranted(GRANTED)).departureBond(GRANTED, DUE, postedOn);
    }

    private static Finding finding(Verdict v, Rule rule) {
        return v.findings().stream().filter(f -> f.ruleId().equals(rule.name())).findFirst().orElseThrow();
    }

    @Test
    void a_bond_not_posted_within_five_business_days_vacates_the_grant_the_following_day() {
        ADocket docket = granted(null);

        Verdict due = docket.asOf(DUE);
        assertThat(due.status()).isEqualTo(Status.NOT_EXECUTABLE);
        Finding running = finding(due, Rule.VOLUNTARY_DEPARTURE);
        assertThat(running.detail()).contains("bond is due by 2019-04-08", "8 CFR 1240.26(c)(3)");
        assertThat(running.until()).as("the verdict may change the day after the due date").contains(on(2019, 4, 9));

        Verdict after = docket.asOf(on(2019, 4, 9));
        Finding vacated = finding(after, Rule.VOLUNTARY_DEPARTURE);
        assertThat(vacated.holds()).as("the departure period no longer stands in the way").isFalse();
        assertThat(vacated.detail()).contains("vacated automatically", "was not posted", "2019-04-09",
                "8 CFR 1240.26(c)(3)");
        assertThat(after.status()).as("the 30-day appeal window of the order still runs").isEqualTo(
                Status.NOT_EXECUTABLE);
        assertThat(after.reason().ruleId()).isNotEqualTo(Rule.VOLUNTARY_DEPARTURE.name());

        Verdict may = docket.asOf(on(2019, 5, 10));
        assertThat(may.status()).as("inside the 60 days, but the grant vacated: the alternate order of removal")
                .isEqualTo(Status.EXECUTABLE);
        assertThat(finding(may, Rule.FINALITY).detail()).contains("vacated on 2019-04-09", "8 CFR 1240.26(c)(3)");
        assertThat(granted(DUE).asOf(on(2019, 5, 10)).status()).as("the same day with the bond posted in time")
                .isEqualTo(Status.NOT_EXECUTABLE);
    }

    @Test
    void a_bond_posted_by_its_due_date_keeps_the_whole_period() {
        ADocket docket = granted(DUE);

        assertThat(docket.asOf(on(2019, 4, 9)).status()).isEqualTo(Status.NOT_EXECUTABLE);
        Verdict last = docket.asOf(on(2019, 5, 31));
        assertThat(last.status()).isEqualTo(Status.NOT_EXECUTABLE);
        assertThat(finding(last, Rule.VOLUNTARY_DEPARTURE).until()).contains(on(2019, 6, 1));
        assertThat(docket.asOf(on(2019, 6, 1)).status()).as("overstayed").isEqualTo(Status.EXECUTABLE);
    }

    @Test
    void a_bond_posted_late_does_not_bring_the_grant_back() {
        Verdict v = granted(on(2019, 4, 10)).asOf(on(2019, 5, 10));

        assertThat(v.status()).isEqualTo(Status.EXECUTABLE);
        assertThat(finding(v, Rule.VOLUNTARY_DEPARTURE).detail()).contains("was posted only on 2019-04-10",
                "took effect on the following day, 2019-04-09");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2019-04-01", "2019-04-05", "2019-04-08"})
    void before_the_due_date_a_bond_not_yet_posted_changes_nothing_but_the_date_the_verdict_may_change(String day) {
        Verdict v = granted(null).asOf(LocalDate.parse(day));
        Verdict posted = granted(DUE).asOf(LocalDate.parse(day));

        assertThat(v.status()).isEqualTo(Status.NOT_EXECUTABLE).isEqualTo(posted.status());
        assertThat(finding(v, Rule.VOLUNTARY_DEPARTURE).until()).contains(on(2019, 4, 9));
    }

    @Test
    void a_bond_recorded_for_an_earlier_grant_does_not_touch_a_later_period() {
        // a bond of an order before the period's start (another grant) is not this period's bond
        ADocket docket = aRespondent().withOrder(voluntaryDepartureGranted(GRANTED))
                .departureBond(on(2019, 3, 1), on(2019, 3, 8), null);

        assertThat(docket.asOf(on(2019, 4, 20)).status()).isEqualTo(Status.NOT_EXECUTABLE);
    }
}
