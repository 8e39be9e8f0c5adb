package org.caseops.access;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page and the start page. */
@Controller
class PagesController {

    private final Access access;

    PagesController(Access access) {
        this.access = access;
    }

    @Public
    @GetMapping("/login")
    String login() {
        return "login";
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.ATTORNEY, Role.DIRECTOR, Role.AUDITOR, Role.PARTNER, Role.ADMIN})
    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("actor", access.actor());
        return "home";
    }
}
