package org.caseops.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import javax.sql.DataSource;
import org.caseops.fixtures.CaseOpsTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The guard against a thread holding one pooled connection while it asks for another (issue 12): in the tests it
 * refuses the second connection, so that such a code path fails the first test that runs it instead of exhausting
 * the pool under load.
 */
@CaseOpsTest
class ConnectionNestingTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;

    @Test
    void a_second_connection_while_one_is_held_is_refused_and_one_after_the_other_is_fine() throws Exception {
        int before = ConnectionNesting.violations().size();
        try (Connection first = dataSource.getConnection()) {
            assertThat(ConnectionNesting.heldByThisThread()).isEqualTo(1);
            assertThatThrownBy(dataSource::getConnection).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("while it holds 1");
        }
        assertThat(ConnectionNesting.heldByThisThread()).isZero();
        try (Connection again = dataSource.getConnection()) {
            assertThat(again.isValid(1)).isTrue();
        }
        assertThat(ConnectionNesting.violations()).hasSize(before + 1);
    }

    @Test
    void a_query_inside_a_row_mapper_fails_loudly() {
        assertThatThrownBy(() -> jdbc.sql("select 1").query((rs, n) ->
                jdbc.sql("select 2").query(Integer.class).single()).single())
                .isInstanceOf(CannotGetJdbcConnectionException.class)
                .hasRootCauseInstanceOf(IllegalStateException.class);
        assertThat(ConnectionNesting.heldByThisThread()).isZero();
    }

    @Test
    void the_pool_is_unwrapped_for_the_driver_and_the_metrics() throws Exception {
        assertThat(dataSource.isWrapperFor(com.zaxxer.hikari.HikariDataSource.class)).isTrue();
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.unwrap(org.postgresql.PGConnection.class)).isNotNull();
        }
    }
}
