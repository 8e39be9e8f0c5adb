package org.caseops.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.caseops.docket.DocketImporter;
import org.caseops.fixtures.AllAtOnce;
import org.caseops.fixtures.Api;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Dockets;
import org.caseops.fixtures.EoirFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Fault campaign 3 (issue 13): 64 writers released at one instant on one case, one task and one operation. Of the
 * writes that compete for one state change exactly one succeeds and every other is a 409 (no lost update, no
 * phantom); writes that do not compete (notes) all succeed and none is lost. Every success has exactly one case,
 * task or operation event and exactly one audit entry; a refused write has neither.
 *
 * <p>{@code -Dcaseops.writers=N} changes the number of writers (default 64); {@code bench/run.sh faults-writers}
 * runs this class with {@code -Dcaseops.writers.rounds=R} to repeat each race R times.
 */
@CaseOpsTest
class SixtyFourWritersTest {

    static final int WRITERS = Integer.getInteger("caseops.writers", 64);
    static final int ROUNDS = Integer.getInteger("caseops.writers.rounds", 1);

    @Autowired
    Api api;
    @Autowired
    DocketImporter importer;
    @Autowired
    JdbcClient jdbc;

    /** One import for the class: every race leaves the case as it found it (a hold placed is lifted again). */
    static boolean imported;

    @BeforeEach
    void docket() throws Exception {
        if (!imported || count("select count(*) from eoir_case where idncase = 1001") == 0) {
            Dockets.freshlyImported(EoirFiles.houstonFamilies(), importer, jdbc);
            imported = true;
        }
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    private long audits(String action) {
        return count("select count(*) from audit_entry where action = ?", action);
    }

    private long caseEvents(String kind) {
        return count("select count(*) from case_event where idncase = 1001 and kind = ?", kind);
    }

    private static long status(List<ResponseEntity<JsonNode>> answers, int status) {
        return answers.stream().filter(a -> a.getStatusCode().value() == status).count();
    }

    private ResponseEntity<JsonNode> post(String user, String path, Object body) {
        return api.as(user).postForEntity(path, body, JsonNode.class);
    }

    /** One success and WRITERS - 1 409s, each 409 a problem detail that says why. */
    private static void oneWinner(List<ResponseEntity<JsonNode>> answers, int success) {
        assertThat(answers).hasSize(WRITERS);
        assertThat(status(answers, success)).as("successes; the first answer: %s %s", answers.get(0).getStatusCode(),
                answers.get(0).getBody()).isEqualTo(1);
        assertThat(answers).filteredOn(a -> a.getStatusCode().value() != success).allSatisfy(a -> {
            assertThat(a.getStatusCode().value()).as(String.valueOf(a.getBody())).isEqualTo(409);
            assertThat(a.getBody().path("detail").asText()).isNotBlank();
        });
    }

    @Test
    void sixty_four_holds_placed_on_one_case_at_once_place_one_and_sixty_four_lifts_lift_it_once() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            long placedEvents = caseEvents("LEGAL_HOLD_PLACED");
            long placedAudits = audits("LEGAL_HOLD_PLACED");
            long liftedEvents = caseEvents("LEGAL_HOLD_LIFTED");
            long liftedAudits = audits("LEGAL_HOLD_LIFTED");
            // every writer read the case's holds at the same version (how many it has had)
            int version = (int) count("select count(*) from legal_hold where idncase = 1001");

            List<ResponseEntity<JsonNode>> placed = AllAtOnce.run(WRITERS, () -> post("attorney",
                    "/api/cases/991000001/holds", Map.of("reason", "T visa review", "placedOn", "2019-06-01",
                            "version", version)));

            oneWinner(placed, 201);
            assertThat(count("select count(*) from legal_hold where idncase = 1001 and lifted_on is null"))
                    .isEqualTo(1);
            assertThat(caseEvents("LEGAL_HOLD_PLACED")).isEqualTo(placedEvents + 1);
            assertThat(audits("LEGAL_HOLD_PLACED")).isEqualTo(placedAudits + 1);

            List<ResponseEntity<JsonNode>> lifted = AllAtOnce.run(WRITERS, () -> post("attorney",
                    "/api/cases/991000001/holds/lift", Map.of("reason", "petition denied", "liftedOn", "2019-06-10",
                            "version", version + 1)));

            oneWinner(lifted, 200);
            assertThat(caseEvents("LEGAL_HOLD_LIFTED")).isEqualTo(liftedEvents + 1);
            assertThat(audits("LEGAL_HOLD_LIFTED")).isEqualTo(liftedAudits + 1);
        }
    }

    @Test
    void sixty_four_notes_on_one_case_at_once_are_all_kept_each_with_one_event_and_one_audit_entry()
            throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            long notes = count("select count(*) from case_note n join person p on p.id = n.person_id "
                    + "where p.a_number = '991000001'");
            long events = caseEvents("CASE_NOTE_ADDED");
            long audits = audits("CASE_NOTE_ADDED");
            AtomicInteger n = new AtomicInteger();

            List<ResponseEntity<JsonNode>> answers = AllAtOnce.run(WRITERS, () -> post("officer",
                    "/api/people/991000001/notes", Map.of("text", "note " + n.incrementAndGet() + " of the race")));

            assertThat(answers).allSatisfy(a -> assertThat(a.getStatusCode().value()).as(String.valueOf(a.getBody()))
                    .isEqualTo(201));
            assertThat(answers.stream().map(a -> a.getBody().path("id").asLong()).distinct()).hasSize(WRITERS);
            assertThat(count("select count(*) from case_note n join person p on p.id = n.person_id "
                    + "where p.a_number = '991000001'")).isEqualTo(notes + WRITERS);
            assertThat(caseEvents("CASE_NOTE_ADDED")).isEqualTo(events + WRITERS);
            assertThat(audits("CASE_NOTE_ADDED")).isEqualTo(audits + WRITERS);
        }
    }

    @Test
    void sixty_four_starts_then_sixty_four_completions_of_one_task_each_happen_once() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            long id = post("supervisor", "/api/tasks", Map.of("title", "Race " + round, "user", "supervisor"))
                    .getBody().path("id").asLong();

            List<ResponseEntity<JsonNode>> started = AllAtOnce.run(WRITERS, () -> post("supervisor",
                    "/api/tasks/" + id + "/start", Map.of()));

            oneWinner(started, 200);
            long version = count("select version from task where id = ?", id);
            List<ResponseEntity<JsonNode>> completed = AllAtOnce.run(WRITERS, () -> post("supervisor",
                    "/api/tasks/" + id + "/complete", Map.of("resolution", "done", "version", version)));

            oneWinner(completed, 200);
            assertThat(count("select count(*) from task_event where task_id = ? and kind = 'STARTED'", id))
                    .isEqualTo(1);
            assertThat(count("select count(*) from task_event where task_id = ? and kind = 'COMPLETED'", id))
                    .isEqualTo(1);
            assertThat(jdbc.sql("select action from audit_entry where subject_type = 'TASK' and subject_id = ? "
                    + "and action in ('TASK_STARTED', 'TASK_COMPLETED') order by seq").param(String.valueOf(id))
                    .query(String.class).list()).containsExactly("TASK_STARTED", "TASK_COMPLETED");
        }
    }

    @Test
    void sixty_four_cancellations_of_one_operation_cancel_it_once() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            ResponseEntity<JsonNode> created = post("supervisor", "/api/operations", Map.of("name", "Race " + round,
                    "fieldOffices", List.of("HOU"), "windowStart", "2019-06-23", "windowEnd", "2019-06-25"));
            assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
            long id = created.getBody().path("operation").path("id").asLong();
            long version = count("select version from operation where id = ?", id);
            long audits = count("select count(*) from audit_entry where action = 'OPERATION_CANCELLED' "
                    + "and subject_id = ?", String.valueOf(id));

            List<ResponseEntity<JsonNode>> cancelled = AllAtOnce.run(WRITERS, () -> post("supervisor",
                    "/api/operations/" + id + "/cancel", Map.of("reason", "called off")));

            oneWinner(cancelled, 200);
            assertThat(count("select count(*) from operation_event where operation_id = ? and kind = 'CANCELLED'", id))
                    .isEqualTo(1);
            assertThat(count("select count(*) from audit_entry where action = 'OPERATION_CANCELLED' "
                    + "and subject_id = ?", String.valueOf(id))).isEqualTo(audits + 1);
            assertThat(count("select version from operation where id = ?", id)).as("one update").isEqualTo(version + 1);
        }
    }
}
