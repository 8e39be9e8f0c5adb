package org.caseops.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.caseops.docket.DocketImporter;
import org.caseops.fixtures.Api;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Database;
import org.caseops.fixtures.Dockets;
import org.caseops.fixtures.EoirFiles;
import org.caseops.fixtures.Problems;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A family's removal through the API, and the family gate held by the database as the application's role: family 1001
 * of the Houston docket — Ana Lopez (A 991000001, born 1990), her rider daughter Sofia (A 991000002, born 2012), both
 * ordered removed in absentia, and Mateo (born 2017), a U.S.-citizen child without a case; Jose Reyes (family 1003)
 * has a motion to reopen pending. Imported once.
 */
@CaseOpsTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RemovalTest {

    @Autowired
    Api api;
    @Autowired
    DocketImporter importer;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transaction;

    long ana;
    long sofia;
    long mateo;

    @BeforeAll
    void docket() throws Exception {
        Dockets.freshlyImported(EoirFiles.houstonFamilies(), importer, jdbc);
        ana = id("select id from person where a_number = '991000001'");
        sofia = id("select id from person where a_number = '991000002'");
        mateo = id("select id from person where given_name = 'Mateo'");
    }

    @BeforeEach
    void none() {
        try (Database.Owner owner = Database.owner(jdbc)) {
            owner.jdbc().sql("truncate removal, removal_member restart identity").update();
        }
    }

    private long id(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static ResponseEntity<JsonNode> post(TestRestTemplate as, String path, Map<String, Object> body) {
        return as.postForEntity("/api/families/1001/removals" + path, body, JsonNode.class);
    }

    private static Map<String, Object> request(List<Long> accompanying) {
        Map<String, Object> body = new HashMap<>();
        body.put("country", "Guatemala");
        body.put("consulate", "Consulate General of Guatemala, Houston");
        body.put("requestedOn", "2019-06-03");
        body.put("accompanying", accompanying);
        return body;
    }

    /** Requests the removal, has every document issued and schedules it; answers the removal. */
    private JsonNode scheduled(List<Long> accompanying) {
        ResponseEntity<JsonNode> created = post(api.as("supervisor"), "", request(accompanying));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long id = created.getBody().path("id").asLong();
        int version = 0;
        for (JsonNode m : created.getBody().path("members")) {
            ResponseEntity<JsonNode> doc = post(api.as("officer"), "/" + id + "/travel-documents", Map.of("personId",
                    m.path("personId").asLong(), "status", "ISSUED", "on", "2019-06-10", "reference",
                    "TD-" + m.path("personId").asLong() + " (synthetic)", "version", version));
            assertThat(doc.getStatusCode()).isEqualTo(HttpStatus.OK);
            version = doc.getBody().path("version").asInt();
        }
        ResponseEntity<JsonNode> itinerary = post(api.as("officer"), "/" + id + "/itinerary", Map.of("mode",
                "CHARTER", "date", "2019-06-20", "port", "Alexandria, LA (AEX)", "version", version));
        assertThat(itinerary.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(itinerary.getBody().path("status").asText()).isEqualTo("SCHEDULED");
        return itinerary.getBody();
    }

    @Test
    void a_family_is_removed_together_and_each_case_is_closed() {
        JsonNode r = scheduled(List.of(mateo));
        long id = r.path("id").asLong();
        assertThat(r.path("members").findValuesAsText("role")).containsExactlyInAnyOrder("REMOVED", "REMOVED",
                "ACCOMPANYING");

        Map<String, Object> departure = Map.of("departedOn", "2019-06-20", "port", "Alexandria, LA (AEX)", "escort",
                "two officers of the Houston field office", "version", r.path("version").asInt());
        ResponseEntity<JsonNode> departed = post(api.as("officer"), "/" + id + "/departure", departure);

        assertThat(departed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(departed.getBody().path("status").asText()).isEqualTo("DEPARTED");
        assertThat(jdbc.sql("select count(*) from case_event where kind = 'CASE_CLOSED' and person_id in (?, ?, ?)")
                .params(ana, sofia, mateo).query(Long.class).single()).isEqualTo(3);
        assertThat(post(api.as("officer"), "/" + id + "/departure", departure).getStatusCode()).as("once")
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'REMOVAL_DEPARTED'").query(Long.class)
                .single()).isPositive();
    }

    @Test
    void a_child_left_behind_without_a_caregiver_stops_the_departure_and_nothing_moves() {
        JsonNode r = scheduled(List.of());
        long id = r.path("id").asLong();
        Map<String, Object> departure = Map.of("departedOn", "2019-06-20", "port", "Alexandria, LA (AEX)", "escort",
                "unescorted", "version", r.path("version").asInt());

        ResponseEntity<JsonNode> refused = post(api.as("officer"), "/" + id + "/departure", departure);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody().path("detail").asText()).contains("minor " + mateo, "caregiver");
        assertThat(jdbc.sql("select status from removal where id = ?").param(id).query(String.class).single())
                .isEqualTo("SCHEDULED");
        ResponseEntity<JsonNode> stale = post(api.as("supervisor"), "/" + id + "/cancel", Map.of("reason",
                "the family asked to travel with Mateo", "version", 0));
        assertThat(stale.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(post(api.as("supervisor"), "/" + id + "/cancel", Map.of("reason",
                "the family asked to travel with Mateo", "version", r.path("version").asInt())).getBody()
                .path("status").asText()).isEqualTo("CANCELLED");
    }

    @Test
    void no_travel_document_is_asked_for_a_family_with_a_member_not_executable() {
        ResponseEntity<JsonNode> refused = api.as("supervisor").postForEntity("/api/families/1003/removals",
                request(List.of()), JsonNode.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody().path("detail").asText()).contains("991000003", "NOT_EXECUTABLE");
        assertThat(jdbc.sql("select count(*) from removal").query(Long.class).single()).isZero();
    }

    @Test
    void bad_input_names_the_field_and_a_second_open_removal_is_a_409() {
        Problems.assertBadInput(post(api.as("supervisor"), "", Map.of("consulate", "Consulate of Guatemala",
                "requestedOn", "2019-06-03")), "country");
        Problems.assertBadInput(post(api.as("supervisor"), "", request(List.of(ana))), "accompanying");
        long id = post(api.as("supervisor"), "", request(List.of())).getBody().path("id").asLong();
        assertThat(post(api.as("supervisor"), "", request(List.of())).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        Problems.assertBadInput(post(api.as("officer"), "/" + id + "/travel-documents", Map.of("personId", ana,
                "status", "LOST", "on", "2019-06-10", "reference", "x", "version", 0)), "status");
        assertThat(post(api.as("officer"), "/" + id + "/itinerary", Map.of("mode", "COMMERCIAL", "date",
                "2019-06-20", "port", "Houston (IAH)", "version", 0)).getStatusCode()).as("documents not issued")
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(post(api.as("attorney"), "", request(List.of())).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void the_database_refuses_a_partial_family_removal_from_the_applications_role() {
        // a removal with nobody in it
        assertThatThrownBy(() -> jdbc.sql("""
                insert into removal (family_id, field_office_code, country, consulate, requested_on, created_by)
                values (1001, 'HOU', 'Guatemala', 'Consulate of Guatemala', '2019-06-03', 'sql')""").update())
                .hasMessageContaining("a family leaves together or not at all");
        // the mother alone, in one transaction
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            long id = jdbc.sql("""
                    insert into removal (family_id, field_office_code, country, consulate, requested_on, created_by)
                    values (1001, 'HOU', 'Guatemala', 'Consulate of Guatemala', '2019-06-03', 'sql')
                    returning id""").query(Long.class).single();
            jdbc.sql("insert into removal_member (removal_id, person_id, role) values (?, ?, 'REMOVED')")
                    .params(id, ana).update();
        })).hasMessageContaining("person " + sofia + " of family 1001 is not in removal");
        assertThat(jdbc.sql("select count(*) from removal").query(Long.class).single()).isZero();

        // a whole family's removal, then attempts to take a member out of it or to remove a U.S. citizen
        long id = post(api.as("supervisor"), "", request(List.of())).getBody().path("id").asLong();
        assertThatThrownBy(() -> jdbc.sql("delete from removal_member where person_id = ?").param(sofia).update())
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("update removal_member set role = 'ACCOMPANYING' where person_id = ?")
                .param(sofia).update()).rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("insert into removal_member (removal_id, person_id, role) values (?, ?, "
                + "'REMOVED')").params(id, mateo).update()).hasMessageContaining("U.S. citizen");
        // departed straight from SQL, without travel documents: refused at commit
        jdbc.sql("""
                update removal set status = 'SCHEDULED', itinerary_mode = 'CHARTER', itinerary_date = '2019-06-20'
                where id = ?""").param(id).update();
        assertThatThrownBy(() -> jdbc.sql("""
                update removal set status = 'DEPARTED', departed_on = '2019-06-20', departure_port = 'AEX',
                    escort = 'sql', verified_by = 'sql' where id = ?""").param(id).update())
                .hasMessageContaining("has no travel document issued");
        jdbc.sql("update removal_member set document_status = 'ISSUED', document_on = '2019-06-10', "
                + "document_reference = 'sql' where removal_id = ?").param(id).update();
        assertThatThrownBy(() -> jdbc.sql("""
                update removal set status = 'DEPARTED', departed_on = '2019-06-20', departure_port = 'AEX',
                    escort = 'sql', verified_by = 'sql' where id = ?""").param(id).update())
                .hasMessageContaining("minor " + mateo + " of family 1001 would stay behind");
    }
}
