package org.caseops.system;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * PostgreSQL only: an external server when {@code CASEOPS_DB_URL} is set, otherwise the embedded one.
 * Either way behind a Hikari pool.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfig {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfig.class);

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
        config.setPoolName("caseops");
        return new HikariDataSource(config);
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
