package org.caseops.worksite;

import java.net.URI;
import java.util.List;
import org.caseops.access.Allow;
import org.caseops.access.Role;
import org.caseops.worksite.rules.FineCalculator;
import org.caseops.worksite.rules.PenaltySchedule;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Form I-9 inspections, their forms and notices, the fine calculator and the penalty schedules (docs/api.md). */
@RestController
class InspectionController {

    private final Inspections inspections;

    InspectionController(Inspections inspections) {
        this.inspections = inspections;
    }

    @Allow({Role.SUPERVISOR, Role.DIRECTOR})
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/inspections")
    ResponseEntity<Inspections.Detail> open(@RequestBody Inspections.NewInspection request) {
        Inspections.Detail opened = inspections.open(request);
        return ResponseEntity.created(URI.create("/api/inspections/" + opened.inspection().id())).body(opened);
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY, Role.AUDITOR})
    @GetMapping("/api/inspections")
    org.caseops.system.Paged<Inspections.Inspection> list(@RequestParam(required = false) String office,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        return org.caseops.system.Paged.of(inspections.list(office), page, size);
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY, Role.AUDITOR})
    @GetMapping("/api/inspections/{id}")
    Inspections.Detail get(@PathVariable long id) {
        return inspections.detail(id);
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY, Role.AUDITOR})
    @GetMapping("/api/inspections/{id}/events")
    List<WorksiteLog.Event> events(@PathVariable long id) {
        return inspections.events(id);
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR})
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/inspections/{id}/forms")
    ResponseEntity<Inspections.Detail> form(@PathVariable long id, @RequestBody Inspections.NewForm request) {
        return ResponseEntity.created(URI.create("/api/inspections/" + id)).body(inspections.recordForm(id, request));
    }

    @Allow({Role.SUPERVISOR, Role.DIRECTOR})
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/inspections/{id}/notices")
    ResponseEntity<Inspections.Detail> notice(@PathVariable long id, @RequestBody Inspections.NewNotice request) {
        return ResponseEntity.created(URI.create("/api/inspections/" + id))
                .body(inspections.serveNotice(id, request));
    }

    @Allow({Role.SUPERVISOR, Role.DIRECTOR})
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/inspections/{id}/corrections")
    ResponseEntity<Inspections.Detail> correction(@PathVariable long id,
            @RequestBody Inspections.NewCorrection request) {
        return ResponseEntity.created(URI.create("/api/inspections/" + id))
                .body(inspections.recordCorrection(id, request));
    }

    @Allow({Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY})
    @PostMapping("/api/inspections/{id}/outcome")
    Inspections.Detail outcome(@PathVariable long id, @RequestBody Inspections.Outcome request) {
        return inspections.outcome(id, request);
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY, Role.AUDITOR})
    @PostMapping("/api/fine-calculator")
    FineCalculator.Fine calculate(@RequestBody FineCalculator.Input input) {
        return inspections.preview(input);
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY, Role.AUDITOR})
    @GetMapping("/api/penalty-schedules")
    List<PenaltySchedule> schedules() {
        return inspections.schedules();
    }
}
