package org.caseops.docket;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.caseops.access.Users;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Dockets;
import org.caseops.fixtures.EoirFiles;
import org.caseops.fixtures.FormSession;
import org.caseops.fixtures.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The search page, {@code GET /search}: A-number, case number, name, birth date, family. */
@CaseOpsTest
class SearchPagesTest {

    @Autowired
    Environment environment;
    @Autowired
    DocketImporter importer;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Users users;

    @BeforeEach
    void docket() throws Exception {
        Dockets.freshlyImported(EoirFiles.houstonFamilies(), importer, jdbc);
    }

    private HttpResponse<String> search(String user, String query) {
        return FormSession.signIn(environment, user).get("/search" + query);
    }

    @Test
    void an_a_number_with_dashes_opens_the_person() {
        HttpResponse<String> found = search("officer", "?q=A-991-000-001");

        assertThat(found.statusCode()).isEqualTo(302);
        assertThat(found.headers().firstValue("Location").orElse("")).endsWith("/people/991000001");
    }

    @Test
    void a_case_number_opens_its_person() {
        HttpResponse<String> found = search("officer", "?q=1002");

        assertThat(found.statusCode()).isEqualTo(302);
        assertThat(found.headers().firstValue("Location").orElse("")).endsWith("/people/991000002");
    }

    @Test
    void a_name_finds_people_in_any_case_and_accent_and_audits_the_search() {
        long before = jdbc.sql("select count(*) from audit_entry where action = 'PERSON_SEARCH'")
                .query(Long.class).single();

        HttpResponse<String> page = search("officer", "?q=L%C3%93PEZ%20sof");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Sofia Lopez", "href=\"/people/991000002\"").doesNotContain("Ana Lopez",
                "Jose Reyes");
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'PERSON_SEARCH'")
                .query(Long.class).single()).isEqualTo(before + 1);
    }

    @Test
    void results_sort_by_birth_date_either_way_with_aria_sort() {
        String up = search("officer", "?q=lopez&sort=born&dir=asc").body();
        String down = search("officer", "?q=lopez&sort=born&dir=desc").body();

        assertThat(up.indexOf("Ana Lopez")).isLessThan(up.indexOf("Sofia Lopez"));
        assertThat(down.indexOf("Ana Lopez")).isGreaterThan(down.indexOf("Sofia Lopez"));
        assertThat(up).contains("aria-sort=\"ascending\"");
        assertThat(down).contains("aria-sort=\"descending\"");
    }

    @Test
    void the_csv_holds_every_result_of_the_same_search() {
        HttpResponse<String> csv = search("officer", "?q=lopez&size=1&format=csv");

        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body().lines()).hasSize(4); // header, Ana, Sofia, Mateo
    }

    @Test
    void an_officer_searches_only_the_own_field_office() {
        HttpResponse<String> page = search("officer", "?q=lopez&fieldOffice=CHI");

        assertThat(page.body()).doesNotContain("Sofia Lopez");
    }

    @Test
    void counsel_searching_every_office_is_asked_for_a_purpose() {
        String counsel = TestUsers.chicagoAttorney(users);

        String asked = search(counsel, "?q=lopez").body();
        String answered = search(counsel, "?q=lopez&purpose=Review").body();

        assertThat(asked).contains("id=\"purpose-needed\"").doesNotContain("Sofia Lopez");
        assertThat(answered).contains("Sofia Lopez", "purpose=Review");
    }

    @Test
    void roles_without_person_search_see_no_link_and_get_a_403() {
        for (String user : new String[] {"auditor", "partner", "admin"}) {
            FormSession session = FormSession.signIn(environment, user);
            assertThat(session.get("/").body()).as(user).doesNotContain("href=\"/search\"");
            assertThat(session.get("/search?q=lopez").statusCode()).as(user).isEqualTo(403);
        }
    }
}
