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
 * builds them after its rows (V149, ADR 007), and copies each file's rows straight into their table (ADR 007 step 5): it
 * gives exactly the docket, quarantine and warnings of an import that stages its rows and keeps them, it leaves every constraint and index as the schema defines it, and the database itself refuses to
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

    private static EoirFiles withBadRows() {
        EoirFiles files = EoirFiles.houstonFamilies();
        files.raw("A_TblCase", tab(1010, "GT", "SP", "HOUSTON", "TX", "77002", "RMV", "F", "0", "1990-02-30",
                "AWC/ATD", "", "N", "HOU"));
        files.aCase(1001, "HO"); // a duplicate case
        files.inAbsentiaRemoval(5099, 4242, "2019-02-11"); // a proceeding of no case
        files.inAbsentiaRemoval(5097, 1010, "2019-02-11");
        return files;
    }

    /**
     * Files with a problem of each kind the checks find, in every table: rows that cannot be read, keys and unique
     * values repeated (after a row with a problem of its own, and with a reference missing as well), references to
     * rows not in the files or quarantined, codes the lookups lack and a court with no field office.
     */
    private static EoirFiles withEveryKindOfProblem() {
        EoirFiles files = withBadRows();
        files.raw("A_TblCase", tab(1011, "GT", "SP", "HOUSTON", "TX", "77002", "RMV", "F", "0", "1990-13-01",
                "AWC/ATD", "", "N", "HOU")); // a bad date: the next row with its key is the first one kept
        int kept = files.aCase(1011, "GT");
        files.aCase(1011, "MX"); // a duplicate of the row kept, not of the bad one
        files.raw("A_TblCase", tab(1012, "GT")); // too few fields
        files.raw("A_TblCase", tab(1013, "QQ", "SP", "HOUSTON", "TX", "77002", "RMV", "Q", "maybe", "1990-04-02",
                "AWC/ATD", "", "N", "HOU")); // kept, with warnings
        files.raw("A_TblCase", tab("x1014", "GT", "SP", "HOUSTON", "TX", "77002", "RMV", "F", "0", "1990-04-02",
                "AWC/ATD", "", "N", "HOU")); // not a number
        files.inAbsentiaRemoval(5001, 4243, "2019-02-12"); // a duplicate proceeding of no case: both reasons
        // a court with no field office: a code in neither of EOIR's lookups (ZZZ is a real test hearing location, which
        // another class of the JVM may map)
        files.inAbsentiaRemovalAt("QZ9", 5011, 1011, "2019-02-13");
        files.inAbsentiaRemoval(5013, 1013, "2019-02-14");
        files.motion(7002, 5099, 1003, "2019-03-02", ""); // its proceeding was quarantined
        files.motion(7003, 5003, 1003, "2019-03-03", "QQ"); // an unknown decision code, kept
        files.motion(7001, 5003, 1003, "2019-03-04", ""); // a duplicate
        files.appeal(8002, 1003, 5555, "2018-11-21", ""); // an optional reference to no proceeding
        files.appeal(8001, 1011, 5011, "2018-11-22", ""); // a duplicate
        files.rider(9002, 1003, 1999, true); // a rider of no case
        files.rider(9003, 1013, 1011, true);
        files.juvenile(6002, 1011, 5098); // a juvenile history of no proceeding
        files.juvenile(6003, 1011, 5011);
        files.respondent(1011, "991000011", "Eva", "Mora", "1991-05-06", "LEAD");
        files.respondent(1003, "991000001", "Ana", "Lopez", "1990-04-02", "SPOUSE"); // A-number and case taken
        files.respondent(1013, "991000013", "Luz", "Paz", "1992-07-08", "LEAD");
        files.respondent(1003, "991000023", "Ivan", "Reyes", "1986-02-21", "LEAD"); // the case is another's
        files.respondent(4242, "991000042", "Noel", "Vega", "1980-01-01", "LEAD"); // no such case
        files.respondent(1010, "12345", "Rosa", "Diaz", "1993-03-03", "LEAD"); // bad A-number, quarantined case
        files.citizenChild(1001, "Mateo", "Lopez", "2017-03-14"); // the same household member again
        files.citizenChild(1999, "Nina", "Vega", "2016-06-06"); // a household of no case
        files.citizenChild(1011, "Pia", "Mora", "2018-01-01");
        // text the COPY stream escapes and encodes (ADR 007 step 6 writes its bytes itself): accents, CJK, a character
        // beyond the BMP, a backslash and a tab, a value larger than one block of the stream; and the A-numbers, ZIP
        // codes and dates in each form the person rules read without regular expressions
        files.aCase(1014, "GT");
        files.aCase(1015, "GT");
        files.aCase(1016, "GT");
        files.aCase(1017, "GT");
        files.raw("persons", String.join(",", "1014", "A-991-000-014", "José", "Núñez \uD83D\uDE00",
                "1990-04-02 00:00:00.000", "F", "GT", "SP", "N", "N", "N", "", "LEAD", "\"Calle 5 \\ Apt\t2\"",
                "Houston", "tx", "77002-1234", "2019-01-01"));
        files.raw("persons", String.join(",", "1015", "a991000015", "Zoë", "北京", "1991-01-01", "M", "GT", "SP",
                "N", "N", "N", "", "LEAD", "é".repeat(400_000), "Houston", "TX", "770021234", "2019-01-01"));
        files.raw("persons", String.join(",", "1016", "991000016", "Ana", "Ruiz", "2199-01-01", "F", "GT", "SP",
                "N", "N", "N", "", "LEAD", "", "Houston", "TX", "7700", "2019-01-01")); // born later, a bad ZIP
        files.raw("persons", String.join(",", "1017", "A991-00-0017x", "Eli", "Soto", "1992-02-02", "F", "GT", "SP",
                "N", "N", "N", "", "LEAD", "", "Houston", "TX", "77002-123", "2019-01-01")); // bad A-number, ZIP
        assertThat(kept).isPositive();
        return files;
    }

    /**
     * The same files on an empty docket, merged from staging with the constraints kept, with them set aside (V149),
     * and copied straight into their tables (ADR 007 step 5, the default when they are set aside): the same docket,
     * case index and timeline, the same quarantine and warnings row for row in the same order, the same report and
     * provenance; each leaves every constraint and index as the schema defines it, and a second import of the files
     * on the docket the direct copy filled changes nothing.
     */
    @Test
    void a_first_import_gives_the_same_docket_and_records_whether_staged_or_copied_straight_into_its_tables()
            throws Exception {
        List<String> schemaBefore = schema();
        assertThat(schemaBefore).anyMatch(d -> d.contains("FOREIGN KEY (idncase) REFERENCES eoir_case(idncase)"))
                .anyMatch(d -> d.contains("UNIQUE (a_number)")).anyMatch(d -> d.contains("proceeding_case"));
        EoirFiles files = withEveryKindOfProblem();
        java.util.Map<FirstImportPaths.Path, List<String>> recorded = new java.util.EnumMap<>(
                FirstImportPaths.Path.class);
        java.util.Map<FirstImportPaths.Path, String> dockets = new java.util.EnumMap<>(FirstImportPaths.Path.class);
        for (FirstImportPaths.Path path : FirstImportPaths.Path.values()) {
            Database.clearDocket(jdbc);
            ImportReport report = FirstImportPaths.on(importer, path, () -> run(files));
            recorded.put(path, FirstImportPaths.recorded(jdbc, report.importId()));
            dockets.put(path, Database.docketFingerprint(jdbc) + " index " + jdbc.sql(
                    "select md5(string_agg(c::text, '|' order by idncase)) from case_index c").query(String.class)
                    .single() + " timeline " + jdbc.sql("select md5(string_agg(kind || ':' || coalesce(idncase::text,"
                    + " '') || ':' || regexp_replace(summary, 'import [0-9]+', 'import N'), '|' order by seq, sub,"
                    + " idncase, summary)) from case_timeline").query(String.class).single()
                    + " persons in order " + jdbc.sql("select string_agg(person_key, ',' order by id) from person")
                    .query(String.class).single());
            assertThat(schema()).as(path.name()).isEqualTo(schemaBefore);
        }
        List<String> staged = recorded.get(FirstImportPaths.Path.STAGED_CONSTRAINTS_KEPT);
        assertThat(staged).anyMatch(r -> r.contains("duplicate IDNCASE 1011 (first on line"))
                .anyMatch(r -> r.contains("duplicate IDNCASE 1003 (also on line"))
                .anyMatch(r -> r.contains("IDNPROCEEDING 5099 is not in B_TblProceeding"))
                .anyMatch(r -> r.contains("IDNCASE 4242 is not in A_TblCase"))
                .anyMatch(r -> r.contains("duplicate PERSON_KEY A991000001 (first on line"))
                .anyMatch(r -> r.contains("court with no field office")).anyMatch(r -> r.startsWith("W "))
                .anyMatch(r -> r.startsWith("P person: ") && !r.startsWith("P person: 0 "))
                .anyMatch(r -> r.contains("in the future: 2199-01-01") && r.contains("must be a 5-digit ZIP code"))
                .anyMatch(r -> r.contains("must be 9 digits, was 'A991-00-0017x'"));
        assertThat(recorded.get(FirstImportPaths.Path.STAGED_CONSTRAINTS_SET_ASIDE)).isEqualTo(staged);
        assertThat(recorded.get(FirstImportPaths.Path.DIRECT_COPY)).isEqualTo(staged);
        assertThat(dockets.get(FirstImportPaths.Path.STAGED_CONSTRAINTS_SET_ASIDE))
                .isEqualTo(dockets.get(FirstImportPaths.Path.STAGED_CONSTRAINTS_KEPT));
        assertThat(dockets.get(FirstImportPaths.Path.DIRECT_COPY))
                .isEqualTo(dockets.get(FirstImportPaths.Path.STAGED_CONSTRAINTS_KEPT));
        // the docket is the direct copy's (the last path): its text as written in the file, escapes and all
        assertThat(jdbc.sql("select family_name || '|' || address_line || '|' || a_number || '|' || state || '|' || zip"
                + " from person where idncase = 1014").query(String.class).single())
                .isEqualTo("Núñez \uD83D\uDE00|Calle 5 \\ Apt\t2|991000014|TX|77002-1234");
        assertThat(jdbc.sql("select given_name || family_name || length(address_line) || a_number from person"
                + " where idncase = 1015").query(String.class).single()).isEqualTo("Zoë北京400000991000015");
        try (Database.Owner owner = Database.owner(jdbc)) {
            assertThat(owner.jdbc().sql("select count(*) from import_set_aside").query(Long.class).single()).isZero();
        }
        // a second import on the docket the direct copy filled keeps its constraints and changes nothing
        ImportReport again = run(files);
        assertThat(again.total(ImportReport.TableReport::inserted)).isZero();
        assertThat(again.total(ImportReport.TableReport::updated)).isZero();
        assertThat(schema()).isEqualTo(schemaBefore);
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
