package org.caseops.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.caseops.docket.DocketImporter;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Database;
import org.caseops.fixtures.Dockets;
import org.caseops.fixtures.EoirFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The family gate held by the database itself: direct SQL as the application's role, bypassing every service, is
 * refused at commit when it would move half a family or leave a child without a parent or a recorded caregiver.
 * Family 1001: Ana (adult, A 991000001), Sofia (a minor with her own case, rider), Mateo (a U.S.-citizen child).
 */
@CaseOpsTest
class FamilyGateDatabaseTest {

    @Autowired
    DocketImporter importer;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transaction;

    long ana;
    long sofia;
    long mateo;

    @BeforeEach
    void family() throws Exception {
        Dockets.freshlyImported(EoirFiles.houstonFamilies(), importer, jdbc);
        ana = id("Ana");
        sofia = id("Sofia");
        mateo = id("Mateo");
    }

    private long id(String given) {
        return jdbc.sql("select id from person where given_name = ?").param(given).query(Long.class).single();
    }

    private void sql(String... statements) {
        transaction.executeWithoutResult(status -> {
            for (String statement : statements) {
                jdbc.sql(statement).update();
            }
        });
    }

    private String stateOf(long person) {
        return jdbc.sql("select state from custody_status where person_id = ?").param(person).query(String.class)
                .optional().orElse("AT_LARGE");
    }

    private void staged() {
        sql("insert into minor_caregiver (person_id, family_id, caregiver_name, relationship, location, recorded_by) "
                        + "values (" + mateo + ", 1001, 'Aunt (synthetic)', 'aunt', 'HOME', 'test')",
                "insert into custody_status (person_id, family_id, state, site, changed_by) values "
                        + "(" + ana + ", 1001, 'IN_CUSTODY', 'Hotel A', 'test'), (" + sofia
                        + ", 1001, 'IN_CUSTODY', 'Hotel A', 'test')",
                "update custody_status set state = 'STAGED' where family_id = 1001");
    }

    @Test
    void a_direct_update_transporting_half_a_family_is_rejected_and_the_whole_family_moves() {
        staged();

        assertThatThrownBy(() -> sql("update custody_status set state = 'TRANSPORTED', site = null, destination = 'Dilley' "
                + "where person_id = " + ana)).isInstanceOf(DataAccessException.class)
                .hasMessageContaining("family gate");
        assertThat(stateOf(ana)).isEqualTo("STAGED");

        sql("update custody_status set state = 'TRANSPORTED', site = null, destination = 'Dilley' where family_id = 1001");

        assertThat(stateOf(ana)).isEqualTo("TRANSPORTED");
        assertThat(stateOf(sofia)).isEqualTo("TRANSPORTED");
    }

    @Test
    void a_family_split_between_two_destinations_is_rejected() {
        staged();

        assertThatThrownBy(() -> sql(
                "update custody_status set state = 'TRANSPORTED', site = null, destination = 'Dilley' where person_id = " + ana,
                "update custody_status set state = 'TRANSPORTED', site = null, destination = 'Karnes' where person_id = " + sofia))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("together");
    }

    @Test
    void taking_a_parent_while_a_child_is_at_home_without_a_recorded_caregiver_is_rejected() {
        assertThatThrownBy(() -> sql("insert into custody_status (person_id, family_id, state, site, changed_by) "
                + "values (" + ana + ", 1001, 'IN_CUSTODY', 'Houston field office', 'test')"))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("without a parent or a recorded caregiver");
        assertThat(stateOf(ana)).isEqualTo("AT_LARGE");
    }

    /**
     * Sofia, made 18 on 2019-06-25 by the owner: held alone at 08:00 UTC that day, when it is still the 24th in Hawaii
     * (22:00), she is a minor there and the database refuses it as the application role; at 12:00 UTC it is her
     * birthday everywhere in the United States (V154, LegalDays). The day in the session's time zone said 18 at both.
     */
    @Test
    void a_child_is_a_minor_until_the_eighteenth_birthday_has_come_everywhere_in_the_united_states() {
        try (Database.Owner owner = Database.owner(jdbc)) {
            owner.jdbc().sql("update person set birth_date = date '2001-06-25' where id = ?").param(sofia).update();
        }
        sql("insert into minor_caregiver (person_id, family_id, caregiver_name, relationship, location, recorded_by) "
                + "values (" + mateo + ", 1001, 'Aunt (synthetic)', 'aunt', 'HOME', 'test')");
        String heldAlone = "insert into custody_status (person_id, family_id, state, site, changed_by, since) values ("
                + sofia + ", 1001, 'IN_CUSTODY', 'Hotel B', 'test', timestamptz '%s')";

        assertThatThrownBy(() -> sql("set local time zone 'UTC'", heldAlone.formatted("2019-06-25T08:00:00Z")))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("minor " + sofia);
        assertThat(stateOf(sofia)).isEqualTo("AT_LARGE");

        sql("set local time zone 'UTC'", heldAlone.formatted("2019-06-25T12:00:00Z"));
        assertThat(stateOf(sofia)).isEqualTo("IN_CUSTODY");
    }

    @Test
    void a_child_held_apart_from_every_parent_is_rejected() {
        staged();

        assertThatThrownBy(() -> sql("update custody_status set site = 'Hotel B' where person_id = " + sofia))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("minor " + sofia);
    }

    @Test
    void ending_the_caregiver_record_of_a_child_at_home_while_the_parent_is_held_is_rejected() {
        staged();

        assertThatThrownBy(() -> sql("update minor_caregiver set ended_at = now(), ended_by = 'test' "
                + "where person_id = " + mateo)).isInstanceOf(DataAccessException.class)
                .hasMessageContaining("minor " + mateo);
    }

    @Test
    void every_change_is_in_the_ledger_even_by_direct_sql_and_the_ledger_cannot_be_edited() {
        staged();
        sql("update custody_status set state = 'RELEASED', site = null, release_reason = 'HUMANITARIAN' "
                + "where family_id = 1001");

        assertThat(jdbc.sql("select coalesce(from_state, '') || '>' || to_state from custody_event where person_id = ? order by id")
                .param(ana).query(String.class).list()).containsExactly(">IN_CUSTODY", "IN_CUSTODY>STAGED",
                "STAGED>RELEASED");
        assertThatThrownBy(() -> jdbc.sql("delete from custody_event").update())
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql("update custody_event set to_state = 'AT_LARGE'").update())
                .isInstanceOf(DataAccessException.class);
    }
}
