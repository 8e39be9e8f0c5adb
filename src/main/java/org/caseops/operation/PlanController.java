package org.caseops.operation;

import java.time.Duration;
import org.caseops.access.Access;
import org.caseops.access.Allow;
import org.caseops.access.Role;
import org.caseops.system.BadInput;
import org.caseops.system.NotFound;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Planning an operation with the solver, reading the plan, and the dry run. Need-to-know: the plan names units. */
@RestController
class PlanController {

    private final Operations operations;
    private final Planner planner;
    private final DryRun dryRun;
    private final Access access;

    PlanController(Operations operations, Planner planner, DryRun dryRun, Access access) {
        this.operations = operations;
        this.planner = planner;
        this.dryRun = dryRun;
        this.access = access;
    }

    record PlanRequest(Integer seconds) {
    }

    /** Plans a DRAFT: assigns every target unit a day, slot, team and staging site; reports score and violations. */
    @Allow({Role.SUPERVISOR, Role.DIRECTOR})
    @PostMapping("/api/operations/{id}/plan")
    @Transactional
    Planner.Plan plan(@PathVariable long id, @RequestBody(required = false) PlanRequest request) {
        Operation op = operations.get(id);
        operations.requirePlanner(op);
        operations.requireEditable(op);
        int seconds = request == null || request.seconds() == null ? (int) Planner.DEFAULT_LIMIT.toSeconds()
                : request.seconds();
        if (seconds < 1 || seconds > 300) {
            throw new BadInput("seconds", "the solver runs 1 to 300 seconds");
        }
        return planner.plan(op, Duration.ofSeconds(seconds), access.actor().username());
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY})
    @GetMapping("/api/operations/{id}/plan")
    Planner.StoredPlan stored(@PathVariable long id) {
        Operation op = operations.get(id);
        operations.requireNeedToKnow(op);
        return planner.stored(id).orElseThrow(() -> new NotFound("operation " + id + " has no plan yet"));
    }

    /** Replays the plan day by day as of its dates and lists every conflict. Changes nothing but the audit trail. */
    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY})
    @PostMapping("/api/operations/{id}/dry-run")
    DryRun.Report dryRun(@PathVariable long id) {
        Operation op = operations.get(id);
        operations.requireNeedToKnow(op);
        DryRun.Report report = dryRun.run(op);
        access.audit("OPERATION_DRY_RUN", new Access.Subject("OPERATION", String.valueOf(id), null),
                report.conflicts().size() + " conflicts " + report.byKind());
        return report;
    }
}
