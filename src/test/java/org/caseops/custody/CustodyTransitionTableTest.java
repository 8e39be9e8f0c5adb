package org.caseops.custody;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.caseops.fixtures.CaseOpsTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The database's transition table (V36), which its trigger checks every custody move against, is CustodyState's. */
@CaseOpsTest
class CustodyTransitionTableTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void the_database_allows_exactly_the_moves_of_the_java_table_for_every_pair_of_states() {
        Set<String> database = new HashSet<>(jdbc.sql("select from_state || '>' || to_state from custody_transition")
                .query(String.class).list());
        Set<String> java = new HashSet<>();
        for (CustodyState from : CustodyState.values()) {
            for (CustodyState to : EnumSet.allOf(CustodyState.class)) {
                if (from.allows(to)) {
                    java.add(from + ">" + to);
                }
            }
        }
        assertThat(database).isEqualTo(java);
    }
}
