package org.caseops.system;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * PostgreSQL only: an external server when {@code CASEOPS_DB_URL} is set, otherwise the embedded one.
 * Either way behind a Hikari pool.
 *
 * <p>Two sign-ins (docs/adr/005-application-database-role.md): the pool signs in as the application's own login role
 * ({@value DatabaseLogins#APP_ROLE}), which owns nothing, may read and write data and only append to history, and
 * cannot become anyone else; Flyway migrates through its own connection as the owner of the schema, with its own
 * password.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfig {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfig.class);

    /**
     * Run on every pooled connection: refuses to work when the pool's login is a superuser or owns a table, view or
     * sequence — that is, when it has been given the owner's credentials by mistake.
     */
    static final String NOT_THE_OWNER = """
            do $$
            begin
                if (select rolsuper from pg_roles where rolname = session_user)
                   or exists (select 1 from pg_class c join pg_namespace n on n.oid = c.relnamespace
                              where c.relowner = (select oid from pg_roles where rolname = session_user)
                                and n.nspname = 'public') then
                    raise exception 'CaseOps: the application''s database login % is a superuser or owns the schema; '
                        'give the pool its own role (docs/operations.md)', session_user;
                end if;
            end
            $$""";

    /** The embedded server, or {@code null}-equivalent holder when an external URL is configured. */
    @Bean(destroyMethod = "close")
    DatabaseServer databaseServer(CaseOpsProperties properties,
            @Qualifier(EarlyDatabase.BEAN) ObjectProvider<EarlyDatabase> early) {
        CaseOpsProperties.Db db = properties.db();
        if (db.external()) {
            log.info("Using PostgreSQL at {}: migrations as {}, the application as {}", db.url(), db.user(),
                    db.appUser());
            if (db.appPassword() == null || db.appPassword().isBlank()) {
                throw new IllegalStateException("CASEOPS_DB_URL is set but CASEOPS_DB_APP_PASSWORD is not: the "
                        + "application signs in with its own role (" + db.appUser() + "), not as the owner "
                        + db.user() + " (docs/operations.md)");
            }
            return new DatabaseServer(null, db.url(), new DatabaseLogins(
                    new DatabaseLogins.Login(db.user(), db.password()),
                    new DatabaseLogins.Login(db.appUser(), db.appPassword())));
        }
        CaseOpsProperties.Embedded embedded = properties.embedded();
        // started while the context started (EarlyDatabase), unless that was switched off or for other settings
        EarlyDatabase started = early.getIfAvailable();
        EmbeddedPostgresServer server = started == null ? null
                : started.take(new EarlyDatabase.Settings(properties.home(), embedded.ephemeral(), embedded.port()));
        if (server == null) {
            server = embedded.ephemeral()
                    ? EmbeddedPostgresServer.ephemeral()
                    : EmbeddedPostgresServer.startOrJoin(properties.home(), embedded.port());
        }
        return new DatabaseServer(server, server.jdbcUrl(), server.logins());
    }

    /**
     * The read replica, when {@code caseops.db.replica-url} is set (ADR 013): its own pool, signed in to as the
     * application's login, read-only, and quick to give up (1 s) so that a replica gone away sends requests back to
     * the primary instead of making them wait; otherwise nothing, and the application's pool is the primary's alone.
     */
    @Bean(destroyMethod = "close")
    ReplicaRouting replicaRouting(DatabaseServer server, CaseOpsProperties properties) {
        CaseOpsProperties.Db db = properties.db();
        if (!db.replica()) {
            return ReplicaRouting.none();
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(db.replicaUrl());
        config.setUsername(server.logins().app().user());
        config.setPassword(server.logins().app().password());
        config.setMaximumPoolSize(db.replicaPool());
        config.setConnectionTimeout(Math.min(1000, db.timeout().toMillis()));
        config.setValidationTimeout(500);
        config.setInitializationFailTimeout(-1);
        config.setReadOnly(true);
        config.setPoolName("caseops-replica");
        config.setConnectionInitSql(NOT_THE_OWNER);
        HikariDataSource pool = new HikariDataSource();
        config.copyStateTo(pool);
        log.info("Read replica at {}: read-only work of the requests marked for it runs there while it lags at most "
                + "{} behind the primary", db.replicaUrl(), db.replicaLagBound());
        return ReplicaRouting.to(pool, db.replicaLagBound(), db.replicaInterval());
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(DatabaseServer server, CaseOpsProperties properties, ReplicaRouting replicas) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server.jdbcUrl());
        config.setUsername(server.logins().app().user());
        config.setPassword(server.logins().app().password());
        config.setMaximumPoolSize(properties.db().pool());
        config.setConnectionTimeout(properties.db().timeout().toMillis());
        config.setPoolName("caseops");
        config.setConnectionInitSql(NOT_THE_OWNER);
        // Started on first use, not here: Flyway asks for this bean while building itself, before it migrates.
        HikariDataSource pool = new HikariDataSource();
        config.copyStateTo(pool);
        return replicas.route(pool);
    }

    /**
     * The owner's connection, for the migrations only: migrations create tables, triggers and grants, which the application
     * role itself may not. Not a default candidate, so nothing else gets it by type.
     */
    @Bean(defaultCandidate = false)
    DataSource ownerDataSource(DatabaseServer server) {
        return new SimpleDriverDataSource(new org.postgresql.Driver(), server.jdbcUrl(),
                server.logins().owner().user(), server.logins().owner().password());
    }

    /**
     * The migrations, as the schema's owner, when the context starts: by Flyway only when the migration files or the
     * schema history changed since it last ran (V85).
     */
    @Bean
    DatabaseMigrations databaseMigrations(@Qualifier("ownerDataSource") DataSource owner, Environment environment,
            ResourceLoader resources) {
        List<String> locations = List.of(environment.getProperty("spring.flyway.locations", String[].class,
                new String[] {"classpath:db/migration"}));
        boolean outOfOrder = environment.getProperty("spring.flyway.out-of-order", Boolean.class, false);
        return new DatabaseMigrations(owner, locations, outOfOrder, resources.getClassLoader());
    }

    /** Where the database is and who signs in; owns the embedded server's life when there is one. */
    record DatabaseServer(EmbeddedPostgresServer embedded, String jdbcUrl, DatabaseLogins logins)
            implements AutoCloseable {
        @Override
        public void close() {
            if (embedded != null) {
                embedded.close();
            }
        }
    }
}
