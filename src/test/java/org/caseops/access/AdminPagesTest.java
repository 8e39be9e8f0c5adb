package org.caseops.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.caseops.fixtures.Api;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.FormSession;
import org.caseops.fixtures.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The administrator's users and tokens pages (docs/ui.md): the users table with its CSV, adding a user (a problem
 * next to its field, what was typed kept; a made-up password shown once), another role or field office, disabling
 * (at once), every user's tokens and revoking one (at once); only administrators see the links and open the pages.
 */
@CaseOpsTest
class AdminPagesTest {

    @Autowired
    Environment environment;
    @Autowired
    Users users;
    @Autowired
    Tokens tokens;
    @Autowired
    Api api;
    @Autowired
    JdbcClient jdbc;

    private static String unique(String prefix) {
        return prefix + (System.nanoTime() % 1_000_000_000L);
    }

    @Test
    void the_users_table_sorts_filters_by_role_and_text_and_downloads_what_it_shows() {
        FormSession admin = FormSession.signIn(environment, "admin");

        String page = admin.get("/admin/users").body();
        assertThat(page).contains("<h1>Users</h1>", "href=\"/admin/users/officer\"", "aria-sort=\"ascending\"",
                "Houston (HOU)", "All field offices", "Download CSV");
        assertThat(page.indexOf("href=\"/admin/users/admin\""))
                .isLessThan(page.indexOf("href=\"/admin/users/officer\""));

        String byRole = admin.get("/admin/users?role=AUDITOR").body();
        assertThat(byRole).contains("href=\"/admin/users/auditor\"").doesNotContain("href=\"/admin/users/officer\"");
        String filtered = admin.get("/admin/users?filter=supervisor").body();
        assertThat(filtered).contains("href=\"/admin/users/supervisor\"")
                .doesNotContain("href=\"/admin/users/officer\"");
        String descending = admin.get("/admin/users?sort=username&dir=desc").body();
        assertThat(descending).contains("aria-sort=\"descending\"");
        assertThat(descending.indexOf("href=\"/admin/users/supervisor\""))
                .isLessThan(descending.indexOf("href=\"/admin/users/admin\""));

        HttpResponse<String> csv = admin.get("/admin/users?role=OFFICER&format=csv");
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body()).startsWith("User,Name,Role,Field office,Partner agency,State,Created (UTC),Actions")
                .contains("officer,", "Officer,Houston (HOU)").doesNotContain("auditor,");
        assertThat(admin.get("/admin/users?role=KING").statusCode()).isEqualTo(400);
    }

    @Test
    void adding_a_user_shows_the_problem_next_to_its_field_keeps_what_was_typed_and_shows_a_made_up_password_once() {
        FormSession admin = FormSession.signIn(environment, "admin");
        String username = unique("page.officer");

        Map<String, String> form = new LinkedHashMap<>(Map.of("username", username, "displayName", "Page Officer",
                "role", "OFFICER", "fieldOffice", "", "partnerId", "", "password", ""));
        HttpResponse<String> refused = admin.postForm("/admin/users", form);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"new-office-error\"", "belongs to a field office",
                "aria-describedby=\"new-office-error\"", "value=\"" + username + "\"", "value=\"Page Officer\"");
        assertThat(refused.body()).containsPattern("<option value=\"OFFICER\"\\s+selected=\"selected\"");
        assertThat(users.find(username)).isEmpty();

        HttpResponse<String> badName = admin.postForm("/admin/users", Map.of("username", "Not A Name",
                "role", "AUDITOR"));
        assertThat(badName.statusCode()).isEqualTo(400);
        assertThat(badName.body()).contains("id=\"new-username-error\"", "value=\"Not A Name\"");

        form.put("fieldOffice", "HOU");
        HttpResponse<String> added = admin.postForm("/admin/users", form);
        assertThat(added.statusCode()).isEqualTo(302);
        assertThat(added.headers().firstValue("Location").orElse("")).endsWith("/admin/users/" + username);
        String shown = admin.get("/admin/users/" + username).body();
        Matcher password = Pattern.compile("<code id=\"password\">([^<]+)</code>").matcher(shown);
        assertThat(password.find()).as("the made-up password is shown").isTrue();
        assertThat(shown).contains("User " + username + " added as Officer.", "id=\"user-office\">HOU<");
        assertThat(admin.get("/admin/users/" + username).body()).as("shown once")
                .doesNotContain("id=\"password\"");
        FormSession newcomer = FormSession.anonymous(environment);
        HttpResponse<String> signIn = newcomer.postForm("/login", newcomer.csrfToken("/login"),
                Map.of("username", username, "password", password.group(1)));
        assertThat(signIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'USER_ADDED' and subject_id = ?")
                .param(username).query(Long.class).single()).isOne();

        HttpResponse<String> again = admin.postForm("/admin/users", form);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("id=\"add-error\"", "user " + username + " exists");
    }

    @Test
    void another_role_and_field_office_count_from_the_users_next_request_and_an_admin_cannot_change_their_own() {
        String username = TestUsers.ensure(users, unique("page.mover"), Role.OFFICER, "HOU");
        FormSession mover = FormSession.signIn(environment, username);
        assertThat(mover.get("/queues").statusCode()).isEqualTo(200);
        FormSession admin = FormSession.signIn(environment, "admin");

        HttpResponse<String> refused = admin.postForm("/admin/users/" + username + "/role",
                Map.of("role", "SUPERVISOR", "fieldOffice", "XXX"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"change-office-error\"", "no field office with code &#39;XXX&#39;");
        assertThat(refused.body()).containsPattern("<option value=\"SUPERVISOR\"\\s+selected=\"selected\"");

        HttpResponse<String> moved = admin.postForm("/admin/users/" + username + "/role",
                Map.of("role", "AUDITOR", "fieldOffice", ""));
        assertThat(moved.statusCode()).isEqualTo(302);
        assertThat(admin.get("/admin/users/" + username).body()).contains("id=\"user-role\">Auditor<",
                "All field offices", "from their next request on");
        // the open session is the same; its next request is an auditor's
        assertThat(mover.get("/queues").statusCode()).isEqualTo(403);
        assertThat(mover.get("/").body()).contains("href=\"/audit\"");
        assertThat(jdbc.sql("select detail from audit_entry where action = 'USER_CHANGED' and subject_id = ?")
                .param(username).query(String.class).single()).contains("role OFFICER -> AUDITOR");

        HttpResponse<String> self = admin.postForm("/admin/users/admin/role", Map.of("role", "AUDITOR"));
        assertThat(self.statusCode()).isEqualTo(409);
        assertThat(self.body()).contains("administrators do not change their own role");
        assertThat(users.find("admin").orElseThrow().role()).isEqualTo(Role.ADMIN);
    }

    @Test
    void disabling_a_user_ends_their_open_session_at_once_and_enabling_lets_them_back() {
        String username = TestUsers.ensure(users, unique("page.leaver"), Role.OFFICER, "HOU");
        FormSession leaver = FormSession.signIn(environment, username);
        FormSession admin = FormSession.signIn(environment, "admin");

        HttpResponse<String> disabled = admin.postForm("/admin/users/" + username + "/disable",
                Map.of("back", "/admin/users?role=OFFICER"));
        assertThat(disabled.statusCode()).isEqualTo(302);
        assertThat(disabled.headers().firstValue("Location").orElse("")).endsWith("/admin/users?role=OFFICER");
        assertThat(admin.get("/admin/users?role=OFFICER").body()).contains("User " + username + " disabled",
                "id=\"enable-" + username + "\"");
        assertThat(leaver.get("/").statusCode()).isIn(302, 401);
        assertThat(users.find(username).orElseThrow().enabled()).isFalse();

        HttpResponse<String> elsewhere = admin.postForm("/admin/users/" + username + "/enable",
                Map.of("back", "https://elsewhere.example/"));
        assertThat(elsewhere.headers().firstValue("Location").orElse("")).endsWith("/admin/users/" + username);
        assertThat(users.find(username).orElseThrow().enabled()).isTrue();
        assertThat(FormSession.signIn(environment, username).get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void the_tokens_page_lists_every_users_tokens_without_secrets_and_a_revoked_token_is_refused_at_once() {
        String username = TestUsers.ensure(users, unique("page.scripter"), Role.OFFICER, "HOU");
        Tokens.Issued issued = tokens.issue(username, Tokens.Kind.PERSONAL, "nightly export", Duration.ofDays(2));
        assertThat(me(issued.token())).isEqualTo(200);
        FormSession admin = FormSession.signIn(environment, "admin");

        String page = admin.get("/admin/tokens").body();
        assertThat(page).contains("Tokens still usable", "id=\"revoke-" + issued.id() + "\"", "nightly export",
                "href=\"/admin/users/" + username + "\"").doesNotContain(issued.token());
        assertThat(admin.get("/admin/users/" + username).body()).contains("nightly export",
                "id=\"revoke-" + issued.id() + "\"");

        HttpResponse<String> revoked = admin.postForm("/admin/tokens/" + issued.id() + "/revoke",
                Map.of("back", "/admin/users/" + username));
        assertThat(revoked.statusCode()).isEqualTo(302);
        assertThat(revoked.headers().firstValue("Location").orElse("")).endsWith("/admin/users/" + username);
        assertThat(me(issued.token())).isEqualTo(401);
        assertThat(admin.get("/admin/users/" + username).body()).contains("Token " + issued.id() + " revoked",
                "Revoked ").doesNotContain("id=\"revoke-" + issued.id() + "\"");
        assertThat(admin.get("/admin/tokens").body()).doesNotContain("id=\"revoke-" + issued.id() + "\"");
        assertThat(admin.get("/admin/tokens?show=all&filter=" + username).body()).contains("nightly export",
                "Revoked ");
        assertThat(admin.get("/admin/tokens?show=all&filter=" + username + "&format=csv").body())
                .startsWith("Token,User,Kind,Name,").contains("nightly export").doesNotContain("cop_");
        assertThat(admin.get("/admin/tokens?show=some").statusCode()).isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'TOKEN_REVOKED' and subject_id = ?")
                .param(String.valueOf(issued.id())).query(Long.class).single()).isOne();
    }

    private int me(String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        TestRestTemplate anonymous = api.anonymous();
        return anonymous.exchange("/api/me", HttpMethod.GET, new HttpEntity<>(headers), String.class)
                .getStatusCode().value();
    }

    @Test
    void only_administrators_see_the_links_and_open_the_pages() {
        for (String user : new String[] {"officer", "supervisor", "director", "attorney", "auditor", "partner"}) {
            FormSession session = FormSession.signIn(environment, user);
            assertThat(session.get("/").body()).as(user).doesNotContain("href=\"/admin/users\"",
                    "href=\"/admin/tokens\"");
            for (String page : new String[] {"/admin/users", "/admin/users/officer", "/admin/tokens"}) {
                assertThat(session.get(page).statusCode()).as(user + " " + page).isEqualTo(403);
            }
            assertThat(session.postForm("/admin/users/officer/disable", Map.of()).statusCode()).as(user)
                    .isEqualTo(403);
        }
        FormSession admin = FormSession.signIn(environment, "admin");
        assertThat(admin.get("/").body()).contains("href=\"/admin/users\"", "href=\"/admin/tokens\"",
                "href=\"/partners\"");
        assertThat(admin.postForm("/admin/users/officer/disable", null, Map.of()).statusCode())
                .as("without the CSRF token").isEqualTo(403);
        assertThat(users.find("officer").orElseThrow().enabled()).isTrue();
        assertThat(admin.get("/admin/users/nobody.here").statusCode()).isEqualTo(404);
    }

    @Test
    void cooperation_policies_are_listed_per_office_and_a_new_entry_shows_its_problem_next_to_its_field() {
        FormSession admin = FormSession.signIn(environment, "admin");
        String jurisdiction = unique("Page County ");
        assertThat(admin.get("/").body()).contains("href=\"/reference/cooperation-policies\"",
                "href=\"/reference/mappings\"");

        HttpResponse<String> missing = admin.postForm("/reference/cooperation-policies", Map.of("office", "HOU",
                "jurisdiction", jurisdiction, "honoursDetainers", "yes", "sharesDatabases", "no",
                "effectiveFrom", "2019-01-01"));
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("id=\"policy-agreement287g-error\"",
                "aria-describedby=\"policy-agreement287g-error\"", "value=\"" + jurisdiction + "\"",
                "value=\"2019-01-01\"");

        HttpResponse<String> recorded = admin.postForm("/reference/cooperation-policies", Map.of("office", "HOU",
                "jurisdiction", jurisdiction, "honoursDetainers", "yes", "agreement287g", "no",
                "sharesDatabases", "no", "effectiveFrom", "2019-01-01", "source", "ordinance 12"));
        assertThat(recorded.statusCode()).isEqualTo(302);
        String page = admin.get("/reference/cooperation-policies?office=HOU&filter="
                + jurisdiction.replace(' ', '+')).body();
        assertThat(page).contains(jurisdiction, "ordinance 12", "in force on ", "Record a policy for HOU");
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'COOPERATION_POLICY_RECORDED' "
                + "and actor = 'admin' and detail like ?").param(jurisdiction + "%").query(Long.class).single())
                .isEqualTo(1);
        assertThat(admin.get("/reference/cooperation-policies?office=HOU&format=csv").body())
                .startsWith("Jurisdiction,Effective from,").contains(jurisdiction);

        FormSession director = FormSession.signIn(environment, "director");
        assertThat(director.get("/reference/cooperation-policies").body()).contains("Record a policy for HOU");
        assertThat(director.get("/reference/cooperation-policies?office=CHI").body())
                .doesNotContain("id=\"record-policy\"");
        assertThat(director.postForm("/reference/cooperation-policies", Map.of("office", "CHI", "jurisdiction",
                jurisdiction, "honoursDetainers", "yes", "agreement287g", "no", "sharesDatabases", "no",
                "effectiveFrom", "2019-01-01")).statusCode()).isEqualTo(403);
    }

    @Test
    void the_reference_mappings_list_each_court_with_its_field_office_and_method_for_administrators_only() {
        FormSession admin = FormSession.signIn(environment, "admin");

        String page = admin.get("/reference/mappings?filter=OIT").body();

        assertThat(page).contains("<h1>Reference-data mappings</h1>", "Base city", "OIT", "none (unmapped)");
        assertThat(admin.get("/reference/mappings?format=csv").body()).startsWith("Kind,Code,Name,Place,");
        for (String user : new String[] {"officer", "supervisor", "director", "attorney", "auditor", "partner"}) {
            FormSession session = FormSession.signIn(environment, user);
            assertThat(session.get("/").body()).as(user).doesNotContain("href=\"/reference/mappings\"");
            assertThat(session.get("/reference/mappings").statusCode()).as(user).isEqualTo(403);
        }
        for (String user : new String[] {"officer", "supervisor", "attorney", "auditor", "partner"}) {
            FormSession session = FormSession.signIn(environment, user);
            assertThat(session.get("/").body()).as(user).doesNotContain("href=\"/reference/cooperation-policies\"");
            assertThat(session.get("/reference/cooperation-policies").statusCode()).as(user).isEqualTo(403);
        }
    }

    @Test
    void an_administrator_maps_an_unmapped_court_and_a_stale_form_is_a_409_that_changes_nothing() {
        // base city OIT has no field office in the shipped reference data; restored below (one JVM shares the data)
        Map<String, Object> was = jdbc.sql("select field_office_code, field_office_method, mapping_version "
                + "from base_city where code = 'OIT'").query().singleRow();
        String version = String.valueOf(was.get("mapping_version"));
        FormSession admin = FormSession.signIn(environment, "admin");
        try {
            assertThat(admin.get("/reference/mappings?filter=OIT").body())
                    .contains("href=\"/reference/mappings?edit=BASE_CITY:OIT#edit-mapping\"");
            assertThat(admin.get("/reference/mappings?edit=BASE_CITY:OIT").body()).contains("id=\"map-court\"",
                    "action=\"/reference/mappings/BASE_CITY/OIT\"", "name=\"version\" value=\"" + version + "\"");

            HttpResponse<String> missing = admin.postForm("/reference/mappings/BASE_CITY/OIT",
                    Map.of("fieldOffice", "HOU", "version", version));
            assertThat(missing.statusCode()).isEqualTo(400);
            assertThat(missing.body()).contains("id=\"mapping-reason-error\"",
                    "aria-describedby=\"mapping-reason-error\"", "value=\"HOU\" selected");

            HttpResponse<String> done = admin.postForm("/reference/mappings/BASE_CITY/OIT", Map.of("fieldOffice",
                    "HOU", "reason", "synthetic: heard from Houston", "version", version));
            assertThat(done.statusCode()).isEqualTo(302);
            assertThat(admin.get(done.headers().firstValue("Location").orElseThrow()
                    .replaceFirst("^https?://[^/]+", "")).body())
                    .contains("Base city OIT now maps to HOU", "Manual");
            assertThat(jdbc.sql("select field_office_code || ' ' || field_office_method || ' ' || mapping_version "
                    + "from base_city where code = 'OIT'").query(String.class).single())
                    .isEqualTo("HOU manual " + (Integer.parseInt(version) + 1));
            assertThat(jdbc.sql("select count(*) from audit_entry where action = 'COURT_MAPPING_CHANGED' and actor = "
                    + "'admin' and subject_id = 'BASE_CITY:OIT' and detail like '%synthetic: heard from Houston'")
                    .query(Long.class).single()).isOne();

            // the same form again: someone changed it since it was read
            HttpResponse<String> stale = admin.postForm("/reference/mappings/BASE_CITY/OIT", Map.of("fieldOffice",
                    "CHI", "reason", "a stale form", "version", version));
            assertThat(stale.statusCode()).isEqualTo(409);
            assertThat(stale.body()).contains("id=\"mapping-conflict\"", "changed by admin", "now maps to HOU",
                    "value=\"a stale form\"");
            assertThat(api.as("admin").postForEntity("/api/reference/mappings/BASE_CITY/OIT", Map.of("fieldOffice",
                    "CHI", "reason", "a stale call", "version", Integer.parseInt(version)), String.class)
                    .getStatusCode().value()).isEqualTo(409);
            assertThat(api.as("admin").postForEntity("/api/reference/mappings/BASE_CITY/OIT", Map.of("fieldOffice",
                    "XXX", "reason", "no such office", "version", 1), String.class).getBody()).contains("fieldOffice");
            assertThat(jdbc.sql("select field_office_code from base_city where code = 'OIT'").query(String.class)
                    .single()).isEqualTo("HOU");
            assertThat(FormSession.signIn(environment, "officer").postForm("/reference/mappings/BASE_CITY/OIT",
                    Map.of("fieldOffice", "CHI", "reason", "x", "version", version)).statusCode()).isEqualTo(403);
        } finally {
            try (org.caseops.fixtures.Database.Owner owner = org.caseops.fixtures.Database.owner(jdbc)) {
                owner.jdbc().sql("update base_city set field_office_code = ?, field_office_method = ?, "
                        + "mapping_version = ? where code = 'OIT'").params(was.get("field_office_code"),
                        was.get("field_office_method"), was.get("mapping_version")).update();
                owner.jdbc().sql("select docket_follow_court_mapping('BASE_CITY', 'OIT')").query().singleRow();
            }
        }
    }
}
