package org.caseops.operation.schedule;

import static org.caseops.operation.schedule.AnOperation.BAL;
import static org.caseops.operation.schedule.AnOperation.MON;
import static org.caseops.operation.schedule.AnOperation.SUN;
import static org.caseops.operation.schedule.AnOperation.TUE;
import static org.caseops.operation.schedule.AnOperation.aSite;
import static org.caseops.operation.schedule.AnOperation.aTeam;
import static org.caseops.operation.schedule.AnOperation.aUnit;
import static org.caseops.operation.schedule.AnOperation.anOperation;
import static org.caseops.operation.schedule.AnOperation.northOfAtlanta;

import ai.timefold.solver.test.api.score.stream.ConstraintVerifier;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Each constraint on its own (Timefold's ConstraintVerifier): what it penalizes, by how much, and what it leaves. */
class ScheduleConstraintsTest {

    private static final ConstraintVerifier<ScheduleConstraints, Schedule> VERIFY =
            ConstraintVerifier.build(new ScheduleConstraints(), Schedule.class, Visit.class);

    private static Visit place(Schedule s, long unit, LocalDate day, String start, String team, String site) {
        return s.visit(unit).assign(s.slot(day, LocalTime.parse(start)), s.team(team), s.site(site));
    }

    private static Visit place(Schedule s, long unit, LocalDate day, String start) {
        return place(s, unit, day, start, "T1", "S1");
    }

    @Nested
    class TeamOnShiftInTheUnitsFieldOffice {

        private final Schedule s = anOperation().with(aUnit(1)).with(aUnit(2).in(BAL))
                .with(aTeam("T1").shift(MON, "06:30", "16:00"))
                .with(aTeam("B1").in(BAL).shift(MON, "06:00", "20:00"))
                .with(aSite("S1")).with(aSite("BS").in(BAL)).schedule();

        @Test
        void does_not_penalize_a_slot_inside_a_shift() {
            VERIFY.verifyThat(ScheduleConstraints::teamOnShift)
                    .given(place(s, 1, MON, "15:00")).hasNoImpact();
        }

        @Test
        void penalizes_a_slot_after_the_shift() {
            VERIFY.verifyThat(ScheduleConstraints::teamOnShift)
                    .given(place(s, 1, MON, "16:00")).penalizesBy(1);
        }

        @Test
        void penalizes_a_slot_only_partly_inside_the_shift() {
            VERIFY.verifyThat(ScheduleConstraints::teamOnShift)
                    .given(place(s, 1, MON, "06:00")).penalizesBy(1);
        }

        @Test
        void penalizes_a_day_the_team_has_no_shift() {
            VERIFY.verifyThat(ScheduleConstraints::teamOnShift)
                    .given(place(s, 1, TUE, "10:00")).penalizesBy(1);
        }

        @Test
        void penalizes_a_team_of_another_field_office_even_on_shift() {
            VERIFY.verifyThat(ScheduleConstraints::teamOnShift)
                    .given(place(s, 1, MON, "10:00", "B1", "S1")).penalizesBy(1);
        }
    }

    @Nested
    class OneVisitPerTeamPerSlot {

        private final Schedule s = anOperation().with(aUnit(1)).with(aUnit(2)).with(aUnit(3))
                .with(aTeam("T1")).with(aTeam("T2")).schedule();

        @Test
        void penalizes_two_visits_by_one_team_in_one_slot() {
            VERIFY.verifyThat(ScheduleConstraints::oneVisitPerTeamSlot)
                    .given(place(s, 1, MON, "08:00"), place(s, 2, MON, "08:00"))
                    .penalizesBy(1);
        }

        @Test
        void penalizes_every_pair_when_three_visits_share_a_team_slot() {
            VERIFY.verifyThat(ScheduleConstraints::oneVisitPerTeamSlot)
                    .given(place(s, 1, MON, "08:00"), place(s, 2, MON, "08:00"), place(s, 3, MON, "08:00"))
                    .penalizesBy(3);
        }

        @Test
        void does_not_penalize_one_team_in_consecutive_slots_or_two_teams_in_one_slot() {
            VERIFY.verifyThat(ScheduleConstraints::oneVisitPerTeamSlot)
                    .given(place(s, 1, MON, "08:00"), place(s, 2, MON, "09:00"),
                            place(s, 3, MON, "08:00", "T2", "S1"))
                    .hasNoImpact();
        }

        @Test
        void does_not_penalize_the_same_hour_on_another_day() {
            VERIFY.verifyThat(ScheduleConstraints::oneVisitPerTeamSlot)
                    .given(place(s, 1, MON, "08:00"), place(s, 2, TUE, "08:00"))
                    .hasNoImpact();
        }
    }

    @Nested
    class StagingSiteInTheUnitsFieldOffice {

        private final Schedule s = anOperation().with(aUnit(1)).with(aUnit(2).in(BAL))
                .with(aTeam("T1")).with(aTeam("B1").in(BAL))
                .with(aSite("S1")).with(aSite("BS").in(BAL)).schedule();

        @Test
        void penalizes_a_site_of_another_field_office() {
            VERIFY.verifyThat(ScheduleConstraints::siteInOffice)
                    .given(place(s, 1, MON, "08:00", "T1", "BS")).penalizesBy(1);
        }

        @Test
        void does_not_penalize_sites_of_the_units_own_offices() {
            VERIFY.verifyThat(ScheduleConstraints::siteInOffice)
                    .given(place(s, 1, MON, "08:00", "T1", "S1"), place(s, 2, MON, "08:00", "B1", "BS"))
                    .hasNoImpact();
        }
    }

    @Nested
    class StagingCapacity {

        // Departures 13:00 and 17:00. Brought in at 08:00: held 08:00–13:00 (hours 8–12). At 10:00: 10:00–13:00.
        // At 13:00: ready 14:00, held until 17:00. At 19:00 on Monday: held until Tuesday 13:00.
        private final Schedule s = anOperation()
                .with(aUnit(1).adults(3)).with(aUnit(2).adults(3)).with(aUnit(3).adults(1))
                .with(aTeam("T1")).with(aTeam("T2"))
                .with(aSite("S1").people(5).rooms(10).departures("13:00", "17:00"))
                .with(aSite("S2").people(100).rooms(1).departures("13:00", "17:00"))
                .schedule();

        @Test
        void penalizes_people_over_capacity_in_every_hour_they_are_held_together() {
            // 6 people in hours 10, 11, 12 against 5: excess 1, three times.
            VERIFY.verifyThat(ScheduleConstraints::sitePeopleCapacity)
                    .given(place(s, 1, MON, "08:00", "T1", "S1"), place(s, 2, MON, "10:00", "T2", "S1"))
                    .penalizesBy(3);
        }

        @Test
        void counts_the_excess_not_just_the_hour() {
            // 3 + 3 + 1 = 7 people in hours 10, 11, 12: excess 2, three times.
            VERIFY.verifyThat(ScheduleConstraints::sitePeopleCapacity)
                    .given(place(s, 1, MON, "08:00", "T1", "S1"), place(s, 2, MON, "10:00", "T2", "S1"),
                            place(s, 3, MON, "10:00", "T1", "S1"))
                    .penalizesBy(6);
        }

        @Test
        void does_not_penalize_units_held_one_after_the_other() {
            VERIFY.verifyThat(ScheduleConstraints::sitePeopleCapacity)
                    .given(place(s, 1, MON, "08:00", "T1", "S1"), place(s, 2, MON, "13:00", "T2", "S1"))
                    .hasNoImpact();
        }

        @Test
        void does_not_penalize_units_at_different_sites() {
            VERIFY.verifyThat(ScheduleConstraints::sitePeopleCapacity)
                    .given(place(s, 1, MON, "08:00", "T1", "S1"), place(s, 2, MON, "08:00", "T2", "S2"))
                    .hasNoImpact();
        }

        @Test
        void counts_a_unit_held_overnight_against_the_next_morning() {
            // Unit 1 at 19:00 on Monday waits for Tuesday 13:00; unit 2 is held 08:00–13:00 on Tuesday.
            VERIFY.verifyThat(ScheduleConstraints::sitePeopleCapacity)
                    .given(place(s, 1, MON, "19:00", "T1", "S1"), place(s, 2, TUE, "08:00", "T2", "S1"))
                    .penalizesBy(5);
        }

        @Test
        void penalizes_family_units_over_the_family_rooms() {
            VERIFY.verifyThat(ScheduleConstraints::siteFamilyRooms)
                    .given(place(s, 1, MON, "08:00", "T1", "S2"), place(s, 2, MON, "10:00", "T2", "S2"))
                    .penalizesBy(3);
        }

        @Test
        void does_not_count_rooms_for_people_capacity_or_people_for_rooms() {
            VERIFY.verifyThat(ScheduleConstraints::siteFamilyRooms)
                    .given(place(s, 1, MON, "08:00", "T1", "S1"), place(s, 2, MON, "10:00", "T2", "S1"))
                    .hasNoImpact();
            VERIFY.verifyThat(ScheduleConstraints::sitePeopleCapacity)
                    .given(place(s, 1, MON, "08:00", "T1", "S2"), place(s, 2, MON, "10:00", "T2", "S2"))
                    .hasNoImpact();
        }
    }

    @Nested
    class MaximumTimeHeld {

        // Field office: departures 10:00, 14:00, 18:00; at most 12 h.
        private final Schedule s = anOperation().with(aUnit(1))
                .with(aSite("S1").kind(StagingKind.FIELD_OFFICE).maxHeld(Duration.ofHours(12))
                        .departures("10:00", "14:00", "18:00"))
                .schedule();

        @Test
        void penalizes_the_hours_over_the_maximum_of_an_overnight_hold() {
            // 18:00 → ready 19:00 → next departure Tuesday 10:00: 16 h, 4 over.
            VERIFY.verifyThat(ScheduleConstraints::maxHeld).given(place(s, 1, MON, "18:00")).penalizesBy(4);
        }

        @Test
        void rounds_a_partial_hour_over_the_maximum_up() {
            Schedule halfHours = anOperation().with(aUnit(1))
                    .grid(new SlotGrid(LocalTime.of(6, 0), LocalTime.of(20, 0), Duration.ofMinutes(30)))
                    .with(aSite("S1").maxHeld(Duration.ofHours(12)).departures("10:00", "14:00", "18:00"))
                    .schedule();
            // Half-hour slots: 19:30 → ready 20:00 → Tuesday 10:00 = 14.5 h, 2.5 h over the 12 h maximum → 3.
            VERIFY.verifyThat(ScheduleConstraints::maxHeld)
                    .given(halfHours.visit(1).assign(halfHours.slot(MON, LocalTime.of(19, 30)), halfHours.team("T1"),
                            halfHours.site("S1")))
                    .penalizesBy(3);
        }

        @Test
        void does_not_penalize_a_visit_that_catches_the_same_day_departure() {
            VERIFY.verifyThat(ScheduleConstraints::maxHeld).given(place(s, 1, MON, "17:00")).hasNoImpact();
        }
    }

    @Nested
    class EveryMemberExecutable {

        private final Schedule s = anOperation()
                .with(aUnit(1).withMemberExecutableOnlyOn(TUE).withMemberExecutableOnlyOn(TUE))
                .with(aUnit(2)).schedule();

        @Test
        void penalizes_a_visit_on_a_day_a_member_is_not_executable_once_per_member() {
            VERIFY.verifyThat(ScheduleConstraints::everyMemberExecutable)
                    .given(place(s, 1, MON, "08:00")).penalizesBy(2);
        }

        @Test
        void does_not_penalize_a_visit_on_a_day_every_member_is_executable() {
            VERIFY.verifyThat(ScheduleConstraints::everyMemberExecutable)
                    .given(place(s, 1, TUE, "08:00"), place(s, 2, MON, "08:00")).hasNoImpact();
        }
    }

    @Nested
    class ProtectedAreaApproval {

        private final Schedule s = anOperation()
                .with(aUnit(1).needingApprovalOn(TUE))
                .with(aUnit(2).needingApprovalOn())
                .with(aUnit(3)).with(aTeam("T1")).with(aTeam("T2")).with(aTeam("T3")).schedule();

        @Test
        void penalizes_a_visit_on_a_day_without_an_approval_in_force() {
            VERIFY.verifyThat(ScheduleConstraints::protectedAreaApproval)
                    .given(place(s, 1, MON, "08:00")).penalizesBy(1);
        }

        @Test
        void penalizes_any_day_when_an_approval_is_needed_and_never_in_force() {
            VERIFY.verifyThat(ScheduleConstraints::protectedAreaApproval)
                    .given(place(s, 2, TUE, "08:00")).penalizesBy(1);
        }

        @Test
        void does_not_penalize_an_approved_day_or_an_address_needing_none() {
            VERIFY.verifyThat(ScheduleConstraints::protectedAreaApproval)
                    .given(place(s, 1, TUE, "08:00", "T1", "S1"), place(s, 3, MON, "08:00", "T2", "S1"))
                    .hasNoImpact();
        }
    }

    @Nested
    class SpreadVisitsAcrossDays {

        private final Schedule s = anOperation().with(aUnit(1)).with(aUnit(2)).with(aUnit(3)).with(aUnit(4))
                .with(aUnit(5).in(BAL)).with(aUnit(6).in(BAL))
                .with(aTeam("T1")).with(aTeam("B1").in(BAL))
                .with(aSite("S1")).with(aSite("BS").in(BAL)).schedule();

        @Test
        void penalizes_the_square_of_the_visits_per_office_and_day() {
            VERIFY.verifyThat(ScheduleConstraints::dayLoad)
                    .given(place(s, 1, MON, "08:00"), place(s, 2, MON, "09:00"), place(s, 3, MON, "10:00"),
                            place(s, 4, TUE, "08:00"))
                    .penalizesBy(9 + 1);
        }

        @Test
        void counts_each_field_office_separately() {
            VERIFY.verifyThat(ScheduleConstraints::dayLoad)
                    .given(place(s, 1, MON, "08:00"), place(s, 2, MON, "09:00"),
                            place(s, 5, MON, "08:00", "B1", "BS"), place(s, 6, MON, "09:00", "B1", "BS"))
                    .penalizesBy(4 + 4);
        }
    }

    @Nested
    class BalanceVisitsAcrossTeams {

        private final Schedule s = anOperation().with(aUnit(1)).with(aUnit(2)).with(aUnit(3)).with(aUnit(4))
                .with(aTeam("T1")).with(aTeam("T2")).schedule();

        @Test
        void penalizes_the_square_of_each_teams_visits() {
            VERIFY.verifyThat(ScheduleConstraints::teamLoad)
                    .given(place(s, 1, MON, "08:00"), place(s, 2, MON, "09:00"), place(s, 3, TUE, "10:00"),
                            place(s, 4, TUE, "08:00", "T2", "S1"))
                    .penalizesBy(9 + 1);
        }

        @Test
        void prefers_an_even_split() {
            VERIFY.verifyThat(ScheduleConstraints::teamLoad)
                    .given(place(s, 1, MON, "08:00"), place(s, 2, MON, "09:00"),
                            place(s, 3, TUE, "10:00", "T2", "S1"), place(s, 4, TUE, "08:00", "T2", "S1"))
                    .penalizesBy(4 + 4);
        }
    }

    @Nested
    class TeamTravel {

        // Team home: Atlanta's centre. Unit 1 is 10 km north, unit 2 20 km north, unit 3's address is unknown.
        private final Schedule s = anOperation()
                .with(aUnit(1).at(northOfAtlanta(10))).with(aUnit(2).at(northOfAtlanta(20))).with(aUnit(3))
                .schedule();

        @Test
        void penalizes_the_kilometres_from_home_and_between_consecutive_visits() {
            VERIFY.verifyThat(ScheduleConstraints::travel)
                    .given(place(s, 1, MON, "08:00"), place(s, 2, MON, "09:00"))
                    .penalizesBy(10 + 10);
        }

        @Test
        void follows_the_order_of_the_slots_not_of_the_input() {
            VERIFY.verifyThat(ScheduleConstraints::travel)
                    .given(place(s, 1, MON, "11:00"), place(s, 2, MON, "09:00"))
                    .penalizesBy(20 + 10);
        }

        @Test
        void counts_each_day_from_home() {
            VERIFY.verifyThat(ScheduleConstraints::travel)
                    .given(place(s, 1, MON, "08:00"), place(s, 2, TUE, "08:00"))
                    .penalizesBy(10 + 20);
        }

        @Test
        void counts_nothing_to_or_from_an_unknown_location() {
            VERIFY.verifyThat(ScheduleConstraints::travel)
                    .given(place(s, 1, MON, "08:00"), place(s, 3, MON, "09:00"), place(s, 2, MON, "10:00"))
                    .penalizesBy(10);
        }
    }

    @Nested
    class UnitsWithMinorsOutsideSchoolAndDayCareHours {

        private final Schedule s = anOperation().with(aUnit(1).withMinor()).with(aUnit(2)).schedule();

        @Test
        void penalizes_each_window_a_weekday_slot_overlaps() {
            // Monday 08:00–09:00 is inside school (07:30–15:30) and day care (07:00–18:00).
            VERIFY.verifyThat(ScheduleConstraints::minorWindows).given(place(s, 1, MON, "08:00")).penalizesBy(2);
            // 07:00–08:00 overlaps school by half an hour: still both.
            VERIFY.verifyThat(ScheduleConstraints::minorWindows).given(place(s, 1, MON, "07:00")).penalizesBy(2);
            VERIFY.verifyThat(ScheduleConstraints::minorWindows).given(place(s, 1, MON, "17:00")).penalizesBy(1);
        }

        @Test
        void does_not_penalize_early_or_evening_slots_or_the_weekend() {
            for (String start : List.of("06:00", "18:00", "19:00")) {
                VERIFY.verifyThat(ScheduleConstraints::minorWindows).given(place(s, 1, MON, start)).hasNoImpact();
            }
            VERIFY.verifyThat(ScheduleConstraints::minorWindows).given(place(s, 1, SUN, "10:00")).hasNoImpact();
        }

        @Test
        void does_not_penalize_a_unit_without_a_minor() {
            VERIFY.verifyThat(ScheduleConstraints::minorWindows).given(place(s, 2, MON, "08:00")).hasNoImpact();
        }
    }
}
