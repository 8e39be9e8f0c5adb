package org.caseops.access;

import jakarta.servlet.http.HttpSession;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.caseops.system.BadInput;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.view.RedirectView;

/** The top bar's working-date form: sets (or, empty, clears) the date the pages work on, then returns. */
@Controller
@Allow({Role.OFFICER, Role.SUPERVISOR, Role.ATTORNEY, Role.DIRECTOR, Role.AUDITOR, Role.PARTNER, Role.ADMIN})
class WorkingDateController {

    private final WorkingDate workingDate;

    WorkingDateController(WorkingDate workingDate) {
        this.workingDate = workingDate;
    }

    @PostMapping("/working-date")
    RedirectView set(@RequestParam(required = false) String asOf, @RequestParam(required = false) String back,
            HttpSession session) {
        if (asOf == null || asOf.isBlank()) {
            workingDate.clear(session);
        } else {
            try {
                workingDate.set(session, LocalDate.parse(asOf.trim()));
            } catch (DateTimeParseException e) {
                throw new BadInput("asOf", "a working date is a date (2019-06-02), not '" + asOf + "'");
            }
        }
        // back only to a page of CaseOps: a path, never another site
        String to = back != null && back.startsWith("/") && !back.startsWith("//") && !back.contains("\\")
                ? back : "/";
        RedirectView view = new RedirectView(to, true);
        view.setExposeModelAttributes(false);
        return view;
    }
}
