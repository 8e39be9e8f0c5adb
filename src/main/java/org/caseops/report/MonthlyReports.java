package org.caseops.report;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.caseops.access.Access;
import org.caseops.access.Actor;
import org.caseops.audit.AuditCheckpoints;
import org.caseops.audit.AuditVerifications;
import org.caseops.encounter.Funnels;
import org.caseops.legal.rules.BusinessCalendar;
import org.caseops.system.BadInput;
import org.caseops.system.Forbidden;
import org.caseops.task.SubjectType;
import org.caseops.task.TaskStatus;
import org.caseops.task.TaskType;
import org.caseops.task.Tasks;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The monthly report (issue 18, docs/oversight.md "The monthly report") of one month, for all field offices or one:
 * the funnel per operation and city, collateral encounters and their reviews, releases by reason, custody clocks
 * breached, locator timeliness, custody records entered late, the audit chain's state, and access to person records
 * outside the reader's field office by purpose. Computed from the record on each request — the views each feature
 * makes for it (V120, V148), the funnel's service, the task and audit features' query APIs — never from counters
 * kept on the side. Counts only: nobody is named. Days and months are UTC.
 */
@Service
public class MonthlyReports {

    /** Custody's clocks as the report measures their breaches (custody.Timers runs the same limits). */
    public enum Clock {
        STAGING_HOURS("Held at a staging site beyond its limit"),
        FLORES_DAYS("A minor held beyond the Flores limit"),
        CUSTODY_REVIEW("Held beyond the post-order custody review (8 CFR 241.4)");

        public final String label;

        Clock(String label) {
            this.label = label;
        }
    }

    /** A custody move recorded this long after it happened was entered late (CaseOps's own standard). */
    public static final Duration ENTERED_LATE_AFTER = Duration.ofHours(24);

    /** Where a figure comes from: a page an authorized reader may open ({@code href}), and the query described. */
    public record Source(String query, String href) {
    }

    public record FunnelRow(long operationId, String operation, String city, long targeted, long encountered,
            long arrestedTargets, long arrestedCollateral, long released, long removed, long departedVoluntarily) {
    }

    public record CollateralRow(String fieldOffice, Long operationId, long encounters, long arrested,
            long notArrested, long reviewed, long reviewOpen, long reviewCancelled, long noReview) {
    }

    public record ReleaseRow(String fieldOffice, Long operationId, String reason, long released) {
        /** The reason with its meaning: {@code Alternatives to detention (ATD)}. */
        public String reasonLabel() {
            return MonthlyReportDocuments.reason(reason);
        }
    }

    public record ClockRow(String fieldOffice, Clock clock, String label, long breached) {
    }

    /** Per field office: custody moves that happened in the month, those the locator showed late, and the share. */
    public record TimelinessRow(String fieldOffice, long changes, long late, long enteredLate) {
        public double shareLate() {
            return changes == 0 ? 0 : (double) late / changes;
        }

        public String percentLate() {
            return changes == 0 ? "–" : String.format(java.util.Locale.ROOT, "%.1f %%", 100.0 * late / changes);
        }
    }

    /**
     * The audit trail's state as its newest scheduled check found it (audit.AuditVerifications; the report does not read
     * the whole chain itself): whether a check was made yet, what kind, when, over which entries, what it found; when
     * the whole chain was last checked; and the latest signed checkpoint.
     */
    public record AuditChain(boolean checked, boolean intact, String kind, Instant checkedAt, long fromPosition,
            long verifiedUpTo, long pending, Long firstBrokenPosition, String problem, Instant wholeChainCheckedAt,
            Long checkpointPosition, Instant checkpointIssuedAt) {

        private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter
                .ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

        /** Intact, Broken, or Not checked yet. */
        public String state() {
            return !checked ? "Not checked yet" : intact ? "Intact" : "Broken";
        }

        /** The state in one sentence, as the page, the PDF and the CSV's reader see it (after {@link #state()}). */
        public String summary() {
            StringBuilder b = new StringBuilder();
            if (!checked) {
                b.append("no check of the trail is kept yet (the first scheduled check runs 30 seconds after start, "
                        + "then every caseops.audit.verify-interval)");
            } else if (intact) {
                b.append("verified up to entry ").append(verifiedUpTo).append(" by ")
                        .append("FULL".equals(kind) ? "a check of the whole chain" : "the check of entries "
                                + fromPosition + " to " + verifiedUpTo)
                        .append(" at ").append(TIME.format(checkedAt));
                if (!"FULL".equals(kind) && wholeChainCheckedAt != null) {
                    b.append(", the whole chain last checked at ").append(TIME.format(wholeChainCheckedAt));
                }
            } else {
                b.append("first broken position ").append(firstBrokenPosition == null ? "–" : firstBrokenPosition)
                        .append(": ").append(problem).append(" (found by the check at ")
                        .append(TIME.format(checkedAt)).append(")");
            }
            if (checked && pending > 0) {
                b.append("; ").append(pending).append(" not chained yet then");
            }
            b.append(checkpointPosition == null ? "; no signed checkpoint yet"
                    : "; latest signed checkpoint at entry " + checkpointPosition + ", issued "
                            + TIME.format(checkpointIssuedAt));
            return b.toString();
        }
    }

    public record AccessRow(String actorOffice, String role, String action, String purpose, long entries) {
    }

    public record Report(String month, String fieldOffice, LocalDate asOf, List<FunnelRow> funnel,
            List<CollateralRow> collateral, List<ReleaseRow> releases, List<ClockRow> clocks,
            List<TimelinessRow> timeliness, TimelinessRow timelinessTotal, AuditChain auditChain,
            List<AccessRow> access, Map<String, Source> sources) {
    }

    private final JdbcClient jdbc;
    private final Funnels funnels;
    private final Tasks tasks;
    private final AuditVerifications verifications;
    private final AuditCheckpoints checkpoints;
    private final TransactionTemplate audited;
    private final TransactionTemplate readOnly;
    private final Access access;
    private final Duration stagingLimit;
    private final Duration floresLimit;
    private final Duration reviewAfter;
    private final BusinessCalendar calendar = BusinessCalendar.usFederal();

    MonthlyReports(JdbcClient jdbc, Funnels funnels, Tasks tasks, AuditVerifications verifications,
            AuditCheckpoints checkpoints, Access access, PlatformTransactionManager transactions,
            @Value("${caseops.custody.staging-hours:12}") int stagingHours,
            @Value("${caseops.custody.flores-days:20}") int floresDays,
            @Value("${caseops.custody.review-days:90}") int reviewDays) {
        this.jdbc = jdbc;
        this.funnels = funnels;
        this.tasks = tasks;
        this.verifications = verifications;
        this.checkpoints = checkpoints;
        this.audited = new TransactionTemplate(transactions);
        this.readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        readOnly.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.access = access;
        this.stagingLimit = Duration.ofHours(stagingHours);
        this.floresLimit = Duration.ofDays(floresDays);
        this.reviewAfter = Duration.ofDays(reviewDays);
    }

    /**
     * The field office a report is about: a director's own (another is refused), any one or all for oversight. A
     * code must be three letters.
     */
    public static String office(Actor actor, String requested) {
        String office = requested == null || requested.isBlank() ? null
                : requested.trim().toUpperCase(java.util.Locale.ROOT);
        if (office != null && !office.matches("[A-Z]{3}")) {
            throw new BadInput("office", "office is a field office's three-letter code, e.g. HOU");
        }
        if (actor.role().officeScoped()) {
            if (office != null && !office.equals(actor.fieldOffice())) {
                throw new Forbidden("a " + actor.role().name().toLowerCase(java.util.Locale.ROOT)
                        + " reads the monthly report of their own field office, " + actor.fieldOffice());
            }
            return actor.fieldOffice();
        }
        return office;
    }

    /**
     * The report of {@code month} for {@code office} (null: all field offices), with clocks measured up to the end of
     * the month or the working date {@code asOf}, whichever comes first. Two transactions, one after the other (the
     * request holds one connection at a time): first, on the primary, the read is audited {@code MONTHLY_REPORT_READ}
     * (and each operation's funnel {@code OPERATION_FUNNEL_READ}, as its page) and committed; then every figure is
     * read in one read-only repeatable-read transaction — one snapshot — which runs on the read replica when one is
     * configured and the request's handler allows it (ADR 013). A read that fails after its audit entries leaves them:
     * recorded and not shown is the safe side.
     */
    public Report report(YearMonth month, String office, LocalDate asOf) {
        LocalDate first = month.atDay(1);
        LocalDate next = month.plusMonths(1).atDay(1);
        List<Op> ops = audited.execute(status -> {
            List<Op> listed = operations(first, next, office);
            access.audit("MONTHLY_REPORT_READ", new Access.Subject("REPORT", "monthly " + month, office), null);
            for (Op op : listed) {
                funnels.auditRead(op.id());
            }
            return listed;
        });
        return readOnly.execute(status -> read(month, office, asOf, ops));
    }

    /** An operation whose window touches the month (and, for one office, that names it). */
    private record Op(long id, String name) {
    }

    private List<Op> operations(LocalDate first, LocalDate next, String office) {
        return jdbc.sql("""
                select operation_id, name from report_operation_window
                where window_start < :next and window_end >= :first
                  and (cast(:office as text) is null or :office = any (field_offices))
                order by window_start, operation_id""").param("first", first).param("next", next)
                .param("office", office).query((rs, i) -> new Op(rs.getLong(1), rs.getString(2))).list();
    }

    private Report read(YearMonth month, String office, LocalDate asOf, List<Op> ops) {
        LocalDate first = month.atDay(1);
        LocalDate next = month.plusMonths(1).atDay(1);
        Map<String, Source> sources = new LinkedHashMap<>();
        String where = office == null ? "" : " for field office " + office;

        List<FunnelRow> funnel = funnel(ops, office);
        sources.put("funnel", new Source("encounter.Funnels over report_operation_target, encounter, "
                + "report_custody_move, report_removal_departure, report_voluntary_departure for each operation "
                + "launched whose window touches the month" + where, "/operations/{id}/funnel"));

        List<CollateralRow> collateral = collateral(first, office);
        sources.put("collateral", new Source("select * from report_collateral_encounter where month = '" + first
                + "'" + and(office) + ", each with its COLLATERAL_REVIEW task's status (task.Tasks.statesOf)",
                "/dashboards/collateral"));

        List<ReleaseRow> releases = new ArrayList<>();
        jdbc.sql("""
                select coalesce(field_office_code, 'Not recorded'), operation_id, substring(measure from 10), sum(n)
                from report_stat_custody
                where month = :m and measure like 'RELEASES_%' and (cast(:office as text) is null
                      or field_office_code = :office)
                group by 1, 2, 3 order by 1, 2 nulls first, 3""").param("m", first).param("office", office)
                .query((rs, i) -> releases.add(new ReleaseRow(rs.getString(1), (Long) rs.getObject(2),
                        rs.getString(3), rs.getLong(4)))).list();
        sources.put("releases", new Source("select field_office_code, operation_id, measure, sum(n) from "
                + "report_stat_custody where month = '" + first + "' and measure like 'RELEASES_%'" + and(office)
                + " group by 1, 2, 3", null));

        Instant end = earliest(next.atStartOfDay().toInstant(ZoneOffset.UTC),
                asOf.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
        List<ClockRow> clocks = clocks(first.atStartOfDay().toInstant(ZoneOffset.UTC), end, office);
        sources.put("clocks", new Source("select * from report_custody_clock" + (office == null ? ""
                : " where field_office_code = '" + office + "'") + ": a clock is breached in the month when its "
                + "stay began plus the limit (staging: the site's own or " + stagingLimit.toHours() + " h; Flores: "
                + floresLimit.toDays() + " days before the person turns 18; custody review: " + reviewAfter.toDays()
                + " days) falls in the month, before " + end + ", and the stay had not ended by then", null));

        List<TimelinessRow> timeliness = timeliness(first, next, office);
        long changes = timeliness.stream().mapToLong(TimelinessRow::changes).sum();
        TimelinessRow total = new TimelinessRow("All", changes,
                timeliness.stream().mapToLong(TimelinessRow::late).sum(),
                timeliness.stream().mapToLong(TimelinessRow::enteredLate).sum());
        sources.put("timeliness", new Source("select field_office_code, occurred_on, recorded_on, n, entered_late "
                + "from report_custody_entry where occurred_on between '" + first + "' and '" + next.minusDays(1)
                + "'" + and(office) + "; late: recorded after the second business day following the day it "
                + "happened (" + LocatorTimeliness.RULE + ", US federal calendar); entered late: recorded more "
                + "than " + ENTERED_LATE_AFTER.toHours() + " hours after it happened", null));

        AuditVerifications.Status status = verifications.status();
        var checkpoint = checkpoints.latest();
        AuditChain chain = status.latest().map(v -> new AuditChain(true, v.intact(), v.kind().name(), v.finishedAt(),
                v.fromPosition(), v.verifiedUpTo(), v.pending(), v.firstBrokenPosition(), v.problem(),
                status.latestFull().map(AuditVerifications.Verification::finishedAt).orElse(null),
                checkpoint.map(c -> c.position()).orElse(null), checkpoint.map(c -> c.issuedAt()).orElse(null)))
                .orElseGet(() -> new AuditChain(false, false, null, null, 0, 0, 0, null, null, null,
                        checkpoint.map(c -> c.position()).orElse(null),
                        checkpoint.map(c -> c.issuedAt()).orElse(null)));
        sources.put("audit", new Source("audit.AuditVerifications.status(): the newest kept check of the trail, "
                + "made on a schedule (every chained entry's hash and link since the last check, the whole chain at "
                + "least daily, the head, the queue, the signed checkpoints)", "/audit"));

        List<AccessRow> accessRows = new ArrayList<>();
        jdbc.sql("""
                select coalesce(actor_office, 'none'), role, action, coalesce(purpose, '(none stated)'), sum(n)
                from report_access_outside_office
                where month = :m and (cast(:office as text) is null or actor_office = :office)
                group by 1, 2, 3, 4 order by 1, 2, 3, 4""").param("m", first).param("office", office)
                .query((rs, i) -> accessRows.add(new AccessRow(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getLong(5)))).list();
        sources.put("access", new Source("select actor_office, role, action, purpose, sum(n) from "
                + "report_access_outside_office where month = '" + first + "'" + (office == null ? ""
                        : " and actor_office = '" + office + "'") + " group by 1, 2, 3, 4", "/audit"));

        return new Report(month.toString(), office, asOf, funnel, collateral, releases, clocks, timeliness, total,
                chain, accessRows, sources);
    }

    private static String and(String office) {
        return office == null ? "" : " and field_office_code = '" + office + "'";
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private List<FunnelRow> funnel(List<Op> ops, String office) {
        List<FunnelRow> rows = new ArrayList<>();
        for (Op op : ops) {
            Funnels.Funnel f;
            try {
                f = funnels.counted(op.id());
            } catch (org.caseops.system.NotFound notYetOnTheReplica) {
                // created on the primary a moment ago and not replayed on the replica yet: audited, not shown
                continue;
            }
            for (Funnels.City c : f.cities()) {
                if (office == null || office.equals(c.fieldOffice())) {
                    rows.add(new FunnelRow(op.id(), op.name(), c.fieldOffice(), c.targeted(), c.encountered(),
                            c.arrestedTargets(), c.arrestedCollateral(),
                            c.released().values().stream().mapToLong(Long::longValue).sum(), c.removed(),
                            c.departedVoluntarily()));
                }
            }
        }
        return rows;
    }

    private List<CollateralRow> collateral(LocalDate first, String office) {
        record Met(long id, String office, Long operationId, String outcome) {
        }
        List<Met> met = jdbc.sql("""
                select encounter_id, coalesce(field_office_code, 'Not recorded'), operation_id, outcome
                from report_collateral_encounter
                where month = :m and (cast(:office as text) is null or field_office_code = :office)""")
                .param("m", first).param("office", office)
                .query((rs, i) -> new Met(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3), rs.getString(4)))
                .list();
        Map<String, Tasks.TaskState> reviews = tasks.statesOf(TaskType.COLLATERAL_REVIEW, SubjectType.ENCOUNTER,
                met.stream().map(m -> String.valueOf(m.id())).toList());
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, Met> keys = new TreeMap<>();
        for (Met m : met) {
            String key = m.office() + "\t" + (m.operationId() == null ? "" : String.format("%019d", m.operationId()));
            keys.putIfAbsent(key, m);
            long[] c = counts.computeIfAbsent(key, k -> new long[7]);
            c[0]++;
            c["ARRESTED".equals(m.outcome()) ? 1 : 2]++;
            Tasks.TaskState review = reviews.get(String.valueOf(m.id()));
            c[review == null ? 6 : review.status() == TaskStatus.COMPLETED ? 3
                    : review.status() == TaskStatus.CANCELLED ? 5 : 4]++;
        }
        List<CollateralRow> rows = new ArrayList<>();
        counts.forEach((key, c) -> rows.add(new CollateralRow(keys.get(key).office(), keys.get(key).operationId(),
                c[0], c[1], c[2], c[3], c[4], c[5], c[6])));
        return rows;
    }

    private List<ClockRow> clocks(Instant from, Instant until, String office) {
        Map<String, long[]> counts = new TreeMap<>();
        jdbc.sql("""
                select coalesce(field_office_code, 'Not recorded'), clock, started_at, ended_at, limit_hours, adult_on
                from report_custody_clock
                where started_at < :until and (ended_at is null or ended_at > :from)
                  and (cast(:office as text) is null or field_office_code = :office)""")
                .param("until", OffsetDateTime.ofInstant(until, ZoneOffset.UTC))
                .param("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC)).param("office", office)
                .query(rs -> {
                    long[] c = counts.computeIfAbsent(rs.getString(1), k -> new long[Clock.values().length]);
                    Instant started = rs.getObject(3, OffsetDateTime.class).toInstant();
                    OffsetDateTime endedAt = rs.getObject(4, OffsetDateTime.class);
                    Instant ended = endedAt == null ? null : endedAt.toInstant();
                    if ("STAGING".equals(rs.getString(2))) {
                        Object hours = rs.getObject(5);
                        Duration limit = hours == null ? stagingLimit : Duration.ofHours(((Number) hours).longValue());
                        c[Clock.STAGING_HOURS.ordinal()] += breached(started, ended, limit, from, until) ? 1 : 0;
                    } else {
                        c[Clock.CUSTODY_REVIEW.ordinal()] += breached(started, ended, reviewAfter, from, until) ? 1 : 0;
                        LocalDate adultOn = rs.getObject(6, LocalDate.class);
                        Instant breach = started.plus(floresLimit);
                        boolean minor = adultOn != null
                                && breach.atOffset(ZoneOffset.UTC).toLocalDate().isBefore(adultOn);
                        c[Clock.FLORES_DAYS.ordinal()] += minor && breached(started, ended, floresLimit, from, until)
                                ? 1 : 0;
                    }
                });
        List<ClockRow> rows = new ArrayList<>();
        counts.forEach((o, c) -> {
            for (Clock clock : Clock.values()) {
                if (c[clock.ordinal()] > 0) {
                    rows.add(new ClockRow(o, clock, clock.label, c[clock.ordinal()]));
                }
            }
        });
        return rows;
    }

    /** A stay breaches its limit in [from, until) when the moment it reaches the limit lies there and it still ran. */
    static boolean breached(Instant started, Instant ended, Duration limit, Instant from, Instant until) {
        Instant breach = started.plus(limit);
        return !breach.isBefore(from) && breach.isBefore(until) && (ended == null || ended.isAfter(breach));
    }

    private List<TimelinessRow> timeliness(LocalDate first, LocalDate next, String office) {
        Map<String, long[]> counts = new TreeMap<>();
        jdbc.sql("""
                select coalesce(field_office_code, 'Not recorded'), occurred_on, recorded_on, n, entered_late
                from report_custody_entry
                where occurred_on >= :first and occurred_on < :next
                  and (cast(:office as text) is null or field_office_code = :office)""")
                .param("first", first).param("next", next).param("office", office)
                .query(rs -> {
                    long[] c = counts.computeIfAbsent(rs.getString(1), k -> new long[3]);
                    long n = rs.getLong(4);
                    c[0] += n;
                    LocatorTimeliness.Change change = new LocatorTimeliness.Change(
                            rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class));
                    c[1] += LocatorTimeliness.late(change, calendar) ? n : 0;
                    c[2] += rs.getLong(5);
                });
        List<TimelinessRow> rows = new ArrayList<>();
        counts.forEach((o, c) -> rows.add(new TimelinessRow(o, c[0], c[1], c[2])));
        return rows;
    }
}
