package org.caseops.encounter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.caseops.docket.DocketImporter;
import org.caseops.fixtures.AllAtOnce;
import org.caseops.fixtures.Api;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Dockets;
import org.caseops.fixtures.EoirFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code POST /api/encounters} with an {@code Idempotency-Key} (issue 15: the encounter form on a patchy network): a
 * resubmission after a lost answer records nothing twice and answers as the first time; two submissions at once
 * record once; the same key for another visit or by another user is refused; the application role may not rewrite a
 * stored key.
 */
@CaseOpsTest
class PostEncounterIdempotencyTest {

    @Autowired
    Api api;
    @Autowired
    DocketImporter importer;
    @Autowired
    JdbcClient jdbc;
    long operation;
    long sofia;
    long mateo;

    @BeforeEach
    void launchedOperation() throws Exception {
        Dockets.freshlyImported(EoirFiles.houstonFamilies(), importer, jdbc);
        sofia = jdbc.sql("select id from person where given_name = 'Sofia'").query(Long.class).single();
        mateo = jdbc.sql("select id from person where given_name = 'Mateo'").query(Long.class).single();
        operation = new LaunchedOperation(api).houstonFamily1001(mateo);
    }

    private Map<String, Object> visit(String place) {
        Map<String, Object> body = new HashMap<>();
        body.put("operationId", operation);
        body.put("familyId", 1001);
        body.put("occurredAt", "2019-06-24T12:00:00Z");
        body.put("place", place);
        body.put("custodySite", "Houston field office");
        body.put("people", List.of(
                Map.of("aNumber", "991000001", "kind", "TARGET", "outcome", "ARRESTED", "screening", Map.of(
                        "minorChildren", true, "otherDependants", false, "soleCaregiver", true,
                        "pregnantOrNursing", false, "children", List.of(
                                Map.of("personId", sofia, "name", "Sofia", "age", 6, "location", "PRESENT"),
                                Map.of("personId", mateo, "name", "Mateo", "age", 2, "location", "DAY_CARE",
                                        "caregiverName", "Day-care director (synthetic)")))),
                Map.of("aNumber", "991000002", "kind", "TARGET", "outcome", "ARRESTED")));
        return body;
    }

    private ResponseEntity<JsonNode> send(String user, String key, Map<String, Object> body) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("Idempotency-Key", key);
        return api.as(user).postForEntity("/api/encounters", new HttpEntity<>(body, headers), JsonNode.class);
    }

    private long encounters() {
        return jdbc.sql("select count(*) from encounter where operation_id = ?").param(operation).query(Long.class)
                .single();
    }

    private long welfareTasks() {
        return jdbc.sql("select count(*) from task where type = 'CHILD_WELFARE_CHECK' and operation_id = ?")
                .param(operation).query(Long.class).single();
    }

    @Test
    void a_resubmission_after_a_lost_answer_records_nothing_twice_and_answers_as_the_first_time() {
        String key = UUID.randomUUID().toString();

        ResponseEntity<JsonNode> first = send("officer", key, visit("address of record (synthetic)"));
        assertThat(first.getStatusCode()).as(String.valueOf(first.getBody())).isEqualTo(HttpStatus.CREATED);
        assertThat(first.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("false");
        ResponseEntity<JsonNode> again = send("officer", key, visit("address of record (synthetic)"));

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(again.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.getBody()).isEqualTo(first.getBody());
        assertThat(encounters()).isEqualTo(2);
        assertThat(welfareTasks()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from custody_event ce join person p on p.id = ce.person_id "
                + "where p.given_name in ('Ana', 'Sofia')").query(Long.class).single())
                .as("taken into custody once each").isEqualTo(2);
    }

    @Test
    void two_submissions_of_one_key_at_once_record_the_visit_once() throws Exception {
        String key = UUID.randomUUID().toString();

        List<ResponseEntity<JsonNode>> answers = AllAtOnce.run(2,
                () -> send("officer", key, visit("address of record (synthetic)")));

        assertThat(answers).allSatisfy(a -> assertThat(a.getStatusCode()).as(String.valueOf(a.getBody()))
                .isEqualTo(HttpStatus.CREATED));
        assertThat(answers.stream().map(a -> a.getHeaders().getFirst("Idempotent-Replayed")).toList())
                .containsExactlyInAnyOrder("false", "true");
        assertThat(answers.get(0).getBody()).isEqualTo(answers.get(1).getBody());
        assertThat(encounters()).isEqualTo(2);
    }

    @Test
    void the_same_key_for_another_visit_or_by_another_user_is_refused_and_a_malformed_key_is_a_bad_input() {
        String key = UUID.randomUUID().toString();
        assertThat(send("officer", key, visit("address of record (synthetic)")).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);

        ResponseEntity<JsonNode> another = send("officer", key, visit("a neighbour's porch (synthetic)"));
        assertThat(another.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(another.getBody().path("detail").asText()).contains("used for another visit");
        ResponseEntity<JsonNode> byOther = send("supervisor", key, visit("address of record (synthetic)"));
        assertThat(byOther.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(byOther.getBody().path("detail").asText()).contains("used by another user");
        ResponseEntity<JsonNode> malformed = send("officer", "short", visit("address of record (synthetic)"));
        assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(malformed.getBody().toString()).contains("Idempotency-Key");
        assertThat(encounters()).isEqualTo(2);

        assertThatThrownBy(() -> jdbc.sql("update encounter_visit_key set actor = 'someone else' where key = ?")
                .param(key).update()).as("the application role may not rewrite a key")
                .hasStackTraceContaining("permission denied");
    }
}
