package org.caseops.docket;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.caseops.access.Role;
import org.caseops.access.Users;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Database;
import org.caseops.fixtures.Dockets;
import org.caseops.fixtures.EoirFiles;
import org.caseops.fixtures.FormSession;
import org.caseops.fixtures.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Counsel's upload of an import from the page (docs/web.md): the files, a problem next to its field, the progress
 * page that polls, the report at the end, the audit entry; an upload is its sender's only; counsel only.
 */
@CaseOpsTest
class ImportUploadPagesTest {

    @Autowired
    Environment environment;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Users users;

    private static String path(HttpResponse<String> redirect) {
        return redirect.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
    }

    @Test
    void counsel_uploads_the_tables_and_the_person_file_follows_the_progress_and_lands_on_the_report()
            throws Exception {
        Database.clearDocket(jdbc);
        Path dir = Files.createTempDirectory("caseops-upload-test");
        EoirFiles files = EoirFiles.houstonFamilies();
        byte[] zip = Files.readAllBytes(files.writeZip(dir.resolve("eoir.zip")));
        byte[] persons = Files.readAllBytes(files.writePersons(dir.resolve("persons.csv")));
        FormSession counsel = FormSession.signIn(environment, "attorney");

        HttpResponse<String> sent = counsel.postMultipart("/imports/upload", Map.of("eoir", zip, "persons", persons),
                Map.of("asOfRelease", Dockets.release().toString()));
        assertThat(sent.statusCode()).isEqualTo(302);
        String progress = path(sent);
        assertThat(progress).matches("/imports/uploads/[0-9a-f-]{36}");

        // the page polls its bar until the import is done; then htmx is sent on to the report
        Instant until = Instant.now().plus(Duration.ofMinutes(2));
        HttpResponse<String> bar = counsel.get(progress + "/progress");
        while (bar.headers().firstValue("HX-Redirect").isEmpty() && Instant.now().isBefore(until)) {
            assertThat(bar.statusCode()).isEqualTo(200);
            assertThat(bar.body()).contains("<progress id=\"upload-bar\" max=\"100\"").doesNotContain("<html");
            assertThat(bar.body()).doesNotContain("id=\"upload-problem\"");
            Thread.sleep(200);
            bar = counsel.get(progress + "/progress");
        }
        String report = bar.headers().firstValue("HX-Redirect").orElseThrow();
        assertThat(report).matches("/imports/[0-9]+");
        assertThat(bar.body()).contains("100 % read", "its report");
        HttpResponse<String> page = counsel.get(progress);
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(path(page)).isEqualTo(report);
        assertThat(counsel.get(report).statusCode()).isEqualTo(200);
        long importId = Long.parseLong(report.substring("/imports/".length()));
        assertThat(jdbc.sql("select count(*) from eoir_case where idncase in (1001, 1002, 1003)").query(Long.class)
                .single()).isPositive();
        // import ids start again after other test classes empty the docket: the latest entry for this id is this one
        assertThat(jdbc.sql("select detail from audit_entry where action = 'DOCKET_IMPORTED' and subject_id = ? "
                        + "order by recorded_at desc limit 1")
                .param(String.valueOf(importId)).query(String.class).single())
                .contains("uploaded from the page");

        // another attorney does not see it
        String other = TestUsers.ensure(users, "attorney.uploads", Role.ATTORNEY, null);
        assertThat(FormSession.signIn(environment, other).get(progress).statusCode()).isEqualTo(404);
    }

    @Test
    void nothing_chosen_or_a_file_that_is_no_zip_is_shown_next_to_its_field() {
        FormSession counsel = FormSession.signIn(environment, "attorney");

        HttpResponse<String> nothing = counsel.postMultipart("/imports/upload", Map.of(),
                Map.of("asOfRelease", "2019-06-01"));
        assertThat(nothing.statusCode()).isEqualTo(400);
        assertThat(nothing.body()).contains("id=\"upload-eoir-error\"", "aria-describedby=\"upload-eoir-error\"",
                "value=\"2019-06-01\"");

        HttpResponse<String> notZip = counsel.postMultipart("/imports/upload",
                Map.of("eoir", "IDNCASE\tNAT\n".getBytes()), Map.of());
        assertThat(notZip.statusCode()).isEqualTo(400);
        assertThat(notZip.body()).contains("id=\"upload-eoir-error\"", "zip file");

        HttpResponse<String> badDate = counsel.postMultipart("/imports/upload",
                Map.of("persons", "x".getBytes()), Map.of("asOfRelease", "2019-02-30"));
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(badDate.body()).contains("id=\"upload-release-error\"", "value=\"2019-02-30\"");
    }

    @Test
    void only_counsel_sees_the_upload_link_and_opens_the_upload_pages() {
        for (String user : new String[] {"auditor", "admin"}) {
            FormSession session = FormSession.signIn(environment, user);
            assertThat(session.get("/imports").body()).as(user).doesNotContain("href=\"/imports/upload\"");
            assertThat(session.get("/imports/upload").statusCode()).as(user).isEqualTo(403);
            assertThat(session.get("/imports/uploads/x/progress").statusCode()).as(user).isEqualTo(403);
        }
        for (String user : new String[] {"officer", "supervisor", "director", "partner"}) {
            assertThat(FormSession.signIn(environment, user).get("/imports/upload").statusCode()).as(user)
                    .isEqualTo(403);
        }
        FormSession counsel = FormSession.signIn(environment, "attorney");
        assertThat(counsel.get("/imports").body()).contains("href=\"/imports/upload\"");
        assertThat(counsel.get("/imports/upload").body()).contains("enctype=\"multipart/form-data\"",
                "name=\"_csrf\"");
        assertThat(counsel.get("/imports/uploads/no-such-upload").statusCode()).isEqualTo(404);
    }
}
