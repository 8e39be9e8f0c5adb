package org.caseops.access;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.caseops.system.BadInput;
import org.caseops.system.Conflict;
import org.caseops.system.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The users of CaseOps: who they are, their role and field office, their password (hashed) and sign-in state. */
@Service
public class Users {

    /** Shortest password {@link #add} accepts. */
    public static final int MIN_PASSWORD = 12;
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final AuthProperties settings;

    Users(JdbcClient jdbc, PasswordEncoder passwords, AuthProperties settings) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.settings = settings;
    }

    /** A user as an administrator sees it; never the password hash. */
    public record User(String username, String displayName, Role role, String fieldOffice, Long partnerId,
            boolean enabled, Instant lockedUntil, Instant createdAt) {
    }

    /** What {@link #add} needs; {@code password} may be null for users who sign in only through OIDC. */
    public record NewUser(String username, String displayName, @NotNull Role role, String fieldOffice, Long partnerId,
            String password) {
    }

    /** What a sign-in checks. */
    record Credentials(String username, String passwordHash, boolean enabled, Instant lockedUntil, Role role) {
        boolean locked(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }
    }

    @Transactional
    public User add(NewUser user, String createdBy) {
        if (user.username() == null || !user.username().matches("[a-z0-9][a-z0-9._-]{1,63}")) {
            throw new BadInput("username", "a user name is 2-64 lower-case letters, digits, '.', '_' or '-'");
        }
        checkPlace(user.role(), user.fieldOffice(), user.partnerId());
        if (user.password() != null && user.password().length() < MIN_PASSWORD) {
            throw new BadInput("password", "a password has at least " + MIN_PASSWORD + " characters");
        }
        if (user.password() != null && tooLong(user.password())) {
            throw new BadInput("password", "a password has at most " + MAX_PASSWORD_BYTES + " bytes in UTF-8 "
                    + "(BCrypt reads no more)");
        }
        if (user.displayName() != null && user.displayName().length() > 200) {
            throw new BadInput("displayName", "a display name has at most 200 characters");
        }
        if (find(user.username()).isPresent()) {
            throw new Conflict("user " + user.username() + " exists");
        }
        jdbc.sql("""
                insert into app_user (username, display_name, password_hash, role, field_office_code, partner_id,
                                      created_by)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(user.username(), user.displayName(),
                        user.password() == null ? null : passwords.encode(user.password()), user.role().name(),
                        user.fieldOffice(), user.partnerId(), createdBy)
                .update();
        return find(user.username()).orElseThrow();
    }

    /** A role with its field office and partner agency: what {@link #add} and {@link #change} accept. */
    private void checkPlace(Role role, String fieldOffice, Long partnerId) {
        if (role == null) {
            throw new BadInput("role", "a role is required: one of " + EnumSet.allOf(Role.class));
        }
        if (role.officeScoped() && fieldOffice == null) {
            throw new BadInput("fieldOffice", role.withArticle() + " belongs to a field office");
        }
        if (fieldOffice != null && !jdbc.sql("select exists (select 1 from field_office where code = ?)")
                .param(fieldOffice).query(Boolean.class).single()) {
            throw new BadInput("fieldOffice", "no field office with code '" + fieldOffice + "'");
        }
        if ((role == Role.PARTNER) != (partnerId != null)) {
            throw new BadInput("partnerId", role == Role.PARTNER ? "a partner user belongs to a partner agency"
                    : "only a PARTNER user belongs to a partner agency");
        }
        if (partnerId != null && !jdbc.sql("select exists (select 1 from partner_agency where id = ?)")
                .param(partnerId).query(Boolean.class).single()) {
            throw new BadInput("partnerId", "no partner agency " + partnerId);
        }
    }

    /**
     * Gives a user another role, field office or partner agency. Counts from the user's next request on: every
     * request reads its user anew ({@link #actor}).
     */
    @Transactional
    public User change(String username, Role role, String fieldOffice, Long partnerId) {
        checkPlace(role, fieldOffice, partnerId);
        if (jdbc.sql("update app_user set role = ?, field_office_code = ?, partner_id = ? where username = ?")
                .params(role.name(), fieldOffice, partnerId, username).update() == 0) {
            throw new NotFound("no user " + username);
        }
        return find(username).orElseThrow();
    }

    private static final String USER_COLUMNS =
            "select username, display_name, role, field_office_code, partner_id, enabled, locked_until, created_at "
                    + "from app_user";

    public Optional<User> find(String username) {
        return jdbc.sql(USER_COLUMNS + " where username = ?").param(username).query(Users::user).optional();
    }

    /** The users of these names that exist, by name, in one query. */
    public java.util.Map<String, User> byName(java.util.Collection<String> usernames) {
        if (usernames.isEmpty()) {
            return java.util.Map.of();
        }
        return jdbc.sql(USER_COLUMNS + " where username = any (?::text[])")
                .param(usernames.toArray(String[]::new)).query(Users::user).list().stream()
                .collect(java.util.stream.Collectors.toMap(User::username, u -> u));
    }

    public List<User> list() {
        return jdbc.sql(USER_COLUMNS + " order by username").query(Users::user).list();
    }

    /** One page of users by user name: the API's one paging shape (docs/operations.md, "The HTTP API"). */
    public record UserPage(int page, int size, long total, List<User> items) {
    }

    /** Users by user name, one page ({@code page} from 0): the count and the page in one read-only transaction. */
    @Transactional(readOnly = true)
    public UserPage page(int page, int size) {
        long total = jdbc.sql("select count(*) from app_user").query(Long.class).single();
        List<User> items = jdbc.sql(USER_COLUMNS + " order by username limit ? offset ?")
                .params(size, (long) page * size).query(Users::user).list();
        return new UserPage(page, size, total, items);
    }

    private static User user(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new User(rs.getString(1), rs.getString(2), Role.valueOf(rs.getString(3)), rs.getString(4),
                (Long) rs.getObject(5), rs.getBoolean(6), instant(rs.getObject(7, OffsetDateTime.class)),
                instant(rs.getObject(8, OffsetDateTime.class)));
    }

    public boolean any() {
        return jdbc.sql("select exists (select 1 from app_user)").query(Boolean.class).single();
    }

    /** BCrypt reads at most this many bytes of a password; a longer one is refused rather than cut. */
    public static final int MAX_PASSWORD_BYTES = 72;

    /** Whether a password is longer than BCrypt reads. */
    public static boolean tooLong(String password) {
        return password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES;
    }

    /**
     * Locks the rows of the enabled administrators until the transaction ends and counts those other than
     * {@code username}: two administrators disabling or demoting each other at once are serialized here, so the
     * second sees the first's change and CaseOps always keeps one.
     */
    @Transactional
    public int otherEnabledAdmins(String username) {
        return (int) jdbc.sql("select username from app_user where role = 'ADMIN' and enabled order by username "
                + "for update").query(String.class).list().stream().filter(u -> !u.equals(username)).count();
    }

    /** Turns a user off: their sessions and tokens stop working on their next request. */
    @Transactional
    public User setEnabled(String username, boolean enabled) {
        if (jdbc.sql("update app_user set enabled = ? where username = ?").params(enabled, username).update() == 0) {
            throw new NotFound("no user " + username);
        }
        return find(username).orElseThrow();
    }

    /**
     * The columns of an actor ({@link #actor(java.sql.ResultSet)}), from {@code app_user u}: the user, and a partner's
     * grants from its agency's agreements in force now (two arrays, office and scope, one element per grant), so
     * that the user and the grants are one query and one snapshot (issue 12).
     */
    static final String ACTOR_COLUMNS = """
            u.id, u.username, u.role, u.field_office_code, u.partner_id, u.enabled,
            array(select a.field_office_code from sharing_agreement a cross join lateral unnest(a.scopes) s
                  where a.partner_id = u.partner_id and a.revoked_at is null and a.effective_from <= current_date
                    and (a.expires_on is null or a.expires_on >= current_date) order by a.id, s) as grant_offices,
            array(select s from sharing_agreement a cross join lateral unnest(a.scopes) s
                  where a.partner_id = u.partner_id and a.revoked_at is null and a.effective_from <= current_date
                    and (a.expires_on is null or a.expires_on >= current_date) order by a.id, s) as grant_scopes""";

    /** The actor for a request: the enabled user with the grants of its agency's agreements in force now. */
    public Optional<Actor> actor(String username) {
        return jdbc.sql("select " + ACTOR_COLUMNS + " from app_user u where u.username = ? and u.enabled")
                .param(username).query((rs, n) -> actor(rs)).optional();
    }

    /** The actor of a row with {@link #ACTOR_COLUMNS}. */
    static Actor actor(java.sql.ResultSet rs) throws java.sql.SQLException {
        Long partnerId = (Long) rs.getObject("partner_id");
        Map<String, Set<PartnerScope>> grants = new HashMap<>();
        if (partnerId != null) {
            String[] offices = (String[]) rs.getArray("grant_offices").getArray();
            String[] scopes = (String[]) rs.getArray("grant_scopes").getArray();
            for (int i = 0; i < offices.length; i++) {
                grants.computeIfAbsent(offices[i], k -> EnumSet.noneOf(PartnerScope.class))
                        .add(PartnerScope.valueOf(scopes[i]));
            }
        }
        return new Actor(rs.getLong("id"), rs.getString("username"), Role.valueOf(rs.getString("role")),
                rs.getString("field_office_code"), partnerId, grants);
    }

    Optional<Credentials> credentials(String username) {
        return jdbc.sql("select username, password_hash, enabled, locked_until, role from app_user where username = ?")
                .param(username).query((rs, n) -> new Credentials(rs.getString(1), rs.getString(2),
                        rs.getBoolean(3), instant(rs.getObject(4, OffsetDateTime.class)),
                        Role.valueOf(rs.getString(5)))).optional();
    }

    /**
     * Counts a wrong password; at {@code maxFailedLogins} in a row, refuses sign-in for {@code lockDuration}. In its
     * own transaction, so that the count survives the failed sign-in.
     *
     * @return whether this failure locked the account
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean loginFailed(String username) {
        return jdbc.sql("""
                update app_user set failed_logins = case when failed_logins + 1 >= ? then 0 else failed_logins + 1 end,
                                    locked_until = case when failed_logins + 1 >= ? then now() + ? * interval '1 second'
                                                        else locked_until end
                where username = ?
                returning locked_until is not null and locked_until > now()""")
                .params(settings.maxFailedLogins(), settings.maxFailedLogins(), settings.lockDuration().toSeconds(),
                        username)
                .query(Boolean.class).optional().orElse(false);
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void loginSucceeded(String username) {
        jdbc.sql("update app_user set failed_logins = 0, locked_until = null where username = ? and failed_logins > 0")
                .param(username).update();
    }

    /** A random password of {@code length} letters and digits that cannot be misread (no 0/O, 1/l/I). */
    public static String randomPassword(int length) {
        String alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
