package org.caseops.operation;

import java.net.URI;
import org.caseops.access.Allow;
import org.caseops.access.Role;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Planning in the background (docs/operations-planning.md): start a run of the solver (202 with its address), follow
 * its progress, cancel it. A second run of the same operation while one runs, and a cancel of a run that has ended,
 * are 409s.
 */
@RestController
class PlanRunController {

    private final PlanRuns runs;

    PlanRunController(PlanRuns runs) {
        this.runs = runs;
    }

    /** {@code seconds} the solver may run (1–300, 30); {@code version} the operation's, as the client read it. */
    record StartRequest(Integer seconds, Integer version) {
    }

    @Allow({Role.SUPERVISOR, Role.DIRECTOR})
    @PostMapping("/api/operations/{id}/plan-runs")
    ResponseEntity<PlanRuns.Run> start(@PathVariable long id, @RequestBody(required = false) StartRequest request) {
        PlanRuns.Run run = runs.start(id, request == null ? null : request.seconds(),
                request == null ? null : request.version());
        return ResponseEntity.accepted().location(URI.create("/api/operations/" + id + "/plan-runs/" + run.id()))
                .body(run);
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY})
    @GetMapping("/api/operations/{id}/plan-runs/{run}")
    PlanRuns.Run get(@PathVariable long id, @PathVariable long run) {
        return runs.get(id, run);
    }

    /** Asks the run to stop; it ends within about a second, keeping the best plan if it has no hard violation. */
    @Allow({Role.SUPERVISOR, Role.DIRECTOR})
    @PostMapping("/api/operations/{id}/plan-runs/{run}/cancel")
    ResponseEntity<PlanRuns.Run> cancel(@PathVariable long id, @PathVariable long run) {
        return ResponseEntity.accepted().body(runs.cancel(id, run));
    }
}
