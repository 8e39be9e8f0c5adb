package org.caseops.legal;

import java.time.LocalDate;
import org.caseops.access.Allow;
import org.caseops.access.Role;
import org.caseops.access.WorkingDate;
import org.caseops.docket.Docket;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Is this order executable on this date — explained, for a person's case or a whole family. */
@RestController
@Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY, Role.PARTNER})
class ExecutabilityController {

    private final ExecutabilityReads reads;
    private final WorkingDate workingDate;

    ExecutabilityController(ExecutabilityReads reads, WorkingDate workingDate) {
        this.reads = reads;
        this.workingDate = workingDate;
    }

    /** The verdict on the person's current case as of {@code asOf} (default today), with every rule's finding. */
    @GetMapping("/api/cases/{aNumber}/executability")
    LegalGate.CaseVerdict ofCase(@PathVariable String aNumber,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return reads.ofCase(Docket.aNumber(aNumber), asOf == null ? workingDate.today() : asOf);
    }

    /**
     * Each member's own verdict; a member with no case of their own shows as not subject to removal. It names every
     * member (citizen children too), so a partner needs the person-record scope, not only case status.
     */
    @GetMapping("/api/families/{id}/executability")
    LegalGate.FamilyVerdict ofFamily(@PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return reads.ofFamily(id, asOf == null ? workingDate.today() : asOf);
    }
}
