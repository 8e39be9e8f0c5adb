package org.caseops.access;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The signed-in user as of this request, read from the database on every request, so that a disabled user, a
 * changed role or a revoked agreement takes effect on the next request, in open sessions and for tokens alike.
 *
 * @param fieldOffice the user's field office code; {@code null} for users without one (admin, auditor, partners)
 * @param partnerId   the partner agency of a {@link Role#PARTNER}, else {@code null}
 * @param grants      a partner's scopes per field office from its agreements in force now; empty for other roles
 */
public record Actor(long userId, String username, Role role, String fieldOffice, Long partnerId,
        Map<String, Set<PartnerScope>> grants) {

    public Actor {
        Objects.requireNonNull(username);
        Objects.requireNonNull(role);
        grants = grants == null ? Map.of() : Map.copyOf(grants);
    }

    public boolean is(Role... roles) {
        for (Role r : roles) {
            if (r == role) {
                return true;
            }
        }
        return false;
    }

    /** Whether this actor may see person-level data in {@code office} (null: a case no field office is mapped to). */
    public boolean mayRead(String office, PartnerScope scope) {
        return switch (role) {
            case ATTORNEY -> true;
            case OFFICER, SUPERVISOR, DIRECTOR -> office != null && office.equals(fieldOffice);
            case PARTNER -> office != null && grants.getOrDefault(office, Set.of()).contains(scope);
            case AUDITOR, ADMIN -> false;
        };
    }

    /** Whether this actor may change case records in {@code office}: its own field office, or any for counsel. */
    public boolean mayChange(String office) {
        return role == Role.ATTORNEY || (role.officeScoped() && office != null && office.equals(fieldOffice));
    }

    /** A read needs a stated purpose unless the subject is in the actor's own field office. */
    public boolean needsPurposeFor(String office) {
        return fieldOffice == null || !fieldOffice.equals(office);
    }
}
