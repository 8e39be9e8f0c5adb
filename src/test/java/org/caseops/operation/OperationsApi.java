package org.caseops.operation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.caseops.fixtures.Api;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A fluent fixture for operation tests: a Houston operation over 23–25 June 2019 planned by {@code supervisor}, with
 * a hotel and a field office as staging sites and two day-shift teams.
 */
public final class OperationsApi {

    static final String FIRST = "2019-06-23";
    static final String LAST = "2019-06-25";

    private final Api api;

    public OperationsApi(Api api) {
        this.api = api;
    }

    long houstonOperation() {
        ResponseEntity<JsonNode> created = post("supervisor", "/api/operations", Map.of("name", "Houston family op",
                "objective", "final orders of the family docket", "fieldOffices", List.of("HOU"),
                "windowStart", FIRST, "windowEnd", LAST));
        assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
        long id = created.getBody().path("operation").path("id").asLong();
        ok(post("supervisor", "/api/operations/" + id + "/staging-sites", Map.of("name", "Hotel A",
                "kind", "HOTEL", "capacityPeople", 20, "capacityFamilyRooms", 5, "maxHours", 12)), HttpStatus.CREATED);
        ok(post("supervisor", "/api/operations/" + id + "/staging-sites", Map.of("name", "Houston field office",
                "kind", "FIELD_OFFICE", "capacityPeople", 30, "capacityFamilyRooms", 0, "maxHours", 12)),
                HttpStatus.CREATED);
        for (String team : List.of("Team 1", "Team 2")) {
            ok(post("supervisor", "/api/operations/" + id + "/teams", Map.of("name", team, "size", 6,
                    "shifts", List.of(shift("2019-06-23"), shift("2019-06-24"), shift("2019-06-25")))),
                    HttpStatus.CREATED);
        }
        return id;
    }

    /**
     * An operation over several field offices, planned by {@code supervisor} (HOU must be among them), with a hotel
     * (80 people, 30 family rooms) and a field office (60 people) as staging sites and three teams working 05:00–20:00
     * every day in each office: room enough for the family-op docket's units over five days.
     */
    public long operationOverOffices(String name, List<String> offices, String first, String last) {
        long id = ok(post("supervisor", "/api/operations", Map.of("name", name, "fieldOffices", offices,
                "windowStart", first, "windowEnd", last)), HttpStatus.CREATED).path("operation").path("id").asLong();
        String path = "/api/operations/" + id;
        List<Map<String, String>> shifts = new ArrayList<>();
        for (LocalDate d = LocalDate.parse(first); !d.isAfter(LocalDate.parse(last)); d = d.plusDays(1)) {
            shifts.add(Map.of("day", d.toString(), "starts", "05:00", "ends", "20:00"));
        }
        for (String office : offices) {
            ok(post("supervisor", path + "/staging-sites", Map.of("name", office + " hotel", "kind", "HOTEL",
                    "fieldOffice", office, "capacityPeople", 80, "capacityFamilyRooms", 30, "maxHours", 12)),
                    HttpStatus.CREATED);
            ok(post("supervisor", path + "/staging-sites", Map.of("name", office + " field office",
                    "kind", "FIELD_OFFICE", "fieldOffice", office, "capacityPeople", 60, "capacityFamilyRooms", 0,
                    "maxHours", 12)), HttpStatus.CREATED);
            for (int t = 1; t <= 3; t++) {
                ok(post("supervisor", path + "/teams", Map.of("name", office + " team " + t,
                        "fieldOffice", office, "size", 6, "shifts", shifts)), HttpStatus.CREATED);
            }
        }
        return id;
    }

    private static Map<String, String> shift(String day) {
        return Map.of("day", day, "starts", "06:00", "ends", "18:00");
    }

    ResponseEntity<JsonNode> post(String user, String path, Object body) {
        return api.as(user).postForEntity(path, body, JsonNode.class);
    }

    JsonNode get(String user, String path) {
        ResponseEntity<JsonNode> response = api.as(user).getForEntity(path, JsonNode.class);
        assertThat(response.getStatusCode()).as(path + " " + response.getBody()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    static JsonNode ok(ResponseEntity<JsonNode> response, HttpStatus expected) {
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(expected);
        return response.getBody();
    }
}
