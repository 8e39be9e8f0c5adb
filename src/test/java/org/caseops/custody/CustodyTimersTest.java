package org.caseops.custody;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.caseops.docket.DocketImporter;
import org.caseops.fixtures.Api;
import org.caseops.fixtures.CustodyVersions;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Dockets;
import org.caseops.fixtures.EoirFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code POST /api/custody/timers/check}: staging hours, the Flores days of a minor held, and the post-order custody
 * review open an escalation task near or at the limit, once per person and clock.
 */
@CaseOpsTest
class CustodyTimersTest {

    @Autowired
    Api api;
    @Autowired
    DocketImporter importer;
    @Autowired
    JdbcClient jdbc;
    TestRestTemplate supervisor;

    /** A custody move as the officer, who reads the custody version first (docs/custody.md). */
    private static ResponseEntity<JsonNode> move(TestRestTemplate officer, String path, Map<String, ?> body) {
        return officer.postForEntity(path, CustodyVersions.read(officer, path, body), JsonNode.class);
    }

    @BeforeEach
    void familyStaged() throws Exception {
        Dockets.freshlyImported(EoirFiles.houstonFamilies(), importer, jdbc);
        // escalations of earlier tests on the same people are closed, so that each test sees its own
        jdbc.sql("update task set status = 'CANCELLED', closed_at = now(), closed_by = 'test', resolution = 'reset' "
                + "where type in ('CUSTODY_ESCALATION', 'CUSTODY_REVIEW') and closed_at is null").update();
        long ana = id("Ana");
        long sofia = id("Sofia");
        long mateo = id("Mateo");
        TestRestTemplate officer = api.as("officer");
        assertThat(officer.postForEntity("/api/families/1001/caregivers", Map.of("personId", mateo,
                "caregiverName", "Aunt (synthetic)", "relationship", "aunt"), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        var taken = move(officer, "/api/families/1001/custody/take", Map.of("personIds", List.of(ana, sofia),
                "site", "Houston FO", "at", "2019-06-24T07:00:00Z"));
        assertThat(taken.getStatusCode()).as(String.valueOf(taken.getBody())).isEqualTo(HttpStatus.OK);
        var staged = move(officer, "/api/families/1001/custody/stage", Map.of("site", "Hotel A",
                "at", "2019-06-24T09:00:00Z"));
        assertThat(staged.getStatusCode()).as(String.valueOf(staged.getBody())).isEqualTo(HttpStatus.OK);
        supervisor = api.as("supervisor");
    }

    private long id(String given) {
        return jdbc.sql("select id from person where given_name = ?").param(given).query(Long.class).single();
    }

    private JsonNode check(String asOf) {
        return supervisor.postForEntity("/api/custody/timers/check", Map.of("asOf", asOf), JsonNode.class).getBody();
    }

    private List<String> openTasks(String type) {
        return jdbc.sql("select title from task where type = ? and closed_at is null order by id").param(type)
                .query(String.class).list();
    }

    @Test
    void staging_hours_near_the_limit_open_one_escalation_per_person_and_no_more_when_checked_again() {
        assertThat(check("2019-06-24T12:00:00Z").size()).isZero();

        JsonNode near = check("2019-06-24T19:00:00Z");

        assertThat(near.findValuesAsText("clock")).containsOnly("STAGING_HOURS").hasSize(2);
        assertThat(near.findValuesAsText("breached")).containsOnly("false");
        assertThat(openTasks("CUSTODY_ESCALATION")).hasSize(2)
                .allSatisfy(t -> assertThat(t).startsWith("[STAGING_HOURS] near breach"));
        check("2019-06-25T10:00:00Z");
        assertThat(openTasks("CUSTODY_ESCALATION")).hasSize(2);
    }

    @Test
    void a_minor_held_near_the_flores_limit_and_everyone_at_the_custody_review_date_get_their_tasks() {
        jdbc.sql("update custody_status set state = 'TRANSPORTED', site = null, destination = 'Dilley' "
                + "where family_id = 1001").update();

        JsonNode flores = check("2019-07-12T08:00:00Z");
        assertThat(flores.findValuesAsText("clock")).containsExactly("FLORES_DAYS");
        assertThat(openTasks("CUSTODY_ESCALATION")).singleElement().asString().startsWith("[FLORES_DAYS]");

        check("2019-09-25T08:00:00Z");
        assertThat(openTasks("CUSTODY_REVIEW")).hasSize(2);
    }

    @Test
    void only_supervisors_and_directors_run_the_clocks() {
        assertThat(api.as("officer").postForEntity("/api/custody/timers/check", Map.of(), JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }
}
