package org.caseops.legal;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.caseops.access.Access;
import org.caseops.access.Allow;
import org.caseops.access.PartnerScope;
import org.caseops.access.Role;
import org.caseops.docket.Docket;
import org.caseops.system.NotFound;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Legal holds and recorded stays on a person's case. */
@RestController
class LegalRecordsController {

    private final LegalRecords records;
    private final Docket docket;
    private final Access access;

    LegalRecordsController(LegalRecords records, Docket docket, Access access) {
        this.records = records;
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

    /** Places an attorney's legal hold: the case is not executable until it is lifted. A reason is required. */
    @Allow(Role.ATTORNEY)
    @PostMapping("/api/cases/{aNumber}/holds")
    @Transactional
    ResponseEntity<LegalRecords.Hold> placeHold(@PathVariable String aNumber, @RequestBody PlaceHold request) {
        Access.Subject subject = changing(aNumber);
        LegalRecords.Hold hold = records.placeHold(idncase(subject), orToday(request.placedOn()), request.reason(),
                actor());
        access.audit("LEGAL_HOLD_PLACED", subject, request.reason());
        return ResponseEntity.created(URI.create("/api/cases/" + aNumber + "/holds")).body(hold);
    }

    @Allow(Role.ATTORNEY)
    @PostMapping("/api/cases/{aNumber}/holds/lift")
    @Transactional
    LegalRecords.Hold liftHold(@PathVariable String aNumber, @RequestBody LiftHold request) {
        Access.Subject subject = changing(aNumber);
        LegalRecords.Hold hold = records.liftHold(idncase(subject), orToday(request.liftedOn()), request.reason(),
                actor());
        access.audit("LEGAL_HOLD_LIFTED", subject, request.reason());
        return hold;
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY})
    @GetMapping("/api/cases/{aNumber}/holds")
    List<LegalRecords.Hold> holds(@PathVariable String aNumber) {
        Access.Subject subject = reading(aNumber, "HOLDS_READ");
        return records.holds(idncase(subject));
    }

    /** Records a stay of removal granted outside the court record (I-246 administrative, or judicial). */
    @Allow({Role.ATTORNEY, Role.DIRECTOR})
    @PostMapping("/api/cases/{aNumber}/stays")
    @Transactional
    ResponseEntity<LegalRecords.Stay> recordStay(@PathVariable String aNumber, @RequestBody RecordStay request) {
        Access.Subject subject = changing(aNumber);
        LegalRecords.Stay stay = records.recordStay(idncase(subject), request.kind(), request.from(),
                request.until(), request.reference(), actor());
        access.audit("STAY_RECORDED", subject, stay.kind() + " stay " + stay.id());
        return ResponseEntity.created(URI.create("/api/stays/" + stay.id())).body(stay);
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY})
    @GetMapping("/api/cases/{aNumber}/stays")
    List<LegalRecords.Stay> stays(@PathVariable String aNumber) {
        Access.Subject subject = reading(aNumber, "STAYS_READ");
        return records.staysOf(idncase(subject));
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

    /** The person's case as the subject of a change, after checking the actor may change it. */
    private Access.Subject changing(String aNumber) {
        Access.Subject subject = caseOf(aNumber);
        access.mayChange(subject, noCase(aNumber));
        return subject;
    }

    private Access.Subject reading(String aNumber, String action) {
        Access.Subject subject = caseOf(aNumber);
        // a case the caller may not see answers as one that does not exist (issue 13)
        access.read(action, subject, PartnerScope.CASE_STATUS, noCase(aNumber));
        return subject;
    }

    private Access.Subject caseOf(String aNumber) {
        long idncase = docket.caseOf(Docket.aNumber(aNumber)).orElseThrow(() -> new NotFound(noCase(aNumber)));
        return docket.caseSubject(idncase).orElseThrow(() -> new NotFound(noCase(aNumber)));
    }

    private static String noCase(String aNumber) {
        return "no case for A-number " + Docket.aNumber(aNumber);
    }

    private static long idncase(Access.Subject caseSubject) {
        return Long.parseLong(caseSubject.id());
    }

    private String actor() {
        return access.actor().username();
    }

    private static LocalDate orToday(LocalDate date) {
        return date == null ? LocalDate.now() : date;
    }
}
