package org.caseops.task;

import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.caseops.access.Allow;
import org.caseops.access.Role;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * One task: read it, create a GENERAL one by hand, and work on it. Every action takes an optional {@code version}
 * (the one the caller last read): a task changed since is refused with 409 rather than overwritten.
 */
@RestController
class TaskController {

    private final Tasks tasks;
    private final TaskBatches batches;

    TaskController(Tasks tasks, TaskBatches batches) {
        this.tasks = tasks;
        this.batches = batches;
    }

    /** What {@code POST /api/tasks} takes: a user or a team; the field office defaults to the caller's. */
    record NewTaskRequest(TaskType type, @Size(min = 1, max = 500) String title, @Size(max = 100) String user,
            @Size(max = 100) String team, @Size(max = 3) String fieldOffice, SubjectType subjectType,
            @Size(max = 64) String subjectId, Long operationId, Long parentId, Instant dueAt,
            TaskPriority priority) {
    }

    record Start(Integer version) {
    }

    record Complete(@Size(max = 10_000) String resolution, Integer version) {
    }

    record Cancel(@Size(min = 1, max = 10_000) String reason, Integer version) {
    }

    record Reassign(@Size(max = 100) String user, @Size(max = 100) String team, Integer version) {
    }

    record Hold(@Size(max = 10_000) String reason, LocalDate until, Integer version) {
    }

    record Release(Integer version) {
    }

    record Prioritize(TaskPriority priority, Integer version) {
    }

    record BulkReassign(List<TaskBatches.Item> tasks, @Size(max = 100) String user, @Size(max = 100) String team) {
    }

    record BulkHold(List<TaskBatches.Item> tasks, @Size(max = 10_000) String reason, LocalDate until) {
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY})
    @GetMapping("/api/tasks/{id}")
    Tasks.View get(@PathVariable long id) {
        return tasks.read(id);
    }

    @Allow({Role.SUPERVISOR, Role.DIRECTOR})
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/tasks")
    ResponseEntity<Task> create(@RequestBody NewTaskRequest request) {
        Task task = tasks.createByHand(new NewTask(request.type(), request.title(), request.fieldOffice(),
                new Assignee(request.user(), request.team()), request.subjectType(), request.subjectId(),
                request.operationId(), request.parentId(), request.dueAt()), request.priority());
        return ResponseEntity.created(URI.create("/api/tasks/" + task.id())).body(task);
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY})
    @PostMapping("/api/tasks/{id}/start")
    Task start(@PathVariable long id, @RequestBody(required = false) Start request) {
        return tasks.start(id, request == null ? null : request.version());
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY})
    @PostMapping("/api/tasks/{id}/complete")
    Task complete(@PathVariable long id, @RequestBody(required = false) Complete request) {
        return tasks.complete(id, request == null ? null : request.resolution(),
                request == null ? null : request.version());
    }

    @Allow({Role.SUPERVISOR, Role.DIRECTOR})
    @PostMapping("/api/tasks/{id}/cancel")
    Task cancel(@PathVariable long id, @RequestBody(required = false) Cancel request) {
        return tasks.cancel(id, request == null ? null : request.reason(), request == null ? null : request.version());
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY})
    @PostMapping("/api/tasks/{id}/reassign")
    Task reassign(@PathVariable long id, @RequestBody(required = false) Reassign request) {
        return tasks.reassign(id, request == null ? null : new Assignee(request.user(), request.team()),
                request == null ? null : request.version());
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY})
    @PostMapping("/api/tasks/{id}/hold")
    Task hold(@PathVariable long id, @RequestBody(required = false) Hold request) {
        return tasks.hold(id, request == null ? null : request.reason(), request == null ? null : request.until(),
                request == null ? null : request.version());
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY})
    @PostMapping("/api/tasks/{id}/release")
    Task release(@PathVariable long id, @RequestBody(required = false) Release request) {
        return tasks.release(id, request == null ? null : request.version());
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY})
    @PostMapping("/api/tasks/{id}/priority")
    Task prioritize(@PathVariable long id, @RequestBody(required = false) Prioritize request) {
        return tasks.prioritize(id, request == null ? null : request.priority(),
                request == null ? null : request.version());
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY})
    @PostMapping("/api/tasks/bulk/reassign")
    TaskBatches.Result reassignAll(@RequestBody(required = false) BulkReassign request) {
        return batches.reassign(request == null ? null : request.tasks(),
                request == null ? null : new Assignee(request.user(), request.team()));
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY})
    @PostMapping("/api/tasks/bulk/hold")
    TaskBatches.Result holdAll(@RequestBody(required = false) BulkHold request) {
        return batches.hold(request == null ? null : request.tasks(), request == null ? null : request.reason(),
                request == null ? null : request.until());
    }
}
