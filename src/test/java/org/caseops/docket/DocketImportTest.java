package org.caseops.docket;

import org.caseops.fixtures.CaseOpsTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.caseops.fixtures.EoirFiles.tab;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.caseops.fixtures.Database;
import org.caseops.fixtures.EoirFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@CaseOpsTest
class DocketImportTest {

    @Autowired
    DocketImporter importer;
    @Autowired
    ImportHistory history;
    @Autowired
    JdbcClient jdbc;
    @TempDir
    Path tmp;

    @BeforeEach
    void emptyDocket() {
        Database.clearDocket(jdbc);
    }

    private ImportReport run(EoirFiles files) throws Exception {
        Path dir = files.writeTo(tmp.resolve("eoir-" + System.nanoTime()));
        Path persons = files.writePersons(dir.resolve("people/persons.csv"));
        return importer.importFiles(dir, persons, "test", ImportProgress.NONE);
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    @Test
    void imports_every_table_and_counts_each_row() throws Exception {
        ImportReport report = run(EoirFiles.houstonFamilies());

        assertThat(report.table("A_TblCase").inserted()).isEqualTo(3);
        assertThat(report.table("B_TblProceeding").inserted()).isEqualTo(3);
        assertThat(report.table("tbl_Court_Motions").inserted()).isEqualTo(1);
        assertThat(report.table("tblAppeal").inserted()).isEqualTo(1);
        assertThat(report.table("tbl_Lead_Rider").inserted()).isEqualTo(1);
        assertThat(report.table("tbl_JuvenileHistory").inserted()).isEqualTo(1);
        assertThat(report.table("persons").inserted()).isEqualTo(4);
        assertThat(report.total(ImportReport.TableReport::quarantined)).isZero();
        assertThat(count("eoir_case")).isEqualTo(3);
        assertThat(count("person")).isEqualTo(4);
        assertThat(jdbc.sql("select absentia and comp_date = date '2019-02-11' from proceeding where idnproceeding = 5001")
                .query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("select count(*) from case_timeline where kind = 'CASE_ADDED'").query(Long.class).single())
                .isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from case_timeline where kind = 'PERSON_ADDED'").query(Long.class).single())
                .isEqualTo(4);
    }

    @Test
    void the_same_files_twice_change_nothing() throws Exception {
        EoirFiles files = EoirFiles.houstonFamilies();
        run(files);
        String before = Database.docketFingerprint(jdbc);

        ImportReport second = run(files);

        assertThat(second.total(ImportReport.TableReport::inserted)).isZero();
        assertThat(second.total(ImportReport.TableReport::updated)).isZero();
        assertThat(second.total(ImportReport.TableReport::unchanged)).isEqualTo(14);
        assertThat(Database.docketFingerprint(jdbc)).isEqualTo(before);
    }

    @Test
    void a_motion_decided_since_the_last_import_is_an_update_on_the_case_timeline() throws Exception {
        run(EoirFiles.houstonFamilies());
        EoirFiles decided = EoirFiles.standard();
        decided.motion(7001, 5003, 1003, "2019-03-01", "D");

        ImportReport report = run(decided);

        assertThat(report.table("tbl_Court_Motions").updated()).isEqualTo(1);
        var event = jdbc.sql("select kind, idncase, before ->> 'dec' as before_dec, after ->> 'dec' as after_dec, summary "
                + "from case_event where kind = 'MOTION_UPDATED'").query().singleRow();
        assertThat(event.get("idncase")).isEqualTo(1003L);
        assertThat(event.get("before_dec")).isNull();
        assertThat(event.get("after_dec")).isEqualTo("D");
        assertThat((String) event.get("summary")).contains("tbl_Court_Motions 7001").contains("comp_date, dec");
    }

    @Test
    void a_new_motion_on_a_known_case_is_added_to_its_timeline() throws Exception {
        run(EoirFiles.houstonFamilies());
        EoirFiles next = EoirFiles.standard();
        next.motion(7002, 5001, 1001, "2019-05-02", "");

        run(next);

        assertThat(jdbc.sql("select idncase from case_event where kind = 'MOTION_ADDED'").query(Long.class).list())
                .containsExactly(1001L);
    }

    @Test
    void each_kind_of_bad_row_is_quarantined_with_its_line_and_the_good_rows_are_kept() throws Exception {
        EoirFiles files = EoirFiles.houstonFamilies();
        int badDate = files.raw("A_TblCase", tab(1010, "GT", "SP", "HOUSTON", "TX", "77002", "RMV", "F", "0",
                "1990-02-30", "AWC/ATD", "", "N", "HOU"));
        int unknownCode = files.raw("A_TblCase", tab(1011, "ZZ", "SP", "HOUSTON", "TX", "77002", "RMV", "F", "0",
                "", "", "", "N", "HOU"));
        int missingKey = files.raw("A_TblCase", tab("", "GT", "SP", "HOUSTON", "TX", "77002", "RMV", "F", "0",
                "", "", "", "N", "HOU"));
        int duplicate = files.aCase(1001, "HO");
        int wrongCount = files.raw("A_TblCase", tab(1012, "GT", "SP", "HOUSTON"));
        int orphan = files.inAbsentiaRemoval(5099, 4242, "2019-02-11");
        int unknownDecision = files.raw("B_TblProceeding", tab(5098, 1003, "", "HOU", "HOU", "RMV", "Q", "C",
                "2019-01-01", "N", "", "", "N", ""));
        int orphanOfQuarantined = files.inAbsentiaRemoval(5097, 1010, "2019-02-11");
        int ofKeptWithWarning = files.inAbsentiaRemoval(5096, 1011, "2019-02-11");
        int badPerson = files.raw("persons", "1003,12345,Jose,Reyes,1985-01-20,M,HO,SP,N,N,N,,LEAD,,,,,");
        Path dir = files.writeTo(tmp.resolve("bad"));
        byte[] juvenile = (EoirFiles.JUVENILE_HEADER + "\n" + tab(6001, 1002, 5002, 5) + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] invalid = new byte[] {'6', '0', '0', '3', '\t', '1', '0', '0', '2', '\t', '5', '0', '0', '2', '\t',
            (byte) 0xC3, (byte) 0x28, '\n'};
        Files.write(dir.resolve("tbl_JuvenileHistory.csv"), concat(juvenile, invalid));
        Path persons = files.writePersons(tmp.resolve("bad-people/persons.csv"));

        ImportReport report = importer.importFiles(dir, persons, "test", ImportProgress.NONE);

        var rows = history.quarantine(report.importId(), 0, 100).rows();
        assertThat(rows).extracting(r -> r.table() + ":" + r.line() + ":" + r.column()).containsExactlyInAnyOrder(
                "A_TblCase:" + badDate + ":C_BIRTHDATE",
                "A_TblCase:" + missingKey + ":IDNCASE",
                "A_TblCase:" + duplicate + ":IDNCASE",
                "A_TblCase:" + wrongCount + ":null",
                "B_TblProceeding:" + orphan + ":IDNCASE",
                "B_TblProceeding:" + orphanOfQuarantined + ":IDNCASE",
                "tbl_JuvenileHistory:3:null",
                "persons:" + badPerson + ":A_NUMBER");
        assertThat(reason(rows, "A_TblCase", badDate)).contains("no such date: '1990-02-30'");
        assertThat(reason(rows, "A_TblCase", missingKey)).contains("missing");
        assertThat(reason(rows, "A_TblCase", duplicate)).contains("duplicate IDNCASE 1001 (first on line 2)");
        assertThat(reason(rows, "A_TblCase", wrongCount)).contains("wrong number of fields: 4 where the header has 14");
        assertThat(reason(rows, "B_TblProceeding", orphan)).contains("IDNCASE 4242 is not in A_TblCase");
        assertThat(reason(rows, "B_TblProceeding", orphanOfQuarantined)).contains("IDNCASE 1010 is not in A_TblCase");
        assertThat(reason(rows, "tbl_JuvenileHistory", 3)).contains("bad encoding");
        assertThat(report.table("A_TblCase").inserted()).as("1011, with an unknown nationality, is kept").isEqualTo(4);
        assertThat(report.table("A_TblCase").quarantined()).isEqualTo(4);
        assertThat(report.table("B_TblProceeding").inserted()).isEqualTo(5);
        assertThat(report.table("tbl_JuvenileHistory").inserted()).isEqualTo(1);
        assertThat(report.table("persons").inserted()).isEqualTo(4);
        assertThat(jdbc.sql("select nat from eoir_case where idncase = 1001").query(String.class).single())
                .as("the first of two rows with one key is kept").isEqualTo("GT");
        var warnings = history.warnings(report.importId(), 0, 100).rows();
        assertThat(warnings).extracting(w -> w.table() + ":" + w.line() + ":" + w.column() + ":" + w.value())
                .containsExactlyInAnyOrder("A_TblCase:" + unknownCode + ":NAT:ZZ",
                        "B_TblProceeding:" + unknownDecision + ":DEC_CODE:Q");
        assertThat(jdbc.sql("select dec_code from proceeding where idnproceeding = 5098").query(String.class).single())
                .as("kept with the code as EOIR wrote it").isEqualTo("Q");
        assertThat(jdbc.sql("select count(*) from proceeding where idnproceeding = ?").param(5096).query(Long.class)
                .single()).isEqualTo(1);
        assertThat(ofKeptWithWarning).isPositive();
    }

    private static String reason(List<ImportHistory.QuarantinedRow> rows, String table, int line) {
        return rows.stream().filter(r -> r.table().equals(table) && r.line() == line).findFirst().orElseThrow()
                .reason();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void reads_the_older_pipe_delimited_windows_1252_form_with_crlf_and_any_column_order() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("pipe"));
        String cases = "CASE_TYPE|NAT|IDNCASE|ALIEN_CITY|LPR|C_BIRTHDATE\r\n"
                + "RMV|GT|2001|SAN JOSÉ|False|02/11/1990\r\n"
                + "RMV|HO|2002|HOUSTON|True|1991-03-04 00:00:00.000\r\n";
        Files.write(dir.resolve("A_TblCase.txt"), cases.getBytes(StagingLoader.WINDOWS_1252));

        ImportReport report = importer.importFiles(dir, null, "test", ImportProgress.NONE);

        assertThat(report.table("A_TblCase").inserted()).isEqualTo(2);
        var row = jdbc.sql("select alien_city, lpr, birth_date::text from eoir_case where idncase = 2001")
                .query().singleRow();
        assertThat(row.get("alien_city")).isEqualTo("SAN JOSÉ");
        assertThat(row.get("lpr")).isEqualTo(false);
        assertThat(row.get("birth_date")).isEqualTo("1990-02-11");
        assertThat(jdbc.sql("select lpr from eoir_case where idncase = 2002").query(Boolean.class).single()).isTrue();
    }

    @Test
    void reads_a_zip_with_tables_named_txt_in_a_folder() throws Exception {
        Path zip = EoirFiles.houstonFamilies().windowsLineEnds().writeZip(tmp.resolve("eoir.zip"));

        ImportReport report = importer.importFiles(zip, null, "test", ImportProgress.NONE);

        assertThat(report.table("A_TblCase").inserted()).isEqualTo(3);
        assertThat(report.table("tbl_Lead_Rider").inserted()).isEqualTo(1);
        assertThat(report.total(ImportReport.TableReport::quarantined)).isZero();
    }

    @Test
    void a_file_without_its_key_column_is_rejected_and_nothing_is_written() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("nokey"));
        Files.writeString(dir.resolve("A_TblCase.csv"), "NAT\tLANG\nGT\tSP\n");

        assertThatThrownBy(() -> importer.importFiles(dir, null, "test", ImportProgress.NONE))
                .isInstanceOf(ImportRejected.class).hasMessageContaining("has no IDNCASE column");
        assertThat(count("import_run")).isZero();
    }

    @Test
    void a_us_citizen_child_is_a_household_member_of_the_lead_case() throws Exception {
        run(EoirFiles.houstonFamilies());

        var members = jdbc.sql("select p.given_name, m.role, m.family_id from family_member m join person p "
                + "on p.id = m.person_id where m.family_id = 1001 order by p.given_name").query().listOfRows();
        assertThat(members).extracting(m -> m.get("given_name") + ":" + m.get("role"))
                .containsExactly("Ana:LEAD", "Mateo:HOUSEHOLD", "Sofia:RIDER");
        assertThat(jdbc.sql("select a_number is null and us_citizen from person where given_name = 'Mateo'")
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void an_import_run_that_rows_name_cannot_be_deleted() throws Exception {
        ImportReport report = run(EoirFiles.houstonFamilies());

        assertThatThrownBy(() -> jdbc.sql("delete from import_run where id = ?").param(report.importId()).update())
                .hasMessageContaining("is permanent");
        assertThat(count("import_run")).isEqualTo(1);
    }

    @Test
    void the_import_that_added_a_case_or_person_is_history_the_application_cannot_rewrite() throws Exception {
        EoirFiles files = EoirFiles.houstonFamilies();
        ImportReport first = run(files);
        files.aCase(1004, "GT");
        ImportReport second = run(files);

        // shown once each from provenance (V88), by the import that added it, whatever came after
        assertThat(jdbc.sql("select import_id from case_timeline where kind = 'CASE_ADDED' order by idncase")
                .query(Long.class).list())
                .containsExactly(first.importId(), first.importId(), first.importId(), second.importId());
        assertThat(jdbc.sql("select count(*) from case_event where kind in ('CASE_ADDED', 'PERSON_ADDED')")
                .query(Long.class).single()).isZero();
        try (org.caseops.fixtures.Database.Owner owner = org.caseops.fixtures.Database.owner(jdbc)) {
            for (String table : List.of("eoir_case", "person")) {
                // refused by the trigger, for the application and for the schema's owner alike
                assertThatThrownBy(() -> jdbc.sql("update " + table + " set import_id = ?").param(second.importId())
                        .update()).rootCause().hasMessageContaining("import_id is the import that added the row");
                assertThatThrownBy(() -> owner.jdbc().sql("update " + table + " set import_id = ?")
                        .param(second.importId()).update()).rootCause()
                        .hasMessageContaining("import_id is the import that added the row");
            }
        }
        assertThat(jdbc.sql("select count(*) from eoir_case where import_id = ?").param(first.importId())
                .query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void the_case_index_equals_the_view_after_imports_that_add_change_and_sever() throws Exception {
        run(EoirFiles.houstonFamilies());
        EoirFiles later = EoirFiles.standard();
        later.pendingProceeding(5010, 1003);
        later.raw("tbl_Lead_Rider", EoirFiles.tab(9001, 1001, 1002, "2019-05-01 00:00:00.000", "0"));
        later.withRepresentation();
        later.aCase(1020, "ES");
        later.counsel(1020, "2019-01-05", "1");
        later.inAbsentiaRemoval(5020, 1020, "2019-03-03");
        run(later);

        String columns = "idncase, nat, lang, case_type, idnproceeding, hearing_loc_code, base_city_code, dec_code, "
                + "comp_date, absentia, order_type, field_office_code, family_id, represented";
        long differences = jdbc.sql("select count(*) from ((select " + columns + " from case_index except select "
                + columns + " from case_summary) union all (select " + columns + " from case_summary except select "
                + columns + " from case_index)) d").query(Long.class).single();
        assertThat(differences).isZero();
        assertThat(jdbc.sql("select order_type from case_index where idncase = 1003").query(String.class).single())
                .as("a newer undecided proceeding governs").isEqualTo("PENDING");
        assertThat(jdbc.sql("select family_id from case_index where idncase = 1002").query(Long.class).single())
                .as("a severed rider leads its own family").isEqualTo(1002L);
        assertThat(count("case_index")).isEqualTo(4);
        assertThat(jdbc.sql("select idncase from case_index where represented").query(Long.class).list())
                .containsExactly(1020L);
    }

    private Object caseValue(String column, long idncase) {
        return jdbc.sql("select " + column + " as v from eoir_case where idncase = ?").param(idncase).query()
                .singleRow().get("v");
    }

    private static EoirFiles withCounsel() {
        EoirFiles files = EoirFiles.houstonFamilies().withRepresentation();
        files.counsel(1001, "2018-09-14 00:00:00.000", "1");
        files.counsel(1003, "10/02/2018", "2");
        return files;
    }

    @Test
    void imports_representation_and_the_same_files_again_change_nothing() throws Exception {
        ImportReport first = run(withCounsel());
        String before = Database.docketFingerprint(jdbc);

        ImportReport second = run(withCounsel());

        assertThat(first.table("A_TblCase").quarantined()).isZero();
        assertThat(caseValue("e28_date::text", 1001)).isEqualTo("2018-09-14");
        assertThat(caseValue("atty_nbr", 1001)).isEqualTo(1);
        assertThat(caseValue("e28_date::text", 1003)).isEqualTo("2018-10-02");
        assertThat(caseValue("atty_nbr", 1003)).isEqualTo(2);
        assertThat(caseValue("e28_date", 1002)).as("blank = not recorded").isNull();
        assertThat(caseValue("atty_nbr", 1002)).isNull();
        assertThat(jdbc.sql("select idncase from case_index where represented order by idncase").query(Long.class)
                .list()).containsExactly(1001L, 1003L);
        assertThat(second.table("A_TblCase").unchanged()).isEqualTo(3);
        assertThat(second.total(ImportReport.TableReport::updated)).isZero();
        assertThat(Database.docketFingerprint(jdbc)).isEqualTo(before);
    }

    @Test
    void a_bad_atty_nbr_or_e28_date_is_quarantined_on_its_line_with_the_reason() throws Exception {
        EoirFiles files = EoirFiles.houstonFamilies().withRepresentation();
        int words = files.counsel(1003, "2018-10-02", "two");
        int negative = files.counsel(1002, "", "-1");
        files.aCase(1004, "ES");
        int badDate = files.counsel(1004, "2018-02-30", "1");

        ImportReport report = run(files);

        var rows = history.quarantine(report.importId(), 0, 100).rows().stream()
                .filter(r -> r.table().equals("A_TblCase")).toList();
        assertThat(rows).extracting(r -> r.line() + ":" + r.column()).containsExactlyInAnyOrder(
                words + ":ATTY_NBR", negative + ":ATTY_NBR", badDate + ":E_28_DATE");
        assertThat(reason(rows, "A_TblCase", words)).contains("not a whole number: 'two'");
        assertThat(reason(rows, "A_TblCase", negative)).contains("not a whole number: '-1'");
        assertThat(reason(rows, "A_TblCase", badDate)).contains("no such date: '2018-02-30'");
        assertThat(report.table("A_TblCase").inserted()).isEqualTo(1);
        assertThat(caseValue("idncase", 1001)).isEqualTo(1001L);
    }

    @Test
    void new_counsel_is_a_case_update_on_the_timeline_naming_the_changed_columns() throws Exception {
        run(withCounsel());
        EoirFiles later = withCounsel();
        later.counsel(1001, "2019-03-02 00:00:00.000", "2");
        later.counsel(1002, "2019-03-02 00:00:00.000", "1");

        ImportReport report = run(later);

        assertThat(report.table("A_TblCase").updated()).isEqualTo(2);
        var event = jdbc.sql("select summary, before ->> 'e28_date' as before_e28, after ->> 'e28_date' as after_e28, "
                + "after ->> 'atty_nbr' as after_atty from case_event where kind = 'CASE_UPDATED' and idncase = 1001")
                .query().singleRow();
        assertThat((String) event.get("summary")).endsWith(": atty_nbr, e28_date");
        assertThat(event.get("before_e28")).isEqualTo("2018-09-14");
        assertThat(event.get("after_e28")).isEqualTo("2019-03-02");
        assertThat(event.get("after_atty")).isEqualTo("2");
        assertThat(jdbc.sql("select represented from case_index where idncase = 1002").query(Boolean.class).single())
                .as("the case index follows").isTrue();
    }

    @Test
    void a_file_without_the_representation_columns_imports_and_leaves_recorded_counsel_as_it_is() throws Exception {
        run(withCounsel());

        ImportReport older = run(EoirFiles.houstonFamilies());

        assertThat(older.total(ImportReport.TableReport::quarantined)).isZero();
        assertThat(older.total(ImportReport.TableReport::updated)).isZero();
        assertThat(caseValue("e28_date::text", 1001)).isEqualTo("2018-09-14");
        assertThat(caseValue("atty_nbr", 1003)).isEqualTo(2);
    }
}
