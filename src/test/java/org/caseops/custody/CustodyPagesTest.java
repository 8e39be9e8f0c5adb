package org.caseops.custody;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.caseops.docket.DocketImporter;
import org.caseops.fixtures.Api;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.CustodyVersions;
import org.caseops.fixtures.Dockets;
import org.caseops.fixtures.EoirFiles;
import org.caseops.fixtures.FormSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The custody board and a family's custody page over HTTP (docs/web.md, "Custody"): who is held where with the clocks,
 * whether the family is together, and the family moves offered only when they are allowed — a partial transport is
 * shown disabled with its reason and the page's own POST is refused like the API's.
 */
@CaseOpsTest
class CustodyPagesTest {

    @Autowired
    Api api;
    @Autowired
    DocketImporter importer;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Environment environment;
    long ana;
    long sofia;
    long mateo;

    @BeforeEach
    void family() throws Exception {
        Dockets.freshlyImported(EoirFiles.houstonFamilies(), importer, jdbc);
        ana = id("Ana");
        sofia = id("Sofia");
        mateo = id("Mateo");
        TestRestTemplate officer = api.as("officer");
        post(officer, "/api/families/1001/caregivers", Map.of("personId", mateo, "caregiverName", "Aunt (synthetic)",
                "relationship", "aunt", "location", "HOME"), HttpStatus.CREATED);
        post(officer, "/api/families/1001/custody/take", Map.of("personIds", List.of(ana, sofia), "site",
                "Houston field office"), HttpStatus.OK);
    }

    private long id(String given) {
        return jdbc.sql("select id from person where given_name = ?").param(given).query(Long.class).single();
    }

    private static void post(TestRestTemplate as, String path, Object body, HttpStatus expected) {
        assertThat(as.postForEntity(path, CustodyVersions.read(as, path, body), JsonNode.class).getStatusCode())
                .isEqualTo(expected);
    }

    /** The custody version the family's page shows (and posts back with each move). */
    private static String version(FormSession session) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("id=\"custody-version\">(\\d+)<")
                .matcher(session.get("/custody/families/1001").body());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @Test
    void the_family_page_shows_each_members_custody_and_the_caregiver_records() {
        HttpResponse<String> page = FormSession.signIn(environment, "officer").get("/families/1001");

        assertThat(page.statusCode()).isEqualTo(200);
        String table = page.body().substring(page.body().indexOf("id=\"custody-table\""));
        String[] rows = table.substring(0, table.indexOf("</table>")).split("<tr");
        assertThat(java.util.Arrays.stream(rows).filter(r -> r.contains("Ana Lopez")).findFirst().orElseThrow())
                .contains("In custody", "Houston field office", "by officer");
        assertThat(java.util.Arrays.stream(rows).filter(r -> r.contains("Mateo Lopez")).findFirst().orElseThrow())
                .contains("At large (no custody record)", "Aunt (synthetic) (aunt, Home), recorded ");
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'CUSTODY_READ' and subject_type = "
                + "'FAMILY' and subject_id = '1001' and actor = 'officer'").query(Long.class).single()).isPositive();
    }

    @Test
    void the_board_lists_who_is_held_where_with_the_clocks_and_who_of_the_family_is_not_held() {
        FormSession officer = FormSession.signIn(environment, "officer");
        HttpResponse<String> board = officer.get("/custody");
        assertThat(board.statusCode()).isEqualTo(200);
        assertThat(board.body()).contains("<span>2</span> people held in", "Held now in field office HOU",
                "Houston field office", "Sofia Lopez (minor)", "Flores (minor held): ",
                "custody review: ", "2 of 3 held, together; not held: Mateo (minor)", "/custody/families/1001");
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'CUSTODY_BOARD_READ' and actor = "
                + "'officer'").query(Long.class).single()).isPositive();

        HttpResponse<String> csv = officer.get("/custody?format=csv");
        assertThat(csv.body()).startsWith("Person,Family,State,Where,Since,Clocks,Family together");
        assertThat(csv.body().lines().count()).isEqualTo(3);

        // another office's officer sees none of them
        assertThat(FormSession.signIn(environment, "officer.chicago").get("/custody").body())
                .contains("<span>0</span> people held").doesNotContain("Houston field office");
    }

    @Test
    void a_partial_transport_is_disabled_with_its_reason_and_its_post_is_refused_and_changes_nothing() {
        FormSession officer = FormSession.signIn(environment, "officer");
        String page = officer.get("/custody/families/1001").body();
        assertThat(page).contains("Custody of family 1001", "Aunt (synthetic) (HOME)", "Not now: the whole family "
                + "moves from one staging site together");
        assertThat(page).containsPattern("id=\"transport-button\"[^>]*disabled");
        assertThat(page).doesNotContainPattern("id=\"stage-button\"[^>]*disabled");

        HttpResponse<String> refused = officer.postForm("/custody/families/1001/transport",
                officer.csrfToken("/custody/families/1001"),
                Map.of("version", version(officer), "destination", "Family residential center"));
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(officer.get("/custody/families/1001").body()).contains("cannot be transported", "not staged");
        assertThat(jdbc.sql("select count(*) from custody_status where state = 'TRANSPORTED'").query(Long.class)
                .single()).isZero();
    }

    @Test
    void a_family_is_staged_and_released_on_atd_together_with_conditions_for_the_adult_only() {
        FormSession officer = FormSession.signIn(environment, "officer");
        String csrf = officer.csrfToken("/custody/families/1001");
        HttpResponse<String> blank = officer.postForm("/custody/families/1001/stage", csrf,
                Map.of("version", version(officer), "site", " "));
        assertThat(blank.statusCode()).isEqualTo(302);
        String refused = officer.get("/custody/families/1001").body();
        assertThat(refused).contains("id=\"stage-site-error\"");

        officer.postForm("/custody/families/1001/stage", csrf, Map.of("version", version(officer), "site",
                "Hotel A"));
        String staged = officer.get("/custody/families/1001").body();
        assertThat(staged).contains("2 members staged at Hotel A.", "staging: ");
        assertThat(staged).doesNotContainPattern("id=\"transport-button\"[^>]*disabled");

        // ATD without its technology: refused naming the field, what was typed kept
        officer.postForm("/custody/families/1001/release", csrf, Map.of("version", version(officer),
                "reason", "ATD", "program", "ATD", "checkInEveryDays", "14", "firstCheckIn", "2099-01-01",
                "reportingOffice", "HOU"));
        String missing = officer.get("/custody/families/1001").body();
        assertThat(missing).contains("id=\"release-technology-error\"").containsPattern("value=\"14\"");
        assertThat(jdbc.sql("select count(*) from custody_status where state = 'RELEASED'").query(Long.class)
                .single()).isZero();

        officer.postForm("/custody/families/1001/release", csrf, Map.of("version", version(officer),
                "reason", "ATD", "program", "ATD", "technology", "SMARTPHONE_CHECK_IN", "checkInEveryDays", "14",
                "firstCheckIn", java.time.LocalDate.now().plusDays(7).toString(), "reportingOffice", "HOU"));
        assertThat(officer.get("/custody/families/1001").body()).contains("2 members released together: ATD.");
        assertThat(jdbc.sql("select person_id from release_condition").query(Long.class).list())
                .containsExactly(ana);
    }

    @Test
    void one_member_is_released_alone_only_where_no_child_would_be_left_alone() {
        FormSession officer = FormSession.signIn(environment, "officer");
        String page = officer.get("/custody/families/1001").body();
        assertThat(page).containsPattern("<option value=\"" + ana + ":\\d+\" disabled=\"disabled\">Ana Lopez alone "
                + "\\(not possible, see below\\)")
                .containsPattern("<option value=\"" + sofia + ":\\d+\" disabled=\"disabled\">Sofia Lopez \\(minor\\) "
                        + "alone \\(not possible, see below\\)")
                .contains("<li>Ana Lopez alone: Sofia Lopez (minor) would be held without a parent",
                        "<li>Sofia Lopez (minor) alone: Sofia Lopez (minor) would be without a parent or a recorded "
                                + "caregiver");

        // sent anyway: the family gate refuses it, nothing changes
        String csrf = officer.csrfToken("/custody/families/1001");
        java.util.regex.Matcher anaValue = java.util.regex.Pattern.compile("value=\"(" + ana + ":\\d+)\"")
                .matcher(page);
        assertThat(anaValue.find()).isTrue();
        officer.postForm("/custody/families/1001/release", csrf, Map.of("version", version(officer),
                "who", anaValue.group(1), "reason", "HUMANITARIAN"));
        assertThat(officer.get("/custody/families/1001").body()).contains("id=\"custody-error\"",
                "would be held without a parent");
        assertThat(jdbc.sql("select count(*) from custody_status where state = 'RELEASED'").query(Long.class)
                .single()).isZero();

        // Sofia's aunt takes her: with a caregiver on record she may be released alone, her mother stays held
        post(api.as("officer"), "/api/families/1001/caregivers", Map.of("personId", sofia, "caregiverName",
                "Aunt (synthetic)", "relationship", "aunt", "location", "HOME"), HttpStatus.CREATED);
        java.util.regex.Matcher sofiaValue = java.util.regex.Pattern.compile("<option value=\"(" + sofia
                + ":\\d+)\">Sofia Lopez \\(minor\\) alone</option>").matcher(officer.get("/custody/families/1001")
                .body());
        assertThat(sofiaValue.find()).isTrue();
        officer.postForm("/custody/families/1001/release", csrf, Map.of("version", version(officer),
                "who", sofiaValue.group(1), "reason", "HUMANITARIAN"));
        String after = officer.get("/custody/families/1001").body();
        assertThat(after).contains("Sofia Lopez released: Humanitarian.").containsPattern("<option value=\"" + ana
                + ":\\d+\">Ana Lopez alone</option>");
        assertThat(jdbc.sql("select person_id || ' ' || state from custody_status where family_id = 1001 "
                + "order by person_id").query(String.class).list()).contains(ana + " IN_CUSTODY",
                sofia + " RELEASED");
    }

    @Test
    void the_public_locator_page_finds_a_person_held_in_english_and_spanish_and_no_one_else() {
        FormSession anyone = FormSession.anonymous(environment);
        HttpResponse<String> english = anyone.get("/locator?aNumber=991-000-001&countryOfBirth=Guatemala");
        assertThat(english.statusCode()).isEqualTo(200);
        assertThat(english.body()).contains("lang=\"en\"", "In ICE custody", "Ana Lopez", "Houston field office",
                "Last update of this information", "id=\"located-updated\"");

        String spanish = anyone.get("/locator?lang=es&aNumber=991000001&countryOfBirth=GT").body();
        assertThat(spanish).contains("lang=\"es\"", "Bajo custodia de ICE", "Ana Lopez", "Última actualización");

        // the country must match too; someone not held is not found; nothing but the exact pair answers
        assertThat(anyone.get("/locator?aNumber=991000001&countryOfBirth=HO").body()).contains("id=\"no-match\"")
                .doesNotContain("Ana Lopez");
        assertThat(anyone.get("/locator?aNumber=991000003&countryOfBirth=HO").body()).contains("id=\"no-match\"");
        assertThat(anyone.get("/locator?aNumber=991000001&countryOfBirth=").body())
                .contains("id=\"locator-country-error\"");
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'LOCATOR_SEARCH'").query(Long.class)
                .single()).isGreaterThanOrEqualTo(4);
    }
}
