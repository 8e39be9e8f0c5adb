package org.caseops.worksite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseops.worksite.WorksiteApi.ok;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.caseops.fixtures.Api;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Problems;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * Nominations and the quota across periods and a policy version change: Houston's supervisor nominates, its director
 * approves; the quota counts approved nominations of the period under the policy in force at the period's start.
 * The test works in fiscal years far ahead (FY2041 on), where no other test class nominates.
 */
@CaseOpsTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NominationsApiTest {

    @Autowired
    Api api;
    WorksiteApi worksite;
    long[] sites = new long[4];

    @BeforeAll
    void fourHoustonSitesAndAPolicyChange() {
        worksite = new WorksiteApi(api);
        for (int i = 0; i < sites.length; i++) {
            sites[i] = worksite.siteOf(worksite.employer("supervisor", "HOU", "Nominee " + i + " (synthetic)", 30));
        }
        // from FY2042 on, three per office per fiscal year (version 1: two per quarter)
        ok(worksite.post("admin", "/api/nomination-policies", Map.of("effectiveFrom", "2041-10-01",
                "period", "FISCAL_YEAR", "minimumPerOffice", 3, "source", "quota test: a later directive")),
                HttpStatus.CREATED);
    }

    private long nominate(int site, String period, String type) {
        return ok(worksite.post("supervisor", "/api/nominations", Map.of("siteId", sites[site], "caseType", type,
                "basis", "tip line report of unverified hires", "period", period)), HttpStatus.CREATED)
                .path("id").asLong();
    }

    private JsonNode houston(String asOf) {
        JsonNode all = ok(worksite.get("auditor", "/api/nominations/quota?belowOnly=false&asOf=" + asOf),
                HttpStatus.OK);
        for (JsonNode office : all) {
            if (office.path("fieldOffice").asText().equals("HOU")) {
                return office;
            }
        }
        throw new AssertionError("no HOU in " + all);
    }

    @Test
    void an_office_is_below_quota_until_its_director_approves_two_in_the_quarter() {
        String q = "2041-01-15"; // FY2041 Q2 under version 1
        assertThat(houston(q).path("period").asText()).isEqualTo("FY2041 Q2");
        assertThat(houston(q).path("shortfall").asInt()).isEqualTo(2);
        long a = nominate(0, q, "I9_INSPECTION");
        long b = nominate(1, q, "CRIMINAL_INVESTIGATION");
        assertThat(houston(q).path("proposed").asInt()).isEqualTo(2);
        assertThat(houston(q).path("shortfall").asInt()).isEqualTo(2);

        // only the director of the field office decides
        assertThat(worksite.post("supervisor", "/api/nominations/" + a + "/approve", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        ok(worksite.post("director", "/api/nominations/" + a + "/approve", Map.of("note", "go")), HttpStatus.OK);
        ok(worksite.post("director", "/api/nominations/" + a + "/approve", Map.of()), HttpStatus.CONFLICT);
        assertThat(houston(q).path("shortfall").asInt()).isEqualTo(1);
        JsonNode below = ok(worksite.get("director", "/api/nominations/quota?asOf=" + q), HttpStatus.OK);
        assertThat(below.findValuesAsText("fieldOffice")).contains("HOU");

        ok(worksite.post("director", "/api/nominations/" + b + "/approve", Map.of()), HttpStatus.OK);
        assertThat(houston(q).path("shortfall").asInt()).isZero();
        below = ok(worksite.get("director", "/api/nominations/quota?asOf=" + q), HttpStatus.OK);
        assertThat(below.findValuesAsText("fieldOffice")).doesNotContain("HOU");
        // the next quarter starts from nothing
        assertThat(houston("2041-04-01").path("shortfall").asInt()).isEqualTo(2);
    }

    @Test
    void the_policy_version_in_force_at_the_period_start_sets_the_quota() {
        String fy42 = "2042-02-01";
        JsonNode standing = houston(fy42);
        assertThat(standing.path("policyVersion").asInt()).isGreaterThan(1);
        assertThat(standing.path("period").asText()).isEqualTo("FY2042");
        assertThat(standing.path("minimum").asInt()).isEqualTo(3);
        long n = nominate(2, "2041-11-20", "WORKSITE_ACTION");
        JsonNode nomination = ok(worksite.get("officer", "/api/nominations/" + n), HttpStatus.OK);
        assertThat(nomination.path("periodLabel").asText()).isEqualTo("FY2042");
        assertThat(nomination.path("periodStart").asText()).isEqualTo("2041-10-01");
        ok(worksite.post("director", "/api/nominations/" + n + "/approve", Map.of()), HttpStatus.OK);
        assertThat(houston(fy42).path("shortfall").asInt()).isEqualTo(2);
        // the same site again in the same period is a conflict
        ok(worksite.post("supervisor", "/api/nominations", Map.of("siteId", sites[2], "caseType", "I9_INSPECTION",
                "basis", "a second nomination of the same site", "period", "2042-06-01")), HttpStatus.CONFLICT);
    }

    @Test
    void a_policy_never_goes_backwards_and_only_an_administrator_records_one() {
        Problems.assertBadInput(worksite.post("admin", "/api/nomination-policies", Map.of("effectiveFrom",
                "2020-01-01", "period", "QUARTER", "minimumPerOffice", 5, "source", "backdated")), "effectiveFrom");
        Problems.assertBadInput(worksite.post("admin", "/api/nomination-policies", Map.of("effectiveFrom",
                "2050-01-01", "period", "WEEK", "minimumPerOffice", 5, "source", "weekly")), "period");
        assertThat(worksite.post("director", "/api/nomination-policies", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void a_nomination_needs_its_basis_and_a_declined_one_its_reason() {
        Problems.assertBadInput(worksite.post("supervisor", "/api/nominations", Map.of("siteId", sites[3],
                "caseType", "I9_INSPECTION", "basis", "tip", "period", "2041-01-15")), "basis");
        Problems.assertBadInput(worksite.post("supervisor", "/api/nominations", Map.of("siteId", sites[3],
                "caseType", "I9_INSPECTION", "basis", "a tip on hiring", "period", "2019-01-01")), "period");
        long n = nominate(3, "2041-07-15", "I9_INSPECTION");
        Problems.assertBadInput(worksite.post("director", "/api/nominations/" + n + "/decline", Map.of()), "note");
        ok(worksite.post("director", "/api/nominations/" + n + "/decline", Map.of("note", "no basis in the file")),
                HttpStatus.OK);
        // another field office neither sees it nor nominates Houston's sites
        Problems.assertNotFound(worksite.get("officer.chicago", "/api/nominations/" + n), "no nomination " + n);
        assertThat(ok(worksite.get("officer", "/api/nominations/" + n + "/events"), HttpStatus.OK)
                .findValuesAsText("kind")).containsExactly("PROPOSED", "DECLINED");
    }

    @Test
    void two_decisions_at_once_one_wins_and_the_other_gets_409() throws Exception {
        long n = nominate(3, "2041-04-15", "I9_INSPECTION");
        CountDownLatch go = new CountDownLatch(1);
        Callable<HttpStatusCode> approve = () -> {
            go.await();
            return worksite.post("director", "/api/nominations/" + n + "/approve", Map.of()).getStatusCode();
        };
        Callable<HttpStatusCode> decline = () -> {
            go.await();
            return worksite.post("director", "/api/nominations/" + n + "/decline",
                    Map.of("note", "declined at the same moment")).getStatusCode();
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<HttpStatusCode>> answers = List.of(pool.submit(approve), pool.submit(decline));
            go.countDown();
            assertThat(List.of(answers.get(0).get(), answers.get(1).get()))
                    .containsExactlyInAnyOrder(HttpStatus.OK, HttpStatus.CONFLICT);
        } finally {
            pool.shutdownNow();
        }
        assertThat(ok(worksite.get("officer", "/api/nominations/" + n + "/events"), HttpStatus.OK)
                .findValuesAsText("kind")).hasSize(2);
    }
}
