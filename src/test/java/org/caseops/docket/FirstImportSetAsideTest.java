package org.caseops.docket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.caseops.fixtures.EoirFiles.tab;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Database;
import org.caseops.fixtures.EoirFiles;
import org.caseops.system.DatabaseLogins;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A large first import sets aside the docket's foreign keys, unreferenced unique constraints and secondary indexes and
 * builds them after its rows (V149, ADR 007): it gives exactly the docket, quarantine and warnings of an import that
 * keeps them, it leaves every constraint and index as the schema defines it, and the database itself refuses to
 * commit anything set aside and not rebuilt, or to set aside on a docket that holds cases.
 */
@CaseOpsTest
class FirstImportSetAsideTest {

    @Autowired
    DocketImporter importer;
    @Autowired
    JdbcClient jdbc;
    @TempDir
    Path tmp;

    private long threshold;

    @BeforeEach
    void emptyDocket() {
        Database.clearDocket(jdbc);
        threshold = importer.setAsideFromBytes(Long.MAX_VALUE);
    }

    @AfterEach
    void restoreThreshold() {
        importer.setAsideFromBytes(threshold);
    }

    private ImportReport run(EoirFiles files) throws Exception {
        return ImportRuns.run(importer, files, tmp);
    }

    /** The docket tables' constraints and indexes as the catalog defines them. */
    private List<String> schema() {
        return jdbc.sql("""
                select 'C ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) from pg_constraint
                where conrelid::regclass::text = any(string_to_array(?, ','))
                union all
                select 'I ' || indexrelid::regclass || ' ' || pg_get_indexdef(indexrelid) from pg_index
                where indrelid::regclass::text = any(string_to_array(?, ','))
                order by 1""").params(DocketImporter.DOCKET_TABLES, DocketImporter.DOCKET_TABLES)
                .query(String.class).list();
    }

    private List<String> judged(long importId) {
        return ImportRuns.judged(jdbc, importId);
    }

    private static EoirFiles withBadRows() {
        EoirFiles files = EoirFiles.houstonFamilies();
        files.raw("A_TblCase", tab(1010, "GT", "SP", "HOUSTON", "TX", "77002", "RMV", "F", "0", "1990-02-30",
                "AWC/ATD", "", "N", "HOU"));
        files.aCase(1001, "HO"); // a duplicate case
        files.inAbsentiaRemoval(5099, 4242, "2019-02-11"); // a proceeding of no case
        files.inAbsentiaRemoval(5097, 1010, "2019-02-11");
        return files;
    }

    private Connection app() throws SQLException {
        DatabaseLogins.Login app = Database.logins(jdbc).app();
        return DriverManager.getConnection(Database.url(jdbc), app.user(), app.password());
    }

    private static long runningImport(Statement s) throws SQLException {
        try (var rs = s.executeQuery("insert into import_run (actor, source, started_at, event_floor)"
                + " values ('test', 'set-aside test', now(), 0) returning id")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void a_first_import_that_sets_aside_its_constraints_gives_the_same_docket_and_leaves_the_schema_as_defined()
            throws Exception {
        List<String> schema = schema();
        assertThat(schema).anyMatch(d -> d.contains("FOREIGN KEY (idncase) REFERENCES eoir_case(idncase)"))
                .anyMatch(d -> d.contains("UNIQUE (a_number)")).anyMatch(d -> d.contains("proceeding_case"));
        EoirFiles files = withBadRows();
        ImportReport kept = run(files);
        String docket = Database.docketFingerprint(jdbc);
        String index = jdbc.sql("select md5(string_agg(c::text, '|' order by idncase)) from case_index c")
                .query(String.class).single();
        List<String> judgedKept = judged(kept.importId());
        assertThat(judgedKept).anyMatch(j -> j.contains("duplicate")).anyMatch(j -> j.contains("4242"));

        Database.clearDocket(jdbc);
        importer.setAsideFromBytes(0);
        ImportReport setAside = run(files);

        assertThat(Database.docketFingerprint(jdbc)).isEqualTo(docket);
        assertThat(jdbc.sql("select md5(string_agg(c::text, '|' order by idncase)) from case_index c")
                .query(String.class).single()).isEqualTo(index);
        assertThat(judged(setAside.importId())).isEqualTo(judgedKept);
        assertThat(schema()).isEqualTo(schema);
        try (Database.Owner owner = Database.owner(jdbc)) {
            assertThat(owner.jdbc().sql("select count(*) from import_set_aside").query(Long.class).single()).isZero();
        }
        // a second import on the docket it filled keeps its constraints and changes nothing
        ImportReport again = run(files);
        assertThat(again.total(ImportReport.TableReport::inserted)).isZero();
        assertThat(schema()).isEqualTo(schema);
    }

    @Test
    void the_application_role_cannot_commit_a_docket_whose_constraints_are_set_aside() throws Exception {
        List<String> schema = schema();
        try (Connection c = app(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            long importId = runningImport(s);
            s.execute("select import_set_aside(" + importId + ", array['proceeding'])");
            // a proceeding of a case that does not exist goes in while its foreign key is set aside ...
            s.execute("insert into proceeding (idnproceeding, idncase, import_id) values (1, 999, " + importId + ")");
            // ... and the transaction cannot commit it: the constraint was not rebuilt
            assertThatThrownBy(c::commit).hasMessageContaining("was set aside and not rebuilt");
            c.rollback();

            long second = runningImport(s);
            s.execute("select import_set_aside(" + second + ", array['proceeding'])");
            s.execute("insert into proceeding (idnproceeding, idncase, import_id) values (1, 999, " + second + ")");
            // rebuilding the foreign key checks every row
            assertThatThrownBy(() -> s.execute("select import_restore(" + second + ", array['proceeding'])"))
                    .hasMessageContaining("proceeding_idncase_fkey");
            c.rollback();

            // only the tables an import writes
            long another = runningImport(s);
            assertThatThrownBy(() -> s.execute("select import_set_aside(" + another + ", array['custody_event'])"))
                    .hasMessageContaining("only the tables an import writes");
            c.rollback();
            // nor can it read or change what was set aside
            assertThatThrownBy(() -> s.execute("delete from import_set_aside"))
                    .hasMessageContaining("permission denied");
            c.rollback();
        }
        assertThat(schema()).isEqualTo(schema);
    }

    @Test
    void nothing_is_set_aside_on_a_docket_that_holds_cases() throws Exception {
        run(EoirFiles.houstonFamilies());
        List<String> schema = schema();
        try (Connection c = app(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            long importId = runningImport(s);
            assertThatThrownBy(() -> s.execute("select import_set_aside(" + importId + ", array['proceeding'])"))
                    .hasMessageContaining("the docket is not empty");
            c.rollback();
        }
        assertThat(schema()).isEqualTo(schema);
    }
}
