package org.caseops.architecture.bad.notice;

import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RestController;

/** Violates the controller rule: runs SQL itself instead of calling a service (no mapping: never reachable). */
@RestController
class ControllerWithSql {

    private JdbcClient jdbc;
    private DataSource dataSource;

    long count() {
        return jdbc.sql("select 1").query(Long.class).single();
    }
}
