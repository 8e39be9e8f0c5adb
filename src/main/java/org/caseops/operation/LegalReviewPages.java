package org.caseops.operation;

import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.caseops.access.Access;
import org.caseops.access.Allow;
import org.caseops.access.Role;
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
 * Counsel's legal reviews of operations (docs/web.md): the operations waiting in LEGAL_REVIEW, with <em>Clear</em>
 * (an optional note) and <em>Return to draft</em> (findings) from the row, as the API's
 * {@code POST /api/operations/{id}/legal-review/clear} and {@code .../return} — the same {@link Lifecycle} calls,
 * with the operation's version, so that a review someone else cleared meanwhile says by whom and when.
 */
@Controller
@Pages
@Allow(Role.ATTORNEY)
class LegalReviewPages {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    static final List<Column> COLUMNS = List.of(Column.sortable("id", "Operation"),
            Column.sortable("offices", "Field offices"), Column.sortable("window", "Window"),
            Column.sortable("review", "Review"), Column.plain("actions", "Actions"));

    private final Operations operations;
    private final Lifecycle lifecycle;
    private final Access access;

    LegalReviewPages(Operations operations, Lifecycle lifecycle, Access access) {
        this.operations = operations;
        this.lifecycle = lifecycle;
        this.access = access;
    }

    @GetMapping("/legal-reviews")
    String reviews(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
            @RequestParam(required = false) String filter, @RequestParam(required = false) String format,
            Model model, HttpServletResponse response) {
        Listing.Query query = Listing.Query.of(page, size, sort, dir, filter, COLUMNS, "id", false);
        List<Operation> waiting = operations.visible(access.actor()).stream()
                .filter(o -> o.state() == OperationState.LEGAL_REVIEW).toList();
        Listing table = Listing.of("reviews", "Operations in legal review", "/legal-reviews", COLUMNS,
                Listing.rows(waiting,
                        o -> Cell.of(o.id() + " " + o.name()),
                        o -> Cell.of(String.join(", ", o.fieldOffices())),
                        o -> Cell.of(o.windowStart() + " to " + o.windowEnd()),
                        o -> Cell.of(o.legalClearedBy() == null ? "waiting for counsel"
                                : "cleared by " + o.legalClearedBy() + " at " + WHEN.format(o.legalClearedAt())
                                        + "; waits for the director's approval"),
                        LegalReviewPages::actions),
                query);
        if ("csv".equals(format)) {
            table.writeCsv(response, "legal-reviews");
            return null;
        }
        model.addAttribute("table", table);
        return "operation/legal-reviews";
    }

    private static Cell actions(Operation o) {
        Map<String, String> hidden = Map.of("version", String.valueOf(o.version()));
        List<Action> actions = new ArrayList<>();
        if (o.legalClearedBy() == null) {
            actions.add(Action.withText("clear-" + o.id(), "Clear", "/legal-reviews/" + o.id() + "/clear", "note",
                    "Note (optional)", false, hidden));
        }
        actions.add(Action.withText("return-" + o.id(), "Return to draft", "/legal-reviews/" + o.id() + "/return",
                "findings", "Findings", true, hidden));
        return Cell.actions(String.join(", ", actions.stream().map(Action::label).toList()),
                actions.toArray(Action[]::new));
    }

    /** Clears the review, as {@code POST /api/operations/{id}/legal-review/clear}: every target unit judged again. */
    @PostMapping("/legal-reviews/{id}/clear")
    RedirectView clear(@PathVariable long id, @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String note, RedirectAttributes flash) {
        return act(id, flash, () -> {
            List<Targets.Change> changes = lifecycle.clearLegalReview(id, note == null || note.isBlank() ? null
                    : note.trim(), version);
            return "Legal review of operation " + id + " cleared; " + changes.size()
                    + " target units changed on the re-check. It waits for its director's approval.";
        });
    }

    /** Returns the plan to draft with findings, as {@code POST /api/operations/{id}/legal-review/return}. */
    @PostMapping("/legal-reviews/{id}/return")
    RedirectView returnToDraft(@PathVariable long id, @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String findings, RedirectAttributes flash) {
        return act(id, flash, () -> {
            lifecycle.returnToDraft(id, findings, version);
            return "Operation " + id + " returned to draft with the findings.";
        });
    }

    private static RedirectView act(long id, RedirectAttributes flash, Supplier<String> action) {
        try {
            flash.addFlashAttribute("message", action.get());
        } catch (Conflict e) {
            flash.addFlashAttribute("error", "Operation " + id + ": " + e.getMessage());
        } catch (BadInput e) {
            flash.addFlashAttribute("error", "Operation " + id + ": " + e.field() + ": " + e.getMessage());
        }
        RedirectView view = new RedirectView("/legal-reviews", true);
        view.setExposeModelAttributes(false);
        return view;
    }
}
