package org.caseops.custody;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.caseops.docket.Docket;
import org.caseops.legal.LegalGate;
import org.caseops.system.BadInput;
import org.caseops.system.Conflict;
import org.caseops.system.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The custody ledger: each person's state ({@link CustodyState}), changed only through its table and never, except to
 * release, for a person whose order is not executable on the day of the change; each change a
 * ledger row (written by the database's trigger, so direct SQL is recorded too). The family gate is the database's
 * (V21, checked at commit); this service checks the same rules first to answer with a clear 409 naming who is
 * missing, and asks the database's own check function before it lets a change go.
 */
@Service
public class Custody {

    public record Status(long personId, long familyId, CustodyState state, String site, String destination,
            CustodyState.ReleaseReason releaseReason, Instant since, String changedBy, Long operationId) {
    }

    public record Event(long id, long personId, String fromState, String toState, String siteBefore, String site,
            String destination, String releaseReason, Instant occurredAt, String changedBy, Long operationId,
            String note) {
    }

    public record Caregiver(long id, long personId, String caregiverName, String relationship, String contact,
            String location, String recordedBy, Instant recordedAt, Instant endedAt) {
    }

    private final JdbcClient jdbc;
    private final Docket docket;
    private final LegalGate gate;

    Custody(JdbcClient jdbc, Docket docket, LegalGate gate) {
        this.jdbc = jdbc;
        this.docket = docket;
        this.gate = gate;
    }

    public Status status(long personId) {
        return find(personId).orElseGet(() -> new Status(personId, familyOf(personId), CustodyState.AT_LARGE, null,
                null, null, null, null, null));
    }

    private Optional<Status> find(long personId) {
        return jdbc.sql("""
                select person_id, family_id, state, site, destination, release_reason, since, changed_by, operation_id
                from custody_status where person_id = ?""").param(personId)
                .query((rs, n) -> new Status(rs.getLong(1), rs.getLong(2), CustodyState.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getString(5), rs.getString(6) == null ? null
                        : CustodyState.ReleaseReason.valueOf(rs.getString(6)),
                        rs.getObject(7, OffsetDateTime.class).toInstant(), rs.getString(8),
                        (Long) rs.getObject(9))).optional();
    }

    public List<Event> ledger(long personId) {
        return jdbc.sql("""
                select id, person_id, from_state, to_state, site_before, site, destination, release_reason,
                       occurred_at, changed_by, operation_id, note
                from custody_event where person_id = ? order by id""").param(personId)
                .query((rs, n) -> new Event(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getObject(9, OffsetDateTime.class).toInstant(), rs.getString(10),
                        (Long) rs.getObject(11), rs.getString(12))).list();
    }

    /** Takes a person into custody at a site (an arrest; the legal gate is the caller's to ask first). */
    public Status take(long personId, String site, Instant at, String officer, Long operationId, String note) {
        requireText(site, "site");
        return change(personId, CustodyState.IN_CUSTODY, site, null, null, at, officer, operationId, note);
    }

    public Status stage(long personId, String site, Instant at, String officer, String note) {
        requireText(site, "site");
        return change(personId, CustodyState.STAGED, site, null, null, at, officer, null, note);
    }

    public Status release(long personId, CustodyState.ReleaseReason reason, Instant at, String officer, String note) {
        if (reason == null) {
            throw new BadInput("reason", "a release has its reason: " + List.of(CustodyState.ReleaseReason.values()));
        }
        return change(personId, CustodyState.RELEASED, null, null, reason, at, officer, null, note);
    }

    /**
     * Transports every member of the family who is held, together: all must be STAGED at one site; the minors of the
     * family must be with them or with a recorded caregiver. Refused (409) naming who is not ready.
     */
    public List<Status> transport(long familyId, String destination, Instant at, String officer) {
        requireText(destination, "destination");
        List<Status> held = held(familyId);
        if (held.isEmpty()) {
            throw new Conflict("no member of family " + familyId + " is held");
        }
        List<String> problems = new ArrayList<>();
        String site = held.get(0).site();
        for (Status s : held) {
            if (s.state() != CustodyState.STAGED) {
                problems.add("person " + s.personId() + " is " + s.state() + ", not staged");
            } else if (!s.site().equals(site)) {
                problems.add("person " + s.personId() + " is staged at " + s.site() + ", not " + site);
            }
        }
        if (!problems.isEmpty()) {
            throw new Conflict("family " + familyId + " cannot be transported: the whole family moves from one "
                    + "staging site together; " + String.join("; ", problems));
        }
        List<Status> moved = new ArrayList<>();
        for (Status s : held) {
            moved.add(change(s.personId(), CustodyState.TRANSPORTED, null, destination, null, at, officer, null,
                    null));
        }
        return moved;
    }

    /** Records the removal of every member of the family who was transported, together. */
    public List<Status> remove(long familyId, Instant at, String officer) {
        List<Status> held = held(familyId);
        List<String> notTransported = held.stream().filter(s -> s.state() != CustodyState.TRANSPORTED)
                .map(s -> "person " + s.personId() + " is " + s.state()).toList();
        if (held.isEmpty() || !notTransported.isEmpty()) {
            throw new Conflict("family " + familyId + " cannot be recorded as removed: "
                    + (held.isEmpty() ? "no member is held" : String.join("; ", notTransported)));
        }
        List<Status> removed = new ArrayList<>();
        for (Status s : held) {
            removed.add(change(s.personId(), CustodyState.REMOVED, null, s.destination(), null, at, officer, null,
                    null));
        }
        return removed;
    }

    public List<Status> held(long familyId) {
        return jdbc.sql("select person_id from custody_status where family_id = ? "
                + "and state in ('IN_CUSTODY', 'STAGED', 'TRANSPORTED') order by person_id").param(familyId)
                .query(Long.class).list().stream().map(this::status).toList();
    }

    private Status change(long personId, CustodyState next, String site, String destination,
            CustodyState.ReleaseReason reason, Instant at, String officer, Long operationId, String note) {
        Status current = status(personId);
        Instant when0 = at == null ? Instant.now() : at;
        if (next != CustodyState.RELEASED) {
            // DESIGN invariant 1: no custody change, transport or removal on an order not executable that day;
            // releasing is always allowed
            java.time.LocalDate day = OffsetDateTime.ofInstant(when0, ZoneOffset.UTC).toLocalDate();
            LegalGate.DayVerdict verdict = gate.overDays(personId, day, day)
                    .orElseThrow(() -> new NotFound("no person " + personId)).get(0);
            if (verdict.status() != org.caseops.legal.rules.Status.EXECUTABLE) {
                throw new Conflict("person " + personId + "'s order is " + verdict.status() + " on " + day + " "
                        + verdict.reasons() + ": custody cannot go to " + next + " (release instead)");
            }
        }
        if (!current.state().allows(next)) {
            throw new Conflict("person " + personId + " is " + current.state() + "; custody cannot go to " + next
                    + " (from " + current.state() + ": " + current.state().next() + ")");
        }
        OffsetDateTime when = OffsetDateTime.ofInstant(at == null ? Instant.now() : at, ZoneOffset.UTC);
        int updated = jdbc.sql("""
                insert into custody_status (person_id, family_id, state, site, destination, release_reason, since,
                                            changed_by, operation_id, note)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (person_id) do update set state = excluded.state, site = excluded.site,
                    destination = excluded.destination, release_reason = excluded.release_reason,
                    since = excluded.since, changed_by = excluded.changed_by,
                    operation_id = coalesce(excluded.operation_id, custody_status.operation_id),
                    note = excluded.note, version = custody_status.version + 1
                where custody_status.version = ?""")
                .params(personId, current.familyId(), next.name(), site, destination,
                        reason == null ? null : reason.name(), when, officer, operationId, note,
                        current.since() == null ? 0 : versionOf(personId))
                .update();
        if (updated == 0) {
            throw new Conflict("person " + personId + "'s custody was changed meanwhile; reload and try again");
        }
        return status(personId);
    }

    private int versionOf(long personId) {
        return jdbc.sql("select version from custody_status where person_id = ?").param(personId)
                .query(Integer.class).optional().orElse(0);
    }

    /**
     * The database's own check that every minor of the family is with a parent or has a caregiver, asked now rather
     * than at commit, so that the caller learns it while it can still record a caregiver.
     */
    public void checkMinors(long familyId, Instant asOf) {
        jdbc.sql("select custody_check_minors(?, ?)").params(familyId,
                OffsetDateTime.ofInstant(asOf == null ? Instant.now() : asOf, ZoneOffset.UTC).toLocalDate())
                .query().singleRow();
    }

    public Caregiver recordCaregiver(long minorId, String name, String relationship, String contact, String location,
            String officer) {
        requireText(name, "caregiverName");
        requireText(relationship, "relationship");
        long id = jdbc.sql("""
                insert into minor_caregiver (person_id, family_id, caregiver_name, relationship, contact, location,
                                             recorded_by)
                values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(minorId, familyOf(minorId), name.trim(), relationship.trim(), contact, location, officer)
                .query(Long.class).single();
        return caregivers(minorId).stream().filter(c -> c.id() == id).findFirst().orElseThrow();
    }

    /** Ends a caregiver record (the child reunited or in other care); refused at commit if the child would be alone. */
    public Caregiver endCaregiver(long id, String officer) {
        long person = jdbc.sql("update minor_caregiver set ended_at = now(), ended_by = ? where id = ? "
                + "and ended_at is null returning person_id").params(officer, id).query(Long.class).optional()
                .orElseThrow(() -> new NotFound("no open caregiver record " + id));
        return caregivers(person).stream().filter(c -> c.id() == id).findFirst().orElseThrow();
    }

    public List<Caregiver> caregivers(long personId) {
        return jdbc.sql("""
                select id, person_id, caregiver_name, relationship, contact, location, recorded_by, recorded_at,
                       ended_at from minor_caregiver where person_id = ? order by id""").param(personId)
                .query((rs, n) -> new Caregiver(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getObject(8, OffsetDateTime.class).toInstant(),
                        rs.getObject(9, OffsetDateTime.class) == null ? null
                                : rs.getObject(9, OffsetDateTime.class).toInstant())).list();
    }

    long familyOf(long personId) {
        return jdbc.sql("select family_id from family_member where person_id = ?").param(personId)
                .query(Long.class).optional().orElseThrow(() -> new NotFound("no person " + personId));
    }


    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new BadInput(field, field + " is required");
        }
    }

}
