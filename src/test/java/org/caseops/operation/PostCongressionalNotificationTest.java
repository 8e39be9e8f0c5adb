package org.caseops.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseops.operation.OperationsApi.ok;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.caseops.docket.DocketImporter;
import org.caseops.fixtures.Api;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Database;
import org.caseops.fixtures.Dockets;
import org.caseops.fixtures.EoirFiles;
import org.caseops.fixtures.Problems;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The congressional notification package (GET, PDF) and POST .../congressional-notification/sent; an operation the
 * notification policy covers is refused launch until its package is recorded as sent. The test puts a policy version
 * covering operations of one family unit in force for its own operation's window and takes it out again.
 */
@CaseOpsTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostCongressionalNotificationTest {

    @Autowired
    Api api;
    @Autowired
    DocketImporter importer;
    @Autowired
    JdbcClient jdbc;
    OperationsApi ops;

    /** One import: each test plans its own operation on family 1001 (operations do not exclude each other). */
    @BeforeAll
    void docket() throws Exception {
        Dockets.freshlyImported(EoirFiles.houstonFamilies(), importer, jdbc);
        ops = new OperationsApi(api);
    }

    private long approvedOperation() {
        long id = ops.houstonOperation();
        String path = "/api/operations/" + id;
        ok(ops.post("supervisor", path + "/targets", Map.of("familyId", 1001)), HttpStatus.CREATED);
        ok(ops.post("supervisor", path + "/plan", Map.of("seconds", 2)), HttpStatus.OK);
        ok(ops.post("supervisor", path + "/submit", Map.of()), HttpStatus.OK);
        ok(ops.post("attorney", path + "/legal-review/clear", Map.of()), HttpStatus.OK);
        long child = jdbc.sql("select id from person where given_name = 'Mateo'").query(Long.class).single();
        ok(ops.post("supervisor", path + "/care-arrangements", Map.of("personId", child, "kind", "RELATIVE",
                "caregiverName", "Aunt (synthetic)", "relationship", "aunt")), HttpStatus.CREATED);
        ok(ops.post("director", path + "/approve", Map.of()), HttpStatus.OK);
        return id;
    }

    @Test
    void a_covered_operation_launches_only_once_its_package_is_recorded_as_sent() {
        long id = approvedOperation();
        String path = "/api/operations/" + id;
        try (Database.Owner owner = Database.owner(jdbc)) {
            owner.jdbc().sql("""
                    insert into notification_policy (version, effective_from, required, min_family_units, basis,
                        recorded_by) values (99, date '2019-06-23', true, 1, 'test policy: every operation', 'test')""")
                    .update();
        }
        try {
            JsonNode before = ops.get("director", path + "/congressional-notification");
            assertThat(before.path("requirement").path("required").asBoolean()).isTrue();
            assertThat(before.path("requirement").path("policy").path("version").asInt()).isEqualTo(99);
            assertThat(before.path("scope").path("familyUnits").asInt()).isEqualTo(1);
            assertThat(before.path("scope").path("children").asInt()).isPositive();
            assertThat(before.path("scope").path("notTakenBecause").toString()).contains("US_CITIZEN");
            assertThat(before.path("approvalChain").findValuesAsText("kind")).contains("LEGAL_REVIEW_CLEARED",
                    "APPROVED");
            assertThat(before.path("safeguards").path("careArrangementsRecorded").asInt()).isEqualTo(1);
            assertThat(before.path("sent").size()).isZero();

            ResponseEntity<JsonNode> refused = ops.post("supervisor", path + "/launch", Map.of());
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(refused.getBody().path("detail").asText()).contains("congressional notification package",
                    "policy version 99");

            Problems.assertBadInput(ops.post("supervisor", path + "/congressional-notification/sent",
                    Map.of("sentTo", " ", "sentOn", "2019-06-20")), "sentTo");
            Problems.assertBadInput(ops.post("supervisor", path + "/congressional-notification/sent",
                    Map.of("sentTo", "House Homeland Security Committee")), "sentOn");
            JsonNode sent = ok(ops.post("supervisor", path + "/congressional-notification/sent", Map.of("sentTo",
                    "House and Senate homeland security committees – their clerks (Comité, synthetic)", "sentOn",
                    "2019-06-20")), HttpStatus.CREATED);
            assertThat(sent.path("sent").get(0).path("sentTo").asText()).startsWith("House and Senate");
            assertThat(sent.path("sent").get(0).path("recordedBy").asText()).isEqualTo("supervisor");

            ResponseEntity<byte[]> pdf = api.as("attorney").getForEntity(path + "/congressional-notification.pdf",
                    byte[].class);
            assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(new String(pdf.getBody(), 0, 5)).isEqualTo("%PDF-");

            JsonNode launched = ok(ops.post("supervisor", path + "/launch", Map.of()), HttpStatus.OK);
            assertThat(launched.path("operation").path("state").asText()).isEqualTo("ACTIVE");
            assertThat(ops.get("supervisor", path + "/events").findValuesAsText("kind"))
                    .containsSubsequence("APPROVED", "CONGRESSIONAL_NOTIFICATION_SENT", "LAUNCHED");
            assertThat(ops.post("supervisor", path + "/congressional-notification/sent", Map.of("sentTo",
                    "again", "sentOn", "2019-06-24")).getStatusCode()).as("only before launch")
                    .isEqualTo(HttpStatus.CONFLICT);
        } finally {
            try (Database.Owner owner = Database.owner(jdbc)) {
                owner.jdbc().sql("delete from operation_notification where policy_version = 99").update();
                owner.jdbc().sql("delete from notification_policy where version = 99").update();
            }
        }
    }

    @Test
    void an_operation_below_the_policys_size_launches_without_a_package() {
        long id = approvedOperation();

        JsonNode pkg = ops.get("supervisor", "/api/operations/" + id + "/congressional-notification");
        assertThat(pkg.path("requirement").path("required").asBoolean()).isFalse();
        assertThat(pkg.path("requirement").path("policy").path("minFamilyUnits").asInt()).isEqualTo(25);
        ok(ops.post("supervisor", "/api/operations/" + id + "/launch", Map.of()), HttpStatus.OK);
    }

    @Test
    void the_application_may_not_change_the_policy_or_a_record_of_a_package_sent() {
        assertThat(jdbc.sql("""
                select has_table_privilege('notification_policy', 'INSERT')
                    or has_table_privilege('notification_policy', 'UPDATE')
                    or has_table_privilege('notification_policy', 'DELETE')
                    or has_table_privilege('operation_notification', 'UPDATE')
                    or has_table_privilege('operation_notification', 'DELETE')""").query(Boolean.class).single())
                .isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql(
                "update notification_policy set min_family_units = 1000 where version = 1").update())
                .rootCause().hasMessageContaining("permission denied for table notification_policy");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql(
                "delete from operation_notification").update())
                .rootCause().hasMessageContaining("permission denied for table operation_notification");
    }
}
