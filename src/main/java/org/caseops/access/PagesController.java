package org.caseops.access;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.caseops.system.Pages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page and the start page: what each role has to do today, from every feature's {@link HomePanel}. */
@Controller
@Pages
class PagesController {

    private final Access access;
    private final List<HomePanel> panels;
    private final WorkingDate workingDate;

    PagesController(Access access, List<HomePanel> panels, WorkingDate workingDate) {
        this.access = access;
        this.panels = panels;
        this.workingDate = workingDate;
    }

    @Public
    @GetMapping("/login")
    String login() {
        return "login";
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.ATTORNEY, Role.DIRECTOR, Role.AUDITOR, Role.PARTNER, Role.ADMIN})
    @GetMapping("/")
    String home(Model model) {
        Actor actor = access.actor();
        model.addAttribute("actor", actor);
        model.addAttribute("panels", panels.stream().map(p -> p.panel(actor, workingDate.get()))
                .flatMap(Optional::stream).sorted(Comparator.comparingInt(HomePanel.Panel::order)).toList());
        model.addAttribute("searches", Role.ATTORNEY == actor.role() || actor.role().officeScoped());
        return "home";
    }
}
