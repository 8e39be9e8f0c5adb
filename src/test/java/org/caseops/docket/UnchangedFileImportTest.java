package org.caseops.docket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseops.fixtures.EoirFiles.tab;

import java.nio.file.Path;
import java.util.List;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Database;
import org.caseops.fixtures.EoirFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A re-import takes over the files unchanged since the last import without reading their rows (ADR 007), and gives
 * exactly what reading them would: same docket, same quarantine and warnings under the new import, same release date.
 * It reads them again when anything else wrote the docket since, when a table they refer to changed in this import,
 * or when the code lists changed.
 */
@CaseOpsTest
class UnchangedFileImportTest {

    @Autowired
    DocketImporter importer;
    @Autowired
    JdbcClient jdbc;
    @TempDir
    Path tmp;

    @BeforeEach
    void emptyDocket() {
        Database.clearDocket(jdbc);
    }

    private ImportReport run(EoirFiles files) throws Exception {
        return ImportRuns.run(importer, files, tmp);
    }

    /** The quarantine and warnings of an import, without the import id: table, line, column, reason. */
    private List<String> judged(long importId) {
        return ImportRuns.judged(jdbc, importId);
    }

    private long readTables(ImportReport report) {
        return report.tables().stream().filter(t -> t.takenOverFrom() == null).count();
    }

    private static EoirFiles withBadRows() {
        EoirFiles files = EoirFiles.houstonFamilies();
        files.raw("A_TblCase", tab(1010, "GT", "SP", "HOUSTON", "TX", "77002", "RMV", "F", "0", "1990-02-30",
                "AWC/ATD", "", "N", "HOU"));
        files.raw("A_TblCase", tab(1011, "ZZ", "SP", "HOUSTON", "TX", "77002", "RMV", "F", "0", "", "", "", "N",
                "HOU"));
        files.aCase(1001, "HO");
        files.inAbsentiaRemoval(5099, 4242, "2019-02-11");
        files.inAbsentiaRemoval(5097, 1010, "2019-02-11");
        return files;
    }

    @Test
    void the_same_files_again_are_taken_over_with_the_same_docket_quarantine_warnings_and_release_date()
            throws Exception {
        EoirFiles files = withBadRows();
        ImportReport first = run(files);
        String docket = Database.docketFingerprint(jdbc);
        List<String> judgedFirst = judged(first.importId());
        assertThat(judgedFirst).anyMatch(j -> j.startsWith("Q ")).anyMatch(j -> j.startsWith("W "));

        ImportReport second = run(files);

        assertThat(Database.docketFingerprint(jdbc)).isEqualTo(docket);
        assertThat(judged(second.importId())).isEqualTo(judgedFirst);
        assertThat(second.releaseDate()).isEqualTo(first.releaseDate());
        assertThat(second.releaseDateSource()).isEqualTo(first.releaseDateSource());
        for (ImportReport.TableReport table : first.tables()) {
            ImportReport.TableReport again = second.table(table.table());
            assertThat(again.rows()).as(table.table()).isEqualTo(table.rows());
            assertThat(again.quarantined()).as(table.table()).isEqualTo(table.quarantined());
            assertThat(again.warnings()).as(table.table()).isEqualTo(table.warnings());
            assertThat(again.inserted() + again.updated()).as(table.table()).isZero();
            assertThat(again.sha256()).isEqualTo(table.sha256());
        }
        // every file taken over from the first import but the juvenile history (not in the change log)
        assertThat(second.tables()).filteredOn(t -> t.takenOverFrom() == null)
                .extracting(ImportReport.TableReport::table).containsExactly("tbl_JuvenileHistory");
        assertThat(second.tables()).filteredOn(t -> t.takenOverFrom() != null)
                .allMatch(t -> t.takenOverFrom() == first.importId());
        // and a third import takes over from the second as well
        ImportReport third = run(files);
        assertThat(third.table("persons").takenOverFrom()).isEqualTo(second.importId());
        assertThat(judged(third.importId())).isEqualTo(judgedFirst);
        assertThat(Database.docketFingerprint(jdbc)).isEqualTo(docket);
    }

    @Test
    void a_docket_written_by_anything_but_an_import_since_is_read_again_and_the_file_values_restored()
            throws Exception {
        EoirFiles files = EoirFiles.houstonFamilies();
        run(files);
        String docket = Database.docketFingerprint(jdbc);
        try (Database.Owner owner = Database.owner(jdbc)) {
            owner.jdbc().sql("update eoir_case set nat = 'HO' where idncase = 1001").update();
        }

        ImportReport second = run(files);

        assertThat(readTables(second)).isEqualTo(second.tables().size());
        assertThat(second.table("A_TblCase").updated()).isEqualTo(1);
        assertThat(jdbc.sql("select nat from eoir_case where idncase = 1001").query(String.class).single())
                .isEqualTo("GT");
        assertThat(Database.docketFingerprint(jdbc)).isNotEqualTo(docket); // one CASE_UPDATED event more
    }

    @Test
    void an_unchanged_file_whose_parent_table_changed_in_this_import_is_read_again() throws Exception {
        EoirFiles files = EoirFiles.houstonFamilies();
        int orphan = files.inAbsentiaRemoval(5099, 4242, "2019-02-11");
        ImportReport first = run(files);
        assertThat(first.table("B_TblProceeding").quarantined()).isEqualTo(1);

        files.aCase(4242, "GT"); // the proceeding's case arrives; the proceedings file is the same
        ImportReport second = run(files);

        assertThat(second.table("B_TblProceeding").takenOverFrom()).isNull();
        assertThat(second.table("B_TblProceeding").quarantined()).isZero();
        assertThat(second.table("B_TblProceeding").inserted()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from proceeding where idnproceeding = 5099").query(Long.class).single())
                .as("line %d", orphan).isEqualTo(1);
    }

    @Test
    void changed_code_lists_make_every_file_read_again() throws Exception {
        EoirFiles files = EoirFiles.houstonFamilies();
        files.raw("A_TblCase", tab(1011, "ZZ", "SP", "HOUSTON", "TX", "77002", "RMV", "F", "0", "", "", "", "N",
                "HOU"));
        ImportReport first = run(files);
        assertThat(first.table("A_TblCase").warnings()).isEqualTo(1);
        try (Database.Owner owner = Database.owner(jdbc)) {
            owner.jdbc().sql("insert into eoir_code (code_table, code, description) values ('nationality', 'ZZ',"
                    + " 'test nationality')").update();
        }
        try {
            ImportReport second = run(files);

            assertThat(second.table("A_TblCase").warnings()).isZero();
            assertThat(readTables(second)).isEqualTo(second.tables().size());
        } finally {
            try (Database.Owner owner = Database.owner(jdbc)) {
                owner.jdbc().sql("delete from eoir_code where code_table = 'nationality' and code = 'ZZ'").update();
            }
        }
    }
}
