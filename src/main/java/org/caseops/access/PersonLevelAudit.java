package org.caseops.access;

import org.caseops.audit.AuditEntry;
import org.caseops.audit.AuditSearch;
import org.caseops.system.Forbidden;
import org.caseops.system.NotFound;
import org.springframework.stereotype.Component;

/**
 * Person-level audit detail only through a recorded case review (issue 14, docs/audit.md): an auditor browsing the
 * trail — on the audit page or through {@code GET /api/audit/entries} — sees an entry whose subject is a person with
 * its subject, purpose and detail hidden, unless they opened the trail from their own case review ({@code CASE_REVIEW}
 * entry) naming that person. Who acted, when and what kind of action stay visible: the trail's shape is oversight's
 * business, a person's record is not.
 */
@Component
class PersonLevelAudit {

    /** What a person-level entry shows in place of its subject, purpose and detail outside a case review. */
    static final String HIDDEN = "person-level: shown only from a case review naming this person";

    private final AuditSearch search;
    private final Access access;

    PersonLevelAudit(AuditSearch search, Access access) {
        this.search = search;
        this.access = access;
    }

    /**
     * The A-number a case review names, when {@code seq} is a case review the signed-in auditor recorded about a
     * person; otherwise refused (403) with the reason, or 404 when there is no such entry.
     */
    String reviewed(long seq) {
        Actor actor = access.actor();
        AuditEntry entry = search.entry(seq).orElseThrow(() -> new NotFound("no audit entry " + seq));
        if (!"CASE_REVIEW".equals(entry.action()) || !"PERSON".equals(entry.subjectType())) {
            throw new Forbidden("audit entry " + seq + " is not a case review: person-level entries open only from "
                    + "a recorded case review naming the person");
        }
        if (!actor.username().equals(entry.actor())) {
            throw new Forbidden("case review " + seq + " was recorded by " + entry.actor() + ", not by "
                    + actor.username() + ": person-level entries open only from your own case review");
        }
        return entry.subjectId();
    }

    /** A person-level entry (its subject is a person) other than of the person the case review names. */
    static boolean hidden(AuditEntry e, String revealed) {
        return "PERSON".equals(e.subjectType()) && !e.subjectId().equals(revealed);
    }
}
