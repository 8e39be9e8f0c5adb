package org.caseops.custody;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.caseops.access.Access;
import org.caseops.access.PartnerScope;
import org.caseops.docket.Docket;
import org.caseops.docket.DocketViews;
import org.caseops.docket.Timeline;
import org.caseops.legal.LegalDays;
import org.caseops.legal.LegalGate;
import org.caseops.system.BadInput;
import org.caseops.system.Conflict;
import org.caseops.system.NotFound;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The removal of a family (docs/removal.md): travel documents asked of the consulate for every member with a removal
 * case of their own, each document's answer, the itinerary (commercial or charter, a date and a port), and the
 * departure verified (date, port, escort), which closes each member's case as removed. A family leaves together or
 * not at all: the service refuses a removal that leaves anyone with a case behind, and the database refuses it too,
 * at commit, for any writer ({@code removal_check_family}, V110). The legal gate is asked for every member when the
 * documents are requested (a consulate learns nothing of a person whose order cannot be executed) and again on the
 * day of departure, with the family gate: a minor travels with an adult of the family, and a minor who stays has a
 * recorded caregiver. Each change is a conditional update on the removal's version (409 when it counts no row), with
 * each member's case event and one audit entry.
 */
@Service
public class Removals {

    public enum Status {
        REQUESTED, SCHEDULED, DEPARTED, CANCELLED;

        /** The one transition table (the database's {@code removal_guard} holds the same). */
        public boolean allows(Status next) {
            return switch (this) {
                case REQUESTED -> next == SCHEDULED || next == CANCELLED;
                case SCHEDULED -> next == SCHEDULED || next == DEPARTED || next == CANCELLED;
                case DEPARTED, CANCELLED -> false;
            };
        }
    }

    public enum Mode { COMMERCIAL, CHARTER }

    public enum DocumentStatus { REQUESTED, ISSUED, REFUSED }

    public record Member(long personId, String aNumber, String role, DocumentStatus documentStatus,
            LocalDate documentOn, String documentReference) {
    }

    public record Removal(long id, long familyId, String fieldOffice, String country, String consulate,
            LocalDate requestedOn, Status status, Mode itineraryMode, LocalDate itineraryDate, String itineraryPort,
            String itineraryReference, LocalDate departedOn, String departurePort, String escort, String verifiedBy,
            String cancelReason, int version, List<Member> members) {
    }

    private final JdbcClient jdbc;
    private final Docket docket;
    private final LegalGate gate;
    private final Custody custody;
    private final Timeline timeline;
    private final Access access;

    Removals(JdbcClient jdbc, Docket docket, LegalGate gate, Custody custody, Timeline timeline, Access access) {
        this.jdbc = jdbc;
        this.docket = docket;
        this.gate = gate;
        this.custody = custody;
        this.timeline = timeline;
        this.access = access;
    }

    /**
     * Asks the consulate of {@code country} for travel documents for every member of the family with a removal case
     * of their own, and for the household members without a case who travel with the family by its choice
     * ({@code accompanying}, by person id). The gate must say EXECUTABLE for each member with a case on
     * {@code requestedOn} (409 naming who and why otherwise); one open removal per family.
     */
    @Transactional
    public Removal request(long familyId, String country, String consulate, LocalDate requestedOn,
            List<Long> accompanying) {
        Access.Subject subject = familySubject(familyId);
        access.mayChange(subject);
        String c = text(country, "country", "the country of removal", 2, 100);
        String at = text(consulate, "consulate", "the consulate asked for travel documents", 3, 200);
        if (requestedOn == null || requestedOn.isAfter(LegalDays.now().last())) {
            throw new BadInput("requestedOn", "requestedOn is required and not in the future");
        }
        DocketViews.Family family = docket.family(familyId, requestedOn)
                .orElseThrow(() -> new NotFound("no family " + familyId));
        List<DocketViews.FamilyMember> removed = family.people().stream().filter(Removals::removable).toList();
        if (removed.isEmpty()) {
            throw new Conflict("family " + familyId + " has nobody with a removal case of their own");
        }
        Set<Long> along = new HashSet<>(accompanying == null ? List.of() : accompanying);
        for (Long id : along) {
            DocketViews.FamilyMember m = family.people().stream().filter(p -> id != null && p.personId() == id)
                    .findFirst().orElseThrow(() -> new BadInput("accompanying", "person " + id + " is not of family "
                            + familyId));
            if (removable(m)) {
                throw new BadInput("accompanying", "person " + id + " has a removal case: they travel as removed, "
                        + "not accompanying");
            }
        }
        List<String> blocked = new ArrayList<>();
        for (DocketViews.FamilyMember m : removed) {
            LegalGate.DayVerdict v = gate.overDays(m.personId(), requestedOn, requestedOn).orElseThrow().get(0);
            if (v.status() != org.caseops.legal.rules.Status.EXECUTABLE) {
                blocked.add(m.aNumber() + " is " + v.status() + " " + v.reasons());
            }
        }
        if (!blocked.isEmpty()) {
            throw new Conflict("family " + familyId + " cannot be removed: a family leaves together or not at all, "
                    + "and on " + requestedOn + " " + String.join("; ", blocked) + "; no travel document is asked "
                    + "for anyone");
        }
        String actor = access.actor().username();
        long id;
        try {
            id = jdbc.sql("""
                    insert into removal (family_id, field_office_code, country, consulate, requested_on, created_by)
                    values (?, ?, ?, ?, ?, ?) returning id""")
                    .params(familyId, subject.fieldOffice(), c, at, requestedOn, actor).query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw new Conflict("family " + familyId + " already has a removal in progress");
        }
        for (DocketViews.FamilyMember m : removed) {
            jdbc.sql("insert into removal_member (removal_id, person_id, role) values (?, ?, 'REMOVED')")
                    .params(id, m.personId()).update();
        }
        for (Long p : along) {
            jdbc.sql("insert into removal_member (removal_id, person_id, role) values (?, ?, 'ACCOMPANYING')")
                    .params(id, p).update();
        }
        events(id, "REMOVAL_TRAVEL_DOCUMENTS_REQUESTED", actor, "Travel documents requested on " + requestedOn
                + " from " + at + " (" + c + "); the legal gate says EXECUTABLE for every member with a case");
        access.audit("REMOVAL_REQUESTED", subject, "removal " + id + " of family " + familyId + " to " + c);
        return find(id);
    }

    /** Records the consulate's answer for one member: ISSUED or REFUSED, its date and reference. */
    @Transactional
    public Removal document(long familyId, long id, Long personId, DocumentStatus status, LocalDate on,
            String reference, Integer version) {
        Removal r = toChange(familyId, id);
        if (personId == null) {
            throw new BadInput("personId", "personId is required: the member the document is for");
        }
        Member m = r.members().stream().filter(x -> x.personId() == personId).findFirst()
                .orElseThrow(() -> new BadInput("personId", "person " + personId + " does not travel in removal "
                        + id));
        if (status == null || status == DocumentStatus.REQUESTED) {
            throw new BadInput("status", "status is required: ISSUED or REFUSED");
        }
        if (on == null || on.isBefore(r.requestedOn()) || on.isAfter(LegalDays.now().last())) {
            throw new BadInput("on", "on is required: from the request, not in the future");
        }
        String ref = text(reference, "reference", "the travel document's number or the consulate's letter", 3, 200);
        bump(r, version, Set.of(Status.REQUESTED));
        jdbc.sql("""
                update removal_member set document_status = ?, document_on = ?, document_reference = ?
                where removal_id = ? and person_id = ?""").params(status.name(), on, ref, id, personId).update();
        String actor = access.actor().username();
        timeline.write(Timeline.Entry.aboutPerson(personId, "REMOVAL_TRAVEL_DOCUMENT_" + status.name(), actor,
                "Travel document " + status.name().toLowerCase(Locale.ROOT) + " by " + r.consulate() + " on " + on
                        + " (" + ref + ")").family(familyId));
        access.audit("REMOVAL_TRAVEL_DOCUMENT", familySubject(familyId), "removal " + id + ", person " + m.personId()
                + ": " + status);
        return find(id);
    }

    /** Sets (or moves) the itinerary: every member's travel document must be issued. */
    @Transactional
    public Removal itinerary(long familyId, long id, Mode mode, LocalDate date, String port, String reference,
            Integer version) {
        Removal r = toChange(familyId, id);
        if (mode == null) {
            throw new BadInput("mode", "mode is required: COMMERCIAL or CHARTER");
        }
        if (date == null || date.isBefore(r.requestedOn())) {
            throw new BadInput("date", "date is required: the day of departure, not before the request");
        }
        String from = text(port, "port", "the port of departure", 3, 200);
        String ref = reference == null || reference.isBlank() ? null : text(reference, "reference", "", 1, 200);
        List<String> missing = r.members().stream().filter(m -> m.documentStatus() != DocumentStatus.ISSUED)
                .map(m -> "person " + m.personId() + "'s travel document is " + m.documentStatus()).toList();
        if (!missing.isEmpty()) {
            throw new Conflict("removal " + id + " cannot be scheduled: " + String.join("; ", missing));
        }
        requireVersion(version);
        int changed = jdbc.sql("""
                update removal set status = 'SCHEDULED', itinerary_mode = ?, itinerary_date = ?, itinerary_port = ?,
                    itinerary_reference = ?, version = version + 1
                where id = ? and version = ? and status in ('REQUESTED', 'SCHEDULED')""")
                .params(mode.name(), date, from, ref, id, version).update();
        if (changed != 1) {
            throw stale(id, version);
        }
        String actor = access.actor().username();
        events(id, "REMOVAL_SCHEDULED", actor, "Removal scheduled: " + mode.name().toLowerCase(Locale.ROOT) + " from "
                + from + " on " + date + (ref == null ? "" : " (" + ref + ")"));
        access.audit("REMOVAL_SCHEDULED", familySubject(familyId), "removal " + id + " on " + date);
        return find(id);
    }

    /**
     * Records the departure verified on {@code departedOn}: the legal gate for every member removed and the family
     * gate are asked again that day; members still in custody are recorded as removed in the custody ledger (all of
     * them transported, together); each member's case is closed as removed.
     */
    @Transactional
    public Removal depart(long familyId, long id, LocalDate departedOn, String port, String escort, Integer version) {
        Removal r = toChange(familyId, id);
        if (departedOn == null || departedOn.isBefore(r.requestedOn()) || departedOn.isAfter(LegalDays.now().last())) {
            throw new BadInput("departedOn", "departedOn is required: from the request, not in the future");
        }
        String from = text(port, "port", "the port of departure", 3, 200);
        String by = text(escort, "escort", "who escorted the family (officers, or 'unescorted')", 3, 500);
        requireVersion(version);
        if (r.status() != Status.SCHEDULED) {
            throw new Conflict("removal " + id + " is " + r.status() + ": it departs once scheduled");
        }
        List<String> blocked = new ArrayList<>();
        for (Member m : r.members()) {
            if (!"REMOVED".equals(m.role())) {
                continue;
            }
            LegalGate.DayVerdict v = gate.overDays(m.personId(), departedOn, departedOn).orElseThrow().get(0);
            if (v.status() != org.caseops.legal.rules.Status.EXECUTABLE) {
                blocked.add(m.aNumber() + " is " + v.status() + " " + v.reasons());
            }
        }
        if (!blocked.isEmpty()) {
            throw new Conflict("removal " + id + " cannot depart on " + departedOn + ": " + String.join("; ", blocked)
                    + "; a family leaves together or not at all");
        }
        familyGate(familyId, r, departedOn).ifPresent(problem -> {
            throw new Conflict(problem);
        });
        String actor = access.actor().username();
        int changed = jdbc.sql("""
                update removal set status = 'DEPARTED', departed_on = ?, departure_port = ?, escort = ?,
                    verified_by = ?, version = version + 1
                where id = ? and version = ? and status = 'SCHEDULED'""")
                .params(departedOn, from, by, actor, id, version).update();
        if (changed != 1) {
            throw stale(id, version);
        }
        if (!custody.held(familyId).isEmpty()) {
            Instant at = departedOn.atTime(12, 0).toInstant(ZoneOffset.UTC);
            custody.remove(familyId, null, at.isAfter(Instant.now()) ? Instant.now() : at);
        }
        try {
            jdbc.sql("set constraints removal_family_together, removal_member_family_together immediate").update();
        } catch (DataIntegrityViolationException e) {
            throw new Conflict(e.getMostSpecificCause().getMessage());
        }
        events(id, "REMOVAL_DEPARTED", actor, "Departed on " + departedOn + " from " + from + ", escort: " + by
                + "; the legal gate and the family gate asked that day");
        events(id, "CASE_CLOSED", actor, "Case closed: removed on " + departedOn);
        access.audit("REMOVAL_DEPARTED", familySubject(familyId), "removal " + id + " departed " + departedOn);
        return find(id);
    }

    /** Cancels a removal not yet departed, with the reason (a stay granted, a document refused, ...). */
    @Transactional
    public Removal cancel(long familyId, long id, String reason, Integer version) {
        toChange(familyId, id);
        String why = text(reason, "reason", "why the removal is cancelled", 3, 2000);
        requireVersion(version);
        int changed = jdbc.sql("""
                update removal set status = 'CANCELLED', cancel_reason = ?, version = version + 1
                where id = ? and version = ? and status in ('REQUESTED', 'SCHEDULED')""")
                .params(why, id, version).update();
        if (changed != 1) {
            throw stale(id, version);
        }
        String actor = access.actor().username();
        events(id, "REMOVAL_CANCELLED", actor, "Removal cancelled: " + why);
        access.audit("REMOVAL_CANCELLED", familySubject(familyId), "removal " + id);
        return find(id);
    }

    /** A removal in progress (requested or scheduled), as the office's list shows it. */
    public record InProgress(long id, long familyId, String country, String consulate, LocalDate requestedOn,
            Status status, LocalDate itineraryDate, int members) {
    }

    /**
     * The field office's removals in progress (requested or scheduled), the oldest request first, paged in the
     * database; for the office's own field staff. Audited with the families shown.
     */
    @Transactional
    public org.caseops.system.Paged<InProgress> inProgress(String office, int page, int size) {
        org.caseops.system.Paged.check(page, size);
        if (office == null || !access.actor().mayChange(office) || !office.equals(access.actor().fieldOffice())) {
            throw new org.caseops.system.Forbidden(access.actor().username() + " may not list the removals of "
                    + office);
        }
        long total = jdbc.sql("""
                select count(*) from removal where field_office_code = ? and status in ('REQUESTED', 'SCHEDULED')""")
                .param(office).query(Long.class).single();
        List<InProgress> items = jdbc.sql("""
                select r.id, r.family_id, r.country, r.consulate, r.requested_on, r.status, r.itinerary_date,
                       (select count(*) from removal_member m where m.removal_id = r.id)
                from removal r where r.field_office_code = ? and r.status in ('REQUESTED', 'SCHEDULED')
                order by r.requested_on, r.id limit ? offset ?""").params(office, size, (long) page * size)
                .query((rs, n) -> new InProgress(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class), Status.valueOf(rs.getString(6)),
                        rs.getObject(7, LocalDate.class), rs.getInt(8))).list();
        access.audit("REMOVALS_READ", new Access.Subject("FIELD_OFFICE", office, office), "page " + page + ": "
                + items.size() + " of " + total + " removals in progress" + (items.isEmpty() ? "" : " (families "
                + String.join(", ", items.stream().map(r -> String.valueOf(r.familyId())).toList()) + ")"));
        return new org.caseops.system.Paged<>(items, page, size, total);
    }

    /** The family's removals (checked and audited as a read of the family's record). */
    @Transactional
    public List<Removal> ofFamily(long familyId) {
        Access.Subject subject = familySubject(familyId);
        access.read("REMOVAL_READ", subject, PartnerScope.CASE_STATUS);
        return jdbc.sql("select id from removal where family_id = ? order by id").param(familyId).query(Long.class)
                .list().stream().map(this::find).toList();
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    /** A member removed: a case of their own, not a U.S. citizen, not an LPR (the database's rule too). */
    private static boolean removable(DocketViews.FamilyMember m) {
        return m.idncase() != null && !m.usCitizen() && !m.lpr();
    }

    /**
     * The family gate on the day of departure: each minor who travels does so with an adult of the family, and each
     * minor of the family who stays has an open caregiver record.
     */
    private java.util.Optional<String> familyGate(long familyId, Removal r, LocalDate day) {
        DocketViews.Family family = docket.family(familyId, day).orElseThrow();
        Set<Long> travelling = new HashSet<>(r.members().stream().map(Member::personId).toList());
        boolean adultTravels = family.people().stream()
                .anyMatch(p -> travelling.contains(p.personId()) && p.birthDate() != null && !p.minor());
        for (DocketViews.FamilyMember p : family.people()) {
            if (!p.minor()) {
                continue;
            }
            if (travelling.contains(p.personId()) && !adultTravels) {
                return java.util.Optional.of("family gate: minor " + p.personId() + " would travel without an adult "
                        + "of the family");
            }
            if (!travelling.contains(p.personId()) && custody.caregivers(p.personId()).stream()
                    .noneMatch(c -> c.endedAt() == null)) {
                return java.util.Optional.of("family gate: minor " + p.personId() + " of family " + familyId
                        + " would stay behind without a recorded caregiver; the child travels with the family "
                        + "(accompanying) or their caregiver is recorded first");
            }
        }
        return java.util.Optional.empty();
    }

    private Removal toChange(long familyId, long id) {
        Access.Subject subject = familySubject(familyId);
        access.mayChange(subject);
        Removal r = jdbc.sql("select id from removal where id = ? and family_id = ?").params(id, familyId)
                .query(Long.class).optional().map(this::find)
                .orElseThrow(() -> new NotFound("no removal " + id + " of family " + familyId));
        if (r.status() == Status.DEPARTED || r.status() == Status.CANCELLED) {
            throw new Conflict("removal " + id + " is " + r.status());
        }
        return r;
    }

    private void bump(Removal r, Integer version, Set<Status> from) {
        requireVersion(version);
        if (!from.contains(r.status()) || jdbc.sql("update removal set version = version + 1 where id = ? and "
                + "version = ? and status = ?").params(r.id(), version, r.status().name()).update() != 1) {
            throw stale(r.id(), version);
        }
    }

    private static void requireVersion(Integer version) {
        if (version == null) {
            throw new BadInput("version", "version is required: the removal's version as last read");
        }
    }

    private Conflict stale(long id, int version) {
        Removal now = find(id);
        return new Conflict("removal " + id + " is at version " + now.version() + " (" + now.status()
                + "); not changed from version " + version);
    }

    private Access.Subject familySubject(long familyId) {
        return docket.familySubject(familyId).orElseThrow(() -> new NotFound("no family " + familyId));
    }

    private void events(long id, String kind, String actor, String summary) {
        Removal r = find(id);
        for (Member m : r.members()) {
            timeline.write(Timeline.Entry.aboutPerson(m.personId(), kind, actor, summary).family(r.familyId()));
        }
    }

    private static String text(String value, String field, String what, int min, int max) {
        if (value == null || value.isBlank() || value.trim().length() < min) {
            throw new BadInput(field, field + " is required: " + what);
        }
        if (value.trim().length() > max) {
            throw new BadInput(field, field + " has at most " + max + " characters");
        }
        return value.trim();
    }

    private Removal find(long id) {
        List<Member> members = jdbc.sql("""
                select person_id, a_number, role, document_status, document_on, document_reference
                from removal_member where removal_id = ? order by role desc, person_id""").param(id)
                .query((rs, n) -> new Member(rs.getLong(1), rs.getString(2), rs.getString(3),
                        DocumentStatus.valueOf(rs.getString(4)), rs.getObject(5, LocalDate.class), rs.getString(6)))
                .list();
        return jdbc.sql("""
                select id, family_id, field_office_code, country, consulate, requested_on, status, itinerary_mode,
                       itinerary_date, itinerary_port, itinerary_reference, departed_on, departure_port, escort,
                       verified_by, cancel_reason, version
                from removal where id = ?""").param(id).query((rs, n) -> new Removal(rs.getLong(1), rs.getLong(2),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getObject(6, LocalDate.class),
                        Status.valueOf(rs.getString(7)),
                        rs.getString(8) == null ? null : Mode.valueOf(rs.getString(8)),
                        rs.getObject(9, LocalDate.class), rs.getString(10), rs.getString(11),
                        rs.getObject(12, LocalDate.class), rs.getString(13), rs.getString(14), rs.getString(15),
                        rs.getString(16), rs.getInt(17), members))
                .optional().orElseThrow(() -> new NotFound("no removal " + id));
    }
}
