package org.caseops.custody;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.caseops.access.Access;
import org.caseops.access.Allow;
import org.caseops.access.PartnerScope;
import org.caseops.access.Role;
import org.caseops.docket.Docket;
import org.caseops.docket.DocketViews;
import org.caseops.system.NotFound;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A person's custody and a family's moves. Field staff of the person's field office change it; every change is a
 * ledger row, a case event on the timeline and an audit entry; the family gate answers 409 naming who is not ready.
 */
@RestController
@Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR})
class CustodyController {

    private final Custody custody;
    private final Releases releases;
    private final Timers timers;
    private final Docket docket;
    private final Access access;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    CustodyController(Custody custody, Releases releases, Timers timers, Docket docket, Access access,
            org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.custody = custody;
        this.releases = releases;
        this.timers = timers;
        this.docket = docket;
        this.access = access;
        this.jdbc = jdbc;
    }

    record PersonCustody(String aNumber, Custody.Status status, List<Custody.Event> ledger,
            List<Custody.Caregiver> caregivers, List<Releases.Condition> releaseConditions) {
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY})
    @GetMapping("/api/people/{aNumber}/custody")
    PersonCustody read(@PathVariable String aNumber) {
        String a = Docket.aNumber(aNumber);
        access.read("CUSTODY_READ", subject(a), PartnerScope.PERSON_RECORD);
        long id = personId(a);
        return new PersonCustody(a, custody.status(id), custody.ledger(id), custody.caregivers(id),
                releases.of(id));
    }

    record Move(String site, Instant at, Long operationId, String note) {
    }

    /** {@code conditions} are required for ATD and ORDER_OF_SUPERVISION releases. */
    record Release(CustodyState.ReleaseReason reason, Instant at, String note, Releases.Conditions conditions) {
    }

    record Transport(String destination, Instant at) {
    }

    record NewCaregiver(Long personId, String caregiverName, String relationship, String contact, String location) {
    }

    record Take(List<Long> personIds, String site, Instant at, Long operationId, String note) {
    }

    /**
     * Takes members of a family into custody together, at one site (a parent with the child beside them, in one
     * transaction). Every minor of the family must end up with a parent or a recorded caregiver, or nothing is taken.
     */
    @PostMapping("/api/families/{id}/custody/take")
    @Transactional
    List<Custody.Status> take(@PathVariable long id, @RequestBody Take request) {
        Access.Subject subject = family(id);
        if (request.personIds() == null || request.personIds().isEmpty()) {
            throw new org.caseops.system.BadInput("personIds", "whom to take into custody");
        }
        List<Custody.Status> taken = new java.util.ArrayList<>();
        for (Long personId : request.personIds()) {
            if (personId == null || custody.familyOf(personId) != id) {
                throw new org.caseops.system.BadInput("personIds", "person " + personId + " is not of family " + id);
            }
            taken.add(custody.take(personId, request.site(), request.at(), actor(), request.operationId(),
                    request.note()));
        }
        custody.checkMinors(id, request.at());
        taken.forEach(s -> event(s, "CUSTODY_TAKEN", "in custody at " + s.site()));
        access.audit("CUSTODY_TAKEN", subject, taken.size() + " taken at " + request.site());
        return taken;
    }

    /** Brings every member of the family in custody to one staging site, together. */
    @PostMapping("/api/families/{id}/custody/stage")
    @Transactional
    List<Custody.Status> stage(@PathVariable long id, @RequestBody Move request) {
        Access.Subject subject = family(id);
        List<Custody.Status> staged = new java.util.ArrayList<>();
        for (Custody.Status held : custody.held(id)) {
            if (held.state() == CustodyState.IN_CUSTODY) {
                staged.add(custody.stage(held.personId(), request.site(), request.at(), actor(), request.note()));
            }
        }
        if (staged.isEmpty()) {
            throw new org.caseops.system.Conflict("no member of family " + id + " is in custody to stage");
        }
        custody.checkMinors(id, request.at());
        staged.forEach(s -> event(s, "CUSTODY_STAGED", "staged at " + s.site()));
        access.audit("CUSTODY_STAGED", subject, staged.size() + " staged at " + request.site());
        return staged;
    }

    @PostMapping("/api/people/{aNumber}/custody/release")
    @Transactional
    Custody.Status release(@PathVariable String aNumber, @RequestBody Release request) {
        String a = Docket.aNumber(aNumber);
        Access.Subject subject = changing(a);
        DocketViews.Person person = docket.person(a, LocalDate.now()).orElseThrow();
        Custody.Status status = custody.release(person.id(), request.reason(), request.at(), actor(), request.note());
        if (request.reason() == CustodyState.ReleaseReason.ATD
                || request.reason() == CustodyState.ReleaseReason.ORDER_OF_SUPERVISION) {
            if (request.conditions() == null) {
                throw new org.caseops.system.BadInput("conditions", "a release on " + request.reason()
                        + " records its conditions: check-in schedule and, for ATD, the technology");
            }
            releases.record(person.id(), person.birthDate(), request.conditions(), status.since(), actor());
        }
        custody.checkMinors(status.familyId(), request.at());
        return recorded("CUSTODY_RELEASED", subject, status, "released: " + status.releaseReason());
    }

    /**
     * Releases every member of the family who is held (in custody or staged), together — a parent with the child. On
     * ATD or an order of supervision the conditions are recorded for each adult; children are released in their
     * parents' care and get no device.
     */
    @PostMapping("/api/families/{id}/custody/release")
    @Transactional
    List<Custody.Status> releaseFamily(@PathVariable long id, @RequestBody Release request) {
        Access.Subject subject = family(id);
        List<Custody.Status> released = new java.util.ArrayList<>();
        for (Custody.Status held : custody.held(id)) {
            if (held.state() == CustodyState.TRANSPORTED) {
                continue;
            }
            Custody.Status status = custody.release(held.personId(), request.reason(), request.at(), actor(),
                    request.note());
            LocalDate birth = jdbc.sql("select birth_date from person where id = ?").param(held.personId())
                    .query(LocalDate.class).single();
            boolean supervised = request.reason() == CustodyState.ReleaseReason.ATD
                    || request.reason() == CustodyState.ReleaseReason.ORDER_OF_SUPERVISION;
            if (supervised && !Docket.minor(birth, java.time.OffsetDateTime.ofInstant(status.since(),
                    java.time.ZoneOffset.UTC).toLocalDate())) {
                if (request.conditions() == null) {
                    throw new org.caseops.system.BadInput("conditions", "a release on " + request.reason()
                            + " records its conditions");
                }
                releases.record(held.personId(), birth, request.conditions(), status.since(), actor());
            }
            released.add(status);
        }
        if (released.isEmpty()) {
            throw new org.caseops.system.Conflict("no member of family " + id + " is in custody or staged");
        }
        custody.checkMinors(id, request.at());
        released.forEach(s -> event(s, "CUSTODY_RELEASED", "released: " + s.releaseReason()));
        access.audit("FAMILY_RELEASED", subject, released.size() + " released: " + request.reason());
        return released;
    }

    /** Transports the whole held family from its staging site to one destination, or refuses. */
    @PostMapping("/api/families/{id}/custody/transport")
    @Transactional
    List<Custody.Status> transport(@PathVariable long id, @RequestBody Transport request) {
        Access.Subject subject = family(id);
        List<Custody.Status> moved = custody.transport(id, request.destination(), request.at(), actor());
        custody.checkMinors(id, request.at());
        moved.forEach(s -> event(s, "CUSTODY_TRANSPORTED", "transported to " + s.destination()));
        access.audit("FAMILY_TRANSPORTED", subject, moved.size() + " members to " + request.destination());
        return moved;
    }

    @PostMapping("/api/families/{id}/custody/remove")
    @Transactional
    List<Custody.Status> remove(@PathVariable long id, @RequestBody(required = false) Transport request) {
        Access.Subject subject = family(id);
        List<Custody.Status> removed = custody.remove(id, request == null ? null : request.at(), actor());
        removed.forEach(s -> event(s, "CUSTODY_REMOVED", "removed"));
        access.audit("FAMILY_REMOVED", subject, removed.size() + " members");
        return removed;
    }

    /**
     * Records who cares for a minor of the family who is not with a parent in custody — before the parent is taken.
     * By person id, since a child born here has no A-number.
     */
    @PostMapping("/api/families/{id}/caregivers")
    @Transactional
    ResponseEntity<Custody.Caregiver> caregiver(@PathVariable long id, @RequestBody NewCaregiver request) {
        Access.Subject subject = family(id);
        if (request.personId() == null || custody.familyOf(request.personId()) != id) {
            throw new org.caseops.system.BadInput("personId", "a member of family " + id);
        }
        Custody.Caregiver caregiver = custody.recordCaregiver(request.personId(), request.caregiverName(),
                request.relationship(), request.contact(), request.location(), actor());
        access.audit("CAREGIVER_RECORDED", subject, "person " + request.personId() + ": caregiver "
                + caregiver.id() + " (" + caregiver.relationship() + ")");
        return ResponseEntity.created(URI.create("/api/families/" + id)).body(caregiver);
    }

    record TimerCheck(Instant asOf) {
    }

    /**
     * Runs custody's clocks now (or as of a simulated time) and opens the escalation tasks due; answers with the
     * findings of the caller's field office.
     */
    @Allow({Role.SUPERVISOR, Role.DIRECTOR})
    @PostMapping("/api/custody/timers/check")
    List<Timers.Finding> checkTimers(@RequestBody(required = false) TimerCheck request) {
        String office = access.actor().fieldOffice();
        Instant asOf = request == null || request.asOf() == null ? Instant.now() : request.asOf();
        List<Timers.Finding> findings = timers.check(asOf, Timers.SYSTEM_ACTOR).stream()
                .filter(f -> office.equals(f.fieldOffice())).toList();
        access.audit("CUSTODY_TIMERS_CHECKED", new Access.Subject("FIELD_OFFICE", office, office),
                "as of " + asOf + ": " + findings.size() + " findings");
        return findings;
    }

    private Custody.Status recorded(String action, Access.Subject subject, Custody.Status status, String summary) {
        event(status, action, summary);
        access.audit(action, subject, summary);
        return status;
    }

    private void event(Custody.Status status, String kind, String summary) {
        jdbc.sql("""
                insert into case_event (idncase, person_id, family_id, kind, actor, summary)
                select idncase, id, ?, ?, ?, ? from person where id = ?""")
                .params(status.familyId(), kind, actor(), summary, status.personId()).update();
    }

    private Access.Subject family(long id) {
        Access.Subject subject = docket.familySubject(id).orElseThrow(() -> new NotFound("no family with lead case " + id));
        access.mayChange(subject);
        return subject;
    }

    private Access.Subject subject(String aNumber) {
        return docket.personSubject(aNumber).orElseThrow(() -> new NotFound("no person with A-number " + aNumber));
    }

    private Access.Subject changing(String aNumber) {
        Access.Subject subject = subject(aNumber);
        access.mayChange(subject);
        return subject;
    }

    private long personId(String aNumber) {
        DocketViews.Person person = docket.person(aNumber, LocalDate.now())
                .orElseThrow(() -> new NotFound("no person with A-number " + aNumber));
        return person.id();
    }

    private String actor() {
        return access.actor().username();
    }
}
