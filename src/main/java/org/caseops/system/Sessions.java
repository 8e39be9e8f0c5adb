package org.caseops.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Browser sessions in PostgreSQL (Spring Session JDBC, V130; docs/deployment.md): any instance answers any request.
 *
 * <p>Spring Session reads and writes a session in a transaction of its own, {@code REQUIRES_NEW} by default: a second
 * pooled connection whenever the request already holds one ({@link RequestConnection}), which is the pattern that
 * stopped CaseOps at 16 clients (issue 12) and which {@link ConnectionNesting} refuses. Here its transactions join the
 * request's connection instead ({@code REQUIRED}): a session is read when the request's sign-in is checked and saved
 * when the request ends or its response is committed, which must not happen inside one of the application's
 * transactions: a response streamed from inside a read-only transaction commits its headers first (the audit export).
 */
@Configuration(proxyBeanMethods = false)
class Sessions {

    /**
     * The application's transactions, as Boot would make them: Boot backs off when any {@link TransactionOperations}
     * bean exists, which the one below is.
     */
    @Bean
    @Primary
    TransactionTemplate transactionTemplate(PlatformTransactionManager transactions) {
        return new TransactionTemplate(transactions);
    }

    /**
     * A session's attributes written with PostgreSQL's upsert. Spring Session inserts an attribute the session did not
     * have when the request read it; two requests of one session that both add it — the CSRF token, made by each of
     * the first pages with a form loaded at once after the sign-in — broke the table's primary key, and the second
     * answered 500. The later value is kept instead (SessionAttributesTest).
     */
    @Bean
    PostgreSqlJdbcIndexedSessionRepositoryCustomizer sessionAttributesUpserted() {
        return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
    }

    /** Spring Session's configuration takes the transactions named so ({@code JdbcHttpSessionConfiguration}). */
    @Bean
    TransactionOperations springSessionTransactionOperations(PlatformTransactionManager transactions) {
        return new TransactionTemplate(transactions);
    }
}
