package org.caseops.worksite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseops.worksite.WorksiteApi.ok;

import java.net.http.HttpResponse;
import java.util.Map;
import org.caseops.fixtures.Api;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.FormSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The worksite action board in the browser's forms (docs/web.md): a supervisor drafts an action on a nominated site
 * and records its preparations, counsel clears it, the director approves, the supervisor launches; an officer records
 * a person and screens them, a child named gets its welfare task; a supervisor's refused transfer comes back as a
 * message on the page, and the release is recorded. Fiscal year 2045, where no other class nominates.
 */
@CaseOpsTest
class WorksiteActionPagesTest {

    static final String DAY = "2045-03-14";

    @Autowired
    Api api;
    @Autowired
    Environment environment;
    @Autowired
    JdbcClient jdbc;

    private static long idFrom(HttpResponse<String> response, String prefix) {
        String location = response.headers().firstValue("Location").orElseThrow();
        return Long.parseLong(location.substring(location.indexOf(prefix) + prefix.length()).replaceAll("\\?.*", ""));
    }

    @Test
    void an_action_from_draft_to_a_screened_and_released_person_through_the_forms() {
        WorksiteApi worksite = new WorksiteApi(api);
        long site = worksite.siteOf(worksite.employer("supervisor", "HOU", "Page Plant (synthetic)", 40));
        long nomination = ok(worksite.post("supervisor", "/api/nominations", Map.of("siteId", site,
                "caseType", "WORKSITE_ACTION", "basis", "criminal referral of the employer's hiring", "period", DAY)),
                HttpStatus.CREATED).path("id").asLong();
        ok(worksite.post("director", "/api/nominations/" + nomination + "/approve", Map.of()), HttpStatus.OK);

        FormSession supervisor = FormSession.signIn(environment, "supervisor");
        HttpResponse<String> list = supervisor.get("/worksite-actions");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("Draft a worksite action").contains("Page Plant (synthetic)");
        // a missing date is shown next to its field, what was typed kept
        HttpResponse<String> missing = supervisor.postForm("/worksite-actions", Map.of("name", "Page action",
                "actionDate", "", "siteIds", String.valueOf(site)));
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("id=\"new-action-actionDate-error\"").contains("value=\"Page action\"");
        HttpResponse<String> drafted = supervisor.postForm("/worksite-actions", Map.of("name", "Page action",
                "actionDate", DAY, "siteIds", String.valueOf(site)));
        assertThat(drafted.statusCode()).isEqualTo(302);
        long id = idFrom(drafted, "/worksite-actions/");
        String page = supervisor.get("/worksite-actions/" + id).body();
        assertThat(page).contains("No prosecution commitment").contains("id=\"prepare\"").contains("Submit for legal review");
        assertThat(supervisor.postForm("/worksite-actions/" + id + "/preparations", Map.of(
                "prosecutionCommitment", "USAO SDTX ref 2", "socialServices", "county CPS",
                "socialServicesNotifiedAt", "2024-01-02T06:00", "schools", "district",
                "schoolsNotifiedAt", "2024-01-02T06:05", "interpreters", "2", "interpreterLanguages", "Spanish",
                "medicalStaff", "1", "version", "0")).statusCode()).isEqualTo(302);
        // typed as local time in Houston's zone (Central standard time in January), shown so
        assertThat(jdbc.sql("select social_services_notified_at from worksite_action where id = ?").param(id)
                .query(java.time.OffsetDateTime.class).single().toInstant())
                .isEqualTo(java.time.Instant.parse("2024-01-02T12:00:00Z"));
        assertThat(supervisor.get("/worksite-actions/" + id).body()).contains("county CPS, 2024-01-02 06:00 CST",
                "When (local time, Central)");
        assertThat(supervisor.postForm("/worksite-actions/" + id + "/submit", Map.of()).statusCode()).isEqualTo(302);
        FormSession attorney = FormSession.signIn(environment, "attorney");
        assertThat(attorney.get("/").body()).contains("Worksite actions waiting for legal review")
                .contains("Worksite action " + id + ": Page action");
        assertThat(attorney.get("/worksite-actions/" + id).body()).contains("Clear the legal review");
        assertThat(attorney.postForm("/worksite-actions/" + id + "/clear", Map.of("note", "ok")).statusCode())
                .isEqualTo(302);
        FormSession director = FormSession.signIn(environment, "director");
        assertThat(director.get("/").body()).contains("worksite actions to approve")
                .contains("Worksite action " + id + ": Page action");
        assertThat(director.postForm("/worksite-actions/" + id + "/approve", Map.of()).statusCode()).isEqualTo(302);
        assertThat(supervisor.postForm("/worksite-actions/" + id + "/launch", Map.of()).statusCode()).isEqualTo(302);
        assertThat(supervisor.get("/worksite-actions/" + id).body()).contains("All of it was on the record before the launch")
                .contains("id=\"detain\"");

        FormSession officer = FormSession.signIn(environment, "officer");
        HttpResponse<String> detained = officer.postForm("/worksite-actions/" + id + "/detainees", Map.of(
                "siteId", String.valueOf(site), "familyName", "Pagina", "givenName", "Rosa", "birthMonth", "1988-02"));
        assertThat(detained.statusCode()).isEqualTo(302);
        long person = idFrom(detained, "/worksite-detainees/");
        assertThat(officer.get("/worksite-detainees/" + person).body()).contains("id=\"screen\"")
                .contains("Other authority");
        HttpResponse<String> unanswered = officer.postForm("/worksite-detainees/" + person + "/screening", Map.of(
                "minor", "no", "soleCaregiver", "yes", "pregnantOrNursing", "no"));
        assertThat(unanswered.statusCode()).isEqualTo(400);
        assertThat(unanswered.body()).contains("id=\"screen-citizenshipClaim-error\"");
        assertThat(officer.postForm("/worksite-detainees/" + person + "/screening", Map.of("minor", "no",
                "soleCaregiver", "yes", "pregnantOrNursing", "no", "citizenshipClaim", "no",
                "interpreterLanguage", "Spanish", "child1Name", "Nino Pagina", "child1Age", "9",
                "child1Location", "SCHOOL")).statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("""
                select count(*) from worksite_child c join worksite_child_parent p on p.child_id = c.id
                where p.detainee_id = ? and c.welfare_task_id is not null""").param(person).query(Long.class)
                .single()).isEqualTo(1);

        String screened = supervisor.get("/worksite-detainees/" + person).body();
        assertThat(screened).contains("the sole caregiver of a child").contains("id=\"decide\"")
                .doesNotContain("value=\"TRANSFERRED\"");
        HttpResponse<String> transfer = supervisor.postForm("/worksite-detainees/" + person + "/outcome", Map.of(
                "outcome", "TRANSFERRED", "reason", "try"));
        assertThat(transfer.statusCode()).isEqualTo(409);
        assertThat(transfer.body()).contains("id=\"decide-problem\"").contains("sole caregiver");
        assertThat(supervisor.postForm("/worksite-detainees/" + person + "/outcome", Map.of(
                "outcome", "RELEASED_HUMANITARIAN", "reason", "sole caregiver of a nine-year-old")).statusCode())
                .isEqualTo(302);
        assertThat(supervisor.get("/worksite-actions/" + id).body()).contains("Released humanitarian");
        assertThat(FormSession.signIn(environment, "partner").get("/worksite-actions").statusCode()).isEqualTo(403);
    }
}
