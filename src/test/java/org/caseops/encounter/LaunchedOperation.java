package org.caseops.encounter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.caseops.fixtures.Api;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** A Houston operation over 23–25 June 2019 targeting family 1001, taken through approval to ACTIVE. */
final class LaunchedOperation {

    private final Api api;

    LaunchedOperation(Api api) {
        this.api = api;
    }

    long houstonFamily1001(long citizenChild) {
        long id = ok(post("supervisor", "/api/operations", Map.of("name", "Houston family op", "fieldOffices",
                List.of("HOU"), "windowStart", "2019-06-23", "windowEnd", "2019-06-25")), HttpStatus.CREATED)
                .path("operation").path("id").asLong();
        String path = "/api/operations/" + id;
        ok(post("supervisor", path + "/staging-sites", Map.of("name", "Hotel A", "kind", "HOTEL",
                "capacityPeople", 20, "capacityFamilyRooms", 5, "maxHours", 12)), HttpStatus.CREATED);
        ok(post("supervisor", path + "/teams", Map.of("name", "Team 1", "size", 6, "shifts", List.of(
                Map.of("day", "2019-06-23", "starts", "06:00", "ends", "18:00"),
                Map.of("day", "2019-06-24", "starts", "06:00", "ends", "18:00"),
                Map.of("day", "2019-06-25", "starts", "06:00", "ends", "18:00")))), HttpStatus.CREATED);
        ok(post("supervisor", path + "/roster", Map.of("username", "officer", "duty", "OFFICER")), HttpStatus.OK);
        ok(post("supervisor", path + "/targets", Map.of("familyId", 1001)), HttpStatus.CREATED);
        ok(post("supervisor", path + "/plan", Map.of("seconds", 2)), HttpStatus.OK);
        ok(post("supervisor", path + "/submit", Map.of()), HttpStatus.OK);
        ok(post("attorney", path + "/legal-review/clear", Map.of()), HttpStatus.OK);
        ok(post("supervisor", path + "/care-arrangements", Map.of("personId", citizenChild, "kind", "RELATIVE",
                "caregiverName", "Aunt (synthetic)")), HttpStatus.CREATED);
        ok(post("director", path + "/approve", Map.of()), HttpStatus.OK);
        ok(post("supervisor", path + "/launch", Map.of()), HttpStatus.OK);
        return id;
    }

    private ResponseEntity<JsonNode> post(String user, String path, Object body) {
        return api.as(user).postForEntity(path, body, JsonNode.class);
    }

    private static JsonNode ok(ResponseEntity<JsonNode> response, HttpStatus expected) {
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(expected);
        return response.getBody();
    }
}
