package org.caseops.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.caseops.fixtures.Api;
import org.caseops.fixtures.CaseOpsTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The demo users at a start (issue 12, goal 6; issue 14): a restart with the same password adds and hashes nothing;
 * a demo user whose password is another gets the demo password again.
 */
@CaseOpsTest
class DemoAccessTest {

    @Autowired
    DemoAccess demo;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Test
    void a_restart_with_the_same_password_adds_and_hashes_nothing() {
        demo.run(new DefaultApplicationArguments());
        String hashes = jdbc.sql("select string_agg(password_hash, ',' order by username) from app_user "
                + "where created_by = 'demo'").query(String.class).single();

        demo.run(new DefaultApplicationArguments());

        assertThat(demo.outcome().added()).isEmpty();
        assertThat(demo.outcome().reset()).isEmpty();
        assertThat(demo.outcome().unchanged()).hasSize(8);
        assertThat(jdbc.sql("select string_agg(password_hash, ',' order by username) from app_user "
                + "where created_by = 'demo'").query(String.class).single()).as("no new hash").isEqualTo(hashes);
    }

    @Test
    void a_demo_user_with_another_password_gets_the_demo_password_again() {
        jdbc.sql("update app_user set password_hash = ? where username = 'auditor'")
                .param(encoder.encode("another-password-2019")).update();

        demo.run(new DefaultApplicationArguments());

        assertThat(demo.outcome().reset()).containsExactly("auditor");
        assertThat(demo.outcome().unchanged()).hasSize(7);
        assertThat(encoder.matches(Api.PASSWORD, jdbc.sql("select password_hash from app_user where username = "
                + "'auditor'").query(String.class).single())).isTrue();
    }
}
