package org.caseops.worksite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseops.worksite.WorksiteApi.factors;
import static org.caseops.worksite.WorksiteApi.ok;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.caseops.fixtures.Api;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Problems;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A Form I-9 inspection over HTTP, from the Notice of Inspection to the final order: the production deadline, forms
 * and findings, the notices and their deadlines, the fine of a notice of intent to fine, the hearing window.
 */
@CaseOpsTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InspectionsApiTest {

    @Autowired
    Api api;
    @Autowired
    JdbcClient jdbc;
    WorksiteApi worksite;
    long site;

    @BeforeAll
    void aHoustonEmployer() {
        worksite = new WorksiteApi(api);
        site = worksite.siteOf(worksite.employer("supervisor", "HOU", "Bayou Packing (synthetic)", 40));
    }

    @Test
    void from_notice_of_inspection_to_final_order() {
        // Thursday 28 August 2025: Labor Day on 1 September → forms due Wednesday 3 September
        long id = worksite.inspection("supervisor", site, "2025-08-28");
        JsonNode opened = ok(worksite.get("officer", "/api/inspections/" + id), HttpStatus.OK);
        assertThat(opened.path("inspection").path("productionDue").asText()).isEqualTo("2025-09-03");
        assertThat(opened.path("inspection").path("productionRule").asText())
                .startsWith("I9_PRODUCTION_3_BUSINESS_DAYS");

        // 20 forms, 7 with substantive findings, one with a technical failure only; produced a day late
        JsonNode reviewed = worksite.forms("officer", id, 20, 7, "2025-09-04");
        assertThat(reviewed.path("inspection").path("state").asText()).isEqualTo("FORMS_RECEIVED");
        assertThat(reviewed.path("inspection").path("producedLate").asBoolean()).isTrue();
        assertThat(reviewed.path("counts").path("violations").asInt()).isEqualTo(7);
        assertThat(reviewed.path("counts").path("withTechnicalOnly").asInt()).isEqualTo(1);

        // technical failures: 10 business days to correct (Columbus Day, 13 October, not counted)
        JsonNode technical = ok(worksite.post("supervisor", "/api/inspections/" + id + "/notices",
                Map.of("kind", "TECHNICAL_FAILURES", "servedOn", "2025-10-01")), HttpStatus.CREATED);
        assertThat(technical.path("notices").get(0).path("dueOn").asText()).isEqualTo("2025-10-16");

        // the notice of intent to fine: 35 % → the 30 % band of the 2025 schedule ($1,432), small and in good faith
        // (−10 %), serious (+5 %) → −5 % → $1,360.40 × 7
        JsonNode nif = ok(worksite.post("supervisor", "/api/inspections/" + id + "/notices",
                Map.of("kind", "INTENT_TO_FINE", "servedOn", "2025-11-03", "factors", factors("MITIGATING",
                        "MITIGATING", "AGGRAVATING", "NEUTRAL", "NEUTRAL"))), HttpStatus.CREATED);
        JsonNode notice = nif.path("notices").get(1);
        assertThat(notice.path("kind").asText()).isEqualTo("INTENT_TO_FINE");
        // 3 November + 30 days = Wednesday 3 December
        assertThat(notice.path("dueOn").asText()).isEqualTo("2025-12-03");
        JsonNode fine = notice.path("fine");
        assertThat(fine.path("errorRatePercent").decimalValue()).isEqualByComparingTo("35.00");
        assertThat(fine.path("baseAmount").decimalValue()).isEqualByComparingTo("1432");
        assertThat(fine.path("adjustmentPercent").asInt()).isEqualTo(-5);
        assertThat(fine.path("perViolation").decimalValue()).isEqualByComparingTo("1360.40");
        assertThat(fine.path("total").decimalValue()).isEqualByComparingTo("9522.80");
        assertThat(fine.path("factors").size()).isEqualTo(5);

        // a hearing request after the 30 days is late
        ok(worksite.post("supervisor", "/api/inspections/" + id + "/outcome", Map.of("to", "HEARING_REQUESTED",
                "on", "2025-12-04")), HttpStatus.CONFLICT);
        ok(worksite.post("attorney", "/api/inspections/" + id + "/outcome", Map.of("to", "HEARING_REQUESTED",
                "on", "2025-12-01")), HttpStatus.OK);
        Problems.assertBadInput(worksite.post("attorney", "/api/inspections/" + id + "/outcome",
                Map.of("to", "SETTLED", "on", "2026-02-02")), "amount");
        JsonNode settled = ok(worksite.post("attorney", "/api/inspections/" + id + "/outcome", Map.of("to",
                "SETTLED", "on", "2026-02-02", "amount", 6000, "note", "settled before the hearing")), HttpStatus.OK);
        assertThat(settled.path("inspection").path("state").asText()).isEqualTo("SETTLED");
        ok(worksite.post("attorney", "/api/inspections/" + id + "/outcome", Map.of("to", "FINAL_ORDER",
                "on", "2026-02-03", "amount", 6000)), HttpStatus.CONFLICT);

        long employer = opened.path("inspection").path("employerId").asLong();
        JsonNode history = ok(worksite.get("officer", "/api/employers/" + employer), HttpStatus.OK).path("history");
        assertThat(history.findValuesAsText("kind")).containsExactly("INSPECTION", "NOTICE", "NOTICE",
                "INSPECTION", "SETTLEMENT");
        assertThat(ok(worksite.get("auditor", "/api/inspections/" + id + "/events"), HttpStatus.OK)
                .findValuesAsText("kind")).containsExactly("NOTICE_OF_INSPECTION", "FORM_REVIEWED",
                        "FORM_REVIEWED", "FORM_REVIEWED", "FORM_REVIEWED", "FORM_REVIEWED", "FORM_REVIEWED",
                        "FORM_REVIEWED", "FORM_REVIEWED", "FORM_REVIEWED", "FORM_REVIEWED", "FORM_REVIEWED",
                        "FORM_REVIEWED", "FORM_REVIEWED", "FORM_REVIEWED", "FORM_REVIEWED", "FORM_REVIEWED",
                        "FORM_REVIEWED", "FORM_REVIEWED", "FORM_REVIEWED", "FORM_REVIEWED",
                        "NOTICE_TECHNICAL_FAILURES", "NOTICE_INTENT_TO_FINE", "HEARING_REQUESTED", "SETTLED");
    }

    @Test
    void a_notice_of_intent_to_fine_needs_all_five_factors_justified_and_something_to_fine() {
        long id = worksite.inspection("supervisor", site, "2025-09-08");
        ok(worksite.post("supervisor", "/api/inspections/" + id + "/notices", Map.of("kind", "COMPLIANCE_LETTER",
                "servedOn", "2025-09-20")), HttpStatus.CONFLICT); // no forms yet
        worksite.forms("officer", id, 3, 0, "2025-09-10");
        ok(worksite.post("supervisor", "/api/inspections/" + id + "/notices", Map.of("kind", "INTENT_TO_FINE",
                "servedOn", "2025-10-01", "factors", factors("NEUTRAL", "NEUTRAL", "NEUTRAL", "NEUTRAL",
                        "NEUTRAL"))), HttpStatus.CONFLICT); // no substantive violation

        long other = worksite.inspection("supervisor", site, "2025-09-08");
        worksite.forms("officer", other, 4, 2, "2025-09-10");
        List<Map<String, String>> four = factors("NEUTRAL", "NEUTRAL", "NEUTRAL", "NEUTRAL", "NEUTRAL")
                .subList(0, 4);
        Problems.assertBadInput(worksite.post("supervisor", "/api/inspections/" + other + "/notices",
                Map.of("kind", "INTENT_TO_FINE", "servedOn", "2025-10-01", "factors", four)), "factors");
        Problems.assertBadInput(worksite.post("supervisor", "/api/inspections/" + other + "/notices",
                Map.of("kind", "INTENT_TO_FINE", "servedOn", "2016-01-04", "factors",
                        factors("NEUTRAL", "NEUTRAL", "NEUTRAL", "NEUTRAL", "NEUTRAL"))), "servedOn");
        assertThat(jdbc.sql("select count(*) from i9_notice where inspection_id = ?").param(other)
                .query(Long.class).single()).isZero();
    }

    @Test
    void bad_input_and_other_field_offices() {
        Problems.assertBadInput(worksite.post("supervisor", "/api/inspections", Map.of("siteId", site)),
                "noticeServedOn");
        Problems.assertBadInput(worksite.post("supervisor", "/api/inspections", Map.of("siteId", 999999999,
                "noticeServedOn", "2025-09-01")), "siteId");
        long id = worksite.inspection("supervisor", site, "2025-09-15");
        Problems.assertBadInput(worksite.post("officer", "/api/inspections/" + id + "/forms",
                Map.of("employeeLabel", "Employee 1", "receivedOn", "2025-09-16", "findings",
                        List.of(Map.of("part", "SECTION_9", "kind", "TECHNICAL", "detail", "x")))), "findings.0.part");
        Problems.assertBadInput(worksite.post("officer", "/api/inspections/" + id + "/forms",
                Map.of("employeeLabel", "Employee 1")), "receivedOn");
        Problems.assertNotFound(worksite.get("officer.chicago", "/api/inspections/" + id), "no inspection " + id);
        assertThat(worksite.post("officer", "/api/inspections", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        // a stale version is refused
        JsonNode read = ok(worksite.get("officer", "/api/inspections/" + id), HttpStatus.OK);
        int version = read.path("inspection").path("version").asInt();
        worksite.forms("officer", id, 1, 0, "2025-09-17");
        ok(worksite.post("officer", "/api/inspections/" + id + "/forms", Map.of("employeeLabel", "Employee 9",
                "version", version)), HttpStatus.CONFLICT);
    }

    @Test
    void the_calculator_previews_a_fine_and_lists_its_schedules() {
        JsonNode fine = ok(worksite.post("auditor", "/api/fine-calculator", Map.of("noticeDate", "2025-07-04",
                "formsReviewed", 10, "violations", 9, "adjustments", factors("AGGRAVATING", "AGGRAVATING",
                        "AGGRAVATING", "AGGRAVATING", "AGGRAVATING"))), HttpStatus.OK);
        assertThat(fine.path("bound").asText()).isEqualTo("LOWERED_TO_MAXIMUM");
        assertThat(fine.path("perViolation").decimalValue()).isEqualByComparingTo("2861");
        Problems.assertBadInput(worksite.post("officer", "/api/fine-calculator", Map.of("noticeDate", "2025-07-04",
                "formsReviewed", 10, "violations", 11)), "violations");
        JsonNode schedules = ok(worksite.get("officer", "/api/penalty-schedules"), HttpStatus.OK);
        assertThat(schedules.get(schedules.size() - 1).path("max").decimalValue()).isEqualByComparingTo("2861");
        assertThat(schedules.get(schedules.size() - 1).path("source").asText()).contains("28 CFR 85.5");
    }

    @Test
    void an_uncorrected_technical_failure_becomes_a_violation_for_the_fine_and_a_correction_is_recorded_once() {
        // Thursday 28 August 2025; 3 forms: one substantive, one technical only, one clean
        long id = worksite.inspection("supervisor", site, "2025-08-28");
        worksite.forms("officer", id, 3, 1, "2025-09-02");
        long technical = jdbc.sql("""
                select f.id from i9_finding f join i9_form o on o.id = f.form_id
                where o.inspection_id = ? and f.kind = 'TECHNICAL'""").param(id).query(Long.class).single();
        long substantive = jdbc.sql("""
                select f.id from i9_finding f join i9_form o on o.id = f.form_id
                where o.inspection_id = ? and f.kind = 'SUBSTANTIVE'""").param(id).query(Long.class).single();
        String path = "/api/inspections/" + id + "/corrections";
        // no notice of technical failures yet: the 10 business days have not begun
        ok(worksite.post("supervisor", path, Map.of("findingId", technical, "corrected", true, "on", "2025-09-20")),
                HttpStatus.CONFLICT);
        ok(worksite.post("supervisor", "/api/inspections/" + id + "/notices", Map.of("kind", "TECHNICAL_FAILURES",
                "servedOn", "2025-10-01")), HttpStatus.CREATED); // due 16 October (Columbus Day not counted)
        Problems.assertBadInput(worksite.post("supervisor", path, Map.of("findingId", substantive, "corrected",
                true, "on", "2025-10-02")), "findingId");
        Problems.assertBadInput(worksite.post("supervisor", path, Map.of("findingId", technical, "corrected",
                true, "on", "2025-10-17")), "on"); // corrected after the deadline
        Problems.assertBadInput(worksite.post("supervisor", path, Map.of("findingId", technical, "corrected",
                false, "on", "2025-10-16")), "on"); // the employer still has that day
        Problems.assertBadInput(worksite.post("supervisor", path, Map.of("findingId", technical, "on",
                "2025-10-17")), "corrected");
        ok(worksite.post("officer", path, Map.of("findingId", technical, "corrected", false, "on", "2025-10-17")),
                HttpStatus.FORBIDDEN);

        JsonNode after = ok(worksite.post("supervisor", path, Map.of("findingId", technical, "corrected", false,
                "on", "2025-10-17", "note", "address still missing on the employer's copy")), HttpStatus.CREATED);
        assertThat(after.path("counts").path("withUncorrectedTechnical").asInt()).isEqualTo(1);
        assertThat(after.path("counts").path("violations").asInt()).isEqualTo(2);
        JsonNode correction = after.path("forms").findValues("correction").stream().filter(JsonNode::isObject)
                .findFirst().orElseThrow();
        assertThat(correction.path("corrected").asBoolean()).isFalse();
        assertThat(correction.path("dueOn").asText()).isEqualTo("2025-10-16");
        ok(worksite.post("supervisor", path, Map.of("findingId", technical, "corrected", false, "on",
                "2025-10-20")), HttpStatus.CONFLICT); // once per finding

        // the fine counts it: 2 violations of 3 forms
        JsonNode nif = ok(worksite.post("supervisor", "/api/inspections/" + id + "/notices", Map.of("kind",
                "INTENT_TO_FINE", "servedOn", "2025-11-03", "factors", factors("NEUTRAL", "NEUTRAL", "NEUTRAL",
                        "NEUTRAL", "NEUTRAL"))), HttpStatus.CREATED);
        assertThat(nif.path("notices").get(1).path("fine").path("violations").asInt()).isEqualTo(2);
        assertThat(ok(worksite.get("auditor", "/api/inspections/" + id + "/events"), HttpStatus.OK)
                .findValuesAsText("kind")).contains("CORRECTION_RECORDED");
    }

    @Test
    void a_failure_corrected_in_time_stays_outside_the_fine() {
        long id = worksite.inspection("supervisor", site, "2025-08-28");
        worksite.forms("officer", id, 2, 1, "2025-09-02");
        long technical = jdbc.sql("""
                select f.id from i9_finding f join i9_form o on o.id = f.form_id
                where o.inspection_id = ? and f.kind = 'TECHNICAL'""").param(id).query(Long.class).single();
        ok(worksite.post("supervisor", "/api/inspections/" + id + "/notices", Map.of("kind", "TECHNICAL_FAILURES",
                "servedOn", "2025-10-01")), HttpStatus.CREATED);
        JsonNode after = ok(worksite.post("director", "/api/inspections/" + id + "/corrections", Map.of(
                "findingId", technical, "corrected", true, "on", "2025-10-16")), HttpStatus.CREATED);
        assertThat(after.path("counts").path("violations").asInt()).isEqualTo(1);
        assertThat(after.path("counts").path("withUncorrectedTechnical").asInt()).isZero();
    }
}
