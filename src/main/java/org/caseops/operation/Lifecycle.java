package org.caseops.operation;

import java.time.LocalDate;
import java.util.List;
import org.caseops.access.Access;
import org.caseops.access.Actor;
import org.caseops.access.Role;
import org.caseops.system.BadInput;
import org.caseops.system.Conflict;
import org.caseops.system.Forbidden;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The operation's actions that move it through {@link OperationState}: one transaction each, preconditions first,
 * then the transition (event and audit entry written by {@link Operations#transition}). Each takes the version the
 * client read, optionally: an operation changed since is a 409 naming its current version, never overwritten.
 */
@Service
public class Lifecycle {

    private final Operations operations;
    private final Targets targets;
    private final DryRun dryRun;
    private final JdbcClient jdbc;
    private final Access access;
    private final CongressionalNotifications notifications;

    Lifecycle(Operations operations, Targets targets, DryRun dryRun, JdbcClient jdbc, Access access,
            CongressionalNotifications notifications) {
        this.notifications = notifications;
        this.operations = operations;
        this.targets = targets;
        this.dryRun = dryRun;
        this.jdbc = jdbc;
        this.access = access;
    }

    /** DRAFT → LEGAL_REVIEW: the plan goes to counsel. Needs at least one target unit. */
    @Transactional
    public Operation submitForLegalReview(long id, Integer version) {
        Operation op = operations.get(id, version);
        operations.requirePlanner(op);
        if (targets.units(id, true).isEmpty()) {
            throw new Conflict("operation " + id + " has no target units to review");
        }
        return operations.transition(op, OperationState.LEGAL_REVIEW, "SUBMITTED_FOR_LEGAL_REVIEW",
                "submitted for legal review");
    }

    /**
     * Counsel clears the legal review: every target unit is judged again over the window (what changed is
     * reported); the operation stays in LEGAL_REVIEW until its director approves.
     */
    @Transactional
    public List<Targets.Change> clearLegalReview(long id, String note, Integer version) {
        Operation op = operations.get(id, version);
        Actor actor = access.actor();
        if (!actor.is(Role.ATTORNEY)) {
            throw new Forbidden("legal review is counsel's");
        }
        if (op.state() != OperationState.LEGAL_REVIEW) {
            throw new Conflict("operation " + id + " is " + op.state() + ", not in legal review");
        }
        if (op.legalClearedBy() != null) {
            throw new Conflict("the legal review of operation " + id + " was cleared by " + op.legalClearedBy()
                    + " at " + op.legalClearedAt() + " (version " + op.version() + ")");
        }
        List<Targets.Change> changes = targets.recheck(op);
        // counted: of two clearances at once, the second changes no row and is refused, with no event of its own
        if (jdbc.sql("update operation set legal_cleared_by = ?, legal_cleared_at = now(), version = version + 1 "
                + "where id = ? and version = ? and legal_cleared_by is null")
                .params(actor.username(), id, op.version()).update() == 0) {
            throw operations.changedMeanwhile(op);
        }
        operations.event(op, "LEGAL_REVIEW_CLEARED", op.state(), op.state(),
                "legal review cleared" + (note == null ? "" : ": " + note) + "; " + changes.size()
                        + " units changed on re-check");
        return changes;
    }

    /** LEGAL_REVIEW → DRAFT: counsel sends the plan back with findings. */
    @Transactional
    public Operation returnToDraft(long id, String findings, Integer version) {
        Operation op = operations.get(id, version);
        if (!access.actor().is(Role.ATTORNEY)) {
            throw new Forbidden("legal review is counsel's");
        }
        requireText(findings, "findings");
        if (!op.state().allows(OperationState.DRAFT)) {
            throw new Conflict("operation " + id + " is " + op.state() + ", not in legal review");
        }
        clearApprovals(op);
        return operations.transition(operations.get(id), OperationState.DRAFT, "RETURNED_TO_DRAFT", findings.trim());
    }

    /**
     * LEGAL_REVIEW → APPROVED, by a director of one of the operation's field offices: needs counsel's clearance, a
     * care arrangement for every member of a target unit who is not taken, a feasible plan covering every target
     * unit, and a dry run with no conflict.
     */
    @Transactional
    public Operation approve(long id, Integer version) {
        Operation op = operations.get(id, version);
        Actor actor = access.actor();
        if (!actor.is(Role.DIRECTOR) || !op.fieldOffices().contains(actor.fieldOffice())) {
            throw new Forbidden("an operation is approved by the director of one of its field offices");
        }
        if (op.state() != OperationState.LEGAL_REVIEW) {
            throw new Conflict("operation " + id + " is " + op.state() + ": only an operation in legal review is "
                    + "approved");
        }
        if (op.legalClearedBy() == null) {
            throw new Conflict("counsel has not cleared operation " + id);
        }
        DryRun.Report report = dryRun.run(op);
        if (!report.conflicts().isEmpty()) {
            throw new Conflict("operation " + id + " cannot be approved: the dry run finds "
                    + report.conflicts().size() + " conflicts, e.g. " + report.conflicts().get(0).detail());
        }
        if (jdbc.sql("update operation set approved_by = ?, approved_at = now(), version = version + 1 "
                + "where id = ? and version = ?").params(actor.username(), id, op.version()).update() == 0) {
            throw operations.changedMeanwhile(op);
        }
        return operations.transition(operations.get(id), OperationState.APPROVED, "APPROVED",
                "approved by " + actor.username() + " (" + report.visits() + " visits planned)");
    }

    /** LEGAL_REVIEW or APPROVED → POSTPONED: clearance and approval lapse; a new window is set on resuming. */
    @Transactional
    public Operation postpone(long id, String reason, Integer version) {
        Operation op = operations.get(id, version);
        operations.requirePlanner(op);
        requireText(reason, "reason");
        Operation postponed = operations.transition(op, OperationState.POSTPONED, "POSTPONED", reason.trim());
        clearApprovals(postponed);
        return operations.get(id);
    }

    public record Resumed(Operation operation, List<Targets.Change> changes, int visitsDropped) {
    }

    /**
     * POSTPONED → DRAFT or LEGAL_REVIEW with a new window: every target unit is judged again for the new days, the
     * old plan is dropped (its days are gone), and what changed is returned.
     */
    @Transactional
    public Resumed resume(long id, LocalDate windowStart, LocalDate windowEnd, OperationState to,
            Integer version) {
        Operation op = operations.get(id, version);
        operations.requirePlanner(op);
        if (to != OperationState.DRAFT && to != OperationState.LEGAL_REVIEW) {
            throw new BadInput("to", "a postponed operation resumes as DRAFT or LEGAL_REVIEW");
        }
        Operations.checkWindow(windowStart, windowEnd);
        if (op.state() != OperationState.POSTPONED) {
            throw new Conflict("operation " + id + " is " + op.state() + ", not postponed");
        }
        if (jdbc.sql("update operation set window_start = ?, window_end = ?, version = version + 1 "
                + "where id = ? and version = ?").params(windowStart, windowEnd, id, op.version()).update() == 0) {
            throw operations.changedMeanwhile(op);
        }
        int dropped = jdbc.sql("delete from plan_visit where operation_id = ?").param(id).update();
        jdbc.sql("delete from operation_plan where operation_id = ?").param(id).update();
        Operation moved = operations.transition(operations.get(id), to, "RESUMED", "resumed as " + to
                + " with the window " + windowStart + " to " + windowEnd + " (was " + op.windowStart() + " to "
                + op.windowEnd() + ")");
        List<Targets.Change> changes = targets.recheck(moved);
        return new Resumed(operations.get(id), changes, dropped);
    }

    /**
     * APPROVED → ACTIVE: refused while the dry run finds any conflict, and for an operation the notification policy
     * covers, until its congressional notification package is recorded as sent ({@link CongressionalNotifications}).
     */
    @Transactional
    public Operation launch(long id, Integer version) {
        Operation op = operations.get(id, version);
        operations.requirePlanner(op);
        if (op.state() == OperationState.APPROVED) {
            notifications.requireSentIfRequired(op);
        }
        DryRun.Report report = dryRun.run(op);
        if (!report.conflicts().isEmpty()) {
            throw new Conflict("operation " + id + " cannot launch: the dry run finds " + report.conflicts().size()
                    + " conflicts, e.g. " + report.conflicts().get(0).detail());
        }
        return operations.transition(op, OperationState.ACTIVE, "LAUNCHED", "launched");
    }

    @Transactional
    public Operation close(long id, String summary, Integer version) {
        Operation op = operations.get(id, version);
        operations.requirePlanner(op);
        return operations.transition(op, OperationState.CLOSED, "CLOSED", summary == null ? "closed" : summary);
    }

    @Transactional
    public Operation cancel(long id, String reason, Integer version) {
        Operation op = operations.get(id, version);
        operations.requirePlanner(op);
        requireText(reason, "reason");
        return operations.transition(op, OperationState.CANCELLED, "CANCELLED", reason.trim());
    }

    /** Counsel's clearance and the approval lapse, if nobody changed the operation since {@code op} was read. */
    private void clearApprovals(Operation op) {
        if (jdbc.sql("update operation set legal_cleared_by = null, legal_cleared_at = null, approved_by = null, "
                + "approved_at = null, version = version + 1 where id = ? and version = ?")
                .params(op.id(), op.version()).update() == 0) {
            throw operations.changedMeanwhile(op);
        }
    }

    private static void requireText(String text, String field) {
        if (text == null || text.isBlank()) {
            throw new BadInput(field, field + " is required");
        }
    }
}
