package org.caseops.custody;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.caseops.docket.DocketImporter;
import org.caseops.fixtures.Api;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Database;
import org.caseops.fixtures.Dockets;
import org.caseops.fixtures.EoirFiles;
import org.caseops.fixtures.FormSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The desk pages of issue 16 over HTTP (docs/web.md): a person's voluntary departure and supervision, a family's
 * removal, a case's stay requests (I-246). Jose Reyes (A 991000003) is granted voluntary departure on 2019-04-01
 * (the gate: 60 days); family 1001 — Ana (A 991000001), her daughter Sofia, both ordered removed in absentia, and
 * Mateo, a U.S.-citizen child — is removed. Each form posts with CSRF, calls the API's service, shows a problem next
 * to its field with what was typed, and a refusal (the family gate) at the top of its form with 409.
 */
@CaseOpsTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RemovalDeskPagesTest {

    static final String JOSE = "991000003";
    static final String ANA = "991000001";

    @Autowired
    Api api;
    @Autowired
    DocketImporter importer;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Environment environment;
    long mateo;

    @BeforeAll
    void docket() throws Exception {
        Dockets.freshlyImported(EoirFiles.houstonFamilies(), importer, jdbc);
        jdbc.sql("update court_motion set deleted = true where idncase = 1003").update();
        jdbc.sql("delete from appeal where idncase = 1003").update();
        jdbc.sql("update proceeding set dec_code = 'V', absentia = false, appeal_rsvd = 'A', comp_date = '2019-04-01' "
                + "where idnproceeding = 5003").update();
        mateo = jdbc.sql("select id from person where given_name = 'Mateo'").query(Long.class).single();
    }

    @BeforeEach
    void none() {
        try (Database.Owner owner = Database.owner(jdbc)) {
            owner.jdbc().sql("truncate departure_bond, voluntary_departure, departure_deadline, removal, removal_member, stay_request "
                    + "restart identity").update();
            owner.jdbc().sql("truncate supervision restart identity cascade").update();
        }
    }

    private static String version(String body, String form) {
        Matcher m = Pattern.compile("<form[^>]*id=\"" + Pattern.quote(form) + "\"[^>]*>.*?name=\"version\" "
                + "value=\"(\\d+)\"", Pattern.DOTALL).matcher(body);
        assertThat(m.find()).as("form " + form + " with its version").isTrue();
        return m.group(1);
    }

    /** The public statistics' total cell of a field office's row for a measure, or null without a row. */
    private String statistic(String month, String measure, String office) {
        JsonNode publication = api.anonymous().getForObject("/api/reports/public-statistics?month=" + month,
                JsonNode.class);
        for (JsonNode t : publication.path("tables")) {
            if (t.path("measure").asText().equals(measure)) {
                for (JsonNode row : t.path("rows")) {
                    if (row.path("fieldOffice").asText().equals(office) && row.path("operationId").isNull()) {
                        JsonNode values = row.path("values");
                        return values.get(values.size() - 1).asText();
                    }
                }
            }
        }
        return null;
    }

    @Test
    void voluntary_departure_is_granted_bonded_and_verified_from_the_page_with_problems_next_to_their_field() {
        FormSession officer = FormSession.signIn(environment, "officer");
        String page = "/people/" + JOSE + "/departure";
        assertThat(officer.get("/people/" + JOSE).body()).contains("href=\"" + page + "\"");
        assertThat(officer.get(page).body()).contains("No grant of voluntary departure recorded", "id=\"grant\"");

        HttpResponse<String> bad = officer.postForm(page + "/grant", Map.of("grantedOn", "2019-04-01",
                "bondAmount", "fifteen hundred"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("id=\"grant-bondAmount-error\"", "is not an amount in dollars",
                "aria-describedby=\"grant-bondAmount-error\"", "value=\"fifteen hundred\"");
        HttpResponse<String> small = officer.postForm(page + "/grant", Map.of("grantedOn", "2019-04-01",
                "bondAmount", "400"));
        assertThat(small.statusCode()).isEqualTo(400);
        assertThat(small.body()).contains("id=\"grant-bondAmount-error\"", "at least $500");

        HttpResponse<String> granted = officer.postForm(page + "/grant", Map.of("grantedOn", "2019-04-01",
                "bondAmount", "1500"));
        assertThat(granted.statusCode()).isEqualTo(302);
        String shown = officer.get(page).body();
        assertThat(shown).contains("Voluntary departure granted on 2019-04-01: to depart by 2019-05-31",
                "2019-05-31", "$1500.00 not posted by its due date 2019-04-08",
                "Overstayed: the last day 2019-05-31 has passed with no departure verified")
                .doesNotContain("id=\"grant\"");
        long id = jdbc.sql("select id from voluntary_departure").query(Long.class).single();

        assertThat(officer.postForm(page + "/" + id + "/bond", Map.of("postedOn", "2019-04-05", "reference",
                "bond receipt 19-0405 (synthetic)", "version", version(shown, "bond-" + id))).statusCode())
                .isEqualTo(302);
        shown = officer.get(page).body();
        assertThat(shown).contains("$1500.00 posted on 2019-04-05 (bond receipt 19-0405 (synthetic))");

        HttpResponse<String> noProof = officer.postForm(page + "/" + id + "/proof", Map.of("departedOn",
                "2019-05-20", "proofReference", "verification of the consulate (synthetic)", "version",
                version(shown, "proof-" + id)));
        assertThat(noProof.statusCode()).isEqualTo(400);
        assertThat(noProof.body()).contains("id=\"proof-" + id + "-proofKind-error\"",
                "value=\"verification of the consulate (synthetic)\"");
        assertThat(officer.postForm(page + "/" + id + "/proof", Map.of("departedOn", "2019-05-20", "proofKind",
                "CONSULATE_VERIFICATION", "proofReference", "verification of the consulate (synthetic)", "port",
                "Houston (IAH)", "version", version(shown, "proof-" + id))).statusCode()).isEqualTo(302);
        assertThat(officer.get(page).body()).contains("Departure on 2019-05-20 verified; the case is closed.",
                "Departed on 2019-05-20 (Consulate verification");
        assertThat(jdbc.sql("select status from voluntary_departure where id = ?").param(id).query(String.class)
                .single()).isEqualTo("DEPARTED");
        assertThat(jdbc.sql("select sum(n) from report_stat_voluntary_departure where month = date '2019-05-01' and "
                + "field_office_code = 'HOU'").query(Long.class).single()).as("the public statistics' count")
                .isEqualTo(1);
        assertThat(statistic("2019-05", "VOLUNTARY_DEPARTURES", "HOU")).as("a small count, hidden").isIn("<11", "x");

        FormSession counsel = FormSession.signIn(environment, "attorney");
        HttpResponse<String> read = counsel.get(page);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("2019-05-31").doesNotContain("<form method=\"post\" id=\"grant\"",
                "Record the bond");
        assertThat(counsel.postForm(page + "/grant", Map.of("grantedOn", "2019-04-01", "bondAmount", "1500"))
                .statusCode()).isEqualTo(403);
        assertThat(FormSession.signIn(environment, "partner").get(page).statusCode()).isEqualTo(403);
    }

    @Test
    void a_supervision_is_ended_from_the_page_with_its_reason() {
        Map<String, Object> osup = new HashMap<>();
        osup.put("kind", "OSUP");
        osup.put("legalBasis", "INA 241(a)(3); 8 CFR 241.5");
        osup.put("startDate", "2019-05-28");
        osup.put("reportEveryDays", 30);
        osup.put("firstReport", "2019-06-03");
        osup.put("conditions", List.of());
        long id = api.as("officer").postForEntity("/api/people/" + ANA + "/supervisions", osup, JsonNode.class)
                .getBody().path("id").asLong();
        FormSession officer = FormSession.signIn(environment, "officer");
        String page = "/people/" + ANA + "/departure";
        String shown = officer.get(page).body();
        assertThat(shown).contains("End supervision " + id, "Order of supervision (I-220B)");

        HttpResponse<String> bad = officer.postForm(page.replace("/departure", "") + "/supervisions/" + id + "/end",
                Map.of("on", "2019-06-10", "detail", "the order was vacated (synthetic)", "version",
                        version(shown, "end-" + id)));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("id=\"end-" + id + "-reason-error\"", "value=\"the order was vacated (synthetic)\"");

        assertThat(officer.postForm("/people/" + ANA + "/supervisions/" + id + "/end", Map.of("on", "2019-06-10",
                "reason", "ORDER_VACATED", "detail", "the order was vacated (synthetic)", "version",
                version(shown, "end-" + id))).statusCode()).isEqualTo(302);
        assertThat(officer.get(page).body()).contains("ended.").doesNotContain("End supervision " + id);
        assertThat(jdbc.sql("select status from supervision where id = ?").param(id).query(String.class).single())
                .isEqualTo("ENDED");
        assertThat(officer.postForm("/people/" + JOSE + "/supervisions/" + id + "/end", Map.of("reason", "OTHER"))
                .statusCode()).as("not Jose's").isEqualTo(404);
    }

    @Test
    void a_family_is_removed_together_from_the_page_and_a_child_left_behind_is_refused_with_409() {
        FormSession supervisor = FormSession.signIn(environment, "supervisor");
        FormSession officer = FormSession.signIn(environment, "officer");
        String page = "/families/1001/removals";
        assertThat(officer.get("/families/1001").body()).contains("href=\"" + page + "\"");
        assertThat(officer.get(page).body()).contains("No removal of this family recorded")
                .doesNotContain("id=\"request\"");
        assertThat(officer.postForm(page, Map.of("country", "Guatemala")).statusCode()).isEqualTo(403);

        HttpResponse<String> bad = supervisor.postForm(page, Map.of("country", "Guatemala", "requestedOn",
                "2019-06-03"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("id=\"request-consulate-error\"", "value=\"Guatemala\"");
        assertThat(supervisor.postForm(page, Map.of("country", "Guatemala", "consulate",
                "Consulate General of Guatemala, Houston", "requestedOn", "2019-06-03")).statusCode()).isEqualTo(302);
        String shown = supervisor.get(page).body();
        assertThat(shown).contains("Travel documents requested from Consulate General of Guatemala, Houston for 2 "
                + "people", "Removed (own case)");
        long id = jdbc.sql("select id from removal").query(Long.class).single();
        for (long person : jdbc.sql("select person_id from removal_member where removal_id = ?").param(id)
                .query(Long.class).list()) {
            assertThat(officer.postForm(page + "/" + id + "/travel-documents", Map.of("personId", "" + person,
                    "status", "ISSUED", "on", "2019-06-10", "reference", "TD-" + person + " (synthetic)", "version",
                    version(officer.get(page).body(), "document-" + id))).statusCode()).isEqualTo(302);
        }
        assertThat(officer.postForm(page + "/" + id + "/itinerary", Map.of("mode", "CHARTER", "date", "2019-06-20",
                "port", "Alexandria, LA (AEX)", "version", version(officer.get(page).body(), "itinerary-" + id)))
                .statusCode()).isEqualTo(302);
        shown = officer.get(page).body();
        assertThat(shown).contains("Removal " + id + " scheduled on 2019-06-20", "Issued on 2019-06-10");

        HttpResponse<String> refused = officer.postForm(page + "/" + id + "/departure", Map.of("departedOn",
                "2019-06-20", "port", "Alexandria, LA (AEX)", "escort", "two officers (synthetic)", "version",
                version(shown, "departure-" + id)));
        assertThat(refused.statusCode()).as("Mateo would stay behind without a caregiver").isEqualTo(409);
        assertThat(refused.body()).contains("id=\"departure-" + id + "-problem\"", "minor " + mateo, "caregiver",
                "value=\"two officers (synthetic)\"");
        assertThat(jdbc.sql("select status from removal where id = ?").param(id).query(String.class).single())
                .isEqualTo("SCHEDULED");

        assertThat(supervisor.postForm(page + "/" + id + "/cancel", Map.of("reason",
                "the family asked to travel with Mateo", "version", version(supervisor.get(page).body(),
                        "cancel-" + id))).statusCode())
                .isEqualTo(302);
        assertThat(supervisor.postForm(page, Map.of("country", "Guatemala", "consulate",
                "Consulate General of Guatemala, Houston", "requestedOn", "2019-06-03", "accompanying", "" + mateo))
                .statusCode()).isEqualTo(302);
        long again = jdbc.sql("select id from removal where status = 'REQUESTED'").query(Long.class).single();
        for (long person : jdbc.sql("select person_id from removal_member where removal_id = ?").param(again)
                .query(Long.class).list()) {
            officer.postForm(page + "/" + again + "/travel-documents", Map.of("personId", "" + person, "status",
                    "ISSUED", "on", "2019-06-10", "reference", "TD-" + person, "version",
                    version(officer.get(page).body(), "document-" + again)));
        }
        officer.postForm(page + "/" + again + "/itinerary", Map.of("mode", "CHARTER", "date", "2019-06-20", "port",
                "Alexandria, LA (AEX)", "version", version(officer.get(page).body(), "itinerary-" + again)));
        assertThat(officer.postForm(page + "/" + again + "/departure", Map.of("departedOn", "2019-06-20", "port",
                "Alexandria, LA (AEX)", "escort", "two officers (synthetic)", "version",
                version(officer.get(page).body(), "departure-" + again))).statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select sum(n) from report_stat_removal where month = date '2019-06-01' and "
                + "field_office_code = 'HOU'").query(Long.class).single())
                .as("Ana and Sofia removed; Mateo, a U.S. citizen accompanying them, is not").isEqualTo(2);
        assertThat(statistic("2019-06", "REMOVALS", "HOU")).as("a small count, hidden").isIn("<11", "x");
        assertThat(officer.get(page).body()).contains("The family departed together on 2019-06-20",
                "Accompanying by the family");
        assertThat(FormSession.signIn(environment, "attorney").get(page).body()).contains("Departed on 2019-06-20")
                .doesNotContain("Verify the departure");
    }

    @Test
    void a_stay_request_is_received_and_the_director_alone_decides_it_from_the_page() {
        FormSession officer = FormSession.signIn(environment, "officer");
        String page = "/cases/" + ANA + "/stay-requests";
        assertThat(officer.get("/cases/" + ANA).body()).contains("href=\"" + page + "\"");
        HttpResponse<String> bad = officer.postForm(page, Map.of("receivedOn", "2019-06-03", "requester",
                "counsel of record (synthetic)", "requesterKind", "COUNSEL"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("id=\"receive-grounds-error\"", "value=\"counsel of record (synthetic)\"");
        assertThat(officer.postForm(page, Map.of("receivedOn", "2019-06-03", "requester",
                "counsel of record (synthetic)", "requesterKind", "COUNSEL", "grounds", "a U-visa petition is pending",
                "documents", "Form I-246\nI-918 receipt notice")).statusCode()).isEqualTo(302);
        String shown = officer.get(page).body();
        assertThat(shown).contains("Form I-246, I-918 receipt notice", "waiting for the director")
                .doesNotContain("Decide request");
        long id = jdbc.sql("select id from stay_request").query(Long.class).single();
        assertThat(FormSession.signIn(environment, "supervisor").postForm(page + "/" + id + "/decision",
                Map.of("decision", "DENIED", "reason", "no")).statusCode()).isEqualTo(403);

        FormSession director = FormSession.signIn(environment, "director");
        String form = director.get(page).body();
        HttpResponse<String> noReason = director.postForm(page + "/" + id + "/decision", Map.of("decision",
                "GRANTED", "on", "2019-06-10", "until", "2019-09-10", "version", version(form, "decide-" + id)));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("id=\"decide-" + id + "-reason-error\"", "value=\"2019-09-10\"");
        assertThat(director.postForm(page + "/" + id + "/decision", Map.of("decision", "GRANTED", "on",
                "2019-06-10", "until", "2019-09-10", "reason", "the U-visa petition is prima facie approvable",
                "version", version(form, "decide-" + id))).statusCode()).isEqualTo(302);
        assertThat(director.get(page).body()).contains("administrative stay", "the legal gate reads",
                "2019-06-10 by director");
        assertThat(api.as("attorney").getForObject("/api/cases/" + ANA + "/executability?asOf=2019-07-01",
                JsonNode.class).path("verdict").asText()).isNotEqualTo("EXECUTABLE");
        assertThat(director.postForm(page + "/" + id + "/decision", Map.of("decision", "DENIED", "on",
                "2019-06-10", "reason", "again", "version", version(form, "decide-" + id))).statusCode())
                .as("decided already").isIn(409, 400);
        assertThat(HttpStatus.valueOf(FormSession.signIn(environment, "partner").get(page).statusCode()))
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void the_office_lists_its_open_grants_and_removals_in_progress_paged_each_linking_to_its_desk_page() {
        FormSession officer = FormSession.signIn(environment, "officer");
        FormSession supervisor = FormSession.signIn(environment, "supervisor");
        assertThat(officer.get("/").body()).contains("href=\"/departures\"");
        assertThat(officer.get("/departures").body()).contains("Open grants of voluntary departure in field office "
                + "HOU", "(none)");
        assertThat(officer.postForm("/people/" + JOSE + "/departure/grant", Map.of("grantedOn", "2019-04-01",
                "bondAmount", "1500")).statusCode()).isEqualTo(302);
        assertThat(supervisor.postForm("/families/1001/removals", Map.of("country", "Guatemala", "consulate",
                "Consulate General of Guatemala, Houston", "requestedOn", "2019-06-03")).statusCode()).isEqualTo(302);

        String grants = officer.get("/departures?page=0&size=1").body();
        assertThat(grants).contains("href=\"/people/" + JOSE + "/departure\"", "2019-05-31", "(1–1 of 1)");
        String removals = officer.get("/departures?show=removals").body();
        assertThat(removals).contains("href=\"/families/1001/removals\"", "Guatemala (Consulate General of "
                + "Guatemala, Houston)", "Requested", "not yet");
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'VOLUNTARY_DEPARTURES_READ' and actor = "
                + "'officer' and detail like '%A-" + JOSE + "%'").query(Long.class).single()).isPositive();
        assertThat(officer.get("/departures?size=0").statusCode()).isEqualTo(400);

        FormSession chicago = FormSession.signIn(environment, "officer.chicago");
        assertThat(chicago.get("/departures").body()).doesNotContain(JOSE);
        FormSession attorney = FormSession.signIn(environment, "attorney");
        assertThat(attorney.get("/").body()).doesNotContain("href=\"/departures\"");
        assertThat(attorney.get("/departures").statusCode()).isEqualTo(403);
    }
}
