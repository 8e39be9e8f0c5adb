package org.caseops.operation;

import java.time.LocalDate;
import java.util.List;
import org.caseops.access.Actor;
import org.caseops.access.Approvals;
import org.caseops.access.HomePanel;
import org.caseops.access.Role;
import org.springframework.stereotype.Component;

/**
 * The director's operations to approve: in legal review, cleared by counsel, not yet approved, in the director's
 * field office ({@link Lifecycle#approve}), each linking to its board, where the director approves it.
 */
@Component
class OperationApprovals implements Approvals {

    private final Operations operations;

    OperationApprovals(Operations operations) {
        this.operations = operations;
    }

    private List<Operation> waiting(Actor actor) {
        if (!actor.is(Role.DIRECTOR)) {
            return List.of();
        }
        return operations.visible(actor).stream().filter(o -> o.state() == OperationState.LEGAL_REVIEW
                && o.legalClearedBy() != null && o.approvedBy() == null
                && o.fieldOffices().contains(actor.fieldOffice())).toList();
    }

    @Override
    public List<HomePanel.Item> waiting(Actor actor, LocalDate workingDate, int limit) {
        return waiting(actor).stream().limit(limit).map(o -> new HomePanel.Item("Operation " + o.id() + " " + o.name(),
                "/operations/" + o.id(), "cleared by " + o.legalClearedBy() + "; " + String.join(", ",
                        o.fieldOffices()) + ", " + o.windowStart() + " to " + o.windowEnd(),
                false)).toList();
    }

    @Override
    public long count(Actor actor, LocalDate workingDate) {
        return waiting(actor).size();
    }

    @Override
    public String label() {
        return "operations to approve";
    }

    @Override
    public String listHref() {
        return "/operations?state=LEGAL_REVIEW";
    }
}
