package org.caseops.task;

import org.caseops.access.Allow;
import org.caseops.access.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Queues are queries over open tasks (docs/tasks.md): each takes {@code page} (from 0), {@code size} (1–200, 50) and
 * optionally one open {@code status}, and returns tasks due first with the counts of their children.
 */
@RestController
class QueueController {

    private final Queues queues;

    QueueController(Queues queues) {
        this.queues = queues;
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY})
    @GetMapping("/api/queues/mine")
    Queue mine(@RequestParam(required = false) String tab, @RequestParam(required = false) TaskStatus status,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return queues.mine(Queues.Tab.parse(tab), status, page, size);
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR})
    @GetMapping("/api/queues/team/{team}")
    Queue team(@PathVariable String team, @RequestParam(required = false) String tab,
            @RequestParam(required = false) TaskStatus status, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return queues.team(team, Queues.Tab.parse(tab), status, page, size);
    }


    @Allow({Role.SUPERVISOR, Role.DIRECTOR})
    @GetMapping("/api/queues/overdue")
    Queue overdue(@RequestParam(required = false) TaskStatus status, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return queues.overdue(status, page, size);
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR})
    @GetMapping("/api/queues/operation/{operationId}")
    Queue operation(@PathVariable long operationId, @RequestParam(required = false) TaskStatus status,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return queues.operation(operationId, status, page, size);
    }
}
