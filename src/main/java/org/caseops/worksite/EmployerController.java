package org.caseops.worksite;

import java.net.URI;
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

/** Employers, their sites and their history (docs/worksite.md, docs/api.md). */
@RestController
class EmployerController {

    private final Employers employers;

    EmployerController(Employers employers) {
        this.employers = employers;
    }

    @Allow({Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY})
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/employers")
    ResponseEntity<Employers.Detail> create(@RequestBody Employers.NewEmployer request) {
        Employers.Detail created = employers.create(request);
        return ResponseEntity.created(URI.create("/api/employers/" + created.employer().id())).body(created);
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY, Role.AUDITOR})
    @GetMapping("/api/employers")
    org.caseops.system.Paged<Employers.Employer> list(@RequestParam(required = false) String office,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        return org.caseops.system.Paged.of(employers.visible(office), page, size);
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY, Role.AUDITOR})
    @GetMapping("/api/employers/{id}")
    Employers.Detail get(@PathVariable long id) {
        return employers.detail(id);
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY, Role.AUDITOR})
    @GetMapping("/api/employers/{id}/events")
    List<WorksiteLog.Event> events(@PathVariable long id) {
        return employers.events(id);
    }

    record SiteRequest(String name, String address, String city, String state, String fieldOffice, Integer workers,
            Integer version) {
    }

    @Allow({Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY})
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/employers/{id}/sites")
    ResponseEntity<Employers.Site> addSite(@PathVariable long id, @RequestBody SiteRequest r) {
        Employers.Site site = employers.addSite(id, new Employers.NewSite(r.name(), r.address(), r.city(), r.state(),
                r.fieldOffice(), r.workers()), r.version());
        return ResponseEntity.created(URI.create("/api/employers/" + id)).body(site);
    }

    @Allow({Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY})
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/employers/{id}/history")
    ResponseEntity<Employers.HistoryEntry> addHistory(@PathVariable long id,
            @RequestBody Employers.NewHistory request) {
        return ResponseEntity.created(URI.create("/api/employers/" + id)).body(employers.addHistory(id, request));
    }
}
