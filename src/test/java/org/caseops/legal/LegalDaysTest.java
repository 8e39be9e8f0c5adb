package org.caseops.legal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The days an instant falls on in the United States (8 U.S.C. 1101(a)(38)): Hawaii's to Guam's. */
class LegalDaysTest {

    /** Every time zone of a State or territory of the INA's United States, and UTC. */
    private static final List<ZoneId> UNITED_STATES = List.of("Pacific/Honolulu", "America/Adak", "America/Anchorage",
            "America/Los_Angeles", "America/Phoenix", "America/Boise", "America/Denver", "America/Chicago",
            "America/Indiana/Indianapolis", "America/Detroit", "America/New_York", "America/Puerto_Rico",
            "America/St_Thomas", "Pacific/Guam", "Pacific/Saipan", "UTC").stream().map(ZoneId::of).toList();

    @Test
    void from_10_to_14_utc_an_instant_is_one_day_and_otherwise_two() {
        assertThat(LegalDays.of(Instant.parse("2019-06-24T12:00:00Z"))).hasToString("2019-06-24")
                .satisfies(d -> assertThat(d.oneDay()).isTrue());
        assertThat(LegalDays.of(Instant.parse("2019-06-24T10:00:00Z")).oneDay()).isTrue();
        assertThat(LegalDays.of(Instant.parse("2019-06-24T13:59:59Z")).oneDay()).isTrue();
        assertThat(LegalDays.of(Instant.parse("2019-06-24T09:59:59Z")))
                .isEqualTo(new LegalDays(LocalDate.parse("2019-06-23"), LocalDate.parse("2019-06-24")))
                .hasToString("2019-06-23/2019-06-24");
        assertThat(LegalDays.of(Instant.parse("2019-06-24T14:00:00Z")))
                .isEqualTo(new LegalDays(LocalDate.parse("2019-06-24"), LocalDate.parse("2019-06-25")));
        // 19:00 in Los Angeles on the 23rd is the 24th in UTC: the 23rd is among its days
        assertThat(LegalDays.of(Instant.parse("2019-06-24T02:00:00Z")).first()).isEqualTo("2019-06-23");
    }

    @Test
    void the_ends_keep_their_offsets_all_year_and_no_daylight_saving_time_moves_them() {
        for (String month : List.of("2019-01-15T00:00:00Z", "2019-07-15T00:00:00Z", "2026-03-08T12:00:00Z",
                "2026-11-01T12:00:00Z")) {
            Instant at = Instant.parse(month);
            assertThat(LegalDays.WESTERNMOST.getRules().getOffset(at)).isEqualTo(ZoneOffset.ofHours(-10));
            assertThat(LegalDays.EASTERNMOST.getRules().getOffset(at)).isEqualTo(ZoneOffset.ofHours(10));
        }
    }

    @Test
    void every_day_an_instant_is_somewhere_in_the_united_states_is_among_its_days() {
        Instant start = Instant.parse("2019-01-01T00:00:00Z");
        for (Instant at = start; at.isBefore(start.plus(Duration.ofDays(731))); at = at.plus(Duration.ofMinutes(37))) {
            LegalDays days = LegalDays.of(at);
            for (ZoneId zone : UNITED_STATES) {
                LocalDate there = LocalDate.ofInstant(at, zone);
                assertThat(there).as(at + " in " + zone).isBetween(days.first(), days.last());
            }
        }
    }

    @Test
    void days_more_than_one_apart_or_reversed_are_not_legal_days() {
        assertThatThrownBy(() -> new LegalDays(LocalDate.parse("2019-06-24"), LocalDate.parse("2019-06-23")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LegalDays(LocalDate.parse("2019-06-23"), LocalDate.parse("2019-06-25")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
