package org.caseops.access;

import org.caseops.system.Forbidden;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The use cases of partner agencies and their data-sharing agreements, each one transaction that makes the change
 * and writes its audit entry. A field office director revokes agreements of their own field office only.
 */
@Service
public class PartnerAdministration {

    private final Partners partners;
    private final Access access;

    PartnerAdministration(Partners partners, Access access) {
        this.partners = partners;
        this.access = access;
    }

    @Transactional
    public Partners.Agency addAgency(String name, Partners.Kind kind, String jurisdiction) {
        Partners.Agency agency = partners.addAgency(name, kind, jurisdiction);
        access.audit("PARTNER_ADDED", new Access.Subject("PARTNER", String.valueOf(agency.id()), null),
                agency.name());
        return agency;
    }

    @Transactional
    public Partners.Agreement addAgreement(long partnerId, Partners.NewAgreement terms) {
        Partners.Agreement agreement = partners.addAgreement(partnerId, terms, access.actor().username());
        access.audit("AGREEMENT_ADDED", new Access.Subject("AGREEMENT", String.valueOf(agreement.id()),
                agreement.fieldOffice()), "partner " + partnerId + " scopes " + agreement.scopes());
        return agreement;
    }

    /** Ends an agreement now: the partner's users are refused on their very next request. */
    @Transactional
    public Partners.Agreement revoke(long id, String reason) {
        Partners.Agreement agreement = partners.agreement(id);
        Actor actor = access.actor();
        if (actor.is(Role.DIRECTOR) && !agreement.fieldOffice().equals(actor.fieldOffice())) {
            throw new Forbidden("a director revokes agreements of their own field office only");
        }
        Partners.Agreement revoked = partners.revoke(id, reason, actor.username());
        access.audit("AGREEMENT_REVOKED", new Access.Subject("AGREEMENT", String.valueOf(id),
                agreement.fieldOffice()), reason);
        return revoked;
    }
}
