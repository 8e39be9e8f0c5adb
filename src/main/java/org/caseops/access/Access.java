package org.caseops.access;

import jakarta.servlet.http.HttpServletRequest;
import org.caseops.audit.AuditEvent;
import org.caseops.audit.AuditLog;
import org.caseops.system.BadInput;
import org.caseops.system.Forbidden;
import org.caseops.system.NotFound;
import org.caseops.system.RequestIds;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who is asking, what they may see, and the audit entry for it. Features call {@link #read} before returning
 * person-level data and {@link #audit} in the transaction of every change; both write the audit entry with the
 * actor, role, field office, purpose and request id.
 */
@Service
public class Access {

    /** The header (API) or form field (pages) that says why a person's record is read. */
    public static final String PURPOSE_HEADER = "X-Purpose";

    /** A record a request touches: its kind ({@code PERSON}, {@code FAMILY}, {@code CASE}…), id and field office. */
    public record Subject(String type, String id, String fieldOffice) {
    }

    private final AuditLog audit;

    Access(AuditLog audit) {
        this.audit = audit;
    }

    /** The signed-in actor of this request. */
    public Actor actor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth instanceof ActorAuthentication actor) {
            return actor.actor();
        }
        throw new Forbidden("not signed in");
    }

    /**
     * Checks that the actor may see this subject's person-level data under {@code scope} (partners), asks for a
     * purpose when the subject is outside the actor's own field office, and writes the audit entry. Call it in the
     * transaction of the read, before the data leaves.
     *
     * @throws Forbidden when the role, field office or agreement does not allow it
     * @throws BadInput  ({@code X-Purpose}) when a purpose is required and missing
     */
    public void read(String action, Subject subject, PartnerScope scope) {
        read(action, subject, scope, notFoundMessage(subject));
    }

    /**
     * As {@link #read(String, Subject, PartnerScope)}, with the message the endpoint gives when there is no such
     * record: a record the actor may not see answers exactly the same (404), so that a refusal never tells that the
     * record exists, nor in which field office. The refusal is audited ({@link AccessInterceptor}).
     */
    public void read(String action, Subject subject, PartnerScope scope, String notFoundMessage) {
        Actor actor = actor();
        if (!actor.mayRead(subject.fieldOffice(), scope)) {
            refused(subject, action + " refused: " + actor.role() + " of " + describe(actor.fieldOffice())
                    + " may not see records of " + describe(subject.fieldOffice()));
            throw new NotFound(notFoundMessage);
        }
        String purpose = purpose();
        if (purpose == null && actor.needsPurposeFor(subject.fieldOffice())) {
            throw new BadInput(PURPOSE_HEADER, "reading a record outside your own field office needs a purpose: "
                    + "say why in the " + PURPOSE_HEADER + " header");
        }
        record(actor, action, subject, purpose, null);
    }

    /**
     * An auditor's case review: oversight opens one person's record, with its reason recorded as the purpose. The
     * only way an auditor sees person-level data; each review is its own audit entry, whose seq this returns.
     */
    public long review(Subject subject, String reason) {
        Actor actor = actor();
        if (!actor.is(Role.AUDITOR)) {
            throw new Forbidden("case reviews are oversight's: " + actor.role() + " reads records directly");
        }
        if (reason == null || reason.isBlank()) {
            throw new BadInput("reason", "a case review states its reason (complaint number, sample, inquiry)");
        }
        return record(actor, "CASE_REVIEW", subject, reason.trim(), null).seq();
    }

    /** The field office a search is limited to: the actor's own unless the role reads more widely. */
    public String searchScope(String requestedOffice, PartnerScope scope) {
        Actor actor = actor();
        String office = requestedOffice;
        if (office == null && actor.role().officeScoped()) {
            office = actor.fieldOffice();
        }
        if (office == null && !actor.is(Role.ATTORNEY)) {
            throw new BadInput("fieldOffice", "say which field office to search");
        }
        if (office != null && !actor.mayRead(office, scope)) {
            throw new Forbidden(actor.username() + " (" + actor.role() + ") may not search " + describe(office));
        }
        return office;
    }

    /** Writes the audit entry of a search that returned people (criteria and count in {@code detail}). */
    public void searched(String action, String office, String detail) {
        Actor actor = actor();
        String purpose = purpose();
        if (purpose == null && actor.needsPurposeFor(office)) {
            throw new BadInput(PURPOSE_HEADER, "a search outside your own field office needs a purpose: say why in "
                    + "the " + PURPOSE_HEADER + " header");
        }
        record(actor, action, new Subject("SEARCH", office, office), purpose, detail);
    }

    /**
     * Refuses a change to a record outside the actor's field office (counsel may change any): a 404 like a record
     * that does not exist when the actor may not see it either, a 403 naming no field office when they may.
     */
    public void mayChange(Subject subject) {
        mayChange(subject, notFoundMessage(subject));
    }

    /** As {@link #mayChange(Subject)}, with the endpoint's own message for a record that does not exist. */
    public void mayChange(Subject subject, String notFoundMessage) {
        Actor actor = actor();
        if (!actor.mayChange(subject.fieldOffice())) {
            refused(subject, "change refused: " + actor.role() + " of " + describe(actor.fieldOffice())
                    + " may not change records of " + describe(subject.fieldOffice()));
            if (!actor.mayRead(subject.fieldOffice(), PartnerScope.CASE_STATUS)
                    && !actor.mayRead(subject.fieldOffice(), PartnerScope.PERSON_RECORD)) {
                throw new NotFound(notFoundMessage);
            }
            throw new Forbidden(actor.username() + " (" + actor.role() + ") may not change this record");
        }
    }

    /**
     * What an endpoint answers when there is no such record, by the subject's kind: a record the actor may not see
     * answers the same. Endpoints use it for their own "not found" so that both stay the same.
     */
    public static String notFoundMessage(Subject subject) {
        return switch (subject.type()) {
            case "PERSON" -> "no person with A-number " + subject.id();
            case "FAMILY" -> "no family with lead case " + subject.id();
            default -> "no " + subject.type().toLowerCase(java.util.Locale.ROOT) + " " + subject.id();
        };
    }

    /**
     * A record the actor may not see, answered as one that does not exist: returns the 404 to throw, and marks the
     * request refused so that its audit entry says what was refused and why.
     */
    public NotFound hidden(Subject subject, String reason, String notFoundMessage) {
        refused(subject, reason);
        return new NotFound(notFoundMessage);
    }

    /** Marks this request as refused, for the audit entry written when it ends ({@link AccessInterceptor}). */
    static void refused(Subject subject, String reason) {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            attributes.getRequest().setAttribute(AccessInterceptor.REFUSED_SUBJECT, subject);
            attributes.getRequest().setAttribute(AccessInterceptor.REFUSED_REASON, reason);
        }
    }

    /** Writes an audit entry (a change, or a read with no single person), in the caller's transaction. */
    public void audit(String action, Subject subject, String detail) {
        record(actor(), action, subject, purpose(), detail);
    }

    /**
     * An audit entry of work the system did by itself, without a request or a user (a scheduled sweep): the actor is
     * the job's name ({@code system:...}), the role {@code SYSTEM}.
     */
    public void auditAsSystem(String systemActor, String action, Subject subject, String detail) {
        audit.record(new AuditEvent(systemActor, "SYSTEM", subject == null ? null : subject.fieldOffice(), action,
                subject == null ? null : subject.type(), subject == null ? null : subject.id(), null,
                RequestIds.current(), detail));
    }

    /** An audit entry for an actor known by name only (sign-in events, before there is an actor). */
    public void recordAnonymous(String username, String action, String detail) {
        String name = username == null || username.isBlank() ? "(none)"
                : username.length() > 64 ? username.substring(0, 64) + "…" : username;
        audit.record(new AuditEvent(name, "NONE", null, action, "USER", name, null, RequestIds.current(), detail));
    }

    /** The audit entry of a refused request (401, 403, or a 404 that hides a record), in its own transaction. */
    void recordRefusal(String username, Role role, String fieldOffice, Subject subject, String purpose,
            String requestId, String detail) {
        String name = username == null || username.isBlank() ? "(anonymous)"
                : username.length() > 64 ? username.substring(0, 64) + "…" : username;
        audit.record(new AuditEvent(name, role == null ? "NONE" : role.name(), fieldOffice, "ACCESS_REFUSED",
                subject == null ? null : subject.type(), subject == null ? null : subject.id(), purpose, requestId,
                detail));
    }

    /** An audit entry for a public, unauthenticated read (the detainee locator). */
    public void recordPublic(String action, Subject subject, String detail) {
        audit.record(new AuditEvent("(public)", "PUBLIC", null, action, subject.type(), subject.id(), null,
                RequestIds.current(), detail));
    }

    private org.caseops.audit.AuditEntry record(Actor actor, String action, Subject subject, String purpose,
            String detail) {
        return audit.record(new AuditEvent(actor.username(), actor.role().name(), actor.fieldOffice(), action,
                subject == null ? null : subject.type(), subject == null ? null : subject.id(), purpose,
                RequestIds.current(), detail));
    }

    /** The stated purpose of this request: the {@code X-Purpose} header or the {@code purpose} form field. */
    public static String purpose() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return null;
        }
        HttpServletRequest request = attributes.getRequest();
        String purpose = request.getHeader(PURPOSE_HEADER);
        if (purpose == null || purpose.isBlank()) {
            purpose = request.getParameter("purpose");
        }
        return purpose == null || purpose.isBlank() ? null : purpose.trim();
    }

    private static String describe(String office) {
        return office == null ? "cases not mapped to a field office" : "field office " + office;
    }
}
