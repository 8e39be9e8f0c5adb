package org.caseops.operation;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * An operation's targets (need-to-know: its roster, counsel, and its field offices' directors), the care
 * arrangements of members who are not taken, and protected-area flags and approvals. Changes take the operation's
 * {@code version} the client read, optionally (409 naming the current one when it changed since).
 */
@RestController
class TargetController {

    private final OperationActions actions;
    private final ProtectedAreas protectedAreas;

    TargetController(OperationActions actions, ProtectedAreas protectedAreas) {
        this.actions = actions;
        this.protectedAreas = protectedAreas;
    }

    /** Every unit on the operation with each member's standing, days and care arrangement. Audited: it lists people. */
    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY})
    @GetMapping("/api/operations/{id}/targets")
    List<Targets.Unit> targets(@PathVariable long id) {
        return actions.targets(id);
    }

    record AddTarget(Long familyId, List<Long> memberIds, Integer version) {
    }

    /**
     * Adds a family unit. With {@code memberIds}, the request names whom it means to take; naming anyone who may not
     * be a target refuses the request (409) and the refusal is audited.
     */
    @Allow({Role.SUPERVISOR, Role.DIRECTOR})
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/operations/{id}/targets")
    ResponseEntity<Targets.Unit> add(@PathVariable long id, @RequestBody AddTarget request) {
        Targets.Unit unit = actions.addTarget(id, request.familyId(), request.memberIds(), request.version());
        return ResponseEntity.created(URI.create("/api/operations/" + id + "/targets")).body(unit);
    }

    /**
     * Adds every eligible family unit of the operation's field offices the filter selects; the filter is the body,
     * so the version the client read is the {@code version} parameter.
     */
    @Allow({Role.SUPERVISOR, Role.DIRECTOR})
    @PostMapping("/api/operations/{id}/targets/matching")
    Targets.Added addMatching(@PathVariable long id, @RequestBody(required = false) Targets.Filter filter,
            @RequestParam(required = false) Integer version) {
        return actions.addMatching(id, filter, version);
    }

    record Exclusion(String reason, Integer version) {
    }

    @Allow({Role.SUPERVISOR, Role.DIRECTOR})
    @PostMapping("/api/operations/{id}/targets/{familyId}/exclude")
    Targets.Unit exclude(@PathVariable long id, @PathVariable long familyId, @RequestBody Exclusion request) {
        return actions.exclude(id, familyId, request.reason(), request.version());
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR})
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/operations/{id}/care-arrangements")
    ResponseEntity<Care.Arrangement> recordCare(@PathVariable long id, @RequestBody Care.NewArrangement request) {
        return ResponseEntity.created(URI.create("/api/operations/" + id + "/targets"))
                .body(actions.recordCare(id, request));
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY, Role.AUDITOR, Role.ADMIN})
    @GetMapping("/api/protected-area-policies")
    List<ProtectedAreas.Policy> policies() {
        return protectedAreas.policies();
    }

    record NewFlag(String kind, Integer distanceMeters, String description) {
    }

    /** Flags a person's address of record as at or near a protected area (staff record it; no geocoding). */
    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR})
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/people/{aNumber}/protected-area-flags")
    ResponseEntity<ProtectedAreas.Flag> flag(@PathVariable String aNumber, @RequestBody NewFlag request) {
        ProtectedAreas.Flag flag = actions.flag(aNumber, request.kind(), request.distanceMeters(),
                request.description());
        return ResponseEntity.created(URI.create("/api/people/" + org.caseops.docket.Docket.aNumber(aNumber)))
                .body(flag);
    }

    record NewApproval(Long familyId, @NotNull LocalDate day, String justification, Integer version) {
    }

    /** A supervisor's approval to act at a flagged address on a day, under that day's policy. */
    @Allow(Role.SUPERVISOR)
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/operations/{id}/protected-area-approvals")
    ResponseEntity<ProtectedAreas.Approval> approve(@PathVariable long id, @RequestBody NewApproval request) {
        return ResponseEntity.created(URI.create("/api/operations/" + id)).body(actions.approveProtectedArea(id,
                request.familyId(), request.day(), request.justification(), request.version()));
    }
}
