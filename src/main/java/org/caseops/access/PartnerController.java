package org.caseops.access;

import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Partner agencies and their data-sharing agreements. Administrators record them; a field office director may
 * revoke an agreement for their own field office (the Chicago case: a city ends database access overnight).
 */
@RestController
class PartnerController {

    private final Partners partners;
    private final Access access;

    PartnerController(Partners partners, Access access) {
        this.partners = partners;
        this.access = access;
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
    @PostMapping("/api/partners")
    @Transactional
    ResponseEntity<Partners.Agency> addAgency(@RequestBody NewAgency request) {
        Partners.Agency agency = partners.addAgency(request.name(), request.kind(), request.jurisdiction());
        access.audit("PARTNER_ADDED", new Access.Subject("PARTNER", String.valueOf(agency.id()), null),
                agency.name());
        return ResponseEntity.created(URI.create("/api/partners/" + agency.id())).body(agency);
    }

    @Allow({Role.ADMIN, Role.DIRECTOR, Role.AUDITOR})
    @GetMapping("/api/partners/{id}/agreements")
    List<Partners.Agreement> agreements(@PathVariable long id) {
        return partners.agreementsOf(id);
    }

    @Allow(Role.ADMIN)
    @PostMapping("/api/partners/{id}/agreements")
    @Transactional
    ResponseEntity<Partners.Agreement> addAgreement(@PathVariable long id,
            @RequestBody Partners.NewAgreement request) {
        Partners.Agreement agreement = partners.addAgreement(id, request, access.actor().username());
        access.audit("AGREEMENT_ADDED", new Access.Subject("AGREEMENT", String.valueOf(agreement.id()),
                agreement.fieldOffice()), "partner " + id + " scopes " + agreement.scopes());
        return ResponseEntity.created(URI.create("/api/agreements/" + agreement.id())).body(agreement);
    }

    /** Ends an agreement now: the partner's users are refused on their very next request. */
    @Allow({Role.ADMIN, Role.DIRECTOR})
    @PostMapping("/api/agreements/{id}/revoke")
    @Transactional
    Partners.Agreement revoke(@PathVariable long id, @RequestBody Revocation request) {
        Partners.Agreement agreement = partners.agreement(id);
        Actor actor = access.actor();
        if (actor.is(Role.DIRECTOR) && !agreement.fieldOffice().equals(actor.fieldOffice())) {
            throw new org.caseops.system.Forbidden("a director revokes agreements of their own field office only");
        }
        Partners.Agreement revoked = partners.revoke(id, request.reason(), actor.username());
        access.audit("AGREEMENT_REVOKED", new Access.Subject("AGREEMENT", String.valueOf(id),
                agreement.fieldOffice()), request.reason());
        return revoked;
    }
}
