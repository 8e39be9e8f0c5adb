package org.caseops.custody;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.caseops.access.Access;
import org.caseops.docket.Docket;
import org.caseops.docket.DocketViews;
import org.caseops.docket.Timeline;
import org.caseops.legal.LegalDays;
import org.caseops.legal.LegalGate;
import org.caseops.system.BadInput;
import org.caseops.system.Conflict;
import org.caseops.system.NotFound;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Custody: the one way anything changes where a person is — the custody API, an arrest at the door (encounters),
 * releases, transports, removals. Each change is one transaction that writes the custody row (the database copies it
 * into the ledger), the person's case event on the timeline with the change's own time, and the audit entry.
 *
 * <p>The rules, in this order: a U.S. citizen, or anyone without a removal case of their own, is never taken into
 * custody (refused and audited); no move but release for an order not executable on the day of the change (DESIGN
 * invariant 1); the transition table ({@link CustodyState}); the family moves whole; no minor alone
 * ({@link FamilyGate}). The database holds the same rules at commit (V21, V36), for any SQL statement; this service
 * judges them first to answer with a clear 409. Every write is a conditional update on the version read with the
 * state in one statement: a concurrent change is a 409 naming the current state and version.
 */
@Service
public class Custody {

    /** How far ahead of the clock a change may be dated (clock skew); the database allows the same. */
    static final Duration SKEW = Duration.ofMinutes(5);

    /** A person's custody; {@code version} is null while no change was ever recorded (at large). */
    public record Status(long personId, long familyId, CustodyState state, String site, String destination,
            CustodyState.ReleaseReason releaseReason, Instant since, String changedBy, Long operationId,
            Integer version) {
    }

    public record Event(long id, long personId, String fromState, String toState, String siteBefore, String site,
            String destination, String releaseReason, Instant occurredAt, String changedBy, Long operationId,
            String note) {
    }

    public record Caregiver(long id, long personId, String caregiverName, String relationship, String contact,
            String location, String recordedBy, Instant recordedAt, Instant endedAt) {
    }

    /**
     * A family's custody as the API shows it: {@code version} is the family's custody version — how many changes
     * its custody ledger holds (the ledger is append-only) — which a family move sends back; {@code members} are the
     * members with a custody record.
     */
    public record FamilyCustody(long familyId, int version, List<Status> members) {
    }

    /** A person's custody as the API shows it. */
    public record PersonCustody(String aNumber, Status status, List<Event> ledger, List<Caregiver> caregivers,
            List<Releases.Condition> releaseConditions) {
    }

    private final JdbcClient jdbc;
    private final Docket docket;
    private final LegalGate gate;
    private final Releases releases;
    private final Timeline timeline;
    private final Access access;
    private final TransactionTemplate transaction;

    Custody(JdbcClient jdbc, Docket docket, LegalGate gate, Releases releases, Timeline timeline, Access access,
            TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.docket = docket;
        this.gate = gate;
        this.releases = releases;
        this.timeline = timeline;
        this.access = access;
        this.transaction = transaction;
    }

    // ------------------------------------------------------------------------------------------------ reads

    public Status status(long personId) {
        return find(personId).orElseGet(() -> new Status(personId, familyOf(personId), CustodyState.AT_LARGE, null,
                null, null, null, null, null, null));
    }

    private Optional<Status> find(long personId) {
        return jdbc.sql("""
                select person_id, family_id, state, site, destination, release_reason, since, changed_by,
                       operation_id, version
                from custody_status where person_id = ?""").param(personId).query(Custody::statusRow).optional();
    }

    public List<Event> ledger(long personId) {
        return ledgers(List.of(personId)).getOrDefault(personId, List.of());
    }

    /** The custody ledgers of several people in one query, by person id, each oldest first. */
    public Map<Long, List<Event>> ledgers(java.util.Collection<Long> personIds) {
        Map<Long, List<Event>> out = new HashMap<>();
        if (personIds.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                select id, person_id, from_state, to_state, site_before, site, destination, release_reason,
                       occurred_at, changed_by, operation_id, note
                from custody_event where person_id = any (?) order by id""").param(personIds.toArray(Long[]::new))
                .query((rs, n) -> new Event(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getObject(9, OffsetDateTime.class).toInstant(), rs.getString(10),
                        (Long) rs.getObject(11), rs.getString(12))).list()
                .forEach(e -> out.computeIfAbsent(e.personId(), k -> new ArrayList<>()).add(e));
        return out;
    }

    public List<Caregiver> caregivers(long personId) {
        return caregivers(List.of(personId));
    }

    /** The custody of several people in one query, by person id; a person never in custody is absent (at large). */
    public Map<Long, Status> statuses(java.util.Collection<Long> personIds) {
        Map<Long, Status> out = new HashMap<>();
        if (personIds.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                select person_id, family_id, state, site, destination, release_reason, since, changed_by,
                       operation_id, version
                from custody_status where person_id = any (?)""").param(personIds.toArray(Long[]::new))
                .query(Custody::statusRow).list().forEach(st -> out.put(st.personId(), st));
        return out;
    }

    /** The caregiver records of several people in one query, oldest first. */
    public List<Caregiver> caregivers(java.util.Collection<Long> personIds) {
        if (personIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select id, person_id, caregiver_name, relationship, contact, location, recorded_by, recorded_at,
                       ended_at from minor_caregiver where person_id = any (?) order by id""")
                .param(personIds.toArray(Long[]::new))
                .query((rs, n) -> new Caregiver(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getObject(8, OffsetDateTime.class).toInstant(),
                        rs.getObject(9, OffsetDateTime.class) == null ? null
                                : rs.getObject(9, OffsetDateTime.class).toInstant())).list();
    }

    /** The members of the family held (in custody, staged, transported), by person id. */
    public List<Status> held(long familyId) {
        return jdbc.sql("select person_id from custody_status where family_id = ? "
                + "and state in ('IN_CUSTODY', 'STAGED', 'TRANSPORTED') order by person_id").param(familyId)
                .query(Long.class).list().stream().map(this::status).toList();
    }

    /** The family's custody version: how many changes its custody ledger holds (never deleted, never changed). */
    public int familyVersion(long familyId) {
        return jdbc.sql("select count(*) from custody_event where family_id = ?").param(familyId)
                .query(Integer.class).single();
    }

    /** The family's custody: its version and the members with a custody record (the caller audits the read). */
    public FamilyCustody ofFamily(long familyId) {
        familySubject(familyId);
        List<Status> members = jdbc.sql("select person_id from custody_status where family_id = ? order by person_id")
                .param(familyId).query(Long.class).list().stream().map(this::status).toList();
        return new FamilyCustody(familyId, familyVersion(familyId), members);
    }

    /** A person's custody, ledger, caregiver records and release conditions (the caller audits the read). */
    public PersonCustody of(String aNumber) {
        long id = person(aNumber).id();
        return new PersonCustody(aNumber, status(id), ledger(id), caregivers(id), releases.of(id));
    }

    /** The family a person belongs to, as the docket derives it (the database freezes the same on custody rows). */
    public long familyOf(long personId) {
        return docket.familyOf(personId).orElseThrow(() -> new NotFound("no person " + personId));
    }

    // --------------------------------------------------------------------------------------------- changes

    /**
     * Takes members of a family into custody together, at one site (an arrest; a parent with the child beside them).
     * Every minor of the family must end up with a parent or a recorded caregiver, or nothing is taken.
     */
    public List<Status> take(long familyId, Integer version, List<Long> personIds, String site, Instant at,
            Long operationId, String note) {
        requireText(site, "site");
        if (personIds == null || personIds.isEmpty() || personIds.stream().anyMatch(java.util.Objects::isNull)) {
            throw new BadInput("personIds", "whom to take into custody");
        }
        Instant when = when(at);
        Access.Subject subject = familySubject(familyId);
        DocketViews.Family family = family(familyId, when);
        List<String> refusals = new ArrayList<>();
        for (Long id : personIds) {
            DocketViews.FamilyMember m = family.people().stream().filter(p -> p.personId() == id).findFirst()
                    .orElseThrow(() -> new BadInput("personIds", "person " + id + " is not of family " + familyId));
            if (m.usCitizen()) {
                refusals.add("person " + id + " is a U.S. citizen and is never taken into custody on a removal order");
            } else if (m.idncase() == null) {
                refusals.add("person " + id + " has no removal case of their own and is not subject to removal");
            }
        }
        if (!refusals.isEmpty()) {
            // audited before the change's transaction, so that the refusal stays on record
            access.audit("CUSTODY_REFUSED", subject, String.join("; ", refusals));
            throw new Conflict("refused: " + String.join("; ", refusals));
        }
        return inTransaction(() -> {
            checkFamilyVersion(familyId, version);
            List<Status> taken = new ArrayList<>();
            for (Long id : personIds) {
                taken.add(change(status(id), CustodyState.IN_CUSTODY, site.trim(), null, null, when, operationId,
                        note));
            }
            finish(familyId, when, taken, "CUSTODY_TAKEN", s -> "in custody at " + s.site(), "CUSTODY_TAKEN",
                    subject,
                    taken.size() + " taken at " + site.trim());
            return taken;
        });
    }

    /** Brings every member of the family in custody to one staging site, together. */
    public List<Status> stage(long familyId, Integer version, String site, Instant at, String note) {
        requireText(site, "site");
        Instant when = when(at);
        Access.Subject subject = familySubject(familyId);
        return inTransaction(() -> {
            checkFamilyVersion(familyId, version);
            List<Status> staged = new ArrayList<>();
            for (Status held : held(familyId)) {
                if (held.state() == CustodyState.IN_CUSTODY) {
                    staged.add(change(held, CustodyState.STAGED, site.trim(), null, null, when, null, note));
                }
            }
            if (staged.isEmpty()) {
                throw new Conflict("no member of family " + familyId + " is in custody to stage");
            }
            finish(familyId, when, staged, "CUSTODY_STAGED", s -> "staged at " + s.site(), "CUSTODY_STAGED",
                    subject,
                    staged.size() + " staged at " + site.trim());
            return staged;
        });
    }

    /** Releases one person, with the reason (and for ATD or an order of supervision, the conditions). */
    public Status release(String aNumber, Integer version, CustodyState.ReleaseReason reason, Instant at,
            String note, Releases.Conditions conditions) {
        requireReason(reason);
        if (supervised(reason) && conditions == null) {
            throw new BadInput("conditions", "a release on " + reason + " records its conditions: check-in "
                    + "schedule and, for ATD, the technology");
        }
        Instant when = when(at);
        DocketViews.Person person = person(aNumber);
        Access.Subject subject = docket.personSubject(person.aNumber()).orElseThrow();
        return inTransaction(() -> {
            Status current = status(person.id());
            if (version != null && !version.equals(current.version())) {
                throw new Conflict("person " + person.id() + "'s custody is " + current.state() + " at version "
                        + current.version() + ", not " + version + ": it was changed meanwhile; reload and try again");
            }
            // the conditional update counts the row at the version the client read
            Status status = change(current, CustodyState.RELEASED, null, null, reason, when, null, note);
            if (supervised(reason)) {
                releases.record(person.id(), person.birthDate(), conditions, status.since(), actor());
            }
            finish(status.familyId(), when, List.of(status), "CUSTODY_RELEASED",
                    s -> "released: " + s.releaseReason(), "CUSTODY_RELEASED", subject, "released: " + reason);
            return status;
        });
    }

    /**
     * Releases every member of the family who is in custody or staged, together — a parent with the child. On ATD or
     * an order of supervision the conditions are recorded for each adult; children are released in their parents'
     * care and get no device.
     */
    public List<Status> releaseFamily(long familyId, Integer version, CustodyState.ReleaseReason reason, Instant at,
            String note, Releases.Conditions conditions) {
        requireReason(reason);
        Instant when = when(at);
        Access.Subject subject = familySubject(familyId);
        LocalDate day = day(when);
        Map<Long, LocalDate> births = new HashMap<>();
        family(familyId, when).people().forEach(p -> births.put(p.personId(), p.birthDate()));
        return inTransaction(() -> {
            checkFamilyVersion(familyId, version);
            List<Status> released = new ArrayList<>();
            for (Status held : held(familyId)) {
                if (held.state() == CustodyState.TRANSPORTED) {
                    continue;
                }
                Status status = change(held, CustodyState.RELEASED, null, null, reason, when, null, note);
                LocalDate birth = births.get(held.personId());
                if (supervised(reason) && !(birth != null && Docket.minor(birth, day))) {
                    if (conditions == null) {
                        throw new BadInput("conditions", "a release on " + reason + " records its conditions");
                    }
                    releases.record(held.personId(), birth, conditions, status.since(), actor());
                }
                released.add(status);
            }
            if (released.isEmpty()) {
                throw new Conflict("no member of family " + familyId + " is in custody or staged");
            }
            finish(familyId, when, released, "CUSTODY_RELEASED", s -> "released: " + s.releaseReason(),
                    "FAMILY_RELEASED", subject, released.size() + " released: " + reason);
            return released;
        });
    }

    /**
     * Transports every member of the family who is held, together: all must be STAGED at one site. Refused (409)
     * naming who is not ready.
     */
    public List<Status> transport(long familyId, Integer version, String destination, Instant at) {
        requireText(destination, "destination");
        Instant when = when(at);
        Access.Subject subject = familySubject(familyId);
        return inTransaction(() -> {
            checkFamilyVersion(familyId, version);
            List<Status> held = held(familyId);
            if (held.isEmpty()) {
                throw new Conflict("no member of family " + familyId + " is held");
            }
            List<String> problems = transportProblems(held);
            if (!problems.isEmpty()) {
                throw new Conflict("family " + familyId + " cannot be transported: the whole family moves from one "
                        + "staging site together; " + String.join("; ", problems));
            }
            List<Status> moved = new ArrayList<>();
            for (Status s : held) {
                moved.add(change(s, CustodyState.TRANSPORTED, null, destination.trim(), null, when, null, null));
            }
            finish(familyId, when, moved, "CUSTODY_TRANSPORTED", s -> "transported to " + s.destination(),
                    "FAMILY_TRANSPORTED", subject,
                    moved.size() + " members to " + destination.trim());
            return moved;
        });
    }

    /** Who keeps the held members of a family from being transported together: all must be STAGED at one site. */
    static List<String> transportProblems(List<Status> held) {
        return transportProblems(held, id -> "person " + id, CustodyState::name);
    }

    private static List<String> transportProblems(List<Status> held, java.util.function.LongFunction<String> who,
            java.util.function.Function<CustodyState, String> state) {
        List<String> problems = new ArrayList<>();
        String site = held.isEmpty() ? null : held.get(0).site();
        for (Status s : held) {
            if (s.state() != CustodyState.STAGED) {
                problems.add(who.apply(s.personId()) + " is " + state.apply(s.state()) + ", not staged");
            } else if (!s.site().equals(site)) {
                problems.add(who.apply(s.personId()) + " is staged at " + s.site() + ", not " + site);
            }
        }
        return problems;
    }

    /**
     * Whether each family move may be asked for now, from the members held (named by {@code who}): {@code null} when
     * it may, otherwise why not — the same rules the moves apply (a page shows the button disabled with this reason; the move itself
     * still decides, and answers 409).
     */
    public record FamilyMoves(String stage, String transport, String release) {
    }

    public static FamilyMoves moves(List<Status> held, java.util.function.LongFunction<String> who) {
        boolean inCustody = held.stream().anyMatch(s -> s.state() == CustodyState.IN_CUSTODY);
        boolean releasable = held.stream().anyMatch(s -> s.state() == CustodyState.IN_CUSTODY
                || s.state() == CustodyState.STAGED);
        List<String> problems = transportProblems(held, who,
                s -> s.name().replace('_', ' ').toLowerCase(java.util.Locale.ROOT));
        return new FamilyMoves(inCustody ? null : "nobody of the family is in custody at a site to stage",
                held.isEmpty() ? "nobody of the family is held"
                        : problems.isEmpty() ? null : "the whole family moves from one staging site together; "
                        + String.join("; ", problems),
                releasable ? null : "nobody of the family is in custody or staged");
    }

    /** Everyone held now (in custody, staged, transported) in families of {@code office} (null: every office). */
    public List<Status> heldIn(String office) {
        return jdbc.sql("""
                select s.person_id, s.family_id, s.state, s.site, s.destination, s.release_reason, s.since,
                       s.changed_by, s.operation_id, s.version
                from custody_status s left join report_family_office f on f.family_id = s.family_id
                where s.state in ('IN_CUSTODY', 'STAGED', 'TRANSPORTED')
                  and (cast(? as text) is null or f.field_office_code = ?)
                order by s.family_id, s.person_id""").params(office, office).query(Custody::statusRow).list();
    }

    private static Status statusRow(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Status(rs.getLong(1), rs.getLong(2), CustodyState.valueOf(rs.getString(3)),
                rs.getString(4), rs.getString(5), rs.getString(6) == null ? null
                : CustodyState.ReleaseReason.valueOf(rs.getString(6)),
                rs.getObject(7, OffsetDateTime.class).toInstant(), rs.getString(8),
                (Long) rs.getObject(9), rs.getInt(10));
    }

    /** Records the removal of every member of the family who was transported, together. */
    public List<Status> remove(long familyId, Integer version, Instant at) {
        Instant when = when(at);
        Access.Subject subject = familySubject(familyId);
        return inTransaction(() -> {
            checkFamilyVersion(familyId, version);
            List<Status> held = held(familyId);
            List<String> notTransported = held.stream().filter(s -> s.state() != CustodyState.TRANSPORTED)
                    .map(s -> "person " + s.personId() + " is " + s.state()).toList();
            if (held.isEmpty() || !notTransported.isEmpty()) {
                throw new Conflict("family " + familyId + " cannot be recorded as removed: "
                        + (held.isEmpty() ? "no member is held" : String.join("; ", notTransported)));
            }
            List<Status> removed = new ArrayList<>();
            for (Status s : held) {
                removed.add(change(s, CustodyState.REMOVED, null, s.destination(), null, when, null, null));
            }
            finish(familyId, when, removed, "CUSTODY_REMOVED", s -> "removed", "FAMILY_REMOVED", subject,
                    removed.size() + " members");
            return removed;
        });
    }

    /**
     * Records who cares for a minor who is not with a parent in custody (by person id: a child born here has no
     * A-number). {@code familyId}, when given, must be the child's family.
     */
    public Caregiver recordCaregiver(Long familyId, long minorId, String name, String relationship, String contact,
            String location) {
        requireText(name, "caregiverName");
        requireText(relationship, "relationship");
        long family = docket.familyOf(minorId).orElseThrow(() -> new BadInput("personId", "no person " + minorId));
        if (familyId != null && family != familyId) {
            throw new BadInput("personId", "a member of family " + familyId);
        }
        Access.Subject subject = familySubject(family);
        return inTransaction(() -> {
            long id = jdbc.sql("""
                    insert into minor_caregiver (person_id, caregiver_name, relationship, contact, location,
                                                 recorded_by)
                    values (?, ?, ?, ?, ?, ?) returning id""")
                    .params(minorId, name.trim(), relationship.trim(), contact, location, actor())
                    .query(Long.class).single();
            Caregiver caregiver = caregivers(minorId).stream().filter(c -> c.id() == id).findFirst().orElseThrow();
            access.audit("CAREGIVER_RECORDED", subject, "person " + minorId + ": caregiver " + id + " ("
                    + caregiver.relationship() + ")");
            return caregiver;
        });
    }

    // ---------------------------------------------------------------------------------------------- internals

    /**
     * One person's move, as a conditional write on the version read with the state: the gate (except to release),
     * the transition table, then the row; the database derives and freezes the family and writes the ledger.
     */
    private Status change(Status current, CustodyState next, String site, String destination,
            CustodyState.ReleaseReason reason, Instant when, Long operationId, String note) {
        long personId = current.personId();
        if (next != CustodyState.RELEASED) {
            // DESIGN invariant 1: no custody change, transport or removal on an order not executable that day
            // on every day the change's time falls on in the United States (LegalDays)
            LegalDays days = LegalDays.of(when);
            LegalGate.DayVerdict verdict = gate.atInstant(personId, days)
                    .orElseThrow(() -> new Conflict("person " + personId + " has no removal case: custody cannot go "
                            + "to " + next));
            if (verdict.status() != org.caseops.legal.rules.Status.EXECUTABLE) {
                throw new Conflict("person " + personId + "'s order is " + verdict.status() + " on " + verdict.day()
                        + (days.oneDay() ? "" : ", one of the days the change's time falls on in the United States ("
                        + days + ")") + " " + verdict.reasons() + ": custody cannot go to " + next
                        + " (release instead)");
            }
        }
        if (!current.state().allows(next)) {
            throw new Conflict("person " + personId + " is " + current.state() + describe(current.version())
                    + "; custody cannot go to " + next + " (from " + current.state() + ": " + current.state().next()
                    + ")");
        }
        OffsetDateTime since = OffsetDateTime.ofInstant(when, ZoneOffset.UTC);
        String releaseReason = reason == null ? null : reason.name();
        int written;
        if (current.version() == null) {
            try {
                written = jdbc.sql("""
                        insert into custody_status (person_id, state, site, destination, release_reason, since,
                                                    changed_by, operation_id, note)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(personId, next.name(), site, destination, releaseReason, since, actor(),
                                operationId, note).update();
            } catch (DuplicateKeyException e) {
                written = 0;
            }
        } else {
            written = jdbc.sql("""
                    update custody_status set state = ?, site = ?, destination = ?, release_reason = ?, since = ?,
                           changed_by = ?, operation_id = coalesce(?, operation_id), note = ?
                    where person_id = ? and version = ?""")
                    .params(next.name(), site, destination, releaseReason, since, actor(), operationId, note,
                            personId, current.version()).update();
        }
        if (written == 0) {
            Status now = status(personId);
            throw new Conflict("person " + personId + "'s custody was changed meanwhile: it is now " + now.state()
                    + describe(now.version()) + ", not " + current.state() + describe(current.version())
                    + "; reload and try again");
        }
        return status(personId);
    }

    /**
     * Serializes the family's moves until the transaction ends, then compares the family's custody version with the
     * one the client read ({@code null}: an internal caller, such as an arrest recorded at the door, that read none).
     * A stale version is a 409 naming the current one; each member's row is then written by a conditional update on
     * the version read with its state, under the same lock.
     */
    private void checkFamilyVersion(long familyId, Integer version) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('custody_family'), (? % 2147483647)::int)").param(familyId)
                .query((rs, n) -> 1).list();
        if (version == null) {
            return;
        }
        int current = familyVersion(familyId);
        if (current != version) {
            throw new Conflict("family " + familyId + "'s custody is at version " + current + ", not " + version
                    + ": it was changed meanwhile; reload and try again");
        }
    }

    /** After a family's changes: no minor alone, then a case event per person (its own time) and one audit entry. */
    private void finish(long familyId, Instant when, List<Status> changed, String kind,
            java.util.function.Function<Status, String> summary, String auditAction, Access.Subject subject,
            String detail) {
        checkMinors(familyId, when);
        for (Status s : changed) {
            timeline.write(Timeline.Entry.aboutPerson(s.personId(), kind, actor(), summary.apply(s))
                    .family(s.familyId()).at(when));
        }
        access.audit(auditAction, subject, detail);
    }

    /** No minor of the family alone ({@link FamilyGate}); refused (409) naming the child. */
    void checkMinors(long familyId, Instant when) {
        LocalDate day = day(when);
        DocketViews.Family family = docket.family(familyId, day).orElse(null);
        if (family == null) {
            return;
        }
        List<FamilyGate.Member> members = family.people().stream()
                .map(p -> new FamilyGate.Member(p.personId(), p.birthDate())).toList();
        Map<Long, Status> where = new HashMap<>();
        jdbc.sql("""
                select person_id, family_id, state, site, destination, release_reason, since, changed_by,
                       operation_id, version
                from custody_status where family_id = ?""").param(familyId).query((rs, n) -> new Status(
                        rs.getLong(1), rs.getLong(2), CustodyState.valueOf(rs.getString(3)), rs.getString(4),
                        rs.getString(5), null, null, rs.getString(8), null, rs.getInt(10)))
                .list().forEach(s -> where.put(s.personId(), s));
        Long[] people = family.people().stream().map(DocketViews.FamilyMember::personId).toArray(Long[]::new);
        Set<Long> caregiven = new HashSet<>(jdbc.sql("""
                select distinct person_id from minor_caregiver where person_id = any (?) and ended_at is null""")
                .param(people).query(Long.class).list());
        FamilyGate.minorAlone(familyId, members, where, caregiven, day).ifPresent(problem -> {
            throw new Conflict(problem);
        });
    }

    private <T> T inTransaction(Supplier<T> work) {
        return transaction.execute(status -> work.get());
    }

    private DocketViews.Family family(long familyId, Instant when) {
        return docket.family(familyId, day(when)).orElseThrow(() -> new NotFound("no family " + familyId));
    }

    private Access.Subject familySubject(long familyId) {
        return docket.familySubject(familyId).orElseThrow(() -> new NotFound("no family " + familyId));
    }

    private DocketViews.Person person(String aNumber) {
        String a = Docket.aNumber(aNumber);
        return docket.person(a, LocalDate.now()).orElseThrow(() -> new NotFound("no person with A-number " + a));
    }

    /** When the change happened: given, or now; never in the future (the database refuses the same). */
    private static Instant when(Instant at) {
        Instant now = Instant.now();
        if (at != null && at.isAfter(now.plus(SKEW))) {
            throw new BadInput("at", "a custody change is recorded once it has happened; " + at + " is in the future");
        }
        return at == null ? now : at;
    }

    /** The day minority is judged on: the first of the days the instant falls on in the United States. */
    private static LocalDate day(Instant when) {
        return LegalDays.of(when).first();
    }

    private static boolean supervised(CustodyState.ReleaseReason reason) {
        return reason == CustodyState.ReleaseReason.ATD || reason == CustodyState.ReleaseReason.ORDER_OF_SUPERVISION;
    }

    private static void requireReason(CustodyState.ReleaseReason reason) {
        if (reason == null) {
            throw new BadInput("reason", "a release has its reason: " + List.of(CustodyState.ReleaseReason.values()));
        }
    }

    private static String describe(Integer version) {
        return version == null ? " (never in custody)" : " (version " + version + ")";
    }

    private String actor() {
        return access.actor().username();
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new BadInput(field, field + " is required");
        }
    }
}
