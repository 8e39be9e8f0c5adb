package org.caseops.encounter;

import org.caseops.access.Allow;
import org.caseops.access.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The oversight funnel of an operation ({@link Funnels}): counts only, no person named. */
@RestController
class FunnelController {

    private final Funnels funnels;

    FunnelController(Funnels funnels) {
        this.funnels = funnels;
    }

    @Allow({Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY, Role.AUDITOR})
    @GetMapping("/api/operations/{id}/funnel")
    Funnels.Funnel funnel(@PathVariable long id) {
        return funnels.funnel(id);
    }
}
