package org.caseops.docket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.caseops.access.PartnerScope;
import org.caseops.access.Partners;
import org.caseops.access.Role;
import org.caseops.access.Users;
import org.caseops.fixtures.Api;
import org.caseops.fixtures.LegalVersions;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Dockets;
import org.caseops.fixtures.EoirFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A timeline shows only what its reader may read directly (issue 13): a partner, refused holds and stays, does not
 * read them through the person's timeline either; officers and counsel see them there.
 */
@CaseOpsTest
class TimelineVisibilityTest {

    @Autowired
    Api api;
    @Autowired
    DocketImporter importer;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Partners partners;
    @Autowired
    Users users;

    String partner;

    @BeforeEach
    void docketWithAHoldAndAStay() throws Exception {
        Dockets.freshlyImported(EoirFiles.houstonFamilies(), importer, jdbc);
        partner = "partner.timeline";
        if (users.find(partner).isEmpty()) {
            Partners.Agency agency = partners.addAgency("Timeline test PD", Partners.Kind.POLICE, "Houston, TX");
            partners.addAgreement(agency.id(), new Partners.NewAgreement("HOU",
                    EnumSet.of(PartnerScope.CASE_STATUS, PartnerScope.PERSON_RECORD), "MOU-TL",
                    LocalDate.of(2019, 1, 1), null), "test");
            users.add(new Users.NewUser(partner, null, Role.PARTNER, null, agency.id(), Api.PASSWORD), "test");
        }
        assertThat(api.as("attorney").postForEntity("/api/cases/991000001/holds",
                LegalVersions.with(Map.of("reason", "motion to reopen pending", "placedOn", "2019-06-01"),
                        LegalVersions.holds(api.as("attorney"), "991000001")), JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(api.as("attorney").postForEntity("/api/cases/991000001/stays", LegalVersions.with(Map.of("kind",
                "ADMINISTRATIVE",
                "from", "2019-06-02", "until", "2019-09-01", "reference", "I-246 #77"),
                        LegalVersions.stays(api.as("attorney"), "991000001")), JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(api.as("officer").postForEntity("/api/people/991000001/notes", Map.of("text", "door knock"),
                JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    private List<String> kinds(String user) {
        JsonNode timeline = api.as(user).getForObject("/api/people/991000001/timeline", JsonNode.class);
        return timeline.findValuesAsText("kind");
    }

    @Test
    void a_partner_refused_holds_and_stays_does_not_read_them_through_the_timeline() {
        assertThat(api.as(partner).getForEntity("/api/cases/991000001/holds", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.as(partner).getForEntity("/api/cases/991000001/stays", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        List<String> partnerSees = kinds(partner);

        assertThat(partnerSees).isNotEmpty().noneMatch(k -> k.startsWith("LEGAL_HOLD") || k.startsWith("STAY")
                || k.startsWith("CASE_NOTE"));
        assertThat(api.as(partner).getForObject("/api/people/991000001/timeline", String.class))
                .doesNotContain("motion to reopen", "I-246");
    }

    @Test
    void officers_and_counsel_see_holds_stays_and_notes_on_the_timeline() {
        for (String user : List.of("officer", "attorney")) {
            assertThat(kinds(user)).as(user).contains("LEGAL_HOLD_PLACED", "STAY_RECORDED", "CASE_NOTE_ADDED");
        }
    }
}
