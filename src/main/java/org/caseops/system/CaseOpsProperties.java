package org.caseops.system;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where CaseOps keeps its data and which database it uses.
 *
 * @param home      folder for the embedded database and run files ({@code CASEOPS_HOME}, default {@code ~/.caseops})
 * @param db        an external PostgreSQL server; when {@code url} is blank the embedded one is used
 * @param embedded  settings of the embedded PostgreSQL
 */
@ConfigurationProperties(prefix = "caseops")
public record CaseOpsProperties(Path home, Db db, Embedded embedded) {

    public CaseOpsProperties {
        if (home == null) {
            home = Path.of(System.getProperty("user.home"), ".caseops");
        }
        if (db == null) {
            db = new Db(null, null, null, null, null, 10, null, null, null, null, null, null);
        }
        if (embedded == null) {
            embedded = new Embedded(false, 0);
        }
    }

    /**
     * {@code CASEOPS_DB_URL}; {@code CASEOPS_DB_USER}, {@code CASEOPS_DB_PASSWORD}: the schema's owner, for migrations;
     * {@code CASEOPS_DB_APP_USER} (default {@value DatabaseLogins#APP_ROLE}), {@code CASEOPS_DB_APP_PASSWORD}: the
     * application's own login role, for the pool. The pool's size ({@code CASEOPS_DB_POOL_SIZE}, default 10) and how
     * long a request waits for a free connection before it fails ({@code CASEOPS_DB_CONNECTION_TIMEOUT}, default 30 s).
     * See docs/operations.md, "Connection pool".
     *
     * <p>A read replica (docs/operations.md "Read replicas", ADR 013): {@code CASEOPS_DB_REPLICA_URL}, signed in to
     * as the application's login (a physical replica has the primary's roles); the most it may lag behind the primary
     * before reads go back to the primary ({@code CASEOPS_DB_REPLICA_MAX_LAG}, default 5 s), its pool's size
     * ({@code CASEOPS_DB_REPLICA_POOL_SIZE}, default the primary's) and how often its lag is measured
     * ({@code CASEOPS_DB_REPLICA_CHECK_INTERVAL}, default 1 s). Without a URL everything runs on the primary.
     *
     * <p>How long a web request waits for a lock before it gives up ({@code CASEOPS_DB_REQUEST_LOCK_TIMEOUT}, default
     * 5 s; 0: as long as it takes): a request beside a long operation that holds the docket's tables (a large first
     * import) is answered 503 instead of holding a pooled connection until that operation ends (docs/operations.md,
     * "Connection pool"; {@link RequestConnection}).
     */
    public record Db(String url, String user, String password, String appUser, String appPassword,
            Integer poolSize, java.time.Duration connectionTimeout, String replicaUrl,
            java.time.Duration replicaMaxLag, Integer replicaPoolSize, java.time.Duration replicaCheckInterval,
            java.time.Duration requestLockTimeout) {
        public Db {
            if (appUser == null || appUser.isBlank()) {
                appUser = DatabaseLogins.APP_ROLE;
            }
        }

        public boolean external() {
            return url != null && !url.isBlank();
        }

        public int pool() {
            return poolSize == null || poolSize < 1 ? 10 : poolSize;
        }

        public boolean replica() {
            return replicaUrl != null && !replicaUrl.isBlank();
        }

        /** The replica's lag bound: 5 s unless set (at least 100 ms). */
        public java.time.Duration replicaLagBound() {
            return replicaMaxLag == null || replicaMaxLag.toMillis() < 100 ? java.time.Duration.ofSeconds(5)
                    : replicaMaxLag;
        }

        public int replicaPool() {
            return replicaPoolSize == null || replicaPoolSize < 1 ? pool() : replicaPoolSize;
        }

        /** How often the replica's lag is measured: 1 s unless set (at least 50 ms). */
        public java.time.Duration replicaInterval() {
            return replicaCheckInterval == null || replicaCheckInterval.toMillis() < 50
                    ? java.time.Duration.ofSeconds(1) : replicaCheckInterval;
        }

        /** A web request's lock timeout: 5 s unless set; zero (or less): none, a request waits as long as it takes. */
        public java.time.Duration requestLockWait() {
            if (requestLockTimeout == null) {
                return java.time.Duration.ofSeconds(5);
            }
            return requestLockTimeout.isNegative() ? java.time.Duration.ZERO : requestLockTimeout;
        }

        /** At least 250 ms (Hikari's floor). */
        public java.time.Duration timeout() {
            return connectionTimeout == null || connectionTimeout.toMillis() < 250 ? java.time.Duration.ofSeconds(30)
                    : connectionTimeout;
        }
    }

    /**
     * @param ephemeral a throw-away data directory deleted at exit (tests); otherwise {@code home/pgdata} persists
     * @param port      fixed port, or 0 for a free one
     */
    public record Embedded(boolean ephemeral, int port) {
    }
}
