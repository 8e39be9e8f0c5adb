package org.caseops.notice;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.caseops.access.Access;
import org.caseops.access.Actor;
import org.caseops.access.PartnerScope;
import org.caseops.access.WorkingDate;
import org.caseops.docket.Docket;
import org.caseops.docket.Timeline;
import org.caseops.jurisdiction.ReferenceData;
import org.caseops.legal.LegalGate;
import org.caseops.legal.rules.BusinessCalendar;
import org.caseops.system.BadInput;
import org.caseops.system.Conflict;
import org.caseops.system.Forbidden;
import org.caseops.system.NotFound;
import org.caseops.task.Assignee;
import org.caseops.task.NewTask;
import org.caseops.task.SubjectType;
import org.caseops.task.TaskType;
import org.caseops.task.Tasks;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Self-report appointments (docs/notices.md): a field office's hours and how many people its desk receives in each,
 * bookings from a call-in letter's reference on working days (US federal calendar), check-in at the office by the
 * reference or its QR code (a booked appointment or a walk-in), no-shows and letters not answered by their deadline,
 * each followed by a task for an officer and never by an arrest or a target. Every change is a conditional update
 * that counts its rows (409 when it lost a race) and writes the members' case events and an audit entry.
 */
@Service
public class Appointments {

    /** How long after a letter's report-by date a booking or a reschedule may still be made. */
    public static final int DAYS_AFTER_DEADLINE = 30;

    /** The working days appointments are given on: weekdays that are not US federal holidays (5 U.S.C. 6103). */
    static final BusinessCalendar CALENDAR = BusinessCalendar.usFederal();

    public record Hour(int hour, int capacity) {
    }

    public record Appointment(long id, String reference, String fieldOffice, LocalDate day, Integer hour,
            String kind, String eoirLanguage, boolean interpreter, AppointmentStatus status, Long rescheduledTo,
            int version) {
    }

    /** A member checked in, with the legal gate's verdict on the day of the check-in. */
    public record Reported(String aNumber, String name, String verdictThatDay, List<String> reasons) {
    }

    /**
     * What the desk sees after a check-in: the appointment (booked or walk-in), the interpreter the letter announced,
     * and each member's verdict that day (the decision that follows — supervision, departure arrangements or custody
     * — is asked of the gate again when it is made).
     */
    public record CheckIn(String reference, Appointment appointment, String interpreterLanguage,
            List<Reported> members) {
    }

    /** A day at the desk: each hour's capacity and bookings, and the appointments of the day. */
    public record Day(String fieldOffice, LocalDate day, boolean workingDay, List<Slot> slots,
            List<Appointment> appointments) {
    }

    public record Slot(int hour, int capacity, int booked) {
    }

    private final JdbcClient jdbc;
    private final Letters letters;
    private final CallInResponses responses;
    private final Docket docket;
    private final LegalGate gate;
    private final ReferenceData reference;
    private final Timeline timeline;
    private final Access access;
    private final Tasks tasks;
    private final WorkingDate workingDate;

    Appointments(JdbcClient jdbc, Letters letters, CallInResponses responses, Docket docket, LegalGate gate,
            ReferenceData reference, Timeline timeline, Access access, Tasks tasks, WorkingDate workingDate) {
        this.jdbc = jdbc;
        this.letters = letters;
        this.responses = responses;
        this.docket = docket;
        this.gate = gate;
        this.reference = reference;
        this.timeline = timeline;
        this.access = access;
        this.tasks = tasks;
        this.workingDate = workingDate;
    }

    // ---- the office's hours ----------------------------------------------------------------------------------

    /** The hours the field office receives people, with how many per hour (hours with none are left out). */
    @Transactional(readOnly = true)
    public List<Hour> hours(String fieldOffice) {
        String office = office(fieldOffice);
        return jdbc.sql("select hour, capacity from report_capacity where field_office_code = ? and capacity > 0"
                + " order by hour").param(office).query((rs, n) -> new Hour(rs.getInt(1), rs.getInt(2))).list();
    }

    /**
     * Sets how many people the field office's desk receives in each hour of a working day; an hour left out keeps
     * what it had, a capacity of 0 closes it. Slots already opened for a day keep the capacity they were opened with
     * (bookings made are never taken back).
     */
    @Transactional
    public List<Hour> setHours(String fieldOffice, List<Hour> hours) {
        String office = office(fieldOffice);
        Actor actor = access.actor();
        if (!actor.mayChange(office)) {
            throw new Forbidden(actor.username() + " may not set the report hours of field office " + office);
        }
        if (hours == null || hours.isEmpty()) {
            throw new BadInput("hours", "hours is required: a list of {hour, capacity}");
        }
        for (Hour h : hours) {
            if (h == null || h.hour() < 0 || h.hour() > 23) {
                throw new BadInput("hours", "each hour is a number from 0 to 23");
            }
            if (h.capacity() < 0 || h.capacity() > 500) {
                throw new BadInput("hours", "a capacity is from 0 to 500 people an hour");
            }
        }
        if (hours.stream().map(Hour::hour).distinct().count() != hours.size()) {
            throw new BadInput("hours", "each hour appears once");
        }
        for (Hour h : hours) {
            jdbc.sql("""
                    insert into report_capacity (field_office_code, hour, capacity, set_by) values (?, ?, ?, ?)
                    on conflict (field_office_code, hour) do update
                    set capacity = excluded.capacity, set_by = excluded.set_by, set_at = now()""")
                    .params(office, h.hour(), h.capacity(), actor.username()).update();
        }
        access.audit("REPORT_HOURS_SET", new Access.Subject("FIELD_OFFICE", office, office), hours.stream()
                .map(h -> h.hour() + ":00=" + h.capacity()).collect(Collectors.joining(", ")));
        return hours(office);
    }

    /** The desk's day: slots and appointments of the field office on {@code day}. */
    @Transactional
    public Day day(String fieldOffice, LocalDate day) {
        String office = office(fieldOffice);
        if (day == null) {
            throw new BadInput("day", "day is required (YYYY-MM-DD)");
        }
        access.read("APPOINTMENTS_READ", new Access.Subject("FIELD_OFFICE", office, office), PartnerScope.CASE_STATUS,
                "no field office " + office);
        Map<Integer, Slot> opened = jdbc.sql("""
                select hour, capacity, booked from appointment_slot where field_office_code = ? and day = ?""")
                .params(office, day).query((rs, n) -> new Slot(rs.getInt(1), rs.getInt(2), rs.getInt(3))).list()
                .stream().collect(Collectors.toMap(Slot::hour, Function.identity()));
        List<Slot> slots = new ArrayList<>();
        for (Hour h : hours(office)) {
            slots.add(opened.getOrDefault(h.hour(), new Slot(h.hour(), h.capacity(), 0)));
        }
        opened.values().stream().filter(s -> slots.stream().noneMatch(x -> x.hour() == s.hour())).forEach(slots::add);
        slots.sort(java.util.Comparator.comparingInt(Slot::hour));
        return new Day(office, day, CALENDAR.isBusinessDay(day), slots,
                jdbc.sql(SELECT + " where a.field_office_code = ? and a.day = ? order by a.hour nulls last, a.id")
                        .params(office, day).query(this::appointment).list());
    }

    // ---- booking ---------------------------------------------------------------------------------------------

    /**
     * Books an appointment for the letter's people on a working day and hour the office receives, counted against
     * the hour's capacity (409 when it is full, or when the letter already has an open booking or was reported).
     */
    @Transactional
    public Appointment book(String ref, LocalDate day, Integer hour) {
        Letters.Letter letter = letterToChange(ref);
        LetterRow row = row(letter.reference());
        if ("REPORTED".equals(row.outcome())) {
            throw new Conflict("letter " + letter.reference() + " was reported on " + row.outcomeOn());
        }
        checkDayAndHour(letter, day, hour);
        Optional<Appointment> open = openOf(row.id());
        if (open.isPresent()) {
            throw new Conflict("letter " + letter.reference() + " already has appointment " + open.get().id()
                    + " on " + open.get().day() + "; reschedule it instead");
        }
        Appointment booked = insertBooking(letter, row, day, hour);
        String actor = access.actor().username();
        event(letter, "APPOINTMENT_BOOKED", actor, "Self-report appointment booked with letter "
                + letter.reference() + " for " + day + " at " + hour + ":00" + interpreterNote(booked));
        access.audit("APPOINTMENT_BOOKED", subject(letter), "appointment " + booked.id() + " on " + day + " at "
                + hour + ":00");
        return booked;
    }

    /** Moves a booked appointment to another working day or hour: the old one RESCHEDULED, a new one booked. */
    @Transactional
    public Appointment reschedule(long id, LocalDate day, Integer hour, Integer version) {
        Appointment old = find(id);
        Letters.Letter letter = letterToChange(old.reference());
        if (version == null) {
            throw new BadInput("version", "version is required: the appointment's version as last read");
        }
        checkDayAndHour(letter, day, hour);
        String actor = access.actor().username();
        move(old, AppointmentStatus.RESCHEDULED, version, actor);
        release(old);
        Appointment booked = insertBooking(letter, row(letter.reference()), day, hour);
        jdbc.sql("update appointment set rescheduled_to = ? where id = ?").params(booked.id(), old.id()).update();
        event(letter, "APPOINTMENT_RESCHEDULED", actor, "Self-report appointment of " + old.day() + " moved to "
                + day + " at " + hour + ":00 (letter " + letter.reference() + ")");
        access.audit("APPOINTMENT_RESCHEDULED", subject(letter), "appointment " + old.id() + " → " + booked.id()
                + " on " + day + " at " + hour + ":00");
        return booked;
    }

    private void checkDayAndHour(Letters.Letter letter, LocalDate day, Integer hour) {
        if (day == null) {
            throw new BadInput("day", "day is required: the date of the appointment");
        }
        if (!day.isAfter(letter.printDate()) || day.isAfter(letter.reportBy().plusDays(DAYS_AFTER_DEADLINE))) {
            throw new BadInput("day", "an appointment is after the letter's print date " + letter.printDate()
                    + " and at most " + DAYS_AFTER_DEADLINE + " days after its report-by date " + letter.reportBy());
        }
        if (!CALENDAR.isBusinessDay(day)) {
            throw new BadInput("day", day + " is not a working day (weekend or US federal holiday)");
        }
        if (hour == null || hour < 0 || hour > 23) {
            throw new BadInput("hour", "hour is required: the hour of the day, 0 to 23");
        }
        int capacity = jdbc.sql("""
                select coalesce(max(capacity), 0) from report_capacity where field_office_code = ? and hour = ?""")
                .params(letter.fieldOffice(), hour).query(Integer.class).single();
        if (capacity == 0) {
            throw new BadInput("hour", "field office " + letter.fieldOffice() + " receives nobody at " + hour
                    + ":00; its hours are " + hours(letter.fieldOffice()).stream().map(h -> h.hour() + ":00")
                    .collect(Collectors.joining(", ")));
        }
    }

    /** Opens the slot if needed and takes a place in it (one conditional update), then writes the appointment. */
    private Appointment insertBooking(Letters.Letter letter, LetterRow row, LocalDate day, int hour) {
        jdbc.sql("""
                insert into appointment_slot (field_office_code, day, hour, capacity)
                select field_office_code, ?, hour, capacity from report_capacity where field_office_code = ? and hour = ?
                on conflict do nothing""").params(day, letter.fieldOffice(), hour).update();
        int taken = jdbc.sql("""
                update appointment_slot set booked = booked + 1
                where field_office_code = ? and day = ? and hour = ? and booked < capacity""")
                .params(letter.fieldOffice(), day, hour).update();
        if (taken != 1) {
            throw new Conflict("the " + hour + ":00 hour of " + day + " at field office " + letter.fieldOffice()
                    + " is full");
        }
        long id;
        try {
            id = jdbc.sql("""
                    insert into appointment (letter_id, field_office_code, day, hour, kind, eoir_language, interpreter,
                        status, booked_by)
                    values (?, ?, ?, ?, 'BOOKED', ?, ?, 'BOOKED', ?) returning id""")
                    .params(row.id(), letter.fieldOffice(), day, hour, letter.eoirLanguage(), letter.interpreter(),
                            access.actor().username()).query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw new Conflict("letter " + letter.reference() + " was booked by someone else at the same time");
        }
        return find(id);
    }

    private void release(Appointment a) {
        if (a.hour() != null) {
            jdbc.sql("""
                    update appointment_slot set booked = booked - 1
                    where field_office_code = ? and day = ? and hour = ? and booked > 0""")
                    .params(a.fieldOffice(), a.day(), a.hour()).update();
        }
    }

    // ---- check-in --------------------------------------------------------------------------------------------

    /**
     * Checks in the people of a letter at the office on {@code on}, by the reference typed or scanned from the
     * letter's QR code: their appointment of that day, or a walk-in (received whatever the hour's bookings; a booking
     * for another day is marked rescheduled and its place given back). Records REPORTED for every member named
     * ({@link CallInResponses}), sets the letter's outcome (409 if it was already reported) and answers each
     * member's verdict that day.
     */
    @Transactional
    public CheckIn checkIn(String ref, LocalDate on) {
        if (ref == null || ref.isBlank()) {
            throw new BadInput("reference", "reference is required: the letter's reference or its QR code's text");
        }
        Letters.Letter letter = letterToChange(ref);
        if (on == null) {
            throw new BadInput("on", "on is required: the date the person came to the office");
        }
        LocalDate latest = workingDate.latestRecordable();
        if (!on.isAfter(letter.printDate()) || on.isAfter(latest)) {
            throw new BadInput("on", "a check-in is after the letter's print date " + letter.printDate()
                    + " and not in the future (the working date " + latest + ")");
        }
        LetterRow row = row(letter.reference());
        int reported = jdbc.sql("""
                update letter set outcome = 'REPORTED', outcome_on = ?
                where id = ? and (outcome is null or outcome = 'DID_NOT_REPORT')""").params(on, row.id()).update();
        if (reported != 1) {
            throw new Conflict("letter " + letter.reference() + " was already reported on " + row.outcomeOn());
        }
        String actor = access.actor().username();
        Optional<Appointment> open = openOf(row.id());
        Appointment appointment;
        if (open.isPresent() && open.get().day().equals(on)) {
            move(open.get(), AppointmentStatus.CHECKED_IN, open.get().version(), actor);
            appointment = find(open.get().id());
        } else {
            long walkIn = jdbc.sql("""
                    insert into appointment (letter_id, field_office_code, day, kind, eoir_language, interpreter,
                        status, booked_by, status_by, status_at)
                    values (?, ?, ?, 'WALK_IN', ?, ?, 'CHECKED_IN', ?, ?, now()) returning id""")
                    .params(row.id(), letter.fieldOffice(), on, letter.eoirLanguage(), letter.interpreter(), actor,
                            actor).query(Long.class).single();
            if (open.isPresent()) {
                move(open.get(), AppointmentStatus.RESCHEDULED, open.get().version(), actor);
                release(open.get());
                jdbc.sql("update appointment set rescheduled_to = ? where id = ?").params(walkIn, open.get().id())
                        .update();
            }
            appointment = find(walkIn);
        }
        Map<Long, LegalGate.MemberVerdict> verdicts = gate.ofFamily(letter.familyId(), on)
                .map(f -> f.members().stream().collect(Collectors.toMap(LegalGate.MemberVerdict::personId,
                        Function.identity())))
                .orElse(Map.of());
        List<Reported> members = new ArrayList<>();
        for (Letters.Member m : letters.members(letter.reference())) {
            responses.record(m.aNumber(), CallInResponses.Kind.REPORTED, on, "checked in at field office "
                    + letter.fieldOffice() + " with call-in letter " + letter.reference()
                    + (appointment.kind().equals("WALK_IN") ? " (walk-in)" : " (appointment " + appointment.id()
                    + ")"), actor);
            docket.personSubject(m.aNumber()).ifPresent(s -> access.audit("CALL_IN_RESPONSE_RECORDED", s,
                    "REPORTED on " + on + " (check-in with letter " + letter.reference() + ")"));
            LegalGate.MemberVerdict v = verdicts.get(m.personId());
            members.add(new Reported(m.aNumber(), m.name(), v == null ? "UNKNOWN" : v.label(),
                    v == null ? List.of("not found in the family on " + on) : v.reasons()));
        }
        access.audit("CALL_IN_CHECKED_IN", subject(letter), "letter " + letter.reference() + " checked in on " + on
                + " (" + appointment.kind().toLowerCase(Locale.ROOT) + ", appointment " + appointment.id() + ")");
        return new CheckIn(letter.reference(), appointment, interpreterLanguage(letter), members);
    }

    // ---- no-show and did not report ---------------------------------------------------------------------------

    /**
     * Records that nobody came to a booked appointment, once its day is over: the appointment NO_SHOW and one
     * follow-up task for the office's team. Nothing else follows automatically.
     */
    @Transactional
    public Appointment noShow(long id, Integer version) {
        Appointment a = find(id);
        Letters.Letter letter = letterToChange(a.reference());
        if (version == null) {
            throw new BadInput("version", "version is required: the appointment's version as last read");
        }
        LocalDate latest = workingDate.latestRecordable();
        if (!a.day().isBefore(latest)) {
            throw new Conflict("appointment " + id + " is on " + a.day() + ": a no-show is recorded once the day is"
                    + " over (the working date is " + latest + ")");
        }
        String actor = access.actor().username();
        move(a, AppointmentStatus.NO_SHOW, version, actor);
        event(letter, "APPOINTMENT_NO_SHOW", actor, "Did not come to the self-report appointment of " + a.day()
                + " (letter " + letter.reference() + "); referred to an officer for follow-up");
        followUp(letter, "Follow up: nobody came to the self-report appointment of " + a.day() + " booked with "
                + "call-in letter " + letter.reference() + ". Contact the person or their counsel and offer a new "
                + "appointment; this is not a referral for arrest.");
        access.audit("APPOINTMENT_NO_SHOW", subject(letter), "appointment " + id + " of " + a.day());
        return find(id);
    }

    /**
     * Records that a letter's report-by date passed without a check-in: the letter's outcome DID_NOT_REPORT (one
     * conditional update: 409 if it already has an outcome, or while a booking of a later day is open) and one
     * follow-up task. Never a target or an arrest: the case goes to an officer.
     */
    @Transactional
    public Letters.Letter didNotReport(String ref, LocalDate on) {
        Letters.Letter letter = letterToChange(ref);
        if (on == null) {
            throw new BadInput("on", "on is required: the date the missed deadline is recorded");
        }
        LocalDate latest = workingDate.latestRecordable();
        if (!on.isAfter(letter.reportBy()) || on.isAfter(latest)) {
            throw new BadInput("on", "did not report is recorded after the report-by date " + letter.reportBy()
                    + " and not in the future (the working date " + latest + ")");
        }
        LetterRow row = row(letter.reference());
        Optional<Appointment> open = openOf(row.id());
        if (open.isPresent() && !open.get().day().isBefore(on)) {
            throw new Conflict("letter " + letter.reference() + " has an appointment on " + open.get().day());
        }
        int changed = jdbc.sql("update letter set outcome = 'DID_NOT_REPORT', outcome_on = ? where id = ?"
                + " and outcome is null").params(on, row.id()).update();
        if (changed != 1) {
            throw new Conflict("letter " + letter.reference() + " already has its outcome " + row.outcome()
                    + " of " + row.outcomeOn());
        }
        String actor = access.actor().username();
        event(letter, "CALL_IN_DID_NOT_REPORT", actor, "Did not report by " + letter.reportBy() + " as call-in "
                + "letter " + letter.reference() + " asked; referred to an officer for follow-up");
        followUp(letter, "Follow up: nobody reported by " + letter.reportBy() + " with call-in letter "
                + letter.reference() + ". Review the case and contact the person or their counsel; this is not a "
                + "referral for arrest.");
        access.audit("CALL_IN_DID_NOT_REPORT", subject(letter), "letter " + letter.reference() + ", recorded on "
                + on);
        return letters.find(letter.reference());
    }

    private void followUp(Letters.Letter letter, String title) {
        tasks.create(NewTask.of(TaskType.CALL_IN_FOLLOW_UP, title, letter.fieldOffice(),
                Assignee.ofTeam(letter.fieldOffice())).about(SubjectType.FAMILY, String.valueOf(letter.familyId())));
    }

    // ---- reading ---------------------------------------------------------------------------------------------

    /** The letter's appointments, oldest first (checked and audited as a read of the letter). */
    @Transactional
    public List<Appointment> ofLetter(String ref) {
        Letters.Letter letter = letters.read(ref);
        return jdbc.sql(SELECT + " where l.reference = ? order by a.id").param(letter.reference())
                .query(this::appointment).list();
    }

    /** One appointment (checked and audited as a read of its letter). */
    @Transactional
    public Appointment read(long id) {
        Appointment a = find(id);
        letters.read(a.reference());
        return a;
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private record LetterRow(long id, String outcome, LocalDate outcomeOn) {
    }

    private LetterRow row(String reference) {
        return jdbc.sql("select id, outcome, outcome_on from letter where reference = ?").param(reference)
                .query((rs, n) -> new LetterRow(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class)))
                .single();
    }

    private Letters.Letter letterToChange(String ref) {
        Letters.Letter letter = letters.find(ref);
        access.mayChange(subject(letter), "no letter " + ref);
        return letter;
    }

    private static Access.Subject subject(Letters.Letter letter) {
        return new Access.Subject("LETTER", letter.reference(), letter.fieldOffice());
    }

    private Optional<Appointment> openOf(long letterId) {
        return jdbc.sql(SELECT + " where a.letter_id = ? and a.status = 'BOOKED'").param(letterId)
                .query(this::appointment).optional();
    }

    private void move(Appointment a, AppointmentStatus to, int version, String actor) {
        int changed = jdbc.sql("""
                update appointment set status = ?, status_by = ?, status_at = now(), version = version + 1
                where id = ? and version = ? and status = any (?::text[])""")
                .params(to.name(), actor, a.id(), version, "{" + String.join(",", to.from().stream()
                        .map(Enum::name).toList()) + "}").update();
        if (changed != 1) {
            throw new Conflict("appointment " + a.id() + " is " + a.status() + " at version " + a.version()
                    + "; it cannot move to " + to + " from version " + version);
        }
    }

    private void event(Letters.Letter letter, String kind, String actor, String summary) {
        for (Letters.Member m : letters.members(letter.reference())) {
            timeline.write(new Timeline.Entry(m.idncase(), m.personId(), letter.familyId(), kind, actor, summary,
                    null, null));
        }
    }

    private String interpreterLanguage(Letters.Letter letter) {
        if (!letter.interpreter()) {
            return null;
        }
        return letter.eoirLanguage() == null ? "unknown: ask the person"
                : reference.description("language", letter.eoirLanguage())
                        .map(d -> d + " (" + letter.eoirLanguage() + ")").orElse(letter.eoirLanguage());
    }

    private String interpreterNote(Appointment a) {
        return a.interpreter() ? "; interpreter needed in " + (a.eoirLanguage() == null ? "an unknown language"
                : a.eoirLanguage()) : "";
    }

    private String office(String fieldOffice) {
        if (fieldOffice == null || fieldOffice.isBlank()) {
            throw new BadInput("fieldOffice", "fieldOffice is required: the code of the field office (HOU)");
        }
        String office = fieldOffice.trim().toUpperCase(Locale.ROOT);
        reference.fieldOffice(office).orElseThrow(() -> new NotFound("no field office " + fieldOffice));
        return office;
    }

    private Appointment find(long id) {
        return jdbc.sql(SELECT + " where a.id = ?").param(id).query(this::appointment).optional()
                .orElseThrow(() -> new NotFound("no appointment " + id));
    }

    private static final String SELECT = """
            select a.id, l.reference, a.field_office_code, a.day, a.hour, a.kind, a.eoir_language, a.interpreter,
                   a.status, a.rescheduled_to, a.version
            from appointment a join letter l on l.id = a.letter_id""";

    private Appointment appointment(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Appointment(rs.getLong("id"), rs.getString("reference"), rs.getString("field_office_code"),
                rs.getObject("day", LocalDate.class), rs.getObject("hour", Integer.class), rs.getString("kind"),
                rs.getString("eoir_language"), rs.getBoolean("interpreter"),
                AppointmentStatus.valueOf(rs.getString("status")), rs.getObject("rescheduled_to", Long.class),
                rs.getInt("version"));
    }
}
