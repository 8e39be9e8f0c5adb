package org.caseops.docket;

import org.caseops.access.Access;
import org.caseops.system.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Oversight's case review (docs/audit.md): an auditor opens one named person for a stated reason; the review is an
 * audit entry of its own, and through it (and only through it) the auditor sees that person's audit entries.
 */
@Service
class CaseReviews {

    /** A case review recorded: its audit entry and the person it names. */
    record Opened(long seq, String aNumber) {
    }

    private final Docket docket;
    private final Access access;

    CaseReviews(Docket docket, Access access) {
        this.docket = docket;
        this.access = access;
    }

    /** Records the review of the person with this A-number (with or without dashes) for {@code reason}. */
    @Transactional
    Opened open(String aNumber, String reason) {
        String a = Docket.aNumber(aNumber);
        long seq = access.review(docket.personSubject(a).orElseThrow(() -> new NotFound("no person with A-number "
                + a)), reason);
        return new Opened(seq, a);
    }
}
