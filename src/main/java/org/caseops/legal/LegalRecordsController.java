package org.caseops.legal;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.caseops.access.Access;
import org.caseops.access.Allow;
import org.caseops.access.Role;
import org.caseops.docket.Docket;
import org.caseops.legal.rules.DepartureDeadlineFacts;
import org.caseops.legal.rules.Determination;
import org.caseops.legal.rules.ProtectionFacts;
import org.caseops.system.NotFound;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Legal holds, recorded stays, protections EOIR does not record, attorneys' determinations and voluntary-departure
 * deadlines on a person's case. Each change is audited beside its case event.
 */
@RestController
class LegalRecordsController {

    private final LegalRecords records;
    private final CaseRecords cases;
    private final Docket docket;
    private final Access access;

    LegalRecordsController(LegalRecords records, CaseRecords cases, Docket docket, Access access) {
        this.records = records;
        this.cases = cases;
        this.docket = docket;
        this.access = access;
    }

    record PlaceHold(String reason, LocalDate placedOn) {
    }

    record LiftHold(String reason, LocalDate liftedOn) {
    }

    record RecordStay(LegalRecords.StayKind kind, LocalDate from, LocalDate until, String reference) {
    }

    record LiftStay(LocalDate liftedOn) {
    }

    record RecordProtection(ProtectionFacts.Kind kind, LocalDate from, LocalDate until, String evidence) {
    }

    record EndProtection(LocalDate endedOn, String reason) {
    }

    record RecordDetermination(String subject, Determination.Meaning meaning, String reason, LocalDate recordedOn) {
    }

    record RecordDepartureDeadline(LocalDate lastDay, DepartureDeadlineFacts.Source source, LocalDate orderedOn,
            String reference) {
    }

    /** Places an attorney's legal hold: the case is not executable until it is lifted. A reason is required. */
    @Allow(Role.ATTORNEY)
    @PostMapping("/api/cases/{aNumber}/holds")
    @Transactional
    ResponseEntity<LegalRecords.Hold> placeHold(@PathVariable String aNumber, @RequestBody PlaceHold request) {
        Access.Subject subject = cases.changing(aNumber);
        LegalRecords.Hold hold = records.placeHold(CaseRecords.idncase(subject), orToday(request.placedOn()), request.reason(),
                actor());
        access.audit("LEGAL_HOLD_PLACED", subject, request.reason());
        return ResponseEntity.created(URI.create("/api/cases/" + aNumber + "/holds")).body(hold);
    }

    @Allow(Role.ATTORNEY)
    @PostMapping("/api/cases/{aNumber}/holds/lift")
    @Transactional
    LegalRecords.Hold liftHold(@PathVariable String aNumber, @RequestBody LiftHold request) {
        Access.Subject subject = cases.changing(aNumber);
        LegalRecords.Hold hold = records.liftHold(CaseRecords.idncase(subject), orToday(request.liftedOn()), request.reason(),
                actor());
        access.audit("LEGAL_HOLD_LIFTED", subject, request.reason());
        return hold;
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY})
    @GetMapping("/api/cases/{aNumber}/holds")
    List<LegalRecords.Hold> holds(@PathVariable String aNumber) {
        Access.Subject subject = cases.reading(aNumber, "HOLDS_READ");
        return records.holds(CaseRecords.idncase(subject));
    }

    /** Records a stay of removal granted outside the court record (I-246 administrative, or judicial). */
    @Allow({Role.ATTORNEY, Role.DIRECTOR})
    @PostMapping("/api/cases/{aNumber}/stays")
    @Transactional
    ResponseEntity<LegalRecords.Stay> recordStay(@PathVariable String aNumber, @RequestBody RecordStay request) {
        Access.Subject subject = cases.changing(aNumber);
        LegalRecords.Stay stay = records.recordStay(CaseRecords.idncase(subject), request.kind(), request.from(),
                request.until(), request.reference(), actor());
        access.audit("STAY_RECORDED", subject, stay.kind() + " stay " + stay.id());
        return ResponseEntity.created(URI.create("/api/stays/" + stay.id())).body(stay);
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY})
    @GetMapping("/api/cases/{aNumber}/stays")
    List<LegalRecords.Stay> stays(@PathVariable String aNumber) {
        Access.Subject subject = cases.reading(aNumber, "STAYS_READ");
        return records.staysOf(CaseRecords.idncase(subject));
    }

    @Allow({Role.ATTORNEY, Role.DIRECTOR})
    @PostMapping("/api/stays/{id}/lift")
    @Transactional
    LegalRecords.Stay liftStay(@PathVariable long id, @RequestBody LiftStay request) {
        LegalRecords.Stay stay = records.findStay(id).orElseThrow(() -> new NotFound("no stay " + id));
        Access.Subject subject = docket.caseSubject(stay.idncase()).orElseThrow();
        access.mayChange(subject, "no stay " + id);
        LegalRecords.Stay lifted = records.liftStay(id, orToday(request.liftedOn()), actor());
        access.audit("STAY_LIFTED", subject, "stay " + id);
        return lifted;
    }

    /**
     * Records a protection from removal EOIR does not record (TPS, deferred action, a U or T visa stay, a judicial
     * stay or a pending stay motion, an IJ or BIA stay, a criminal sentence), with its evidence. It blocks while in
     * force.
     */
    @Allow(Role.ATTORNEY)
    @PostMapping("/api/cases/{aNumber}/protections")
    @Transactional
    ResponseEntity<LegalRecords.Protection> recordProtection(@PathVariable String aNumber,
            @RequestBody RecordProtection request) {
        Access.Subject subject = cases.changing(aNumber);
        LegalRecords.Protection p = records.recordProtection(CaseRecords.idncase(subject), request.kind(), request.from(),
                request.until(), request.evidence(), actor());
        access.audit("PROTECTION_RECORDED", subject, p.kind() + " protection " + p.id() + ": " + p.evidence());
        return ResponseEntity.created(URI.create("/api/cases/" + aNumber + "/protections")).body(p);
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY})
    @GetMapping("/api/cases/{aNumber}/protections")
    List<LegalRecords.Protection> protections(@PathVariable String aNumber) {
        Access.Subject subject = cases.reading(aNumber, "PROTECTIONS_READ");
        return records.protections(CaseRecords.idncase(subject));
    }

    /** Ends a protection (it no longer applies from that day); a reason is required. A second end is a 409. */
    @Allow(Role.ATTORNEY)
    @PostMapping("/api/cases/{aNumber}/protections/{id}/end")
    @Transactional
    LegalRecords.Protection endProtection(@PathVariable String aNumber, @PathVariable long id,
            @RequestBody EndProtection request) {
        Access.Subject subject = cases.changing(aNumber);
        LegalRecords.Protection p = records.endProtection(CaseRecords.idncase(subject), id, orToday(request.endedOn()),
                request.reason(), actor());
        access.audit("PROTECTION_ENDED", subject, "protection " + id + ": " + request.reason());
        return p;
    }

    /**
     * Records what an EOIR code or a filing the gate cannot read means for this case (an unknown code, a same-day
     * motion, a family filing recorded only on the lead). A fact the rules read, never an override.
     */
    @Allow(Role.ATTORNEY)
    @PostMapping("/api/cases/{aNumber}/determinations")
    @Transactional
    ResponseEntity<LegalRecords.AttorneyDetermination> recordDetermination(@PathVariable String aNumber,
            @RequestBody RecordDetermination request) {
        Access.Subject subject = cases.changing(aNumber);
        LegalRecords.AttorneyDetermination d = records.recordDetermination(CaseRecords.idncase(subject), request.subject(),
                request.meaning(), request.reason(), orToday(request.recordedOn()), actor());
        access.audit("DETERMINATION_RECORDED", subject, d.subject() + " means " + d.meaning() + ": " + d.reason());
        return ResponseEntity.created(URI.create("/api/cases/" + aNumber + "/determinations")).body(d);
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY})
    @GetMapping("/api/cases/{aNumber}/determinations")
    List<LegalRecords.AttorneyDetermination> determinations(@PathVariable String aNumber) {
        Access.Subject subject = cases.reading(aNumber, "DETERMINATIONS_READ");
        return records.determinations(CaseRecords.idncase(subject));
    }

    /** Records a voluntary-departure deadline from the order that set it (IJ order, BIA order, DHS extension). */
    @Allow(Role.ATTORNEY)
    @PostMapping("/api/cases/{aNumber}/departure-deadlines")
    @Transactional
    ResponseEntity<LegalRecords.DepartureDeadline> recordDepartureDeadline(@PathVariable String aNumber,
            @RequestBody RecordDepartureDeadline request) {
        Access.Subject subject = cases.changing(aNumber);
        LegalRecords.DepartureDeadline d = records.recordDepartureDeadline(CaseRecords.idncase(subject), request.lastDay(),
                request.source(), request.orderedOn(), request.reference(), actor());
        access.audit("DEPARTURE_DEADLINE_RECORDED", subject, "until " + d.lastDay() + " (" + d.source() + ")");
        return ResponseEntity.created(URI.create("/api/cases/" + aNumber + "/departure-deadlines")).body(d);
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY})
    @GetMapping("/api/cases/{aNumber}/departure-deadlines")
    List<LegalRecords.DepartureDeadline> departureDeadlines(@PathVariable String aNumber) {
        Access.Subject subject = cases.reading(aNumber, "DEPARTURE_DEADLINES_READ");
        return records.departureDeadlines(CaseRecords.idncase(subject));
    }

    private String actor() {
        return access.actor().username();
    }

    private static LocalDate orToday(LocalDate date) {
        return date == null ? LocalDate.now() : date;
    }
}
