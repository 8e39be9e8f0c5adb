package org.caseops.legal.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseops.legal.rules.ADocket.MAIN;
import static org.caseops.legal.rules.ADocket.aRespondent;
import static org.caseops.legal.rules.ADocket.inAbsentia;
import static org.caseops.legal.rules.ADocket.inPersonAppealNotRecorded;
import static org.caseops.legal.rules.ADocket.inPersonAppealReserved;
import static org.caseops.legal.rules.ADocket.on;
import static org.caseops.legal.rules.ADocket.voluntaryDepartureGranted;
import static org.caseops.legal.rules.ADocket.voluntaryDepartureKindNotRecorded;

import java.time.LocalDate;
import java.util.List;
import org.caseops.legal.rules.Determination.Meaning;
import org.caseops.legal.rules.Determination.Subject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The gate v2's rules (issue 10, section 2), one test per rule, the citation in the test's name. Synthetic people,
 * real-world situations.
 */
class GateV2RulesTest {

    private static Finding finding(Verdict v, Rule rule) {
        return v.findings().stream().filter(f -> f.ruleId().equals(rule.name())).findFirst().orElseThrow();
    }

    private static boolean blocks(Verdict v, Rule rule) {
        return v.findings().stream().anyMatch(f -> f.ruleId().equals(rule.name()) && f.effect() == Effect.BLOCKS);
    }

    /** An order made in person on 2018-02-01, appeal reserved; the period ended 2018-03-05. */
    private static ADocket finalInPersonOrder() {
        return aRespondent().withOrder(inPersonAppealReserved(on(2018, 2, 1)));
    }

    // ---- appeal types (strAppealType) ------------------------------------------------------------------------------

    @Test
    void a_bond_appeal_never_makes_an_order_final_or_non_final_8_CFR_1003_19_d() {
        // Pedro's removal order is final; his bond appeal is pending, then sustained. Neither touches the order.
        assertThat(finalInPersonOrder().appeal("Bond Appeal", on(2018, 6, 1), null, null).asOf(on(2019, 6, 23))
                .status()).isEqualTo(Status.EXECUTABLE);
        Verdict sustained = finalInPersonOrder().appeal("Bond Appeal", on(2018, 6, 1), "SUS", on(2018, 9, 1))
                .asOf(on(2019, 6, 23));
        assertThat(sustained.status()).isEqualTo(Status.EXECUTABLE);
        assertThat(finding(sustained, Rule.APPEAL_TYPE).detail()).contains("Bond Appeal").contains("Not about");
        // A bond appeal filed inside the appeal period does not end the period either.
        assertThat(aRespondent().withOrder(inPersonAppealReserved(on(2019, 6, 10)))
                .appeal("Bond Appeal", on(2019, 6, 12), "DIS", on(2019, 6, 20)).asOf(on(2019, 6, 23)).reason()
                .ruleId()).isEqualTo("APPEAL_WINDOW");
    }

    @ParameterizedTest
    @ValueSource(strings = {"DD Visa", "DD Fines", "DD 212", "DD Bond", "DD-212", "DD visa", "Zero Bond Appeal",
            "CDR", "RC Appeal", "SC Appeal", "Interlocutory Appeal", "Bond MTR Reo"})
    void visa_petition_fines_and_custody_appeals_never_concern_the_order_8_CFR_1003_1_b(String type) {
        assertThat(finalInPersonOrder().appeal(type, on(2018, 6, 1), null, null).asOf(on(2019, 6, 23)).status())
                .as(type).isEqualTo(Status.EXECUTABLE);
        assertThat(finalInPersonOrder().appeal(type, on(2018, 6, 1), "REM", on(2018, 8, 1)).asOf(on(2019, 6, 23))
                .status()).as(type).isEqualTo(Status.EXECUTABLE);
    }

    @Test
    void a_case_appeal_pending_stays_removal_whatever_its_spelling_8_CFR_1003_6_a() {
        for (String type : List.of("Case Appeal", "CASE APPEAL", "Circuit Court Remand")) {
            Verdict v = finalInPersonOrder().appeal(type, on(2018, 2, 20), null, null).asOf(on(2019, 6, 23));
            assertThat(v.reason().ruleId()).as(type).isEqualTo("APPEAL_PENDING");
        }
    }

    @Test
    void a_motion_to_reopen_at_the_bia_does_not_stay_removal_unless_a_stay_is_recorded_8_CFR_1003_2_f() {
        ADocket mtr = finalInPersonOrder().appeal("MTR BIA", on(2019, 5, 1), null, null);
        Verdict v = mtr.asOf(on(2019, 6, 23));
        assertThat(v.status()).isEqualTo(Status.EXECUTABLE);
        assertThat(finding(v, Rule.APPEAL_PENDING).detail()).contains("does not stay removal").contains("1003.2(f)");
        Verdict stayed = mtr.protection(ProtectionFacts.Kind.BIA_STAY, on(2019, 5, 3), null, null)
                .asOf(on(2019, 6, 23));
        assertThat(stayed.status()).isEqualTo(Status.NOT_EXECUTABLE);
        assertThat(stayed.reason().ruleId()).isEqualTo("PROTECTION");
        assertThat(stayed.reason().citation()).contains("1003.2(f)");
    }

    @Test
    void a_denied_motion_to_reopen_at_the_bia_leaves_the_order_final_and_a_granted_one_reopens_8_CFR_1003_2() {
        assertThat(finalInPersonOrder().appeal("MTR BIA", on(2019, 1, 10), "DEN", on(2019, 3, 1))
                .asOf(on(2019, 6, 23)).status()).isEqualTo(Status.EXECUTABLE);
        Verdict granted = finalInPersonOrder().appeal("MTR BIA", on(2019, 1, 10), "GRN", on(2019, 3, 1))
                .asOf(on(2019, 6, 23));
        assertThat(granted.status()).isEqualTo(Status.NOT_EXECUTABLE);
        assertThat(finding(granted, Rule.FINALITY).detail()).contains("reopened");
        assertThat(blocks(granted, Rule.BIA_DECISION)).isTrue();
        // Before the BIA decided, the motion stayed nothing.
        assertThat(finalInPersonOrder().appeal("MTR BIA", on(2019, 1, 10), "GRN", on(2019, 3, 1))
                .asOf(on(2019, 2, 1)).status()).isEqualTo(Status.EXECUTABLE);
    }

    @Test
    void an_appeal_of_an_ij_denial_of_a_motion_to_reopen_does_not_stay_but_a_sustain_reopens_8_CFR_1003_6_b() {
        assertThat(finalInPersonOrder().appeal("Appeal of IJ MTR", on(2019, 2, 1), null, null).asOf(on(2019, 6, 23))
                .status()).isEqualTo(Status.EXECUTABLE);
        assertThat(finalInPersonOrder().appeal("Appeal of IJ MTR", on(2019, 2, 1), "SUS", on(2019, 5, 1))
                .asOf(on(2019, 6, 23)).status()).isEqualTo(Status.NOT_EXECUTABLE);
        assertThat(finalInPersonOrder().appeal("Appeal of IJ MTR", on(2019, 2, 1), "DIS", on(2019, 5, 1))
                .asOf(on(2019, 6, 23)).status()).isEqualTo(Status.EXECUTABLE);
    }

    @Test
    void an_unknown_appeal_type_needs_attorney_review_until_a_determination_8_CFR_1003_1_b() {
        ADocket docket = finalInPersonOrder().appeal("Family Appeal", on(2019, 2, 1), "DIS", on(2019, 3, 1));
        Verdict v = docket.asOf(on(2019, 6, 23));
        assertThat(v.status()).isEqualTo(Status.NOT_EXECUTABLE);
        assertThat(v.reason().ruleId()).isEqualTo("APPEAL_TYPE");
        assertThat(v.reason().detail()).contains("unknown code Family Appeal in strAppealType: attorney review");
        ADocket determined = docket.determination(Subject.appealType("Family Appeal"), Meaning.NOT_ABOUT_THE_ORDER,
                on(2019, 6, 20));
        assertThat(determined.asOf(on(2019, 6, 19)).status()).isEqualTo(Status.NOT_EXECUTABLE);
        assertThat(determined.asOf(on(2019, 6, 20)).status()).isEqualTo(Status.EXECUTABLE);
    }

    // ---- BIA outcomes ---------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"REM", "SUS", "GRN", "GNR", "BCR", "TER", "CGR", "CFG"})
    void a_remand_sustain_or_grant_leaves_no_final_order_8_CFR_1241_1_a(String code) {
        Verdict v = finalInPersonOrder().appeal(on(2018, 2, 20), code, on(2018, 11, 5)).asOf(on(2019, 6, 23));
        assertThat(v.status()).as(code).isEqualTo(Status.NOT_EXECUTABLE);
        assertThat(v.reason().ruleId()).isEqualTo("FINALITY");
        assertThat(blocks(v, Rule.BIA_DECISION)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"DIS", "SAF", "SAD", "SDG", "SED", "SND", "SOD", "SUD", "DUT", "DSO", "FMD", "CFD"})
    void a_dismissal_affirmance_or_summary_dismissal_is_final_on_the_bia_decision_8_CFR_1241_1_a(String code) {
        ADocket docket = finalInPersonOrder().appeal(on(2018, 2, 20), code, on(2018, 11, 5));
        assertThat(docket.asOf(on(2018, 11, 4)).reason().ruleId()).as(code).isEqualTo("APPEAL_PENDING");
        Verdict v = docket.asOf(on(2018, 11, 5));
        assertThat(v.status()).as(code).isEqualTo(Status.EXECUTABLE);
        assertThat(finding(v, Rule.FINALITY).detail()).contains("2018-11-05").contains("1241.1(a)");
    }

    @Test
    void a_bia_outcome_applies_to_an_appeal_from_an_in_absentia_order_too_8_CFR_1241_1_a() {
        Verdict v = aRespondent().withOrder(inAbsentia(on(2019, 1, 7))).appeal(on(2019, 1, 20), "REM", on(2019, 5, 1))
                .asOf(on(2019, 6, 23));
        assertThat(v.status()).isEqualTo(Status.NOT_EXECUTABLE);
        assertThat(finding(v, Rule.BIA_DECISION).detail()).contains("no final order stands");
    }

    @Test
    void a_withdrawn_appeal_leaves_the_ij_decision_final_as_though_no_appeal_not_before_its_period_8_CFR_1003_4() {
        // Order 2019-06-03, appeal reserved; appeal filed 06-10 and withdrawn 06-14. Period to 2019-07-03.
        ADocket docket = aRespondent().withOrder(inPersonAppealReserved(on(2019, 6, 3)))
                .appeal(on(2019, 6, 10), "WDL", on(2019, 6, 14));
        assertThat(docket.asOf(on(2019, 6, 12)).reason().ruleId()).isEqualTo("APPEAL_PENDING");
        Verdict afterWithdrawal = docket.asOf(on(2019, 6, 20));
        assertThat(afterWithdrawal.status()).isEqualTo(Status.NOT_EXECUTABLE);
        assertThat(finding(afterWithdrawal, Rule.FINALITY).detail()).contains("1003.4").contains("2019-07-04");
        assertThat(docket.asOf(on(2019, 7, 3)).status()).isEqualTo(Status.NOT_EXECUTABLE);
        assertThat(docket.asOf(on(2019, 7, 4)).status()).isEqualTo(Status.EXECUTABLE);
        // Withdrawn after the period had ended: final, the IJ's decision governs.
        assertThat(finalInPersonOrder().appeal(on(2018, 2, 20), "WDL", on(2018, 6, 1)).asOf(on(2018, 6, 1)).status())
                .isEqualTo(Status.EXECUTABLE);
    }

    @Test
    void a_bia_grant_of_voluntary_departure_runs_its_period_from_the_decision_not_extended_by_weekends_8_CFR_1240_26() {
        // D30 on Thursday 2019-05-09: the 30th day is Saturday 2019-06-08 and is not moved to Monday.
        ADocket d30 = finalInPersonOrder().appeal(on(2018, 2, 20), "D30", on(2019, 5, 9));
        Verdict last = d30.asOf(on(2019, 6, 8));
        assertThat(last.status()).isEqualTo(Status.NOT_EXECUTABLE);
        assertThat(last.reason().ruleId()).isEqualTo("VOLUNTARY_DEPARTURE");
        assertThat(last.reason().detail()).contains("30 days from the BIA's decision").contains("not extended");
        assertThat(last.changesOn()).contains(on(2019, 6, 9));
        assertThat(d30.asOf(on(2019, 6, 9)).status()).isEqualTo(Status.EXECUTABLE);
        for (String code : List.of("DVD", "SAV", "BVD", "CFV")) {
            ADocket sixty = finalInPersonOrder().appeal(on(2018, 2, 20), code, on(2019, 5, 9));
            assertThat(sixty.asOf(on(2019, 7, 8)).status()).as(code).isEqualTo(Status.NOT_EXECUTABLE);
            assertThat(sixty.asOf(on(2019, 7, 9)).status()).as(code).isEqualTo(Status.EXECUTABLE);
        }
    }

    @Test
    void an_unknown_bia_code_needs_attorney_review_until_a_determination_is_recorded_8_CFR_1241_1_a() {
        ADocket docket = finalInPersonOrder().appeal(on(2018, 2, 20), "XQZ", on(2018, 11, 5));
        Verdict v = docket.asOf(on(2019, 6, 23));
        assertThat(v.status()).isEqualTo(Status.NOT_EXECUTABLE);
        assertThat(v.reason().detail()).contains("unknown code XQZ in strBIADecision: attorney review");
        assertThat(finding(v, Rule.BIA_DECISION).effect()).isEqualTo(Effect.BLOCKS);
        ADocket determined = docket.determination(Subject.biaDecision("XQZ"), Meaning.BIA_DISMISSED, on(2019, 6, 20));
        assertThat(determined.asOf(on(2019, 6, 19)).status()).isEqualTo(Status.NOT_EXECUTABLE);
        Verdict after = determined.asOf(on(2019, 6, 20));
        assertThat(after.status()).isEqualTo(Status.EXECUTABLE);
        assertThat(finding(after, Rule.FINALITY).detail()).contains("an attorney determined");
        // A code the table leaves open is read the same way.
        assertThat(finalInPersonOrder().appeal(on(2018, 2, 20), "OTH", on(2018, 11, 5)).asOf(on(2019, 6, 23))
                .reason().detail()).contains("OTH").contains("attorney review");
    }

    @Test
    void a_determination_never_overrides_what_a_rule_blocks_8_CFR_1241_1() {
        // "REM" has a meaning: an attorney's note that it means a dismissal is not read.
        Verdict remand = finalInPersonOrder().appeal(on(2018, 2, 20), "REM", on(2018, 11, 5))
                .determination(Subject.biaDecision("REM"), Meaning.BIA_DISMISSED, on(2019, 1, 1))
                .asOf(on(2019, 6, 23));
        assertThat(remand.status()).isEqualTo(Status.NOT_EXECUTABLE);
        // Nor can any determination lift a pending appeal.
        Verdict pending = finalInPersonOrder().appeal(on(2019, 2, 20), null, null)
                .determination(Subject.appealType("Case Appeal"), Meaning.NOT_ABOUT_THE_ORDER, on(2019, 3, 1))
                .asOf(on(2019, 6, 23));
        assertThat(pending.reason().ruleId()).isEqualTo("APPEAL_PENDING");
    }

    // ---- the appeal period --------------------------------------------------------------------------------------

    @Test
    void the_appeal_period_runs_30_days_from_an_oral_decision_8_CFR_1003_38_b() {
        ProceedingFacts oral = new ProceedingFacts(MAIN, on(2018, 12, 1), "RMV", "X", "", on(2019, 6, 3), false, "A",
                false, "O", null);
        ADocket docket = aRespondent().withOrder(oral);
        assertThat(finding(docket.asOf(on(2019, 6, 10)), Rule.APPEAL_WINDOW).detail())
                .contains("30 days from the oral decision of 2019-06-03").contains("2019-07-03");
        assertThat(docket.asOf(on(2019, 7, 4)).status()).isEqualTo(Status.EXECUTABLE);
    }

    @Test
    void the_later_of_the_recorded_due_date_and_the_computed_one_governs_8_CFR_1003_38_b() {
        ProceedingFacts written = new ProceedingFacts(MAIN, on(2018, 12, 1), "RMV", "X", "", on(2019, 6, 3), false,
                "A", false, "W", on(2019, 7, 10));
        ADocket later = aRespondent().withOrder(written);
        assertThat(finding(later.asOf(on(2019, 6, 10)), Rule.APPEAL_WINDOW).detail())
                .contains("written decision").contains("2019-07-10, which governs");
        assertThat(later.asOf(on(2019, 7, 10)).status()).isEqualTo(Status.NOT_EXECUTABLE);
        assertThat(later.asOf(on(2019, 7, 11)).status()).isEqualTo(Status.EXECUTABLE);
        ProceedingFacts earlierRecorded = new ProceedingFacts(MAIN, on(2018, 12, 1), "RMV", "X", "", on(2019, 6, 3),
                false, "A", false, "W", on(2019, 6, 28));
        assertThat(aRespondent().withOrder(earlierRecorded).asOf(on(2019, 7, 3)).status())
                .isEqualTo(Status.NOT_EXECUTABLE);
    }

    @Test
    void the_last_day_rolls_over_inauguration_day_5_USC_6103_c() {
        // Order 2016-12-21: day 30 is Friday 2017-01-20, Inauguration Day; the BIA was closed, so Monday 01-23.
        ADocket docket = aRespondent().withOrder(inPersonAppealReserved(on(2016, 12, 21)));
        Verdict v = docket.asOf(on(2017, 1, 23));
        assertThat(v.status()).isEqualTo(Status.NOT_EXECUTABLE);
        assertThat(finding(v, Rule.APPEAL_WINDOW).detail()).contains("Inauguration Day").contains("2017-01-23");
        assertThat(docket.asOf(on(2017, 1, 24)).status()).isEqualTo(Status.EXECUTABLE);
    }

    @Test
    void the_last_day_rolls_over_a_closure_by_executive_order_8_CFR_1003_38_b() {
        // Order 2019-11-24: day 30 is 2019-12-24 (closed by executive order), then Christmas: Thursday 12-26.
        ADocket docket = aRespondent().withOrder(inPersonAppealReserved(on(2019, 11, 24)));
        assertThat(finding(docket.asOf(on(2019, 12, 26)), Rule.APPEAL_WINDOW).detail())
                .contains("Christmas Eve").contains("executive order").contains("2019-12-26");
        assertThat(docket.asOf(on(2019, 12, 26)).status()).isEqualTo(Status.NOT_EXECUTABLE);
        assertThat(docket.asOf(on(2019, 12, 27)).status()).isEqualTo(Status.EXECUTABLE);
    }

    @Test
    void the_closure_table_holds_the_days_the_bia_was_closed_with_their_sources_5_USC_6103() {
        for (LocalDate day : List.of(on(2018, 12, 5), on(2018, 12, 24), on(2019, 12, 24), on(2020, 12, 24),
                on(2024, 12, 24), on(2025, 1, 9), on(2021, 1, 20), on(2025, 1, 20), on(2013, 1, 21))) {
            assertThat(BusinessCalendar.biaFiling().isBusinessDay(day)).as(day.toString()).isFalse();
            assertThat(BiaClosures.closure(day)).as(day.toString()).isNotBlank();
        }
        assertThat(BiaClosures.closure(on(2013, 1, 20))).isNull(); // a Sunday: observed on the 21st
        assertThat(BusinessCalendar.biaFiling().isBusinessDay(on(2019, 12, 23))).isTrue();
        assertThat(BiaClosures.CLOSURES).allSatisfy(c -> assertThat(c.source()).contains("executive order"));
    }

    @Test
    void a_blank_appeal_rsvd_is_not_proof_of_waiver_so_the_period_applies_8_CFR_1003_6_a() {
        ADocket docket = aRespondent().withOrder(inPersonAppealNotRecorded(on(2019, 6, 10)));
        Verdict v = docket.asOf(on(2019, 6, 10));
        assertThat(v.status()).isEqualTo(Status.NOT_EXECUTABLE);
        assertThat(v.reason().ruleId()).isEqualTo("APPEAL_WINDOW");
        assertThat(v.reason().detail()).contains("not proof of a waiver");
        assertThat(docket.asOf(on(2019, 7, 11)).status()).isEqualTo(Status.EXECUTABLE);
    }

    // ---- voluntary departure ------------------------------------------------------------------------------------

    @Test
    void voluntary_departure_of_unrecorded_kind_is_assumed_the_longest_120_days_INA_240B_a_2_A() {
        ADocket docket = aRespondent().withOrder(voluntaryDepartureKindNotRecorded(on(2019, 1, 2)));
        Verdict v = docket.asOf(on(2019, 5, 2));
        assertThat(v.reason().ruleId()).isEqualTo("VOLUNTARY_DEPARTURE");
        assertThat(v.reason().detail()).contains("120 days");
        assertThat(docket.asOf(on(2019, 5, 3)).status()).isEqualTo(Status.EXECUTABLE);
    }

    @Test
    void voluntary_departure_at_the_conclusion_of_proceedings_is_at_most_60_days_INA_240B_b_2() {
        ADocket docket = aRespondent().withOrder(voluntaryDepartureGranted(on(2019, 3, 4)));
        assertThat(docket.asOf(on(2019, 5, 3)).reason().detail()).contains("60 days");
        assertThat(docket.asOf(on(2019, 5, 4)).status()).isEqualTo(Status.EXECUTABLE);
    }

    @Test
    void a_recorded_deadline_governs_the_latest_order_first_8_CFR_1240_26_f() {
        ADocket docket = aRespondent().withOrder(voluntaryDepartureGranted(on(2019, 3, 4)))
                .departureDeadline(on(2019, 4, 3), DepartureDeadlineFacts.Source.IJ_ORDER, on(2019, 3, 4))
                .departureDeadline(on(2019, 5, 20), DepartureDeadlineFacts.Source.DHS_EXTENSION, on(2019, 4, 1));
        assertThat(docket.asOf(on(2019, 3, 31)).reason().detail()).contains("2019-04-03");
        Verdict extended = docket.asOf(on(2019, 4, 10));
        assertThat(extended.reason().ruleId()).isEqualTo("VOLUNTARY_DEPARTURE");
        assertThat(extended.reason().detail()).contains("extension by DHS").contains("1240.26(f)");
        assertThat(docket.asOf(on(2019, 5, 21)).status()).isEqualTo(Status.EXECUTABLE);
    }

    @Test
    void a_motion_to_reopen_filed_inside_the_departure_period_ends_the_grant_8_CFR_1240_26_e_1() {
        // VD 2019-03-01 (60 days, to 04-30); a motion to reopen received 04-10 ends it: the alternate order is in
        // effect, and a pending motion against an order made in person stays nothing.
        ADocket docket = aRespondent().withOrder(voluntaryDepartureGranted(on(2019, 3, 1)))
                .motion("O", on(2019, 4, 10), null, null);
        assertThat(docket.asOf(on(2019, 4, 9)).reason().ruleId()).isEqualTo("VOLUNTARY_DEPARTURE");
        Verdict v = docket.asOf(on(2019, 4, 10));
        assertThat(v.status()).isEqualTo(Status.EXECUTABLE);
        assertThat(finding(v, Rule.VOLUNTARY_DEPARTURE).detail()).contains("ended on 2019-04-10")
                .contains("1240.26(e)(1)");
    }

    @Test
    void a_petition_for_review_filed_inside_the_departure_period_ends_the_grant_8_CFR_1240_26_i() {
        ADocket docket = finalInPersonOrder().appeal(on(2018, 2, 20), "DVD", on(2019, 5, 9));
        long appeal = docket.nextId() - 1;
        docket.petition(appeal, on(2019, 6, 1), null, null);
        assertThat(docket.asOf(on(2019, 5, 31)).reason().ruleId()).isEqualTo("VOLUNTARY_DEPARTURE");
        Verdict v = docket.asOf(on(2019, 6, 1));
        assertThat(v.status()).isEqualTo(Status.EXECUTABLE);
        assertThat(finding(v, Rule.VOLUNTARY_DEPARTURE).detail()).contains("1240.26(i)");
    }

    // ---- protection granted with a removal order ------------------------------------------------------------------

    @Test
    void withholding_granted_with_a_removal_order_allows_removal_only_to_a_third_country_INA_241_b_3_A() {
        Verdict v = aRespondent().withOrder(inAbsentia(on(2019, 1, 7))).application("ASYW", "G").asOf(on(2019, 6, 23));
        assertThat(v.status()).isEqualTo(Status.NOT_EXECUTABLE);
        assertThat(v.reason().ruleId()).isEqualTo("WITHHOLDING_OR_CAT");
        assertThat(v.reason().detail()).contains("removal only to a third country, after notice and attorney review");
        assertThat(v.reason().citation()).contains("241(b)(3)");
    }

    @Test
    void cat_deferral_granted_with_a_removal_order_allows_removal_only_to_a_third_country_8_CFR_1208_17() {
        Verdict v = aRespondent().withOrder(inAbsentia(on(2019, 1, 7))).application("WCAT", "L").asOf(on(2019, 6, 23));
        assertThat(v.reason().ruleId()).isEqualTo("WITHHOLDING_OR_CAT");
        assertThat(v.reason().citation()).contains("1208.17");
    }

    @Test
    void denied_applications_change_nothing_8_CFR_1240_12_c() {
        assertThat(aRespondent().withOrder(inAbsentia(on(2019, 1, 7))).application("ASYW", "D").application("ASYL", "D")
                .application("WCAT", "W").asOf(on(2019, 6, 23)).status()).isEqualTo(Status.EXECUTABLE);
    }

    @Test
    void an_unknown_application_code_granted_needs_attorney_review_8_CFR_1240_12_c() {
        ADocket docket = aRespondent().withOrder(inAbsentia(on(2019, 1, 7))).application("ZZ9", "G");
        long id = docket.nextId() - 1;
        Verdict v = docket.asOf(on(2019, 6, 23));
        assertThat(v.reason().detail()).contains("unknown code ZZ9 in APPL_CODE").contains("attorney review");
        assertThat(docket.determination(Subject.application(id), Meaning.NO_EFFECT_ON_THE_ORDER, on(2019, 6, 1))
                .asOf(on(2019, 6, 23)).status()).isEqualTo(Status.EXECUTABLE);
    }

    // ---- protections EOIR does not record -------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(ProtectionFacts.Kind.class)
    void each_protection_eoir_does_not_record_blocks_while_in_force_with_its_citation(ProtectionFacts.Kind kind) {
        ADocket docket = aRespondent().withOrder(inAbsentia(on(2019, 1, 7)))
                .protection(kind, on(2019, 5, 1), on(2019, 8, 31), null);
        assertThat(docket.asOf(on(2019, 4, 30)).status()).isEqualTo(Status.EXECUTABLE);
        Verdict v = docket.asOf(on(2019, 6, 23));
        assertThat(v.status()).isEqualTo(Status.NOT_EXECUTABLE);
        assertThat(v.reason().ruleId()).isEqualTo("PROTECTION");
        assertThat(v.reason().citation()).isEqualTo(kind.citation());
        assertThat(v.changesOn()).contains(on(2019, 9, 1));
        assertThat(docket.asOf(on(2019, 9, 1)).status()).isEqualTo(Status.EXECUTABLE);
    }

    @Test
    void a_protection_ended_by_an_attorney_no_longer_blocks_from_that_day_INA_244_a_1_A() {
        ADocket docket = aRespondent().withOrder(inAbsentia(on(2019, 1, 7)))
                .protection(ProtectionFacts.Kind.TPS, on(2019, 2, 1), null, on(2019, 6, 20));
        assertThat(docket.asOf(on(2019, 6, 19)).reason().ruleId()).isEqualTo("PROTECTION");
        assertThat(docket.asOf(on(2019, 6, 20)).status()).isEqualTo(Status.EXECUTABLE);
    }

    // ---- same-day motions -----------------------------------------------------------------------------------------

    @Test
    void a_motion_to_reopen_received_on_the_order_date_counts_against_the_order_8_CFR_1003_23_b() {
        Verdict v = aRespondent().withOrder(inAbsentia(on(2019, 1, 7))).motion("MA", on(2019, 1, 7), "G", on(2019, 2, 1))
                .asOf(on(2019, 6, 23));
        assertThat(v.reason().ruleId()).isEqualTo("MOTION_REOPENED");
    }

    @Test
    void a_same_day_procedural_motion_granted_is_not_a_reopening_8_CFR_1003_23_b() {
        for (String type : List.of("CO", "WC", "CV", "TV")) {
            Verdict v = aRespondent().withOrder(inAbsentia(on(2019, 1, 7))).motion(type, on(2019, 1, 7), "G",
                    on(2019, 1, 7)).asOf(on(2019, 6, 23));
            assertThat(v.status()).as(type).isEqualTo(Status.EXECUTABLE);
            assertThat(finding(v, Rule.MOTION_REOPENED).detail()).contains("procedural");
        }
    }

    @Test
    void a_same_day_unlisted_motion_granted_needs_attorney_review_until_a_determination_8_CFR_1003_23_b() {
        ADocket docket = aRespondent().withOrder(inAbsentia(on(2019, 1, 7))).motion("MU", on(2019, 1, 7), "G",
                on(2019, 1, 7));
        long id = docket.nextId() - 1;
        Verdict v = docket.asOf(on(2019, 6, 23));
        assertThat(v.reason().ruleId()).isEqualTo("MOTION_REOPENED");
        assertThat(v.reason().detail()).contains("attorney review");
        assertThat(docket.determination(Subject.motion(id), Meaning.DOES_NOT_REOPEN, on(2019, 6, 1))
                .asOf(on(2019, 6, 23)).status()).isEqualTo(Status.EXECUTABLE);
    }

    @Test
    void an_unknown_motion_decision_needs_attorney_review_until_a_determination_8_CFR_1003_23_b() {
        ADocket docket = aRespondent().withOrder(inAbsentia(on(2019, 1, 7))).motion("MA", on(2019, 2, 1), "Q",
                on(2019, 3, 1));
        assertThat(docket.asOf(on(2019, 6, 23)).reason().detail()).contains("unknown code Q in DEC: attorney review");
        assertThat(docket.determination(Subject.motionDecision("Q"), Meaning.MOTION_NOT_GRANTED, on(2019, 6, 1))
                .asOf(on(2019, 6, 23)).status()).isEqualTo(Status.EXECUTABLE);
    }

    @Test
    void an_unknown_ij_decision_code_needs_attorney_review_until_a_determination_8_CFR_1240_12() {
        ProceedingFacts odd = new ProceedingFacts(MAIN, on(2018, 6, 1), "RMV", "Q", "", on(2019, 1, 7), true, "", false);
        ADocket docket = aRespondent().withOrder(odd);
        assertThat(docket.asOf(on(2019, 6, 23)).reason().detail()).contains("unknown code RMV/Q in DEC_CODE")
                .contains("attorney review");
        assertThat(docket.determination(Subject.ijDecision("RMV", "Q"), Meaning.ORDER_OF_REMOVAL, on(2019, 6, 1))
                .asOf(on(2019, 6, 23)).status()).isEqualTo(Status.EXECUTABLE);
        // A letter of tblLookupCourtDecision the case type does not list is known: no order of removal.
        ProceedingFacts dismissed = new ProceedingFacts(MAIN, on(2018, 6, 1), "RMV", "U", "", on(2019, 1, 7), false,
                "", false);
        assertThat(aRespondent().withOrder(dismissed).asOf(on(2019, 6, 23)).reason().detail())
                .contains("dismissed by IJ").doesNotContain("attorney review");
    }

    // ---- family members -------------------------------------------------------------------------------------------

    private static FamilyFacts riderOf(long lead, List<AppealFacts> leadAppeals) {
        return new FamilyFacts(lead, true, null, leadAppeals, List.of());
    }

    @Test
    void a_rider_whose_family_appeal_is_recorded_only_on_the_lead_gets_attorney_review_8_CFR_1003_6_a() {
        AppealFacts familyAppeal = new AppealFacts(555, 1L, on(2018, 2, 20), null, null, "Case Appeal", "A");
        ADocket rider = finalInPersonOrder().rider(riderOf(4001, List.of(familyAppeal)));
        Verdict v = rider.asOf(on(2019, 6, 23));
        assertThat(v.status()).isEqualTo(Status.NOT_EXECUTABLE);
        assertThat(v.reason().ruleId()).isEqualTo("FAMILY_FILING");
        assertThat(v.reason().detail()).contains("4001").contains("attorney review");
        // Lead only: the rider is judged on its own record.
        assertThat(finalInPersonOrder().rider(riderOf(4001, List.of(familyAppeal)))
                .determination(Subject.leadAppeal(555), Meaning.LEAD_ONLY, on(2019, 6, 1)).asOf(on(2019, 6, 23))
                .status()).isEqualTo(Status.EXECUTABLE);
        // The rider's too: the lead's pending appeal is read as the rider's, and stays removal.
        assertThat(finalInPersonOrder().rider(riderOf(4001, List.of(familyAppeal)))
                .determination(Subject.leadAppeal(555), Meaning.COVERS_RIDER, on(2019, 6, 1)).asOf(on(2019, 6, 23))
                .reason().ruleId()).isEqualTo("APPEAL_PENDING");
        // A severed rider, and a lead's bond appeal, are nothing to review.
        assertThat(finalInPersonOrder().rider(new FamilyFacts(4001, false, on(2018, 1, 1), List.of(familyAppeal),
                List.of())).asOf(on(2019, 6, 23)).status()).isEqualTo(Status.EXECUTABLE);
        assertThat(finalInPersonOrder().rider(riderOf(4001, List.of(new AppealFacts(556, 1L, on(2018, 3, 1), null,
                null, "Bond Appeal", "A")))).asOf(on(2019, 6, 23)).status()).isEqualTo(Status.EXECUTABLE);
    }

    @Test
    void a_lead_filing_against_a_decision_of_another_day_is_not_the_familys_8_CFR_1003_23_b() {
        // The rider's order is of 2018-02-01; the lead's motion is against the lead's own order of 2017-05-01.
        ProceedingFacts leadOrder = new ProceedingFacts(60, on(2016, 1, 1), "RMV", "X", "", on(2017, 5, 1), true, "",
                false);
        MotionFacts leadMotion = new MotionFacts(61, 60L, on(2018, 3, 1), null, null, null, "MA", "A");
        assertThat(finalInPersonOrder().rider(new FamilyFacts(4001, true, null, List.of(), List.of(leadMotion),
                List.of(leadOrder))).asOf(on(2019, 6, 23)).status()).isEqualTo(Status.EXECUTABLE);
        // Against a lead decision of the rider's order date it may be the family's: attorney review.
        ProceedingFacts sameDay = new ProceedingFacts(60, on(2016, 1, 1), "RMV", "X", "", on(2018, 2, 1), true, "",
                false);
        assertThat(finalInPersonOrder().rider(new FamilyFacts(4001, true, null, List.of(), List.of(leadMotion),
                List.of(sameDay))).asOf(on(2019, 6, 23)).reason().ruleId()).isEqualTo("FAMILY_FILING");
    }

    // ---- petitions for review -------------------------------------------------------------------------------------

    @Test
    void a_pending_petition_for_review_does_not_stay_removal_INA_242_b_3_B() {
        ADocket docket = finalInPersonOrder().appeal(on(2018, 2, 20), "DIS", on(2018, 11, 5));
        docket.petition(docket.nextId() - 1, on(2018, 12, 1), null, null);
        Verdict v = docket.asOf(on(2019, 6, 23));
        assertThat(v.status()).isEqualTo(Status.EXECUTABLE);
        assertThat(finding(v, Rule.PETITION_FOR_REVIEW).detail()).contains("does not stay removal");
    }

    @Test
    void a_remand_on_a_petition_for_review_leaves_no_final_order_until_the_bia_decides_again_INA_242_b_3_B() {
        ADocket docket = finalInPersonOrder().appeal(on(2018, 2, 20), "DIS", on(2018, 11, 5));
        docket.petition(docket.nextId() - 1, on(2018, 12, 1), "REM", on(2019, 4, 1));
        Verdict v = docket.asOf(on(2019, 6, 23));
        assertThat(v.status()).isEqualTo(Status.NOT_EXECUTABLE);
        assertThat(v.reason().ruleId()).isEqualTo("PETITION_FOR_REVIEW");
        docket.appeal("Circuit Court Remand", on(2019, 4, 15), "DIS", on(2019, 6, 1));
        assertThat(docket.asOf(on(2019, 6, 23)).status()).isEqualTo(Status.EXECUTABLE);
    }

    // ---- data freshness -------------------------------------------------------------------------------------------

    @Test
    void docket_data_older_than_the_bound_never_yields_executable_invariant_8() {
        ADocket docket = aRespondent().withOrder(inAbsentia(on(2019, 1, 7))).dataAsOf(on(2019, 6, 10));
        Verdict fresh = docket.asOf(on(2019, 6, 17));
        assertThat(fresh.status()).isEqualTo(Status.EXECUTABLE);
        assertThat(fresh.dataAsOf()).isEqualTo(on(2019, 6, 10));
        assertThat(finding(fresh, Rule.DATA_FRESHNESS).detail()).contains("Judged on data as of 2019-06-10");
        Verdict stale = docket.asOf(on(2019, 6, 18));
        assertThat(stale.status()).isEqualTo(Status.NOT_EXECUTABLE);
        assertThat(stale.reason().ruleId()).isEqualTo("DATA_FRESHNESS");
        assertThat(stale.reason().detail()).contains("Docket data stale: re-import or verify with EOIR");
        assertThat(Executability.evaluate(docket.build(), on(2019, 6, 18),
                PolicySet.defaults().withDataStaleAfterDays(30)).status()).isEqualTo(Status.EXECUTABLE);
    }
}
