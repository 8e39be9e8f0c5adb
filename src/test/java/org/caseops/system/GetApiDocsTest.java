package org.caseops.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.caseops.fixtures.Api;
import org.caseops.fixtures.CaseOpsTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
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
        assertThat(schemas.path("NewNote").path("properties").path("text").path("maxLength").asInt())
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
