package org.caseops.worksite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Database;
import org.caseops.system.DatabaseLogins;
import org.caseops.worksite.synthetic.Mississippi2019;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The synthetic Mississippi scenario played through the services (issue 17's acceptance): seven plants, about 680
 * detained, every one screened, about 300 released; nobody transferred unscreened, both parents of a child never both
 * transferred, every named child with a child-welfare task. Then the same rules tried in SQL as the application's
 * role, where the database must refuse what the service would.
 */
@CaseOpsTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorksiteActionScenarioTest {

    @Autowired
    WorksiteScenario scenario;
    @Autowired
    org.caseops.fixtures.Api api;
    @Autowired
    JdbcClient jdbc;
    WorksiteScenario.Played played;
    Mississippi2019.Scenario generated;

    @BeforeAll
    void theMississippiScenario() {
        generated = Mississippi2019.generate(20190807L);
        played = scenario.play(generated, new WorksiteScenario.Cast("NOL", "test.nol-supervisor",
                "test.nol-director", "test.nol-officer", "test.attorney"));
    }

    private long count(String where) {
        return jdbc.sql("select count(*) from worksite_detainee d where d.action_id = ? and " + where)
                .param(played.actionId()).query(Long.class).single();
    }

    @Test
    void seven_plants_about_680_detained_every_one_screened_about_300_released() {
        assertThat(jdbc.sql("select count(*) from worksite_action_site where action_id = ?")
                .param(played.actionId()).query(Long.class).single()).isEqualTo(7);
        assertThat(count("true")).isBetween(660L, 700L).isEqualTo(generated.detained());
        assertThat(count("d.screened_at is not null")).isEqualTo(count("true"));
        long released = count("d.outcome in ('RELEASED_HUMANITARIAN', 'RELEASED_OTHER', 'HHS_REFERRAL')");
        assertThat(released).isBetween(260L, 340L);
        assertThat(count("d.outcome = 'RELEASED_HUMANITARIAN'")).isGreaterThan(100);
        assertThat(count("d.outcome is null")).isZero();
        assertThat(jdbc.sql("select state from worksite_action where id = ?").param(played.actionId())
                .query(String.class).single()).isEqualTo("CLOSED");
    }

    @Test
    void nobody_is_transferred_unscreened_and_no_protected_person_is_transferred() {
        assertThat(count("d.outcome = 'TRANSFERRED' and d.screened_at is null")).isZero();
        assertThat(count("d.outcome = 'TRANSFERRED' and (d.minor or d.sole_caregiver or d.citizenship_claim "
                + "or d.citizen_or_lpr)")).isZero();
        assertThat(count("d.outcome = 'TRANSFERRED'")).isGreaterThan(300);
    }

    @Test
    void both_parents_of_a_child_are_never_both_transferred_and_each_couple_kept_one_parent_home() {
        List<Long> twoTransferred = jdbc.sql("""
                select p.child_id from worksite_child_parent p join worksite_detainee d on d.id = p.detainee_id
                join worksite_child c on c.id = p.child_id
                where c.action_id = ? and d.outcome = 'TRANSFERRED' group by p.child_id having count(*) > 1""")
                .param(played.actionId()).query(Long.class).list();
        assertThat(twoTransferred).isEmpty();
        long twoParentChildren = jdbc.sql("""
                select count(*) from (select p.child_id from worksite_child_parent p
                join worksite_child c on c.id = p.child_id where c.action_id = ?
                group by p.child_id having count(*) = 2) x""").param(played.actionId()).query(Long.class).single();
        assertThat(twoParentChildren).isGreaterThanOrEqualTo(16);
    }

    @Test
    void every_named_child_has_a_child_welfare_task_of_the_office() {
        assertThat(played.children()).isEqualTo(generated.children().size()).isGreaterThan(50);
        assertThat(jdbc.sql("""
                select count(*) from worksite_child c join task t on t.id = c.welfare_task_id
                where c.action_id = ? and t.type = 'CHILD_WELFARE_CHECK' and t.field_office_code = 'NOL'""")
                .param(played.actionId()).query(Long.class).single()).isEqualTo(generated.children().size());
    }

    @Test
    void the_public_statistics_count_the_action_its_detained_and_its_humanitarian_releases_from_the_record() {
        com.fasterxml.jackson.databind.JsonNode august = api.anonymous().getForObject(
                "/api/reports/public-statistics?month=2019-08", com.fasterxml.jackson.databind.JsonNode.class);
        java.util.Map<String, Long> record = new java.util.HashMap<>();
        jdbc.sql("""
                select 'WORKSITE_DETAINED', count(*) from worksite_detainee d join worksite_action a
                on a.id = d.action_id where a.field_office_code = 'NOL' and a.action_date between date '2019-08-01'
                and date '2019-08-31'
                union all
                select 'WORKSITE_RELEASES_HUMANITARIAN', count(*) from worksite_detainee d join worksite_action a
                on a.id = d.action_id where a.field_office_code = 'NOL' and a.action_date between date '2019-08-01'
                and date '2019-08-31' and d.outcome in ('RELEASED_HUMANITARIAN', 'HHS_REFERRAL')""")
                .query((rs, n) -> record.put(rs.getString(1), rs.getLong(2))).list();
        for (com.fasterxml.jackson.databind.JsonNode table : august.path("tables")) {
            String measure = table.path("measure").asText();
            if (record.containsKey(measure)) {
                com.fasterxml.jackson.databind.JsonNode total = table.path("total").path("values");
                assertThat(total.get(total.size() - 1).asText()).as(measure)
                        .isEqualTo(String.valueOf(record.remove(measure)));
            }
        }
        assertThat(record).as("measures not published").isEmpty();
    }

    // --- the database's own rules, as the application's role ----------------------------------------------------

    private Connection app() throws Exception {
        DatabaseLogins.Login app = Database.logins(jdbc).app();
        Connection c = DriverManager.getConnection(Database.url(jdbc), app.user(), app.password());
        c.setAutoCommit(false);
        return c;
    }

    private void refused(String sql, String message) {
        assertThatThrownBy(() -> jdbc.sql(sql).update()).as(sql).rootCause().hasMessageContaining(message);
    }

    private long firstWith(String where) {
        return jdbc.sql("select min(d.id) from worksite_detainee d where d.action_id = ? and " + where)
                .param(played.actionId()).query(Long.class).single();
    }

    @Test
    void the_database_refuses_detaining_in_a_closed_action_changing_an_outcome_and_rewriting_children() {
        long site = jdbc.sql("select min(site_id) from worksite_action_site where action_id = ?")
                .param(played.actionId()).query(Long.class).single();
        refused("insert into worksite_detainee (action_id, site_id, family_name, given_name, gate_verdict, "
                + "gate_label, authority, authority_basis, citizen_or_lpr, detained_by) values (" + played.actionId()
                + ", " + site + ", 'X', 'Y', 'NO_CASE', 'none', 'OTHER_AUTHORITY', 'test', false, 'sql')",
                "people are detained only while it is active");
        long transferred = firstWith("d.outcome = 'TRANSFERRED'");
        refused("update worksite_detainee set outcome = 'RELEASED_OTHER' where id = " + transferred,
                "an outcome is decided once");
        refused("update worksite_detainee set sole_caregiver = true where id = " + transferred,
                "a screening is recorded once");
        refused("delete from worksite_child where action_id = " + played.actionId(), "permission denied");
        refused("update worksite_child set welfare_task_id = null", "permission denied");
        refused("delete from worksite_detainee where id = " + transferred, "permission denied");
        refused("insert into worksite_child (action_id, name, age, location, recorded_by) values ("
                + played.actionId() + ", 'No Task', 5, 'HOME', 'sql')", "welfare_task_id");
        refused("update worksite_action set state = 'DRAFT', prosecution_commitment = null, "
                + "prosecution_recorded_at = null where id = " + played.actionId(), "is CLOSED");
        refused("update worksite_action set state = 'APPROVED' where id = " + openAction(), "ACTIVE");
    }

    @Test
    void the_database_refuses_a_transfer_of_a_protected_or_unscreened_person() throws Exception {
        long action = openAction();
        long site = jdbc.sql("select min(site_id) from worksite_action_site where action_id = ?").param(action)
                .query(Long.class).single();
        long citizen = insertDetainee(action, site, true);
        refused("update worksite_detainee set screened_at = now(), screened_by = 'sql', minor = false, "
                + "sole_caregiver = false, pregnant_or_nursing = false, citizenship_claim = false, outcome = "
                + "'TRANSFERRED', outcome_reason = 'x', decided_at = now(), decided_by = 'sql' where id = " + citizen,
                "worksite_detainee_transfer_protected");
        long unscreened = insertDetainee(action, site, false);
        refused("update worksite_detainee set outcome = 'TRANSFERRED', outcome_reason = 'x', decided_at = now(), "
                + "decided_by = 'sql' where id = " + unscreened, "worksite_detainee_screened_before_outcome");
        refused("update worksite_detainee set authority = 'FINAL_ORDER' where id = " + unscreened,
                "worksite_detainee_final_order_is_executable");
    }

    /** Two transfers of a child's two parents at once, each on its own connection: exactly one is refused. */
    @Test
    void two_parents_transferred_at_once_are_decided_one_after_the_other() throws Exception {
        long action = openAction();
        long site = jdbc.sql("select min(site_id) from worksite_action_site where action_id = ?").param(action)
                .query(Long.class).single();
        long a = insertDetainee(action, site, false);
        long b = insertDetainee(action, site, false);
        for (long d : new long[] {a, b}) {
            jdbc.sql("update worksite_detainee set screened_at = now(), screened_by = 'sql', minor = false, "
                    + "sole_caregiver = false, pregnant_or_nursing = false, citizenship_claim = false where id = ?")
                    .param(d).update();
        }
        long task = jdbc.sql("select min(welfare_task_id) from worksite_child").query(Long.class).single();
        // a task may be referenced once: take a fresh one for this child
        long fresh = jdbc.sql("""
                insert into task (type, status, title, field_office_code, assignee_team, created_by)
                select type, 'ASSIGNED', 'concurrency child', field_office_code, field_office_code, 'sql'
                from task where id = ? returning id""").param(task).query(Long.class).single();
        long child = jdbc.sql("insert into worksite_child (action_id, name, age, location, welfare_task_id, "
                + "recorded_by) values (?, 'Shared', 6, 'SCHOOL', ?, 'sql') returning id").params(action, fresh)
                .query(Long.class).single();
        jdbc.sql("insert into worksite_child_parent (child_id, detainee_id) values (?, ?), (?, ?)")
                .params(child, a, child, b).update();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Boolean>> both = List.of(transfer(a, start), transfer(b, start));
            List<Future<Boolean>> futures = both.stream().map(pool::submit).toList();
            start.countDown();
            long done = 0;
            for (Future<Boolean> f : futures) {
                done += f.get() ? 1 : 0;
            }
            assertThat(done).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("select count(*) from worksite_detainee where id in (?, ?) and outcome = 'TRANSFERRED'")
                .params(a, b).query(Long.class).single()).isEqualTo(1);
    }

    private Callable<Boolean> transfer(long detainee, CountDownLatch start) {
        return () -> {
            try (Connection c = app(); Statement s = c.createStatement()) {
                start.await();
                try {
                    s.executeUpdate("update worksite_detainee set outcome = 'TRANSFERRED', outcome_reason = 'x', "
                            + "decided_at = now(), decided_by = 'sql' where id = " + detainee);
                    Thread.sleep(200); // hold the lock a while, so that the other waits on it
                    c.commit();
                    return true;
                } catch (java.sql.SQLException e) {
                    c.rollback();
                    assertThat(e.getMessage()).contains("never both transferred");
                    return false;
                }
            }
        };
    }

    /** An ACTIVE action of NOL for the SQL tests, set up as the owner would (its rules checked on the way). */
    private long openAction() {
        long site = jdbc.sql("select min(site_id) from worksite_action_site where action_id = ?")
                .param(played.actionId()).query(Long.class).single();
        long id = jdbc.sql("""
                insert into worksite_action (name, field_office_code, action_date, state, prosecution_commitment,
                    prosecution_recorded_at, social_services, social_services_notified_at, schools,
                    schools_notified_at, interpreters, medical_staff, legal_cleared_by, legal_cleared_at,
                    approved_by, approved_at, created_by)
                values ('sql test', 'NOL', date '2019-08-08', 'ACTIVE', 'p', now(), 's', now(), 'sc', now(), 1, 1,
                        'a', now(), 'd', now(), 'sql') returning id""").query(Long.class).single();
        jdbc.sql("insert into worksite_action_site (action_id, site_id) values (?, ?)").params(id, site).update();
        return id;
    }

    private long insertDetainee(long action, long site, boolean citizen) {
        return jdbc.sql("""
                insert into worksite_detainee (action_id, site_id, family_name, given_name, gate_verdict,
                    gate_label, authority, authority_basis, citizen_or_lpr, detained_by)
                values (?, ?, 'Sql', 'Test', 'NO_CASE', 'none', ?, 'test', ?, 'sql') returning id""")
                .params(action, site, citizen ? "NONE" : "OTHER_AUTHORITY", citizen).query(Long.class).single();
    }
}
