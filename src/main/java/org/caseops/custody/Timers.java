package org.caseops.custody;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.caseops.legal.LegalDays;
import org.caseops.task.Assignee;
import org.caseops.task.NewTask;
import org.caseops.task.SubjectType;
import org.caseops.task.TaskType;
import org.caseops.task.Tasks;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Custody's clocks, checked against the ledger: hours held at a staging site (the site's own limit when it is an
 * operation's staging site, else {@code caseops.custody.staging-hours}), days a minor is held (the Flores limit,
 * {@code caseops.custody.flores-days}), and the post-order custody review ({@code caseops.custody.review-days} after
 * custody began, 8 CFR 241.4). A breach, or a near breach (the last {@code caseops.custody.warn-fraction} of the
 * limit), opens an escalation task for the field office — once per person and clock while one is open. The server
 * runs it every {@code caseops.custody.timer-minutes} (15) ({@link TimerSchedule}); supervisors run it on demand
 * ({@code POST /api/custody/timers/check}, with a date for a simulated day).
 */
@Service
public class Timers {

    public enum Clock { STAGING_HOURS, FLORES_DAYS, CUSTODY_REVIEW }

    /** Whom the tasks the clocks open are created by. */
    public static final String SYSTEM_ACTOR = "system:custody-timers";

    public record Finding(long personId, String aNumber, String fieldOffice, Clock clock, boolean breached,
            Duration held, Duration limit, Long taskId) {
    }

    private final JdbcClient jdbc;
    private final Tasks tasks;
    private final org.caseops.access.Access access;
    private final Duration stagingLimit;
    private final Duration floresLimit;
    private final Duration reviewAfter;
    private final double warnFraction;

    Timers(JdbcClient jdbc, Tasks tasks, org.caseops.access.Access access,
            @Value("${caseops.custody.staging-hours:12}") int stagingHours,
            @Value("${caseops.custody.flores-days:20}") int floresDays,
            @Value("${caseops.custody.review-days:90}") int reviewDays,
            @Value("${caseops.custody.warn-fraction:0.2}") double warnFraction) {
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.access = access;
        this.stagingLimit = Duration.ofHours(stagingHours);
        this.floresLimit = Duration.ofDays(floresDays);
        this.reviewAfter = Duration.ofDays(reviewDays);
        this.warnFraction = warnFraction;
    }

    /** One person held, as the ledger and their record give it. */
    private record Held(long personId, String aNumber, long familyId, String name, String office, Long operationId,
            OffsetDateTime since, Duration limit, LocalDate birth) {
    }

    /** Checks every clock as of {@code now} (a simulated day passes its own time) and opens the tasks due. */
    @Transactional
    public List<Finding> check(Instant now, String actor) {
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        // read first, then open the tasks: no query runs inside a row callback
        List<Finding> findings = new ArrayList<>();
        for (Timed t : timed(null, at)) {
            add(findings, t.held(), t.clock(), t.time(), t.limit(), now, actor);
        }
        return findings;
    }

    /** How close a clock is to its limit: near within the warning fraction of it. */
    public enum Level { OK, NEAR, BREACHED }

    /** A clock of a person held, as of a time: how long so far, the limit, and how close. */
    public record Reading(long personId, long familyId, Clock clock, Duration held, Duration limit, Level level) {

        public Duration left() {
            return limit.minus(held);
        }
    }

    /**
     * Every clock of the people held in these families as of {@code now}, read only (no task opened, nothing
     * written): what the custody board shows beside each person.
     */
    public List<Reading> readings(java.util.Collection<Long> familyIds, Instant now) {
        if (familyIds.isEmpty()) {
            return List.of();
        }
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        return timed(familyIds.toArray(Long[]::new), at).stream().map(t -> new Reading(t.held().personId(),
                t.held().familyId(), t.clock(), t.time(), t.limit(), level(t.time(), t.limit()))).toList();
    }

    private Level level(Duration held, Duration limit) {
        return held.compareTo(limit) >= 0 ? Level.BREACHED
                : held.toSeconds() >= limit.toSeconds() * (1 - warnFraction) ? Level.NEAR : Level.OK;
    }

    private record Timed(Held held, Clock clock, Duration time, Duration limit) {
    }

    /** Each running clock of the people held (of these families; null: everyone) as of {@code at}. */
    private List<Timed> timed(Long[] families, OffsetDateTime at) {
        String only = families == null ? "" : " and s.family_id = any (?)";
        // staging: since the person was staged (the status row's since), against the site's own limit
        List<Held> staged = jdbc.sql("""
                select s.person_id, p.a_number, s.family_id, p.given_name || ' ' || p.family_name,
                       f.field_office_code, s.operation_id, s.since, coalesce(ss.max_hours, ?) * 3600, p.birth_date
                from custody_status s join person_reference p on p.person_id = s.person_id
                left join staging_limit ss on ss.operation_id = s.operation_id and ss.site = s.site
                left join report_family_office f on f.family_id = s.family_id
                where s.state = 'STAGED'""" + only).params(families == null
                ? new Object[] {stagingLimit.toHours()} : new Object[] {stagingLimit.toHours(), families})
                .query(Timers::held).list();
        // everyone held: since the first time they were taken into this custody
        List<Held> held = jdbc.sql("""
                select s.person_id, p.a_number, s.family_id, p.given_name || ' ' || p.family_name,
                       f.field_office_code, s.operation_id, (select max(e.occurred_at) from custody_event e
                        where e.person_id = s.person_id and e.to_state = 'IN_CUSTODY'), 0, p.birth_date
                from custody_status s join person_reference p on p.person_id = s.person_id
                left join report_family_office f on f.family_id = s.family_id
                where s.state in ('IN_CUSTODY', 'STAGED', 'TRANSPORTED')""" + only)
                .params(families == null ? new Object[0] : new Object[] {families}).query(Timers::held).list();
        List<Timed> out = new ArrayList<>();
        // a child's clock runs while the child is a minor anywhere in the United States (LegalDays)
        LocalDate minorityDay = LegalDays.of(at.toInstant()).first();
        for (Held h : staged) {
            out.add(new Timed(h, Clock.STAGING_HOURS, Duration.between(h.since(), at), h.limit()));
        }
        for (Held h : held) {
            if (h.since() == null) {
                continue;
            }
            Duration time = Duration.between(h.since(), at);
            if (org.caseops.docket.Docket.minor(h.birth(), minorityDay)) {
                out.add(new Timed(h, Clock.FLORES_DAYS, time, floresLimit));
            }
            out.add(new Timed(h, Clock.CUSTODY_REVIEW, time, reviewAfter));
        }
        return out;
    }

    private static Held held(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Held(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                (Long) rs.getObject(6), rs.getObject(7, OffsetDateTime.class), Duration.ofSeconds(rs.getLong(8)),
                rs.getObject(9, LocalDate.class));
    }

    /**
     * Checks every clock as of {@code asOf} for a supervisor (on demand) and answers with the findings of their field
     * office; the check is audited.
     */
    @Transactional
    public List<Finding> checkFor(String office, Instant asOf) {
        List<Finding> findings = check(asOf, SYSTEM_ACTOR).stream().filter(f -> office.equals(f.fieldOffice()))
                .toList();
        access.audit("CUSTODY_TIMERS_CHECKED", new org.caseops.access.Access.Subject("FIELD_OFFICE", office, office),
                "as of " + asOf + ": " + findings.size() + " findings");
        return findings;
    }

    /**
     * A task about the person by their A-number; about a person without one (a U.S.-citizen child) through their
     * family's lead case, with their name in the title — never by an internal id nobody can open.
     */
    private void add(List<Finding> findings, Held h, Clock clock, Duration held, Duration limit, Instant now,
            String actor) {
        Level level = level(held, limit);
        if (level == Level.OK) {
            return;
        }
        boolean breached = level == Level.BREACHED;
        SubjectType subjectType = h.aNumber() == null ? SubjectType.FAMILY : SubjectType.PERSON;
        String subject = h.aNumber() == null ? String.valueOf(h.familyId()) : h.aNumber();
        TaskType type = clock == Clock.CUSTODY_REVIEW ? TaskType.CUSTODY_REVIEW : TaskType.CUSTODY_ESCALATION;
        String marker = "[" + clock + "]" + (h.aNumber() == null ? " " + h.name() + ":" : "");
        boolean open = tasks.openOn(subjectType, subject).stream()
                .anyMatch(t -> t.type() == type && t.title().startsWith(marker));
        Long taskId = null;
        if (!open && h.office() != null) {
            NewTask task = NewTask.of(type, marker + " " + (breached ? "breached" : "near breach") + ": held "
                    + hours(held) + " of " + hours(limit) + " allowed", h.office(), Assignee.ofTeam(h.office()))
                    .about(subjectType, subject).due(breached ? now : now.plus(limit.minus(held)));
            taskId = tasks.createAsSystem(h.operationId() == null ? task : task.operation(h.operationId()), actor)
                    .id();
        }
        findings.add(new Finding(h.personId(), h.aNumber(), h.office(), clock, breached, held, limit, taskId));
    }

    private static String hours(Duration d) {
        return d.toHours() >= 48 ? d.toDays() + " days" : d.toHours() + " h";
    }
}
