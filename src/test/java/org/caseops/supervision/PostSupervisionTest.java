package org.caseops.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.caseops.docket.DocketImporter;
import org.caseops.fixtures.Api;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Database;
import org.caseops.fixtures.Dockets;
import org.caseops.fixtures.EoirFiles;
import org.caseops.fixtures.Problems;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Orders of supervision and ATD through the API, and their safeguards as the application's database role: Ana Lopez
 * (A 991000001, born 1990) and her daughter Sofia (A 991000002, born 2012) of the Houston docket, imported once.
 */
@CaseOpsTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostSupervisionTest {

    static final String ANA = "991000001";
    static final String SOFIA = "991000002";
    static final String OSUP_BASIS = "INA 241(a)(3); 8 CFR 241.5";

    @Autowired
    Api api;
    @Autowired
    DocketImporter importer;
    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    void docket() throws Exception {
        Dockets.freshlyImported(EoirFiles.houstonFamilies(), importer, jdbc);
    }

    @BeforeEach
    void none() {
        try (Database.Owner owner = Database.owner(jdbc)) {
            owner.jdbc().sql("truncate supervision restart identity cascade").update();
        }
    }

    private static Map<String, Object> enrolment(String kind, List<Map<String, Object>> conditions) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", kind);
        body.put("legalBasis", kind.equals("OSUP") ? OSUP_BASIS : "INA 236(a); ATD program terms");
        body.put("startDate", "2019-05-28");
        body.put("reportEveryDays", 30);
        body.put("firstReport", "2019-06-01"); // a Saturday: due on Monday 2019-06-03
        body.put("conditions", conditions);
        return body;
    }

    private static Map<String, Object> monitor(String reviewDue) {
        Map<String, Object> c = new HashMap<>();
        c.put("kind", "ANKLE_MONITOR");
        c.put("legalBasis", "8 CFR 241.5(a): a condition the officer prescribes; supervisor approval of 2019-05-28");
        c.put("reviewDue", reviewDue);
        return c;
    }

    private static ResponseEntity<JsonNode> enrol(TestRestTemplate as, String aNumber, Map<String, Object> body) {
        return as.postForEntity("/api/people/" + aNumber + "/supervisions", body, JsonNode.class);
    }

    @Test
    void an_order_of_supervision_reports_on_working_days_and_keeps_the_gates_verdict_of_its_start() {
        ResponseEntity<JsonNode> osup = enrol(api.as("officer"), ANA, enrolment("OSUP",
                List.of(Map.of("kind", "REPORT_IN_PERSON", "legalBasis", "8 CFR 241.5(a)(1)"))));

        assertThat(osup.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode s = osup.getBody();
        assertThat(s.path("nextReportDue").asText()).isEqualTo("2019-06-03");
        assertThat(s.path("verdictOnStart").asText()).isEqualTo("EXECUTABLE");
        assertThat(s.path("conditions")).hasSize(1);
        assertThat(jdbc.sql("select count(*) from case_event where kind = 'OSUP_ENROLLED'").query(Long.class)
                .single()).isPositive();

        ResponseEntity<JsonNode> in = api.as("officer").postForEntity("/api/supervisions/" + s.path("id").asLong()
                + "/check-ins", Map.of("on", "2019-06-03", "method", "IN_PERSON", "version", 0), JsonNode.class);

        assertThat(in.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(in.getBody().path("nextReportDue").asText()).as("30 days on, a Wednesday").isEqualTo("2019-07-03");
        assertThat(in.getBody().path("checkIns")).hasSize(1);
        assertThat(api.as("officer").postForEntity("/api/supervisions/" + s.path("id").asLong() + "/check-ins",
                Map.of("on", "2019-06-04", "method", "PHONE", "version", 0), JsonNode.class).getStatusCode())
                .as("stale version").isEqualTo(HttpStatus.CONFLICT);
        assertThat(enrol(api.as("officer"), ANA, enrolment("OSUP", List.of())).getStatusCode()).as("one active OSUP")
                .isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void a_missed_check_in_opens_exactly_one_task_after_the_grace_period_however_often_the_sweep_runs() {
        enrol(api.as("officer"), ANA, enrolment("OSUP", List.of()));
        Map<String, Object> sweep = Map.of("fieldOffice", "HOU", "asOf", "2019-06-05");
        assertThat(api.as("officer").postForEntity("/api/supervisions/missed-check-ins", sweep, JsonNode.class)
                .getBody()).as("due 06-03, two working days of grace").isEmpty();

        JsonNode missed = api.as("officer").postForEntity("/api/supervisions/missed-check-ins",
                Map.of("fieldOffice", "HOU", "asOf", "2019-06-06"), JsonNode.class).getBody();
        JsonNode again = api.as("officer").postForEntity("/api/supervisions/missed-check-ins",
                Map.of("fieldOffice", "HOU", "asOf", "2019-06-07"), JsonNode.class).getBody();

        assertThat(missed).hasSize(1);
        assertThat(missed.get(0).path("dueDate").asText()).isEqualTo("2019-06-03");
        assertThat(again).isEmpty();
        assertThat(jdbc.sql("select count(*) from task where type = 'SUPERVISION_FOLLOW_UP' and subject_id = ?"
                + " and title like '%2019-06-03%'").param(ANA).query(Long.class).single()).isEqualTo(1L);
        assertThat(jdbc.sql("select title from task where type = 'SUPERVISION_FOLLOW_UP'").query(String.class).list())
                .allMatch(t -> t.contains("not a referral for arrest"));
        assertThatThrownBy(() -> jdbc.sql("insert into supervision_missed (supervision_id, due_date)"
                + " values (1, '2019-06-03')").update()).as("one per due date").rootCause()
                .hasMessageContaining("supervision_missed_pkey");
    }

    @Test
    void atd_with_an_ankle_monitor_is_recorded_with_its_basis_and_reviewed_within_90_days() {
        ResponseEntity<JsonNode> atd = enrol(api.as("officer"), ANA, enrolment("ATD", List.of(monitor("2019-08-26"))));
        assertThat(atd.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long id = atd.getBody().path("id").asLong();
        long condition = atd.getBody().path("conditions").get(0).path("id").asLong();
        String review = "/api/supervisions/" + id + "/conditions/" + condition + "/reviews";
        Problems.assertBadInput(api.as("supervisor").postForEntity(review, Map.of("on", "2019-08-20", "outcome",
                "CONTINUE", "reason", "compliant", "nextReview", "2019-12-01", "version", 0), JsonNode.class),
                "nextReview");

        ResponseEntity<JsonNode> down = api.as("supervisor").postForEntity(review, Map.of("on", "2019-08-20",
                "outcome", "STEP_DOWN", "reason", "fully compliant for 12 weeks: step down to telephone reporting",
                "version", 0), JsonNode.class);

        assertThat(down.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(down.getBody().path("conditions").get(0).path("endedOn").asText()).isEqualTo("2019-08-20");
        assertThat(api.as("supervisor").postForEntity(review, Map.of("on", "2019-08-21", "outcome", "END",
                "reason", "again", "version", 1), JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(api.as("officer").postForEntity(review, Map.of("on", "2019-08-21", "outcome", "END",
                "reason", "officer", "version", 1), JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        Problems.assertBadInput(enrol(api.as("officer"), ANA, enrolment("OSUP", List.of(monitor(null)))),
                "conditions");
        Problems.assertBadInput(enrol(api.as("officer"), ANA, enrolment("OSUP", List.of(monitor("2019-09-30")))),
                "conditions");
    }

    @Test
    void a_child_is_never_enrolled_in_atd_nor_given_a_device_through_the_api() {
        Problems.assertBadInput(enrol(api.as("officer"), SOFIA, enrolment("ATD", List.of())), "kind");
        Problems.assertBadInput(enrol(api.as("officer"), SOFIA, enrolment("OSUP", List.of(monitor("2019-08-26")))),
                "conditions");
        long osup = enrol(api.as("officer"), SOFIA, enrolment("OSUP", List.of())).getBody().path("id").asLong();
        Map<String, Object> add = new HashMap<>(monitor("2019-08-26"));
        add.put("version", 0);
        add.put("startDate", "2019-06-01");

        Problems.assertBadInput(api.as("officer").postForEntity("/api/supervisions/" + osup + "/conditions", add,
                JsonNode.class), "conditions");
        assertThat(jdbc.sql("select count(*) from supervision_condition").query(Long.class).single()).isZero();
    }

    @Test
    void the_application_role_cannot_put_a_device_on_a_child_enrol_a_child_in_atd_or_rewrite_history() {
        long osup = enrol(api.as("officer"), SOFIA, enrolment("OSUP", List.of())).getBody().path("id").asLong();
        assertThatThrownBy(() -> jdbc.sql("""
                insert into supervision_condition (supervision_id, kind, legal_basis, start_date, review_due,
                    created_by) values (?, 'ANKLE_MONITOR', 'basis', '2019-06-01', '2019-08-01', 'x')""").param(osup)
                .update()).rootCause().hasMessageContaining("no device on a child");
        assertThatThrownBy(() -> jdbc.sql("update supervision set kind = 'ATD' where id = ?").param(osup).update())
                .rootCause().hasMessageContaining("ATD is for adults only");
        assertThatThrownBy(() -> jdbc.sql("delete from supervision").update()).rootCause()
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("update supervision_check_in set on_date = on_date").update()).rootCause()
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("delete from condition_review").update()).rootCause()
                .hasMessageContaining("permission denied");
    }

    @Test
    void no_supervision_table_has_a_place_for_a_location() {
        List<String> columns = jdbc.sql("""
                select table_name || '.' || column_name from information_schema.columns
                where table_name in ('supervision', 'supervision_condition', 'condition_review',
                    'supervision_check_in', 'supervision_missed', 'voluntary_departure')""").query(String.class)
                .list();

        assertThat(columns).hasSizeGreaterThan(20)
                .noneMatch(c -> c.matches("(?i).*(lat|lon|lng|gps|location|geo|coord|position|trail|track).*"));
    }

    @Test
    void bad_input_names_the_field_and_other_offices_and_roles_are_refused() {
        Map<String, Object> body = enrolment("OSUP", List.of());
        body.remove("legalBasis");
        Problems.assertBadInput(enrol(api.as("officer"), ANA, body), "legalBasis");
        body = enrolment("OSUP", List.of());
        body.put("reportEveryDays", 0);
        Problems.assertBadInput(enrol(api.as("officer"), ANA, body), "reportEveryDays");
        body = enrolment("OSUP", List.of());
        body.put("firstReport", "2019-05-01");
        Problems.assertBadInput(enrol(api.as("officer"), ANA, body), "firstReport");
        body = enrolment("OSUP", List.of());
        body.remove("kind");
        Problems.assertBadInput(enrol(api.as("officer"), ANA, body), "kind");
        assertThat(enrol(api.as("officer.chicago"), ANA, enrolment("OSUP", List.of())).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        for (String user : new String[] {"attorney", "auditor", "admin", "partner"}) {
            assertThat(enrol(api.as(user), ANA, enrolment("OSUP", List.of())).getStatusCode()).as(user)
                    .isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(jdbc.sql("select count(*) from supervision").query(Long.class).single()).isZero();
    }

    @Test
    void ending_a_supervision_ends_its_conditions_and_a_device_not_returned_opens_one_task() {
        long id = enrol(api.as("officer"), ANA, enrolment("ATD", List.of(monitor("2019-08-26")))).getBody().path("id")
                .asLong();
        String end = "/api/supervisions/" + id + "/end";
        Problems.assertBadInput(api.as("officer").postForEntity(end, Map.of("on", "2019-06-20", "detail",
                "departed under voluntary departure", "version", 0), JsonNode.class), "reason");
        Map<String, Object> body = Map.of("on", "2019-06-20", "reason", "DEPARTED", "detail",
                "departed under voluntary departure, verified by the consulate", "version", 0);

        ResponseEntity<JsonNode> ended = api.as("officer").postForEntity(end, body, JsonNode.class);

        assertThat(ended.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(ended.getBody().path("status").asText()).isEqualTo("ENDED");
        assertThat(ended.getBody().path("conditions").get(0).path("endedOn").asText()).isEqualTo("2019-06-20");
        assertThat(jdbc.sql("select count(*) from task where type = 'SUPERVISION_FOLLOW_UP' and title like "
                + "'Recover the device%' and subject_id = ?").param(ANA).query(Long.class).single()).isEqualTo(1);
        assertThat(api.as("officer").postForEntity(end, body, JsonNode.class).getStatusCode()).as("once")
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(jdbc.sql("select end_reason from supervision where id = ?").param(id).query(String.class).single())
                .isEqualTo("DEPARTED");
    }

    @Autowired
    SupervisionSweeps sweeps;

    private long audited(String action) {
        return jdbc.sql("select count(*) from audit_entry where action = ? and actor = ? and role = 'SYSTEM'")
                .params(action, SupervisionSweeps.SYSTEM_ACTOR).query(Long.class).single();
    }

    @Test
    void the_scheduled_sweeps_run_on_one_instance_as_the_system_actor_and_two_concurrent_runs_open_one_task()
            throws Exception {
        long supervision = enrol(api.as("officer"), ANA, enrolment("OSUP", List.of())).getBody().path("id").asLong();
        java.time.LocalDate asOf = java.time.LocalDate.of(2019, 6, 6);
        long before = audited("SUPERVISION_CHECK_IN_MISSED");
        String tasksBySystem = "select count(*) from task where type = 'SUPERVISION_FOLLOW_UP' and subject_id = '"
                + ANA + "' and created_by = '" + SupervisionSweeps.SYSTEM_ACTOR + "'";
        long tasksBefore = jdbc.sql(tasksBySystem).query(Long.class).single();

        // another instance holds the job's lock: this round is skipped, nothing recorded
        try (Database.Owner other = Database.owner(jdbc)) {
            other.jdbc().sql("select pg_advisory_lock(hashtext('caseops.job'), hashtext(?))")
                    .param(SupervisionSweeps.MISSED_JOB).query(Object.class).single();
            assertThat(sweeps.missedCheckIns(asOf)).isEmpty();
        }
        assertThat(jdbc.sql("select count(*) from supervision_missed").query(Long.class).single()).isZero();

        // two runs at once: one records the miss, the other skips the round or finds it recorded
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.Callable<java.util.Optional<Integer>> run = () -> {
                start.await();
                return sweeps.missedCheckIns(asOf);
            };
            var a = two.submit(run);
            var b = two.submit(run);
            int recorded = a.get().orElse(0) + b.get().orElse(0);
            assertThat(recorded).isOne();
        } finally {
            two.shutdownNow();
        }
        assertThat(sweeps.missedCheckIns(asOf.plusDays(1))).as("a later run: nothing new").contains(0);
        assertThat(jdbc.sql(tasksBySystem).query(Long.class).single()).as("one task, created by the system")
                .isEqualTo(tasksBefore + 1);
        assertThat(jdbc.sql("select title from task where type = 'SUPERVISION_FOLLOW_UP' and subject_id = ? "
                + "order by id desc limit 1").param(ANA).query(String.class).single())
                .contains("2019-06-03 under supervision " + supervision + " ");
        assertThat(audited("SUPERVISION_CHECK_IN_MISSED")).as("audited as the system, not a user")
                .isEqualTo(before + 1);
        assertThat(jdbc.sql("select actor from case_event where kind = 'SUPERVISION_CHECK_IN_MISSED' "
                + "order by id desc limit 1").query(String.class).single()).isEqualTo(SupervisionSweeps.SYSTEM_ACTOR);
        assertThat(sweeps.overstays(asOf)).as("no grant running: nothing to mark").contains(0);
    }

    @Test
    void the_scheduled_atd_evaluation_judges_each_enrolment_once_a_day_and_opens_no_second_alert() {
        try (Database.Owner owner = Database.owner(jdbc)) {
            owner.jdbc().sql("truncate atd_rule_set restart identity cascade").update();
        }
        java.time.LocalDate asOf = java.time.LocalDate.of(2019, 6, 20);
        assertThat(sweeps.atdEvaluations(asOf)).as("no rule set in effect: nothing judged").contains(0);
        enrol(api.as("officer"), ANA, enrolment("ATD", List.of()));
        int version = api.as("director").postForEntity("/api/atd/rule-sets", Map.of("note", "synthetic rules",
                "rules", List.of(Map.of("code", "NO_CHECK_IN", "kind", "NO_EVENT_WITHIN", "eventKinds",
                        List.of("CHECK_IN"), "maxDays", 14, "severity", "MEDIUM"))), JsonNode.class).getBody()
                .path("version").asInt();
        api.as("director").postForEntity("/api/atd/rule-sets/" + version + "/publish", Map.of("effectiveFrom",
                "2019-05-01"), JsonNode.class);
        long before = audited("ATD_EVALUATED");

        assertThat(sweeps.atdEvaluations(asOf)).contains(1);
        assertThat(sweeps.atdEvaluations(asOf)).as("again the same day").contains(0);
        assertThat(jdbc.sql("select count(*) from atd_evaluation where as_of = '2019-06-20'").query(Long.class)
                .single()).isOne();
        assertThat(jdbc.sql("select count(*) from atd_alert where status = 'OPEN'").query(Long.class).single())
                .isOne();
        assertThat(jdbc.sql("select evaluated_by from atd_evaluation").query(String.class).single())
                .isEqualTo(SupervisionSweeps.SYSTEM_ACTOR);
        assertThat(audited("ATD_EVALUATED")).isEqualTo(before + 2);
    }
}
