package org.caseops.docket;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Dockets;
import org.caseops.fixtures.EoirFiles;
import org.caseops.fixtures.FormSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The import history as a table of records and the quarantine browser (docs/web.md). */
@CaseOpsTest
class ImportPagesTest {

    @Autowired
    Environment environment;
    @Autowired
    DocketImporter importer;
    @Autowired
    JdbcClient jdbc;

    long importId;

    @BeforeEach
    void importWithBadRows() throws Exception {
        EoirFiles files = EoirFiles.houstonFamilies();
        files.raw("A_TblCase", EoirFiles.tab("1x", "GT", "SP", "X", "TX", "1", "RMV", "F", "0", "", "", "", "N", ""));
        files.raw("A_TblCase", EoirFiles.tab(2, "GT", "SP", "X", "TX", "1", "RMV", "F", "0", "", "", "maybe", "N", ""));
        importId = Dockets.freshlyImported(files, importer, jdbc).importId();
    }

    @Test
    void the_history_is_a_table_of_records_with_csv() {
        FormSession auditor = FormSession.signIn(environment, "auditor");

        assertThat(auditor.get("/imports").body()).contains("id=\"imports\"", "aria-sort=\"descending\"",
                "href=\"/imports/" + importId + "\"", "Download CSV");
        String csv = auditor.get("/imports?format=csv").body();
        assertThat(csv.lines().findFirst().orElse("")).isEqualTo("Import,Finished (UTC),Release date,Rows,"
                + "Quarantined,Warnings");
        assertThat(csv).contains(importId + ",");
    }

    @Test
    void counsel_browses_the_quarantine_by_table_and_reason_and_each_view_is_audited() {
        FormSession counsel = FormSession.signIn(environment, "attorney");
        long before = jdbc.sql("select count(*) from audit_entry where action = 'QUARANTINE_READ'")
                .query(Long.class).single();

        String all = counsel.get("/imports/" + importId + "/quarantine?table=A_TblCase").body();
        String some = counsel.get("/imports/" + importId + "/quarantine?reason=not+a+date").body();
        HttpResponse<String> none = counsel.get("/imports/" + importId + "/quarantine?table=tblAppeal");

        assertThat(all).contains("(1–2 of 2)", "IDNCASE: not a whole number: &#39;1x&#39;", "maybe");
        assertThat(some).contains("(1–1 of 1)", "DATE_OF_ENTRY").doesNotContain("&#39;1x&#39;");
        assertThat(none.body()).contains("Nothing to show.");
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'QUARANTINE_READ'")
                .query(Long.class).single()).isEqualTo(before + 3);
    }

    @Test
    void only_counsel_may_open_the_quarantine_and_only_counsel_sees_its_link() {
        for (String user : new String[] {"auditor", "admin", "officer"}) {
            FormSession session = FormSession.signIn(environment, user);
            assertThat(session.get("/imports/" + importId + "/quarantine").statusCode()).as(user).isEqualTo(403);
        }
        assertThat(FormSession.signIn(environment, "auditor").get("/imports/" + importId).body())
                .doesNotContain("/quarantine");
        assertThat(FormSession.signIn(environment, "attorney").get("/imports/" + importId).body())
                .contains("href=\"/imports/" + importId + "/quarantine\"",
                        "href=\"/imports/" + importId + "/quarantine?table=A_TblCase\"");
    }

    @Test
    void an_unknown_import_is_the_not_found_page() {
        HttpResponse<String> page = FormSession.signIn(environment, "attorney").get("/imports/987654/quarantine");

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("no import 987654");
    }
}
