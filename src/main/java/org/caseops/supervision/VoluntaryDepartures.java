package org.caseops.supervision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.caseops.access.Access;
import org.caseops.access.PartnerScope;
import org.caseops.docket.Docket;
import org.caseops.docket.DocketViews;
import org.caseops.docket.Timeline;
import org.caseops.legal.LegalDays;
import org.caseops.legal.LegalGate;
import org.caseops.legal.LegalRecords;
import org.caseops.legal.rules.BusinessCalendar;
import org.caseops.legal.rules.DepartureDeadlineFacts;
import org.caseops.legal.rules.Finding;
import org.caseops.legal.rules.Rule;
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
 * Voluntary departure under supervision (docs/removal.md): the period is the legal gate's — from the docket's grant,
 * or from a deadline recorded in {@link LegalRecords} that the gate reads the way it reads every departure deadline —
 * the bond is due within 5 business days of the order (8 CFR 1240.26(c)(3), US federal calendar) and is recorded for
 * the gate, which finds the grant vacated the day after its due date when it was not posted by then, the proof of
 * departure (consulate verification or travel record) closes the case, and an overstay found by the office's sweep
 * marks the grant overstayed with the gate's verdict that day and opens one task. Each change is a conditional update
 * counting its rows (409 when it counts none), with the person's case event and an audit entry.
 */
@Service
public class VoluntaryDepartures {

    /** Business days after the order within which the bond is posted (8 CFR 1240.26(c)(3)(i)). */
    public static final int BOND_BUSINESS_DAYS = 5;

    /** The least bond the law allows (8 CFR 1240.26(c)(3)(i): "in an amount necessary ..., but in no case less than $500"). */
    public static final BigDecimal LEAST_BOND = new BigDecimal("500");

    static final BusinessCalendar CALENDAR = BusinessCalendar.usFederal();

    public enum Status {
        GRANTED, OVERSTAYED, DEPARTED;

        /** The one transition table: a grant runs, may be overstayed, and ends with a departure verified. */
        public boolean allows(Status next) {
            return switch (this) {
                case GRANTED -> next == OVERSTAYED || next == DEPARTED;
                case OVERSTAYED -> next == DEPARTED;
                case DEPARTED -> false;
            };
        }
    }

    public enum ProofKind { CONSULATE_VERIFICATION, TRAVEL_RECORD }

    public record Departure(long id, String aNumber, String fieldOffice, LocalDate grantedOn, LocalDate lastDay,
            String periodSource, Long departureDeadlineId, BigDecimal bondAmount, LocalDate bondDue,
            LocalDate bondPostedOn, String bondReference, boolean bondLate, Status status, LocalDate overstayedOn,
            String verdictOnOverstay, Long overstayTaskId, LocalDate departedOn, ProofKind proofKind,
            String proofReference, String departurePort, int version) {
    }

    public record Overstay(long id, String aNumber, LocalDate lastDay, String verdict, long taskId) {
    }

    private final JdbcClient jdbc;
    private final Docket docket;
    private final LegalGate gate;
    private final LegalRecords records;
    private final Timeline timeline;
    private final Access access;
    private final Tasks tasks;

    VoluntaryDepartures(JdbcClient jdbc, Docket docket, LegalGate gate, LegalRecords records, Timeline timeline,
            Access access, Tasks tasks) {
        this.jdbc = jdbc;
        this.docket = docket;
        this.gate = gate;
        this.records = records;
        this.timeline = timeline;
        this.access = access;
        this.tasks = tasks;
    }

    /** The bond's due date: the fifth business day after the order (weekends and federal holidays not counted). */
    public static LocalDate bondDue(LocalDate orderedOn) {
        LocalDate d = orderedOn;
        for (int i = 0; i < BOND_BUSINESS_DAYS; i++) {
            d = d.plusDays(1);
            while (!CALENDAR.isBusinessDay(d)) {
                d = d.plusDays(1);
            }
        }
        return d;
    }

    /**
     * Records a grant of voluntary departure of {@code grantedOn}. With {@code lastDay} (and its source and reference)
     * the order's deadline is first recorded as a departure deadline, which the gate reads; without it the period is
     * the one the gate finds from the docket. Either way the gate is asked on the grant's date and must find a period
     * running: the last day kept here is the gate's. 409 when the gate finds none, or the person has a grant open.
     */
    @Transactional
    public Departure grant(String aNumber, LocalDate grantedOn, BigDecimal bondAmount, LocalDate lastDay,
            DepartureDeadlineFacts.Source source, String reference) {
        String a = Docket.aNumber(aNumber);
        Access.Subject person = docket.personSubject(a).orElseThrow(() -> new NotFound("no person with A-number "
                + a));
        access.mayChange(person);
        if (grantedOn == null) {
            throw new BadInput("grantedOn", "grantedOn is required: the date of the order granting voluntary departure");
        }
        if (bondAmount == null || bondAmount.compareTo(LEAST_BOND) < 0 || bondAmount.scale() > 2
                || bondAmount.compareTo(new BigDecimal("99999999")) > 0) {
            throw new BadInput("bondAmount", "bondAmount is required: at least $500 (8 CFR 1240.26(c)(3)(i)), in "
                    + "dollars and cents");
        }
        Docket.PersonKeys keys = docket.keys(a).orElseThrow(() -> new NotFound("no person " + a));
        if (keys.idncase() == null) {
            throw new Conflict("person " + a + " has no removal case: there is no departure period to record");
        }
        DocketViews.Person p = docket.person(a, grantedOn).orElseThrow(() -> new NotFound("no person " + a));
        if (p.usCitizen() || p.lpr()) {
            throw new Conflict("person " + a + " is a U.S. citizen or LPR: never under a departure order");
        }
        String actor = access.actor().username();
        Long deadlineId = null;
        if (lastDay != null) {
            if (source == null) {
                throw new BadInput("source", "the order's deadline needs its source: one of "
                        + List.of(DepartureDeadlineFacts.Source.values()));
            }
            deadlineId = records.recordDepartureDeadline(keys.idncase(), lastDay, source, grantedOn, reference, actor)
                    .id();
        }
        LegalGate.CaseVerdict verdict = gate.ofPerson(a, grantedOn).orElseThrow();
        Finding period = verdict.findings().stream()
                .filter(f -> f.ruleId().equals(Rule.VOLUNTARY_DEPARTURE.name()) && f.holds() && f.until().isPresent())
                .findFirst().orElseThrow(() -> new Conflict("the legal gate finds no voluntary-departure period "
                        + "running for " + a + " on " + grantedOn + " (" + departureFinding(verdict) + "): record "
                        + "the grant on the case first"));
        LocalDate last = period.until().orElseThrow().minusDays(1);
        if (lastDay != null && !last.equals(lastDay)) {
            throw new Conflict("the legal gate reads the departure period of " + a + " as ending on " + last
                    + ", not " + lastDay + " (" + period.detail() + ")");
        }
        LocalDate due = bondDue(grantedOn);
        long id;
        try {
            id = jdbc.sql("""
                    insert into voluntary_departure (person_id, a_number, idncase, family_id, field_office_code,
                        granted_on, last_day, period_source, departure_deadline_id, bond_amount, bond_due, created_by)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                    .params(keys.personId(), a, keys.idncase(), keys.familyId(), person.fieldOffice(), grantedOn,
                            last, clip(period.detail(), 1000), deadlineId, bondAmount, due, actor)
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw new Conflict("person " + a + " already has a voluntary departure open");
        }
        records.recordDepartureBond(keys.idncase(), grantedOn, due, bondAmount, id, actor);
        event(id, "VOLUNTARY_DEPARTURE_GRANTED", actor, "Voluntary departure granted on " + grantedOn + ", to depart by "
                + last + " (the legal gate: " + period.detail() + "); bond of $" + bondAmount.toPlainString()
                + " due by " + due + " (8 CFR 1240.26(c)(3): not posted by then, the grant vacates automatically and "
                + "the alternate order of removal takes effect the following day)");
        access.audit("VOLUNTARY_DEPARTURE_GRANTED", subject(id), "voluntary departure " + id + " for " + a);
        return find(id);
    }

    private static String departureFinding(LegalGate.CaseVerdict verdict) {
        return verdict.findings().stream().filter(f -> f.ruleId().equals(Rule.VOLUNTARY_DEPARTURE.name()))
                .map(Finding::detail).findFirst().orElse("no finding on voluntary departure");
    }

    /** Records the bond posted on {@code postedOn} with its receipt; once, conditional on the version read. */
    @Transactional
    public Departure postBond(String aNumber, long id, LocalDate postedOn, String reference, Integer version) {
        Departure d = toChange(aNumber, id);
        if (postedOn == null || postedOn.isBefore(d.grantedOn()) || postedOn.isAfter(LegalDays.now().last())) {
            throw new BadInput("postedOn", "postedOn is required: from the grant, not in the future");
        }
        String receipt = text(reference, "reference", "the bond's receipt or number", 200);
        requireVersion(version);
        int changed = jdbc.sql("""
                update voluntary_departure set bond_posted_on = ?, bond_reference = ?, version = version + 1
                where id = ? and version = ? and bond_posted_on is null and status = 'GRANTED'""")
                .params(postedOn, receipt, id, version).update();
        if (changed != 1) {
            throw stale(d, version, d.bondPostedOn() != null ? "the bond was posted on " + d.bondPostedOn() : null);
        }
        String actor = access.actor().username();
        boolean late = postedOn.isAfter(d.bondDue());
        if (!records.departureBondPosted(id, postedOn, receipt)) {
            throw new Conflict("the bond of voluntary departure " + id + " is recorded as posted already");
        }
        event(id, "VOLUNTARY_DEPARTURE_BOND_POSTED", actor, "Bond posted on " + postedOn + " (" + receipt + ")"
                + (late ? ", after its due date " + d.bondDue() + ": the grant vacated automatically on "
                + d.bondDue().plusDays(1) + " and the alternate order of removal took effect that day (8 CFR "
                + "1240.26(c)(3)); refer to counsel" : ""));
        access.audit("VOLUNTARY_DEPARTURE_BOND_POSTED", subject(id), "voluntary departure " + id);
        return find(id);
    }

    /**
     * Records the departure, verified by the consulate or by a travel record, and closes the case: conditional on the
     * version read and on the grant still open (granted or overstayed).
     */
    @Transactional
    public Departure depart(String aNumber, long id, LocalDate departedOn, ProofKind proofKind, String proofReference,
            String port, Integer version) {
        Departure d = toChange(aNumber, id);
        if (departedOn == null || departedOn.isBefore(d.grantedOn()) || departedOn.isAfter(LegalDays.now().last())) {
            throw new BadInput("departedOn", "departedOn is required: from the grant, not in the future");
        }
        if (proofKind == null) {
            throw new BadInput("proofKind", "proofKind is required: " + List.of(ProofKind.values()));
        }
        String proof = text(proofReference, "proofReference", "the consulate's verification or the travel record",
                500);
        String from = port == null || port.isBlank() ? null : clip(port.trim(), 200);
        requireVersion(version);
        int changed = jdbc.sql("""
                update voluntary_departure set status = 'DEPARTED', departed_on = ?, proof_kind = ?,
                    proof_reference = ?, departure_port = ?, version = version + 1
                where id = ? and version = ? and status in ('GRANTED', 'OVERSTAYED')""")
                .params(departedOn, proofKind.name(), proof, from, id, version).update();
        if (changed != 1) {
            throw stale(d, version, d.status() == Status.DEPARTED ? "the departure was verified already" : null);
        }
        String actor = access.actor().username();
        boolean late = departedOn.isAfter(d.lastDay());
        event(id, "VOLUNTARY_DEPARTURE_VERIFIED", actor, "Departed on " + departedOn + (from == null ? "" : " from "
                + from) + ", verified by " + proofKind.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " (" + proof
                + ")" + (late ? "; after the last day " + d.lastDay() + " (overstay, INA 240B(d))" : ""));
        event(id, "CASE_CLOSED", actor, "Case closed: departed " + (late ? "after the voluntary-departure period"
                : "under voluntary departure") + " on " + departedOn);
        access.audit("VOLUNTARY_DEPARTURE_VERIFIED", subject(id), "voluntary departure " + id + ": departed "
                + departedOn);
        return find(id);
    }

    /**
     * The office's grants whose last day is before {@code asOf} with no departure verified: each is marked
     * overstayed (once: a conditional update on its status), keeps the gate's verdict on {@code asOf} and opens one
     * task. Answers what this run marked.
     */
    @Transactional
    public List<Overstay> recordOverstays(String fieldOffice, LocalDate asOf) {
        String office = Sweeps.office(access, fieldOffice, asOf, "overstays");
        return recordOverstays(office, asOf, Sweeps.By.user(access));
    }

    /** The field offices with a grant still running, for the scheduled sweep. */
    List<String> officesGranting() {
        return jdbc.sql("select distinct field_office_code from voluntary_departure where status = 'GRANTED' "
                + "order by 1").query(String.class).list();
    }

    /** {@link #recordOverstays(String, LocalDate)} for an office checked already, by a user or the schedule. */
    List<Overstay> recordOverstays(String office, LocalDate asOf, Sweeps.By by) {
        record Open(long id, String aNumber, LocalDate lastDay) {
        }
        List<Open> open = jdbc.sql("""
                select id, a_number, last_day from voluntary_departure
                where field_office_code = ? and status = 'GRANTED' and last_day < ? order by id""")
                .params(office, asOf).query((rs, n) -> new Open(rs.getLong(1), rs.getString(2),
                        rs.getObject(3, LocalDate.class))).list();
        String actor = by.name();
        List<Overstay> out = new ArrayList<>();
        for (Open o : open) {
            LegalGate.CaseVerdict v = gate.ofPerson(o.aNumber(), asOf).orElseThrow();
            int changed = jdbc.sql("""
                    update voluntary_departure set status = 'OVERSTAYED', overstayed_on = ?, verdict_on_overstay = ?,
                        version = version + 1
                    where id = ? and status = 'GRANTED'""").params(o.lastDay().plusDays(1), v.label(), o.id())
                    .update();
            if (changed != 1) {
                continue;
            }
            Task task = by.task(tasks, NewTask.of(TaskType.DEPARTURE_OVERSTAY, "Review: the voluntary-departure period "
                    + "of " + o.aNumber() + " ended on " + o.lastDay() + " with no departure verified; the legal gate "
                    + "says " + v.label() + " on " + asOf + ". Contact the person or their counsel and review the "
                    + "case; this is not a referral for arrest.", office, Assignee.ofTeam(office))
                    .about(SubjectType.PERSON, o.aNumber()));
            jdbc.sql("update voluntary_departure set overstay_task_id = ? where id = ?").params(task.id(), o.id())
                    .update();
            event(o.id(), "VOLUNTARY_DEPARTURE_OVERSTAYED", actor, "No departure verified by the last day "
                    + o.lastDay() + ": the alternate order of removal takes effect on the gate's terms (8 CFR "
                    + "1240.26; INA 240B(d)); the legal gate on " + asOf + ": " + v.label() + "; task " + task.id()
                    + " opened for an officer");
            by.audit(access, "VOLUNTARY_DEPARTURE_OVERSTAYED", subject(o.id()), "last day " + o.lastDay()
                    + ", task " + task.id());
            out.add(new Overstay(o.id(), o.aNumber(), o.lastDay(), v.label(), task.id()));
        }
        return out;
    }

    /** A grant still open (granted, or overstayed and not yet departed), as the office's list shows it. */
    public record OpenGrant(long id, String aNumber, LocalDate grantedOn, LocalDate lastDay, LocalDate bondDue,
            LocalDate bondPostedOn, Status status) {
    }

    /**
     * The field office's open grants (granted or overstayed), the nearest last day first, paged in the database; for
     * the office's own field staff. The read names people, so it is audited with the A-numbers shown.
     */
    @Transactional
    public org.caseops.system.Paged<OpenGrant> openIn(String office, int page, int size) {
        org.caseops.system.Paged.check(page, size);
        if (office == null || !access.actor().mayChange(office) || !office.equals(access.actor().fieldOffice())) {
            throw new org.caseops.system.Forbidden(access.actor().username() + " may not list the voluntary "
                    + "departures of " + office);
        }
        long total = jdbc.sql("""
                select count(*) from voluntary_departure
                where field_office_code = ? and status in ('GRANTED', 'OVERSTAYED')""").param(office)
                .query(Long.class).single();
        List<OpenGrant> items = jdbc.sql("""
                select id, a_number, granted_on, last_day, bond_due, bond_posted_on, status from voluntary_departure
                where field_office_code = ? and status in ('GRANTED', 'OVERSTAYED')
                order by last_day, id limit ? offset ?""").params(office, size, (long) page * size)
                .query((rs, n) -> new OpenGrant(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class),
                        rs.getObject(6, LocalDate.class), Status.valueOf(rs.getString(7)))).list();
        access.audit("VOLUNTARY_DEPARTURES_READ", new Access.Subject("FIELD_OFFICE", office, office), "page " + page
                + ": " + items.size() + " of " + total + " open grants" + (items.isEmpty() ? "" : " (" + String.join(
                ", ", items.stream().map(g -> "A-" + g.aNumber()).toList()) + ")"));
        return new org.caseops.system.Paged<>(items, page, size, total);
    }

    /** A person's grants of voluntary departure (checked and audited as a read of the person's record). */
    @Transactional
    public List<Departure> ofPerson(String aNumber) {
        String a = Docket.aNumber(aNumber);
        Access.Subject person = docket.personSubject(a).orElseThrow(() -> new NotFound("no person with A-number "
                + a));
        access.read("VOLUNTARY_DEPARTURE_READ", person, PartnerScope.CASE_STATUS);
        return jdbc.sql("select id from voluntary_departure where a_number = ? order by id").param(a)
                .query(Long.class).list().stream().map(this::find).toList();
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private Departure toChange(String aNumber, long id) {
        String a = Docket.aNumber(aNumber);
        Access.Subject person = docket.personSubject(a).orElseThrow(() -> new NotFound("no person with A-number "
                + a));
        access.mayChange(person);
        Departure d = find(id);
        if (!d.aNumber().equals(a)) {
            throw new NotFound("no voluntary departure " + id + " of " + a);
        }
        return d;
    }

    private static void requireVersion(Integer version) {
        if (version == null) {
            throw new BadInput("version", "version is required: the voluntary departure's version as last read");
        }
    }

    private Conflict stale(Departure d, int version, String why) {
        Departure now = find(d.id());
        return new Conflict("voluntary departure " + d.id() + " is at version " + now.version() + " ("
                + now.status() + (why == null ? "" : "; " + why) + "); not changed from version " + version);
    }

    private Access.Subject subject(long id) {
        String office = jdbc.sql("select field_office_code from voluntary_departure where id = ?").param(id)
                .query(String.class).optional().orElseThrow(() -> new NotFound("no voluntary departure " + id));
        return new Access.Subject("VOLUNTARY_DEPARTURE", String.valueOf(id), office);
    }

    private void event(long id, String kind, String actor, String summary) {
        record Keys(long personId, long idncase, long familyId) {
        }
        Keys k = jdbc.sql("select person_id, idncase, family_id from voluntary_departure where id = ?").param(id)
                .query((rs, n) -> new Keys(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
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

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private Departure find(long id) {
        return jdbc.sql("""
                select id, a_number, field_office_code, granted_on, last_day, period_source, departure_deadline_id,
                       bond_amount, bond_due, bond_posted_on, bond_reference, status, overstayed_on,
                       verdict_on_overstay, overstay_task_id, departed_on, proof_kind, proof_reference, departure_port,
                       version
                from voluntary_departure where id = ?""").param(id).query((rs, n) -> {
                    LocalDate due = rs.getObject(9, LocalDate.class);
                    LocalDate posted = rs.getObject(10, LocalDate.class);
                    return new Departure(rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class), rs.getString(6),
                            rs.getObject(7, Long.class), rs.getBigDecimal(8), due, posted, rs.getString(11),
                            posted == null ? false : posted.isAfter(due), Status.valueOf(rs.getString(12)),
                            rs.getObject(13, LocalDate.class), rs.getString(14), rs.getObject(15, Long.class),
                            rs.getObject(16, LocalDate.class),
                            rs.getString(17) == null ? null : ProofKind.valueOf(rs.getString(17)), rs.getString(18),
                            rs.getString(19), rs.getInt(20));
                }).optional().orElseThrow(() -> new NotFound("no voluntary departure " + id));
    }
}
