package org.caseops.operation;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.caseops.access.Access;
import org.caseops.access.Allow;
import org.caseops.access.Role;
import org.caseops.operation.OperationActions.Overview;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operations: create, read, roster, staging sites, teams, and the moves through their states. Every change takes an
 * optional {@code version} (the operation's, as the client last read it): an operation changed since is refused with
 * 409 naming its current version rather than overwritten.
 */
@RestController
class OperationController {

    private final OperationActions actions;
    private final Operations operations;
    private final Lifecycle lifecycle;
    private final Access access;

    OperationController(OperationActions actions, Operations operations, Lifecycle lifecycle, Access access) {
        this.actions = actions;
        this.operations = operations;
        this.lifecycle = lifecycle;
        this.access = access;
    }

    @Allow({Role.SUPERVISOR, Role.DIRECTOR})
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/operations")
    ResponseEntity<Overview> create(@RequestBody Operations.NewOperation request) {
        Overview created = actions.create(request);
        return ResponseEntity.created(URI.create("/api/operations/" + created.operation().id())).body(created);
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY, Role.AUDITOR})
    @GetMapping("/api/operations")
    org.caseops.system.Paged<Operation> list(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        return org.caseops.system.Paged.of(operations.visible(access.actor()), page, size);
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY, Role.AUDITOR})
    @GetMapping("/api/operations/{id}")
    Overview get(@PathVariable long id) {
        return actions.read(id);
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY, Role.AUDITOR})
    @GetMapping("/api/operations/{id}/events")
    List<Operations.Event> events(@PathVariable long id) {
        return actions.events(id);
    }

    record RosterRequest(String username, Logistics.Duty duty, Integer version) {
    }

    @Allow({Role.SUPERVISOR, Role.DIRECTOR})
    @PostMapping("/api/operations/{id}/roster")
    List<Logistics.RosterEntry> addToRoster(@PathVariable long id, @RequestBody RosterRequest request) {
        return actions.addToRoster(id, request.username(), request.duty(), request.version());
    }

    @Allow({Role.SUPERVISOR, Role.DIRECTOR})
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/operations/{id}/staging-sites")
    ResponseEntity<Logistics.Site> addSite(@PathVariable long id, @RequestBody Logistics.NewSite request) {
        return ResponseEntity.created(URI.create("/api/operations/" + id)).body(actions.addSite(id, request));
    }

    @Allow({Role.SUPERVISOR, Role.DIRECTOR})
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/operations/{id}/teams")
    ResponseEntity<Logistics.Team> addTeam(@PathVariable long id, @RequestBody Logistics.NewTeam request) {
        return ResponseEntity.created(URI.create("/api/operations/" + id)).body(actions.addTeam(id, request));
    }

    /** A reason, findings or summary, and the version the client read (both optional where the action allows). */
    record Reason(String reason, Integer version) {
    }

    record Resume(LocalDate windowStart, LocalDate windowEnd, OperationState to, Integer version) {
    }

    @Allow({Role.SUPERVISOR, Role.DIRECTOR})
    @PostMapping("/api/operations/{id}/submit")
    Overview submit(@PathVariable long id, @RequestBody(required = false) Reason request) {
        return actions.overview(lifecycle.submitForLegalReview(id, version(request)));
    }

    @Allow(Role.ATTORNEY)
    @PostMapping("/api/operations/{id}/legal-review/clear")
    List<Targets.Change> clear(@PathVariable long id, @RequestBody(required = false) Reason note) {
        return lifecycle.clearLegalReview(id, note == null ? null : note.reason(), version(note));
    }

    @Allow(Role.ATTORNEY)
    @PostMapping("/api/operations/{id}/legal-review/return")
    Overview returnToDraft(@PathVariable long id, @RequestBody Reason findings) {
        return actions.overview(lifecycle.returnToDraft(id, findings.reason(), findings.version()));
    }

    @Allow(Role.DIRECTOR)
    @PostMapping("/api/operations/{id}/approve")
    Overview approve(@PathVariable long id, @RequestBody(required = false) Reason request) {
        return actions.overview(lifecycle.approve(id, version(request)));
    }

    @Allow({Role.SUPERVISOR, Role.DIRECTOR})
    @PostMapping("/api/operations/{id}/postpone")
    Overview postpone(@PathVariable long id, @RequestBody Reason reason) {
        return actions.overview(lifecycle.postpone(id, reason.reason(), reason.version()));
    }

    @Allow({Role.SUPERVISOR, Role.DIRECTOR})
    @PostMapping("/api/operations/{id}/resume")
    Lifecycle.Resumed resume(@PathVariable long id, @RequestBody Resume request) {
        return lifecycle.resume(id, request.windowStart(), request.windowEnd(), request.to(), request.version());
    }

    @Allow({Role.SUPERVISOR, Role.DIRECTOR})
    @PostMapping("/api/operations/{id}/launch")
    Overview launch(@PathVariable long id, @RequestBody(required = false) Reason request) {
        return actions.overview(lifecycle.launch(id, version(request)));
    }

    @Allow({Role.SUPERVISOR, Role.DIRECTOR})
    @PostMapping("/api/operations/{id}/close")
    Overview close(@PathVariable long id, @RequestBody(required = false) Reason summary) {
        return actions.overview(lifecycle.close(id, summary == null ? null : summary.reason(), version(summary)));
    }

    @Allow({Role.SUPERVISOR, Role.DIRECTOR})
    @PostMapping("/api/operations/{id}/cancel")
    Overview cancel(@PathVariable long id, @RequestBody Reason reason) {
        return actions.overview(lifecycle.cancel(id, reason.reason(), reason.version()));
    }

    private static Integer version(Reason request) {
        return request == null ? null : request.version();
    }
}
