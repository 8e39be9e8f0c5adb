package org.caseops.operation;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.caseops.access.Access;
import org.caseops.access.Allow;
import org.caseops.access.Role;
import org.caseops.docket.Docket;
import org.caseops.system.NotFound;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * An operation's targets (need-to-know: its roster, counsel, and its field offices' directors), the care
 * arrangements of members who are not taken, and protected-area flags and approvals.
 */
@RestController
class TargetController {

    private final Operations operations;
    private final Targets targets;
    private final Care care;
    private final ProtectedAreas protectedAreas;
    private final Docket docket;
    private final Access access;

    TargetController(Operations operations, Targets targets, Care care, ProtectedAreas protectedAreas, Docket docket,
            Access access) {
        this.operations = operations;
        this.targets = targets;
        this.care = care;
        this.protectedAreas = protectedAreas;
        this.docket = docket;
        this.access = access;
    }

    /** Every unit on the operation with each member's standing, days and care arrangement. Audited: it lists people. */
    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY})
    @GetMapping("/api/operations/{id}/targets")
    List<Targets.Unit> targets(@PathVariable long id) {
        Operation op = operations.get(id);
        operations.requireNeedToKnow(op);
        List<Targets.Unit> units = targets.units(id, false);
        access.audit("OPERATION_TARGETS_READ", new Access.Subject("OPERATION", String.valueOf(id), null),
                units.size() + " units");
        return units;
    }

    record AddTarget(Long familyId, List<Long> memberIds) {
    }

    /**
     * Adds a family unit. With {@code memberIds}, the request names whom it means to take; naming anyone who may not
     * be a target refuses the request (409) and the refusal is audited.
     */
    @Allow({Role.SUPERVISOR, Role.DIRECTOR})
    @PostMapping("/api/operations/{id}/targets")
    ResponseEntity<Targets.Unit> add(@PathVariable long id, @RequestBody AddTarget request) {
        if (request.familyId() == null) {
            throw new org.caseops.system.BadInput("familyId", "which family unit (its lead case)");
        }
        Operation op = operations.get(id);
        operations.requirePlanner(op);
        operations.requireEditable(op);
        Targets.Unit unit = targets.add(op, request.familyId(), request.memberIds());
        return ResponseEntity.created(URI.create("/api/operations/" + id + "/targets")).body(unit);
    }

    /** Adds every eligible family unit of the operation's field offices the filter selects. */
    @Allow({Role.SUPERVISOR, Role.DIRECTOR})
    @PostMapping("/api/operations/{id}/targets/matching")
    Targets.Added addMatching(@PathVariable long id, @RequestBody(required = false) Targets.Filter filter) {
        Operation op = operations.get(id);
        operations.requirePlanner(op);
        operations.requireEditable(op);
        return targets.addMatching(op, filter);
    }

    record Exclusion(String reason) {
    }

    @Allow({Role.SUPERVISOR, Role.DIRECTOR})
    @PostMapping("/api/operations/{id}/targets/{familyId}/exclude")
    @Transactional
    Targets.Unit exclude(@PathVariable long id, @PathVariable long familyId, @RequestBody Exclusion request) {
        Operation op = operations.get(id);
        operations.requirePlanner(op);
        targets.exclude(op, familyId, request.reason());
        return targets.unit(id, familyId);
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR})
    @PostMapping("/api/operations/{id}/care-arrangements")
    @Transactional
    ResponseEntity<Care.Arrangement> recordCare(@PathVariable long id, @RequestBody Care.NewArrangement request) {
        Operation op = operations.get(id);
        operations.requireNeedToKnow(op);
        if (!op.state().editable() && op.state() != OperationState.LEGAL_REVIEW) {
            throw new org.caseops.system.Conflict("operation " + id + " is " + op.state()
                    + ": care arrangements are recorded before approval");
        }
        Care.Arrangement arrangement = care.record(id, request, access.actor().username());
        operations.event(op, "CARE_ARRANGEMENT_RECORDED", null, null, "person " + arrangement.personId() + ": "
                + arrangement.kind());
        return ResponseEntity.created(URI.create("/api/operations/" + id + "/targets")).body(arrangement);
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
    @PostMapping("/api/people/{aNumber}/protected-area-flags")
    @Transactional
    ResponseEntity<ProtectedAreas.Flag> flag(@PathVariable String aNumber, @RequestBody NewFlag request) {
        String a = Docket.aNumber(aNumber);
        Access.Subject subject = docket.personSubject(a).orElseThrow(() -> new NotFound("no person " + a));
        access.mayChange(subject);
        long personId = docket.person(a, LocalDate.now()).orElseThrow().id();
        ProtectedAreas.Flag flag = protectedAreas.flag(personId, request.kind(), request.distanceMeters(),
                request.description(), access.actor().username());
        access.audit("PROTECTED_AREA_FLAGGED", subject, flag.kind() + " within " + flag.distanceMeters() + " m");
        return ResponseEntity.created(URI.create("/api/people/" + a)).body(flag);
    }

    record NewApproval(Long familyId, LocalDate day, String justification) {
    }

    /** A supervisor's approval to act at a flagged address on a day, under that day's policy. */
    @Allow(Role.SUPERVISOR)
    @PostMapping("/api/operations/{id}/protected-area-approvals")
    @Transactional
    ResponseEntity<ProtectedAreas.Approval> approve(@PathVariable long id, @RequestBody NewApproval request) {
        Operation op = operations.get(id);
        operations.requireNeedToKnow(op);
        if (request.familyId() == null || !targets.isTarget(id, request.familyId())) {
            throw new org.caseops.system.BadInput("familyId", "a target unit of operation " + id);
        }
        ProtectedAreas.Approval approval = protectedAreas.approve(id, request.familyId(), request.day(),
                request.justification(), access.actor().username());
        operations.event(op, "PROTECTED_AREA_APPROVED", null, null, "family " + request.familyId() + " on "
                + request.day() + ": " + approval.justification());
        return ResponseEntity.created(URI.create("/api/operations/" + id)).body(approval);
    }
}
