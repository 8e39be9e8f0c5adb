package org.caseops.custody;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.caseops.docket.DocketImporter;
import org.caseops.fixtures.Api;
import org.caseops.fixtures.LegalVersions;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.CustodyVersions;
import org.caseops.fixtures.Dockets;
import org.caseops.fixtures.EoirFiles;
import org.caseops.fixtures.Problems;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A family through custody by the API: taken together, staged together, transported together, removed together. */
@CaseOpsTest
class FamilyCustodyApiTest {

    @Autowired
    Api api;
    @Autowired
    DocketImporter importer;
    @Autowired
    JdbcClient jdbc;
    TestRestTemplate officer;
    long ana;
    long sofia;
    long mateo;

    @BeforeEach
    void family() throws Exception {
        Dockets.freshlyImported(EoirFiles.houstonFamilies(), importer, jdbc);
        officer = api.as("officer");
        ana = id("Ana");
        sofia = id("Sofia");
        mateo = id("Mateo");
    }

    private long id(String given) {
        return jdbc.sql("select id from person where given_name = ?").param(given).query(Long.class).single();
    }

    /** Posts as the officer, who reads the custody version first for a move that does not name its own. */
    private ResponseEntity<JsonNode> post(String path, Object body) {
        return officer.postForEntity(path, CustodyVersions.read(officer, path, body), JsonNode.class);
    }

    /** Ana and Sofia taken into custody at the field office and staged at Hotel A at the times given. */
    private void takenAndStaged(String takenAt, String stagedAt) {
        caregiverForMateo();
        post("/api/families/1001/custody/take", Map.of("personIds", List.of(ana, sofia), "site", "Houston FO",
                "at", takenAt));
        post("/api/families/1001/custody/stage", Map.of("site", "Hotel A", "at", stagedAt));
    }

    private void caregiverForMateo() {
        assertThat(post("/api/families/1001/caregivers", Map.of("personId", mateo, "caregiverName",
                "Aunt (synthetic)", "relationship", "aunt", "location", "HOME")).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void a_family_goes_through_custody_together_and_every_step_is_in_the_ledger_and_the_timeline() {
        caregiverForMateo();
        assertThat(post("/api/families/1001/custody/take", Map.of("personIds", List.of(ana, sofia),
                "site", "Houston field office")).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(post("/api/families/1001/custody/stage", Map.of("site", "Hotel A")).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        JsonNode moved = post("/api/families/1001/custody/transport", Map.of("destination",
                "South Texas family residential center")).getBody();
        assertThat(moved.findValuesAsText("state")).containsExactly("TRANSPORTED", "TRANSPORTED");
        assertThat(post("/api/families/1001/custody/remove", Map.of()).getBody().findValuesAsText("state"))
                .containsExactly("REMOVED", "REMOVED");

        JsonNode custody = officer.getForObject("/api/people/991000001/custody", JsonNode.class);
        assertThat(custody.path("ledger").findValuesAsText("toState"))
                .containsExactly("IN_CUSTODY", "STAGED", "TRANSPORTED", "REMOVED");
        assertThat(custody.path("ledger").get(0).path("changedBy").asText()).isEqualTo("officer");
        assertThat(officer.getForObject("/api/people/991000002/timeline", JsonNode.class).findValuesAsText("kind"))
                .contains("CUSTODY_TAKEN", "CUSTODY_STAGED", "CUSTODY_TRANSPORTED", "CUSTODY_REMOVED");
    }

    @Test
    void taking_the_mother_alone_while_her_children_have_no_caregiver_is_refused_naming_the_child() {
        ResponseEntity<JsonNode> refused = post("/api/families/1001/custody/take", Map.of("personIds", List.of(ana),
                "site", "Houston field office"));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody().path("detail").asText()).contains("without a parent or a recorded caregiver");
        assertThat(jdbc.sql("select count(*) from custody_status").query(Long.class).single()).isZero();
    }

    @Test
    void releasing_the_mother_while_her_daughter_stays_in_custody_is_refused() {
        caregiverForMateo();
        post("/api/families/1001/custody/take", Map.of("personIds", List.of(ana, sofia), "site", "Houston FO"));

        ResponseEntity<JsonNode> refused = post("/api/people/991000001/custody/release",
                Map.of("reason", "HUMANITARIAN"));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody().path("detail").asText()).contains("minor " + sofia);
    }

    @Test
    void taking_a_us_citizen_child_into_custody_is_refused_with_the_reason_and_audited_not_a_404() {
        caregiverForMateo();
        long refusedBefore = jdbc.sql("select count(*) from audit_entry where action = 'CUSTODY_REFUSED'")
                .query(Long.class).single();

        ResponseEntity<JsonNode> refused = post("/api/families/1001/custody/take", Map.of("personIds",
                List.of(ana, sofia, mateo), "site", "Houston FO"));

        assertThat(refused.getStatusCode()).as(String.valueOf(refused.getBody())).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody().path("detail").asText()).contains("person " + mateo + " is a U.S. citizen");
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'CUSTODY_REFUSED'").query(Long.class)
                .single()).isEqualTo(refusedBefore + 1);
        assertThat(jdbc.sql("select count(*) from custody_status").query(Long.class).single()).isZero();
    }

    @Test
    void concurrent_releases_of_one_family_release_it_once_and_the_others_are_409s() throws Exception {
        caregiverForMateo();
        post("/api/families/1001/custody/take", Map.of("personIds", List.of(ana, sofia), "site", "Houston FO"));

        int read = CustodyVersions.family(officer, 1001);

        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        List<java.util.concurrent.Future<ResponseEntity<JsonNode>>> answers = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            answers.add(pool.submit(() -> post("/api/families/1001/custody/release", Map.of("reason", "OTHER",
                    "version", read))));
        }
        List<HttpStatus> statuses = new java.util.ArrayList<>();
        for (var answer : answers) {
            statuses.add(HttpStatus.valueOf(answer.get().getStatusCode().value()));
        }
        pool.shutdown();

        assertThat(statuses).containsOnly(HttpStatus.OK, HttpStatus.CONFLICT);
        assertThat(statuses).filteredOn(HttpStatus.OK::equals).hasSize(1);
        assertThat(jdbc.sql("select count(*) from custody_event where to_state = 'RELEASED' and person_id in (?, ?)")
                .params(ana, sofia).query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from case_event where kind = 'CUSTODY_RELEASED' and person_id in (?, ?)")
                .params(ana, sofia).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void a_family_move_on_a_stale_version_is_a_409_naming_the_current_one_and_the_right_one_succeeds() {
        caregiverForMateo();
        int read = CustodyVersions.family(officer, 1001);
        assertThat(post("/api/families/1001/custody/take", Map.of("personIds", List.of(ana, sofia),
                "site", "Houston FO", "version", read)).getStatusCode()).isEqualTo(HttpStatus.OK);
        int now = CustodyVersions.family(officer, 1001);
        assertThat(now).isEqualTo(read + 2); // one ledger entry per person taken

        // another officer read the family before the take, and stages it
        ResponseEntity<JsonNode> stale = post("/api/families/1001/custody/stage", Map.of("site", "Hotel A",
                "version", read));

        assertThat(stale.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(stale.getBody().path("detail").asText()).contains("at version " + now).contains("not " + read);
        assertThat(jdbc.sql("select count(*) from custody_status where state = 'STAGED' and person_id in (?, ?)")
                .params(ana, sofia).query(Long.class).single()).isZero();
        assertThat(post("/api/families/1001/custody/stage", Map.of("site", "Hotel A", "version", now))
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void a_release_on_a_stale_version_of_the_persons_custody_is_a_409_naming_the_current_one() {
        caregiverForMateo();
        post("/api/families/1001/custody/take", Map.of("personIds", List.of(ana, sofia), "site", "Houston FO"));
        int read = CustodyVersions.person(officer, "991000002");
        post("/api/families/1001/custody/stage", Map.of("site", "Hotel A"));
        int now = CustodyVersions.person(officer, "991000002");

        ResponseEntity<JsonNode> stale = post("/api/people/991000002/custody/release", Map.of("reason", "OTHER",
                "version", read));

        assertThat(stale.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(stale.getBody().path("detail").asText()).contains("at version " + now).contains("not " + read);
        assertThat(jdbc.sql("select state from custody_status where person_id = ?").param(sofia)
                .query(String.class).single()).isEqualTo("STAGED");
    }

    @Test
    void a_custody_move_without_the_version_read_is_a_400_naming_the_field() {
        caregiverForMateo();
        Problems.assertBadInput(officer.postForEntity("/api/families/1001/custody/take", Map.of("personIds",
                List.of(ana, sofia), "site", "Houston FO"), JsonNode.class), "version");
        Problems.assertBadInput(officer.postForEntity("/api/families/1001/custody/remove", null, JsonNode.class),
                "version");
        Problems.assertBadInput(officer.postForEntity("/api/people/991000001/custody/release",
                Map.of("reason", "OTHER"), JsonNode.class), "version");
        assertThat(jdbc.sql("select count(*) from custody_status where person_id in (?, ?)").params(ana, sofia)
                .query(Long.class).single()).isZero();
    }

    @Test
    void a_custody_change_dated_in_the_future_is_a_400_naming_at() {
        caregiverForMateo();
        Problems.assertBadInput(post("/api/families/1001/custody/take", Map.of("personIds", List.of(ana, sofia),
                "site", "Houston FO", "at", "2049-01-01T00:00:00Z")), "at");
    }

    @Test
    void custody_events_on_the_timeline_carry_the_time_of_the_change_not_the_time_recorded() {
        takenAndStaged("2019-06-24T07:00:00Z", "2019-06-24T09:00:00Z");

        JsonNode timeline = officer.getForObject("/api/people/991000002/timeline", JsonNode.class);
        java.util.Map<String, String> times = new java.util.HashMap<>();
        timeline.forEach(e -> times.put(e.path("kind").asText(), e.path("occurredAt").asText()));
        assertThat(java.time.Instant.parse(times.get("CUSTODY_TAKEN")))
                .isEqualTo(java.time.Instant.parse("2019-06-24T07:00:00Z"));
        assertThat(java.time.Instant.parse(times.get("CUSTODY_STAGED")))
                .isEqualTo(java.time.Instant.parse("2019-06-24T09:00:00Z"));
    }

    @Test
    void a_move_the_table_does_not_allow_is_a_409_and_a_missing_reason_a_400() {
        assertThat(post("/api/families/1001/custody/transport", Map.of("destination", "Dilley")).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        caregiverForMateo();
        post("/api/families/1001/custody/take", Map.of("personIds", List.of(ana, sofia), "site", "Houston FO"));
        Problems.assertBadInput(post("/api/people/991000001/custody/release", Map.of()), "reason");
        assertThat(post("/api/families/1001/custody/remove", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void a_family_whose_order_was_stayed_while_staged_cannot_be_transported_only_released() {
        takenAndStaged("2019-06-24T07:00:00Z", "2019-06-24T09:00:00Z");
        api.as("attorney").postForEntity("/api/cases/991000001/stays", LegalVersions.with(Map.of("kind",
                "JUDICIAL", "from", "2019-06-24", "reference", "emergency stay (synthetic)"),
                LegalVersions.stays(api.as("attorney"), "991000001")), JsonNode.class);

        ResponseEntity<JsonNode> refused = post("/api/families/1001/custody/transport", Map.of("destination",
                "Dilley", "at", "2019-06-24T18:00:00Z"));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody().path("detail").asText()).contains("NOT_EXECUTABLE").contains("release instead");
        assertThat(post("/api/families/1001/custody/release", Map.of("reason", "OTHER",
                "at", "2019-06-24T18:00:00Z")).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    /**
     * A stay in force through 2019-06-24, recorded while the family is staged: at 08:00 UTC on the 25th (03:00 in
     * Houston) it is still the 24th in Hawaii (22:00), where the stay may have been written, so the family is not
     * transported on the order yet (the day in UTC alone said the 25th); at 12:00 UTC it is the 25th everywhere in
     * the United States, and the transport goes ahead (LegalDays).
     */
    @Test
    void a_transport_waits_until_the_stays_last_day_has_ended_everywhere_in_the_united_states() {
        takenAndStaged("2019-06-24T12:00:00Z", "2019-06-24T13:00:00Z");
        assertThat(api.as("attorney").postForEntity("/api/cases/991000001/stays", LegalVersions.with(Map.of("kind",
                "JUDICIAL", "from", "2019-06-20", "until", "2019-06-24", "reference", "stay (synthetic)"),
                LegalVersions.stays(api.as("attorney"), "991000001")), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);

        ResponseEntity<JsonNode> refused = post("/api/families/1001/custody/transport", Map.of("destination",
                "Dilley", "at", "2019-06-25T08:00:00Z"));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody().path("detail").asText()).contains("NOT_EXECUTABLE on 2019-06-24",
                "(2019-06-24/2019-06-25)", "release instead");
        assertThat(post("/api/families/1001/custody/transport", Map.of("destination", "Dilley",
                "at", "2019-06-25T12:00:00Z")).getBody().findValuesAsText("state"))
                .containsExactly("TRANSPORTED", "TRANSPORTED");
    }

    @Test
    void an_officer_of_another_field_office_may_not_change_custody() {
        caregiverForMateo();
        assertThat(api.as("officer.chicago").postForEntity("/api/families/1001/custody/take",
                Map.of("personIds", List.of(ana, sofia), "site", "x"), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND); // another field office's family answers as none (issue 13)
    }
}
