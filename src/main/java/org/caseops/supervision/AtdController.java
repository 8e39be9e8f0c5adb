package org.caseops.supervision;

import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.caseops.access.Allow;
import org.caseops.access.Role;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** ATD compliance (docs/supervision.md): rule sets, the contract's events, evaluations and the alerts' triage queue. */
@RestController
class AtdController {

    private final AtdCompliance compliance;
    private final Devices devices;
    private final LevelReviews reviews;

    AtdController(AtdCompliance compliance, Devices devices, LevelReviews reviews) {
        this.compliance = compliance;
        this.devices = devices;
        this.reviews = reviews;
    }

    record DeviceChange(Devices.Action action, Devices.Technology technology, @Size(max = 64) String serial,
            LocalDate on, @Size(max = 2000) String reason, Integer version) {
    }

    record LevelDecision(Integer period, LocalDate on, LevelReviews.Decision decision,
            @Size(max = 2000) String reason) {
    }

    record Draft(@Size(max = 2000) String note, List<AtdCompliance.Rule> rules) {
    }

    record Publish(LocalDate effectiveFrom) {
    }

    record NewEvent(AtdCompliance.EventKind kind, Instant occurredAt, @Size(max = 2000) String detail) {
    }

    record Evaluate(@Size(max = 10) String fieldOffice, LocalDate asOf) {
    }

    record Close(@Size(max = 2000) String resolution, Integer version) {
    }

    @Allow(Role.DIRECTOR)
    @PostMapping("/api/atd/rule-sets")
    ResponseEntity<AtdCompliance.RuleSet> draft(@RequestBody Draft d) {
        AtdCompliance.RuleSet set = compliance.draft(d.note(), d.rules());
        return ResponseEntity.created(URI.create("/api/atd/rule-sets/" + set.version())).body(set);
    }

    @Allow(Role.DIRECTOR)
    @PostMapping("/api/atd/rule-sets/{version}/publish")
    AtdCompliance.RuleSet publish(@PathVariable int version, @RequestBody Publish p) {
        return compliance.publish(version, p.effectiveFrom());
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY, Role.AUDITOR})
    @GetMapping("/api/atd/rule-sets")
    List<AtdCompliance.RuleSet> ruleSets() {
        return compliance.ruleSets();
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR})
    @PostMapping("/api/supervisions/{id}/atd-events")
    ResponseEntity<Map<String, Long>> event(@PathVariable long id, @RequestBody NewEvent e) {
        long event = compliance.record(id, e.kind(), e.occurredAt(), e.detail());
        return ResponseEntity.status(201).body(Map.of("id", event));
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR})
    @PostMapping("/api/atd/evaluations")
    AtdCompliance.Evaluated evaluate(@RequestBody Evaluate e) {
        return compliance.evaluate(e.fieldOffice(), e.asOf());
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR})
    @GetMapping("/api/atd/alerts")
    org.caseops.system.Paged<AtdCompliance.Alert> alerts(@RequestParam(required = false) String fieldOffice,
            @RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return compliance.alerts(fieldOffice, status, page, size);
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR})
    @PostMapping("/api/atd/alerts/{id}/close")
    AtdCompliance.Alert close(@PathVariable long id, @RequestBody Close c) {
        return compliance.close(id, c.resolution(), c.version());
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY})
    @GetMapping("/api/supervisions/{id}/devices")
    List<Devices.Device> devices(@PathVariable long id) {
        return devices.read(id);
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR})
    @PostMapping("/api/supervisions/{id}/devices")
    ResponseEntity<List<Devices.Device>> device(@PathVariable long id, @RequestBody DeviceChange d) {
        return ResponseEntity.status(201).body(devices.record(id, d.action(), d.technology(), d.serial(), d.on(),
                d.reason(), d.version()));
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR})
    @GetMapping("/api/atd/level-reviews")
    org.caseops.system.Paged<LevelReviews.Due> levelReviewsDue(@RequestParam(required = false) String fieldOffice,
            @RequestParam(required = false) LocalDate asOf, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        org.caseops.system.Paged.check(page, size);
        return org.caseops.system.Paged.of(reviews.due(fieldOffice, asOf), page, size);
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR})
    @PostMapping("/api/supervisions/{id}/level-reviews")
    ResponseEntity<LevelReviews.Review> levelReview(@PathVariable long id, @RequestBody LevelDecision d) {
        return ResponseEntity.status(201).body(reviews.decide(id, d.period(), d.on(), d.decision(), d.reason()));
    }
}
