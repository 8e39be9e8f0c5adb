package org.caseops.operation;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.caseops.access.Actor;
import org.caseops.access.HomePanel;
import org.caseops.access.Role;
import org.springframework.stereotype.Component;

/** Counsel's start page: the operations waiting for their legal review, each linking to the legal reviews page. */
@Component
class LegalReviewHome implements HomePanel {

    static final int SHOWN = 8;

    private final Operations operations;

    LegalReviewHome(Operations operations) {
        this.operations = operations;
    }

    @Override
    public Optional<Panel> panel(Actor actor, LocalDate workingDate) {
        if (!actor.is(Role.ATTORNEY)) {
            return Optional.empty();
        }
        List<Operation> waiting = operations.visible(actor).stream()
                .filter(o -> o.state() == OperationState.LEGAL_REVIEW && o.legalClearedBy() == null).toList();
        return Optional.of(new Panel(2, "legal-reviews", "Operations waiting for legal review",
                List.of(new Count("operations to review", waiting.size(), "/legal-reviews")),
                waiting.stream().limit(SHOWN).map(o -> new Item(o.id() + " " + o.name(), "/legal-reviews",
                        String.join(", ", o.fieldOffices()) + ", " + o.windowStart() + " to " + o.windowEnd(),
                        false)).toList(),
                "No operation waits for legal review.", "/legal-reviews", "All legal reviews"));
    }
}
