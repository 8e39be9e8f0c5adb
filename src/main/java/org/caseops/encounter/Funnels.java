package org.caseops.encounter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.caseops.access.Access;
import org.caseops.operation.Operation;
import org.caseops.operation.Operations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The oversight funnel of an operation, per city (field office) and in total, counted from the record itself —
 * targets, encounters and the custody ledger — never typed in: targeted, encountered, arrested (targets, collateral),
 * released by reason, instructed to depart, on ATD, transported, removed, departed voluntarily. Counts only; no
 * person is named. It reads the encounters, its own table, and the views made for it (V56:
 * {@code report_operation_target}, {@code report_custody_move}, {@code report_family_office}; V127:
 * {@code report_removal_departure}, {@code report_voluntary_departure}), never the operation's, custody's,
 * supervision's or the docket's tables. Removed counts each person once: moved to REMOVED in the custody ledger during
 * the operation, or removed with their family by a removal record whose departure was verified on or after the
 * operation's first day, when they were one of its targets; departed voluntarily counts the targets whose voluntary
 * departure was verified on or after that day.
 */
@Service
public class Funnels {

    private final Operations operations;
    private final JdbcClient jdbc;
    private final Access access;

    Funnels(Operations operations, JdbcClient jdbc, Access access) {
        this.operations = operations;
        this.jdbc = jdbc;
        this.access = access;
    }

    public record City(String fieldOffice, long targeted, long encountered, long notPresent, long arrestedTargets,
            long arrestedCollateral, Map<String, Long> released, long instructedToDepart, long onAtd,
            long transported, long removed, long departedVoluntarily) {
    }

    public record Funnel(long operationId, List<City> cities, City total) {
    }

    /** The operation's funnel, counted in one transaction (one snapshot of the record); the read is audited. */
    @Transactional
    public Funnel funnel(long id) {
        Funnel funnel = counted(id);
        auditRead(id);
        return funnel;
    }

    /** Records that the operation's funnel was read ({@code OPERATION_FUNNEL_READ}), in the caller's transaction. */
    public void auditRead(long id) {
        access.audit("OPERATION_FUNNEL_READ", new Access.Subject("OPERATION", String.valueOf(id), null), null);
    }

    /**
     * The operation's funnel without an audit entry, for a caller that has recorded the read with
     * {@link #auditRead} before (the monthly report: audited on the primary, counted on a read replica). Read-only;
     * in the caller's transaction when there is one (one snapshot with its other figures).
     */
    @Transactional(readOnly = true)
    public Funnel counted(long id) {
        Operation op = operations.get(id);
        operations.requireVisible(op);
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, Map<String, Long>> released = new TreeMap<>();
        count(counts, 0, """
                select field_office_code, count(*) from report_operation_target where operation_id = ?
                group by 1""", id);
        String byEncounter = """
                select f.field_office_code, count(*) from encounter e
                left join report_family_office f on f.family_id = e.family_id
                where e.operation_id = ? and %s group by 1""";
        count(counts, 1, byEncounter.formatted("true"), id);
        count(counts, 2, byEncounter.formatted("e.outcome in ('NOT_PRESENT', 'MOVED', 'REFUSED_ENTRY')"), id);
        count(counts, 3, byEncounter.formatted("e.outcome = 'ARRESTED' and e.kind = 'TARGET'"), id);
        count(counts, 4, byEncounter.formatted("e.outcome = 'ARRESTED' and e.kind = 'COLLATERAL'"), id);
        count(counts, 5, byEncounter.formatted("e.outcome = 'INSTRUCTED_TO_DEPART'"), id);
        count(counts, 6, """
                select office, count(distinct who) from (
                    select f.field_office_code as office, 'e' || e.id as who from encounter e
                    left join report_family_office f on f.family_id = e.family_id
                    where e.operation_id = ? and e.outcome = 'ENROLLED_ATD'
                    union all
                    select c.field_office_code, 'p' || c.person_id from report_custody_move c
                    where c.operation_id = ? and c.to_state = 'RELEASED' and c.release_reason = 'ATD') x
                group by 1""", id, id);
        String byLedger = """
                select c.field_office_code, count(distinct c.person_id) from report_custody_move c
                where c.operation_id = ? and c.to_state = '%s' group by 1""";
        count(counts, 7, byLedger.formatted("TRANSPORTED"), id);
        count(counts, 8, """
                select office, count(distinct person_id) from (
                    select c.field_office_code as office, c.person_id from report_custody_move c
                    where c.operation_id = ? and c.to_state = 'REMOVED'
                    union all
                    select t.field_office_code, r.person_id from report_removal_departure r
                    join report_operation_target t on t.person_id = r.person_id and t.operation_id = ?
                    where r.departed_on >= ?) x
                group by 1""", id, id, op.windowStart());
        count(counts, 9, """
                select t.field_office_code, count(distinct v.person_id) from report_voluntary_departure v
                join report_operation_target t on t.person_id = v.person_id and t.operation_id = ?
                where v.departed_on >= ? group by 1""", id, op.windowStart());
        jdbc.sql("""
                select coalesce(c.field_office_code, '?'), c.release_reason, count(distinct c.person_id)
                from report_custody_move c
                where c.operation_id = ? and c.to_state = 'RELEASED' group by 1, 2""").param(id)
                .query(rs -> {
                    released.computeIfAbsent(rs.getString(1), k -> new TreeMap<>()).put(rs.getString(2), rs.getLong(3));
                    counts.computeIfAbsent(rs.getString(1), k -> new long[10]);
                });
        List<City> cities = new ArrayList<>();
        long[] total = new long[10];
        Map<String, Long> releasedTotal = new TreeMap<>();
        counts.forEach((office, c) -> {
            cities.add(city(office, c, released.getOrDefault(office, Map.of())));
            for (int i = 0; i < c.length; i++) {
                total[i] += c[i];
            }
            released.getOrDefault(office, Map.of()).forEach((k, v) -> releasedTotal.merge(k, v, Long::sum));
        });
        return new Funnel(id, cities, city("ALL", total, releasedTotal));
    }

    private static City city(String office, long[] c, Map<String, Long> released) {
        return new City(office, c[0], c[1], c[2], c[3], c[4], released, c[5], c[6], c[7], c[8], c[9]);
    }

    private void count(Map<String, long[]> counts, int column, String sql, Object... params) {
        jdbc.sql(sql).params(params).query(rs -> {
            String office = rs.getString(1) == null ? "?" : rs.getString(1);
            counts.computeIfAbsent(office, k -> new long[10])[column] = rs.getLong(2);
        });
    }
}
