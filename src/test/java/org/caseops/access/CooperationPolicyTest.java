package org.caseops.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.caseops.fixtures.Api;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Problems;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** {@code /api/field-offices/{code}/cooperation-policies}: recorded as history, the latest in force counts. */
@CaseOpsTest
class CooperationPolicyTest {

    @Autowired
    Api api;

    private static Map<String, Object> policy(String jurisdiction, boolean detainers, String from) {
        Map<String, Object> body = new HashMap<>();
        body.put("jurisdiction", jurisdiction);
        body.put("honoursDetainers", detainers);
        body.put("agreement287g", false);
        body.put("sharesDatabases", detainers);
        body.put("effectiveFrom", from);
        return body;
    }

    @Test
    void a_director_records_a_change_of_policy_and_the_one_in_force_on_a_date_is_shown() {
        String path = "/api/field-offices/HOU/cooperation-policies";
        assertThat(api.as("director").postForEntity(path, policy("Testville", true, "2018-01-01"), JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(api.as("admin").postForEntity(path, policy("Testville", false, "2019-07-01"), JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);

        JsonNode june = api.as("officer").getForObject(path + "?asOf=2019-06-15", JsonNode.class);
        JsonNode august = api.as("officer").getForObject(path + "?asOf=2019-08-01", JsonNode.class);
        JsonNode history = api.as("officer").getForObject(path + "?history=true", JsonNode.class);

        assertThat(find(june, "Testville").path("honoursDetainers").asBoolean()).isTrue();
        assertThat(find(august, "Testville").path("honoursDetainers").asBoolean()).isFalse();
        assertThat(history.findValuesAsText("jurisdiction").stream().filter("Testville"::equals)).hasSize(2);
    }

    @Test
    void the_field_office_shows_its_policies_in_force() {
        JsonNode chicago = api.as("officer.chicago").getForObject("/api/field-offices/CHI", JsonNode.class);

        assertThat(find(chicago.path("cooperationPolicies"), "City of Chicago").path("sharesDatabases").asBoolean())
                .isFalse();
    }

    @Test
    void a_director_of_another_field_office_or_an_officer_may_not_record_one() {
        String path = "/api/field-offices/CHI/cooperation-policies";
        assertThat(api.as("director").postForEntity(path, policy("Elsewhere", true, "2019-01-01"), JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.as("officer").postForEntity("/api/field-offices/HOU/cooperation-policies",
                policy("Elsewhere", true, "2019-01-01"), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void a_missing_answer_is_a_400_naming_the_field() {
        Map<String, Object> body = policy("Testburg", true, "2019-01-01");
        body.remove("agreement287g");
        Problems.assertBadInput(api.as("admin").postForEntity("/api/field-offices/HOU/cooperation-policies", body,
                JsonNode.class), "agreement287g");
    }

    @Test
    void an_unknown_field_office_is_a_404() {
        ResponseEntity<JsonNode> response = api.as("admin").postForEntity("/api/field-offices/XXX/cooperation-policies",
                policy("Nowhere", true, "2019-01-01"), JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private static JsonNode find(JsonNode policies, String jurisdiction) {
        for (JsonNode p : policies) {
            if (p.path("jurisdiction").asText().equals(jurisdiction)) {
                return p;
            }
        }
        throw new AssertionError("no policy of " + jurisdiction + " in " + policies);
    }
}
