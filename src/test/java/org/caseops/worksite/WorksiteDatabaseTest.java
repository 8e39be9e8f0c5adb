package org.caseops.worksite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.caseops.fixtures.Api;
import org.caseops.fixtures.CaseOpsTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The worksite's rules the database holds, tried in SQL as the application's role (the autowired {@code JdbcClient}
 * signs in as {@code caseops_app}): history cannot be rewritten, a policy version or penalty schedule cannot be
 * edited or added by the application, and the schema refuses what the service would.
 */
@CaseOpsTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorksiteDatabaseTest {

    @Autowired
    Api api;
    @Autowired
    JdbcClient jdbc;
    long employer;
    long site;
    long inspection;

    @BeforeAll
    void aFinedInspection() {
        WorksiteApi worksite = new WorksiteApi(api);
        JsonNode created = worksite.employer("supervisor", "HOU", "Delta Sawmill (synthetic)", 12);
        employer = created.path("employer").path("id").asLong();
        site = worksite.siteOf(created);
        inspection = worksite.inspection("supervisor", site, "2025-09-01");
        worksite.forms("officer", inspection, 4, 2, "2025-09-04");
        WorksiteApi.ok(worksite.post("supervisor", "/api/inspections/" + inspection + "/notices", Map.of("kind",
                "INTENT_TO_FINE", "servedOn", "2025-10-01", "factors", WorksiteApi.factors("MITIGATING", "NEUTRAL",
                        "NEUTRAL", "NEUTRAL", "NEUTRAL"))), HttpStatus.CREATED);
    }

    private void refused(String sql, String message) {
        assertThatThrownBy(() -> jdbc.sql(sql).update()).as(sql).rootCause().hasMessageContaining(message);
    }

    @Test
    void a_fine_its_factors_and_the_forms_cannot_be_changed_or_removed() {
        long fine = jdbc.sql("select f.id from i9_fine f join i9_notice n on n.id = f.notice_id where "
                + "n.inspection_id = ?").param(inspection).query(Long.class).single();
        refused("update i9_fine set total = 1 where id = " + fine, "permission denied for table i9_fine");
        refused("delete from i9_fine_factor where fine_id = " + fine, "permission denied for table i9_fine_factor");
        refused("update i9_finding set kind = 'TECHNICAL'", "permission denied for table i9_finding");
        refused("delete from i9_form where inspection_id = " + inspection, "permission denied for table i9_form");
        refused("update i9_notice set due_on = due_on + 30", "permission denied for table i9_notice");
        refused("delete from employer_history where employer_id = " + employer,
                "permission denied for table employer_history");
        refused("delete from worksite_event", "permission denied for table worksite_event");
        assertThat(jdbc.sql("select total from i9_fine where id = ?").param(fine).query(String.class).single())
                .isNotEqualTo("1.00");
    }

    @Test
    void the_quota_policy_and_the_penalty_schedule_are_never_edited_by_the_application() {
        refused("update nomination_policy set minimum_per_office = 0", "permission denied for table nomination_policy");
        refused("delete from nomination_policy", "permission denied for table nomination_policy");
        refused("update i9_penalty_schedule set paperwork_max = 1000000",
                "permission denied for table i9_penalty_schedule");
        refused("insert into i9_penalty_schedule (assessed_after, paperwork_min, paperwork_max, source) "
                + "values (date '2030-01-01', 1, 2, 'mallory')", "permission denied for table i9_penalty_schedule");
        refused("update i9_penalty_band set base_amount = 1", "permission denied for table i9_penalty_band");
    }

    @Test
    void the_schema_refuses_what_the_service_would() {
        String ein = jdbc.sql("select ein from employer where id = ?").param(employer).query(String.class).single();
        refused("insert into employer (name, ein, naics, employees, created_by) values ('Copy', '" + ein
                + "', '311615', 1, 'mallory')", "employer_ein_key");
        refused("insert into employer (name, ein, naics, employees, created_by) values ('Bad', '123456789', "
                + "'311615', 1, 'mallory')", "employer_ein_check");
        refused("insert into i9_fine (notice_id, schedule_id, forms_reviewed, violations, error_rate_percent, "
                + "base_amount, adjustment_percent, per_violation, total) select id, 8, 2, 3, 150, 1, 0, 1, 3 "
                + "from i9_notice where inspection_id = " + inspection, "i9_fine_check");
        jdbc.sql("""
                insert into nomination (field_office_code, period_start, period_end, policy_version, site_id,
                                        case_type, basis, status, nominated_by)
                values ('HOU', date '2030-01-01', date '2030-03-31', 1, ?, 'I9_INSPECTION', 'a lawful basis', 'PROPOSED',
                        'supervisor')""").param(site).update();
        refused("insert into nomination (field_office_code, period_start, period_end, policy_version, site_id, "
                + "case_type, basis, status, nominated_by) values ('HOU', date '2030-01-01', date '2030-03-31', 1, "
                + site + ", 'WORKSITE_ACTION', 'a second live one', 'PROPOSED', 'supervisor')",
                "nomination_site_period");
        refused("insert into nomination (field_office_code, period_start, period_end, policy_version, site_id, "
                + "case_type, basis, status, nominated_by) values ('HOU', date '2030-04-01', date '2030-06-30', 1, "
                + site + ", 'I9_INSPECTION', 'approved by nobody', 'APPROVED', 'supervisor')", "nomination_check");
    }
}
