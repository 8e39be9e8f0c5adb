package org.caseops.legal;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.caseops.access.Allow;
import org.caseops.access.Role;
import org.caseops.legal.rules.DepartureDeadlineFacts;
import org.caseops.legal.rules.Determination;
import org.caseops.legal.rules.ProtectionFacts;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Legal holds, recorded stays, protections EOIR does not record, attorneys' determinations and voluntary-departure
 * deadlines on a person's case. Each endpoint parses the request and calls one {@link CaseRecords} use case, which
 * checks access, writes the record and its case event and audits it in one transaction.
 */
@RestController
class LegalRecordsController {

    private final CaseRecords cases;

    LegalRecordsController(CaseRecords cases) {
        this.cases = cases;
    }

    /** {@code version}: of the case's holds as read, how many it has had (the length of GET /holds). */
    record PlaceHold(String reason, LocalDate placedOn, Integer version) {
    }

    /** {@code version}: of the case's holds as read, how many it has had (the length of GET /holds). */
    record LiftHold(String reason, LocalDate liftedOn, Integer version) {
    }

    /** {@code version}: of the case's stays as read, how many it has had (the length of GET /stays). */
    record RecordStay(LegalRecords.StayKind kind, @NotNull LocalDate from, LocalDate until, String reference,
            Integer version) {
    }

    /** {@code version}: the stay's, as read. */
    record LiftStay(LocalDate liftedOn, Integer version) {
    }

    record RecordProtection(ProtectionFacts.Kind kind, @NotNull LocalDate from, LocalDate until, String evidence) {
    }

    record EndProtection(LocalDate endedOn, String reason) {
    }

    record RecordDetermination(String subject, Determination.Meaning meaning, String reason, LocalDate recordedOn) {
    }

    record RecordDepartureDeadline(@NotNull LocalDate lastDay, DepartureDeadlineFacts.Source source,
            @NotNull LocalDate orderedOn, String reference) {
    }

    /** Places an attorney's legal hold: the case is not executable until it is lifted. A reason is required. */
    @Allow(Role.ATTORNEY)
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/cases/{aNumber}/holds")
    ResponseEntity<LegalRecords.Hold> placeHold(@PathVariable String aNumber, @RequestBody PlaceHold request) {
        LegalRecords.Hold hold = cases.placeHold(aNumber, request.version(), request.placedOn(),
                request.reason());
        return ResponseEntity.created(URI.create("/api/cases/" + aNumber + "/holds")).body(hold);
    }

    @Allow(Role.ATTORNEY)
    @PostMapping("/api/cases/{aNumber}/holds/lift")
    LegalRecords.Hold liftHold(@PathVariable String aNumber, @RequestBody LiftHold request) {
        return cases.liftHold(aNumber, request.version(), request.liftedOn(), request.reason());
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY})
    @GetMapping("/api/cases/{aNumber}/holds")
    List<LegalRecords.Hold> holds(@PathVariable String aNumber) {
        return cases.holds(aNumber);
    }

    /** Records a stay of removal granted outside the court record (I-246 administrative, or judicial). */
    @Allow({Role.ATTORNEY, Role.DIRECTOR})
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/cases/{aNumber}/stays")
    ResponseEntity<LegalRecords.Stay> recordStay(@PathVariable String aNumber, @RequestBody RecordStay request) {
        LegalRecords.Stay stay = cases.recordStay(aNumber, request.version(), request.kind(), request.from(),
                request.until(),
                request.reference());
        return ResponseEntity.created(URI.create("/api/stays/" + stay.id())).body(stay);
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY})
    @GetMapping("/api/cases/{aNumber}/stays")
    List<LegalRecords.Stay> stays(@PathVariable String aNumber) {
        return cases.stays(aNumber);
    }

    @Allow({Role.ATTORNEY, Role.DIRECTOR})
    @PostMapping("/api/stays/{id}/lift")
    LegalRecords.Stay liftStay(@PathVariable long id, @RequestBody LiftStay request) {
        return cases.liftStay(id, request.version(), request.liftedOn());
    }

    /**
     * Records a protection from removal EOIR does not record (TPS, deferred action, a U or T visa stay, a judicial
     * stay or a pending stay motion, an IJ or BIA stay, a criminal sentence), with its evidence. It blocks while in
     * force.
     */
    @Allow(Role.ATTORNEY)
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/cases/{aNumber}/protections")
    ResponseEntity<LegalRecords.Protection> recordProtection(@PathVariable String aNumber,
            @RequestBody RecordProtection request) {
        LegalRecords.Protection p = cases.recordProtection(aNumber, request.kind(), request.from(), request.until(),
                request.evidence());
        return ResponseEntity.created(URI.create("/api/cases/" + aNumber + "/protections")).body(p);
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY})
    @GetMapping("/api/cases/{aNumber}/protections")
    List<LegalRecords.Protection> protections(@PathVariable String aNumber) {
        return cases.protections(aNumber);
    }

    /** Ends a protection (it no longer applies from that day); a reason is required. A second end is a 409. */
    @Allow(Role.ATTORNEY)
    @PostMapping("/api/cases/{aNumber}/protections/{id}/end")
    LegalRecords.Protection endProtection(@PathVariable String aNumber, @PathVariable long id,
            @RequestBody EndProtection request) {
        return cases.endProtection(aNumber, id, request.endedOn(), request.reason());
    }

    /**
     * Records what an EOIR code or a filing the gate cannot read means for this case (an unknown code, a same-day
     * motion, a family filing recorded only on the lead). A fact the rules read, never an override.
     */
    @Allow(Role.ATTORNEY)
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/cases/{aNumber}/determinations")
    ResponseEntity<LegalRecords.AttorneyDetermination> recordDetermination(@PathVariable String aNumber,
            @RequestBody RecordDetermination request) {
        LegalRecords.AttorneyDetermination d = cases.recordDetermination(aNumber, request.subject(),
                request.meaning(), request.reason(), request.recordedOn());
        return ResponseEntity.created(URI.create("/api/cases/" + aNumber + "/determinations")).body(d);
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY})
    @GetMapping("/api/cases/{aNumber}/determinations")
    List<LegalRecords.AttorneyDetermination> determinations(@PathVariable String aNumber) {
        return cases.determinations(aNumber);
    }

    /** Records a voluntary-departure deadline from the order that set it (IJ order, BIA order, DHS extension). */
    @Allow(Role.ATTORNEY)
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/cases/{aNumber}/departure-deadlines")
    ResponseEntity<LegalRecords.DepartureDeadline> recordDepartureDeadline(@PathVariable String aNumber,
            @RequestBody RecordDepartureDeadline request) {
        LegalRecords.DepartureDeadline d = cases.recordDepartureDeadline(aNumber, request.lastDay(),
                request.source(), request.orderedOn(), request.reference());
        return ResponseEntity.created(URI.create("/api/cases/" + aNumber + "/departure-deadlines")).body(d);
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY})
    @GetMapping("/api/cases/{aNumber}/departure-deadlines")
    List<LegalRecords.DepartureDeadline> departureDeadlines(@PathVariable String aNumber) {
        return cases.departureDeadlines(aNumber);
    }
}
