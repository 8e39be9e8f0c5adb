package org.caseops.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.caseops.fixtures.Api;
import org.caseops.fixtures.CaseOpsTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

@CaseOpsTest
class GetApiDocsTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    Api api;

    @Test
    void the_openapi_document_lists_every_docket_endpoint() {
        ResponseEntity<JsonNode> response = http.getForEntity("/v3/api-docs", JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode paths = response.getBody().path("paths");
        assertThat(paths.has("/api/imports")).isTrue();
        assertThat(paths.path("/api/imports").has("post")).isTrue();
        assertThat(paths.has("/api/imports/{id}/quarantine")).isTrue();
        assertThat(paths.has("/api/people/{aNumber}")).isTrue();
        assertThat(paths.has("/api/people/{aNumber}/timeline")).isTrue();
        assertThat(paths.has("/api/families/{id}")).isTrue();
        assertThat(paths.has("/api/cases")).isTrue();
    }

    @Test
    void the_schema_documents_the_length_of_every_text_and_the_range_of_every_date() {
        JsonNode schemas = http.getForObject("/v3/api-docs", JsonNode.class).path("components").path("schemas");
        java.util.List<String> unlimited = new java.util.ArrayList<>();
        java.util.List<String> dates = new java.util.ArrayList<>();
        schemas.fields().forEachRemaining(schema -> schema.getValue().path("properties").fields()
                .forEachRemaining(property -> {
                    JsonNode p = property.getValue();
                    String name = schema.getKey() + "." + property.getKey();
                    if ("string".equals(p.path("type").asText()) && !p.has("enum") && !p.has("format")
                            && !p.has("maxLength")) {
                        unlimited.add(name);
                    }
                    if ("date".equals(p.path("format").asText())) {
                        dates.add(name + " " + p.path("x-earliest").asText() + ".." + p.path("x-latest").asText());
                    }
                }));
        assertThat(unlimited).as("text fields without a maxLength").isEmpty();
        assertThat(dates).isNotEmpty().allSatisfy(d -> assertThat(d).endsWith(" 1900-01-01..2199-12-31"));
        assertThat(schemas.path("CaseNoteController.NewNote").path("properties").path("text").path("maxLength").asInt())
                .isEqualTo(10_000);
    }

    @Test
    void swagger_signs_in_with_a_bearer_token_and_groups_the_operations_by_feature() {
        JsonNode docs = http.getForObject("/v3/api-docs", JsonNode.class);

        JsonNode scheme = docs.path("components").path("securitySchemes").path("bearer");
        assertThat(scheme.path("type").asText()).isEqualTo("http");
        assertThat(scheme.path("scheme").asText()).isEqualTo("bearer");
        assertThat(docs.path("security").get(0).has("bearer")).isTrue();
        JsonNode paths = docs.path("paths");
        assertThat(paths.path("/api/auth/token").path("post").path("security")).isEmpty();
        assertThat(paths.path("/api/tasks/{id}/priority").path("post").path("tags").get(0).asText())
                .isEqualTo("task");
        assertThat(paths.path("/api/people/{aNumber}").path("get").path("tags").get(0).asText())
                .isEqualTo("docket");
        assertThat(paths.path("/api/people/{aNumber}").path("get").path("parameters").findValuesAsText("name"))
                .contains("X-Purpose");
        java.util.List<String> tags = new java.util.ArrayList<>();
        docs.path("tags").forEach(t -> tags.add(t.path("name").asText()));
        assertThat(tags).contains("access", "task", "docket", "legal", "operation", "custody")
                .noneMatch(t -> t.endsWith("-controller"));
        java.util.List<String> untagged = new java.util.ArrayList<>();
        paths.fields().forEachRemaining(p -> p.getValue().fields().forEachRemaining(op -> {
            String tag = op.getValue().path("tags").path(0).asText();
            if (!tags.contains(tag)) {
                untagged.add(op.getKey() + " " + p.getKey() + " " + tag);
            }
        }));
        assertThat(untagged).isEmpty();
    }

    /** Every operation of the document, as "METHOD path" with its JSON. */
    private Map<String, JsonNode> operations(JsonNode docs) {
        Map<String, JsonNode> operations = new java.util.TreeMap<>();
        docs.path("paths").fields().forEachRemaining(p -> p.getValue().fields().forEachRemaining(
                op -> operations.put(op.getKey().toUpperCase() + " " + p.getKey(), op.getValue())));
        return operations;
    }

    @Test
    void every_operation_has_a_summary_in_words_and_a_readable_unique_id() {
        Map<String, JsonNode> operations = operations(http.getForObject("/v3/api-docs", JsonNode.class));

        assertThat(operations).hasSizeGreaterThan(150);
        List<String> poor = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        List<String> badIds = new ArrayList<>();
        operations.forEach((key, op) -> {
            String summary = op.path("summary").asText();
            String path = key.substring(key.indexOf(' ') + 1);
            if (summary.isBlank() || summary.contains("/api/") || summary.contains("{") || summary.equals(path)
                    || summary.split(" ").length < 3) {
                poor.add(key + " -> '" + summary + "'");
            }
            String id = op.path("operationId").asText();
            if (id.isBlank() || id.matches(".*_\\d+$") || !id.matches("[a-z][A-Za-z]*") || !ids.add(id)) {
                badIds.add(key + " -> " + id);
            }
        });
        assertThat(poor).as("operations without a summary in words").isEmpty();
        assertThat(badIds).as("operation ids missing, numbered, unreadable or repeated").isEmpty();
        assertThat(operations.get("GET /api/people/{aNumber}/notes").path("summary").asText())
                .isEqualTo("List the notes of a person");
        assertThat(operations.get("POST /api/tasks/{id}/cancel").path("summary").asText()).isEqualTo("Cancel a task");
        assertThat(operations.get("POST /api/operations/{id}/approve").path("operationId").asText())
                .isEqualTo("approveOperation");
        assertThat(operations.get("POST /api/nominations/{id}/approve").path("operationId").asText())
                .isEqualTo("approveNomination");
        assertThat(operations.get("POST /api/tokens/{id}/revoke").path("operationId").asText())
                .isEqualTo("revokeToken");
        assertThat(operations.get("GET /api/users").path("operationId").asText()).isEqualTo("listUsers");
        assertThat(operations.get("GET /api/operations/{id}/events").path("operationId").asText())
                .isEqualTo("operationEvents");
    }

    @Test
    void every_operation_documents_the_status_codes_it_really_gives_with_one_problem_schema() {
        JsonNode docs = http.getForObject("/v3/api-docs", JsonNode.class);
        Map<String, JsonNode> operations = operations(docs);

        List<String> wrong = new ArrayList<>();
        operations.forEach((key, op) -> {
            JsonNode responses = op.path("responses");
            List<String> codes = new ArrayList<>();
            responses.fieldNames().forEachRemaining(codes::add);
            String method = key.substring(0, key.indexOf(' '));
            boolean open = op.has("security") && op.path("security").isEmpty();
            boolean body = op.has("requestBody");
            boolean parameters = false;
            for (JsonNode p : op.path("parameters")) {
                parameters |= !p.path("name").asText().equals("X-Purpose");
            }
            if (codes.stream().filter(c -> c.startsWith("2")).count() != 1) {
                wrong.add(key + " success codes " + codes);
            }
            if ((body || parameters) && !codes.contains("400")) {
                wrong.add(key + " takes input but documents no 400");
            }
            if (!open && !(codes.contains("401") && codes.contains("403"))) {
                wrong.add(key + " signs in but documents no 401/403");
            }
            if (key.contains("{") && !codes.contains("404")) {
                wrong.add(key + " names a record but documents no 404");
            }
            if (!method.equals("GET") && !codes.contains("409") && !key.equals("POST /api/fine-calculator")
                    && !key.equals("POST /api/auth/token")) {
                wrong.add(key + " changes state but documents no 409");
            }
            if (method.equals("GET") && codes.contains("409")) {
                wrong.add(key + " reads but documents a 409");
            }
            if (body && !(codes.contains("413") && codes.contains("415"))) {
                wrong.add(key + " takes a body but documents no 413/415");
            }
            responses.fields().forEachRemaining(r -> {
                if (r.getValue().path("content").has("*/*")) {
                    wrong.add(key + " " + r.getKey() + " answers */*");
                }
                if (r.getKey().startsWith("4")) {
                    JsonNode problem = r.getValue().path("content").path("application/problem+json");
                    if (!problem.path("schema").path("$ref").asText().equals("#/components/schemas/ProblemDetail")
                            || r.getValue().path("content").size() != 1) {
                        wrong.add(key + " " + r.getKey() + " is not a ProblemDetail");
                    }
                }
            });
        });
        assertThat(wrong).isEmpty();

        JsonNode note = operations.get("POST /api/people/{aNumber}/notes").path("responses");
        assertThat(note.has("200")).isFalse();
        assertThat(note.path("201").path("content").path("application/json").path("schema").path("$ref").asText())
                .isEqualTo("#/components/schemas/CaseNotes.Note");
        JsonNode revoke = operations.get("POST /api/tokens/{id}/revoke").path("responses");
        assertThat(revoke.has("204")).isTrue();
        assertThat(revoke.path("204").has("content")).isFalse();
        assertThat(operations.get("POST /api/imports").path("responses").path("413").path("description").asText())
                .contains("upload");
        assertThat(operations.get("GET /api/letters/{reference}/pdf").path("responses").path("200").path("content")
                .has("application/pdf")).isTrue();
        assertThat(operations.get("POST /api/auth/token").path("responses").has("401")).isTrue();
        assertThat(operations.get("GET /api/locator").path("responses").has("403")).isFalse();

        JsonNode problem = docs.path("components").path("schemas").path("ProblemDetail").path("properties");
        Set<String> members = new TreeSet<>();
        problem.fieldNames().forEachRemaining(members::add);
        assertThat(members).containsExactly("detail", "field", "instance", "status", "title", "type");
        // what the server really sends fits the schema
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<JsonNode> refused = api.anonymous().postForEntity("/api/auth/token",
                new HttpEntity<>("{\"password\": \"x\"}", json), JsonNode.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(refused.getBody().path("field").asText()).isEqualTo("username");
        refused.getBody().fieldNames().forEachRemaining(name -> assertThat(members).contains(name));
    }

    @Test
    void request_fields_the_server_refuses_when_missing_are_required_and_each_record_has_its_own_schema() {
        JsonNode schemas = http.getForObject("/v3/api-docs", JsonNode.class).path("components").path("schemas");

        assertThat(schemas.path("AuthController.Credentials").path("required").toString())
                .contains("username").contains("password");
        assertThat(schemas.path("CaseNoteController.NewNote").path("required").toString()).contains("text");
        assertThat(schemas.path("SupervisionController.CheckIn").path("required").toString())
                .contains("on").contains("method").contains("version");
        assertThat(schemas.path("Operations.NewOperation").path("required").toString())
                .contains("windowStart").contains("windowEnd").doesNotContain("objective");
        // the check-in a caller sends and the one a supervision records are two schemas, not one
        assertThat(schemas.path("Supervisions.CheckIn").path("properties").has("recordedBy")).isTrue();
        assertThat(schemas.path("SupervisionController.CheckIn").path("properties").has("recordedBy")).isFalse();
        assertThat(schemas.has("CheckIn")).isFalse();
        assertThat(schemas.has("StreamingResponseBody")).isFalse();
    }

    /**
     * Lists that are not yet paged in the one shape (items, page, size, total), each with why: docs/operations.md,
     * "The API", names them. A new list endpoint must page in the one shape or be added here with its reason.
     */
    static final Set<String> UNPAGED_LISTS = Set.of(
            // every record of one parent, small by nature (a person's notes, a case's holds, a record's events)
            "GET /api/field-offices/{code}/report-hours", "GET /api/people/{aNumber}/voluntary-departures",
            "GET /api/people/{aNumber}/notes", "GET /api/people/{aNumber}/call-in-responses",
            "GET /api/partners/{id}/agreements", "GET /api/operations/{id}/targets",
            "GET /api/letters/{reference}/appointments", "GET /api/field-offices/{code}/cooperation-policies",
            "GET /api/families/{familyId}/removals", "GET /api/cases/{aNumber}/stays",
            "GET /api/cases/{aNumber}/stay-requests", "GET /api/cases/{aNumber}/protections",
            "GET /api/cases/{aNumber}/holds", "GET /api/cases/{aNumber}/determinations",
            "GET /api/cases/{aNumber}/departure-deadlines", "GET /api/users/{username}/tokens",
            "GET /api/people/{aNumber}/timeline", "GET /api/operations/{id}/events",
            "GET /api/nominations/{id}/events", "GET /api/inspections/{id}/events", "GET /api/employers/{id}/events",
            "GET /api/me/tokens", "GET /api/worksite-actions/{id}/report", "GET /api/supervisions/{id}/devices",
            // reference lists, a few dozen rows at most
            "GET /api/partners", "GET /api/nomination-policies", "GET /api/protected-area-policies",
            "GET /api/penalty-schedules", "GET /api/field-offices", "GET /api/nominations/quota",
            "GET /api/atd/rule-sets",
            // bounded by their own parameter: the newest imports (limit), the audit trail (before, limit)
            "GET /api/imports", "GET /api/audit/entries");

    @Test
    void every_list_endpoint_pages_in_one_shape_or_is_a_named_exception() {
        JsonNode docs = http.getForObject("/v3/api-docs", JsonNode.class);
        JsonNode schemas = docs.path("components").path("schemas");

        Set<String> unpaged = new TreeSet<>();
        Set<String> paged = new TreeSet<>();
        operations(docs).forEach((key, op) -> {
            if (!key.startsWith("GET ")) {
                return;
            }
            JsonNode schema = op.path("responses").path("200").path("content").path("application/json")
                    .path("schema");
            if (schema.path("type").asText().equals("array")) {
                unpaged.add(key);
                return;
            }
            String ref = schema.path("$ref").asText();
            JsonNode properties = schemas.path(ref.substring(ref.lastIndexOf('/') + 1)).path("properties");
            // a page of records has a page number or a list of them; an aggregate with a total (a funnel) is not one
            boolean listy = properties.has("page") || properties.has("items") || properties.has("rows");
            if (listy && properties.has("items") && properties.has("page") && properties.has("size")
                    && properties.has("total") && properties.path("items").path("type").asText().equals("array")) {
                paged.add(key);
            } else if (listy) {
                unpaged.add(key);
            }
        });
        assertThat(paged).contains("GET /api/cases", "GET /api/users", "GET /api/queues/mine",
                "GET /api/imports/{id}/quarantine", "GET /api/operations", "GET /api/nominations",
                "GET /api/inspections", "GET /api/employers", "GET /api/atd/alerts",
                "GET /api/atd/level-reviews");
        assertThat(unpaged).as("list endpoints without items/page/size/total").isEqualTo(new TreeSet<>(
                UNPAGED_LISTS));
    }

    @Test
    void swagger_ui_is_served() {
        ResponseEntity<String> response = http.getForEntity("/swagger-ui/index.html", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).contains("Swagger UI");
    }

    @Test
    void the_home_page_greets_the_signed_in_user_and_links_the_api_documentation() {
        ResponseEntity<String> response = http.getForEntity("/", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).contains("attorney").contains("API documentation");
    }

    @Test
    void the_home_address_sends_a_browser_that_is_not_signed_in_to_the_sign_in_page() {
        ResponseEntity<String> response = api.anonymous().getForEntity("/", String.class);

        // the client follows the redirect to the sign-in form
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).contains("id=\"sign-in\"").doesNotContain("signed-in-as");
    }

    @Test
    void health_reports_up_when_ready() {
        ResponseEntity<JsonNode> response = http.getForEntity("/actuator/health", JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().path("status").asText()).isEqualTo("UP");
    }
}
