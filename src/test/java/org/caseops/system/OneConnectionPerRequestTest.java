package org.caseops.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.function.Supplier;
import org.caseops.docket.DocketImporter;
import org.caseops.fixtures.Api;
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
 * Each of the main reads takes one pooled connection, once (issue 12): the bearer token and its user, the read, and
 * the read's audit entry run on the request's one connection ({@link RequestConnection}). Counted by the pool's guard
 * ({@link ConnectionNesting}) per request ({@link RequestConnection#checkouts()}); a request that
 * needs no database takes none, and a refused read takes a second one for its refusal's audit entry after the
 * read's has gone back (so the count is what the pool saw, not a constant).
 */
@CaseOpsTest
class OneConnectionPerRequestTest {

    @Autowired
    Api api;
    @Autowired
    DocketImporter importer;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RequestConnection requestConnection;

    @BeforeEach
    void docket() throws Exception {
        Dockets.freshlyImported(EoirFiles.houstonFamilies(), importer, jdbc);
    }

    @Test
    void a_person_read_a_case_page_and_a_family_verdict_each_take_one_connection_for_sign_in_read_and_audit() {
        TestRestTemplate officer = api.as("officer");
        api.token("officer"); // signed in before counting: the token's own request is not the read's
        long audited = jdbc.sql("select count(*) from audit_entry where actor = 'officer'").query(Long.class).single();

        assertThat(checkouts(() -> officer.getForEntity("/api/people/991000001", JsonNode.class), HttpStatus.OK))
                .as("GET /api/people/{a}").isEqualTo(1);
        assertThat(checkouts(() -> officer.getForEntity("/api/cases?fieldOffice=HOU&page=0&size=50",
                JsonNode.class), HttpStatus.OK)).as("GET /api/cases").isEqualTo(1);
        assertThat(checkouts(() -> officer.getForEntity("/api/families/1001/executability?asOf=2019-06-23",
                JsonNode.class), HttpStatus.OK)).as("GET /api/families/{id}/executability").isEqualTo(1);
        assertThat(checkouts(() -> officer.getForEntity("/api/cases/991000001/executability?asOf=2019-06-23",
                JsonNode.class), HttpStatus.OK)).as("GET /api/cases/{a}/executability").isEqualTo(1);

        // and each wrote its audit entry on that connection, in the read's transaction
        assertThat(jdbc.sql("select action from audit_entry where actor = 'officer' order by seq offset ?")
                .param(audited).query(String.class).list())
                .containsExactly("PERSON_READ", "CASE_SEARCH", "EXECUTABILITY_READ", "EXECUTABILITY_READ");
    }

    @Test
    void a_request_without_the_database_takes_none_and_a_refused_read_takes_a_second_for_its_audit_entry() {
        api.token("officer.chicago");
        assertThat(checkouts(() -> api.anonymous().getForEntity("/css/caseops.css", String.class), HttpStatus.OK))
                .isZero();
        // another office's person: a 404, the read's transaction rolled back, the refusal audited in its own
        assertThat(checkouts(() -> api.as("officer.chicago").getForEntity("/api/people/991000001", JsonNode.class),
                HttpStatus.NOT_FOUND)).isEqualTo(2);
        assertThat(ConnectionNesting.heldByThisThread()).isZero();
    }

    /** The connections the server took from the pool for the one request {@code call} sends. */
    private long checkouts(Supplier<ResponseEntity<?>> call, HttpStatus expected) {
        RequestConnection.Checkouts before = requestConnection.checkouts();
        assertThat(before).as("checkouts counted (the pool's guard is on in tests)").isNotNull();
        assertThat(call.get().getStatusCode()).isEqualTo(expected);
        // the server records the request when it has ended, which may be just after the client has the answer
        await().atMost(Duration.ofSeconds(10))
                .until(() -> requestConnection.checkouts().requests() > before.requests());
        RequestConnection.Checkouts after = requestConnection.checkouts();
        assertThat(after.requests()).as("requests recorded").isEqualTo(before.requests() + 1);
        return after.connections() - before.connections();
    }
}
