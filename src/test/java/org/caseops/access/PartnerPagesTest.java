package org.caseops.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import org.caseops.docket.DocketImporter;
import org.caseops.fixtures.Api;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Dockets;
import org.caseops.fixtures.EoirFiles;
import org.caseops.fixtures.FormSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The partner agencies pages (docs/ui.md): the administrator records an agency and its agreements (problems next to
 * their fields) and revokes one, which the agency's users feel on their very next request; a director revokes the
 * agreements of their own field office only; auditors read; nobody else sees the link or opens the pages.
 */
@CaseOpsTest
class PartnerPagesTest {

    @Autowired
    Environment environment;
    @Autowired
    Partners partners;
    @Autowired
    Users users;
    @Autowired
    DocketImporter importer;
    @Autowired
    JdbcClient jdbc;

    private Partners.Agency agency;
    private Partners.Agreement houston;
    private Partners.Agreement chicago;
    private String partnerUser;

    @BeforeEach
    void agencyWithTwoAgreements() throws Exception {
        Dockets.freshlyImported(EoirFiles.houstonFamilies(), importer, jdbc);
        agency = partners.addAgency("Pages test PD " + System.nanoTime(), Partners.Kind.POLICE, "Houston, TX");
        houston = partners.addAgreement(agency.id(), new Partners.NewAgreement("HOU",
                EnumSet.of(PartnerScope.CASE_STATUS), "MOU-HOU", LocalDate.of(2019, 1, 1), null), "test");
        chicago = partners.addAgreement(agency.id(), new Partners.NewAgreement("CHI",
                EnumSet.of(PartnerScope.CASE_STATUS), "MOU-CHI", LocalDate.of(2019, 1, 1), null), "test");
        partnerUser = "partner.p" + (System.nanoTime() % 1_000_000_000L);
        users.add(new Users.NewUser(partnerUser, null, Role.PARTNER, null, agency.id(), Api.PASSWORD), "test");
    }

    @Test
    void an_administrator_records_an_agency_and_an_agreement_with_problems_next_to_their_fields() {
        FormSession admin = FormSession.signIn(environment, "admin");
        assertThat(admin.get("/partners").body()).contains("href=\"/partners/" + agency.id() + "\"",
                "Agreements in force", "id=\"add-agency\"");

        HttpResponse<String> noKind = admin.postForm("/partners", Map.of("name", "Harris County Sheriff (synthetic)",
                "kind", "", "jurisdiction", "Harris County, TX"));
        assertThat(noKind.statusCode()).isEqualTo(400);
        assertThat(noKind.body()).contains("id=\"agency-kind-error\"", "aria-describedby=\"agency-kind-error\"",
                "value=\"Harris County Sheriff (synthetic)\"", "value=\"Harris County, TX\"");

        String name = "Harris County Sheriff " + System.nanoTime();
        HttpResponse<String> added = admin.postForm("/partners", Map.of("name", name, "kind", "SHERIFF",
                "jurisdiction", "Harris County, TX"));
        assertThat(added.statusCode()).isEqualTo(302);
        String page = added.headers().firstValue("Location").orElseThrow().replaceAll("^https?://[^/]+", "");
        assertThat(admin.get(page).body()).contains(name, "Sheriff", "Partner agency " + name + " recorded");
        long id = Long.parseLong(page.substring("/partners/".length()));
        assertThat(admin.postForm("/partners", Map.of("name", name, "kind", "SHERIFF")).statusCode())
                .isEqualTo(409);

        HttpResponse<String> noScope = admin.postForm(page + "/agreements", Map.of("fieldOffice", "HOU",
                "reference", "MOU 2019-44", "effectiveFrom", "2019-02-01"));
        assertThat(noScope.statusCode()).isEqualTo(400);
        assertThat(noScope.body()).contains("id=\"agreement-scopes-error\"", "grants at least one",
                "value=\"MOU 2019-44\"", "value=\"2019-02-01\"");
        assertThat(noScope.body()).containsPattern("<option value=\"HOU\"\\s+selected=\"selected\"");
        assertThat(noScope.body()).contains("for=\"scope-CASE_STATUS\">Case status: whether a removal order is "
                + "executable");

        HttpResponse<String> backwards = admin.postForm(page + "/agreements?scopes=CASE_STATUS&scopes=PERSON_RECORD",
                Map.of("fieldOffice", "HOU", "reference", "MOU 2019-44", "effectiveFrom", "2019-02-01",
                        "expiresOn", "2019-01-01"));
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(backwards.body()).contains("id=\"agreement-until-error\"", "cannot expire before")
                .containsPattern("id=\"scope-PERSON_RECORD\"[^>]*checked");

        HttpResponse<String> recorded = admin.postForm(page + "/agreements?scopes=CASE_STATUS&scopes=PERSON_RECORD",
                Map.of("fieldOffice", "HOU", "reference", "MOU 2019-44", "effectiveFrom", "2019-02-01"));
        assertThat(recorded.statusCode()).isEqualTo(302);
        assertThat(partners.agreementsOf(id)).singleElement().satisfies(a -> {
            assertThat(a.scopes()).containsExactlyInAnyOrder(PartnerScope.CASE_STATUS, PartnerScope.PERSON_RECORD);
            assertThat(a.reference()).isEqualTo("MOU 2019-44");
        });
        assertThat(admin.get(page).body()).contains("Case status, Person record", "MOU 2019-44", "In force",
                "until revoked");
        assertThat(admin.get("/partners?filter=" + name.replace(' ', '+') + "&format=csv").body())
                .startsWith("Agency,Kind,Jurisdiction,Agreements in force,Agreements").contains(name + ",Sheriff");
    }

    @Test
    void a_revocation_from_the_page_refuses_the_agencys_users_on_their_next_request_and_is_shown() {
        FormSession partner = FormSession.signIn(environment, partnerUser);
        assertThat(partner.get("/").body()).contains("Field office HOU");
        FormSession admin = FormSession.signIn(environment, "admin");
        assertThat(admin.get("/partners/" + agency.id()).body()).contains("id=\"revoke-" + houston.id() + "\"",
                "href=\"/admin/users/" + partnerUser + "\"");

        HttpResponse<String> blank = admin.postForm("/agreements/" + houston.id() + "/revoke",
                Map.of("reason", "   "));
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(blank.body()).contains("id=\"revoke-" + houston.id() + "-reason-error\"",
                "aria-describedby=\"revoke-" + houston.id() + "-reason-error\"", "states its reason");

        HttpResponse<String> revoked = admin.postForm("/agreements/" + houston.id() + "/revoke",
                Map.of("reason", "The city ended database access"));
        assertThat(revoked.statusCode()).isEqualTo(302);
        String page = admin.get("/partners/" + agency.id()).body();
        assertThat(page).contains("Agreement " + houston.id() + " revoked at", "users are refused from their next "
                + "request on", "by admin: The city ended database access")
                .doesNotContain("id=\"revoke-" + houston.id() + "\"");
        // the partner's open session: the home page no longer names Houston
        assertThat(partner.get("/").body()).doesNotContain("Field office HOU");
        assertThat(users.actor(partnerUser).orElseThrow().grants()).doesNotContainKey("HOU");

        HttpResponse<String> again = admin.postForm("/agreements/" + houston.id() + "/revoke",
                Map.of("reason", "twice"));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("id=\"revoke-error\"", "was revoked at", "by admin");
    }

    @Test
    void a_director_revokes_agreements_of_their_own_field_office_only_and_records_nothing() {
        FormSession director = FormSession.signIn(environment, "director");
        assertThat(director.get("/").body()).contains("href=\"/partners\"");
        String page = director.get("/partners/" + agency.id()).body();
        assertThat(page).contains("id=\"revoke-" + houston.id() + "\"")
                .doesNotContain("id=\"revoke-" + chicago.id() + "\"", "id=\"add-agreement\"", "Its users");
        assertThat(director.get("/partners").body()).doesNotContain("id=\"add-agency\"");

        assertThat(director.postForm("/agreements/" + chicago.id() + "/revoke", Map.of("reason", "not mine"))
                .statusCode()).isEqualTo(403);
        assertThat(director.postForm("/partners", Map.of("name", "x", "kind", "OTHER")).statusCode()).isEqualTo(403);
        assertThat(director.postForm("/agreements/" + houston.id() + "/revoke",
                Map.of("reason", "Director's order")).statusCode()).isEqualTo(302);
        assertThat(partners.agreement(houston.id()).revokedBy()).isEqualTo("director");
        assertThat(partners.agreement(chicago.id()).revokedAt()).isNull();
    }

    @Test
    void auditors_read_without_forms_and_other_roles_see_no_link_and_are_refused() {
        FormSession auditor = FormSession.signIn(environment, "auditor");
        assertThat(auditor.get("/").body()).contains("href=\"/partners\"");
        String page = auditor.get("/partners/" + agency.id()).body();
        assertThat(page).contains("MOU-HOU", "In force").doesNotContain("id=\"revoke-", "id=\"add-agreement\"");
        assertThat(auditor.postForm("/agreements/" + houston.id() + "/revoke", Map.of("reason", "x")).statusCode())
                .isEqualTo(403);

        for (String user : new String[] {"officer", "supervisor", "attorney", "partner"}) {
            FormSession session = FormSession.signIn(environment, user);
            assertThat(session.get("/").body()).as(user).doesNotContain("href=\"/partners\"");
            assertThat(session.get("/partners").statusCode()).as(user).isEqualTo(403);
            assertThat(session.get("/partners/" + agency.id()).statusCode()).as(user).isEqualTo(403);
        }
    }
}
