package org.caseops.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.caseops.system.BadInput;
import org.caseops.system.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bearer tokens: personal access tokens an administrator creates, and short-lived session tokens from
 * {@code POST /api/auth/token}. A token is {@value #PREFIX} and 43 random URL-safe characters (256 bits); only its
 * SHA-256 is stored, so a copy of the database holds no usable token.
 */
@Service
public class Tokens {

    /** Every CaseOps token starts so; anything else offered as a bearer token is taken for an OIDC JWT. */
    public static final String PREFIX = "cop_";

    public enum Kind { PERSONAL, SESSION }

    /** A token as shown once at creation: the secret itself is only here. */
    public record Issued(long id, String token, Kind kind, String name, Instant expiresAt) {
    }

    /** A token as listed: never the secret. */
    public record Listed(long id, String username, Kind kind, String name, Instant createdAt, Instant expiresAt,
            Instant revokedAt, Instant lastUsedAt) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private final JdbcClient jdbc;

    Tokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public Issued issue(String username, Kind kind, String name, Duration lifetime) {
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(Duration.ofDays(366)) > 0) {
            throw new BadInput("days", "a token lives between 1 second and 366 days");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant expires = Instant.now().plus(lifetime);
        Long id = jdbc.sql("""
                insert into access_token (user_id, kind, name, token_hash, expires_at)
                select id, ?, ?, ?, ? from app_user where username = ? and enabled
                returning id""")
                .params(kind.name(), name, hash(token), OffsetDateTime.ofInstant(expires, java.time.ZoneOffset.UTC),
                        username)
                .query(Long.class).optional().orElseThrow(() -> new NotFound("no enabled user " + username));
        return new Issued(id, token, kind, name, expires);
    }

    /** How fresh a token's {@code last_used_at} is kept: it is written at most once in this span. */
    static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    /** What a bearer token stands for: its user as this request's actor, and whether that user is enabled. */
    record Bearer(Actor actor, boolean enabled) {
    }

    /**
     * The user a token stands for, as an actor (role, field office, a partner's grants in force now), if the token is
     * known, unrevoked and unexpired: one query, so that a request's sign-in is one statement on the request's one
     * connection (issue 12), read afresh on every request — a revoked token, a disabled user or a changed role counts
     * from the next request on. Notes when the token was last used, to the minute: the row is updated only when its
     * {@code last_used_at} is older than {@link #LAST_USED_RESOLUTION}, so that concurrent requests with one token do
     * not queue behind one another's row lock and commit (issue 12), and most requests write nothing.
     */
    Optional<Bearer> bearer(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        return jdbc.sql("""
                with valid as (
                    select t.id as token_id, t.user_id from access_token t
                    where t.token_hash = ? and t.revoked_at is null and t.expires_at > now()),
                touched as (
                    update access_token a set last_used_at = now() from valid
                    where a.id = valid.token_id and (a.last_used_at is null or a.last_used_at < now() - ?::interval))
                select\s""" + Users.ACTOR_COLUMNS + " from valid join app_user u on u.id = valid.user_id")
                .params(hash(token), LAST_USED_RESOLUTION.toSeconds() + " seconds")
                .query((rs, n) -> new Bearer(Users.actor(rs), rs.getBoolean("enabled"))).optional();
    }

    public List<Listed> of(String username) {
        return jdbc.sql("""
                select t.id, u.username, t.kind, t.name, t.created_at, t.expires_at, t.revoked_at, t.last_used_at
                from access_token t join app_user u on u.id = t.user_id where u.username = ? order by t.id""")
                .param(username).query((rs, n) -> new Listed(rs.getLong(1), rs.getString(2),
                        Kind.valueOf(rs.getString(3)), rs.getString(4),
                        Users.instant(rs.getObject(5, OffsetDateTime.class)),
                        Users.instant(rs.getObject(6, OffsetDateTime.class)),
                        Users.instant(rs.getObject(7, OffsetDateTime.class)),
                        Users.instant(rs.getObject(8, OffsetDateTime.class)))).list();
    }

    /**
     * Every user's tokens, newest first, at most {@code limit}: only those still usable (neither revoked nor
     * expired) when {@code usableOnly}. Never the secrets.
     */
    public List<Listed> all(boolean usableOnly, int limit) {
        return jdbc.sql("""
                select t.id, u.username, t.kind, t.name, t.created_at, t.expires_at, t.revoked_at, t.last_used_at
                from access_token t join app_user u on u.id = t.user_id
                where not ? or (t.revoked_at is null and t.expires_at > now())
                order by t.id desc limit ?""")
                .params(usableOnly, limit).query((rs, n) -> new Listed(rs.getLong(1), rs.getString(2),
                        Kind.valueOf(rs.getString(3)), rs.getString(4),
                        Users.instant(rs.getObject(5, OffsetDateTime.class)),
                        Users.instant(rs.getObject(6, OffsetDateTime.class)),
                        Users.instant(rs.getObject(7, OffsetDateTime.class)),
                        Users.instant(rs.getObject(8, OffsetDateTime.class)))).list();
    }

    @Transactional
    public void revoke(long id) {
        if (jdbc.sql("update access_token set revoked_at = now() where id = ? and revoked_at is null").param(id)
                .update() == 0) {
            java.time.OffsetDateTime revokedAt = jdbc.sql("select revoked_at from access_token where id = ?")
                    .param(id).query(java.time.OffsetDateTime.class).optional()
                    .orElseThrow(() -> new NotFound("no token " + id));
            throw new org.caseops.system.Conflict("token " + id + " is already revoked, since "
                    + java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
                    .format(revokedAt.atZoneSameInstant(java.time.ZoneOffset.UTC)));
        }
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
