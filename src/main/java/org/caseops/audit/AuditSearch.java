package org.caseops.audit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Audit entries for the auditor's page (docs/web.md): chained and pending alike, newest first, by actor, subject,
 * action, the day recorded (UTC) and a text of the purpose, counted and paged in the database.
 */
@Service
public class AuditSearch {

    private final JdbcClient jdbc;

    AuditSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * What to show; a null field means any. {@code from} and {@code to} are days (UTC), both included;
     * {@code purpose} is a text the purpose contains (any case).
     */
    public record Filter(String actor, String subjectType, String subjectId, String action, LocalDate from,
            LocalDate to, String purpose) {
    }

    @Transactional(readOnly = true)
    public long count(Filter filter) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        return jdbc.sql("select count(*) from audit_entry e where " + where).params(params).query(Long.class)
                .single();
    }

    /** One page, newest first ({@code oldestFirst}: the other way). */
    @Transactional(readOnly = true)
    public List<AuditEntry> page(Filter filter, boolean oldestFirst, long offset, int limit) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        params.add(limit);
        params.add(offset);
        return jdbc.sql("""
                select e.seq, c.position, e.recorded_at, e.actor, e.role, e.field_office, e.action, e.subject_type,
                       e.subject_id, e.purpose, e.request_id, e.detail, c.prev_hash, c.hash
                from audit_entry e left join audit_chain c on c.seq = e.seq where """ + " " + where
                + " order by e.seq " + (oldestFirst ? "asc" : "desc") + " limit ? offset ?")
                .params(params).query((rs, n) -> {
                    long p = rs.getLong("position");
                    Long position = rs.wasNull() ? null : p;
                    return new AuditEntry(rs.getLong("seq"), position,
                            rs.getObject("recorded_at", OffsetDateTime.class).toInstant(), rs.getString("actor"),
                            rs.getString("role"), rs.getString("field_office"), rs.getString("action"),
                            rs.getString("subject_type"), rs.getString("subject_id"), rs.getString("purpose"),
                            rs.getString("request_id"), rs.getString("detail"), rs.getString("prev_hash"),
                            rs.getString("hash"));
                }).list();
    }

    /** One entry by its sequence number, chained or pending. */
    @Transactional(readOnly = true)
    public java.util.Optional<AuditEntry> entry(long seq) {
        return jdbc.sql("""
                select e.seq, c.position, e.recorded_at, e.actor, e.role, e.field_office, e.action, e.subject_type,
                       e.subject_id, e.purpose, e.request_id, e.detail, c.prev_hash, c.hash
                from audit_entry e left join audit_chain c on c.seq = e.seq where e.seq = ?""").param(seq)
                .query(AuditSearch::row).optional();
    }

    private static AuditEntry row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        long p = rs.getLong("position");
        Long position = rs.wasNull() ? null : p;
        return new AuditEntry(rs.getLong("seq"), position,
                rs.getObject("recorded_at", OffsetDateTime.class).toInstant(), rs.getString("actor"),
                rs.getString("role"), rs.getString("field_office"), rs.getString("action"),
                rs.getString("subject_type"), rs.getString("subject_id"), rs.getString("purpose"),
                rs.getString("request_id"), rs.getString("detail"), rs.getString("prev_hash"), rs.getString("hash"));
    }

    private static String where(Filter f, List<Object> params) {
        StringBuilder where = new StringBuilder("true");
        equal(where, params, "e.actor", f.actor());
        equal(where, params, "e.subject_type", f.subjectType());
        equal(where, params, "e.subject_id", f.subjectId());
        equal(where, params, "e.action", f.action());
        if (f.from() != null) {
            where.append(" and e.recorded_at >= ?");
            params.add(f.from().atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        if (f.to() != null) {
            where.append(" and e.recorded_at < ?");
            params.add(f.to().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        if (f.purpose() != null) {
            where.append(" and e.purpose ilike ? escape '\\'");
            params.add("%" + f.purpose().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return where.toString();
    }

    private static void equal(StringBuilder where, List<Object> params, String column, String value) {
        if (value != null) {
            where.append(" and ").append(column).append(" = ?");
            params.add(value);
        }
    }
}
