package org.caseops.operation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.caseops.access.Access;
import org.caseops.docket.Docket;
import org.caseops.docket.DocketViews;
import org.caseops.legal.LegalGate;
import org.caseops.legal.rules.Status;
import org.caseops.notice.CallInResponses;
import org.caseops.system.BadInput;
import org.caseops.system.Conflict;
import org.caseops.system.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An operation's targets: family units, each member judged on their own with the legal gate as of every day of the
 * window. A member is a target only if their own order is executable on at least one of those days and they are not
 * a U.S. citizen, not a lawful permanent resident and have no open claim to citizenship; a child only with a parent
 * taken the same day; every other member of a target unit is cared for by a recorded arrangement before approval. A
 * unit with no target member is never a target, nor one that complied with its call-in letter.
 */
@Service
public class Targets {

    public enum Standing { TARGET, NOT_A_TARGET }

    public record Member(long personId, String aNumber, String givenName, String familyName, String relationship,
            boolean minor, boolean usCitizen, Standing standing, List<LocalDate> executableDays, List<String> reasons,
            Care.Arrangement care) {
    }

    public record Unit(long familyId, String fieldOffice, String status, String reason, List<Member> members) {
        public boolean careComplete() {
            return members.stream().allMatch(m -> m.standing() == Standing.TARGET || m.care() != null);
        }

        public List<Member> targets() {
            return members.stream().filter(m -> m.standing() == Standing.TARGET).toList();
        }
    }

    /**
     * Which family units to consider when adding by filter (by the lead case); {@code null} fields do not filter.
     * The 2019 "McAleenan alternative" — families who had counsel and then absconded — is
     * {@code {"inAbsentiaOnly": true, "counselBeforeOrder": true}}: counsel's appearance (EOIR-28) recorded before
     * the in-absentia order. EOIR overwrites that date with later filings, so this can only under-count.
     */
    public record Filter(Boolean inAbsentiaOnly, LocalDate orderedFrom, LocalDate orderedTo, List<String> nationalities,
            Boolean represented, Boolean counselBeforeOrder, Boolean withMinorsOnly, Integer limit) {
    }

    public record Added(int considered, int added, int alreadyTargets, Map<String, Integer> notAdded) {
    }

    private final JdbcClient jdbc;
    private final Docket docket;
    private final LegalGate gate;
    private final Operations operations;
    private final Access access;
    private final Care care;
    private final TransactionTemplate transaction;
    private final CallInResponses callIns;

    Targets(JdbcClient jdbc, Docket docket, LegalGate gate, Operations operations, Access access, Care care,
            TransactionTemplate transaction, CallInResponses callIns) {
        this.callIns = callIns;
        this.jdbc = jdbc;
        this.docket = docket;
        this.gate = gate;
        this.operations = operations;
        this.access = access;
        this.care = care;
        this.transaction = transaction;
    }

    /** The members of a family unit judged over the operation's window (nothing stored). */
    public List<Member> judge(Operation op, long familyId) {
        return judgeAll(op, List.of(familyId)).get(familyId);
    }

    /** How many family units are judged together: their members' facts are read in one pass of the gate. */
    static final int BATCH = 250;

    /**
     * Several family units judged over the operation's window at once (nothing stored): each family read from the
     * docket, then every member's facts in one pass of the gate, not one read per member (issue 12: an operation's
     * thousands of members took seconds per step). Throws NotFound for a family that does not exist.
     */
    Map<Long, List<Member>> judgeAll(Operation op, java.util.Collection<Long> familyIds) {
        Map<Long, List<DocketViews.FamilyMember>> families = docket.familyMembers(familyIds, op.windowStart());
        for (long familyId : familyIds) {
            if (!families.containsKey(familyId)) {
                throw new NotFound("no family with lead case " + familyId);
            }
        }
        Map<Long, List<LegalGate.DayVerdict>> verdicts = gate.overDays(families.values().stream()
                .flatMap(List::stream).map(DocketViews.FamilyMember::personId).toList(),
                op.windowStart(), op.windowEnd());
        Map<Long, List<Member>> out = new LinkedHashMap<>();
        for (long familyId : familyIds) {
            out.put(familyId, judge(families.get(familyId), verdicts));
        }
        return out;
    }

    private static List<Member> judge(List<DocketViews.FamilyMember> people,
            Map<Long, List<LegalGate.DayVerdict>> verdicts) {
        List<Member> members = new ArrayList<>();
        for (DocketViews.FamilyMember m : people) {
            Set<String> reasons = new LinkedHashSet<>();
            if (m.usCitizen()) {
                reasons.add("US_CITIZEN");
            }
            if (m.lpr()) {
                reasons.add("LAWFUL_PERMANENT_RESIDENT");
            }
            if (m.citizenshipClaimOpen()) {
                reasons.add("CITIZENSHIP_CLAIM_OPEN");
            }
            if (m.idncase() == null) {
                reasons.add("NO_CASE_OF_THEIR_OWN");
            }
            List<LocalDate> days = new ArrayList<>();
            List<LegalGate.DayVerdict> overDays = verdicts.get(m.personId());
            if (overDays == null) {
                throw new IllegalStateException("no facts for family member " + m.personId());
            }
            for (LegalGate.DayVerdict day : overDays) {
                if (day.status() == Status.EXECUTABLE) {
                    days.add(day.day());
                } else {
                    reasons.addAll(day.reasons());
                }
            }
            boolean target = reasons.stream().noneMatch(Targets::absolute) && !days.isEmpty();
            members.add(new Member(m.personId(), m.aNumber(), m.givenName(), m.familyName(), m.relationship(),
                    m.minor(), m.usCitizen(), target ? Standing.TARGET : Standing.NOT_A_TARGET,
                    target ? days : List.of(), List.copyOf(reasons), null));
        }
        return withoutChildrenAlone(members);
    }

    /**
     * A child is never taken without a parent: a minor is a target only when an adult of the unit is one too, on at
     * least one of the same days; otherwise the child stays with the family's caregivers.
     */
    private static List<Member> withoutChildrenAlone(List<Member> members) {
        List<Member> out = new ArrayList<>();
        for (Member m : members) {
            if (m.standing() == Standing.TARGET && m.minor()) {
                Set<LocalDate> adultDays = members.stream().filter(a -> !a.minor() && a.standing() == Standing.TARGET)
                        .flatMap(a -> a.executableDays().stream()).collect(Collectors.toSet());
                List<LocalDate> shared = m.executableDays().stream().filter(adultDays::contains).toList();
                if (shared.isEmpty()) {
                    List<String> reasons = new ArrayList<>(m.reasons());
                    reasons.add("MINOR_WITHOUT_A_PARENT_TAKEN");
                    out.add(new Member(m.personId(), m.aNumber(), m.givenName(), m.familyName(), m.relationship(),
                            true, m.usCitizen(), Standing.NOT_A_TARGET, List.of(), List.copyOf(reasons), null));
                    continue;
                }
                out.add(new Member(m.personId(), m.aNumber(), m.givenName(), m.familyName(), m.relationship(), true,
                        m.usCitizen(), Standing.TARGET, shared, m.reasons(), null));
                continue;
            }
            out.add(m);
        }
        return out;
    }

    /** Reasons that make a person never a target, whatever the day. */
    private static boolean absolute(String reason) {
        return reason.equals("US_CITIZEN") || reason.equals("LAWFUL_PERMANENT_RESIDENT")
                || reason.equals("CITIZENSHIP_CLAIM_OPEN") || reason.equals("NO_CASE_OF_THEIR_OWN");
    }

    /**
     * Adds a family unit as a target. With {@code memberIds}, the caller says whom it means to take: if any of them
     * is not a target (citizen, LPR, open claim, order not executable in the window) the whole request is refused
     * and the refusal audited. Without, the unit's target members are whoever the gate allows.
     */
    public Unit add(Operation op, long familyId, List<Long> memberIds) {
        String office = docket.familySubject(familyId)
                .orElseThrow(() -> new NotFound("no family with lead case " + familyId)).fieldOffice();
        if (office == null || !op.fieldOffices().contains(office)) {
            throw new BadInput("familyId", "family " + familyId + " is in field office " + office
                    + ", not one of the operation's " + op.fieldOffices());
        }
        List<Member> members = judge(op, familyId);
        List<String> refusals = new ArrayList<>();
        if (memberIds != null) {
            Map<Long, Member> byId = members.stream().collect(Collectors.toMap(Member::personId, m -> m));
            for (Long id : memberIds) {
                Member m = byId.get(id);
                if (m == null) {
                    refusals.add("person " + id + " is not a member of family " + familyId);
                } else if (m.standing() != Standing.TARGET) {
                    refusals.add("person " + id + " (" + m.aNumber() + ") may not be a target: " + m.reasons());
                }
            }
        }
        if (members.stream().noneMatch(m -> m.standing() == Standing.TARGET)) {
            refusals.add("no member of family " + familyId + " is executable in the window");
        }
        if (complied(familyId, op.windowStart())) {
            refusals.add("family " + familyId + " complied with the call-in letter (reported or departed)");
        }
        if (!refusals.isEmpty()) {
            // audited outside any transaction of the refused change, so the refusal stays on record
            access.audit("OPERATION_TARGET_REFUSED", new Access.Subject("FAMILY", String.valueOf(familyId), office),
                    "operation " + op.id() + ": " + String.join("; ", refusals));
            throw new Conflict("refused: " + String.join("; ", refusals));
        }
        return transaction.execute(status -> {
            Operation current = operations.get(op.id());
            operations.requireEditable(current);
            boolean existed = store(current, familyId, "TARGET", null, members, access.actor().username());
            operations.touch(current);
            operations.event(current, existed ? "TARGET_RECHECKED" : "TARGET_ADDED", null, null,
                    "family " + familyId + ": " + targetsOf(members) + " of " + members.size() + " members targets");
            return unit(op.id(), familyId);
        });
    }

    /** Adds every eligible family unit of the operation's field offices that the filter selects. */
    public Added addMatching(Operation op, Filter filter) {
        List<Long> candidates = candidates(op, filter);
        int added = 0;
        int already = 0;
        Map<String, Integer> notAdded = new TreeMap<>();
        for (int from = 0; from < candidates.size(); from += BATCH) {
            List<Long> batch = candidates.subList(from, Math.min(candidates.size(), from + BATCH));
            Set<Long> targets = targetsAmong(op.id(), batch);
            Set<Long> complied = callIns.familiesThatComplied(batch, op.windowStart());
            List<Long> toJudge = new ArrayList<>();
            for (long familyId : batch) {
                if (targets.contains(familyId)) {
                    already++;
                } else if (complied.contains(familyId)) {
                    notAdded.merge("COMPLIED_WITH_CALL_IN", 1, Integer::sum);
                } else {
                    toJudge.add(familyId);
                }
            }
            for (Map.Entry<Long, List<Member>> judged : judgeAll(op, toJudge).entrySet()) {
                long familyId = judged.getKey();
                List<Member> members = judged.getValue();
                if (filter != null && Boolean.TRUE.equals(filter.withMinorsOnly())
                        && members.stream().noneMatch(Member::minor)) {
                    notAdded.merge("NO_MINOR", 1, Integer::sum);
                    continue;
                }
                if (members.stream().noneMatch(m -> m.standing() == Standing.TARGET)) {
                    members.stream().flatMap(m -> m.reasons().stream()).distinct()
                            .forEach(r -> notAdded.merge(r, 1, Integer::sum));
                    continue;
                }
                transaction.executeWithoutResult(status -> store(op, familyId, "TARGET", null, members,
                        access.actor().username()));
                added++;
            }
        }
        int total = added;
        transaction.executeWithoutResult(status -> {
            Operation current = operations.get(op.id());
            operations.touch(current);
            operations.event(current, "TARGETS_ADDED", null, null, total + " family units added by filter "
                    + filter + " (" + candidates.size() + " considered)");
        });
        return new Added(candidates.size(), added, already, notAdded);
    }

    /**
     * The lead cases of the operation's field offices whose order can ever be executed, as the filter selects them
     * ({@link Docket#familiesWithAnOrder}); the gate judges each of them.
     */
    List<Long> candidates(Operation op, Filter filter) {
        if (filter != null && filter.limit() != null && filter.limit() < 1) {
            throw new BadInput("limit", "a limit is at least 1");
        }
        Filter f = filter == null ? new Filter(null, null, null, null, null, null, null, null) : filter;
        return docket.familiesWithAnOrder(new Docket.FamilyFilter(op.fieldOffices(), f.inAbsentiaOnly(),
                f.orderedFrom(), f.orderedTo(), f.nationalities(), f.represented(), f.counselBeforeOrder(),
                f.limit()));
    }

    /** Takes a unit off the operation (kept as EXCLUDED with the reason). */
    public void exclude(Operation op, long familyId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new BadInput("reason", "say why the unit is taken off the operation");
        }
        operations.requireEditable(op);
        // counted: a unit already excluded (by a concurrent request too) is not excluded again
        if (jdbc.sql("update operation_target set status = 'EXCLUDED', reason = ? where operation_id = ? "
                + "and family_id = ? and status <> 'EXCLUDED'").params(reason.trim(), op.id(), familyId).update() == 0) {
            String status = jdbc.sql("select status from operation_target where operation_id = ? and family_id = ?")
                    .params(op.id(), familyId).query(String.class).optional()
                    .orElseThrow(() -> new NotFound("family " + familyId + " is not on operation " + op.id()));
            throw new Conflict("family " + familyId + " is " + status + " on operation " + op.id()
                    + " already; nothing to exclude");
        }
        jdbc.sql("delete from plan_visit where operation_id = ? and family_id = ?").params(op.id(), familyId).update();
        operations.touch(op);
        operations.event(op, "TARGET_EXCLUDED", null, null, "family " + familyId + ": " + reason.trim());
    }

    /** What changed when every target unit was judged again (a new window, new court records). */
    public record Change(long familyId, String before, String after) {
    }

    /**
     * Judges every target unit again over the operation's (possibly new) window and stores the result; a unit that no
     * longer has a target member is excluded. Returns what changed, per unit.
     */
    public List<Change> recheck(Operation op) {
        List<Change> changes = new ArrayList<>();
        List<Unit> all = units(op.id(), true);
        for (int from = 0; from < all.size(); from += BATCH) {
            List<Unit> batch = all.subList(from, Math.min(all.size(), from + BATCH));
            List<Long> ids = batch.stream().map(Unit::familyId).toList();
            Map<Long, List<Member>> judged = judgeAll(op, ids);
            Set<Long> compliedUnits = callIns.familiesThatComplied(ids, op.windowStart());
            for (Unit unit : batch) {
                String before = summary(unit.members());
                List<Member> members = judged.get(unit.familyId());
                boolean complied = compliedUnits.contains(unit.familyId());
                String after = complied ? "complied with the call-in letter" : summary(members);
                boolean none = complied || members.stream().noneMatch(m -> m.standing() == Standing.TARGET);
                store(op, unit.familyId(), none ? "EXCLUDED" : "TARGET", complied ? "complied with the call-in letter"
                        : none ? "no member executable in the window " + op.windowStart() + " to " + op.windowEnd()
                        : null, members, null);
                if (!before.equals(after) || none) {
                    changes.add(new Change(unit.familyId(), before, none ? "EXCLUDED: " + after : after));
                }
            }
        }
        return changes;
    }

    /** Each member's standing, in person order: the same unit judged the same way gives the same summary. */
    static String summary(List<Member> members) {
        return members.stream().sorted(java.util.Comparator.comparingLong(Member::personId))
                .map(m -> m.aNumber() + "=" + m.standing()
                        + (m.standing() == Standing.TARGET ? m.executableDays().size() + "d" : m.reasons().toString()))
                .collect(Collectors.joining(", "));
    }

    private static long targetsOf(List<Member> members) {
        return members.stream().filter(m -> m.standing() == Standing.TARGET).count();
    }

    /** @return whether the unit was on the operation before */
    private boolean store(Operation op, long familyId, String status, String reason, List<Member> members,
            String addedBy) {
        boolean existed = jdbc.sql("select exists (select 1 from operation_target where operation_id = ? "
                + "and family_id = ?)").params(op.id(), familyId).query(Boolean.class).single();
        if (existed) {
            jdbc.sql("update operation_target set status = ?, reason = ? where operation_id = ? and family_id = ?")
                    .params(status, reason, op.id(), familyId).update();
        } else {
            jdbc.sql("insert into operation_target (operation_id, family_id, status, reason, added_by) "
                    + "values (?, ?, ?, ?, ?)").params(op.id(), familyId, status, reason, addedBy).update();
        }
        jdbc.sql("delete from operation_member where operation_id = ? and family_id = ?").params(op.id(), familyId)
                .update();
        for (Member m : members) {
            jdbc.sql("""
                    insert into operation_member (operation_id, family_id, person_id, standing, minor, executable_days,
                                                  reasons)
                    values (?, ?, ?, ?, ?, ?::date[], ?::text[])""")
                    .params(op.id(), familyId, m.personId(), m.standing().name(), m.minor(),
                            "{" + m.executableDays().stream().map(LocalDate::toString).collect(Collectors.joining(","))
                                    + "}", "{" + String.join(",", m.reasons()) + "}")
                    .update();
        }
        return existed;
    }

    /** Of these families, those whose every member with a case reported or departed as asked, by {@code day}. */
    public Set<Long> compliedAmong(List<Long> familyIds, LocalDate day) {
        return callIns.familiesThatComplied(familyIds, day);
    }

    /** Whether every member with a case reported or departed as the call-in letter asked, by {@code day}. */
    public boolean complied(long familyId, LocalDate day) {
        return !callIns.familiesThatComplied(List.of(familyId), day).isEmpty();
    }

    /** Whether the person is a target member of one of the operation's target units. */
    public boolean isTargetMember(long operationId, long personId) {
        return jdbc.sql("""
                select exists (select 1 from operation_member m join operation_target t
                               on t.operation_id = m.operation_id and t.family_id = m.family_id
                               where m.operation_id = ? and m.person_id = ? and m.standing = 'TARGET'
                                 and t.status = 'TARGET')""").params(operationId, personId).query(Boolean.class)
                .single();
    }

    /** Which of these families are target units of the operation, in one query. */
    private Set<Long> targetsAmong(long operationId, List<Long> familyIds) {
        return new java.util.HashSet<>(jdbc.sql("select family_id from operation_target where operation_id = ? "
                + "and family_id = any(?) and status = 'TARGET'").params(operationId, familyIds.toArray(Long[]::new))
                .query(Long.class).list());
    }

    public boolean isTarget(long operationId, long familyId) {
        return jdbc.sql("select exists (select 1 from operation_target where operation_id = ? and family_id = ? "
                + "and status = 'TARGET')").params(operationId, familyId).query(Boolean.class).single();
    }

    /** The operation's units with their stored members and care arrangements; {@code targetsOnly} skips EXCLUDED. */
    public List<Unit> units(long operationId, boolean targetsOnly) {
        Map<Long, Care.Arrangement> arrangements = care.of(operationId);
        Map<Long, List<Member>> members = new LinkedHashMap<>();
        jdbc.sql("""
                select m.family_id, m.person_id, p.a_number, p.given_name, p.family_name, p.relationship, m.minor,
                       p.us_citizen, m.standing, m.executable_days, m.reasons
                from operation_member m join person_reference p on p.person_id = m.person_id
                where m.operation_id = ? order by m.family_id, m.person_id""").param(operationId)
                .query(rs -> {
                    members.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(member(rs, arrangements));
                });
        return jdbc.sql("""
                select t.family_id, f.field_office_code, t.status, t.reason from operation_target t
                left join report_family_office f on f.family_id = t.family_id
                where t.operation_id = ?""" + (targetsOnly ? " and t.status = 'TARGET'" : "") + " order by t.family_id")
                .param(operationId)
                .query((rs, n) -> new Unit(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        members.getOrDefault(rs.getLong(1), List.of()))).list();
    }

    public Unit unit(long operationId, long familyId) {
        return units(operationId, false).stream().filter(u -> u.familyId() == familyId).findFirst()
                .orElseThrow(() -> new NotFound("family " + familyId + " is not on operation " + operationId));
    }

    private static Member member(ResultSet rs, Map<Long, Care.Arrangement> arrangements) throws SQLException {
        long personId = rs.getLong(2);
        List<LocalDate> days = Arrays.stream((java.sql.Date[]) rs.getArray(10).getArray()).map(java.sql.Date::toLocalDate)
                .toList();
        return new Member(personId, rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getBoolean(7), rs.getBoolean(8), Standing.valueOf(rs.getString(9)), days,
                Arrays.asList((String[]) rs.getArray(11).getArray()), arrangements.get(personId));
    }
}
