package org.caseops.jurisdiction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.caseops.legal.LegalDays;
import org.junit.jupiter.api.Test;

/** The zones a visit's time is typed in, and each field office's. */
class UsTimeZoneTest {

    @Test
    void every_field_office_has_its_main_offices_zone_among_those_offered() {
        for (AreaOfResponsibility office : AreaOfResponsibility.values()) {
            assertThat(UsTimeZone.of(office.timeZone().getId())).as(office.code()).isPresent();
        }
        assertThat(UsTimeZone.ofFieldOffice("HOU")).isEqualTo(UsTimeZone.CENTRAL);
        assertThat(UsTimeZone.ofFieldOffice("PHO")).isEqualTo(UsTimeZone.ARIZONA);
        assertThat(UsTimeZone.ofFieldOffice("ELP")).isEqualTo(UsTimeZone.MOUNTAIN);
        assertThat(UsTimeZone.ofFieldOffice("SFR")).isEqualTo(UsTimeZone.PACIFIC);
    }

    @Test
    void the_zones_run_west_to_east_from_the_first_legal_day_to_the_last() {
        List<ZoneId> zones = Arrays.stream(UsTimeZone.values()).map(UsTimeZone::zone).toList();
        assertThat(zones.get(0)).isEqualTo(LegalDays.WESTERNMOST);
        assertThat(zones.get(zones.size() - 1)).isEqualTo(LegalDays.EASTERNMOST);
        java.time.Instant january = java.time.Instant.parse("2019-01-15T00:00:00Z");
        assertThat(zones).extracting(z -> z.getRules().getOffset(january).getTotalSeconds()).isSorted();
        assertThat(UsTimeZone.of("Europe/Paris")).isEmpty();
    }

    @Test
    void a_local_time_is_read_in_its_zone_a_skipped_one_refused_a_repeated_one_the_earlier() {
        assertThat(UsTimeZone.CENTRAL.read("at", "2019-06-24T07:00")).isEqualTo("2019-06-24T12:00:00Z");
        assertThat(UsTimeZone.CHAMORRO.read("at", "2019-06-25T02:00")).isEqualTo("2019-06-24T16:00:00Z");
        assertThat(UsTimeZone.CENTRAL.read("at", "2019-11-03T01:30")).as("01:30 CDT, the first of the two")
                .isEqualTo("2019-11-03T06:30:00Z");
        assertThat(UsTimeZone.ARIZONA.read("at", "2019-03-10T02:30")).as("no daylight saving time in Arizona")
                .isEqualTo("2019-03-10T09:30:00Z");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> UsTimeZone.CENTRAL.read("at", "2019-03-10T02:30"))
                .isInstanceOf(org.caseops.system.BadInput.class).hasMessageContaining("does not exist in the Central")
                .extracting("field").isEqualTo("at");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> UsTimeZone.CENTRAL.read("at", "tomorrow"))
                .isInstanceOf(org.caseops.system.BadInput.class).hasMessageContaining("is not a time");
    }
}
