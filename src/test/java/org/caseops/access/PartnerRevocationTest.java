package org.caseops.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.caseops.docket.DocketImporter;
import org.caseops.fixtures.Api;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Dockets;
import org.caseops.fixtures.EoirFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The Chicago case: a partner agency's agreement is revoked, and its users are refused on their very next request,
 * with a token and in an open browser session alike.
 */
@CaseOpsTest
class PartnerRevocationTest {

    @Autowired
    Api api;
    @Autowired
    Users users;
    @Autowired
    Partners partners;
    @Autowired
    DocketImporter importer;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    long agreementId;

    @BeforeEach
    void partnerWithAgreement() throws Exception {
        Dockets.freshlyImported(EoirFiles.houstonFamilies(), importer, jdbc);
        String name = "Revocation test PD " + System.nanoTime();
        Partners.Agency agency = partners.addAgency(name, Partners.Kind.POLICE, "Houston, TX");
        agreementId = partners.addAgreement(agency.id(), new Partners.NewAgreement("HOU",
                EnumSet.of(PartnerScope.CASE_STATUS, PartnerScope.PERSON_RECORD), "MOU-T", LocalDate.of(2019, 1, 1),
                null), "test").id();
        String username = "partner.t" + (System.nanoTime() % 1_000_000_000L);
        users.add(new Users.NewUser(username, null, Role.PARTNER, null, agency.id(), Api.PASSWORD), "test");
        this.username = username;
    }

    String username;

    private ResponseEntity<JsonNode> revoke(TestRestTemplate as) {
        return as.postForEntity("/api/agreements/" + agreementId + "/revoke",
                Map.of("reason", "City ended database access"), JsonNode.class);
    }

    @Test
    void a_partner_token_that_could_read_a_case_is_refused_on_its_next_request_after_revocation() {
        TestRestTemplate partner = api.as(username);
        assertThat(partner.getForEntity("/api/cases/991000001/executability", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);

        assertThat(revoke(api.as("admin")).getStatusCode()).isEqualTo(HttpStatus.OK);

        ResponseEntity<JsonNode> after = partner.getForEntity("/api/cases/991000001/executability", JsonNode.class);
        // without an agreement the record answers as one that does not exist (issue 13)
        assertThat(after.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.as(username).getForObject("/api/me", JsonNode.class).path("grants").size()).isZero();
        assertThat(jdbc.sql("select actor from audit_entry where action = 'AGREEMENT_REVOKED' and subject_id = ?")
                .param(String.valueOf(agreementId)).query(String.class).single()).isEqualTo("admin");
    }

    @Test
    void an_open_partner_browser_session_is_refused_on_its_next_request_after_revocation() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String loginPage = browser.send(HttpRequest.newBuilder(url("/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage);
        assertThat(csrf.find()).isTrue();
        String form = "username=" + username + "&password=" + URLEncoder.encode(Api.PASSWORD, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> signIn = browser.send(HttpRequest.newBuilder(url("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        HttpRequest read = HttpRequest.newBuilder(url("/api/people/991000001")).header("X-Purpose", "patrol stop")
                .build();
        assertThat(browser.send(read, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

        // the field office's director revokes it (their own office's agreement)
        assertThat(revoke(api.as("director")).getStatusCode()).isEqualTo(HttpStatus.OK);

        assertThat(browser.send(read, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
    }

    @Test
    void a_director_of_another_field_office_may_not_revoke_and_a_second_revocation_is_a_409() {
        users.find("director.chicago").ifPresentOrElse(u -> { }, () -> users.add(new Users.NewUser(
                "director.chicago", null, Role.DIRECTOR, "CHI", null, Api.PASSWORD), "test"));

        assertThat(revoke(api.as("director.chicago")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(revoke(api.as("admin")).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(revoke(api.as("admin")).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
