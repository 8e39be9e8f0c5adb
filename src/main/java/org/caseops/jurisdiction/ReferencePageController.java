package org.caseops.jurisdiction;

import org.caseops.access.Allow;
import org.caseops.access.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The page of courts to map, for an administrator. */
@Controller
@Allow(Role.ADMIN)
class ReferencePageController {

    private final UnmappedCourts unmapped;

    ReferencePageController(UnmappedCourts unmapped) {
        this.unmapped = unmapped;
    }

    @GetMapping("/reference/unmapped")
    String unmapped(Model model) {
        model.addAttribute("report", unmapped.report());
        return "unmapped";
    }
}
