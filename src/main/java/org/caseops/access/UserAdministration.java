package org.caseops.access;

import java.time.Duration;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The use cases of users and their tokens, each one transaction that makes the change and writes its audit entry:
 * an administrator adds, disables and enables users and revokes tokens; any user issues a personal token for
 * themselves (a token acts, and is audited, as its user, so nobody makes one for someone else).
 */
@Service
public class UserAdministration {

    private final Users users;
    private final Tokens tokens;
    private final AuthProperties settings;
    private final Access access;

    UserAdministration(Users users, Tokens tokens, AuthProperties settings, Access access) {
        this.users = users;
        this.tokens = tokens;
        this.settings = settings;
        this.access = access;
    }

    @Transactional
    public Users.User add(Users.NewUser request) {
        Users.User user = users.add(request, access.actor().username());
        access.audit("USER_ADDED", new Access.Subject("USER", user.username(), user.fieldOffice()),
                "role " + user.role());
        return user;
    }

    /** Disables or enables a user: a disabled user's sessions and tokens are refused from their next request on. */
    @Transactional
    public Users.User setEnabled(String username, boolean enabled) {
        if (!enabled) {
            Actor actor = access.actor();
            if (actor != null && username.equals(actor.username())) {
                throw new org.caseops.system.Conflict("administrators do not disable themselves; another "
                        + "administrator does");
            }
            keepAnAdministrator(username, "disabled");
        }
        Users.User user = users.setEnabled(username, enabled);
        access.audit(enabled ? "USER_ENABLED" : "USER_DISABLED",
                new Access.Subject("USER", username, user.fieldOffice()), null);
        return user;
    }

    /**
     * Gives a user another role, field office or partner agency, from their next request on. Administrators do not
     * change their own place (a slip would lock the last administrator out).
     */
    @Transactional
    public Users.User change(String username, Role role, String fieldOffice, Long partnerId) {
        if (username.equals(access.actor().username())) {
            throw new org.caseops.system.Conflict("administrators do not change their own role or field office; "
                    + "another administrator does");
        }
        Users.User before = users.find(username).orElseThrow(() -> new org.caseops.system.NotFound("no user "
                + username));
        if (before.role() == Role.ADMIN && role != Role.ADMIN) {
            keepAnAdministrator(username, "given another role");
        }
        Users.User after = users.change(username, role, fieldOffice, partnerId);
        access.audit("USER_CHANGED", new Access.Subject("USER", username, after.fieldOffice()),
                "role " + before.role() + " -> " + after.role() + ", field office " + before.fieldOffice() + " -> "
                        + after.fieldOffice() + ", partner " + before.partnerId() + " -> " + after.partnerId());
        return after;
    }

    /**
     * Refuses (409) to disable or demote the last enabled administrator: nobody could add users or lift the change
     * again. The administrators' rows stay locked until the change commits, so two at once cannot both pass.
     */
    private void keepAnAdministrator(String username, String what) {
        Users.User user = users.find(username).orElse(null);
        if (user != null && user.role() == Role.ADMIN && user.enabled() && users.otherEnabledAdmins(username) == 0) {
            throw new org.caseops.system.Conflict(username + " is the last enabled administrator and is not " + what
                    + ": enable or add another administrator first");
        }
    }

    /**
     * Revokes a token, from its next request on.
     *
     * @throws org.caseops.system.Conflict when it is revoked already (saying since when)
     */
    @Transactional
    public void revokeToken(long id) {
        tokens.revoke(id);
        access.audit("TOKEN_REVOKED", new Access.Subject("TOKEN", String.valueOf(id), null), null);
    }

    /** A personal access token for the caller, for {@code days} or the configured lifetime; shown once. */
    @Transactional
    public Tokens.Issued issuePersonalToken(String name, Integer days) {
        Actor actor = access.actor();
        Duration lifetime = days == null ? settings.personalToken() : Duration.ofDays(days);
        Tokens.Issued issued = tokens.issue(actor.username(), Tokens.Kind.PERSONAL, name, lifetime);
        access.audit("TOKEN_ISSUED", new Access.Subject("USER", actor.username(), actor.fieldOffice()),
                "personal token " + issued.id() + " until " + issued.expiresAt());
        return issued;
    }
}
