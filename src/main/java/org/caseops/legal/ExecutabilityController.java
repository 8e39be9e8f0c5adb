package org.caseops.legal;

import java.time.LocalDate;
import org.caseops.docket.Docket;
import org.caseops.system.NotFound;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Is this order executable on this date — explained, for a person's case or a whole family. */
@RestController
class ExecutabilityController {

    private final LegalGate gate;

    ExecutabilityController(LegalGate gate) {
        this.gate = gate;
    }

    /** The verdict on the person's current case as of {@code asOf} (default today), with every rule's finding. */
    @GetMapping("/api/cases/{aNumber}/executability")
    LegalGate.CaseVerdict ofCase(@PathVariable String aNumber,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return gate.ofPerson(Docket.aNumber(aNumber), asOf == null ? LocalDate.now() : asOf)
                .orElseThrow(() -> new NotFound("no person with A-number " + aNumber));
    }

    /** Each member's own verdict; a member with no case of their own shows as not subject to removal. */
    @GetMapping("/api/families/{id}/executability")
    LegalGate.FamilyVerdict ofFamily(@PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return gate.ofFamily(id, asOf == null ? LocalDate.now() : asOf)
                .orElseThrow(() -> new NotFound("no family with lead case " + id));
    }
}
