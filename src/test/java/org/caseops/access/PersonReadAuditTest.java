package org.caseops.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.caseops.docket.DocketImporter;
import org.caseops.fixtures.Api;
import org.caseops.fixtures.LegalVersions;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Dockets;
import org.caseops.fixtures.EoirFiles;
import org.caseops.fixtures.Problems;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every read of person-level data is scoped to the field office, states its purpose when it must, and is audited. */
@CaseOpsTest
class PersonReadAuditTest {

    @Autowired
    Api api;
    @Autowired
    DocketImporter importer;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void docket() throws Exception {
        Dockets.freshlyImported(EoirFiles.houstonFamilies(), importer, jdbc);
    }

    record Entry(String actor, String role, String fieldOffice, String action, String subjectType, String subjectId,
            String purpose, String requestId, String detail) {
    }

    private List<Entry> entriesOf(String requestId) {
        return jdbc.sql("""
                select actor, role, field_office, action, subject_type, subject_id, purpose, request_id, detail
                from audit_entry where request_id = ? order by seq""").param(requestId).query(Entry.class).list();
    }

    private ResponseEntity<JsonNode> get(String user, String purpose, String path, String requestId) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Request-Id", requestId);
        if (purpose != null) {
            headers.set("X-Purpose", purpose);
        }
        return api.as(user, null).exchange(path, HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
    }

    @Test
    void an_officer_reads_a_person_of_their_own_field_office_without_a_purpose_and_the_read_is_audited() {
        ResponseEntity<JsonNode> response = get("officer", null, "/api/people/991000001", "req-own-1");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getFirst("X-Request-Id")).isEqualTo("req-own-1");
        assertThat(entriesOf("req-own-1")).containsExactly(
                new Entry("officer", "OFFICER", "HOU", "PERSON_READ", "PERSON", "991000001", null, "req-own-1", null));
    }

    @Test
    void an_officer_of_another_field_office_is_refused_with_a_404_as_if_there_were_no_such_record() {
        ResponseEntity<JsonNode> response = get("officer.chicago", "curiosity", "/api/people/991000001", "req-x-1");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(entriesOf("req-x-1")).extracting(Entry::action).containsExactly("ACCESS_REFUSED");
    }

    @Test
    void counsel_reading_outside_their_own_field_office_must_state_a_purpose_which_is_recorded() {
        jdbc.sql("update app_user set field_office_code = 'NYC' where username = 'attorney'").update();
        try {
            Problems.assertBadInput(get("attorney", null, "/api/families/1001", "req-att-1"), "X-Purpose");

            ResponseEntity<JsonNode> response = get("attorney", "legal review of stay request", "/api/families/1001",
                    "req-att-2");

            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(entriesOf("req-att-2")).singleElement().satisfies(e -> {
                assertThat(e.action()).isEqualTo("FAMILY_READ");
                assertThat(e.subjectId()).isEqualTo("1001");
                assertThat(e.fieldOffice()).isEqualTo("NYC");
                assertThat(e.purpose()).isEqualTo("legal review of stay request");
            });
        } finally {
            jdbc.sql("update app_user set field_office_code = 'HOU' where username = 'attorney'").update();
        }
    }

    @Test
    void a_search_that_returns_people_is_audited_with_its_criteria_and_limited_to_the_own_field_office() {
        ResponseEntity<JsonNode> response = get("supervisor", null, "/api/cases?orderType=REMOVAL_ORDERED",
                "req-search-1");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().findValuesAsText("fieldOffice")).isNotEmpty().containsOnly("HOU");
        assertThat(entriesOf("req-search-1")).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("CASE_SEARCH");
            assertThat(e.detail()).contains("REMOVAL_ORDERED").contains("cases");
        });
        assertThat(get("supervisor", null, "/api/cases?fieldOffice=CHI", "req-search-2").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void auditors_and_administrators_see_no_person_level_data() {
        assertThat(get("auditor", "oversight", "/api/people/991000001", "req-aud").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("admin", "support", "/api/people/991000001", "req-adm").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void a_partner_sees_what_its_agreement_grants_in_its_field_office_with_a_purpose() {
        Problems.assertBadInput(get("partner", null, "/api/cases/991000001/executability", "req-p-0"), "X-Purpose");
        assertThat(get("partner", "traffic stop", "/api/cases/991000001/executability", "req-p-1").getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(get("partner", "traffic stop", "/api/cases?fieldOffice=HOU", "req-p-2").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(entriesOf("req-p-1")).extracting(Entry::action, Entry::role, Entry::purpose)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("EXECUTABILITY_READ", "PARTNER", "traffic stop"));
    }

    @Test
    void a_change_is_audited_in_its_transaction_with_the_actor() {
        ResponseEntity<JsonNode> hold = api.as("attorney").postForEntity("/api/cases/991000002/holds",
                LegalVersions.with(Map.of("reason", "Pending T visa"), LegalVersions.holds(api.as("attorney"),
                        "991000002")), JsonNode.class);

        assertThat(hold.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(jdbc.sql("select actor || ' ' || subject_type || ' ' || subject_id || ' ' || detail from audit_entry "
                + "where action = 'LEGAL_HOLD_PLACED' order by seq desc limit 1").query(String.class).single())
                .isEqualTo("attorney CASE 1002 Pending T visa");
        assertThat(jdbc.sql("select placed_by from legal_hold where idncase = 1002").query(String.class).single())
                .isEqualTo("attorney");
    }
}
