package org.caseops.custody;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
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

    /** Checks every clock as of {@code now} (a simulated day passes its own time) and opens the tasks due. */
    @Transactional
    public List<Finding> check(Instant now, String actor) {
        List<Finding> findings = new ArrayList<>();
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        // staging: since the person was staged (the status row's since), against the site's own limit
        jdbc.sql("""
                select s.person_id, p.a_number, s.since, coalesce(ss.max_hours, ?) * 3600, ci.field_office_code,
                       s.operation_id
                from custody_status s join person p on p.id = s.person_id
                left join staging_site ss on ss.operation_id = s.operation_id and ss.name = s.site
                left join case_index ci on ci.idncase = s.family_id
                where s.state = 'STAGED'""").params(stagingLimit.toHours())
                .query(rs -> {
                    add(findings, rs.getLong(1), rs.getString(2), Clock.STAGING_HOURS,
                            Duration.between(rs.getObject(3, OffsetDateTime.class), at),
                            Duration.ofSeconds(rs.getLong(4)), rs.getString(5), (Long) rs.getObject(6), now, actor);
                });
        // minors held: since the first time they were taken into this custody
        jdbc.sql("""
                select s.person_id, p.a_number, (select max(e.occurred_at) from custody_event e
                        where e.person_id = s.person_id and e.to_state = 'IN_CUSTODY'), ci.field_office_code,
                       s.operation_id, p.birth_date
                from custody_status s join person p on p.id = s.person_id
                left join case_index ci on ci.idncase = s.family_id
                where s.state in ('IN_CUSTODY', 'STAGED', 'TRANSPORTED')""")
                .query(rs -> {
                    OffsetDateTime taken = rs.getObject(3, OffsetDateTime.class);
                    if (taken == null) {
                        return;
                    }
                    Duration held = Duration.between(taken, at);
                    boolean minor = org.caseops.docket.Docket.minor(rs.getObject(6, java.time.LocalDate.class),
                            at.toLocalDate());
                    if (minor) {
                        add(findings, rs.getLong(1), rs.getString(2), Clock.FLORES_DAYS, held, floresLimit,
                                rs.getString(4), (Long) rs.getObject(5), now, actor);
                    }
                    add(findings, rs.getLong(1), rs.getString(2), Clock.CUSTODY_REVIEW, held, reviewAfter,
                            rs.getString(4), (Long) rs.getObject(5), now, actor);
                });
        return findings;
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

    private void add(List<Finding> findings, long personId, String aNumber, Clock clock, Duration held, Duration limit,
            String office, Long operationId, Instant now, String actor) {
        boolean breached = held.compareTo(limit) >= 0;
        boolean near = held.toSeconds() >= limit.toSeconds() * (1 - warnFraction);
        if (!breached && !near) {
            return;
        }
        String subject = aNumber == null ? String.valueOf(personId) : aNumber;
        TaskType type = clock == Clock.CUSTODY_REVIEW ? TaskType.CUSTODY_REVIEW : TaskType.CUSTODY_ESCALATION;
        String marker = "[" + clock + "]";
        boolean open = tasks.openOn(SubjectType.PERSON, subject).stream()
                .anyMatch(t -> t.type() == type && t.title().startsWith(marker));
        Long taskId = null;
        if (!open && office != null) {
            NewTask task = NewTask.of(type, marker + " " + (breached ? "breached" : "near breach") + ": held "
                    + hours(held) + " of " + hours(limit) + " allowed", office, Assignee.ofTeam(office))
                    .about(SubjectType.PERSON, subject).due(breached ? now : now.plus(limit.minus(held)));
            taskId = tasks.createAsSystem(operationId == null ? task : task.operation(operationId), actor).id();
        }
        findings.add(new Finding(personId, aNumber, office, clock, breached, held, limit, taskId));
    }

    private static String hours(Duration d) {
        return d.toHours() >= 48 ? d.toDays() + " days" : d.toHours() + " h";
    }
}
