package org.caseops.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Database;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.web.servlet.ModelAndView;

/**
 * A transaction that loses to a concurrent one — PostgreSQL stops one of two transactions that wait for each other
 * (deadlock, SQL state 40P01) — is a 409 problem detail saying nothing was saved and to try again, never a 500; a page
 * gets the problem page with 409. The deadlock is a real one (two sessions taking two advisory locks in opposite
 * order), the exception the one Spring's translator makes of it; it is handed to the handlers the requests use.
 */
@CaseOpsTest
class ConcurrentChangeProblemTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApiExceptionHandler api;
    @Autowired
    PageProblems pages;

    @Test
    void a_deadlock_is_a_409_problem_detail_for_the_api_and_a_409_page() throws Exception {
        DataAccessException lost = deadlock();

        ResponseEntity<ProblemDetail> answer = api.busy(lost);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(answer.getBody().getTitle()).isEqualTo("Conflict with a concurrent change");
        assertThat(answer.getBody().getDetail()).contains("nothing this request was changing was saved")
                .contains("try again");

        ModelAndView page = pages.busy(lost, new org.springframework.mock.web.MockHttpServletResponse());
        assertThat(page.getStatus()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(page.getModel().get("title")).isEqualTo("Conflict with a concurrent change");
    }

    /** Two sessions, each holding one advisory lock and asking for the other's: PostgreSQL stops one (40P01). */
    private DataAccessException deadlock() throws Exception {
        try (Database.Owner a = Database.owner(jdbc); Database.Owner b = Database.owner(jdbc)) {
            JdbcTemplate first = template(a);
            JdbcTemplate second = template(b);
            first.execute("begin");
            second.execute("begin");
            first.queryForObject("select pg_advisory_xact_lock(915001)::text", String.class);
            second.queryForObject("select pg_advisory_xact_lock(915002)::text", String.class);
            CompletableFuture<DataAccessException> waiting = CompletableFuture.supplyAsync(
                    () -> attempt(second, 915001));
            Thread.sleep(200);
            DataAccessException other = attempt(first, 915002);
            DataAccessException lost = other != null ? other : waiting.get(30, TimeUnit.SECONDS);
            if (other != null) {
                waiting.get(30, TimeUnit.SECONDS);
            }
            first.execute("rollback");
            second.execute("rollback");
            assertThat(lost).as("PostgreSQL stops one of the two").isNotNull();
            assertThat(LongOperationBusy.lostToAConcurrentChange(lost)).as(lost.toString()).isTrue();
            return lost;
        }
    }

    private static DataAccessException attempt(JdbcTemplate session, long key) {
        try {
            session.queryForObject("select pg_advisory_xact_lock(" + key + ")::text", String.class);
            return null;
        } catch (DataAccessException e) {
            return e;
        }
    }

    private static JdbcTemplate template(Database.Owner owner) throws Exception {
        Connection c = owner.jdbc().sql("select 1").query((rs, n) -> rs.getStatement().getConnection()).single();
        return new JdbcTemplate(new SingleConnectionDataSource(c, true));
    }
}
