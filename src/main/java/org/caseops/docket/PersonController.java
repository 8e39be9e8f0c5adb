package org.caseops.docket;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.LocalDate;
import java.util.List;
import org.caseops.access.Access;
import org.caseops.access.Allow;
import org.caseops.access.PartnerScope;
import org.caseops.access.Role;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@RequestMapping("/api/people")
@Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY, Role.PARTNER})
class PersonController {

    private final Docket docket;
    private final Access access;
    private final CourtRecordBirths births;

    PersonController(Docket docket, Access access, CourtRecordBirths births) {
        this.docket = docket;
        this.access = access;
        this.births = births;
    }

    /**
     * A person, and the birth date their case's court record gives ({@code null} when it gives none).
     */
    record PersonView(@JsonUnwrapped DocketViews.Person person, DocketViews.CourtRecordBirth courtRecordBirth) {
    }

    /** A person by A-number, with their case and ages as of {@code asOf} (default today). */
    @GetMapping("/{aNumber}")
    PersonView person(@PathVariable String aNumber,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        String a = Docket.aNumber(aNumber);
        access.read("PERSON_READ", docket.personSubject(a).orElseThrow(() -> notFound(aNumber)),
                PartnerScope.PERSON_RECORD);
        LocalDate day = asOf == null ? LocalDate.now() : asOf;
        DocketViews.Person person = docket.person(a, day).orElseThrow(() -> notFound(aNumber));
        return new PersonView(person, births.view(person, day).orElse(null));
    }

    /** Everything that happened to the person and their case, oldest first. */
    @GetMapping("/{aNumber}/timeline")
    List<DocketViews.Event> timeline(@PathVariable String aNumber) {
        String a = Docket.aNumber(aNumber);
        access.read("TIMELINE_READ", docket.personSubject(a).orElseThrow(() -> notFound(aNumber)),
                PartnerScope.PERSON_RECORD);
        DocketViews.Person person = docket.person(a, LocalDate.now()).orElseThrow(() -> notFound(aNumber));
        return docket.timeline(person.id(), person.removalCase() == null ? null : person.removalCase().idncase());
    }

    private static ResponseStatusException notFound(String aNumber) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no person with A-number " + aNumber);
    }
}
