package org.caseops.legal;

import java.time.LocalDate;
import org.caseops.access.Access;
import org.caseops.access.Allow;
import org.caseops.access.PartnerScope;
import org.caseops.access.Role;
import org.caseops.docket.Docket;
import org.caseops.system.NotFound;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Is this order executable on this date — explained, for a person's case or a whole family. */
@RestController
@Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY, Role.PARTNER})
class ExecutabilityController {

    private final LegalGate gate;
    private final Docket docket;
    private final Access access;

    ExecutabilityController(LegalGate gate, Docket docket, Access access) {
        this.gate = gate;
        this.docket = docket;
        this.access = access;
    }

    /** The verdict on the person's current case as of {@code asOf} (default today), with every rule's finding. */
    @GetMapping("/api/cases/{aNumber}/executability")
    LegalGate.CaseVerdict ofCase(@PathVariable String aNumber,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        String a = Docket.aNumber(aNumber);
        access.read("EXECUTABILITY_READ", docket.personSubject(a)
                .orElseThrow(() -> new NotFound("no person with A-number " + a)), PartnerScope.CASE_STATUS);
        return gate.ofPerson(a, asOf == null ? LocalDate.now() : asOf)
                .orElseThrow(() -> new NotFound("no person with A-number " + a));
    }

    /**
     * Each member's own verdict; a member with no case of their own shows as not subject to removal. It names every
     * member (citizen children too), so a partner needs the person-record scope, not only case status.
     */
    @GetMapping("/api/families/{id}/executability")
    LegalGate.FamilyVerdict ofFamily(@PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        access.read("EXECUTABILITY_READ", docket.familySubject(id)
                .orElseThrow(() -> new NotFound("no family with lead case " + id)), PartnerScope.PERSON_RECORD);
        return gate.ofFamily(id, asOf == null ? LocalDate.now() : asOf)
                .orElseThrow(() -> new NotFound("no family with lead case " + id));
    }
}
