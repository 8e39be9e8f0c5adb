package org.caseops.operation.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A staging site's occupancy by the hour, counted with the solver's holding rule. */
class OccupancyTest {

    private static final StagingSite HOTEL = new StagingSite("1", "HOU", StagingKind.HOTEL, 4, 1, Duration.ofHours(12),
            List.of(LocalTime.NOON, LocalTime.of(18, 0)));

    private static LocalDateTime at(int day, int hour, int minute) {
        return LocalDateTime.of(2019, 6, day, hour, minute);
    }

    @Test
    void each_unit_counts_in_every_clock_hour_from_its_arrival_to_the_next_departure_after_processing() {
        List<Occupancy.Hour> hours = Occupancy.byHour(HOTEL, Duration.ofHours(1), List.of(
                new Occupancy.Arrival(at(23, 6, 0), 3), new Occupancy.Arrival(at(23, 7, 30), 2)));

        // 06:00 + 1 h processing -> leaves at 12:00; 07:30 + 1 h -> 12:00 as well (07:00 is touched)
        assertThat(hours).extracting(Occupancy.Hour::hour).containsExactly(at(23, 6, 0), at(23, 7, 0), at(23, 8, 0),
                at(23, 9, 0), at(23, 10, 0), at(23, 11, 0));
        assertThat(hours.get(0)).isEqualTo(new Occupancy.Hour(at(23, 6, 0), 3, 1));
        assertThat(hours.get(1)).isEqualTo(new Occupancy.Hour(at(23, 7, 0), 5, 2));
        assertThat(hours.get(5)).isEqualTo(new Occupancy.Hour(at(23, 11, 0), 5, 2));
    }

    @Test
    void the_hours_between_two_stays_are_listed_with_nobody_held_and_a_late_arrival_waits_for_the_next_day() {
        List<Occupancy.Hour> hours = Occupancy.byHour(HOTEL, Duration.ofHours(1), List.of(
                new Occupancy.Arrival(at(23, 10, 0), 1), new Occupancy.Arrival(at(23, 19, 0), 2)));

        assertThat(hours.get(0)).isEqualTo(new Occupancy.Hour(at(23, 10, 0), 1, 1));
        assertThat(hours.get(2)).isEqualTo(new Occupancy.Hour(at(23, 12, 0), 0, 0));
        // 19:00 + 1 h: no departure left that day, held until noon the next day
        assertThat(hours.get(hours.size() - 1)).isEqualTo(new Occupancy.Hour(at(24, 11, 0), 2, 1));
        assertThat(Occupancy.byHour(HOTEL, Duration.ofHours(1), List.of())).isEmpty();
    }
}
