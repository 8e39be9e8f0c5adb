package org.caseops.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
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

    static final List<String> HISTORY = List.of("case_event", "task_event", "operation_event", "call_in_response",
            "custody_event", "audit_entry", "audit_chain", "audit_checkpoint");

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
    void the_application_role_may_only_read_and_append_history() throws Exception {
        try (Connection c = app()) {
            for (String table : HISTORY) {
                for (String statement : List.of("update " + table + " set id = id", "delete from " + table,
                        "truncate " + table)) {
                    String sql = statement.replace("id = id", switch (table) {
                        case "audit_entry" -> "actor = actor";
                        case "audit_chain", "audit_checkpoint" -> "hash = hash";
                        default -> "id = id";
                    });
                    assertThatThrownBy(() -> run(c, sql)).as(sql).isInstanceOf(SQLException.class)
                            .hasMessageContaining("permission denied for table " + table);
                }
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
