package org.caseops.legal.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.caseops.legal.rules.ADocket.aRespondent;
import static org.caseops.legal.rules.ADocket.decided;
import static org.caseops.legal.rules.ADocket.inAbsentia;
import static org.caseops.legal.rules.ADocket.inPersonAppealReserved;
import static org.caseops.legal.rules.ADocket.inPersonAppealWaived;
import static org.caseops.legal.rules.ADocket.on;
import static org.caseops.legal.rules.ADocket.pendingProceeding;
import static org.caseops.legal.rules.ADocket.voluntaryDepartureGranted;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One test per rule, each with a named example (synthetic people, real-world situations). */
class ExecutabilityTest {

    private static Finding finding(Verdict v, Rule rule) {
        return v.findings().stream().filter(f -> f.ruleId().equals(rule.name())).findFirst().orElseThrow();
    }

    // ---- finality -------------------------------------------------------------------------------------------------

    @Test
    void in_absentia_order_is_final_the_day_it_is_made() {
        // Ana R. missed her hearing in Houston on 2019-01-07; the judge ordered removal in absentia.
        Verdict v = aRespondent().withOrder(inAbsentia(on(2019, 1, 7))).asOf(on(2019, 1, 7));
        assertThat(v.status()).isEqualTo(Status.EXECUTABLE);
        assertThat(finding(v, Rule.FINALITY).detail()).contains("final on 2019-01-07").contains("1241.1(e)");
        assertThat(v.reason().ruleId()).isEqualTo("FINALITY");
    }

    @Test
    void appeal_waived_makes_the_order_final_on_the_order_date() {
        Verdict v = aRespondent().withOrder(inPersonAppealWaived(on(2019, 3, 12))).asOf(on(2019, 3, 12));
        assertThat(v.status()).isEqualTo(Status.EXECUTABLE);
        assertThat(finding(v, Rule.FINALITY).detail()).contains("waived").contains("1241.1(b)");
    }

    @Test
    void appeal_reserved_only_by_dhs_counts_as_waived_by_the_respondent() {
        ProceedingFacts dhsReserved = new ProceedingFacts(ADocket.MAIN, on(2018, 9, 1), "RMV", "X", "",
                on(2019, 3, 12), false, "I", false);
        assertThat(aRespondent().withOrder(dhsReserved).asOf(on(2019, 3, 12)).status()).isEqualTo(Status.EXECUTABLE);
    }

    @Test
    void appeal_window_keeps_the_order_unexecutable_and_says_when_it_closes() {
        // Order 2019-06-10 (Monday); day 30 is 2019-07-10 (Wednesday).
        Verdict v = aRespondent().withOrder(inPersonAppealReserved(on(2019, 6, 10))).asOf(on(2019, 6, 23));
        assertThat(v.status()).isEqualTo(Status.NOT_EXECUTABLE);
        assertThat(v.reason().ruleId()).isEqualTo("APPEAL_WINDOW");
        assertThat(v.reason().until()).contains(on(2019, 7, 11));
        assertThat(v.changesOn()).contains(on(2019, 7, 11));
        assertThat(aRespondent().withOrder(inPersonAppealReserved(on(2019, 6, 10))).asOf(on(2019, 7, 10)).status())
                .isEqualTo(Status.NOT_EXECUTABLE);
        assertThat(aRespondent().withOrder(inPersonAppealReserved(on(2019, 6, 10))).asOf(on(2019, 7, 11)).status())
                .isEqualTo(Status.EXECUTABLE);
    }

    @Test
    void appeal_window_ending_on_a_saturday_runs_to_monday() {
        // Order 2019-05-23; day 30 is Saturday 2019-06-22, so the appeal may be filed on Monday 2019-06-24.
        ADocket docket = aRespondent().withOrder(inPersonAppealReserved(on(2019, 5, 23)));
        assertThat(docket.asOf(on(2019, 6, 23)).status()).isEqualTo(Status.NOT_EXECUTABLE);
        assertThat(docket.asOf(on(2019, 6, 24)).status()).isEqualTo(Status.NOT_EXECUTABLE);
        assertThat(finding(docket.asOf(on(2019, 6, 24)), Rule.APPEAL_WINDOW).detail())
                .contains("2019-06-24").contains("weekend or federal holiday");
        assertThat(docket.asOf(on(2019, 6, 25)).status()).isEqualTo(Status.EXECUTABLE);
        assertThat(finding(docket.asOf(on(2019, 6, 25)), Rule.FINALITY).detail()).contains("final on 2019-06-25");
    }

    @Test
    void appeal_window_ending_on_july_4th_runs_to_the_next_business_day() {
        // Order 2019-06-04; day 30 is Thursday 2019-07-04, Independence Day: the period runs to Friday 2019-07-05.
        ADocket docket = aRespondent().withOrder(inPersonAppealReserved(on(2019, 6, 4)));
        assertThat(docket.asOf(on(2019, 7, 4)).status()).isEqualTo(Status.NOT_EXECUTABLE);
        assertThat(docket.asOf(on(2019, 7, 5)).status()).isEqualTo(Status.NOT_EXECUTABLE);
        assertThat(docket.asOf(on(2019, 7, 5)).changesOn()).contains(on(2019, 7, 6));
        assertThat(docket.asOf(on(2019, 7, 6)).status()).isEqualTo(Status.EXECUTABLE);
    }

    @Test
    void appeal_dismissed_by_the_bia_is_final_on_the_dismissal() {
        Verdict v = aRespondent().withOrder(inPersonAppealReserved(on(2018, 2, 1)))
                .appeal(on(2018, 2, 20), "DIS", on(2018, 11, 5)).asOf(on(2019, 6, 23));
        assertThat(v.status()).isEqualTo(Status.EXECUTABLE);
        assertThat(finding(v, Rule.FINALITY).detail()).contains("2018-11-05").contains("1241.1(a)");
    }

    @Test
    void summary_affirmance_dismisses_the_appeal() {
        Verdict v = aRespondent().withOrder(inPersonAppealReserved(on(2018, 2, 1)))
                .appeal(on(2018, 2, 20), "SAF", on(2018, 11, 5)).asOf(on(2019, 6, 23));
        assertThat(v.status()).isEqualTo(Status.EXECUTABLE);
    }

    @Test
    void bia_remand_leaves_no_final_order() {
        Verdict v = aRespondent().withOrder(inPersonAppealReserved(on(2018, 2, 1)))
                .appeal(on(2018, 2, 20), "REM", on(2018, 11, 5)).asOf(on(2019, 6, 23));
        assertThat(v.status()).isEqualTo(Status.NOT_EXECUTABLE);
        assertThat(v.reason().ruleId()).isEqualTo("FINALITY");
    }

    // ---- the order ----------------------------------------------------------------------------------------------

    @Test
    void terminated_relief_granted_closed_and_pending_proceedings_are_never_executable() {
        LocalDate d = on(2019, 1, 10);
        for (ProceedingFacts p : List.of(decided("T", d), decided("R", d),
                new ProceedingFacts(ADocket.MAIN, on(2018, 1, 1), "RMV", "", "A", d, false, "", false),
                pendingProceeding(ADocket.MAIN, on(2018, 1, 1)))) {
            Verdict v = aRespondent().withOrder(p).asOf(on(2019, 6, 23));
            assertThat(v.status()).as(p.toString()).isEqualTo(Status.NOT_EXECUTABLE);
            assertThat(v.reason().ruleId()).isEqualTo("REMOVAL_ORDER");
        }
    }

    @Test
    void deportation_and_exclusion_orders_count_as_orders_of_removal() {
        LocalDate d = on(2019, 1, 10);
        assertThat(aRespondent().withOrder(new ProceedingFacts(1, null, "DEP", "D", "", d, true, "", false))
                .asOf(d).status()).isEqualTo(Status.EXECUTABLE);
        assertThat(aRespondent().withOrder(new ProceedingFacts(1, null, "EXC", "E", "", d, true, "", false))
                .asOf(d).status()).isEqualTo(Status.EXECUTABLE);
    }

    @Test
    void newer_undecided_proceeding_makes_the_old_order_unexecutable() {
        // Removed in absentia in 2016, the case was reopened by a new charging document in 2018 that is not decided.
        Verdict v = aRespondent().withOrder(inAbsentia(on(2016, 5, 2)))
                .withOrder(pendingProceeding(ADocket.MAIN + 5, on(2018, 8, 1))).asOf(on(2019, 6, 23));
        assertThat(v.status()).isEqualTo(Status.NOT_EXECUTABLE);
        assertThat(v.reason().ruleId()).isEqualTo("LATEST_PROCEEDING");
        assertThat(v.reason().detail()).contains("2016-05-02").contains("newer proceeding");
        // Before the newer proceeding was opened, the old order governed.
        assertThat(aRespondent().withOrder(inAbsentia(on(2016, 5, 2)))
                .withOrder(pendingProceeding(ADocket.MAIN + 5, on(2018, 8, 1))).asOf(on(2018, 7, 31)).status())
                .isEqualTo(Status.EXECUTABLE);
    }

    @Test
    void an_earlier_proceeding_closed_by_change_of_venue_does_not_matter() {
        Verdict v = aRespondent()
                .withOrder(new ProceedingFacts(ADocket.MAIN - 1, on(2018, 1, 5), "RMV", "", "C", on(2018, 3, 1),
                        false, "", false))
                .withOrder(inAbsentia(on(2019, 1, 7))).asOf(on(2019, 6, 23));
        assertThat(v.status()).isEqualTo(Status.EXECUTABLE);
    }

    // ---- automatic stays ----------------------------------------------------------------------------------------

    @Test
    void pending_bia_appeal_stays_removal() {
        Verdict v = aRespondent().withOrder(inPersonAppealReserved(on(2019, 1, 15)))
                .appeal(on(2019, 2, 5), null, null).asOf(on(2019, 6, 23));
        assertThat(v.status()).isEqualTo(Status.NOT_EXECUTABLE);
        assertThat(v.reason().ruleId()).isEqualTo("APPEAL_PENDING");
    }

    @Test
    void pending_motion_to_reopen_an_in_absentia_order_stays_removal() {
        // Marta L. says she never got the hearing notice and moved to reopen on 2019-03-04; no decision yet.
        Verdict v = aRespondent().withOrder(inAbsentia(on(2019, 1, 7)))
                .motion(on(2019, 3, 4), null, null, null).asOf(on(2019, 6, 23));
        assertThat(v.status()).isEqualTo(Status.NOT_EXECUTABLE);
        assertThat(v.reason().ruleId()).isEqualTo("MOTION_STAY_IN_ABSENTIA");
        assertThat(v.reason().citation()).contains("1003.23(b)(4)(ii)");
    }

    @Test
    void pending_motion_against_an_order_made_in_person_does_not_stay_removal() {
        Verdict v = aRespondent().withOrder(inPersonAppealWaived(on(2019, 1, 7)))
                .motion(on(2019, 3, 4), null, null, null).asOf(on(2019, 6, 23));
        assertThat(v.status()).isEqualTo(Status.EXECUTABLE);
        assertThat(finding(v, Rule.MOTION_STAY_IN_ABSENTIA).detail()).contains("does not stay removal by itself");
    }

    @Test
    void stay_granted_on_a_pending_motion_stays_removal() {
        Verdict v = aRespondent().withOrder(inPersonAppealWaived(on(2019, 1, 7)))
                .motion(on(2019, 3, 4), null, null, "G").asOf(on(2019, 6, 23));
        assertThat(v.status()).isEqualTo(Status.NOT_EXECUTABLE);
        assertThat(v.reason().ruleId()).isEqualTo("MOTION_STAY_GRANTED");
    }

    @Test
    void granted_motion_to_reopen_makes_the_order_unexecutable() {
        Verdict v = aRespondent().withOrder(inAbsentia(on(2019, 1, 7)))
                .motion(on(2019, 3, 4), "G", on(2019, 4, 1), null).asOf(on(2019, 6, 23));
        assertThat(v.status()).isEqualTo(Status.NOT_EXECUTABLE);
        assertThat(v.reason().ruleId()).isEqualTo("MOTION_REOPENED");
        // Before the decision the motion was pending: stayed, for the in-absentia reason.
        assertThat(aRespondent().withOrder(inAbsentia(on(2019, 1, 7)))
                .motion(on(2019, 3, 4), "G", on(2019, 4, 1), null).asOf(on(2019, 3, 20)).reason().ruleId())
                .isEqualTo("MOTION_STAY_IN_ABSENTIA");
    }

    @Test
    void denied_motion_has_no_effect() {
        Verdict v = aRespondent().withOrder(inAbsentia(on(2019, 1, 7)))
                .motion(on(2019, 3, 4), "D", on(2019, 4, 1), "D").asOf(on(2019, 6, 23));
        assertThat(v.status()).isEqualTo(Status.EXECUTABLE);
        assertThat(finding(v, Rule.MOTION_REOPENED).detail()).contains("denied");
    }

    @Test
    void motion_decided_before_the_order_is_not_a_motion_against_it() {
        Verdict v = aRespondent().withOrder(inAbsentia(on(2019, 1, 7)))
                .motion(on(2018, 10, 1), "G", on(2018, 10, 5), null).asOf(on(2019, 6, 23));
        assertThat(v.status()).isEqualTo(Status.EXECUTABLE);
    }

    // ---- granted stays ------------------------------------------------------------------------------------------

    @Test
    void administrative_stay_blocks_for_its_period_then_lapses() {
        ADocket docket = aRespondent().withOrder(inAbsentia(on(2019, 1, 7)))
                .stay(StayFacts.Kind.ADMINISTRATIVE, on(2019, 5, 1), true, on(2019, 7, 31));
        Verdict during = docket.asOf(on(2019, 6, 23));
        assertThat(during.status()).isEqualTo(Status.NOT_EXECUTABLE);
        assertThat(during.reason().ruleId()).isEqualTo("GRANTED_STAY");
        assertThat(during.reason().citation()).contains("I-246");
        assertThat(during.changesOn()).contains(on(2019, 8, 1));
        assertThat(docket.asOf(on(2019, 8, 1)).status()).isEqualTo(Status.EXECUTABLE);
    }

    @Test
    void judicial_stay_blocks_until_lifted_and_a_denied_stay_does_nothing() {
        Verdict v = aRespondent().withOrder(inAbsentia(on(2019, 1, 7)))
                .stay(StayFacts.Kind.JUDICIAL, on(2019, 5, 1), true, null).asOf(on(2020, 6, 23));
        assertThat(v.status()).isEqualTo(Status.NOT_EXECUTABLE);
        assertThat(v.reason().citation()).contains("242(b)(3)");
        assertThat(aRespondent().withOrder(inAbsentia(on(2019, 1, 7)))
                .stay(StayFacts.Kind.JUDICIAL, on(2019, 5, 1), false, null).asOf(on(2019, 6, 23)).status())
                .isEqualTo(Status.EXECUTABLE);
    }

    // ---- voluntary departure ------------------------------------------------------------------------------------

    @Test
    void voluntary_departure_running_is_not_executable() {
        // Granted 2019-05-01 with the default 60 days: the person may leave on their own until 2019-06-30.
        Verdict v = aRespondent().withOrder(voluntaryDepartureGranted(on(2019, 5, 1))).asOf(on(2019, 6, 23));
        assertThat(v.status()).isEqualTo(Status.NOT_EXECUTABLE);
        assertThat(v.reason().ruleId()).isEqualTo("VOLUNTARY_DEPARTURE");
        assertThat(v.reason().until()).contains(on(2019, 7, 1));
    }

    @Test
    void voluntary_departure_overstayed_becomes_executable() {
        Verdict v = aRespondent().withOrder(voluntaryDepartureGranted(on(2019, 1, 2))).asOf(on(2019, 6, 23));
        assertThat(v.status()).isEqualTo(Status.EXECUTABLE);
        assertThat(finding(v, Rule.FINALITY).detail()).contains("overstayed").contains("1241.1(f)");
    }

    @Test
    void a_recorded_voluntary_departure_deadline_replaces_the_default_period() {
        Verdict v = aRespondent().withOrder(voluntaryDepartureGranted(on(2019, 1, 2)))
                .voluntaryDepartureUntil(on(2019, 7, 2)).asOf(on(2019, 6, 23));
        assertThat(v.status()).isEqualTo(Status.NOT_EXECUTABLE);
        assertThat(v.changesOn()).contains(on(2019, 7, 3));
    }

    // ---- the person ---------------------------------------------------------------------------------------------

    @Test
    void us_citizen_child_without_a_case_is_not_subject_to_removal() {
        // Sofia, 4, born in Houston; her mother has a final in-absentia order. Sofia has no case of her own.
        CaseFacts sofia = CaseFacts.withoutOwnCase(new PersonFacts(true, false, false, false), on(2019, 6, 23));
        Verdict v = Executability.evaluate(sofia, on(2019, 6, 23), PolicySet.defaults());
        assertThat(v.status()).isEqualTo(Status.NOT_EXECUTABLE);
        assertThat(v.notSubjectToRemoval()).isTrue();
        assertThat(v.reason().ruleId()).isEqualTo("OWN_CASE");
        assertThat(v.reason().detail()).contains("Not subject to removal");
    }

    @Test
    void household_member_without_a_case_is_not_subject_to_removal_even_if_not_a_citizen() {
        Verdict v = aRespondent().withoutOwnCase().withOrder(inAbsentia(on(2019, 1, 7))).asOf(on(2019, 6, 23));
        assertThat(v.status()).isEqualTo(Status.NOT_EXECUTABLE);
        assertThat(v.notSubjectToRemoval()).isTrue();
    }

    @Test
    void us_citizen_is_never_executable_even_with_an_order() {
        Verdict v = aRespondent().usCitizen().withOrder(inAbsentia(on(2019, 1, 7))).asOf(on(2019, 6, 23));
        assertThat(v.status()).isEqualTo(Status.NOT_EXECUTABLE);
        assertThat(v.reason().ruleId()).isEqualTo("US_CITIZEN");
        assertThat(v.reason().detail()).contains("U.S. citizen");
    }

    @Test
    void open_citizenship_claim_freezes() {
        Verdict v = aRespondent().citizenshipClaimOpen().withOrder(inAbsentia(on(2019, 1, 7))).asOf(on(2019, 6, 23));
        assertThat(v.status()).isEqualTo(Status.FROZEN);
        assertThat(v.reason().ruleId()).isEqualTo("CITIZENSHIP_CLAIM");
        assertThat(v.reason().citation()).contains("16001.2");
    }

    @Test
    void a_blocking_rule_outranks_an_open_citizenship_claim() {
        Verdict v = aRespondent().citizenshipClaimOpen().withOrder(inAbsentia(on(2019, 1, 7)))
                .motion(on(2019, 3, 4), null, null, null).asOf(on(2019, 6, 23));
        assertThat(v.status()).isEqualTo(Status.NOT_EXECUTABLE);
        assertThat(v.findings()).anyMatch(f -> f.effect() == Effect.FREEZES);
    }

    @Test
    void lpr_with_final_order_is_judged_by_the_order() {
        Verdict v = aRespondent().lpr().withOrder(inPersonAppealWaived(on(2019, 2, 14))).asOf(on(2019, 6, 23));
        assertThat(v.status()).isEqualTo(Status.EXECUTABLE);
        assertThat(finding(v, Rule.LPR_STATUS).detail()).contains("status ends with the final order");
        assertThat(finding(aRespondent().lpr().withOrder(decided("T", on(2019, 2, 14))).asOf(on(2019, 6, 23)),
                Rule.LPR_STATUS).detail()).contains("status continues");
        assertThat(aRespondent().lpr().withOrder(decided("T", on(2019, 2, 14))).asOf(on(2019, 6, 23)).status())
                .isEqualTo(Status.NOT_EXECUTABLE);
    }

    @Test
    void legal_hold_blocks_until_lifted() {
        ADocket docket = aRespondent().withOrder(inAbsentia(on(2019, 1, 7))).hold(on(2019, 6, 1), on(2019, 7, 15));
        assertThat(docket.asOf(on(2019, 5, 31)).status()).isEqualTo(Status.EXECUTABLE);
        Verdict held = docket.asOf(on(2019, 6, 23));
        assertThat(held.status()).isEqualTo(Status.NOT_EXECUTABLE);
        assertThat(held.reason().ruleId()).isEqualTo("LEGAL_HOLD");
        assertThat(held.reason().detail()).contains("U-visa");
        assertThat(docket.asOf(on(2019, 7, 15)).status()).isEqualTo(Status.EXECUTABLE);
    }

    @Test
    void a_hold_needs_a_reason() {
        assertThatThrownBy(() -> new HoldFacts(on(2019, 6, 1), null, " "))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---- information --------------------------------------------------------------------------------------------

    @Test
    void in_absentia_order_reports_the_180_day_window_and_that_lack_of_notice_has_no_deadline() {
        Verdict v = aRespondent().withOrder(inAbsentia(on(2019, 1, 7))).asOf(on(2019, 6, 23));
        Finding info = finding(v, Rule.IN_ABSENTIA_RESCISSION);
        assertThat(info.effect()).isEqualTo(Effect.INFORMS);
        assertThat(info.detail()).contains("until 2019-07-06").contains("at any time").contains("240(b)(5)(C)");
        assertThat(info.until()).contains(on(2019, 7, 7));
        assertThat(v.changesOn()).isEmpty(); // information never changes the verdict
        assertThat(finding(aRespondent().withOrder(inAbsentia(on(2019, 1, 7))).asOf(on(2019, 8, 1)),
                Rule.IN_ABSENTIA_RESCISSION).detail()).contains("closed on 2019-07-06");
    }

    @Test
    void every_finding_names_rule_and_citation() {
        List<Verdict> verdicts = List.of(
                aRespondent().withOrder(inAbsentia(on(2019, 1, 7))).asOf(on(2019, 6, 23)),
                aRespondent().withoutOwnCase().asOf(on(2019, 6, 23)),
                aRespondent().withOrder(voluntaryDepartureGranted(on(2019, 5, 1)))
                        .stay(StayFacts.Kind.ADMINISTRATIVE, on(2019, 5, 1), true, null)
                        .hold(on(2019, 5, 2), null).asOf(on(2019, 6, 23)));
        for (Verdict v : verdicts) {
            assertThat(v.findings()).extracting(Finding::ruleId)
                    .containsAll(Arrays.stream(Rule.values()).map(Rule::name).toList());
            assertThat(v.findings()).allSatisfy(f -> {
                assertThat(f.citation()).isNotBlank();
                assertThat(f.detail()).isNotBlank().endsWith(".");
                assertThat(Rule.valueOf(f.ruleId())).isNotNull();
            });
        }
    }

    @Test
    void findings_say_holds_exactly_when_they_block_or_freeze() {
        assertThatThrownBy(() -> new Finding("X", "c", true, Effect.ALLOWS, "d", Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        Verdict v = aRespondent().citizenshipClaimOpen().withOrder(inPersonAppealReserved(on(2019, 6, 10)))
                .asOf(on(2019, 6, 23));
        assertThat(v.findings()).allSatisfy(f -> assertThat(f.holds()).isEqualTo(f.effect().standsInTheWay()));
    }

    @Test
    void explanations_are_written_when_read_and_read_the_same_every_time() {
        Verdict v = aRespondent().citizenshipClaimOpen().withOrder(inPersonAppealReserved(on(2019, 6, 10)))
                .asOf(on(2019, 6, 23));
        Verdict again = aRespondent().citizenshipClaimOpen().withOrder(inPersonAppealReserved(on(2019, 6, 10)))
                .asOf(on(2019, 6, 23));
        assertThat(v.findings()).allSatisfy(f -> assertThat(f.detail()).isSameAs(f.detail()).isNotBlank());
        assertThat(again).isEqualTo(v).hasSameHashCodeAs(v);
        assertThat(finding(v, Rule.APPEAL_WINDOW).detail()).contains("2019-07-10");
    }

    // ---- policy -------------------------------------------------------------------------------------------------

    @Test
    void a_verdict_uses_the_policy_in_force_on_its_date() {
        PolicySet policies = PolicySet.defaults();
        assertThat(policies.forDate(on(2019, 6, 23)).id()).isEqualTo("2011-SENSITIVE-LOCATIONS");
        assertThat(policies.forDate(on(2022, 1, 1)).protectedAreas().id()).isEqualTo("DHS-PROTECTED-AREAS-2021");
        assertThat(policies.forDate(on(2025, 2, 1)).protectedAreas().restrictsEnforcement()).isFalse();
        assertThat(aRespondent().withOrder(inAbsentia(on(2019, 1, 7))).asOf(on(2019, 6, 23)).policyVersion())
                .isEqualTo("2011-SENSITIVE-LOCATIONS");
    }
}
