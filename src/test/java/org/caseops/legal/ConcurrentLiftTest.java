package org.caseops.legal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.caseops.docket.DocketImporter;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.LegalVersions;
import org.caseops.fixtures.Dockets;
import org.caseops.fixtures.EoirFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Lifting a hold or a stay is a conditional update that counts its rows (issue 13): of many lifts at once exactly one
 * happens, the others are 409s naming the lift that did, and no phantom lift events or audit entries are written.
 */
@CaseOpsTest
class ConcurrentLiftTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    DocketImporter importer;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void docket() throws Exception {
        Dockets.freshlyImported(EoirFiles.houstonFamilies(), importer, jdbc);
    }

    private List<ResponseEntity<JsonNode>> atOnce(int n, Callable<ResponseEntity<JsonNode>> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<ResponseEntity<JsonNode>>> calls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                calls.add(call);
            }
            List<ResponseEntity<JsonNode>> out = new ArrayList<>();
            for (Future<ResponseEntity<JsonNode>> f : pool.invokeAll(calls)) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdown();
        }
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    @Test
    void many_lifts_of_one_hold_lift_it_once() throws Exception {
        http.postForEntity("/api/cases/991000001/holds", LegalVersions.with(Map.of("reason", "U visa review",
                "placedOn", "2019-06-01"), LegalVersions.holds(http, "991000001")), JsonNode.class);
        long audits = count("select count(*) from audit_entry where action = 'LEGAL_HOLD_LIFTED'");
        int version = LegalVersions.holds(http, "991000001");

        List<ResponseEntity<JsonNode>> responses = atOnce(24, () -> http.postForEntity(
                "/api/cases/991000001/holds/lift", Map.of("reason", "petition denied", "liftedOn", "2019-06-10",
                        "version", version), JsonNode.class));

        assertThat(responses).extracting(r -> r.getStatusCode().value()).containsOnly(200, 409);
        assertThat(responses.stream().filter(r -> r.getStatusCode().value() == 200)).hasSize(1);
        assertThat(responses.stream().filter(r -> r.getStatusCode().value() == 409))
                .allSatisfy(r -> assertThat(r.getBody().path("detail").asText())
                        .contains("no open legal hold").contains("lifted on 2019-06-10 by attorney"));
        assertThat(count("select count(*) from case_event where idncase = 1001 and kind = 'LEGAL_HOLD_LIFTED'"))
                .isEqualTo(1);
        assertThat(count("select count(*) from audit_entry where action = 'LEGAL_HOLD_LIFTED'")).isEqualTo(audits + 1);
    }

    @Test
    void many_lifts_of_one_stay_lift_it_once() throws Exception {
        long stay = http.postForEntity("/api/cases/991000001/stays", LegalVersions.with(Map.of("kind", "JUDICIAL",
                "from", "2019-06-01", "reference", "5th Cir. No. 19-60000 (synthetic)"),
                LegalVersions.stays(http, "991000001")), JsonNode.class).getBody().path("id").asLong();
        long audits = count("select count(*) from audit_entry where action = 'STAY_LIFTED'");

        List<ResponseEntity<JsonNode>> responses = atOnce(24, () -> http.postForEntity("/api/stays/" + stay + "/lift",
                Map.of("liftedOn", "2019-07-01", "version", 0), JsonNode.class));

        assertThat(responses).extracting(r -> r.getStatusCode().value()).containsOnly(200, 409);
        assertThat(responses.stream().filter(r -> r.getStatusCode().value() == 200)).hasSize(1);
        assertThat(responses.stream().filter(r -> r.getStatusCode().value() == 409))
                .allSatisfy(r -> assertThat(r.getBody().path("detail").asText())
                        .contains("already lifted on 2019-07-01"));
        assertThat(count("select count(*) from case_event where idncase = 1001 and kind = 'STAY_LIFTED'"))
                .isEqualTo(1);
        assertThat(count("select count(*) from audit_entry where action = 'STAY_LIFTED'")).isEqualTo(audits + 1);
    }
}
