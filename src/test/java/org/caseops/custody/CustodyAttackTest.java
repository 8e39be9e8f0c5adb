package org.caseops.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.caseops.docket.DocketImporter;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Database;
import org.caseops.fixtures.Dockets;
import org.caseops.fixtures.EoirFiles;
import org.caseops.system.DatabaseLogins;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The holes a user with SQL access as the application's role would try, each refused by the database itself (V36)
 * with a clear error — signed in over JDBC as the application's login role, every statement committed as its own
 * transaction so that the family gate's checks at commit run. Family 1001: Ana (adult, A 991000001), Sofia (a minor
 * with her own case, a rider), Mateo (a U.S.-citizen child, at home with his aunt).
 */
@CaseOpsTest
class CustodyAttackTest {

    @Autowired
    DocketImporter importer;
    @Autowired
    JdbcClient jdbc;

    Connection app;
    long ana;
    long sofia;
    long mateo;

    @BeforeEach
    void familyInCustody() throws Exception {
        Dockets.freshlyImported(EoirFiles.houstonFamilies(), importer, jdbc);
        ana = id("Ana");
        sofia = id("Sofia");
        mateo = id("Mateo");
        DatabaseLogins.Login login = Database.logins(jdbc).app();
        app = DriverManager.getConnection(Database.url(jdbc), login.user(), login.password());
        app.setAutoCommit(false);
    }

    @AfterEach
    void close() throws SQLException {
        app.close();
    }

    private long id(String given) {
        return jdbc.sql("select id from person where given_name = ?").param(given).query(Long.class).single();
    }

    /** Runs the statements in one transaction and commits. */
    private void commit(String... statements) throws SQLException {
        try (Statement s = app.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
            app.commit();
        } catch (SQLException e) {
            app.rollback();
            throw e;
        }
    }

    private String state(long person) {
        return jdbc.sql("select state from custody_status where person_id = ?").param(person).query(String.class)
                .optional().orElse("AT_LARGE");
    }

    /** Mateo with his aunt; Ana and Sofia in custody together at Hotel A, through the rules. */
    private void held() throws SQLException {
        commit("insert into minor_caregiver (person_id, caregiver_name, relationship, location, recorded_by) "
                        + "values (" + mateo + ", 'Aunt (synthetic)', 'aunt', 'HOME', 'officer')",
                "insert into custody_status (person_id, state, site, changed_by) values (" + ana + ", 'IN_CUSTODY', "
                        + "'Hotel A', 'officer'), (" + sofia + ", 'IN_CUSTODY', 'Hotel A', 'officer')");
    }

    @Test
    void a_parent_set_straight_to_removed_is_refused_against_the_transition_table() throws Exception {
        held();

        assertThatThrownBy(() -> commit("update custody_status set state = 'REMOVED', site = null, "
                + "destination = 'Guatemala City' where person_id = " + ana)).isInstanceOf(SQLException.class)
                .hasMessageContaining("custody: person " + ana + " cannot go from IN_CUSTODY to REMOVED");
        assertThatThrownBy(() -> commit("update custody_status set state = 'REMOVED', site = null, "
                + "destination = 'Guatemala City' where family_id = 1001")).isInstanceOf(SQLException.class)
                .hasMessageContaining("cannot go from IN_CUSTODY to REMOVED");
        assertThat(state(ana)).isEqualTo("IN_CUSTODY");
    }

    @Test
    void a_spoofed_family_is_refused_the_database_derives_the_family() throws Exception {
        assertThatThrownBy(() -> commit("insert into custody_status (person_id, family_id, state, site, changed_by) "
                + "values (" + ana + ", 424242, 'IN_CUSTODY', 'Hotel A', 'mallory')"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("person " + ana + " is of family 1001 (derived from the docket), not 424242");
        assertThatThrownBy(() -> commit("insert into minor_caregiver (person_id, family_id, caregiver_name, "
                + "relationship, recorded_by) values (" + mateo + ", 424242, 'Nobody', 'none', 'mallory')"))
                .isInstanceOf(SQLException.class).hasMessageContaining("is of family 1001");
        assertThat(state(ana)).isEqualTo("AT_LARGE");
    }

    @Test
    void a_custody_change_dated_in_the_future_which_would_make_the_children_adults_is_refused() throws Exception {
        assertThatThrownBy(() -> commit("insert into custody_status (person_id, state, site, since, changed_by) "
                + "values (" + ana + ", 'IN_CUSTODY', 'Hotel A', now() + interval '30 years', 'mallory')"))
                .isInstanceOf(SQLException.class).hasMessageContaining("in the future");
        held();
        assertThatThrownBy(() -> commit("update custody_status set since = now() + interval '30 years' "
                + "where person_id = " + ana)).isInstanceOf(SQLException.class)
                .hasMessageContaining("in the future");
    }

    @Test
    void deleting_or_truncating_a_held_childs_custody_row_is_refused_even_to_the_owner() throws Exception {
        held();

        assertThatThrownBy(() -> commit("delete from custody_status where person_id = " + sofia))
                .isInstanceOf(SQLException.class).hasMessageContaining("permission denied for table custody_status");
        assertThatThrownBy(() -> commit("truncate custody_status cascade")).isInstanceOf(SQLException.class)
                .hasMessageContaining("permission denied for table custody_status");
        try (Database.Owner owner = Database.owner(jdbc)) {
            assertThatThrownBy(() -> owner.jdbc().sql("delete from custody_status where person_id = ?").param(sofia)
                    .update()).rootCause().hasMessageContaining("custody: DELETE on custody_status refused");
            assertThatThrownBy(() -> owner.jdbc().sql("truncate custody_status cascade").update())
                    .rootCause().hasMessageContaining("custody: TRUNCATE on custody_status refused");
        }
        assertThat(state(sofia)).isEqualTo("IN_CUSTODY");
    }

    @Test
    void moving_the_childrens_rows_to_another_family_is_refused() throws Exception {
        held();

        assertThatThrownBy(() -> commit("update custody_status set family_id = 424242 where person_id = " + sofia))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("person " + sofia + " is of family 1001, frozen on the custody row");
        assertThatThrownBy(() -> commit("update minor_caregiver set family_id = 424242 where person_id = " + mateo))
                .isInstanceOf(SQLException.class).hasMessageContaining("can only be ended");
        assertThat(jdbc.sql("select family_id from custody_status where person_id = ?").param(sofia)
                .query(Long.class).single()).isEqualTo(1001L);
    }

    @Test
    void releasing_the_parent_while_the_child_stays_held_is_refused_though_the_child_has_a_caregiver_on_record()
            throws Exception {
        held();
        commit("insert into minor_caregiver (person_id, caregiver_name, relationship, location, recorded_by) "
                + "values (" + sofia + ", 'Neighbour (synthetic)', 'neighbour', 'SCHOOL', 'officer')");

        assertThatThrownBy(() -> commit("update custody_status set state = 'RELEASED', site = null, "
                + "release_reason = 'HUMANITARIAN' where person_id = " + ana)).isInstanceOf(SQLException.class)
                .hasMessageContaining("minor " + sofia + " of family 1001 would be held without a parent")
                .hasMessageContaining("a caregiver record does not make it lawful to hold a child alone");
        assertThat(state(ana)).isEqualTo("IN_CUSTODY");

        commit("update custody_status set state = 'RELEASED', site = null, release_reason = 'HUMANITARIAN' "
                + "where family_id = 1001");
        assertThat(state(sofia)).isEqualTo("RELEASED");
    }

    @Test
    void the_ledger_and_case_events_cannot_be_changed_deleted_or_forged_and_the_owner_cannot_edit_the_ledger()
            throws Exception {
        held();

        for (String sql : new String[] {"update custody_event set to_state = 'RELEASED'", "delete from custody_event",
                "insert into custody_event (person_id, family_id, to_state, occurred_at, changed_by) values ("
                        + ana + ", 1001, 'RELEASED', now(), 'mallory')",
                "update case_event set summary = 'nothing happened'", "delete from case_event"}) {
            assertThatThrownBy(() -> commit(sql)).as(sql).isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
        }
        try (Database.Owner owner = Database.owner(jdbc)) {
            assertThatThrownBy(() -> owner.jdbc().sql("update custody_event set to_state = 'RELEASED'").update())
                    .rootCause().hasMessageContaining("custody: UPDATE on custody_event refused");
            assertThatThrownBy(() -> owner.jdbc().sql("delete from custody_event").update())
                    .rootCause().hasMessageContaining("custody: DELETE on custody_event refused");
            assertThatThrownBy(() -> owner.jdbc().sql("truncate custody_event").update())
                    .rootCause().hasMessageContaining("custody: TRUNCATE on custody_event refused");
        }
        assertThat(jdbc.sql("select count(*) from custody_event where person_id = ?").param(ana).query(Long.class)
                .single()).isEqualTo(1);
    }

    @Test
    void a_temporary_table_named_like_the_ledger_does_not_catch_the_ledgers_rows() throws Exception {
        held();

        commit("create temp table custody_event (like public.custody_event including defaults) on commit preserve rows",
                "update public.custody_status set state = 'STAGED' where family_id = 1001");

        try (Statement s = app.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from pg_temp.custody_event")) {
            rs.next();
            assertThat(rs.getLong(1)).isZero();
        }
        app.rollback();
        assertThat(jdbc.sql("select count(*) from custody_event where person_id = ? and to_state = 'STAGED'")
                .param(ana).query(Long.class).single()).isEqualTo(1);
    }
}
