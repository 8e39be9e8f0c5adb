package org.caseops.worksite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseops.worksite.WorksiteApi.ok;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.caseops.fixtures.Api;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.FormSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The worksite pages over HTTP (docs/worksite.md, "Pages"): employers, nominations, inspections with their clocks,
 * corrections and notices, and the fine calculator — each form's problem next to its field with what was typed kept,
 * a conflict at the top, a wrong role 403, and the menu's "Worksite" only for the roles the API allows.
 */
@CaseOpsTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorksitePagesTest {

    @Autowired
    Api api;
    @Autowired
    Environment environment;
    @Autowired
    JdbcClient jdbc;
    WorksiteApi worksite;
    JsonNode employer;
    long employerId;
    long site;

    @BeforeAll
    void aHoustonEmployer() {
        worksite = new WorksiteApi(api);
        employer = worksite.employer("supervisor", "HOU", "Gulf Poultry Pages (synthetic)", 40);
        employerId = employer.path("employer").path("id").asLong();
        site = worksite.siteOf(employer);
    }

    /** A signed-in browser session posting with its own CSRF token. */
    record User(FormSession session, String csrf) {
        HttpResponse<String> get(String path) {
            return session.get(path);
        }

        HttpResponse<String> postForm(String path, Map<String, String> fields) {
            return session.postForm(path, fields);
        }
    }

    private User as(String user) {
        FormSession session = FormSession.signIn(environment, user);
        return new User(session, session.csrfToken("/"));
    }

    private static Map<String, String> form(String... pairs) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @Test
    void the_menu_offers_worksite_to_the_roles_the_api_allows_and_the_start_page_links_what_each_may_open() {
        assertThat(as("officer").get("/").body()).contains("href=\"/worksite\"");
        assertThat(as("admin").get("/worksite").body()).contains("href=\"/worksite/nomination-policies\"")
                .doesNotContain("href=\"/worksite/employers\"");
        assertThat(as("auditor").get("/worksite").body()).contains("href=\"/worksite/employers\"",
                "href=\"/worksite/inspections\"", "href=\"/worksite/fine-calculator\"");
        User partner = as("partner");
        assertThat(partner.get("/").body()).doesNotContain("href=\"/worksite\"");
        assertThat(partner.get("/worksite").statusCode()).isEqualTo(403);
        assertThat(partner.get("/worksite/employers").statusCode()).isEqualTo(403);
    }

    @Test
    void employers_are_listed_for_their_office_and_added_with_the_problem_next_to_the_field() {
        User supervisor = as("supervisor");
        String list = supervisor.get("/worksite/employers?filter=gulf+poultry+pages").body();
        assertThat(list).contains("Gulf Poultry Pages (synthetic)", "href=\"/worksite/employers/" + employerId + "\"",
                "40 (Small)", "id=\"add-employer\"");
        assertThat(as("officer.chicago").get("/worksite/employers").body())
                .doesNotContain("Gulf Poultry Pages (synthetic)");
        assertThat(as("officer").get("/worksite/employers?office=CHI").statusCode()).isEqualTo(403);
        assertThat(as("officer").get("/worksite/employers").body()).doesNotContain("id=\"add-employer\"");
        Map<String, String> typed = form("name", "Delta Canning (synthetic)", "ein", "12345", "naics", "311421",
                "employees", "120", "site.name", "Delta plant", "site.address", "5 Levee Road", "site.city",
                "Beaumont", "site.state", "TX", "site.fieldOffice", "HOU");
        HttpResponse<String> bad = supervisor.postForm("/worksite/employers", typed);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("id=\"add-employer-ein-error\"", "two digits, a hyphen and seven digits",
                "value=\"Delta Canning (synthetic)\"", "aria-describedby=\"add-employer-ein-error\"");

        typed.put("ein", WorksiteApi.nextEin());
        typed.put("site.fieldOffice", "CHI");
        HttpResponse<String> elsewhere = supervisor.postForm("/worksite/employers", typed);
        assertThat(elsewhere.statusCode()).isEqualTo(403);

        typed.put("site.fieldOffice", "HOU");
        HttpResponse<String> added = supervisor.postForm("/worksite/employers", typed);
        assertThat(added.statusCode()).isEqualTo(302);
        String location = added.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches(".*/worksite/employers/[0-9]+$");
        String page = supervisor.get(location.replaceFirst("^https?://[^/]+", "")).body();
        assertThat(page).contains("Employer Delta Canning (synthetic) (EIN " + typed.get("ein") + ") recorded",
                "Delta plant", "5 Levee Road, Beaumont, TX", "120 (size class: Medium)");
        assertThat(as("officer").postForm("/worksite/employers", typed).statusCode()).isEqualTo(403);
    }

    @Test
    void an_employer_page_shows_sites_history_inspections_and_nominations_and_takes_a_site_and_a_history_entry() {
        User supervisor = as("supervisor");
        String path = "/worksite/employers/" + employerId;
        String version = String.valueOf(worksite.get("supervisor", "/api/employers/" + employerId).getBody()
                .path("employer").path("version").asInt());

        HttpResponse<String> bad = supervisor.postForm(path + "/sites", form("name", "Second plant",
                "address", "9 Bayou Lane", "city", "Pasadena", "state", "Texas", "fieldOffice", "HOU", "version",
                version));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("id=\"add-site-state-error\"", "two-letter code", "value=\"9 Bayou Lane\"");
        assertThat(supervisor.postForm(path + "/sites", form("name", "Second plant", "address",
                "9 Bayou Lane", "city", "Pasadena", "state", "TX", "fieldOffice", "HOU", "version", version))
                .statusCode()).isEqualTo(302);
        HttpResponse<String> stale = supervisor.postForm(path + "/sites", form("name", "Third plant",
                "address", "1 Ship Channel", "city", "Pasadena", "state", "TX", "fieldOffice", "HOU", "version",
                version));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("id=\"add-site-problem\"", "changed meanwhile");

        HttpResponse<String> noKind = supervisor.postForm(path + "/history", form("occurredOn", "2016-03-01",
                "summary", "fined $12,000 after a 2015 inspection", "amount", "12000"));
        assertThat(noKind.statusCode()).isEqualTo(400);
        assertThat(noKind.body()).contains("id=\"add-history-kind-error\"", "fined $12,000 after a 2015 inspection");
        assertThat(supervisor.postForm(path + "/history", form("occurredOn", "2016-03-01", "kind", "FINE",
                "summary", "fined $12,000 after a 2015 inspection", "amount", "12000")).statusCode()).isEqualTo(302);

        worksite.inspection("supervisor", site, "2019-11-04");
        ok(worksite.post("supervisor", "/api/nominations", Map.of("siteId", site, "caseType", "CRIMINAL_INVESTIGATION",
                "basis", "a referral from the Department of Labor", "period", "2020-05-04")), HttpStatus.CREATED);
        String page = as("officer").get(path).body();
        assertThat(page).contains("Second plant", "9 Bayou Lane, Pasadena, TX", "fined $12,000 after a 2015 "
                + "inspection", "$12,000.00", "Notice of Inspection served (inspection", "FY2020 Q3",
                "Criminal investigation").doesNotContain("id=\"add-site\"", "id=\"add-history\"");
        assertThat(as("officer").postForm(path + "/history", form("occurredOn", "2016-03-01", "kind",
                "OTHER", "summary", "refused")).statusCode()).isEqualTo(403);
        assertThat(as("officer.chicago").get(path).statusCode()).isEqualTo(404);
    }

    @Test
    void nominations_per_office_and_period_the_quota_and_the_directors_decision_from_the_row() {
        User supervisor = as("supervisor");
        HttpResponse<String> shortBasis = supervisor.postForm("/worksite/nominations", form("siteId",
                String.valueOf(site), "caseType", "I9_INSPECTION", "basis", "tip", "period", "2020-08-03"));
        assertThat(shortBasis.statusCode()).isEqualTo(400);
        assertThat(shortBasis.body()).contains("id=\"nominate-basis-error\"", "at least 10 characters");
        assertThat(supervisor.postForm("/worksite/nominations", form("siteId", String.valueOf(site),
                "caseType", "I9_INSPECTION", "basis", "an audit finding of missing forms", "period", "2020-08-03"))
                .statusCode()).isEqualTo(302);
        long id = jdbc.sql("select id from nomination where site_id = ? and period_start = date '2020-07-01'")
                .param(site).query(Long.class).single();

        String list = supervisor.get("/worksite/nominations?period=2020-08-03").body();
        assertThat(list).contains("FY2020 Q4", "an audit finding of missing forms", "Proposed", "id=\"withdraw-" + id
                + "\"", "Field offices below their quota", "(HOU)</td>").doesNotContain("id=\"approve-" + id + "\"");
        String officer = as("officer").get("/worksite/nominations?period=2020-08-03").body();
        assertThat(officer).contains("an audit finding of missing forms").doesNotContain("id=\"withdraw-" + id + "\"",
                "Field offices below their quota", "id=\"nominate\"");

        User director = as("director");
        assertThat(director.get("/worksite/nominations?period=2020-08-03").body()).contains("id=\"approve-" + id
                + "\"", "id=\"decline-" + id + "\"");
        HttpResponse<String> noReason = director.postForm("/worksite/nominations/" + id + "/decline",
                form("note", " ", "version", "0"));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("id=\"decline-" + id + "-note-error\"", "say why");
        assertThat(supervisor.postForm("/worksite/nominations/" + id + "/approve", form("version", "0"))
                .statusCode()).isEqualTo(403);
        assertThat(director.postForm("/worksite/nominations/" + id + "/approve", form("note",
                "fits the quarter's plan", "version", "0")).statusCode()).isEqualTo(302);
        HttpResponse<String> twice = director.postForm("/worksite/nominations/" + id + "/decline",
                form("note", "too late", "version", "0"));
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(twice.body()).contains("id=\"nominations-problem\"");
        assertThat(director.get("/worksite/nominations?period=2020-08-03").body()).contains("Approved",
                "director: fits the quarter&#39;s plan");
    }

    @Test
    void the_policy_versions_are_listed_and_only_an_administrator_publishes_one() {
        assertThat(as("officer").get("/worksite/nomination-policies").body()).contains("2019-10-01")
                .doesNotContain("id=\"publish\"");
        User admin = as("admin");
        HttpResponse<String> backdated = admin.postForm("/worksite/nomination-policies", form(
                "effectiveFrom", "2001-01-01", "period", "QUARTER", "minimumPerOffice", "3", "source",
                "a backdated memo (refused)"));
        assertThat(backdated.statusCode()).isEqualTo(400);
        assertThat(backdated.body()).contains("id=\"publish-effectiveFrom-error\"", "never changed backwards",
                "a backdated memo (refused)");
        // no period chosen: named next to its field (it was a 500 before: List.of(...).contains(null) throws)
        HttpResponse<String> noPeriod = admin.postForm("/worksite/nomination-policies", form("effectiveFrom",
                "2061-01-01", "minimumPerOffice", "3", "source", "a memo without a period"));
        assertThat(noPeriod.statusCode()).isEqualTo(400);
        assertThat(noPeriod.body()).contains("id=\"publish-period-error\"", "QUARTER or FISCAL_YEAR");
        assertThat(as("director").postForm("/worksite/nomination-policies", form("effectiveFrom",
                "2031-01-01")).statusCode()).isEqualTo(403);
    }

    @Test
    void an_inspection_shows_its_clocks_takes_forms_notices_corrections_and_the_outcome() {
        User supervisor = as("supervisor");
        supervisor.postForm("/working-date", form("asOf", "2025-09-10", "back", "/"));
        HttpResponse<String> opened = supervisor.postForm("/worksite/inspections", form("siteId",
                String.valueOf(site), "noticeServedOn", "2025-08-28"));
        assertThat(opened.statusCode()).isEqualTo(302);
        String path = opened.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
        long id = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
        // Thursday 28 August 2025, Labor Day on 1 September: forms due Wednesday 3 September, overdue on the 10th
        assertThat(supervisor.get(path).body()).contains("2025-09-03", "overdue: not produced",
                "I9_PRODUCTION_3_BUSINESS_DAYS");
        assertThat(supervisor.get("/worksite/inspections").body()).contains("2025-09-03 (overdue)");

        User officer = as("officer");
        HttpResponse<String> noKind = officer.postForm(path + "/forms", form("employeeLabel", "Employee 001",
                "receivedOn", "2025-09-04", "version", "0", "findings[0].part", "SECTION_1", "findings[0].detail",
                "street address missing"));
        assertThat(noKind.statusCode()).isEqualTo(400);
        assertThat(noKind.body()).contains("id=\"record-form-findings[0].kind-error\"", "value=\"Employee 001\"");
        assertThat(officer.postForm(path + "/forms", form("employeeLabel", "Employee 001", "receivedOn",
                "2025-09-04", "version", "0", "findings[0].part", "SECTION_1", "findings[0].kind", "TECHNICAL",
                "findings[0].detail", "street address missing")).statusCode()).isEqualTo(302);
        assertThat(officer.postForm(path + "/forms", form("employeeLabel", "Employee 002", "version", "1",
                "findings[0].part", "SECTION_2", "findings[0].kind", "SUBSTANTIVE", "findings[0].detail",
                "section 2 never completed")).statusCode()).isEqualTo(302);
        assertThat(officer.postForm(path + "/notices", form("kind", "WARNING", "version", "2")).statusCode())
                .isEqualTo(403);
        assertThat(as("auditor").postForm(path + "/forms", form("employeeLabel", "x")).statusCode())
                .isEqualTo(403);

        assertThat(supervisor.postForm(path + "/notices", form("kind", "TECHNICAL_FAILURES", "servedOn",
                "2025-10-01", "version", "2")).statusCode()).isEqualTo(302);
        long finding = jdbc.sql("""
                select f.id from i9_finding f join i9_form o on o.id = f.form_id
                where o.inspection_id = ? and f.kind = 'TECHNICAL'""").param(id).query(Long.class).single();
        String page = supervisor.get(path).body();
        // 10 business days from 1 October 2025, Columbus Day (13 October) not counted
        assertThat(page).contains("2025-10-16", "I9_CORRECTION_10_BUSINESS_DAYS", "id=\"correct-" + finding + "\"");
        HttpResponse<String> late = supervisor.postForm(path + "/corrections", form("findingId",
                String.valueOf(finding), "corrected", "true", "on", "2025-10-20", "version", "3"));
        assertThat(late.statusCode()).isEqualTo(400);
        assertThat(late.body()).contains("id=\"correct-" + finding + "-on-error\"", "after the deadline of 2025-10-16");
        assertThat(supervisor.postForm(path + "/corrections", form("findingId", String.valueOf(finding),
                "corrected", "false", "on", "2025-10-20", "version", "3")).statusCode()).isEqualTo(302);
        assertThat(supervisor.get(path).body()).contains("not corrected by 2025-10-16: a violation",
                "2 violations for a fine").doesNotContain("id=\"correct-" + finding + "\"");

        HttpResponse<String> fourFactors = supervisor.postForm(path + "/notices", form("kind",
                "INTENT_TO_FINE", "servedOn", "2025-11-03", "version", "4",
                "factor.SIZE_OF_BUSINESS", "MITIGATING", "justification.SIZE_OF_BUSINESS", "forty employees, one plant",
                "factor.GOOD_FAITH", "NEUTRAL", "justification.GOOD_FAITH", "produced the forms a day late",
                "factor.SERIOUSNESS", "AGGRAVATING", "justification.SERIOUSNESS", "section 2 never done",
                "factor.UNAUTHORIZED_WORKERS", "NEUTRAL", "justification.UNAUTHORIZED_WORKERS",
                "no worker found unauthorized"));
        assertThat(fourFactors.statusCode()).isEqualTo(400);
        assertThat(fourFactors.body()).contains("id=\"serve-notice-factors-error\"", "missing: [HISTORY]",
                "value=\"section 2 never done\"");
        Map<String, String> nif = form("kind", "INTENT_TO_FINE", "servedOn", "2025-11-03", "version", "4",
                "factor.SIZE_OF_BUSINESS", "MITIGATING", "justification.SIZE_OF_BUSINESS", "forty employees, one plant",
                "factor.GOOD_FAITH", "NEUTRAL", "justification.GOOD_FAITH", "produced the forms a day late",
                "factor.SERIOUSNESS", "AGGRAVATING", "justification.SERIOUSNESS", "section 2 never done",
                "factor.UNAUTHORIZED_WORKERS", "NEUTRAL", "justification.UNAUTHORIZED_WORKERS",
                "no worker found unauthorized", "factor.HISTORY", "NEUTRAL", "justification.HISTORY",
                "no earlier inspection on record");
        assertThat(supervisor.postForm(path + "/notices", nif).statusCode()).isEqualTo(302);
        // 2 of 2 forms: 100 % → the 50 % band of the July 2025 schedule, $2,203; factors 0 % → $2,203 × 2
        page = supervisor.get(path).body();
        assertThat(page).contains("2 violations of 2 forms (100.00 %)", "2025-12-03", "Size of business: Mitigating");
        assertThat(jdbc.sql("select violations from i9_fine f join i9_notice n on n.id = f.notice_id "
                + "where n.inspection_id = ?").param(id).query(Integer.class).single()).isEqualTo(2);

        User attorney = as("attorney");
        HttpResponse<String> noAmount = attorney.postForm(path + "/outcome", form("to", "SETTLED", "on",
                "2025-12-20", "version", "5"));
        assertThat(noAmount.statusCode()).isEqualTo(400);
        assertThat(noAmount.body()).contains("id=\"outcome-amount-error\"");
        assertThat(attorney.postForm(path + "/outcome", form("to", "SETTLED", "on", "2025-12-20", "amount",
                "3000", "version", "5")).statusCode()).isEqualTo(302);
        assertThat(attorney.get(path).body()).contains("id=\"inspection-state\">Settled<");
    }

    @Test
    void the_fine_calculator_shows_every_step_and_names_the_field_at_fault() {
        User officer = as("officer");
        Map<String, String> worked = form("noticeDate", "2025-11-03", "formsReviewed", "20", "violations", "7",
                "factor.SIZE_OF_BUSINESS", "MITIGATING", "justification.SIZE_OF_BUSINESS", "forty employees, one plant",
                "factor.GOOD_FAITH", "MITIGATING", "justification.GOOD_FAITH", "produced every form on time",
                "factor.SERIOUSNESS", "AGGRAVATING", "justification.SERIOUSNESS", "section 2 never done",
                "factor.UNAUTHORIZED_WORKERS", "NEUTRAL", "justification.UNAUTHORIZED_WORKERS",
                "no worker found unauthorized", "factor.HISTORY", "NEUTRAL", "justification.HISTORY",
                "no earlier inspection on record");
        HttpResponse<String> fine = officer.postForm("/worksite/fine-calculator", worked);
        assertThat(fine.statusCode()).isEqualTo(200);
        assertThat(fine.body()).contains("7 violations ÷ 20 forms = 35.00 %", "90 FR 29445", "$288.00 to $2,861.00 per violation",
                "$1,432.00 per violation (the band from 30 %)", "-$71.60", "+$71.60", "$1,360.40 per violation (Within)",
                "$9,522.80 (7 × $1,360.40)");

        worked.put("justification.HISTORY", "none");
        HttpResponse<String> bad = officer.postForm("/worksite/fine-calculator", worked);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("id=\"calculate-factors-error\"", "HISTORY: a written justification",
                "value=\"forty employees, one plant\"").doesNotContain("id=\"fine-result\"");
        assertThat(as("partner").get("/worksite/fine-calculator").statusCode()).isEqualTo(403);
    }
}
