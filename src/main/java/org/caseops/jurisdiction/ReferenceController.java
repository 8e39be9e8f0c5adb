package org.caseops.jurisdiction;

import org.caseops.access.Allow;
import org.caseops.access.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The reference data, as an administrator maintains it. */
@RestController
@RequestMapping("/api/reference")
@Allow(Role.ADMIN)
class ReferenceController {

    private final UnmappedCourts unmapped;

    ReferenceController(UnmappedCourts unmapped) {
        this.unmapped = unmapped;
    }

    /** Courts whose cases belong to no field office yet, and base cities without one: to map. */
    @GetMapping("/unmapped")
    UnmappedCourts.Report unmapped() {
        return unmapped.report();
    }
}
