package org.caseops.operation;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.caseops.docket.Docket;
import org.caseops.system.BadInput;
import org.caseops.system.Conflict;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Protected areas (schools, day care, places of worship, hospitals, shelters, courthouses…): an address of record
 * flagged as at or near one needs a supervisor's recorded approval for the planned day, under the policy in force
 * that day. Policies are versions with effective dates (the 2011 ICE memo, the 2021 DHS memo, the 2025 rescission);
 * which kinds count and within what distance is the policy's. CaseOps does no geocoding: flags are recorded by staff.
 */
@Service
public class ProtectedAreas {

    public record Policy(long id, String name, LocalDate effectiveFrom, List<String> kinds, int distanceMeters,
            boolean requiresApproval, String source) {
    }

    public record Flag(long id, long personId, String kind, int distanceMeters, String description, String recordedBy) {
    }

    public record Approval(long id, long operationId, long familyId, LocalDate day, long policyId,
            String justification, String approvedBy) {
    }

    private final JdbcClient jdbc;

    private final Docket docket;

    ProtectedAreas(JdbcClient jdbc, Docket docket) {
        this.jdbc = jdbc;
        this.docket = docket;
    }

    public List<Policy> policies() {
        return jdbc.sql("select id, name, effective_from, kinds, distance_meters, requires_approval, source "
                + "from protected_area_policy order by effective_from").query((rs, n) -> new Policy(rs.getLong(1),
                rs.getString(2), rs.getObject(3, LocalDate.class), Arrays.asList((String[]) rs.getArray(4).getArray()),
                rs.getInt(5), rs.getBoolean(6), rs.getString(7))).list();
    }

    /** The policy in force on a day: the latest effective by then. */
    public Optional<Policy> policyOn(LocalDate day) {
        return policies().stream().filter(p -> !p.effectiveFrom().isAfter(day)).reduce((a, b) -> b);
    }

    public List<String> kinds() {
        return jdbc.sql("select code from protected_area_kind order by code").query(String.class).list();
    }

    Flag flag(long personId, String kind, Integer distanceMeters, String description, String actor) {
        if (kind == null || !kinds().contains(kind)) {
            throw new BadInput("kind", "kind is one of " + kinds());
        }
        if (distanceMeters == null || distanceMeters < 0) {
            throw new BadInput("distanceMeters", "the distance from the address to the protected area, in meters");
        }
        long id = jdbc.sql("""
                insert into protected_area_flag (person_id, kind, distance_meters, description, recorded_by)
                values (?, ?, ?, ?, ?) returning id""").params(personId, kind, distanceMeters, description, actor)
                .query(Long.class).single();
        return new Flag(id, personId, kind, distanceMeters, description, actor);
    }

    public List<Flag> flagsOfFamily(long familyId) {
        // the family's people as the docket derives them, through its public query API
        Long[] people = docket.memberIds(familyId).toArray(Long[]::new);
        return jdbc.sql("""
                select id, person_id, kind, distance_meters, description, recorded_by
                from protected_area_flag where person_id = any (?) order by id""").param(people)
                .query((rs, n) -> new Flag(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4),
                        rs.getString(5), rs.getString(6))).list();
    }

    /** The flags that make acting at this family's addresses on {@code day} need an approval (none: no need). */
    public List<Flag> requiringApproval(long familyId, LocalDate day) {
        return requiring(policies(), flagsOfFamily(familyId), day);
    }

    /** The flags the policy in force on {@code day} (of {@code policies}) counts. */
    private static List<Flag> requiring(List<Policy> policies, List<Flag> flags, LocalDate day) {
        Optional<Policy> policy = policies.stream().filter(p -> !p.effectiveFrom().isAfter(day)).reduce((a, b) -> b);
        if (flags.isEmpty() || policy.isEmpty() || !policy.get().requiresApproval()) {
            return List.of();
        }
        return flags.stream().filter(f -> policy.get().kinds().contains(f.kind())
                && f.distanceMeters() <= policy.get().distanceMeters()).toList();
    }

    Approval approve(long operationId, long familyId, LocalDate day, String justification, String supervisor) {
        if (day == null) {
            throw new BadInput("day", "the day of the planned action is required (yyyy-MM-dd)");
        }
        if (justification == null || justification.isBlank()) {
            throw new BadInput("justification", "a protected-area approval states its justification");
        }
        if (requiringApproval(familyId, day).isEmpty()) {
            throw new Conflict("no approval is needed for family " + familyId + " on " + day
                    + " under the policy in force that day");
        }
        long policyId = policyOn(day).orElseThrow().id();
        long id = jdbc.sql("""
                insert into protected_area_approval (operation_id, family_id, day, policy_id, justification, approved_by)
                values (?, ?, ?, ?, ?, ?)
                on conflict (operation_id, family_id, day) do update
                  set policy_id = excluded.policy_id, justification = excluded.justification,
                      approved_by = excluded.approved_by, approved_at = now()
                returning id""").params(operationId, familyId, day, policyId, justification.trim(), supervisor)
                .query(Long.class).single();
        return new Approval(id, operationId, familyId, day, policyId, justification.trim(), supervisor);
    }

    /** Whether the action on {@code day} may go ahead: no approval needed, or one recorded under that day's policy. */
    public boolean clearedOn(long operationId, long familyId, LocalDate day) {
        return clearedDays(operationId, familyId, List.of(day), policies(), flagsOfFamily(familyId)).contains(day);
    }

    /**
     * Of these visits (family and day), those that may not go ahead as far as protected areas go: policies and flags
     * read once for all of them (flags are few: only the flagged people's families are looked at), approvals once
     * per flagged family. The same answer as {@link #clearedOn} asked visit by visit.
     */
    public Set<Map.Entry<Long, LocalDate>> notCleared(long operationId, Collection<Map.Entry<Long, LocalDate>> visits) {
        Map<Long, List<Flag>> flags = flagsOfFamilies(visits.stream().map(Map.Entry::getKey)
                .collect(java.util.stream.Collectors.toSet()));
        if (flags.isEmpty()) {
            return Set.of();
        }
        List<Policy> policies = policies();
        Set<Map.Entry<Long, LocalDate>> out = new LinkedHashSet<>();
        for (Map.Entry<Long, LocalDate> visit : visits) {
            List<Flag> of = flags.get(visit.getKey());
            if (of != null && !clearedDays(operationId, visit.getKey(), List.of(visit.getValue()), policies, of)
                    .contains(visit.getValue())) {
                out.add(visit);
            }
        }
        return out;
    }

    /**
     * {@link #clearedDays(long, long, List)} for many families at once: a family absent from the map needs no
     * approval on any of the days. Policies and flags are read once, approvals once per flagged family.
     */
    public Map<Long, Set<LocalDate>> clearedDays(long operationId, Collection<Long> familyIds, List<LocalDate> days) {
        Map<Long, List<Flag>> flags = flagsOfFamilies(new java.util.HashSet<>(familyIds));
        Map<Long, Set<LocalDate>> out = new java.util.HashMap<>();
        if (flags.isEmpty()) {
            return out;
        }
        List<Policy> policies = policies();
        flags.forEach((familyId, of) -> {
            if (days.stream().anyMatch(d -> !requiring(policies, of, d).isEmpty())) {
                out.put(familyId, clearedDays(operationId, familyId, days, policies, of));
            }
        });
        return out;
    }

    /**
     * The flags of these families' people. Flags are few: the flagged people's families are looked up, not every
     * family's members (the same people {@link #flagsOfFamily} finds, as the docket derives families).
     */
    private Map<Long, List<Flag>> flagsOfFamilies(Set<Long> families) {
        Map<Long, List<Flag>> flags = new java.util.HashMap<>();
        List<Flag> all = jdbc.sql("select id, person_id, kind, distance_meters, description, recorded_by "
                + "from protected_area_flag order by id").query((rs, n) -> new Flag(rs.getLong(1), rs.getLong(2),
                rs.getString(3), rs.getInt(4), rs.getString(5), rs.getString(6))).list();
        Map<Long, Long> familyOf = docket.familiesOf(all.stream().map(Flag::personId).distinct().toList());
        for (Flag flag : all) {
            Long family = familyOf.get(flag.personId());
            if (family != null && families.contains(family)) {
                flags.computeIfAbsent(family, k -> new java.util.ArrayList<>()).add(flag);
            }
        }
        return flags;
    }

    /** The days of the window the unit may be visited as far as protected areas go; {@code null} when no day needs it. */
    public Set<LocalDate> clearedDays(long operationId, long familyId, List<LocalDate> days) {
        List<Policy> policies = policies();
        List<Flag> flags = flagsOfFamily(familyId);
        boolean anyNeeded = days.stream().anyMatch(d -> !requiring(policies, flags, d).isEmpty());
        return anyNeeded ? clearedDays(operationId, familyId, days, policies, flags) : null;
    }

    /** A day of the window on which the policy in force needs an approval for a flag: recorded or not, by whom. */
    public record DayNeed(LocalDate day, String policy, boolean approved, String approvedBy) {
    }

    /** A flag of a family's address with the days of the window it needs an approval on (none: no need). */
    public record FlagStanding(Flag flag, List<DayNeed> days) {

        public boolean allApproved() {
            return days.stream().allMatch(DayNeed::approved);
        }
    }

    /**
     * For the operation board's units: each family's flags, each with the days of {@code days} on which the policy
     * in force needs an approval for it and whether one is recorded under that day's policy. Flags, policies and
     * approvals are read once for all the families (a family absent from the map has no flag).
     */
    public Map<Long, List<FlagStanding>> standings(long operationId, Collection<Long> familyIds,
            List<LocalDate> days) {
        Map<Long, List<Flag>> flags = flagsOfFamilies(new java.util.HashSet<>(familyIds));
        Map<Long, List<FlagStanding>> out = new java.util.HashMap<>();
        if (flags.isEmpty()) {
            return out;
        }
        List<Policy> policies = policies();
        record Approved(long familyId, LocalDate day, long policyId, String by) {
        }
        List<Approved> approvals = jdbc.sql("""
                select family_id, day, policy_id, approved_by from protected_area_approval
                where operation_id = ? and family_id = any (?)""")
                .params(operationId, flags.keySet().toArray(Long[]::new))
                .query((rs, n) -> new Approved(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getLong(3),
                        rs.getString(4))).list();
        flags.forEach((familyId, of) -> out.put(familyId, of.stream().map(flag -> new FlagStanding(flag,
                days.stream().filter(d -> requiring(policies, List.of(flag), d).contains(flag)).map(d -> {
                    Policy policy = policies.stream().filter(p -> !p.effectiveFrom().isAfter(d))
                            .reduce((a, b) -> b).orElseThrow();
                    Optional<Approved> approved = approvals.stream().filter(a -> a.familyId() == familyId
                            && a.day().equals(d) && a.policyId() == policy.id()).findFirst();
                    return new DayNeed(d, policy.name(), approved.isPresent(),
                            approved.map(Approved::by).orElse(null));
                }).toList())).toList()));
        return out;
    }

    /** Policies and flags read once by the caller; approvals read once here, for every day that needs one. */
    private Set<LocalDate> clearedDays(long operationId, long familyId, List<LocalDate> days, List<Policy> policies,
            List<Flag> flags) {
        Set<LocalDate> cleared = new LinkedHashSet<>();
        List<Map.Entry<LocalDate, Long>> approvals = flags.isEmpty() ? List.of() : jdbc.sql(
                "select day, policy_id from protected_area_approval where operation_id = ? and family_id = ?")
                .params(operationId, familyId)
                .query((rs, n) -> Map.entry(rs.getObject(1, LocalDate.class), rs.getLong(2))).list();
        for (LocalDate day : days) {
            if (requiring(policies, flags, day).isEmpty()) {
                cleared.add(day);
                continue;
            }
            long policyId = policies.stream().filter(p -> !p.effectiveFrom().isAfter(day)).reduce((a, b) -> b)
                    .orElseThrow().id();
            if (approvals.contains(Map.entry(day, policyId))) {
                cleared.add(day);
            }
        }
        return cleared;
    }
}
