package org.caseops.system;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.flyway.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * PostgreSQL only: an external server when {@code CASEOPS_DB_URL} is set, otherwise the embedded one.
 * Either way behind a Hikari pool.
 *
 * <p>Two roles (docs/adr/005-application-database-role.md): the pool's connections run as {@value #APP_ROLE}, which
 * may read and write data but only append to the audit trail; Flyway migrates through its own connection as the
 * login user, the owner of the schema.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfig {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfig.class);

    /** The application's database role, created by migration V11 (or by the DBA on an external server). */
    static final String APP_ROLE = "caseops_app";

    /** The embedded server, or {@code null}-equivalent holder when an external URL is configured. */
    @Bean(destroyMethod = "close")
    DatabaseServer databaseServer(CaseOpsProperties properties) {
        if (properties.db().external()) {
            log.info("Using PostgreSQL at {}", properties.db().url());
            return new DatabaseServer(null, properties.db().url(), properties.db().user(), properties.db().password());
        }
        EmbeddedPostgresServer server = properties.embedded().ephemeral()
                ? EmbeddedPostgresServer.ephemeral()
                : EmbeddedPostgresServer.startOrJoin(properties.home(), properties.embedded().port());
        return new DatabaseServer(server, server.jdbcUrl(), "postgres", null);
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(DatabaseServer server, CaseOpsProperties properties) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server.jdbcUrl());
        config.setUsername(server.user());
        config.setPassword(server.password());
        config.setMaximumPoolSize(properties.db().pool());
        config.setConnectionTimeout(properties.db().timeout().toMillis());
        config.setPoolName("caseops");
        config.setConnectionInitSql("set role " + APP_ROLE);
        // Started on first use, not here: on a fresh database the role exists only once Flyway (which asks for
        // this bean while building itself) has run V11 through the owner's connection.
        HikariDataSource pool = new HikariDataSource();
        config.copyStateTo(pool);
        return pool;
    }

    /**
     * The owner's connection, for Flyway only: migrations create tables, triggers and the application role, which
     * the application role itself may not. Not a default candidate, so nothing else gets it by type.
     */
    @Bean(defaultCandidate = false)
    @FlywayDataSource
    DataSource ownerDataSource(DatabaseServer server) {
        return new SimpleDriverDataSource(new org.postgresql.Driver(), server.jdbcUrl(), server.user(),
                server.password());
    }

    /** Where the database is; owns the embedded server's life when there is one. */
    record DatabaseServer(EmbeddedPostgresServer embedded, String jdbcUrl, String user, String password)
            implements AutoCloseable {
        @Override
        public void close() {
            if (embedded != null) {
                embedded.close();
            }
        }
    }
}
