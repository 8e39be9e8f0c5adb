package org.caseops.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.caseops.fixtures.Api;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Problems;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** GET /api/users: users by user name, paged in the API's one shape (items, page, size, total). */
@CaseOpsTest
class GetUsersTest {

    @Autowired
    Api api;
    @Autowired
    JdbcClient jdbc;

    @Test
    void an_administrator_pages_through_the_users_by_user_name() {
        long users = jdbc.sql("select count(*) from app_user").query(Long.class).single();

        JsonNode first = ok(api.as("admin").getForEntity("/api/users?page=0&size=3", JsonNode.class));
        JsonNode second = ok(api.as("admin").getForEntity("/api/users?page=1&size=3", JsonNode.class));

        assertThat(users).isGreaterThanOrEqualTo(8);
        assertThat(first.path("page").asInt()).isZero();
        assertThat(first.path("size").asInt()).isEqualTo(3);
        assertThat(first.path("total").asLong()).isEqualTo(users);
        assertThat(first.path("items")).hasSize(3);
        assertThat(second.path("page").asInt()).isEqualTo(1);
        List<String> names = new ArrayList<>();
        first.path("items").forEach(u -> names.add(u.path("username").asText()));
        second.path("items").forEach(u -> names.add(u.path("username").asText()));
        assertThat(names).hasSize(6).doesNotHaveDuplicates().isSorted();
        assertThat(first.path("items").get(0).has("password")).isFalse();
        JsonNode past = ok(api.as("admin").getForEntity("/api/users?page=1000&size=3", JsonNode.class));
        assertThat(past.path("items")).isEmpty();
        assertThat(past.path("total").asLong()).isEqualTo(users);
        JsonNode all = ok(api.as("admin").getForEntity("/api/users", JsonNode.class));
        assertThat(all.path("size").asInt()).isEqualTo(50);
    }

    @Test
    void a_page_or_size_out_of_range_is_a_400_naming_it() {
        Problems.assertBadInput(api.as("admin").getForEntity("/api/users?size=0", JsonNode.class), "size");
        Problems.assertBadInput(api.as("admin").getForEntity("/api/users?size=501", JsonNode.class), "size");
        Problems.assertBadInput(api.as("admin").getForEntity("/api/users?page=-1", JsonNode.class), "page");
    }

    @Test
    void only_an_administrator_lists_users() {
        assertThat(api.as("director").getForEntity("/api/users", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.anonymous().getForEntity("/api/users", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private static JsonNode ok(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }
}
