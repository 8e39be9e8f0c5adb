package org.caseops.operation;

import org.caseops.access.Allow;
import org.caseops.access.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Planning an operation with the solver, reading the plan, and the dry run. Need-to-know: the plan names units. */
@RestController
class PlanController {

    private final Planner planner;
    private final OperationActions actions;

    PlanController(Planner planner, OperationActions actions) {
        this.planner = planner;
        this.actions = actions;
    }

    /** {@code seconds} the solver may run (1–300, 30); {@code version} the operation's, as the client read it. */
    record PlanRequest(Integer seconds, Integer version) {
    }

    /** Plans a DRAFT: assigns every target unit a day, slot, team and staging site; reports score and violations. */
    @Allow({Role.SUPERVISOR, Role.DIRECTOR})
    @PostMapping("/api/operations/{id}/plan")
    Planner.Plan plan(@PathVariable long id, @RequestBody(required = false) PlanRequest request) {
        return planner.plan(id, request == null ? null : request.seconds(), request == null ? null : request.version());
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY})
    @GetMapping("/api/operations/{id}/plan")
    Planner.StoredPlan stored(@PathVariable long id) {
        return planner.storedFor(id);
    }

    /** Replays the plan day by day as of its dates and lists every conflict. Changes nothing but the audit trail. */
    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY})
    @PostMapping("/api/operations/{id}/dry-run")
    DryRun.Report dryRun(@PathVariable long id) {
        return actions.dryRun(id);
    }
}
