package org.caseops.docket;

import java.time.LocalDate;
import org.caseops.access.Access;
import org.caseops.access.Allow;
import org.caseops.access.PartnerScope;
import org.caseops.access.Role;
import org.caseops.access.WorkingDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/families")
@Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY, Role.PARTNER})
class FamilyController {

    private final Docket docket;
    private final Access access;
    private final WorkingDate workingDate;

    FamilyController(Docket docket, Access access, WorkingDate workingDate) {
        this.docket = docket;
        this.access = access;
        this.workingDate = workingDate;
    }

    /**
     * A family unit by the IDNCASE of its lead case: the lead, its active riders and its household members, each
     * with their own order, and ages as of {@code asOf} (default today).
     */
    @GetMapping("/{id}")
    DocketViews.Family family(@PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        access.read("FAMILY_READ", docket.familySubject(id).orElseThrow(() -> notFound(id)),
                PartnerScope.PERSON_RECORD);
        return docket.family(id, asOf == null ? workingDate.today() : asOf).orElseThrow(() -> notFound(id));
    }

    private static org.caseops.system.NotFound notFound(long id) {
        return new org.caseops.system.NotFound("no family with lead case " + id);
    }
}
