package org.caseops.worksite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.caseops.fixtures.Api;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A fluent fixture for worksite tests: synthetic employers (EINs with the never-issued prefix 00, unique per test
 * JVM) with a site in a field office, inspections with forms, and the five factors with their justifications.
 */
public final class WorksiteApi {

    private static final AtomicLong EIN = new AtomicLong(System.nanoTime() % 9_000_000 + 100_000);

    private final Api api;

    public WorksiteApi(Api api) {
        this.api = api;
    }

    public static String nextEin() {
        return String.format("00-%07d", EIN.incrementAndGet() % 10_000_000);
    }

    /** An employer with one site in {@code office}, created by {@code user}; returns the whole answer. */
    public JsonNode employer(String user, String office, String name, int employees) {
        return ok(post(user, "/api/employers", Map.of("name", name, "ein", nextEin(), "naics", "311615",
                "employees", employees, "site", Map.of("name", name + " plant 1", "address", "100 Synthetic Road",
                        "city", "Testville", "state", "TX", "fieldOffice", office, "workers", employees))),
                HttpStatus.CREATED);
    }

    public long siteOf(JsonNode employer) {
        return employer.path("sites").get(0).path("id").asLong();
    }

    /** An inspection of the site opened by {@code user} with the Notice of Inspection served on {@code servedOn}. */
    public long inspection(String user, long siteId, String servedOn) {
        return ok(post(user, "/api/inspections", Map.of("siteId", siteId, "noticeServedOn", servedOn)),
                HttpStatus.CREATED).path("inspection").path("id").asLong();
    }

    /** {@code total} forms, the first {@code substantive} with a substantive finding, one more with a technical one. */
    public JsonNode forms(String user, long inspection, int total, int substantive, String receivedOn) {
        JsonNode last = null;
        for (int i = 1; i <= total; i++) {
            List<Map<String, String>> findings = new ArrayList<>();
            if (i <= substantive) {
                findings.add(Map.of("part", "SECTION_2", "kind", "SUBSTANTIVE",
                        "detail", "section 2 not completed within three business days of hire"));
            } else if (i == substantive + 1) {
                findings.add(Map.of("part", "SECTION_1", "kind", "TECHNICAL", "detail", "street address missing"));
            }
            last = ok(post(user, "/api/inspections/" + inspection + "/forms", Map.of("employeeLabel",
                    String.format("Employee %03d", i), "receivedOn", receivedOn, "findings", findings)),
                    HttpStatus.CREATED);
        }
        return last;
    }

    public static List<Map<String, String>> factors(String size, String goodFaith, String seriousness,
            String unauthorized, String history) {
        return List.of(
                Map.of("factor", "SIZE_OF_BUSINESS", "direction", size, "justification", "forty employees, one plant"),
                Map.of("factor", "GOOD_FAITH", "direction", goodFaith, "justification", "produced every form on time"),
                Map.of("factor", "SERIOUSNESS", "direction", seriousness, "justification", "section 2 never done"),
                Map.of("factor", "UNAUTHORIZED_WORKERS", "direction", unauthorized,
                        "justification", "no worker found unauthorized"),
                Map.of("factor", "HISTORY", "direction", history, "justification", "no earlier inspection on record"));
    }

    public ResponseEntity<JsonNode> post(String user, String path, Object body) {
        return api.as(user).postForEntity(path, body, JsonNode.class);
    }

    public ResponseEntity<JsonNode> get(String user, String path) {
        return api.as(user).getForEntity(path, JsonNode.class);
    }

    public static JsonNode ok(ResponseEntity<JsonNode> response, HttpStatus expected) {
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(expected);
        return response.getBody();
    }
}
