package org.caseops.operation;

import java.time.LocalDate;
import java.util.List;
import org.caseops.access.Access;
import org.caseops.docket.Docket;
import org.caseops.jurisdiction.CooperationPolicies;
import org.caseops.system.BadInput;
import org.caseops.system.Conflict;
import org.caseops.system.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The use cases behind the operation API that are not moves through its states ({@link Lifecycle}) or planning
 * ({@link Planner}): create, read, roster, staging sites, teams, targets, care arrangements, protected areas. Each
 * one checks who may do it, runs in one transaction (adding targets runs its own, so that a refusal stays audited)
 * and writes the operation's event. A change takes the operation's {@code version} the client read, optionally: an
 * operation changed since is a 409 naming its current version ({@link Operations#get(long, Integer)}).
 */
@Service
class OperationActions {

    /** What anyone with a part in the operation sees: no people, only counts. */
    record Overview(Operation operation, List<OperationState> next, int targetUnits, int targetPeople,
            int notTakenMembers, int careArrangementsMissing, List<Logistics.RosterEntry> roster,
            List<Logistics.Site> stagingSites, List<Logistics.Team> teams,
            List<CooperationPolicies.Policy> cooperationPolicies) {
    }

    private final Operations operations;
    private final Logistics logistics;
    private final Targets targets;
    private final Care care;
    private final ProtectedAreas protectedAreas;
    private final CooperationPolicies policies;
    private final DryRun dryRun;
    private final Docket docket;
    private final Access access;

    OperationActions(Operations operations, Logistics logistics, Targets targets, Care care,
            ProtectedAreas protectedAreas, CooperationPolicies policies, DryRun dryRun, Docket docket,
            Access access) {
        this.operations = operations;
        this.logistics = logistics;
        this.targets = targets;
        this.care = care;
        this.protectedAreas = protectedAreas;
        this.policies = policies;
        this.dryRun = dryRun;
        this.docket = docket;
        this.access = access;
    }

    @Transactional
    Overview create(Operations.NewOperation request) {
        return overview(operations.create(request));
    }

    /**
     * {@code read} in one repeatable-read transaction: every statement sees the same moment of the database (the
     * board, whose forms carry the operation's version beside the plan and run they show).
     */
    @Transactional(isolation = Isolation.REPEATABLE_READ)
    <T> T inOneSnapshot(java.util.function.Supplier<T> read) {
        return read.get();
    }

    /** The operation's overview, for anyone with a part in it. */
    Overview read(long id) {
        Operation op = operations.get(id);
        operations.requireVisible(op);
        return overview(op);
    }

    List<Operations.Event> events(long id) {
        operations.requireVisible(operations.get(id));
        return operations.events(id);
    }

    @Transactional
    List<Logistics.RosterEntry> addToRoster(long id, String username, Logistics.Duty duty, Integer version) {
        Operation op = draft(id, version);
        Logistics.RosterEntry entry = logistics.addToRoster(op, username, duty, access.actor().username());
        operations.touch(op);
        operations.event(op, "ROSTER_CHANGED", null, null, entry.username() + " as " + duty);
        return logistics.roster(id);
    }

    @Transactional
    Logistics.Site addSite(long id, Logistics.NewSite request) {
        Operation op = draft(id, request.version());
        Logistics.Site site = logistics.addSite(op, request);
        operations.touch(op);
        operations.event(op, "STAGING_SITE_ADDED", null, null, site.name() + " (" + site.kind() + ", "
                + site.capacityPeople() + " people, " + site.capacityFamilyRooms() + " family rooms, at most "
                + site.maxHours() + " h)");
        return site;
    }

    @Transactional
    Logistics.Team addTeam(long id, Logistics.NewTeam request) {
        Operation op = draft(id, request.version());
        Logistics.Team team = logistics.addTeam(op, request);
        operations.touch(op);
        operations.event(op, "TEAM_ADDED", null, null, team.name() + " (" + team.size() + " officers, "
                + team.shifts().size() + " shifts)");
        return team;
    }

    /** Every unit on the operation with each member's standing: need-to-know, and audited (it lists people). */
    List<Targets.Unit> targets(long id) {
        Operation op = operations.get(id);
        operations.requireNeedToKnow(op);
        List<Targets.Unit> units = targets.units(id, false);
        access.audit("OPERATION_TARGETS_READ", new Access.Subject("OPERATION", String.valueOf(id), null),
                units.size() + " units");
        return units;
    }

    /** Adds a family unit (not in one transaction here: a refusal is audited on its own, see {@link Targets#add}). */
    Targets.Unit addTarget(long id, Long familyId, List<Long> memberIds, Integer version) {
        if (familyId == null) {
            throw new BadInput("familyId", "which family unit (its lead case)");
        }
        return targets.add(draft(id, version), familyId, memberIds);
    }

    /** Adds every eligible unit the filter selects, each in its own transaction. */
    Targets.Added addMatching(long id, Targets.Filter filter, Integer version) {
        return targets.addMatching(draft(id, version), filter);
    }

    @Transactional
    Targets.Unit exclude(long id, long familyId, String reason, Integer version) {
        Operation op = operations.get(id, version);
        operations.requirePlanner(op);
        targets.exclude(op, familyId, reason);
        return targets.unit(id, familyId);
    }

    @Transactional
    Care.Arrangement recordCare(long id, Care.NewArrangement request) {
        Operation op = operations.get(id, request.version());
        operations.requireNeedToKnow(op);
        if (!op.state().editable() && op.state() != OperationState.LEGAL_REVIEW) {
            throw new Conflict("operation " + id + " is " + op.state()
                    + ": care arrangements are recorded before approval");
        }
        Care.Arrangement arrangement = care.record(id, request, access.actor().username());
        operations.event(op, "CARE_ARRANGEMENT_RECORDED", null, null, "person " + arrangement.personId() + ": "
                + arrangement.kind());
        return arrangement;
    }

    /** Flags a person's address of record as at or near a protected area (staff record it; no geocoding). */
    @Transactional
    ProtectedAreas.Flag flag(String aNumber, String kind, Integer distanceMeters, String description) {
        String a = Docket.aNumber(aNumber);
        Access.Subject subject = docket.personSubject(a).orElseThrow(() -> new NotFound("no person " + a));
        access.mayChange(subject);
        long personId = docket.person(a, LocalDate.now()).orElseThrow().id();
        ProtectedAreas.Flag flag = protectedAreas.flag(personId, kind, distanceMeters, description,
                access.actor().username());
        access.audit("PROTECTED_AREA_FLAGGED", subject, flag.kind() + " within " + flag.distanceMeters() + " m");
        return flag;
    }

    /** A supervisor's approval to act at a flagged address on a day, under that day's policy. */
    @Transactional
    ProtectedAreas.Approval approveProtectedArea(long id, Long familyId, LocalDate day, String justification,
            Integer version) {
        Operation op = operations.get(id, version);
        operations.requireNeedToKnow(op);
        if (familyId == null || !targets.isTarget(id, familyId)) {
            throw new BadInput("familyId", "a target unit of operation " + id);
        }
        ProtectedAreas.Approval approval = protectedAreas.approve(id, familyId, day, justification,
                access.actor().username());
        operations.event(op, "PROTECTED_AREA_APPROVED", null, null, "family " + familyId + " on " + day + ": "
                + approval.justification());
        return approval;
    }

    /** Replays the plan day by day as of its dates and lists every conflict; changes nothing but the audit trail. */
    DryRun.Report dryRun(long id) {
        Operation op = operations.get(id);
        operations.requireNeedToKnow(op);
        DryRun.Report report = dryRun.run(op);
        access.audit("OPERATION_DRY_RUN", new Access.Subject("OPERATION", String.valueOf(id), null),
                report.conflicts().size() + " conflicts " + report.byKind());
        return report;
    }

    Overview overview(Operation op) {
        List<Targets.Unit> units = targets.units(op.id(), true);
        int people = units.stream().mapToInt(u -> u.targets().size()).sum();
        int others = units.stream().mapToInt(u -> u.members().size() - u.targets().size()).sum();
        int missing = (int) units.stream().flatMap(u -> u.members().stream())
                .filter(m -> m.standing() == Targets.Standing.NOT_A_TARGET && m.care() == null).count();
        return new Overview(op, List.copyOf(op.state().next()), units.size(), people, others, missing,
                logistics.roster(op.id()), logistics.sites(op.id()), logistics.teams(op.id()),
                op.fieldOffices().stream().flatMap(o -> policies.inForce(o, op.windowStart()).stream()).toList());
    }

    private Operation draft(long id, Integer version) {
        Operation op = operations.get(id, version);
        operations.requirePlanner(op);
        operations.requireEditable(op);
        return op;
    }
}
