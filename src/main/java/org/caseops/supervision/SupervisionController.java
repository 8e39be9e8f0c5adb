package org.caseops.supervision;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.caseops.access.Allow;
import org.caseops.access.Role;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Orders of supervision and ATD: enrol, conditions and their reviews, check-ins, missed check-ins. */
@RestController
class SupervisionController {

    private final Supervisions supervisions;

    SupervisionController(Supervisions supervisions) {
        this.supervisions = supervisions;
    }

    record Enrol(Supervisions.Kind kind, String legalBasis, LocalDate startDate, Integer reportEveryDays,
            LocalDate firstReport, List<Supervisions.NewCondition> conditions) {
    }

    record AddCondition(Supervisions.ConditionKind kind, String detail, String legalBasis, LocalDate startDate,
            LocalDate reviewDue, Integer version) {
    }

    record Review(LocalDate on, Supervisions.ReviewOutcome outcome, String reason, LocalDate nextReview,
            Integer version) {
    }

    record CheckIn(LocalDate on, Supervisions.Method method, Integer version) {
    }

    record MissedRun(String fieldOffice, LocalDate asOf) {
    }

    record End(LocalDate on, Supervisions.EndReason reason, String detail, LocalDate devicesReturnedOn,
            Integer version) {
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR})
    @PostMapping("/api/people/{aNumber}/supervisions")
    ResponseEntity<Supervisions.Supervision> enrol(@PathVariable String aNumber, @RequestBody Enrol r) {
        Supervisions.Supervision s = supervisions.enrol(aNumber, r.kind(), r.legalBasis(), r.startDate(),
                r.reportEveryDays(), r.firstReport(), r.conditions());
        return ResponseEntity.created(URI.create("/api/supervisions/" + s.id())).body(s);
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY})
    @GetMapping("/api/supervisions/{id}")
    Supervisions.Supervision read(@PathVariable long id) {
        return supervisions.read(id);
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR})
    @PostMapping("/api/supervisions/{id}/conditions")
    Supervisions.Supervision addCondition(@PathVariable long id, @RequestBody AddCondition r) {
        return supervisions.addCondition(id, new Supervisions.NewCondition(r.kind(), r.detail(), r.legalBasis(),
                r.startDate(), r.reviewDue()), r.version());
    }

    /** A review of a condition: continue (with the next review), step down or end. */
    @Allow({Role.SUPERVISOR, Role.DIRECTOR})
    @PostMapping("/api/supervisions/{id}/conditions/{conditionId}/reviews")
    Supervisions.Supervision review(@PathVariable long id, @PathVariable long conditionId, @RequestBody Review r) {
        return supervisions.review(id, conditionId, r.on(), r.outcome(), r.reason(), r.nextReview(), r.version());
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR})
    @PostMapping("/api/supervisions/{id}/check-ins")
    Supervisions.Supervision checkIn(@PathVariable long id, @RequestBody CheckIn r) {
        return supervisions.checkIn(id, r.on(), r.method(), r.version());
    }

    /** Ends the supervision with its reason; its conditions end, devices recorded as returned or to recover. */
    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR})
    @PostMapping("/api/supervisions/{id}/end")
    Supervisions.Supervision end(@PathVariable long id, @RequestBody End r) {
        return supervisions.end(id, r.on(), r.reason(), r.detail(), r.devicesReturnedOn(), r.version());
    }

    /** Records the field office's missed check-ins as of a date: one follow-up task per missed report. */
    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR})
    @PostMapping("/api/supervisions/missed-check-ins")
    List<Supervisions.Missed> missed(@RequestBody MissedRun r) {
        return supervisions.recordMissed(r.fieldOffice(), r.asOf());
    }
}
