package org.caseops.operation;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.caseops.access.Access;
import org.caseops.access.Allow;
import org.caseops.access.Role;
import org.caseops.jurisdiction.CooperationPolicies;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Operations: create, read, roster, staging sites, teams, and the moves through their states. */
@RestController
class OperationController {

    private final Operations operations;
    private final Lifecycle lifecycle;
    private final Logistics logistics;
    private final Targets targets;
    private final CooperationPolicies policies;
    private final Access access;

    OperationController(Operations operations, Lifecycle lifecycle, Logistics logistics, Targets targets,
            CooperationPolicies policies, Access access) {
        this.operations = operations;
        this.lifecycle = lifecycle;
        this.logistics = logistics;
        this.targets = targets;
        this.policies = policies;
        this.access = access;
    }

    /** What anyone with a part in the operation sees: no people, only counts. */
    record Overview(Operation operation, List<OperationState> next, int targetUnits, int targetPeople,
            int notTakenMembers, int careArrangementsMissing, List<Logistics.RosterEntry> roster,
            List<Logistics.Site> stagingSites, List<Logistics.Team> teams,
            List<CooperationPolicies.Policy> cooperationPolicies) {
    }

    @Allow({Role.SUPERVISOR, Role.DIRECTOR})
    @PostMapping("/api/operations")
    @Transactional
    ResponseEntity<Overview> create(@RequestBody Operations.NewOperation request) {
        Operation op = operations.create(request);
        return ResponseEntity.created(URI.create("/api/operations/" + op.id())).body(overview(op));
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY, Role.AUDITOR})
    @GetMapping("/api/operations")
    List<Operation> list() {
        return operations.visible(access.actor());
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY, Role.AUDITOR})
    @GetMapping("/api/operations/{id}")
    Overview get(@PathVariable long id) {
        Operation op = operations.get(id);
        operations.requireVisible(op);
        return overview(op);
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY, Role.AUDITOR})
    @GetMapping("/api/operations/{id}/events")
    List<Operations.Event> events(@PathVariable long id) {
        Operation op = operations.get(id);
        operations.requireVisible(op);
        return operations.events(id);
    }

    record RosterRequest(String username, Logistics.Duty duty) {
    }

    @Allow({Role.SUPERVISOR, Role.DIRECTOR})
    @PostMapping("/api/operations/{id}/roster")
    @Transactional
    List<Logistics.RosterEntry> addToRoster(@PathVariable long id, @RequestBody RosterRequest request) {
        Operation op = draft(id);
        Logistics.RosterEntry entry = logistics.addToRoster(op, request.username(), request.duty(),
                access.actor().username());
        operations.touch(op);
        operations.event(op, "ROSTER_CHANGED", null, null, entry.username() + " as " + request.duty());
        return logistics.roster(id);
    }

    @Allow({Role.SUPERVISOR, Role.DIRECTOR})
    @PostMapping("/api/operations/{id}/staging-sites")
    @Transactional
    ResponseEntity<Logistics.Site> addSite(@PathVariable long id, @RequestBody Logistics.NewSite request) {
        Operation op = draft(id);
        Logistics.Site site = logistics.addSite(op, request);
        operations.touch(op);
        operations.event(op, "STAGING_SITE_ADDED", null, null, site.name() + " (" + site.kind() + ", "
                + site.capacityPeople() + " people, " + site.capacityFamilyRooms() + " family rooms, at most "
                + site.maxHours() + " h)");
        return ResponseEntity.created(URI.create("/api/operations/" + id)).body(site);
    }

    @Allow({Role.SUPERVISOR, Role.DIRECTOR})
    @PostMapping("/api/operations/{id}/teams")
    @Transactional
    ResponseEntity<Logistics.Team> addTeam(@PathVariable long id, @RequestBody Logistics.NewTeam request) {
        Operation op = draft(id);
        Logistics.Team team = logistics.addTeam(op, request);
        operations.touch(op);
        operations.event(op, "TEAM_ADDED", null, null, team.name() + " (" + team.size() + " officers, "
                + team.shifts().size() + " shifts)");
        return ResponseEntity.created(URI.create("/api/operations/" + id)).body(team);
    }

    record Reason(String reason) {
    }

    record Resume(LocalDate windowStart, LocalDate windowEnd, OperationState to) {
    }

    @Allow({Role.SUPERVISOR, Role.DIRECTOR})
    @PostMapping("/api/operations/{id}/submit")
    Overview submit(@PathVariable long id) {
        return overview(lifecycle.submitForLegalReview(id));
    }

    @Allow(Role.ATTORNEY)
    @PostMapping("/api/operations/{id}/legal-review/clear")
    List<Targets.Change> clear(@PathVariable long id, @RequestBody(required = false) Reason note) {
        return lifecycle.clearLegalReview(id, note == null ? null : note.reason());
    }

    @Allow(Role.ATTORNEY)
    @PostMapping("/api/operations/{id}/legal-review/return")
    Overview returnToDraft(@PathVariable long id, @RequestBody Reason findings) {
        return overview(lifecycle.returnToDraft(id, findings.reason()));
    }

    @Allow(Role.DIRECTOR)
    @PostMapping("/api/operations/{id}/approve")
    Overview approve(@PathVariable long id) {
        return overview(lifecycle.approve(id));
    }

    @Allow({Role.SUPERVISOR, Role.DIRECTOR})
    @PostMapping("/api/operations/{id}/postpone")
    Overview postpone(@PathVariable long id, @RequestBody Reason reason) {
        return overview(lifecycle.postpone(id, reason.reason()));
    }

    @Allow({Role.SUPERVISOR, Role.DIRECTOR})
    @PostMapping("/api/operations/{id}/resume")
    Lifecycle.Resumed resume(@PathVariable long id, @RequestBody Resume request) {
        return lifecycle.resume(id, request.windowStart(), request.windowEnd(), request.to());
    }

    @Allow({Role.SUPERVISOR, Role.DIRECTOR})
    @PostMapping("/api/operations/{id}/launch")
    Overview launch(@PathVariable long id) {
        return overview(lifecycle.launch(id));
    }

    @Allow({Role.SUPERVISOR, Role.DIRECTOR})
    @PostMapping("/api/operations/{id}/close")
    Overview close(@PathVariable long id, @RequestBody(required = false) Reason summary) {
        return overview(lifecycle.close(id, summary == null ? null : summary.reason()));
    }

    @Allow({Role.SUPERVISOR, Role.DIRECTOR})
    @PostMapping("/api/operations/{id}/cancel")
    Overview cancel(@PathVariable long id, @RequestBody Reason reason) {
        return overview(lifecycle.cancel(id, reason.reason()));
    }

    private Operation draft(long id) {
        Operation op = operations.get(id);
        operations.requirePlanner(op);
        operations.requireEditable(op);
        return op;
    }

    private Overview overview(Operation op) {
        List<Targets.Unit> units = targets.units(op.id(), true);
        int people = units.stream().mapToInt(u -> u.targets().size()).sum();
        int others = units.stream().mapToInt(u -> u.members().size() - u.targets().size()).sum();
        int missing = (int) units.stream().flatMap(u -> u.members().stream())
                .filter(m -> m.standing() == Targets.Standing.NOT_A_TARGET && m.care() == null).count();
        return new Overview(op, List.copyOf(op.state().next()), units.size(), people, others, missing,
                logistics.roster(op.id()), logistics.sites(op.id()), logistics.teams(op.id()),
                op.fieldOffices().stream().flatMap(o -> policies.inForce(o, op.windowStart()).stream()).toList());
    }
}
