package org.caseops.jurisdiction;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.caseops.access.Access;
import org.caseops.access.Actor;
import org.caseops.access.Role;
import org.caseops.system.BadInput;
import org.caseops.system.Forbidden;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Local cooperation policy: whether a city, county or state in a field office's area honours ICE detainers, has a
 * 287(g) agreement, and shares its databases. Kept as a history; the entry in force on a date is the latest one
 * effective by then. Shown where planning depends on it (field office detail, operations).
 */
@Service
public class CooperationPolicies {

    public record Policy(long id, String fieldOffice, String jurisdiction, boolean honoursDetainers,
            boolean agreement287g, boolean sharesDatabases, LocalDate effectiveFrom, String source, String notes,
            String recordedBy, Instant recordedAt) {
    }

    public record NewPolicy(String jurisdiction, Boolean honoursDetainers, Boolean agreement287g,
            Boolean sharesDatabases, @NotNull LocalDate effectiveFrom, String source, String notes) {
    }

    private static final String COLUMNS = """
            id, field_office_code, jurisdiction, honours_detainers, agreement_287g, shares_databases, effective_from,
            source, notes, recorded_by, recorded_at""";

    private final JdbcClient jdbc;
    private final Access access;

    CooperationPolicies(JdbcClient jdbc, Access access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    /**
     * Records a jurisdiction's policy for a field office as the actor, and audits it in the same transaction. Admin,
     * or the director of that field office.
     */
    @Transactional
    public Policy recordAudited(String fieldOffice, NewPolicy request) {
        Actor actor = access.actor();
        if (actor.is(Role.DIRECTOR) && !fieldOffice.equals(actor.fieldOffice())) {
            throw new Forbidden("a director records the cooperation policies of their own field office only");
        }
        Policy policy = record(fieldOffice, request, actor.username());
        access.audit("COOPERATION_POLICY_RECORDED", new Access.Subject("FIELD_OFFICE", fieldOffice, fieldOffice),
                policy.jurisdiction() + ": detainers " + policy.honoursDetainers() + ", 287(g) "
                        + policy.agreement287g() + ", databases " + policy.sharesDatabases() + " from "
                        + policy.effectiveFrom());
        return policy;
    }

    public Policy record(String fieldOffice, NewPolicy policy, String recordedBy) {
        if (policy.jurisdiction() == null || policy.jurisdiction().isBlank()) {
            throw new BadInput("jurisdiction", "name the city, county or state, e.g. 'City of Chicago'");
        }
        required(policy.honoursDetainers(), "honoursDetainers");
        required(policy.agreement287g(), "agreement287g");
        required(policy.sharesDatabases(), "sharesDatabases");
        if (policy.effectiveFrom() == null) {
            throw new BadInput("effectiveFrom", "the date the policy took effect is required (yyyy-MM-dd)");
        }
        long id = jdbc.sql("""
                insert into cooperation_policy (field_office_code, jurisdiction, honours_detainers, agreement_287g,
                                                shares_databases, effective_from, source, notes, recorded_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(fieldOffice, policy.jurisdiction().trim(), policy.honoursDetainers(), policy.agreement287g(),
                        policy.sharesDatabases(), policy.effectiveFrom(), policy.source(), policy.notes(), recordedBy)
                .query(Long.class).single();
        return jdbc.sql("select " + COLUMNS + " from cooperation_policy where id = ?").param(id)
                .query(CooperationPolicies::policy).single();
    }

    /** Per jurisdiction of the field office, the policy in force on {@code day}. */
    public List<Policy> inForce(String fieldOffice, LocalDate day) {
        return jdbc.sql("select distinct on (jurisdiction) " + COLUMNS + """
                 from cooperation_policy where field_office_code = ? and effective_from <= ?
                order by jurisdiction, effective_from desc, id desc""").params(fieldOffice, day)
                .query(CooperationPolicies::policy).list();
    }

    /** Every recorded entry of the field office, oldest first. */
    public List<Policy> history(String fieldOffice) {
        return jdbc.sql("select " + COLUMNS + " from cooperation_policy where field_office_code = ? "
                + "order by jurisdiction, effective_from, id").param(fieldOffice)
                .query(CooperationPolicies::policy).list();
    }

    private static void required(Boolean value, String field) {
        if (value == null) {
            throw new BadInput(field, field + " is required (true or false)");
        }
    }

    private static Policy policy(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        OffsetDateTime recorded = rs.getObject(11, OffsetDateTime.class);
        return new Policy(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getBoolean(5),
                rs.getBoolean(6), rs.getObject(7, LocalDate.class), rs.getString(8), rs.getString(9),
                rs.getString(10), recorded == null ? null : recorded.toInstant());
    }
}
