package org.caseops.supervision;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.caseops.access.Access;
import org.caseops.access.PartnerScope;
import org.caseops.docket.Docket;
import org.caseops.docket.DocketViews;
import org.caseops.docket.Timeline;
import org.caseops.legal.LegalDays;
import org.caseops.legal.LegalGate;
import org.caseops.legal.rules.BusinessCalendar;
import org.caseops.system.BadInput;
import org.caseops.system.Conflict;
import org.caseops.system.NotFound;
import org.caseops.task.Assignee;
import org.caseops.task.NewTask;
import org.caseops.task.SubjectType;
import org.caseops.task.Task;
import org.caseops.task.TaskType;
import org.caseops.task.Tasks;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Orders of supervision (I-220B) and alternatives to detention (docs/supervision.md): enrolment with conditions and a
 * reporting schedule on working days, check-ins recorded, missed check-ins each opening one task after a grace
 * period, and devices recorded only as a condition with its legal basis and reviews. CaseOps stores no location: it
 * records that a condition exists, its reviews and the check-ins made. Every change is a conditional update or an
 * insert the database constrains, writes the person's case event and an audit entry.
 */
@Service
public class Supervisions {

    /** Working days after a due date before a check-in counts as missed. */
    public static final int GRACE_WORKING_DAYS = 2;

    /** How long a device may go before its next review (the supervision-level review of issue 16). */
    public static final int DEVICE_REVIEW_DAYS = 90;

    static final BusinessCalendar CALENDAR = BusinessCalendar.usFederal();

    public enum Kind {
        /** Order of supervision, Form I-220B: INA 241(a)(3), 8 CFR 241.5. */
        OSUP,
        /** Alternatives to detention: a program of supervision in place of custody. */
        ATD
    }

    public enum ConditionKind {
        REPORT_IN_PERSON, REPORT_BY_PHONE, SMARTPHONE_APP, ANKLE_MONITOR, NOTIFY_ADDRESS_CHANGE, TRAVEL_RESTRICTION,
        OTHER;

        /** A device: adults only, reviewed at least every {@link #DEVICE_REVIEW_DAYS} days. */
        public boolean device() {
            return this == ANKLE_MONITOR || this == SMARTPHONE_APP;
        }
    }

    public enum Method {
        IN_PERSON, PHONE, APP
    }

    public enum ReviewOutcome {
        CONTINUE, STEP_DOWN, END
    }

    /** Why a supervision ended. */
    public enum EndReason {
        REMOVED, DEPARTED, CUSTODY, ORDER_VACATED, STEPPED_DOWN, OTHER
    }

    public record NewCondition(ConditionKind kind, String detail, String legalBasis, LocalDate startDate,
            LocalDate reviewDue) {
    }

    public record Condition(long id, ConditionKind kind, String detail, String legalBasis, LocalDate startDate,
            LocalDate reviewDue, LocalDate endedOn, int version) {
    }

    public record CheckIn(long id, LocalDate dueDate, LocalDate onDate, Method method, String recordedBy) {
    }

    public record Supervision(long id, String aNumber, String fieldOffice, Kind kind, String legalBasis,
            LocalDate startDate, String verdictOnStart, int reportEveryDays, LocalDate nextReportDue, String status,
            int version, List<Condition> conditions, List<CheckIn> checkIns) {
    }

    public record Missed(long supervisionId, String aNumber, LocalDate dueDate, long taskId) {
    }

    private final JdbcClient jdbc;
    private final Docket docket;
    private final LegalGate gate;
    private final Timeline timeline;
    private final Access access;
    private final Tasks tasks;

    Supervisions(JdbcClient jdbc, Docket docket, LegalGate gate, Timeline timeline, Access access, Tasks tasks) {
        this.jdbc = jdbc;
        this.docket = docket;
        this.gate = gate;
        this.timeline = timeline;
        this.access = access;
        this.tasks = tasks;
    }

    /**
     * Enrols the person in an order of supervision or ATD from {@code startDate}: the legal basis, reporting every
     * {@code reportEveryDays} days from {@code firstReport} (moved to the next working day), and the conditions. The
     * gate is asked on the start date and its verdict kept. ATD and devices are for adults only (400 here; the
     * database refuses it too). 409 when the person already has an active supervision of that kind.
     */
    @Transactional
    public Supervision enrol(String aNumber, Kind kind, String legalBasis, LocalDate startDate,
            Integer reportEveryDays, LocalDate firstReport, List<NewCondition> conditions) {
        String a = Docket.aNumber(aNumber);
        Access.Subject person = docket.personSubject(a).orElseThrow(() -> new NotFound("no person with A-number "
                + a));
        access.mayChange(person);
        if (kind == null) {
            throw new BadInput("kind", "kind is required: OSUP or ATD");
        }
        String basis = text(legalBasis, "legalBasis", "the legal basis (e.g. INA 241(a)(3); 8 CFR 241.5)", 500);
        if (startDate == null) {
            throw new BadInput("startDate", "startDate is required");
        }
        if (reportEveryDays == null || reportEveryDays < 1 || reportEveryDays > 365) {
            throw new BadInput("reportEveryDays", "reportEveryDays is required: 1 to 365");
        }
        if (firstReport == null || firstReport.isBefore(startDate)) {
            throw new BadInput("firstReport", "firstReport is required, on or after the start date");
        }
        DocketViews.Person p = docket.person(a, startDate).orElseThrow(() -> new NotFound("no person " + a));
        if (p.usCitizen() || p.lpr()) {
            throw new Conflict("person " + a + " is a U.S. citizen or LPR: never under a removal supervision");
        }
        boolean adult = p.birthDate() != null && Period.between(p.birthDate(), startDate).getYears() >= 18;
        if (kind == Kind.ATD && !adult) {
            throw new BadInput("kind", "ATD is for adults only: " + a + " is under 18 on " + startDate);
        }
        List<NewCondition> wanted = conditions == null ? List.of() : conditions;
        for (NewCondition c : wanted) {
            check(c, startDate, adult, a);
        }
        Docket.PersonKeys keys = docket.keys(a).orElseThrow();
        String verdict = gate.ofPerson(a, startDate).map(LegalGate.CaseVerdict::label).orElse("UNKNOWN");
        String actor = access.actor().username();
        long id;
        try {
            id = jdbc.sql("""
                    insert into supervision (person_id, a_number, idncase, family_id, field_office_code, kind,
                        legal_basis, birth_date, start_date, verdict_on_start, report_every_days, next_report_due,
                        created_by)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                    .params(keys.personId(), a, keys.idncase(), keys.familyId(), person.fieldOffice(), kind.name(),
                            basis, p.birthDate(), startDate, verdict, reportEveryDays,
                            CALENDAR.onOrNextBusinessDay(firstReport), actor).query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw new Conflict("person " + a + " already has an active " + kind);
        }
        for (NewCondition c : wanted) {
            insertCondition(id, c, actor);
        }
        event(id, kind + "_ENROLLED", actor, (kind == Kind.OSUP ? "Order of supervision" : "ATD enrolment")
                + " from " + startDate + " (" + basis + "); reports every " + reportEveryDays + " days, first on "
                + CALENDAR.onOrNextBusinessDay(firstReport) + "; conditions: " + (wanted.isEmpty() ? "none"
                : String.join(", ", wanted.stream().map(c -> c.kind().name()).toList()))
                + "; legal gate on " + startDate + ": " + verdict);
        access.audit("SUPERVISION_ENROLLED", subject(id), kind + " " + id + " for " + a);
        return find(id);
    }

    private void check(NewCondition c, LocalDate startDate, boolean adult, String a) {
        if (c == null || c.kind() == null) {
            throw new BadInput("conditions", "each condition needs its kind");
        }
        text(c.legalBasis(), "conditions", "each condition's legal basis", 500);
        if (c.detail() != null && c.detail().length() > 2000) {
            throw new BadInput("conditions", "a condition's detail has at most 2,000 characters");
        }
        LocalDate from = c.startDate() == null ? startDate : c.startDate();
        if (c.kind().device()) {
            boolean adultThen = adult || docket.person(a, from).map(p -> !p.minor()).orElse(false);
            if (!adultThen) {
                throw new BadInput("conditions", "no device on a child: " + a + " is under 18 on " + from);
            }
            if (c.reviewDue() == null || !c.reviewDue().isAfter(from)
                    || c.reviewDue().isAfter(from.plusDays(DEVICE_REVIEW_DAYS))) {
                throw new BadInput("conditions", "a device needs its first review within " + DEVICE_REVIEW_DAYS
                        + " days of " + from);
            }
        }
    }

    private void insertCondition(long supervisionId, NewCondition c, String actor) {
        LocalDate start = c.startDate() != null ? c.startDate() : jdbc.sql(
                "select start_date from supervision where id = ?").param(supervisionId).query(LocalDate.class)
                .single();
        jdbc.sql("""
                insert into supervision_condition (supervision_id, kind, detail, legal_basis, start_date, review_due,
                    created_by)
                values (?, ?, ?, ?, ?, ?, ?)""").params(supervisionId, c.kind().name(), blankToNull(c.detail()),
                c.legalBasis().trim(), start, c.reviewDue(), actor).update();
    }

    /** Adds a condition to an active supervision (its version must be the one read: 409 otherwise). */
    @Transactional
    public Supervision addCondition(long id, NewCondition c, Integer version) {
        Supervision s = toChange(id);
        if (version == null) {
            throw new BadInput("version", "version is required: the supervision's version as last read");
        }
        LocalDate from = c == null || c.startDate() == null ? LocalDate.now() : c.startDate();
        DocketViews.Person p = docket.person(s.aNumber(), from).orElseThrow();
        check(c, from, !p.minor(), s.aNumber());
        String actor = access.actor().username();
        bump(s, version);
        insertCondition(id, new NewCondition(c.kind(), c.detail(), c.legalBasis(), from, c.reviewDue()), actor);
        event(id, "SUPERVISION_CONDITION_ADDED", actor, c.kind() + " from " + from + " (" + c.legalBasis().trim()
                + ")" + (c.reviewDue() == null ? "" : ", review by " + c.reviewDue()));
        access.audit("SUPERVISION_CONDITION_ADDED", subject(id), c.kind() + " on supervision " + id);
        return find(id);
    }

    /**
     * Records a review of a condition: CONTINUE sets the next review (a device within {@link #DEVICE_REVIEW_DAYS}
     * days), STEP_DOWN or END ends the condition on the review date. One conditional update on the condition's
     * version (409 when stale or already ended).
     */
    @Transactional
    public Supervision review(long id, long conditionId, LocalDate on, ReviewOutcome outcome, String reason,
            LocalDate nextReview, Integer version) {
        Condition c = toChange(id).conditions().stream().filter(x -> x.id() == conditionId).findFirst()
                .orElseThrow(() -> new NotFound("no condition " + conditionId + " on supervision " + id));
        if (on == null || on.isBefore(c.startDate()) || on.isAfter(LegalDays.now().last())) {
            throw new BadInput("on", "on is required: the review date, from the condition's start, not in the future");
        }
        if (outcome == null) {
            throw new BadInput("outcome", "outcome is required: CONTINUE, STEP_DOWN or END");
        }
        String why = text(reason, "reason", "the reason for the decision", 2000);
        if (version == null) {
            throw new BadInput("version", "version is required: the condition's version as last read");
        }
        if (outcome == ReviewOutcome.CONTINUE && (nextReview == null || !nextReview.isAfter(on)
                || (c.kind().device() && nextReview.isAfter(on.plusDays(DEVICE_REVIEW_DAYS))))) {
            throw new BadInput("nextReview", "to continue, the next review is after " + on
                    + (c.kind().device() ? " and within " + DEVICE_REVIEW_DAYS + " days" : ""));
        }
        int changed = jdbc.sql("""
                update supervision_condition set version = version + 1, review_due = ?, ended_on = ?
                where id = ? and supervision_id = ? and version = ? and ended_on is null""")
                .params(outcome == ReviewOutcome.CONTINUE ? nextReview : c.reviewDue(),
                        outcome == ReviewOutcome.CONTINUE ? null : on, conditionId, id, version).update();
        if (changed != 1) {
            throw new Conflict("condition " + conditionId + " is at version " + c.version()
                    + (c.endedOn() != null ? ", ended on " + c.endedOn() : "") + "; not reviewed from version "
                    + version);
        }
        String actor = access.actor().username();
        jdbc.sql("""
                insert into condition_review (condition_id, reviewed_on, outcome, reason, reviewed_by)
                values (?, ?, ?, ?, ?)""").params(conditionId, on, outcome.name(), why, actor).update();
        event(id, "SUPERVISION_CONDITION_REVIEWED", actor, c.kind() + " reviewed on " + on + ": " + outcome
                + " (" + why + ")");
        access.audit("SUPERVISION_CONDITION_REVIEWED", subject(id), c.kind() + " " + conditionId + ": " + outcome);
        return find(id);
    }

    /**
     * Records a check-in on {@code on} by the method given, for the report due now; the next report is due
     * {@code reportEveryDays} later, on or after the next working day. Conditional on the supervision's version.
     */
    @Transactional
    public Supervision checkIn(long id, LocalDate on, Method method, Integer version) {
        Supervision s = toChange(id);
        if (on == null || on.isBefore(s.startDate()) || on.isAfter(LegalDays.now().last())) {
            throw new BadInput("on", "on is required: the date of the check-in, from the start, not in the future");
        }
        if (method == null) {
            throw new BadInput("method", "method is required: IN_PERSON, PHONE or APP");
        }
        if (version == null) {
            throw new BadInput("version", "version is required: the supervision's version as last read");
        }
        LocalDate base = on.isAfter(s.nextReportDue()) ? on : s.nextReportDue();
        LocalDate next = CALENDAR.onOrNextBusinessDay(base.plusDays(s.reportEveryDays()));
        int changed = jdbc.sql("""
                update supervision set next_report_due = ?, version = version + 1
                where id = ? and version = ? and status = 'ACTIVE'""").params(next, id, version).update();
        if (changed != 1) {
            throw new Conflict("supervision " + id + " is at version " + s.version() + "; not changed from version "
                    + version);
        }
        String actor = access.actor().username();
        jdbc.sql("""
                insert into supervision_check_in (supervision_id, due_date, on_date, method, recorded_by)
                values (?, ?, ?, ?, ?)""").params(id, s.nextReportDue(), on, method.name(), actor).update();
        event(id, "SUPERVISION_CHECK_IN", actor, "Checked in on " + on + " (" + method.name().toLowerCase(Locale.ROOT)
                .replace('_', ' ') + ") for the report due " + s.nextReportDue() + "; next due " + next);
        access.audit("SUPERVISION_CHECK_IN", subject(id), "supervision " + id + " on " + on);
        return find(id);
    }

    /**
     * The active supervisions of a field office whose report was due more than {@link #GRACE_WORKING_DAYS} working
     * days before {@code asOf} with no check-in since: each missed due date opens one follow-up task, however often
     * this runs (the database's key on supervision and due date). Answers the misses recorded by this run.
     */
    @Transactional
    public List<Missed> recordMissed(String fieldOffice, LocalDate asOf) {
        String office = Sweeps.office(access, fieldOffice, asOf, "missed check-ins");
        return recordMissed(office, asOf, Sweeps.By.user(access));
    }

    /** The field offices with an active supervision, for the scheduled sweeps. */
    List<String> officesSupervising() {
        return jdbc.sql("select distinct field_office_code from supervision where status = 'ACTIVE' order by 1")
                .query(String.class).list();
    }

    /** {@link #recordMissed(String, LocalDate)} for an office checked already, by a user or the schedule. */
    List<Missed> recordMissed(String office, LocalDate asOf, Sweeps.By by) {
        LocalDate dueBefore = asOf;
        for (int i = 0; i < GRACE_WORKING_DAYS; i++) {
            dueBefore = dueBefore.minusDays(1);
            while (!CALENDAR.isBusinessDay(dueBefore)) {
                dueBefore = dueBefore.minusDays(1);
            }
        }
        record Due(long id, String aNumber, long familyId, LocalDate due) {
        }
        List<Due> due = jdbc.sql("""
                select id, a_number, family_id, next_report_due from supervision
                where field_office_code = ? and status = 'ACTIVE' and next_report_due < ? order by id""")
                .params(office, dueBefore).query((rs, n) -> new Due(rs.getLong(1), rs.getString(2), rs.getLong(3),
                        rs.getObject(4, LocalDate.class))).list();
        String actor = by.name();
        List<Missed> out = new ArrayList<>();
        for (Due d : due) {
            int inserted = jdbc.sql("""
                    insert into supervision_missed (supervision_id, due_date) values (?, ?)
                    on conflict do nothing""").params(d.id(), d.due()).update();
            if (inserted != 1) {
                continue;
            }
            Task task = by.task(tasks, NewTask.of(TaskType.SUPERVISION_FOLLOW_UP, "Follow up: the check-in due "
                    + d.due() + " under supervision " + d.id() + " was not recorded. Contact the person or their "
                    + "counsel; this is not a referral for arrest.", office, Assignee.ofTeam(office))
                    .about(SubjectType.PERSON, d.aNumber()));
            jdbc.sql("update supervision_missed set task_id = ? where supervision_id = ? and due_date = ?")
                    .params(task.id(), d.id(), d.due()).update();
            event(d.id(), "SUPERVISION_CHECK_IN_MISSED", actor, "No check-in recorded for the report due " + d.due()
                    + "; task " + task.id() + " opened for an officer");
            by.audit(access, "SUPERVISION_CHECK_IN_MISSED", subject(d.id()), "due " + d.due() + ", task "
                    + task.id());
            out.add(new Missed(d.id(), d.aNumber(), d.due(), task.id()));
        }
        return out;
    }

    /**
     * Ends an active supervision on {@code on} with its reason: every condition in force ends that day. A device still
     * in force is recorded as returned on {@code devicesReturnedOn}; without that date it is recorded as not returned
     * and one follow-up task asks an officer to recover it. One conditional update on the version (409 when stale or
     * already ended).
     */
    @Transactional
    public Supervision end(long id, LocalDate on, EndReason reason, String detail, LocalDate devicesReturnedOn,
            Integer version) {
        Supervision s = toChange(id);
        if (on == null || on.isBefore(s.startDate()) || on.isAfter(LegalDays.now().last())) {
            throw new BadInput("on", "on is required: the day it ends, from the start, not in the future");
        }
        if (reason == null) {
            throw new BadInput("reason", "reason is required: one of " + List.of(EndReason.values()));
        }
        String why = text(detail, "detail", "what ended it (the removal, the departure, the order vacated, ...)", 2000);
        if (devicesReturnedOn != null && (devicesReturnedOn.isBefore(s.startDate())
                || devicesReturnedOn.isAfter(LegalDays.now().last()))) {
            throw new BadInput("devicesReturnedOn", "from the start, not in the future");
        }
        if (version == null) {
            throw new BadInput("version", "version is required: the supervision's version as last read");
        }
        String actor = access.actor().username();
        int changed = jdbc.sql("""
                update supervision set status = 'ENDED', ended_on = ?, end_reason = ?, end_detail = ?, ended_by = ?,
                    version = version + 1
                where id = ? and version = ? and status = 'ACTIVE'""")
                .params(on, reason.name(), why, actor, id, version).update();
        if (changed != 1) {
            throw new Conflict("supervision " + id + " is at version " + s.version() + "; not ended from version "
                    + version);
        }
        List<Condition> devices = s.conditions().stream().filter(c -> c.endedOn() == null && c.kind().device())
                .toList();
        jdbc.sql("""
                update supervision_condition set ended_on = greatest(?, start_date), version = version + 1,
                    device_returned_on = case when kind in ('ANKLE_MONITOR', 'SMARTPHONE_APP') then ?::date end
                where supervision_id = ? and ended_on is null""").params(on, devicesReturnedOn, id).update();
        String devicesText = devices.isEmpty() ? "" : devicesReturnedOn != null ? "; devices returned on "
                + devicesReturnedOn : "; devices not returned: " + String.join(", ", devices.stream()
                .map(c -> c.kind().name()).toList());
        if (!devices.isEmpty() && devicesReturnedOn == null) {
            String kinds = String.join(", ", devices.stream().map(c -> c.kind().name()).toList());
            Task task = tasks.create(NewTask.of(TaskType.SUPERVISION_FOLLOW_UP, "Recover the device(s) of supervision "
                    + id + " ended on " + on + " (" + kinds + "): contact the person, their counsel or the supervision "
                    + "contractor; this is not a referral for arrest.", s.fieldOffice(),
                    Assignee.ofTeam(s.fieldOffice())).about(SubjectType.PERSON, s.aNumber()));
            devicesText += "; task " + task.id() + " to recover them";
        }
        event(id, "SUPERVISION_ENDED", actor, s.kind() + " ended on " + on + ": " + reason + " (" + why + ")"
                + devicesText);
        access.audit("SUPERVISION_ENDED", subject(id), s.kind() + " " + id + ": " + reason);
        return find(id);
    }

    /** One supervision with its conditions and check-ins (checked and audited as a read of the person's record). */
    @Transactional
    public Supervision read(long id) {
        Supervision s = find(id);
        access.read("SUPERVISION_READ", subject(id), PartnerScope.CASE_STATUS, "no supervision " + id);
        return s;
    }

    /**
     * A person's supervisions (orders of supervision, ATD), newest first, with their conditions and check-ins, for
     * the person page; the caller has checked and audits the read of the person's record.
     */
    public List<Supervision> ofPerson(String aNumber) {
        return load(jdbc.sql("select id from supervision where a_number = ? order by start_date desc, id desc limit 50")
                .param(aNumber).query(Long.class).list());
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    Supervision toChange(long id) {
        Supervision s = find(id);
        access.mayChange(subject(id), "no supervision " + id);
        if (!"ACTIVE".equals(s.status())) {
            throw new Conflict("supervision " + id + " has ended");
        }
        return s;
    }

    void bump(Supervision s, int version) {
        if (jdbc.sql("update supervision set version = version + 1 where id = ? and version = ? and status ="
                + " 'ACTIVE'").params(s.id(), version).update() != 1) {
            throw new Conflict("supervision " + s.id() + " is at version " + s.version()
                    + "; not changed from version " + version);
        }
    }

    Access.Subject subject(long id) {
        String office = jdbc.sql("select field_office_code from supervision where id = ?").param(id)
                .query(String.class).optional().orElseThrow(() -> new NotFound("no supervision " + id));
        return new Access.Subject("SUPERVISION", String.valueOf(id), office);
    }

    /** Writes a supervision's event on its person's timeline (also ATD compliance's, {@link AtdCompliance}). */
    void event(long id, String kind, String actor, String summary) {
        record Keys(long personId, Long idncase, long familyId) {
        }
        Keys k = jdbc.sql("select person_id, idncase, family_id from supervision where id = ?").param(id)
                .query((rs, n) -> new Keys(rs.getLong(1), rs.getObject(2, Long.class), rs.getLong(3))).single();
        timeline.write(new Timeline.Entry(k.idncase(), k.personId(), k.familyId(), kind, actor, summary, null, null));
    }

    private static String text(String value, String field, String what, int max) {
        if (value == null || value.isBlank() || value.trim().length() < 3) {
            throw new BadInput(field, field + " is required: " + what);
        }
        if (value.trim().length() > max) {
            throw new BadInput(field, field + " has at most " + max + " characters");
        }
        return value.trim();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    Supervision find(long id) {
        List<Supervision> found = load(List.of(id));
        if (found.isEmpty()) {
            throw new NotFound("no supervision " + id);
        }
        return found.get(0);
    }

    /**
     * These supervisions with their conditions and check-ins, in the order of {@code ids}: three queries whatever their
     * number (the caller has checked the read).
     */
    private List<Supervision> load(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Long[] array = ids.toArray(Long[]::new);
        Map<Long, List<Condition>> conditions = new HashMap<>();
        jdbc.sql("""
                select supervision_id, id, kind, detail, legal_basis, start_date, review_due, ended_on, version
                from supervision_condition where supervision_id = any (?) order by id""").param(array)
                .query((rs, n) -> Map.entry(rs.getLong(1), new Condition(rs.getLong(2),
                        ConditionKind.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5),
                        rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class),
                        rs.getObject(8, LocalDate.class), rs.getInt(9)))).list()
                .forEach(e -> conditions.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        Map<Long, List<CheckIn>> checkIns = new HashMap<>();
        jdbc.sql("""
                select supervision_id, id, due_date, on_date, method, recorded_by from supervision_check_in
                where supervision_id = any (?) order by on_date, id""").param(array)
                .query((rs, n) -> Map.entry(rs.getLong(1), new CheckIn(rs.getLong(2),
                        rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class),
                        Method.valueOf(rs.getString(5)), rs.getString(6)))).list()
                .forEach(e -> checkIns.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        Map<Long, Supervision> byId = new HashMap<>();
        jdbc.sql("""
                select id, a_number, field_office_code, kind, legal_basis, start_date, verdict_on_start,
                       report_every_days, next_report_due, status, version
                from supervision where id = any (?)""").param(array).query((rs, n) -> new Supervision(rs.getLong(1),
                        rs.getString(2), rs.getString(3), Kind.valueOf(rs.getString(4)), rs.getString(5),
                        rs.getObject(6, LocalDate.class), rs.getString(7), rs.getInt(8),
                        rs.getObject(9, LocalDate.class), rs.getString(10), rs.getInt(11),
                        List.copyOf(conditions.getOrDefault(rs.getLong(1), List.of())),
                        List.copyOf(checkIns.getOrDefault(rs.getLong(1), List.of())))).list()
                .forEach(x -> byId.put(x.id(), x));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }
}
