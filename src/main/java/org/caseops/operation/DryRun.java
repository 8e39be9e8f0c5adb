package org.caseops.operation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.caseops.legal.LegalGate;
import org.caseops.legal.rules.Status;
import org.caseops.operation.schedule.Assignment;
import org.caseops.operation.schedule.ScheduleConstraints;
import org.caseops.operation.schedule.ScheduleInput;
import org.caseops.operation.schedule.ScheduleResult;
import org.caseops.operation.schedule.ScheduleSolver;
import org.caseops.operation.schedule.Violation;
import org.springframework.stereotype.Service;

/**
 * Replays an operation's plan day by day as of its dates, before anyone goes out, and lists every conflict: an order
 * that is no longer executable on its day (an appeal filed, a motion pending, a stay), a member left without a care
 * arrangement, a protected-area approval missing under that day's policy, a staging site overloaded or a person held
 * too long, a team double-booked or off shift, a target unit with no visit.
 */
@Service
public class DryRun {

    public enum Kind {
        ORDER_NOT_EXECUTABLE, CARE_ARRANGEMENT_MISSING, PROTECTED_AREA_APPROVAL_MISSING, STAGING_OVERLOAD,
        HELD_TOO_LONG, TEAM_CONFLICT, UNPLANNED_TARGET, NO_PLAN, COMPLIED_WITH_CALL_IN
    }

    public record Conflict(LocalDate day, Kind kind, Long familyId, Long personId, String detail) {
    }

    public record Day(LocalDate day, int visits, List<Conflict> conflicts) {
    }

    public record Report(long operationId, Instant ranAt, LocalDate windowStart, LocalDate windowEnd, int visits,
            List<Day> days, List<Conflict> conflicts, Map<Kind, Long> byKind) {
    }

    private final Targets targets;
    private final Planner planner;
    private final Care care;
    private final ProtectedAreas protectedAreas;
    private final LegalGate gate;

    DryRun(Targets targets, Planner planner, Care care, ProtectedAreas protectedAreas, LegalGate gate) {
        this.targets = targets;
        this.planner = planner;
        this.care = care;
        this.protectedAreas = protectedAreas;
        this.gate = gate;
    }

    public Report run(Operation op) {
        List<Conflict> conflicts = new ArrayList<>();
        Map<Long, Targets.Unit> units = targets.units(op.id(), true).stream()
                .collect(Collectors.toMap(Targets.Unit::familyId, u -> u, (a, b) -> a, LinkedHashMap::new));
        List<Planner.Visit> visits = planner.visits(op.id());
        boolean hasPlan = planner.stored(op.id()).isPresent();
        if (!hasPlan) {
            conflicts.add(new Conflict(null, Kind.NO_PLAN, null, null, "operation " + op.id() + " has no plan"));
        }
        Set<Long> planned = visits.stream().map(Planner.Visit::familyId).collect(Collectors.toSet());
        for (Targets.Unit unit : units.values()) {
            if (!planned.contains(unit.familyId()) && hasPlan) {
                conflicts.add(new Conflict(null, Kind.UNPLANNED_TARGET, unit.familyId(), null,
                        "target unit " + unit.familyId() + " has no visit in the plan"));
            }
        }
        Map<Long, Care.Arrangement> arrangements = care.of(op.id());
        // read once for the whole plan, not once per visit or member: each member's facts in one pass of the gate,
        // each day's call-in compliance in one query, the protected areas' flags and policies once
        List<Planner.Visit> judged = visits.stream().filter(v -> units.containsKey(v.familyId())).toList();
        Map<Long, List<LegalGate.DayVerdict>> verdicts = judged.isEmpty() ? Map.of() : gate.overDays(judged.stream()
                .flatMap(v -> units.get(v.familyId()).members().stream())
                .filter(m -> m.standing() == Targets.Standing.TARGET).map(Targets.Member::personId).toList(),
                op.windowStart(), op.windowEnd());
        Map<LocalDate, Set<Long>> compliedOn = new TreeMap<>();
        judged.stream().collect(Collectors.groupingBy(Planner.Visit::day,
                        Collectors.mapping(Planner.Visit::familyId, Collectors.toList())))
                .forEach((day, families) -> compliedOn.put(day, targets.compliedAmong(families, day)));
        Set<Map.Entry<Long, LocalDate>> notCleared = protectedAreas.notCleared(op.id(),
                judged.stream().map(v -> Map.entry(v.familyId(), v.day())).toList());
        for (Planner.Visit visit : judged) {
            Targets.Unit unit = units.get(visit.familyId());
            for (Targets.Member m : unit.members()) {
                if (m.standing() == Targets.Standing.TARGET) {
                    LegalGate.DayVerdict verdict = verdictOn(verdicts.get(m.personId()), m.personId(), visit.day());
                    if (verdict.status() != Status.EXECUTABLE) {
                        conflicts.add(new Conflict(visit.day(), Kind.ORDER_NOT_EXECUTABLE, unit.familyId(),
                                m.personId(), m.aNumber() + " is " + verdict.status() + " on " + visit.day() + ": "
                                + verdict.reasons()));
                    }
                } else if (!arrangements.containsKey(m.personId())) {
                    conflicts.add(new Conflict(visit.day(), Kind.CARE_ARRANGEMENT_MISSING, unit.familyId(),
                            m.personId(), (m.minor() ? "minor " : "") + "member " + m.personId()
                            + " is not taken and has no recorded care arrangement"));
                }
            }
            if (compliedOn.get(visit.day()).contains(unit.familyId())) {
                conflicts.add(new Conflict(visit.day(), Kind.COMPLIED_WITH_CALL_IN, unit.familyId(), null,
                        "family " + unit.familyId() + " reported or departed as the call-in letter asked"));
            }
            if (notCleared.contains(Map.entry(visit.familyId(), visit.day()))) {
                conflicts.add(new Conflict(visit.day(), Kind.PROTECTED_AREA_APPROVAL_MISSING, unit.familyId(), null,
                        "family " + unit.familyId() + "'s address is flagged near a protected area and no "
                                + "supervisor approval is recorded for " + visit.day() + " under the policy in force"));
            }
        }
        if (!visits.isEmpty()) {
            conflicts.addAll(logistics(op, visits, units.keySet()));
        }
        Map<LocalDate, List<Conflict>> byDay = conflicts.stream().filter(c -> c.day() != null)
                .collect(Collectors.groupingBy(Conflict::day, TreeMap::new, Collectors.toList()));
        Map<LocalDate, Long> visitsByDay = visits.stream()
                .collect(Collectors.groupingBy(Planner.Visit::day, Collectors.counting()));
        List<Day> days = op.days().stream().map(d -> new Day(d, visitsByDay.getOrDefault(d, 0L).intValue(),
                byDay.getOrDefault(d, List.of()))).toList();
        Map<Kind, Long> byKind = conflicts.stream()
                .collect(Collectors.groupingBy(Conflict::kind, () -> new java.util.EnumMap<>(Kind.class),
                        Collectors.counting()));
        return new Report(op.id(), Instant.now(), op.windowStart(), op.windowEnd(), visits.size(), days,
                List.copyOf(conflicts), byKind);
    }

    /** The member's verdict on the visit's day, from those read for the window (a day outside it is read alone). */
    private LegalGate.DayVerdict verdictOn(List<LegalGate.DayVerdict> days, long personId, LocalDate day) {
        return (days == null ? List.<LegalGate.DayVerdict>of() : days).stream().filter(d -> d.day().equals(day))
                .findFirst().orElseGet(() -> gate.overDays(personId, day, day).orElseThrow().get(0));
    }

    /** Staging, holding time and teams, by the solver's own constraints scored on the stored plan. */
    private List<Conflict> logistics(Operation op, List<Planner.Visit> visits, Set<Long> targetUnits) {
        ScheduleInput input = planner.input(op, Duration.ofSeconds(1), true);
        List<Assignment> fixed = visits.stream().filter(v -> targetUnits.contains(v.familyId()))
                .map(v -> new Assignment(v.familyId(), v.day(), v.starts(), null, String.valueOf(v.teamId()),
                        String.valueOf(v.siteId()), null)).toList();
        ScheduleResult scored = ScheduleSolver.evaluate(input, fixed);
        Map<Long, LocalDate> dayOf = visits.stream()
                .collect(Collectors.toMap(Planner.Visit::familyId, Planner.Visit::day, (a, b) -> a));
        List<Conflict> out = new ArrayList<>();
        for (Violation v : scored.hardViolations()) {
            Kind kind = kindOf(v.constraint());
            if (kind == null) {
                continue;
            }
            Long unit = v.unitIds().isEmpty() ? null : v.unitIds().get(0);
            out.add(new Conflict(unit == null ? null : dayOf.get(unit), kind, unit, null,
                    v.constraint() + ": " + v.justification()));
        }
        return out;
    }

    /** The dry run's kind of a broken solver constraint; null for those it judges itself, fresh. */
    private static Kind kindOf(String constraint) {
        return switch (constraint) {
            case ScheduleConstraints.SITE_PEOPLE, ScheduleConstraints.SITE_ROOMS -> Kind.STAGING_OVERLOAD;
            case ScheduleConstraints.MAX_HELD -> Kind.HELD_TOO_LONG;
            case ScheduleConstraints.TEAM_ON_SHIFT, ScheduleConstraints.ONE_VISIT_PER_TEAM_SLOT,
                    ScheduleConstraints.SITE_IN_OFFICE -> Kind.TEAM_CONFLICT;
            default -> null;
        };
    }
}
