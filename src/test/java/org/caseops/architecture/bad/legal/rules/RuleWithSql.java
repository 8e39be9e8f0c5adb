package org.caseops.architecture.bad.legal.rules;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Violates the pure legal core: a rule that reads the database. */
public class RuleWithSql {
    JdbcClient jdbc;
}
