package org.caseops.supervision;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.caseops.access.Access;
import org.caseops.access.Allow;
import org.caseops.access.DeskForms;
import org.caseops.access.Role;
import org.caseops.access.WorkingDate;
import org.caseops.system.BadInput;
import org.caseops.system.Conflict;
import org.caseops.system.Listing;
import org.caseops.system.Listing.Action;
import org.caseops.system.Listing.Cell;
import org.caseops.system.Listing.Column;
import org.caseops.system.Pages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The office's supervision-level reviews due (docs/supervision.md, "The 90-day supervision-level review"; docs/web.md):
 * each ATD enrolment whose review is due by the working date, the level now, what the compliance record suggests and
 * why, and the decision — step down or keep, with the reason — from its row. The same service and audit entries as
 * {@code GET /api/atd/level-reviews} and {@code POST /api/supervisions/{id}/level-reviews}.
 */
@Controller
@Pages
@Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR})
class LevelReviewPages {

    static final List<Column> COLUMNS = List.of(Column.sortable("due", "Due on"), Column.sortable("person", "Person"),
            Column.sortable("period", "Period"), Column.plain("level", "Level now"),
            Column.plain("suggested", "Suggested"), Column.plain("why", "Why"), Column.plain("decide", "Decision"));

    private final LevelReviews reviews;
    private final Access access;
    private final WorkingDate workingDate;

    LevelReviewPages(LevelReviews reviews, Access access, WorkingDate workingDate) {
        this.reviews = reviews;
        this.access = access;
        this.workingDate = workingDate;
    }

    @GetMapping("/atd/reviews")
    String page(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
            @RequestParam(required = false) String filter, @RequestParam(required = false) String format,
            Model model, HttpServletResponse response) {
        String office = access.actor().fieldOffice();
        java.time.LocalDate day = workingDate.get();
        List<LevelReviews.Due> due = reviews.due(office, day);
        Listing table = Listing.of("reviews", "Supervision-level reviews due by " + day + " in field office "
                + office, "/atd/reviews", COLUMNS, Listing.rows(due,
                d -> Cell.of(d.dueOn()),
                d -> Cell.link("A-" + d.aNumber(), "/people/" + d.aNumber()),
                d -> Cell.of(d.period() + " (" + d.periodFrom() + " to " + d.dueOn() + ")"),
                d -> Cell.of(d.level().label()),
                d -> Cell.of(d.suggested() == LevelReviews.Decision.STEP_DOWN ? "Step down to "
                        + d.suggestedLevel().label() : "Keep"),
                d -> Cell.of(d.why()),
                d -> Cell.actions("", decide(d, LevelReviews.Decision.STEP_DOWN), decide(d,
                        LevelReviews.Decision.KEEP))),
                Listing.Query.of(page, size, sort, dir, filter, COLUMNS, "due", false));
        if ("csv".equals(format)) {
            table.writeCsv(response, "caseops-atd-reviews-" + office);
            return null;
        }
        model.addAttribute("table", table);
        model.addAttribute("office", office);
        model.addAttribute("day", day);
        return "supervision/atd-reviews";
    }

    private static Action decide(LevelReviews.Due d, LevelReviews.Decision decision) {
        boolean down = decision == LevelReviews.Decision.STEP_DOWN;
        String id = (down ? "step-down-" : "keep-") + d.supervisionId();
        return Action.withText(id, down ? "Step down" : "Keep the level", "/atd/reviews/" + d.supervisionId(),
                "reason", down ? "Why step down" : "Why keep it", true, Map.of("period", String.valueOf(d.period()),
                        "decision", decision.name()));
    }

    @PostMapping("/atd/reviews/{supervisionId}")
    RedirectView decide(@PathVariable long supervisionId, @RequestParam(required = false) String period,
            @RequestParam(required = false) String decision, @RequestParam(required = false) String reason,
            @RequestParam(required = false) String on, RedirectAttributes flash) {
        try {
            Integer p;
            try {
                p = period == null || period.isBlank() ? null : Integer.valueOf(period.trim());
            } catch (NumberFormatException e) {
                throw new BadInput("period", "'" + period + "' is not a period number");
            }
            LevelReviews.Review r = reviews.decide(supervisionId, p, DeskForms.date("on", on, workingDate.get()),
                    DeskForms.choice(LevelReviews.Decision.class, "decision", decision, false), reason);
            flash.addFlashAttribute("message", "Supervision " + supervisionId + ", period " + r.period() + ": "
                    + (r.decision() == LevelReviews.Decision.KEEP ? "kept at " + r.levelAfter().label()
                    : "stepped down to " + r.levelAfter().label()) + ".");
        } catch (BadInput e) {
            flash.addFlashAttribute("error", e.field() + ": " + e.getMessage());
        } catch (Conflict e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        RedirectView view = new RedirectView("/atd/reviews", true);
        view.setExposeModelAttributes(false);
        return view;
    }
}
