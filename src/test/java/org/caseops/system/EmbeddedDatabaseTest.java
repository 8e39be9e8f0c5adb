package org.caseops.system;

import org.caseops.fixtures.CaseOpsTest;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@CaseOpsTest
class EmbeddedDatabaseTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void runs_on_postgresql_17_with_the_schema_migrated() {
        String version = jdbc.sql("show server_version").query(String.class).single();
        assertThat(version).startsWith("17.");
        Integer tables = jdbc.sql("select count(*) from information_schema.tables where table_name in "
                + "('eoir_case','proceeding','person','case_event','quarantine')").query(Integer.class).single();
        assertThat(tables).isEqualTo(5);
    }
}
