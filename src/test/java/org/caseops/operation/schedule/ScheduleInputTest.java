package org.caseops.operation.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.caseops.operation.schedule.AnOperation.BAL;
import static org.caseops.operation.schedule.AnOperation.MON;
import static org.caseops.operation.schedule.AnOperation.SUN;
import static org.caseops.operation.schedule.AnOperation.TUE;
import static org.caseops.operation.schedule.AnOperation.aSite;
import static org.caseops.operation.schedule.AnOperation.aTeam;
import static org.caseops.operation.schedule.AnOperation.aUnit;
import static org.caseops.operation.schedule.AnOperation.anOperation;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The input records refuse what cannot be scheduled, saying why. */
class ScheduleInputTest {

    @Test
    void rejects_a_window_that_ends_before_it_starts() {
        assertThatThrownBy(() -> anOperation().window(TUE, MON).input())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before firstDay");
    }

    @Test
    void rejects_a_unit_listed_twice_and_a_person_in_two_units() {
        assertThatThrownBy(() -> anOperation().with(aUnit(1)).with(aUnit(1)).input())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("unit 1 is listed twice");
        ScheduleInput one = anOperation().with(aUnit(1)).input();
        UnitToPlace other = new UnitToPlace(2, "ATL", one.units().get(0).members(), 0, null, null);
        assertThatThrownBy(() -> one.withUnits(List.of(one.units().get(0), other)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("person 100 is a member of more than one unit");
    }

    @Test
    void rejects_a_field_office_with_units_but_no_team_or_no_site() {
        assertThatThrownBy(() -> anOperation().with(aUnit(1).in(BAL)).with(aSite("S1").in(BAL)).input())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("field office BAL has units but no team");
        assertThatThrownBy(() -> anOperation().with(aUnit(1).in(BAL)).with(aTeam("B1").in(BAL)).input())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("field office BAL has units but no staging site");
    }

    @Test
    void rejects_a_unit_without_members() {
        assertThatThrownBy(() -> new UnitToPlace(7, "ATL", List.of(), 0, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unit 7 has no member");
    }

    @Test
    void rejects_shifts_windows_and_slot_grids_that_end_before_they_start() {
        assertThatThrownBy(() -> new Shift(MON, LocalTime.of(16, 0), LocalTime.of(6, 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must start before it ends");
        assertThatThrownBy(() -> new AvoidWindow("school", AvoidWindow.WEEKDAYS, LocalTime.NOON, LocalTime.NOON))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'school' must start before it ends");
        assertThatThrownBy(() -> new SlotGrid(LocalTime.of(6, 0), LocalTime.of(6, 30), Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no slot of 60 minutes fits");
    }

    @Test
    void rejects_a_staging_site_without_departures_or_with_negative_capacity() {
        assertThatThrownBy(() -> new StagingSite("S", "ATL", StagingKind.HOTEL, 10, 2, Duration.ofHours(4), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("staging site S has no departure time");
        assertThatThrownBy(() -> new StagingSite("S", "ATL", StagingKind.HOTEL, -1, 2, Duration.ofHours(4),
                List.of(LocalTime.NOON)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be >= 0");
    }

    @Test
    void the_slot_grid_fits_whole_slots_between_first_start_and_day_end() {
        assertThat(SlotGrid.DEFAULT.starts()).hasSize(14).startsWith(LocalTime.of(6, 0)).endsWith(LocalTime.of(19, 0));
        assertThat(new SlotGrid(LocalTime.of(6, 0), LocalTime.of(7, 45), Duration.ofMinutes(30)).starts())
                .containsExactly(LocalTime.of(6, 0), LocalTime.of(6, 30), LocalTime.of(7, 0));
    }

    @Test
    void a_unit_is_held_until_the_first_departure_after_one_slot_of_processing_or_the_next_days_first() {
        StagingSite site = new StagingSite("S", "ATL", StagingKind.FIELD_OFFICE, 10, 2, Duration.ofHours(12),
                List.of(LocalTime.of(18, 0), LocalTime.of(10, 0), LocalTime.of(14, 0)));
        Duration hour = Duration.ofHours(1);
        assertThat(site.departures()).containsExactly(LocalTime.of(10, 0), LocalTime.of(14, 0), LocalTime.of(18, 0));
        assertThat(site.departureFor(MON.atTime(8, 0), hour)).isEqualTo(MON.atTime(10, 0));
        assertThat(site.departureFor(MON.atTime(9, 0), hour)).isEqualTo(MON.atTime(10, 0));
        assertThat(site.departureFor(MON.atTime(9, 30), hour)).isEqualTo(MON.atTime(14, 0));
        assertThat(site.departureFor(MON.atTime(17, 30), hour)).isEqualTo(TUE.atTime(10, 0));
        assertThat(site.departureFor(LocalDateTime.of(SUN, LocalTime.of(23, 30)), hour)).isEqualTo(MON.atTime(10, 0));
    }

    @Test
    void members_and_approvals_are_copied_so_the_input_cannot_change_under_the_solver() {
        Set<LocalDate> days = new java.util.HashSet<>(Set.of(MON));
        Member m = new Member(1, false, days);
        days.add(TUE);
        assertThat(m.executableDays()).containsExactly(MON);
        assertThat(new UnitToPlace(1, "ATL", List.of(m), 0, null, null).needsProtectedAreaApproval()).isFalse();
        assertThat(new UnitToPlace(1, "ATL", List.of(m), 0, null, Set.of()).approvedOn(MON)).isFalse();
    }

    @Test
    void distances_are_great_circle_kilometres() {
        GeoPoint atlanta = new GeoPoint(33.749, -84.388);
        GeoPoint baltimore = new GeoPoint(39.290, -76.612);
        assertThat(atlanta.kilometresTo(baltimore)).isBetween(920.0, 940.0);
        assertThat(atlanta.kilometresTo(atlanta)).isZero();
        assertThatThrownBy(() -> new GeoPoint(91, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
