package org.caseops.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.caseops.legal.rules.BusinessCalendar;
import org.caseops.report.LocatorTimeliness.Change;
import org.junit.jupiter.api.Test;

/** The locator's two business days on constructed cases around weekends and federal holidays. */
class LocatorTimelinessTest {

    static final BusinessCalendar FEDERAL = BusinessCalendar.usFederal();

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void a_change_on_a_friday_is_due_on_tuesday_and_late_on_wednesday() {
        assertThat(LocatorTimeliness.due(d("2019-06-28"), FEDERAL)).isEqualTo(d("2019-07-02"));
        assertThat(LocatorTimeliness.late(new Change(d("2019-06-28"), d("2019-07-02")), FEDERAL)).isFalse();
        assertThat(LocatorTimeliness.late(new Change(d("2019-06-28"), d("2019-07-03")), FEDERAL)).isTrue();
    }

    @Test
    void a_change_on_a_saturday_counts_from_monday() {
        assertThat(LocatorTimeliness.due(d("2019-06-29"), FEDERAL)).isEqualTo(d("2019-07-02"));
        assertThat(LocatorTimeliness.late(new Change(d("2019-06-29"), d("2019-06-30")), FEDERAL)).isFalse();
    }

    @Test
    void a_change_recorded_on_the_weekend_after_its_due_day_is_late() {
        // Wednesday 26 June 2019 is due on Friday the 28th; recorded on Saturday the 29th, when only Thursday and
        // Friday (two business days) had passed, it still reached the locator after its due day
        assertThat(LocatorTimeliness.due(d("2019-06-26"), FEDERAL)).isEqualTo(d("2019-06-28"));
        assertThat(LocatorTimeliness.late(new Change(d("2019-06-26"), d("2019-06-29")), FEDERAL)).isTrue();
        assertThat(LocatorTimeliness.late(new Change(d("2019-06-26"), d("2019-06-28")), FEDERAL)).isFalse();
    }

    @Test
    void independence_day_does_not_count() {
        // Wednesday 3 July 2019: Thursday the 4th is a holiday, so Friday and Monday are the two days
        assertThat(LocatorTimeliness.due(d("2019-07-03"), FEDERAL)).isEqualTo(d("2019-07-08"));
        assertThat(LocatorTimeliness.late(new Change(d("2019-07-03"), d("2019-07-08")), FEDERAL)).isFalse();
        assertThat(LocatorTimeliness.late(new Change(d("2019-07-03"), d("2019-07-09")), FEDERAL)).isTrue();
        // a change on the holiday itself
        assertThat(LocatorTimeliness.due(d("2019-07-04"), FEDERAL)).isEqualTo(d("2019-07-08"));
    }

    @Test
    void a_holiday_observed_on_a_friday_does_not_count_either() {
        // New Year's Day 2022 fell on a Saturday and was observed on Friday 31 December 2021
        assertThat(LocatorTimeliness.due(d("2021-12-30"), FEDERAL)).isEqualTo(d("2022-01-04"));
        // on plain weekday arithmetic it would have been due on Monday 3 January
        assertThat(LocatorTimeliness.due(d("2021-12-30"), BusinessCalendar.weekendsOnly())).isEqualTo(d("2022-01-03"));
    }

    @Test
    void the_share_late_counts_only_changes_recorded_after_their_due_day() {
        List<Change> changes = List.of(
                new Change(d("2019-06-24"), d("2019-06-24")), // same day
                new Change(d("2019-06-24"), d("2019-06-26")), // due day
                new Change(d("2019-06-24"), d("2019-06-27")), // late
                new Change(d("2019-07-03"), d("2019-07-08"))); // on time across the holiday

        LocatorTimeliness.Share share = LocatorTimeliness.share(changes, FEDERAL);

        assertThat(share.changes()).isEqualTo(4);
        assertThat(share.late()).isEqualTo(1);
        assertThat(share.shareLate()).isEqualTo(0.25);
        assertThat(LocatorTimeliness.share(List.of(), FEDERAL).shareLate()).isZero();
    }
}
