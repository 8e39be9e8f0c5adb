package org.caseops.docket;

import java.time.LocalDate;
import java.util.Optional;
import org.caseops.access.Access;
import org.caseops.access.PartnerScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's record as the API reads it ({@code GET /api/people/{a}}): one transaction on one connection — the read,
 * the access check and the audit entry ({@link Access#read}) — so that the entry commits with the read it records,
 * or neither does. The read is one query (person, access subject, court record birth); nothing leaves before the
 * check has passed and the entry is written.
 */
@Service
class PersonReads {

    private final Docket docket;
    private final Access access;

    PersonReads(Docket docket, Access access) {
        this.docket = docket;
        this.access = access;
    }

    /** Empty when nobody has that A-number; a person the actor may not see answers the same (a 404). */
    @Transactional
    Optional<PersonController.PersonView> read(String aNumber, LocalDate asOf) {
        Optional<Docket.PersonRecord> found = docket.personRecord(aNumber, asOf);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Docket.PersonRecord record = found.get();
        access.read("PERSON_READ", record.subject(), PartnerScope.PERSON_RECORD);
        return Optional.of(new PersonController.PersonView(record.person(), record.courtRecordBirth() == null ? null
                : DocketViews.CourtRecordBirth.of(record.courtRecordBirth(), asOf)));
    }
}
