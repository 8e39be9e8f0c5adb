package org.caseops.supervision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.caseops.access.Access;
import org.caseops.legal.LegalDays;
import org.caseops.system.BadInput;
import org.caseops.system.Conflict;
import org.caseops.system.Forbidden;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The supervision-level review of an ATD enrolment every {@link #PERIOD_DAYS} days (issue 16, docs/supervision.md):
 * period n is due on the start + 90 n days. The review suggests a step-down — ankle monitor → smartphone app →
 * telephone reporting → the order of supervision only — when, over the period, no alert was opened or is open and no
 * check-in was missed; otherwise to keep the level, saying why. The officer decides (step down or keep, with the
 * reason); one review per enrolment and period (the database's key), history only. The level it records is what the
 * review decided: the device itself is assigned, replaced or removed in its history ({@link Devices}).
 */
@Service
public class LevelReviews {

    /** Days between two supervision-level reviews of an ATD enrolment. */
    public static final int PERIOD_DAYS = 90;

    /** How many days before its due date a review may be recorded. */
    public static final int EARLY_DAYS = 30;

    /** The levels of ATD supervision, most intensive first. */
    public enum Level {
        ANKLE_MONITOR, SMARTPHONE_APP, TELEPHONE_REPORTING, ORDER_ONLY;

        /** The next level down; the order of supervision only has none. */
        public Level down() {
            return this == ORDER_ONLY ? null : values()[ordinal() + 1];
        }

        public String label() {
            return switch (this) {
                case ANKLE_MONITOR -> "ankle monitor (GPS device)";
                case SMARTPHONE_APP -> "smartphone app";
                case TELEPHONE_REPORTING -> "telephone reporting";
                case ORDER_ONLY -> "order of supervision only";
            };
        }
    }

    public enum Decision { STEP_DOWN, KEEP }

    /** A review due: the enrolment, the period and its dates, the level now, and what the record suggests and why. */
    public record Due(long supervisionId, String aNumber, String fieldOffice, LocalDate startDate, int period,
            LocalDate periodFrom, LocalDate dueOn, Level level, Decision suggested, Level suggestedLevel, String why) {
    }

    public record Review(long id, long supervisionId, int period, LocalDate dueOn, LocalDate reviewedOn,
            Level levelBefore, Decision suggested, String suggestionReason, Decision decision, Level levelAfter,
            String reason, String decidedBy) {
    }

    private final JdbcClient jdbc;
    private final Access access;
    private final Supervisions supervisions;
    private final Devices devices;

    LevelReviews(JdbcClient jdbc, Access access, Supervisions supervisions, Devices devices) {
        this.jdbc = jdbc;
        this.access = access;
        this.supervisions = supervisions;
        this.devices = devices;
    }

    /** The office's ATD enrolments whose next review is due on or before {@code asOf}, the longest overdue first. */
    @Transactional
    public List<Due> due(String fieldOffice, LocalDate asOf) {
        if (fieldOffice == null || fieldOffice.isBlank()) {
            throw new BadInput("fieldOffice", "fieldOffice is required");
        }
        String office = fieldOffice.trim().toUpperCase(Locale.ROOT);
        if (asOf == null) {
            throw new BadInput("asOf", "asOf is required");
        }
        if (!access.actor().mayChange(office) || access.actor().fieldOffice() == null) {
            throw new Forbidden(access.actor().username() + " may not read the supervision-level reviews of "
                    + office);
        }
        List<Due> due = assess(office, null, asOf).stream().filter(d -> !d.dueOn().isAfter(asOf)).toList();
        access.audit("ATD_LEVEL_REVIEWS_READ", new Access.Subject("FIELD_OFFICE", office, office), due.size()
                + " reviews due as of " + asOf + (due.isEmpty() ? "" : ": " + String.join(", ", due.stream()
                .map(d -> "A-" + d.aNumber()).toList())));
        return due;
    }

    /** The reviews recorded for an enrolment, oldest first; the caller has checked the read. */
    List<Review> of(long supervisionId) {
        return jdbc.sql("""
                select id, supervision_id, period, due_on, reviewed_on, level_before, suggested, suggestion_reason,
                       decision, level_after, reason, decided_by
                from supervision_level_review where supervision_id = ? order by period""").param(supervisionId)
                .query((rs, n) -> new Review(rs.getLong(1), rs.getLong(2), rs.getInt(3),
                        rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class),
                        Level.valueOf(rs.getString(6)), Decision.valueOf(rs.getString(7)), rs.getString(8),
                        Decision.valueOf(rs.getString(9)), Level.valueOf(rs.getString(10)), rs.getString(11),
                        rs.getString(12))).list();
    }

    /**
     * Records the officer's decision for the enrolment's review of {@code period} (the one due next, as read): step
     * down one level or keep it, with the reason. 409 when that period is reviewed already or is not the one due.
     */
    @Transactional
    public Review decide(long supervisionId, Integer period, LocalDate on, Decision decision, String reason) {
        Supervisions.Supervision s = supervisions.toChange(supervisionId);
        if (s.kind() != Supervisions.Kind.ATD) {
            throw new Conflict("supervision " + supervisionId + " is an order of supervision: the supervision-level "
                    + "review is of an ATD enrolment");
        }
        if (period == null || period < 1) {
            throw new BadInput("period", "period is required: the review's period as read (1, 2, ...)");
        }
        if (on == null || on.isAfter(LegalDays.now().last())) {
            throw new BadInput("on", "on is required: the day of the review, not in the future");
        }
        if (decision == null) {
            throw new BadInput("decision", "decision is required: STEP_DOWN or KEEP");
        }
        if (reason == null || reason.trim().length() < 3 || reason.trim().length() > 2000) {
            throw new BadInput("reason", "reason is required: why (3 to 2,000 characters)");
        }
        Due next = assess(s.fieldOffice(), supervisionId, on).get(0);
        if (next.period() != period) {
            throw new Conflict("the review of period " + period + " of supervision " + supervisionId + " is "
                    + (period < next.period() ? "recorded already" : "not due yet") + "; period " + next.period()
                    + " is due on " + next.dueOn());
        }
        if (on.isBefore(next.dueOn().minusDays(EARLY_DAYS))) {
            throw new BadInput("on", "the review of period " + period + " is due on " + next.dueOn()
                    + ": it is recorded from " + next.dueOn().minusDays(EARLY_DAYS));
        }
        Level after = decision == Decision.KEEP ? next.level() : next.level().down();
        if (after == null) {
            throw new BadInput("decision", "the " + next.level().label() + " is the lowest level: keep it, or end "
                    + "the supervision");
        }
        String actor = access.actor().username();
        int inserted = jdbc.sql("""
                insert into supervision_level_review (supervision_id, period, due_on, reviewed_on, level_before,
                    suggested, suggestion_reason, decision, level_after, reason, decided_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (supervision_id, period) do nothing""").params(supervisionId, period, next.dueOn(), on,
                next.level().name(), next.suggested().name(), next.why(), decision.name(), after.name(),
                reason.trim(), actor).update();
        if (inserted != 1) {
            throw new Conflict("the review of period " + period + " of supervision " + supervisionId
                    + " was recorded meanwhile");
        }
        String what = "period " + period + " (due " + next.dueOn() + "): " + (decision == Decision.KEEP ? "kept at "
                + after.label() : "stepped down from " + next.level().label() + " to " + after.label()) + " ("
                + reason.trim() + "); suggested " + next.suggested().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                + ": " + next.why();
        supervisions.event(supervisionId, "ATD_LEVEL_REVIEWED", actor, "Supervision-level review of " + what);
        access.audit("ATD_LEVEL_REVIEWED", supervisions.subject(supervisionId), what);
        if (decision == Decision.STEP_DOWN) {
            // nobody keeps wearing a device of a level they were stepped down from
            devices.removeAfterStepDown(supervisionId, after, on, "stepped down to " + after.label()
                    + " at the supervision-level review of period " + period + ": " + reason.trim(), actor);
        }
        return of(supervisionId).stream().filter(r -> r.period() == period).findFirst().orElseThrow();
    }

    /**
     * The next review of each active ATD enrolment of the office (or of the one given) with its suggestion, judged on
     * the period up to its due date: five queries whatever the number of enrolments. The level now is the last
     * review's, else the device in use in the history, else a device condition in force, else telephone reporting.
     */
    private List<Due> assess(String office, Long only, LocalDate asOf) {
        record Enrolled(long id, String aNumber, LocalDate start, int reviewed, String levelAfter,
                LocalDate nextReportDue) {
        }
        List<Enrolled> enrolled = jdbc.sql("""
                select s.id, s.a_number, s.start_date, coalesce(r.period, 0), r.level_after, s.next_report_due
                from supervision s
                left join lateral (select period, level_after from supervision_level_review x
                                   where x.supervision_id = s.id order by period desc limit 1) r on true
                where s.field_office_code = ? and s.kind = 'ATD' and s.status = 'ACTIVE'
                  and (?::bigint is null or s.id = ?::bigint)
                order by s.id""").params(office, only, only)
                .query((rs, n) -> new Enrolled(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getInt(4), rs.getString(5), rs.getObject(6, LocalDate.class))).list();
        List<Long> ids = enrolled.stream().map(Enrolled::id).toList();
        Map<Long, List<Devices.Device>> history = devices.of(ids);
        record Alert(long supervision, LocalDate asOf, boolean open) {
        }
        Map<Long, List<Alert>> alerts = new HashMap<>();
        Map<Long, List<LocalDate>> missed = new HashMap<>();
        Map<Long, Level> deviceConditions = new HashMap<>();
        if (!ids.isEmpty()) {
            Long[] array = ids.toArray(Long[]::new);
            jdbc.sql("""
                    select supervision_id, min(case kind when 'ANKLE_MONITOR' then 0 else 1 end)
                    from supervision_condition where supervision_id = any (?) and ended_on is null
                      and kind in ('ANKLE_MONITOR', 'SMARTPHONE_APP') group by 1""").param(array).query(rs -> {
                        deviceConditions.put(rs.getLong(1), rs.getInt(2) == 0 ? Level.ANKLE_MONITOR
                                : Level.SMARTPHONE_APP);
                    });
            jdbc.sql("select supervision_id, as_of, status = 'OPEN' from atd_alert where supervision_id = any (?)")
                    .param(array).query((rs, n) -> new Alert(rs.getLong(1), rs.getObject(2, LocalDate.class),
                            rs.getBoolean(3))).list()
                    .forEach(a -> alerts.computeIfAbsent(a.supervision(), k -> new ArrayList<>()).add(a));
            jdbc.sql("select supervision_id, due_date from supervision_missed where supervision_id = any (?)")
                    .param(array).query(rs -> {
                        missed.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                                .add(rs.getObject(2, LocalDate.class));
                    });
        }
        List<Due> out = new ArrayList<>();
        for (Enrolled e : enrolled) {
            int period = e.reviewed() + 1;
            LocalDate from = e.start().plusDays((long) PERIOD_DAYS * (period - 1));
            LocalDate dueOn = e.start().plusDays((long) PERIOD_DAYS * period);
            Level level;
            if (e.levelAfter() != null) {
                level = Level.valueOf(e.levelAfter());
            } else {
                Devices.Device inUse = Devices.inUse(history.getOrDefault(e.id(), List.of()));
                level = inUse != null ? Level.valueOf(inUse.technology().name())
                        : deviceConditions.getOrDefault(e.id(), Level.TELEPHONE_REPORTING);
            }
            LocalDate until = dueOn.isBefore(asOf) ? dueOn : asOf;
            List<Alert> mine = alerts.getOrDefault(e.id(), List.of());
            long open = mine.stream().filter(Alert::open).count();
            long opened = mine.stream().filter(a -> !a.asOf().isBefore(from) && !a.asOf().isAfter(until)).count();
            long misses = missed.getOrDefault(e.id(), List.of()).stream()
                    .filter(d -> !d.isBefore(from) && !d.isAfter(until)).count();
            List<String> against = new ArrayList<>();
            if (open > 0) {
                against.add(open + " ATD alert(s) open");
            }
            if (opened > 0) {
                against.add(opened + " ATD alert(s) found from " + from + " to " + until);
            }
            if (misses > 0) {
                against.add(misses + " check-in(s) missed from " + from + " to " + until);
            } else if (e.nextReportDue().isBefore(until)) {
                // a report overdue that no sweep has recorded yet is a missed check-in all the same
                against.add("no check-in recorded for the report due " + e.nextReportDue());
            }
            Decision suggested;
            String why;
            if (level.down() == null) {
                suggested = Decision.KEEP;
                why = "the order of supervision only is the lowest level";
            } else if (against.isEmpty()) {
                suggested = Decision.STEP_DOWN;
                why = "no ATD alert and no missed check-in from " + from + " to " + until;
            } else {
                suggested = Decision.KEEP;
                why = String.join("; ", against);
            }
            out.add(new Due(e.id(), e.aNumber(), office, e.start(), period, from, dueOn, level, suggested,
                    suggested == Decision.STEP_DOWN ? level.down() : level, why));
        }
        out.sort(java.util.Comparator.comparing(Due::dueOn).thenComparing(Due::supervisionId));
        return out;
    }
}
