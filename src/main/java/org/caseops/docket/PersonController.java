package org.caseops.docket;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.LocalDate;
import java.util.List;
import org.caseops.access.Allow;
import org.caseops.access.Role;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A person's record and timeline; who may read which timeline events is {@link PersonRecords}' rule. */
@RestController
@RequestMapping("/api/people")
@Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY, Role.PARTNER})
class PersonController {

    private final PersonRecords records;

    PersonController(PersonRecords records) {
        this.records = records;
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
        PersonRecords.PersonRecord record = records.person(aNumber, asOf);
        return new PersonView(record.person(), record.courtRecordBirth());
    }

    /** Everything that happened to the person and their case that the caller may read, oldest first. */
    @GetMapping("/{aNumber}/timeline")
    List<DocketViews.Event> timeline(@PathVariable String aNumber) {
        return records.timeline(aNumber);
    }
}
