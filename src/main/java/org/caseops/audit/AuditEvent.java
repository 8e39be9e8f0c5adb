package org.caseops.audit;

/**
 * What happened, as the caller says it: who (actor, role, field office), what (action on a subject), why (purpose)
 * and in which request. {@code actor}, {@code role} and {@code action} are required; the others may be {@code null}
 * (an administrator has no field office; a search has no single subject; a CLI run has no request).
 *
 * <p>Text is stored exactly as given, except that characters PostgreSQL text cannot hold or UTF-8 cannot encode
 * (U+0000 and unpaired surrogates) become U+FFFD, so that the hash is computed over what is stored.
 *
 * @param actor       user name (later: the authenticated principal), e.g. {@code officer}, {@code cli:jdoe}
 * @param role        the role acted in, e.g. {@code OFFICER}
 * @param fieldOffice the actor's field office code, e.g. {@code HOU}
 * @param action      e.g. {@code PERSON_READ}, {@code CASE_CHANGED}, {@code SEARCH}
 * @param subjectType e.g. {@code PERSON}, {@code FAMILY}, {@code CASE}
 * @param subjectId   e.g. the A-number or IDNCASE
 * @param purpose     why a person was read ({@code X-Purpose}); nullable
 * @param requestId   the request's id, to tie entries of one request together
 * @param detail      free text (a search's criteria, a change's summary); nullable
 */
public record AuditEvent(String actor, String role, String fieldOffice, String action, String subjectType,
        String subjectId, String purpose, String requestId, String detail) {

    public AuditEvent {
        actor = required("actor", actor);
        role = required("role", role);
        action = required("action", action);
        fieldOffice = storable(fieldOffice);
        subjectType = storable(subjectType);
        subjectId = storable(subjectId);
        purpose = storable(purpose);
        requestId = storable(requestId);
        detail = storable(detail);
    }

    private static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("an audit event needs " + name);
        }
        return storable(value);
    }

    /** The string as PostgreSQL will store it: U+0000 and unpaired surrogates replaced by U+FFFD. */
    static String storable(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean bad;
            if (Character.isHighSurrogate(c)) {
                bad = i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1));
                if (!bad) {
                    if (out != null) {
                        out.append(c).append(value.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
            } else {
                bad = c == '\0' || Character.isLowSurrogate(c);
            }
            if (bad && out == null) {
                out = new StringBuilder(value.length()).append(value, 0, i);
            }
            if (out != null) {
                out.append(bad ? '\uFFFD' : c);
            }
        }
        return out == null ? value : out.toString();
    }
}
