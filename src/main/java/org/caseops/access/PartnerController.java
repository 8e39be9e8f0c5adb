package org.caseops.access;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Partner agencies and their data-sharing agreements. Administrators record them; a field office director may
 * revoke an agreement for their own field office (the Chicago case: a city ends database access overnight).
 */
@RestController
class PartnerController {

    private final Partners partners;
    private final PartnerAdministration administration;

    PartnerController(Partners partners, PartnerAdministration administration) {
        this.partners = partners;
        this.administration = administration;
    }

    record NewAgency(String name, Partners.Kind kind, String jurisdiction) {
    }

    record Revocation(String reason) {
    }

    @Allow({Role.ADMIN, Role.DIRECTOR, Role.AUDITOR})
    @GetMapping("/api/partners")
    List<Partners.Agency> agencies() {
        return partners.agencies();
    }

    @Allow(Role.ADMIN)
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/partners")
    ResponseEntity<Partners.Agency> addAgency(@RequestBody NewAgency request) {
        Partners.Agency agency = administration.addAgency(request.name(), request.kind(), request.jurisdiction());
        return ResponseEntity.created(URI.create("/api/partners/" + agency.id())).body(agency);
    }

    @Allow({Role.ADMIN, Role.DIRECTOR, Role.AUDITOR})
    @GetMapping("/api/partners/{id}/agreements")
    List<Partners.Agreement> agreements(@PathVariable long id) {
        return partners.agreementsOf(id);
    }

    @Allow(Role.ADMIN)
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/partners/{id}/agreements")
    ResponseEntity<Partners.Agreement> addAgreement(@PathVariable long id,
            @RequestBody Partners.NewAgreement request) {
        Partners.Agreement agreement = administration.addAgreement(id, request);
        return ResponseEntity.created(URI.create("/api/agreements/" + agreement.id())).body(agreement);
    }

    /** Ends an agreement now: the partner's users are refused on their very next request. */
    @Allow({Role.ADMIN, Role.DIRECTOR})
    @PostMapping("/api/agreements/{id}/revoke")
    Partners.Agreement revoke(@PathVariable long id, @RequestBody Revocation request) {
        return administration.revoke(id, request.reason());
    }
}
