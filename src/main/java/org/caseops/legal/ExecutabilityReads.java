package org.caseops.legal;

import java.time.LocalDate;
import java.util.Optional;
import org.caseops.access.Access;
import org.caseops.access.PartnerScope;
import org.caseops.docket.Docket;
import org.caseops.system.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The executability reads of the API, each in one transaction on one connection: the subject, the access check and
 * its audit entry, then the facts and the verdict. The entry commits with the read it records, and every query of
 * the read sees the same snapshot (issue 12: one pooled connection per request, not one per query).
 */
@Service
class ExecutabilityReads {

    private final LegalGate gate;
    private final Docket docket;
    private final Access access;

    ExecutabilityReads(LegalGate gate, Docket docket, Access access) {
        this.gate = gate;
        this.docket = docket;
        this.access = access;
    }

    @Transactional
    LegalGate.CaseVerdict ofCase(String aNumber, LocalDate asOf) {
        access.read("EXECUTABILITY_READ", docket.personSubject(aNumber)
                .orElseThrow(() -> new NotFound("no person with A-number " + aNumber)), PartnerScope.CASE_STATUS);
        return gate.ofPerson(aNumber, asOf).orElseThrow(() -> new NotFound("no person with A-number " + aNumber));
    }

    @Transactional
    LegalGate.FamilyVerdict ofFamily(long id, LocalDate asOf) {
        access.read("EXECUTABILITY_READ", docket.familySubject(id)
                .orElseThrow(() -> new NotFound("no family with lead case " + id)), PartnerScope.PERSON_RECORD);
        return gate.ofFamily(id, asOf).orElseThrow(() -> new NotFound("no family with lead case " + id));
    }
}
