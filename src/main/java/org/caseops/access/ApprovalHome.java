package org.caseops.access;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The director's "waiting for my approval" panel: what every feature's {@link Approvals} holds for the director's
 * field office, a count per kind and the first items of each, each linking to its page.
 */
@Component
class ApprovalHome implements HomePanel {

    /** Items shown per kind; the count says how many there are. */
    static final int SHOWN = 8;

    private final List<Approvals> approvals;

    ApprovalHome(List<Approvals> approvals) {
        this.approvals = approvals;
    }

    @Override
    public Optional<Panel> panel(Actor actor, LocalDate workingDate) {
        if (!actor.is(Role.DIRECTOR)) {
            return Optional.empty();
        }
        List<Count> counts = new ArrayList<>();
        List<Item> items = new ArrayList<>();
        for (Approvals kind : approvals) {
            long count = kind.count(actor, workingDate);
            counts.add(new Count(kind.label(), count, kind.listHref()));
            items.addAll(kind.waiting(actor, workingDate, SHOWN));
        }
        return Optional.of(new Panel(2, "approvals", "Waiting for my approval", counts, items,
                "Nothing waits for your approval.", null, null));
    }
}
