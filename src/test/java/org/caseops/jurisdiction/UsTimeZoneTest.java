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
}
