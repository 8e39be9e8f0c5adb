package org.caseops.custody;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.caseops.access.Access;
import org.caseops.access.Allow;
import org.caseops.access.PartnerScope;
import org.caseops.access.Role;
import org.caseops.docket.Docket;
import org.caseops.system.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A person's custody and a family's moves. Field staff of the person's field office change it; the {@link Custody}
 * service writes each change's ledger row, case event and audit entry; the family gate answers 409 naming who is not
 * ready. This controller parses, authorizes and maps; the rules are the service's.
 */
@RestController
@Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR})
class CustodyController {

    private final Custody custody;
    private final Timers timers;
    private final Docket docket;
    private final Access access;

    CustodyController(Custody custody, Timers timers, Docket docket, Access access) {
        this.custody = custody;
        this.timers = timers;
        this.docket = docket;
        this.access = access;
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY})
    @GetMapping("/api/people/{aNumber}/custody")
    Custody.PersonCustody read(@PathVariable String aNumber) {
        String a = Docket.aNumber(aNumber);
        access.read("CUSTODY_READ", subject(a), PartnerScope.PERSON_RECORD);
        return custody.of(a);
    }

    /**
     * The family's custody version and its members with a custody record: a family move sends that {@code version}
     * back, and one made on a family changed since is a 409 naming the current version.
     */
    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY})
    @GetMapping("/api/families/{id}/custody")
    Custody.FamilyCustody readFamily(@PathVariable long id) {
        access.read("CUSTODY_READ", docket.familySubject(id).orElseThrow(() -> new NotFound(noFamily(id))),
                PartnerScope.PERSON_RECORD, noFamily(id));
        return custody.ofFamily(id);
    }

    /** {@code version}: the family's custody version as read ({@code GET /api/families/{id}/custody}). */
    record Move(String site, Instant at, Long operationId, String note, Integer version) {
    }

    /**
     * {@code conditions} are required for ATD and ORDER_OF_SUPERVISION releases. {@code version}: of the person's
     * custody ({@code status.version} of {@code GET /api/people/{aNumber}/custody}) for one person, of the family's
     * custody for a family.
     */
    record Release(CustodyState.ReleaseReason reason, Instant at, String note, Releases.Conditions conditions,
            Integer version) {
    }

    /** {@code version}: the family's custody version as read. */
    record Transport(String destination, Instant at, Integer version) {
    }

    record NewCaregiver(Long personId, String caregiverName, String relationship, String contact, String location) {
    }

    /** {@code version}: the family's custody version as read. */
    record Take(List<Long> personIds, String site, Instant at, Long operationId, String note, Integer version) {
    }

    /**
     * Takes members of a family into custody together, at one site (a parent with the child beside them, in one
     * transaction). Every minor of the family must end up with a parent or a recorded caregiver, or nothing is taken.
     */
    @PostMapping("/api/families/{id}/custody/take")
    List<Custody.Status> take(@PathVariable long id, @RequestBody Take request) {
        changingFamily(id);
        return custody.take(id, version(request.version()), request.personIds(), request.site(), request.at(),
                request.operationId(),
                request.note());
    }

    /** Brings every member of the family in custody to one staging site, together. */
    @PostMapping("/api/families/{id}/custody/stage")
    List<Custody.Status> stage(@PathVariable long id, @RequestBody Move request) {
        changingFamily(id);
        return custody.stage(id, version(request.version()), request.site(), request.at(), request.note());
    }

    @PostMapping("/api/people/{aNumber}/custody/release")
    Custody.Status release(@PathVariable String aNumber, @RequestBody Release request) {
        String a = Docket.aNumber(aNumber);
        access.mayChange(subject(a));
        return custody.release(a, version(request.version()), request.reason(), request.at(), request.note(),
                request.conditions());
    }

    /** Releases every member of the family who is held (in custody or staged), together. */
    @PostMapping("/api/families/{id}/custody/release")
    List<Custody.Status> releaseFamily(@PathVariable long id, @RequestBody Release request) {
        changingFamily(id);
        return custody.releaseFamily(id, version(request.version()), request.reason(), request.at(), request.note(),
                request.conditions());
    }

    /** Transports the whole held family from its staging site to one destination, or refuses. */
    @PostMapping("/api/families/{id}/custody/transport")
    List<Custody.Status> transport(@PathVariable long id, @RequestBody Transport request) {
        changingFamily(id);
        return custody.transport(id, version(request.version()), request.destination(), request.at());
    }

    @PostMapping("/api/families/{id}/custody/remove")
    List<Custody.Status> remove(@PathVariable long id, @RequestBody(required = false) Transport request) {
        changingFamily(id);
        return custody.remove(id, version(request == null ? null : request.version()),
                request == null ? null : request.at());
    }

    /**
     * Records who cares for a minor of the family who is not with a parent in custody — before the parent is taken.
     * By person id, since a child born here has no A-number.
     */
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/families/{id}/caregivers")
    ResponseEntity<Custody.Caregiver> caregiver(@PathVariable long id, @RequestBody NewCaregiver request) {
        changingFamily(id);
        if (request.personId() == null) {
            throw new org.caseops.system.BadInput("personId", "a member of family " + id);
        }
        Custody.Caregiver caregiver = custody.recordCaregiver(id, request.personId(), request.caregiverName(),
                request.relationship(), request.contact(), request.location());
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
        return timers.checkFor(office, asOf);
    }

    private void changingFamily(long id) {
        access.mayChange(docket.familySubject(id).orElseThrow(() -> new NotFound(noFamily(id))));
    }

    private static String noFamily(long id) {
        return "no family with lead case " + id;
    }

    /** The custody version the client read: every custody move requires it (400 naming {@code version}). */
    private static int version(Integer version) {
        if (version == null) {
            throw new org.caseops.system.BadInput("version", "send the custody version you read (GET "
                    + "/api/families/{id}/custody, or the person's custody status); a change made meanwhile is then "
                    + "refused instead of overwritten");
        }
        return version;
    }

    private Access.Subject subject(String aNumber) {
        return docket.personSubject(aNumber).orElseThrow(() -> new NotFound("no person with A-number " + aNumber));
    }
}
