package org.caseops.worksite;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Worksite nominations, the quota policy and the offices below it (docs/worksite.md, docs/api.md). */
@RestController
class NominationController {

    private final Nominations nominations;

    NominationController(Nominations nominations) {
        this.nominations = nominations;
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY, Role.AUDITOR, Role.ADMIN})
    @GetMapping("/api/nomination-policies")
    List<Nominations.Policy> policies() {
        return nominations.policies();
    }

    @Allow(Role.ADMIN)
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/nomination-policies")
    ResponseEntity<Nominations.Policy> addPolicy(@RequestBody Nominations.NewPolicy request) {
        Nominations.Policy policy = nominations.addPolicy(request);
        return ResponseEntity.created(URI.create("/api/nomination-policies")).body(policy);
    }

    @Allow({Role.SUPERVISOR, Role.DIRECTOR})
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/nominations")
    ResponseEntity<Nominations.Nomination> nominate(@RequestBody Nominations.NewNomination request) {
        Nominations.Nomination created = nominations.nominate(request);
        return ResponseEntity.created(URI.create("/api/nominations/" + created.id())).body(created);
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY, Role.AUDITOR})
    @GetMapping("/api/nominations")
    org.caseops.system.Paged<Nominations.Nomination> list(@RequestParam(required = false) String office,
            @RequestParam(required = false) LocalDate period, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        return org.caseops.system.Paged.of(nominations.list(office, period), page, size);
    }

    @Allow({Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY, Role.AUDITOR})
    @GetMapping("/api/nominations/quota")
    List<Nominations.OfficeQuota> quota(@RequestParam(required = false) LocalDate asOf,
            @RequestParam(defaultValue = "true") boolean belowOnly) {
        return nominations.quota(asOf, belowOnly);
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY, Role.AUDITOR})
    @GetMapping("/api/nominations/{id}")
    Nominations.Nomination get(@PathVariable long id) {
        return nominations.visible(id);
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY, Role.AUDITOR})
    @GetMapping("/api/nominations/{id}/events")
    List<WorksiteLog.Event> events(@PathVariable long id) {
        return nominations.events(id);
    }

    record Decision(String note, Integer version) {
    }

    @Allow(Role.DIRECTOR)
    @PostMapping("/api/nominations/{id}/approve")
    Nominations.Nomination approve(@PathVariable long id, @RequestBody(required = false) Decision d) {
        return nominations.decide(id, Nominations.Status.APPROVED, d == null ? null : d.note(),
                d == null ? null : d.version());
    }

    @Allow(Role.DIRECTOR)
    @PostMapping("/api/nominations/{id}/decline")
    Nominations.Nomination decline(@PathVariable long id, @RequestBody(required = false) Decision d) {
        return nominations.decide(id, Nominations.Status.DECLINED, d == null ? null : d.note(),
                d == null ? null : d.version());
    }

    @Allow({Role.SUPERVISOR, Role.DIRECTOR})
    @PostMapping("/api/nominations/{id}/withdraw")
    Nominations.Nomination withdraw(@PathVariable long id, @RequestBody(required = false) Decision d) {
        return nominations.decide(id, Nominations.Status.WITHDRAWN, d == null ? null : d.note(),
                d == null ? null : d.version());
    }
}
