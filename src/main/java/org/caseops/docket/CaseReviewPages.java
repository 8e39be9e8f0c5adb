package org.caseops.docket;

import java.util.LinkedHashMap;
import java.util.Map;
import org.caseops.access.Allow;
import org.caseops.access.Role;
import org.caseops.system.BadInput;
import org.caseops.system.NotFound;
import org.caseops.system.Pages;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * A case review opened from the browser (docs/web.md): the auditor names the person and the reason; the review is
 * recorded as {@code POST /api/case-reviews} records it, and the audit page opens that person's entries through it.
 */
@Controller
@Pages
@Allow(Role.AUDITOR)
class CaseReviewPages {

    private final CaseReviews reviews;

    CaseReviewPages(CaseReviews reviews) {
        this.reviews = reviews;
    }

    @GetMapping("/case-reviews/new")
    ModelAndView form() {
        return view(Map.of(), null, null, HttpStatus.OK);
    }

    @PostMapping("/case-reviews")
    ModelAndView open(@RequestParam(required = false) String aNumber, @RequestParam(required = false) String reason) {
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("aNumber", aNumber == null ? "" : aNumber);
        typed.put("reason", reason == null ? "" : reason);
        try {
            if (aNumber == null || aNumber.isBlank()) {
                throw new BadInput("aNumber", "the A-number of the person to review");
            }
            CaseReviews.Opened opened = reviews.open(aNumber, reason);
            RedirectView to = new RedirectView("/audit?review=" + opened.seq() + "&subjectType=PERSON&subjectId="
                    + opened.aNumber(), true);
            to.setExposeModelAttributes(false);
            return new ModelAndView(to);
        } catch (BadInput e) {
            return view(typed, e.field(), e.getMessage(), HttpStatus.BAD_REQUEST);
        } catch (NotFound e) {
            return view(typed, "aNumber", e.getMessage(), HttpStatus.NOT_FOUND);
        }
    }

    private static ModelAndView view(Map<String, String> typed, String errorField, String error, HttpStatus status) {
        ModelAndView view = new ModelAndView("audit/case-review");
        view.addObject("typed", typed);
        view.addObject("errorField", errorField);
        view.addObject("error", error);
        view.setStatus(status);
        return view;
    }
}
