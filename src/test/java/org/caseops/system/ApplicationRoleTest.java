package org.caseops.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Database;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The application is not the owner (docs/adr/005-application-database-role.md): signed in over JDBC as the
 * application's login role, as anyone who got hold of its connection would be, it cannot become the owner, change
 * the schema, turn triggers off, or change or delete history; nobody signs in without a password.
 */
@CaseOpsTest
class ApplicationRoleTest {

    /**
     * Every table that records what happened: the application reads and adds rows, never changes or removes them
     * (DESIGN invariant 9; a correction is a new row).
     */
    static final List<String> HISTORY = List.of("case_event", "task_event", "operation_event", "call_in_response",
            "custody_event", "audit_entry", "audit_chain", "audit_checkpoint", "attorney_determination",
            "departure_deadline", "case_note", "parental_screening", "screening_child", "release_condition",
            "letter_batch", "letter_member",
            // V97: a supervision's condition reviews, check-ins and missed check-ins (a miss may only be given its task)
            "condition_review", "supervision_check_in", "supervision_missed",
            // V93: an encounter's idempotency key and the answer it was given, kept as they were recorded
            "encounter_visit_key",
            // V84: the screening's change logs, appended only by their triggers (not even INSERT for the application)
            "docket_change", "legal_record_change",
            // V100: the worksite's history (employer history, its timeline, forms reviewed, findings, notices, fines)
            // and its versioned rules (a quota policy and a penalty schedule are new versions, never edits)
            "employer_history", "worksite_event", "i9_form", "i9_finding", "i9_notice", "i9_fine", "i9_fine_factor",
            "nomination_policy", "i9_penalty_schedule", "i9_penalty_band",
            // V121: the congressional notification policy (versioned) and each package recorded as sent
            "notification_policy", "operation_notification",
            // V123: each change of a court's mapping made by hand, appended
            "court_mapping_edit",
            // V131: the ATD contract's reported events and each evaluation with the rule version it used
            "atd_event", "atd_evaluation",
            // V132: the children named at a worksite action's screening, each with its welfare task, and their parents
            "worksite_child", "worksite_child_parent",
            // V140: whether each technical or procedural failure of an I-9 inspection was corrected by the deadline
            "i9_correction",
            // V144: an ATD enrolment's device history and its 90-day supervision-level reviews
            "supervision_device", "supervision_level_review",
            // V151: each check of the audit trail, kept for the monthly report
            "audit_verification");

    /**
     * Every other table of the schema, each one the application may change: the docket the importer merges, state
     * rows with their own version (a custody status, a task, an operation), reference data, sessions. A new table is
     * in one list or the other, or {@link #every_table_is_history_or_named_as_changeable} fails: V11's default
     * privileges give the application UPDATE and DELETE on every new table, so a history table must revoke them in
     * its own migration.
     */
    static final Set<String> CHANGEABLE = Set.of(
            // the docket, merged by the importer, and its derived index
            "eoir_case", "proceeding", "court_motion", "appeal", "appeal_fed_court", "court_application",
            "lead_rider", "juvenile_history", "person", "case_index", "quarantine", "import_file", "import_run",
            "import_warning", "eoir_code", "decision_code",
            // reference data
            "field_office", "field_office_area", "hearing_location", "base_city", "reference_data_version",
            "reference_file",
            // the demo data set serve --demo loaded last (V86)
            "demo_data_version",
            // the legal gate's records that are lifted or ended, and its cache
            "legal_hold", "stay", "protection", "screening", "case_verdict",
            // users, tokens, partners and their policies (revoked by a column)
            "app_user", "access_token", "partner_agency", "sharing_agreement", "cooperation_policy",
            // operations: state rows and the plan, replaced as a whole when re-planned
            "operation", "operation_target", "operation_member", "operation_plan", "operation_roster",
            "operation_team", "team_shift", "staging_site", "plan_visit", "care_arrangement", "protected_area_kind",
            "protected_area_policy", "protected_area_flag", "protected_area_approval",
            // V150: a plan run moves RUNNING -> FINISHED | CANCELLED | FAILED, its progress written as it goes
            "plan_run",
            // the field: an encounter closes, a custody status moves (its ledger is history), caregivers end
            "encounter", "custody_status", "custody_transition", "minor_caregiver",
            // worksite: employers (their version), sites, nominations and inspections move through their states
            "employer", "employer_site", "nomination", "i9_inspection",
            // V132: worksite actions move through their states, their sites change while drafted, detainees are decided
            "worksite_action", "worksite_action_site", "worksite_detainee",
            // tasks (their events are history)
            "task",
            // call-in letters: a letter's delivery status moves (its batch and members are history)
            "letter",
            // self-report appointments (V96): report hours, slots counted, appointments moving BOOKED -> ...
            "report_capacity", "appointment_slot", "appointment",
            // supervision (V97): an order and its conditions end, move their next due date and review
            "supervision", "supervision_condition",
            // V110: a voluntary departure moves GRANTED -> OVERSTAYED -> DEPARTED; a removal moves to its departure,
            // and its members' travel documents are answered (the only columns of a member the application may set)
            "voluntary_departure", "removal", "removal_member",
            // V111: a stay request moves from pending to its decision
            "stay_request",
            // V125: a voluntary-departure bond the gate reads, its posting set once (the only columns it may set)
            "departure_bond",
            // V130: browser sessions (Spring Session JDBC), touched on every request and deleted when they end
            "spring_session", "spring_session_attributes",
            // V131: ATD rule sets (a draft is published once, then fixed by a trigger) and alerts moving OPEN -> CLOSED
            "atd_rule_set", "atd_rule", "atd_alert",
            // the audit trail's head and queue, moved by the sequencer alone (the application may not change them)
            "audit_head", "audit_pending",
            // Flyway's own, and the digest of what it last looked at (V85; the owner's only, like the history)
            "flyway_schema_history", "migration_fingerprint",
            // V149: what a first import set aside until its rows are in (the owner's only, through two functions;
            // empty outside that import's transaction)
            "import_set_aside");

    @Autowired
    JdbcClient jdbc;

    private Connection app() throws SQLException {
        DatabaseLogins.Login app = Database.logins(jdbc).app();
        return DriverManager.getConnection(Database.url(jdbc), app.user(), app.password());
    }

    private static String one(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void run(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Test
    void the_pool_signs_in_as_the_application_role_which_is_no_superuser_is_nobodys_member_and_owns_nothing()
            throws Exception {
        assertThat(jdbc.sql("select session_user || ' ' || current_user").query(String.class).single())
                .isEqualTo("caseops_app caseops_app");
        try (Connection c = app()) {
            assertThat(one(c, "select rolsuper or rolcreaterole or rolcreatedb or rolbypassrls from pg_roles "
                    + "where rolname = current_user")).isEqualTo("f");
            assertThat(one(c, "select count(*) from pg_auth_members where member = current_user::regrole"))
                    .isEqualTo("0");
            assertThat(one(c, "select count(*) from pg_class where relowner = current_user::regrole "
                    + "and relpersistence <> 't'")).isEqualTo("0");
            assertThat(one(c, "select count(*) from pg_proc where proowner = current_user::regrole"))
                    .isEqualTo("0");
        }
    }

    @Test
    void nobody_signs_in_without_the_password() {
        String url = Database.url(jdbc);
        assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", null).close())
                .isInstanceOf(SQLException.class).hasMessageContaining("password");
        assertThatThrownBy(() -> DriverManager.getConnection(url, "caseops_app", "not-the-password").close())
                .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
    }

    @Test
    void reset_role_and_set_role_do_not_make_the_application_the_owner() throws Exception {
        try (Connection c = app()) {
            run(c, "reset role");
            assertThat(one(c, "select current_user")).isEqualTo("caseops_app");
            assertThatThrownBy(() -> run(c, "set role postgres")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied to set role");
            assertThatThrownBy(() -> run(c, "set session authorization postgres")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> run(c, "set session_replication_role = replica"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
            run(c, "reset role");
            assertThatThrownBy(() -> run(c, "delete from case_event")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied for table case_event");
        }
    }

    @Test
    void the_application_role_cannot_alter_tables_drop_or_disable_triggers_or_create_tables() throws Exception {
        try (Connection c = app()) {
            assertThatThrownBy(() -> run(c, "alter table custody_status disable trigger all"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("must be owner");
            assertThatThrownBy(() -> run(c, "alter table case_event add column forged text"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("must be owner");
            assertThatThrownBy(() -> run(c, "drop trigger custody_status_guard on custody_status"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("must be owner");
            assertThatThrownBy(() -> run(c, "create table public.forged (a int)"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied for schema public");
            assertThatThrownBy(() -> run(c, "create or replace function custody_check_minors(f bigint, asof date) "
                    + "returns void language sql as 'select'")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied for schema public");
        }
    }

    @Test
    void every_table_is_history_or_named_as_changeable() {
        Set<String> tables = new TreeSet<>(jdbc.sql("select c.relname from pg_class c join pg_namespace n on "
                + "n.oid = c.relnamespace where n.nspname = 'public' and c.relkind in ('r', 'p')")
                .query(String.class).list());
        Set<String> unclassified = new TreeSet<>(tables);
        unclassified.removeAll(HISTORY);
        unclassified.removeAll(CHANGEABLE);
        assertThat(unclassified).as("tables in neither HISTORY nor CHANGEABLE: a history table revokes UPDATE and "
                + "DELETE from caseops_app in its migration").isEmpty();
        assertThat(tables).containsAll(HISTORY);
        assertThat(HISTORY).doesNotContainAnyElementsOf(CHANGEABLE);
    }

    /** A simple view is updatable through to its table with the owner's rights: the application only reads views. */
    @Test
    void the_application_role_only_reads_views() throws Exception {
        List<String> views = jdbc.sql("select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace "
                + "where n.nspname = 'public' and c.relkind in ('v', 'm') order by 1").query(String.class).list();
        assertThat(views).contains("report_operation_target", "report_custody_move", "report_family_office",
                "person_reference", "staging_limit", "case_court", "gate_person", "gate_case", "gate_proceeding",
                "gate_appeal", "gate_motion", "gate_application", "gate_petition", "gate_lead_rider",
                "gate_data_release", "screening_case", "report_stat_notice", "report_stat_operation",
                "report_stat_encounter", "report_stat_custody", "report_stat_worksite", "report_operation_name",
                "report_stat_removal", "report_stat_voluntary_departure", "report_removal_departure",
                "report_voluntary_departure");
        try (Connection c = app()) {
            for (String view : views) {
                assertThat(one(c, "select has_table_privilege('" + view + "', 'SELECT')")).as(view).isEqualTo("t");
                assertThat(one(c, "select has_table_privilege('" + view + "', 'INSERT') or has_table_privilege('"
                        + view + "', 'UPDATE') or has_table_privilege('" + view + "', 'DELETE')")).as(view)
                        .isEqualTo("f");
            }
            // a view over one table is updatable through to it: refused before that, by the view's own privileges
            assertThatThrownBy(() -> run(c, "update report_family_office set field_office_code = 'XXX'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied for view");
        }
    }

    @Test
    void the_application_role_may_only_read_and_append_history() throws Exception {
        try (Connection c = app()) {
            for (String table : HISTORY) {
                // any column will do: the statement is refused before a row is read
                String column = one(c, "select attname from pg_attribute where attrelid = '" + table + "'::regclass "
                        + "and attnum > 0 and not attisdropped and attidentity = '' and attgenerated = '' "
                        + "order by attnum limit 1");
                for (String sql : List.of("update " + table + " set " + column + " = " + column,
                        "delete from " + table, "truncate " + table)) {
                    assertThatThrownBy(() -> run(c, sql)).as(sql).isInstanceOf(SQLException.class)
                            .hasMessageContaining("permission denied for table " + table);
                }
                assertThat(one(c, "select has_table_privilege('" + table + "', 'UPDATE') or "
                        + "has_table_privilege('" + table + "', 'DELETE') or has_table_privilege('" + table
                        + "', 'TRUNCATE')")).as(table).isEqualTo("f");
            }
            assertThatThrownBy(() -> run(c, "insert into custody_event (person_id, family_id, to_state, occurred_at, "
                    + "changed_by) values (1, 1, 'REMOVED', now(), 'mallory')")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied for table custody_event");
        }
    }

    @Test
    void a_pooled_connection_refuses_to_work_when_given_the_owners_login_by_mistake() throws Exception {
        try (Connection app = app()) {
            run(app, DatabaseConfig.NOT_THE_OWNER);
        }
        try (Database.Owner owner = Database.owner(jdbc)) {
            assertThatThrownBy(() -> owner.jdbc().sql(DatabaseConfig.NOT_THE_OWNER).update()).rootCause()
                    .hasMessageContaining("is a superuser or owns the schema");
        }
    }
}
