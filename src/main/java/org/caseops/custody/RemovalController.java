package org.caseops.custody;

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

/** A family's removal: travel documents, itinerary, departure verified, or cancelled. */
@RestController
class RemovalController {

    private final Removals removals;

    RemovalController(Removals removals) {
        this.removals = removals;
    }

    record Request(String country, String consulate, @NotNull LocalDate requestedOn, List<Long> accompanying) {
    }

    record Document(@NotNull Long personId, @NotNull Removals.DocumentStatus status, @NotNull LocalDate on,
            String reference, Integer version) {
    }

    record Itinerary(@NotNull Removals.Mode mode, @NotNull LocalDate date, String port, String reference,
            @NotNull Integer version) {
    }

    record Departure(@NotNull LocalDate departedOn, String port, String escort, @NotNull Integer version) {
    }

    record Cancel(String reason, Integer version) {
    }

    @Allow({Role.SUPERVISOR, Role.DIRECTOR})
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/families/{familyId}/removals")
    ResponseEntity<Removals.Removal> request(@PathVariable long familyId, @RequestBody Request r) {
        Removals.Removal removal = removals.request(familyId, r.country(), r.consulate(), r.requestedOn(),
                r.accompanying());
        return ResponseEntity.created(URI.create("/api/families/" + familyId + "/removals")).body(removal);
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY})
    @GetMapping("/api/families/{familyId}/removals")
    List<Removals.Removal> ofFamily(@PathVariable long familyId) {
        return removals.ofFamily(familyId);
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR})
    @PostMapping("/api/families/{familyId}/removals/{id}/travel-documents")
    Removals.Removal document(@PathVariable long familyId, @PathVariable long id, @RequestBody Document r) {
        return removals.document(familyId, id, r.personId(), r.status(), r.on(), r.reference(), r.version());
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR})
    @PostMapping("/api/families/{familyId}/removals/{id}/itinerary")
    Removals.Removal itinerary(@PathVariable long familyId, @PathVariable long id, @RequestBody Itinerary r) {
        return removals.itinerary(familyId, id, r.mode(), r.date(), r.port(), r.reference(), r.version());
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR})
    @PostMapping("/api/families/{familyId}/removals/{id}/departure")
    Removals.Removal depart(@PathVariable long familyId, @PathVariable long id, @RequestBody Departure r) {
        return removals.depart(familyId, id, r.departedOn(), r.port(), r.escort(), r.version());
    }

    @Allow({Role.SUPERVISOR, Role.DIRECTOR})
    @PostMapping("/api/families/{familyId}/removals/{id}/cancel")
    Removals.Removal cancel(@PathVariable long familyId, @PathVariable long id, @RequestBody Cancel r) {
        return removals.cancel(familyId, id, r.reason(), r.version());
    }
}
