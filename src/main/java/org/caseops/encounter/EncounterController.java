package org.caseops.encounter;

import java.net.URI;
import java.util.List;
import org.caseops.access.Access;
import org.caseops.access.Allow;
import org.caseops.access.PartnerScope;
import org.caseops.access.Role;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** What happened at the door: one visit's encounters, each person met; closing an adult's encounter. */
@RestController
class EncounterController {

    private final Encounters encounters;
    private final Access access;

    EncounterController(Encounters encounters, Access access) {
        this.encounters = encounters;
        this.access = access;
    }

    /**
     * Records a visit: an encounter per person met, the screenings, the tasks, and the custody of those arrested.
     * With an {@code Idempotency-Key} header the visit is recorded once: the same key again answers as the first time
     * ({@code Idempotent-Replayed: true}) and records nothing.
     */
    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR})
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/encounters")
    ResponseEntity<List<Encounters.Recorded>> record(@RequestBody Encounters.Visit visit,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        Encounters.Answer answer = encounters.record(visit, key);
        List<Encounters.Recorded> recorded = answer.recorded();
        return ResponseEntity.created(URI.create("/api/encounters/" + recorded.get(0).encounterId()))
                .header("Idempotent-Replayed", String.valueOf(answer.replayed())).body(recorded);
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY})
    @GetMapping("/api/encounters/{id}")
    Encounters.Detail read(@PathVariable long id) {
        Encounters.Detail detail = encounters.detail(id);
        access.read("ENCOUNTER_READ", new Access.Subject("ENCOUNTER", String.valueOf(id), detail.fieldOffice()),
                PartnerScope.PERSON_RECORD);
        return detail;
    }

    /** Closes an adult's encounter; refused (409) until the parental and humanitarian screening is recorded. */
    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR})
    @PostMapping("/api/encounters/{id}/close")
    Encounters.Detail close(@PathVariable long id, @RequestBody(required = false) Encounters.Screening screening) {
        Encounters.Detail detail = encounters.detail(id);
        access.mayChange(new Access.Subject("ENCOUNTER", String.valueOf(id), detail.fieldOffice()));
        encounters.close(id, screening);
        return encounters.detail(id);
    }
}
