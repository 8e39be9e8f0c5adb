package org.caseops.legal;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.caseops.docket.Docket;
import org.caseops.system.NotFound;
import org.springframework.http.ResponseEntity;
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

    LegalRecordsController(LegalRecords records, Docket docket) {
        this.records = records;
        this.docket = docket;
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
    @PostMapping("/api/cases/{aNumber}/holds")
    ResponseEntity<LegalRecords.Hold> placeHold(@PathVariable String aNumber, @RequestBody PlaceHold request) {
        long idncase = caseOf(aNumber);
        LegalRecords.Hold hold = records.placeHold(idncase, orToday(request.placedOn()), request.reason(), "api");
        return ResponseEntity.created(URI.create("/api/cases/" + aNumber + "/holds")).body(hold);
    }

    @PostMapping("/api/cases/{aNumber}/holds/lift")
    LegalRecords.Hold liftHold(@PathVariable String aNumber, @RequestBody LiftHold request) {
        return records.liftHold(caseOf(aNumber), orToday(request.liftedOn()), request.reason(), "api");
    }

    @GetMapping("/api/cases/{aNumber}/holds")
    List<LegalRecords.Hold> holds(@PathVariable String aNumber) {
        return records.holds(caseOf(aNumber));
    }

    /** Records a stay of removal granted outside the court record (I-246 administrative, or judicial). */
    @PostMapping("/api/cases/{aNumber}/stays")
    ResponseEntity<LegalRecords.Stay> recordStay(@PathVariable String aNumber, @RequestBody RecordStay request) {
        LegalRecords.Stay stay = records.recordStay(caseOf(aNumber), request.kind(), request.from(), request.until(),
                request.reference(), "api");
        return ResponseEntity.created(URI.create("/api/stays/" + stay.id())).body(stay);
    }

    @GetMapping("/api/cases/{aNumber}/stays")
    List<LegalRecords.Stay> stays(@PathVariable String aNumber) {
        return records.staysOf(caseOf(aNumber));
    }

    @PostMapping("/api/stays/{id}/lift")
    LegalRecords.Stay liftStay(@PathVariable long id, @RequestBody LiftStay request) {
        return records.liftStay(id, orToday(request.liftedOn()), "api");
    }

    private long caseOf(String aNumber) {
        return docket.caseOf(Docket.aNumber(aNumber)).orElseThrow(() -> new NotFound("no case for A-number " + aNumber));
    }

    private static LocalDate orToday(LocalDate date) {
        return date == null ? LocalDate.now() : date;
    }
}
