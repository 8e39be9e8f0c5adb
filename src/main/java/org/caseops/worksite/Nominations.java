package org.caseops.worksite;

import jakarta.validation.constraints.NotNull;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.caseops.access.Access;
import org.caseops.access.Actor;
import org.caseops.access.Role;
import org.caseops.system.BadInput;
import org.caseops.system.Conflict;
import org.caseops.system.Forbidden;
import org.caseops.system.NotFound;
import org.caseops.worksite.rules.NominationPeriod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Nominations of worksites by field office and period, under the quota policy in force at the period's start
 * (a versioned policy: a change is a new version from a date, never an edit), and their approval by the field office's
 * director. Which offices are below their quota is a query.
 */
@Service
public class Nominations {

    public enum CaseType { CRIMINAL_INVESTIGATION, I9_INSPECTION, WORKSITE_ACTION }

    public enum Status {
        PROPOSED, APPROVED, DECLINED, WITHDRAWN;

        /** The transition table: a proposal is decided once; an approved nomination may still be withdrawn. */
        boolean allows(Status next) {
            return switch (this) {
                case PROPOSED -> next == APPROVED || next == DECLINED || next == WITHDRAWN;
                case APPROVED -> next == WITHDRAWN;
                case DECLINED, WITHDRAWN -> false;
            };
        }
    }

    public record Policy(int version, LocalDate effectiveFrom, String period, int minimumPerOffice, String source,
            String recordedBy) {
    }

    public record Nomination(long id, String fieldOffice, LocalDate periodStart, LocalDate periodEnd,
            String periodLabel, int policyVersion, long siteId, long employerId, String employerName, String siteName,
            CaseType caseType, String basis, Status status, String nominatedBy, Instant nominatedAt,
            String decidedBy, Instant decidedAt, String decisionNote, int version) {
    }

    /** An office's standing against the quota of the period that holds {@code asOf}. */
    public record OfficeQuota(String fieldOffice, String name, String period, LocalDate periodStart,
            LocalDate periodEnd, int policyVersion, int minimum, int approved, int proposed, int shortfall) {
    }

    record NewNomination(Long siteId, CaseType caseType, String basis, @NotNull LocalDate period) {
    }

    record NewPolicy(@NotNull LocalDate effectiveFrom, String period, Integer minimumPerOffice, String source) {
    }

    private final JdbcClient jdbc;
    private final Access access;
    private final Employers employers;
    private final WorksiteLog log;

    Nominations(JdbcClient jdbc, Access access, Employers employers, WorksiteLog log) {
        this.jdbc = jdbc;
        this.access = access;
        this.employers = employers;
        this.log = log;
    }

    // --- the policy -------------------------------------------------------------------------------------------

    List<Policy> policies() {
        return jdbc.sql("""
                select version, effective_from, period, minimum_per_office, source, recorded_by
                from nomination_policy order by version""").query(Nominations::policyRow).list();
    }

    /** The policy in force on {@code date}: the latest version in effect by then. */
    Optional<Policy> policyOn(LocalDate date) {
        return jdbc.sql("""
                select version, effective_from, period, minimum_per_office, source, recorded_by
                from nomination_policy where effective_from <= ? order by effective_from desc limit 1""")
                .param(date).query(Nominations::policyRow).optional();
    }

    private static Policy policyRow(ResultSet rs, int n) throws SQLException {
        return new Policy(rs.getInt(1), rs.getObject(2, LocalDate.class), rs.getString(3), rs.getInt(4),
                rs.getString(5), rs.getString(6));
    }

    /**
     * A new version of the quota policy, in force from its date on. Versions only move forward: a date on or before
     * the latest version's is refused; two administrators adding one at once get one version and one 409.
     */
    @Transactional
    Policy addPolicy(NewPolicy request) {
        if (request.effectiveFrom() == null) {
            throw new BadInput("effectiveFrom", "the date the policy takes effect is required (yyyy-MM-dd)");
        }
        String period = request.period() == null ? null : request.period().trim().toUpperCase(Locale.ROOT);
        if (period == null || !List.of("QUARTER", "FISCAL_YEAR").contains(period)) {
            throw new BadInput("period", "the period is QUARTER or FISCAL_YEAR (of the federal fiscal year)");
        }
        if (request.minimumPerOffice() == null || request.minimumPerOffice() < 1 || request.minimumPerOffice() > 100) {
            throw new BadInput("minimumPerOffice", "the minimum per field office and period is 1 to 100");
        }
        if (request.source() == null || request.source().isBlank()) {
            throw new BadInput("source", "a policy names its source (the directive, memo or decision)");
        }
        Optional<Policy> latest = policies().stream().reduce((a, b) -> b);
        if (latest.isPresent() && !request.effectiveFrom().isAfter(latest.get().effectiveFrom())) {
            throw new BadInput("effectiveFrom", "a new version takes effect after the latest (version "
                    + latest.get().version() + ", from " + latest.get().effectiveFrom() + "): policies are never "
                    + "changed backwards");
        }
        int version = jdbc.sql("""
                insert into nomination_policy (version, effective_from, period, minimum_per_office, source, recorded_by)
                select coalesce(max(version), 0) + 1, ?, ?, ?, ?, ? from nomination_policy
                having coalesce(max(effective_from), date '-infinity') < ?
                on conflict do nothing returning version""")
                .params(request.effectiveFrom(), period, request.minimumPerOffice(), request.source().trim(),
                        access.actor().username(), request.effectiveFrom())
                .query(Integer.class).optional()
                .orElseThrow(() -> new Conflict("another policy version was added meanwhile; reload and try again"));
        log.event("POLICY", version, null, "RECORDED", "nomination policy version " + version + " from "
                + request.effectiveFrom() + ": at least " + request.minimumPerOffice() + " per field office per "
                + period);
        return policies().stream().filter(p -> p.version() == version).findFirst().orElseThrow();
    }

    // --- nominations ------------------------------------------------------------------------------------------

    private static final String COLUMNS = """
            n.id, n.field_office_code, n.period_start, n.period_end, p.period, n.policy_version, n.site_id,
            s.employer_id, e.name, s.name, n.case_type, n.basis, n.status, n.nominated_by, n.nominated_at,
            n.decided_by, n.decided_at, n.decision_note, n.version
            from nomination n join nomination_policy p on p.version = n.policy_version
            join employer_site s on s.id = n.site_id join employer e on e.id = s.employer_id""";

    private static Nomination row(ResultSet rs, int n) throws SQLException {
        LocalDate start = rs.getObject(3, LocalDate.class);
        return new Nomination(rs.getLong(1), rs.getString(2), start, rs.getObject(4, LocalDate.class),
                NominationPeriod.of(rs.getString(5), start).label(), rs.getInt(6), rs.getLong(7), rs.getLong(8),
                rs.getString(9), rs.getString(10), CaseType.valueOf(rs.getString(11)), rs.getString(12),
                Status.valueOf(rs.getString(13)), rs.getString(14), instant(rs.getObject(15, OffsetDateTime.class)),
                rs.getString(16), instant(rs.getObject(17, OffsetDateTime.class)), rs.getString(18), rs.getInt(19));
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    Nomination visible(long id) {
        Nomination nomination = jdbc.sql("select " + COLUMNS + " where n.id = ?").param(id).query(Nominations::row)
                .optional().orElseThrow(() -> new NotFound("no nomination " + id));
        Actor actor = access.actor();
        if (!actor.is(Role.ATTORNEY, Role.AUDITOR) && !nomination.fieldOffice().equals(actor.fieldOffice())) {
            throw access.hidden(new Access.Subject("NOMINATION", String.valueOf(id), nomination.fieldOffice()),
                    "nomination refused: " + actor.role() + " of " + actor.fieldOffice() + ", a nomination of "
                            + nomination.fieldOffice(), "no nomination " + id);
        }
        return nomination;
    }

    List<Nomination> list(String office, LocalDate period) {
        Actor actor = access.actor();
        String scope = actor.is(Role.ATTORNEY, Role.AUDITOR) ? office : actor.fieldOffice();
        if (office != null && scope != null && !office.equalsIgnoreCase(scope)) {
            throw new Forbidden(actor.username() + " sees the nominations of " + actor.fieldOffice() + " only");
        }
        String where = " where (?::text is null or n.field_office_code = ?)"
                + " and (?::date is null or ?::date between n.period_start and n.period_end)";
        String code = scope == null ? null : scope.toUpperCase(Locale.ROOT);
        return jdbc.sql("select " + COLUMNS + where + " order by n.period_start, n.field_office_code, n.id")
                .params(code, code, period, period).query(Nominations::row).list();
    }

    /** The nominations of an employer's sites the actor may see (the employer page; the employer is visible). */
    List<Nomination> ofEmployer(long employerId) {
        Actor actor = access.actor();
        String code = actor.is(Role.ATTORNEY, Role.AUDITOR) ? null : actor.fieldOffice();
        return jdbc.sql("select " + COLUMNS + " " + """
                 where s.employer_id = ? and (?::text is null or n.field_office_code = ?)
                 order by n.period_start, n.id""").params(employerId, code, code).query(Nominations::row).list();
    }

    List<WorksiteLog.Event> events(long id) {
        visible(id);
        return log.events("NOMINATION", id);
    }

    @Transactional
    Nomination nominate(NewNomination request) {
        if (request.siteId() == null) {
            throw new BadInput("siteId", "name the employer's site nominated");
        }
        if (request.caseType() == null) {
            throw new BadInput("caseType", "the case type is one of " + List.of(CaseType.values()));
        }
        if (request.basis() == null || request.basis().trim().length() < 10) {
            throw new BadInput("basis", "state the basis of the nomination (at least 10 characters): the lead, "
                    + "tip, referral or audit finding it rests on");
        }
        if (request.period() == null) {
            throw new BadInput("period", "a date in the period nominated for is required (yyyy-MM-dd)");
        }
        Employers.Site site = employers.site(request.siteId())
                .orElseThrow(() -> new BadInput("siteId", "no employer site " + request.siteId()));
        Actor actor = access.actor();
        if (!site.fieldOffice().equals(actor.fieldOffice())) {
            throw new Forbidden("a field office nominates its own worksites; site " + site.id() + " is worked by "
                    + site.fieldOffice() + ", " + actor.username() + " is in " + actor.fieldOffice());
        }
        Policy policy = policyFor(request.period(), "period");
        NominationPeriod period = NominationPeriod.of(policy.period(), request.period());
        if (jdbc.sql("""
                select exists (select 1 from nomination where site_id = ? and period_start = ?
                               and status in ('PROPOSED', 'APPROVED'))""").params(site.id(), period.start())
                .query(Boolean.class).single()) {
            throw new Conflict("site " + site.id() + " is nominated for " + period.label() + " already");
        }
        long id = jdbc.sql("""
                insert into nomination (field_office_code, period_start, period_end, policy_version, site_id,
                                        case_type, basis, status, nominated_by)
                values (?, ?, ?, ?, ?, ?, ?, 'PROPOSED', ?)
                on conflict do nothing returning id""")
                .params(site.fieldOffice(), period.start(), period.end(), policy.version(), site.id(),
                        request.caseType().name(), request.basis().trim(), actor.username())
                .query(Long.class).optional()
                .orElseThrow(() -> new Conflict("site " + site.id() + " was nominated for " + period.label()
                        + " meanwhile"));
        log.event("NOMINATION", id, site.fieldOffice(), "PROPOSED", request.caseType() + " of site " + site.id()
                + " (" + site.name() + ") for " + period.label() + ": " + request.basis().trim());
        return visible(id);
    }

    private Policy policyFor(LocalDate date, String field) {
        Optional<Policy> inForce = policyOn(date);
        if (inForce.isEmpty()) {
            throw new BadInput(field, "no nomination policy is in force on " + date + " (the first takes "
                    + "effect on " + policies().stream().findFirst().map(p -> p.effectiveFrom().toString())
                            .orElse("no date") + ")");
        }
        // the policy of a period is the one in force at its start, so that a period has one quota
        NominationPeriod period = NominationPeriod.of(inForce.get().period(), date);
        return policyOn(period.start()).orElse(inForce.get());
    }

    /** The field office's director decides: approve or decline, once, with a note. */
    @Transactional
    Nomination decide(long id, Status decision, String note, Integer version) {
        Nomination nomination = visible(id);
        Actor actor = access.actor();
        if (decision == Status.WITHDRAWN) {
            if (!actor.is(Role.SUPERVISOR, Role.DIRECTOR)) {
                throw new Forbidden("a nomination is withdrawn by its field office's supervisors or director");
            }
        } else if (!actor.is(Role.DIRECTOR) || !nomination.fieldOffice().equals(actor.fieldOffice())) {
            throw new Forbidden("a nomination is approved or declined by the director of its field office ("
                    + nomination.fieldOffice() + ")");
        }
        if (!nomination.fieldOffice().equals(actor.fieldOffice())) {
            throw new Forbidden(actor.username() + " is not in " + nomination.fieldOffice());
        }
        if (version != null && version != nomination.version()) {
            throw new Conflict("nomination " + id + " is " + nomination.status() + " at version "
                    + nomination.version() + ", not " + version + ": reload it and try again");
        }
        if (!nomination.status().allows(decision)) {
            throw new Conflict("nomination " + id + " is " + nomination.status() + "; it cannot become " + decision);
        }
        if (decision != Status.APPROVED && (note == null || note.isBlank())) {
            throw new BadInput("note", "say why the nomination is " + decision.name().toLowerCase(Locale.ROOT));
        }
        int updated = decision == Status.WITHDRAWN
                ? jdbc.sql("""
                        update nomination set status = 'WITHDRAWN', decision_note = ?, version = version + 1
                        where id = ? and version = ? and status = ?""")
                        .params(note.trim(), id, nomination.version(), nomination.status().name()).update()
                : jdbc.sql("""
                        update nomination set status = ?, decided_by = ?, decided_at = now(), decision_note = ?,
                               version = version + 1
                        where id = ? and version = ? and status = 'PROPOSED'""")
                        .params(decision.name(), actor.username(), note == null ? null : note.trim(), id,
                                nomination.version()).update();
        if (updated == 0) {
            throw new Conflict("nomination " + id + " was changed meanwhile; reload it and try again");
        }
        log.event("NOMINATION", id, nomination.fieldOffice(), decision.name(), "nomination " + id + " "
                + decision.name().toLowerCase(Locale.ROOT) + " by " + actor.username()
                + (note == null || note.isBlank() ? "" : ": " + note.trim()));
        return visible(id);
    }

    // --- the quota --------------------------------------------------------------------------------------------

    /**
     * Every field office's standing in the period that holds {@code asOf}, under the policy in force at the period's
     * start: approved nominations against the minimum. {@code belowOnly}: the offices short of it.
     */
    List<OfficeQuota> quota(LocalDate asOf, boolean belowOnly) {
        if (asOf == null) {
            throw new BadInput("asOf", "the date whose period is counted is required (yyyy-MM-dd)");
        }
        Policy policy = policyFor(asOf, "asOf");
        NominationPeriod period = NominationPeriod.of(policy.period(), asOf);
        List<OfficeQuota> all = jdbc.sql("""
                select f.code, f.name,
                       count(n.id) filter (where n.status = 'APPROVED'),
                       count(n.id) filter (where n.status = 'PROPOSED')
                from field_office f
                left join nomination n on n.field_office_code = f.code and n.period_start between ? and ?
                group by f.code, f.name order by f.code""")
                .params(period.start(), period.end())
                .query((rs, n) -> {
                    int approved = rs.getInt(3);
                    return new OfficeQuota(rs.getString(1), rs.getString(2), period.label(), period.start(),
                            period.end(), policy.version(), policy.minimumPerOffice(), approved, rs.getInt(4),
                            Math.max(0, policy.minimumPerOffice() - approved));
                }).list();
        return belowOnly ? all.stream().filter(q -> q.shortfall() > 0).toList() : all;
    }
}
