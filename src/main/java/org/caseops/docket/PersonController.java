package org.caseops.docket;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.LocalDate;
import java.util.List;
import org.caseops.access.Allow;
import org.caseops.access.Role;
import org.caseops.access.WorkingDate;
import org.caseops.system.NotFound;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/people")
@Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY, Role.PARTNER})
class PersonController {

    private final PersonReads people;
    private final PersonTimeline timeline;
    private final WorkingDate workingDate;

    PersonController(PersonReads people, PersonTimeline timeline, WorkingDate workingDate) {
        this.people = people;
        this.timeline = timeline;
        this.workingDate = workingDate;
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
        return people.read(a, asOf == null ? workingDate.today() : asOf).orElseThrow(() -> notFound(a));
    }

    /**
     * Everything that happened to the person and their case that the caller may read, oldest first: events of
     * records the caller may not read directly are left out ({@link PersonTimeline}).
     */
    @GetMapping("/{aNumber}/timeline")
    List<DocketViews.Event> timeline(@PathVariable String aNumber) {
        return timeline.read(aNumber);
    }

    private static NotFound notFound(String a) {
        return new NotFound("no person with A-number " + a);
    }
}
