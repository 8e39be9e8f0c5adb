package org.caseops.supervision;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.caseops.access.Allow;
import org.caseops.access.Role;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Orders of supervision and ATD: enrol, conditions and their reviews, check-ins, missed check-ins. */
@RestController
class SupervisionController {

    private final Supervisions supervisions;

    SupervisionController(Supervisions supervisions) {
        this.supervisions = supervisions;
    }

    record Enrol(@NotNull Supervisions.Kind kind, String legalBasis, @NotNull LocalDate startDate,
            @NotNull Integer reportEveryDays, @NotNull LocalDate firstReport,
            List<Supervisions.NewCondition> conditions) {
    }

    record AddCondition(Supervisions.ConditionKind kind, String detail, String legalBasis, LocalDate startDate,
            LocalDate reviewDue, Integer version) {
    }

    record Review(@NotNull LocalDate on, @NotNull Supervisions.ReviewOutcome outcome, String reason,
            LocalDate nextReview, @NotNull Integer version) {
    }

    record CheckIn(@NotNull LocalDate on, @NotNull Supervisions.Method method, @NotNull Integer version) {
    }

    record MissedRun(@NotBlank String fieldOffice, @NotNull LocalDate asOf) {
    }

    record End(@NotNull LocalDate on, @NotNull Supervisions.EndReason reason, String detail,
            LocalDate devicesReturnedOn, @NotNull Integer version) {
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR})
    @ResponseStatus(HttpStatus.CREATED)
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
