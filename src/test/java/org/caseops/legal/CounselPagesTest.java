package org.caseops.legal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.caseops.docket.DocketImporter;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Dockets;
import org.caseops.fixtures.EoirFiles;
import org.caseops.fixtures.FormSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Counsel's forms on the case page: stays, protections, determinations (docs/web.md). */
@CaseOpsTest
class CounselPagesTest {

    @Autowired
    Environment environment;
    @Autowired
    DocketImporter importer;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void docket() throws Exception {
        Dockets.freshlyImported(EoirFiles.houstonFamilies(), importer, jdbc);
    }

    @Test
    void counsel_records_a_protection_and_the_case_event_and_audit_entry_are_written() {
        FormSession counsel = FormSession.signIn(environment, "attorney");

        HttpResponse<String> recorded = counsel.postForm("/cases/991000001/protections", Map.of("kind", "U_VISA_STAY",
                "from", "2019-04-01", "until", "", "evidence", "I-918 receipt EAC1990000002"));

        assertThat(recorded.statusCode()).isEqualTo(302);
        assertThat(recorded.headers().firstValue("Location").orElse("")).endsWith("/cases/991000001#protections");
        assertThat(counsel.get("/cases/991000001").body()).contains("Stay of removal for a U visa petitioner",
                "I-918 receipt EAC1990000002", "verdict-NOT_EXECUTABLE");
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'PROTECTION_RECORDED'")
                .query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("select count(*) from case_event where kind = 'PROTECTION_RECORDED'")
                .query(Long.class).single()).isPositive();
    }

    @Test
    void a_meaning_that_does_not_fit_the_subject_is_shown_next_to_the_field_and_keeps_what_was_typed() {
        HttpResponse<String> page = FormSession.signIn(environment, "attorney").postForm(
                "/cases/991000001/determinations", Map.of("subject", "strBIADecision=XQZ", "meaning", "REOPENS",
                        "reason", "Letter of 2019-05-02", "recordedOn", "2019-05-03"));

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("id=\"determination-meaning-error\"", "aria-describedby=\"determination-meaning-error\"",
                "value=\"strBIADecision=XQZ\"", "Letter of 2019-05-02</textarea>", "value=\"2019-05-03\"",
                "<option value=\"REOPENS\" selected=\"selected\">", "id=\"determinations-error\"");
    }

    @Test
    void a_date_that_is_no_date_names_its_field() {
        HttpResponse<String> page = FormSession.signIn(environment, "director").postForm("/cases/991000001/stays",
                Map.of("kind", "JUDICIAL", "from", "2019-13-01", "reference", "5th Cir. 19-60001",
                        "version", staysOf("991000001")));

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("id=\"stay-from-error\"", "&#39;2019-13-01&#39; is not a date",
                "value=\"5th Cir. 19-60001\"");
    }

    @Test
    void a_second_lift_of_a_stay_says_who_lifted_it() {
        FormSession director = FormSession.signIn(environment, "director");
        assertThat(director.postForm("/cases/991000001/stays", Map.of("kind", "ADMINISTRATIVE", "from", "2019-05-01",
                "reference", "I-246 granted", "version", staysOf("991000001"))).statusCode()).isEqualTo(302);
        long stay = jdbc.sql("select max(id) from stay").query(Long.class).single();

        assertThat(director.postForm("/cases/991000001/stays/" + stay + "/lift", Map.of("liftedOn", "2019-06-01",
                "version", versionOf(stay))).statusCode()).isEqualTo(302);
        HttpResponse<String> again = director.postForm("/cases/991000001/stays/" + stay + "/lift",
                Map.of("version", versionOf(stay)));

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("id=\"change-error\"", "was already lifted on 2019-06-01 by director");
    }

    @Test
    void a_stay_of_another_case_cannot_be_lifted_through_this_one() {
        FormSession counsel = FormSession.signIn(environment, "attorney");
        assertThat(counsel.postForm("/cases/991000001/stays", Map.of("kind", "JUDICIAL", "from", "2019-05-01",
                "reference", "order", "version", staysOf("991000001"))).statusCode()).isEqualTo(302);
        long stay = jdbc.sql("select max(id) from stay").query(Long.class).single();

        assertThat(counsel.postForm("/cases/991000002/stays/" + stay + "/lift", Map.of("version", versionOf(stay)))
                .statusCode()).isEqualTo(404);
    }

    @Test
    void a_stay_form_read_before_another_change_is_refused_with_the_current_version() {
        FormSession counsel = FormSession.signIn(environment, "attorney");
        String read = staysOf("991000001");
        assertThat(counsel.postForm("/cases/991000001/stays", Map.of("kind", "JUDICIAL", "from", "2019-05-01",
                "reference", "first", "version", read)).statusCode()).isEqualTo(302);

        HttpResponse<String> stale = counsel.postForm("/cases/991000001/stays", Map.of("kind", "JUDICIAL",
                "from", "2019-05-02", "reference", "second", "version", read));

        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("id=\"change-error\"", "value=\"second\"");
    }

    /** The version of a case's stays as the form carries it: how many it has had. */
    private String staysOf(String aNumber) {
        return String.valueOf(jdbc.sql("select count(*) from stay s join person p on p.idncase = s.idncase "
                + "where p.a_number = ?").param(aNumber).query(Long.class).single());
    }

    private String versionOf(long stay) {
        return String.valueOf(jdbc.sql("select version from stay where id = ?").param(stay).query(Integer.class)
                .single());
    }

    @Test
    void an_officer_sees_no_form_and_may_not_post_any() {
        FormSession officer = FormSession.signIn(environment, "officer");

        assertThat(officer.get("/cases/991000001").body()).contains("id=\"protections\"", "id=\"determinations\"")
                .doesNotContain("id=\"record-stay\"", "id=\"record-protection\"", "id=\"record-determination\"");
        for (String path : new String[] {"/cases/991000001/stays", "/cases/991000001/stays/1/lift",
                "/cases/991000001/protections", "/cases/991000001/protections/1/end",
                "/cases/991000001/determinations"}) {
            assertThat(officer.postForm(path, Map.of("reason", "x")).statusCode()).as(path).isEqualTo(403);
        }
        FormSession director = FormSession.signIn(environment, "director");
        assertThat(director.get("/cases/991000001").body()).contains("id=\"record-stay\"")
                .doesNotContain("id=\"record-protection\"");
        assertThat(director.postForm("/cases/991000001/protections", Map.of("kind", "TPS")).statusCode())
                .isEqualTo(403);
    }

    @Test
    void a_form_without_its_csrf_token_is_refused() {
        HttpResponse<String> page = FormSession.signIn(environment, "attorney").postForm(
                "/cases/991000001/protections", null, Map.of("kind", "TPS", "evidence", "x"));

        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from protection").query(Long.class).single()).isZero();
    }
}
