package org.caseops.docket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
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
 * Issue 13's importer findings: an unbalanced quote no longer swallows the good rows after it, and a header that
 * names a column twice is refused with its line.
 */
@CaseOpsTest
class ImportQuotingAndHeadersTest {

    @Autowired
    DocketImporter importer;
    @Autowired
    ImportHistory history;
    @Autowired
    JdbcClient jdbc;
    @TempDir
    Path tmp;

    @BeforeEach
    void empty() {
        Database.clearDocket(jdbc);
    }

    private static EoirFiles threeCases() {
        EoirFiles files = EoirFiles.standard();
        for (long idncase = 1001; idncase <= 1003; idncase++) {
            files.aCase(idncase, "GT");
            files.inAbsentiaRemoval(idncase + 4000, idncase, "2019-02-11");
        }
        return files;
    }

    @Test
    void an_unbalanced_quote_quarantines_its_row_with_the_line_and_keeps_every_good_row_after_it() throws Exception {
        EoirFiles files = threeCases();
        files.respondent(1001, "991000001", "Ana", "Lopez", "1985-03-01", "LEAD");
        int unbalanced = files.respondentAt(1002, "991000002", "Luis", "Lopez", "1986-05-01", "LEAD",
                "\"12 Elm St, Apt 4", "Houston", "TX", "77002");
        int strayQuote = files.respondent(1003, "991000003", "Mar\"ia", "O\"Neil", "2010-07-01", "LEAD");
        Path dir = files.writeTo(tmp.resolve("eoir"));
        Path persons = files.writePersons(tmp.resolve("people/persons.csv"));

        ImportReport report = importer.importFiles(dir, persons, "test", ImportProgress.NONE);

        var rows = history.quarantine(report.importId(), 0, 100).rows();
        assertThat(rows).extracting(r -> r.table() + ":" + r.line()).containsExactly("persons:" + unbalanced);
        assertThat(rows.get(0).reason()).contains("unbalanced quote").contains("line " + unbalanced);
        assertThat(jdbc.sql("select a_number from person order by a_number").query(String.class).list())
                .as("the rows before and after the bad one are kept; a quote inside an unquoted field is text")
                .containsExactly("991000001", "991000003");
        assertThat(jdbc.sql("select family_name from person where a_number = '991000003'").query(String.class)
                .single()).isEqualTo("O\"Neil");
    }

    @Test
    void a_header_naming_a_column_twice_is_refused_with_its_line_and_nothing_is_stored() throws Exception {
        EoirFiles files = threeCases();
        files.header("A_TblCase", EoirFiles.CASE_HEADER.replace("\tLANG\t", "\tNAT\t"));
        Path dir = files.writeTo(tmp.resolve("eoir"));
        Path persons = files.writePersons(tmp.resolve("people/persons.csv"));

        assertThatThrownBy(() -> importer.importFiles(dir, persons, "test", ImportProgress.NONE))
                .isInstanceOf(ImportRejected.class)
                .hasMessageContaining("A_TblCase.csv line 1")
                .hasMessageContaining("NAT appears twice in the header (fields 2 and 3)");
        assertThat(jdbc.sql("select count(*) from eoir_case").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from import_run").query(Long.class).single()).isZero();
    }

    @Test
    void the_quote_guard_reads_quoting_as_the_parser_does() throws IOException {
        String text = "a,\"b,c\",d\r\n"        // balanced, CRLF
                + "e,\"f\"\"g\",h\n"             // a doubled quote inside a quoted field
                + "i,\"j,k\n"                    // unbalanced: closed before the line break
                + "l,m\"n,o\n"                   // a quote inside an unquoted field is text
                + "p,\"q\"\n"                    // a quoted field closed at the end of its line
                + "r,\"s";                       // unbalanced on the last line, no line break
        QuoteGuard guard = new QuoteGuard(new StringReader(text), ',', '"');
        String read = readAll(guard);

        assertThat(read).isEqualTo("a,\"b,c\",d\r\ne,\"f\"\"g\",h\ni,\"j,k\"\nl,m\"n,o\np,\"q\"\nr,\"s\"");
        assertThat(List.of(1, 2, 3, 4, 5, 6)).filteredOn(line -> guard.unbalanced(line)).containsExactly(3, 6);
    }

    private static String readAll(Reader reader) throws IOException {
        StringBuilder all = new StringBuilder();
        char[] buffer = new char[3];
        for (int n; (n = reader.read(buffer, 0, buffer.length)) >= 0; ) {
            all.append(buffer, 0, n);
        }
        return all.toString();
    }
}
