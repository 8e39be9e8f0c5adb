package org.caseops.legal;

import java.time.LocalDate;
import java.util.List;
import org.caseops.access.Access;
import org.caseops.legal.rules.Determination;
import org.caseops.legal.rules.ProtectionFacts;
import org.caseops.system.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counsel's records on a case page (docs/web.md) by A-number: stays, protections EOIR does not record and attorney
 * determinations, with the access rules and audit entries of the API's endpoints ({@code /api/cases/{aNumber}/stays},
 * {@code /protections}, {@code /determinations}, {@code /api/stays/{id}/lift}). The changes are {@link LegalRecords}'
 * own; this only finds the case, checks the actor and audits beside them, as {@link CaseRecords} does for holds.
 */
@Service
public class CounselRecords {

    private final LegalRecords records;
    private final CaseRecords cases;
    private final Access access;

    CounselRecords(LegalRecords records, CaseRecords cases, Access access) {
        this.records = records;
        this.cases = cases;
        this.access = access;
    }

    /** The case's protections; audited as {@code PROTECTIONS_READ}. */
    @Transactional
    public List<LegalRecords.Protection> protections(String aNumber) {
        return records.protections(CaseRecords.idncase(cases.reading(aNumber, "PROTECTIONS_READ")));
    }

    /** The case's attorney determinations; audited as {@code DETERMINATIONS_READ}. */
    @Transactional
    public List<LegalRecords.AttorneyDetermination> determinations(String aNumber) {
        return records.determinations(CaseRecords.idncase(cases.reading(aNumber, "DETERMINATIONS_READ")));
    }

    /** As {@code POST /api/cases/{aNumber}/stays}. */
    @Transactional
    public LegalRecords.Stay recordStay(String aNumber, LegalRecords.StayKind kind, LocalDate from, LocalDate until,
            String reference) {
        Access.Subject subject = cases.changing(aNumber);
        LegalRecords.Stay stay = records.recordStay(CaseRecords.idncase(subject), kind, from, until, reference,
                actor());
        access.audit("STAY_RECORDED", subject, stay.kind() + " stay " + stay.id());
        return stay;
    }

    /** As {@code POST /api/stays/{id}/lift}, for a stay of this case only. */
    @Transactional
    public LegalRecords.Stay liftStay(String aNumber, long stayId, LocalDate on) {
        Access.Subject subject = cases.changing(aNumber);
        records.findStay(stayId).filter(s -> s.idncase() == CaseRecords.idncase(subject))
                .orElseThrow(() -> new NotFound("no stay " + stayId + " on this case"));
        LegalRecords.Stay lifted = records.liftStay(stayId, on, actor());
        access.audit("STAY_LIFTED", subject, "stay " + stayId);
        return lifted;
    }

    /** As {@code POST /api/cases/{aNumber}/protections}. */
    @Transactional
    public LegalRecords.Protection recordProtection(String aNumber, ProtectionFacts.Kind kind, LocalDate from,
            LocalDate until, String evidence) {
        Access.Subject subject = cases.changing(aNumber);
        LegalRecords.Protection p = records.recordProtection(CaseRecords.idncase(subject), kind, from, until,
                evidence, actor());
        access.audit("PROTECTION_RECORDED", subject, p.kind() + " protection " + p.id() + ": " + p.evidence());
        return p;
    }

    /** As {@code POST /api/cases/{aNumber}/protections/{id}/end}. */
    @Transactional
    public LegalRecords.Protection endProtection(String aNumber, long protectionId, LocalDate on, String reason) {
        Access.Subject subject = cases.changing(aNumber);
        LegalRecords.Protection p = records.endProtection(CaseRecords.idncase(subject), protectionId, on, reason,
                actor());
        access.audit("PROTECTION_ENDED", subject, "protection " + protectionId + ": " + reason);
        return p;
    }

    /** As {@code POST /api/cases/{aNumber}/determinations}. */
    @Transactional
    public LegalRecords.AttorneyDetermination recordDetermination(String aNumber, String about,
            Determination.Meaning meaning, String reason, LocalDate on) {
        Access.Subject subject = cases.changing(aNumber);
        LegalRecords.AttorneyDetermination d = records.recordDetermination(CaseRecords.idncase(subject), about,
                meaning, reason, on, actor());
        access.audit("DETERMINATION_RECORDED", subject, d.subject() + " means " + d.meaning() + ": " + d.reason());
        return d;
    }

    private String actor() {
        return access.actor().username();
    }
}
