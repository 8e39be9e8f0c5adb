package org.caseops.legal;

import java.time.LocalDate;
import java.util.List;
import org.caseops.access.Access;
import org.caseops.access.PartnerScope;
import org.caseops.docket.Docket;
import org.caseops.system.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's legal records by A-number, with the access rules and audit entries of the API's endpoints
 * ({@code /api/cases/{aNumber}/holds}, {@code /stays}): reads check and audit the read, changes check that the actor
 * may change the case and audit the change beside its case event. For the pages (docs/web.md), so that they never
 * repeat those rules.
 */
@Service
public class CaseRecords {

    private final LegalRecords records;
    private final Docket docket;
    private final Access access;

    CaseRecords(LegalRecords records, Docket docket, Access access) {
        this.records = records;
        this.docket = docket;
        this.access = access;
    }

    /** The case's legal holds, newest first as the records keep them; audited as {@code HOLDS_READ}. */
    @Transactional
    public List<LegalRecords.Hold> holds(String aNumber) {
        return records.holds(idncase(reading(aNumber, "HOLDS_READ")));
    }

    /** The case's recorded stays; audited as {@code STAYS_READ}. */
    @Transactional
    public List<LegalRecords.Stay> stays(String aNumber) {
        return records.staysOf(idncase(reading(aNumber, "STAYS_READ")));
    }

    /** Places an attorney's legal hold on the person's case, as {@code POST /api/cases/{aNumber}/holds}. */
    @Transactional
    public LegalRecords.Hold placeHold(String aNumber, LocalDate on, String reason) {
        Access.Subject subject = changing(aNumber);
        LegalRecords.Hold hold = records.placeHold(idncase(subject), on == null ? LocalDate.now() : on, reason,
                access.actor().username());
        access.audit("LEGAL_HOLD_PLACED", subject, reason);
        return hold;
    }

    /** Lifts the open legal hold, as {@code POST /api/cases/{aNumber}/holds/lift}. */
    @Transactional
    public LegalRecords.Hold liftHold(String aNumber, LocalDate on, String reason) {
        Access.Subject subject = changing(aNumber);
        LegalRecords.Hold hold = records.liftHold(idncase(subject), on == null ? LocalDate.now() : on, reason,
                access.actor().username());
        access.audit("LEGAL_HOLD_LIFTED", subject, reason);
        return hold;
    }

    /** The person's case as the subject of a change, after checking the actor may change it. */
    Access.Subject changing(String aNumber) {
        Access.Subject subject = caseOf(aNumber);
        access.mayChange(subject, noCase(aNumber));
        return subject;
    }

    /** The person's case as the subject of a read, checked and audited as {@code action}. */
    Access.Subject reading(String aNumber, String action) {
        Access.Subject subject = caseOf(aNumber);
        // a case the caller may not see answers as one that does not exist (issue 13)
        access.read(action, subject, PartnerScope.CASE_STATUS, noCase(aNumber));
        return subject;
    }

    private Access.Subject caseOf(String aNumber) {
        long idncase = docket.caseOf(Docket.aNumber(aNumber)).orElseThrow(() -> new NotFound(noCase(aNumber)));
        return docket.caseSubject(idncase).orElseThrow(() -> new NotFound(noCase(aNumber)));
    }

    private static String noCase(String aNumber) {
        return "no case for A-number " + Docket.aNumber(aNumber);
    }

    static long idncase(Access.Subject caseSubject) {
        return Long.parseLong(caseSubject.id());
    }
}
