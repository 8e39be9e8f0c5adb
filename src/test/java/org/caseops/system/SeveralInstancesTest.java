package org.caseops.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.caseops.cli.Main;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.ChildJvm;
import org.caseops.fixtures.Database;
import org.caseops.fixtures.FormSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two CaseOps instances on one database, as behind a load balancer (issue 19, docs/deployment.md): this test's
 * application and a {@code caseops serve} in its own JVM given the same database as an external one. A browser's
 * session made on one is answered by the other, because sessions live in PostgreSQL (Spring Session JDBC, V130).
 */
@CaseOpsTest
class SeveralInstancesTest {

    @Autowired
    Environment environment;
    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path home;

    @Test
    void a_session_signed_in_on_one_instance_is_answered_by_the_other_and_signing_out_there_ends_it_here()
            throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Map<String, String> env = new HashMap<>(Database.environment(jdbc));
        env.put("CASEOPS_HOME", home.toString());
        try (ChildJvm other = ChildJvm.start(Main.class, env, "serve", "--port", String.valueOf(port))) {
            FormSession here = FormSession.signIn(environment, "supervisor");
            FormSession there = here.on("http://localhost:" + port);
            String session = new String(Base64.getDecoder().decode(here.cookie("JSESSIONID").orElseThrow()),
                    StandardCharsets.US_ASCII);
            assertThat(sessions(session)).as("the session is stored in the database").isEqualTo(1);
            other.awaitLine("Started Main", Duration.ofSeconds(180));

            HttpResponse<String> page = there.get("/");
            assertThat(page.statusCode()).as("the other instance's answer: %s", page.headers().map()).isEqualTo(200);
            assertThat(page.body()).contains("<span id=\"signed-in-as\">supervisor</span>");

            // a form sent there with the CSRF token of a page here (the token lives in the session), and what it
            // changed in the session (the working date) seen here
            String csrf = here.csrfToken("/");
            HttpResponse<String> set = there.postForm("/working-date", csrf, Map.of("asOf", "2019-06-24",
                    "back", "/"));
            assertThat(set.statusCode()).as(set.body()).isEqualTo(302);
            assertThat(here.get("/").body()).contains("value=\"2019-06-24\"");

            HttpResponse<String> out = there.postForm("/logout", csrf, Map.of());
            assertThat(out.statusCode()).isEqualTo(302);
            assertThat(sessions(session)).as("signed out on the other instance: the session is gone").isZero();
            HttpResponse<String> after = here.get("/");
            assertThat(after.statusCode()).isEqualTo(302);
            assertThat(after.headers().firstValue("Location").orElse("")).contains("/login");
            other.stop();
        }
    }

    private long sessions(String id) {
        return jdbc.sql("select count(*) from spring_session where session_id = ?").param(id).query(Long.class)
                .single();
    }
}
