package org.caseops.legal;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.LocalDate;
import java.util.Locale;
import org.caseops.access.Access;
import org.caseops.access.Allow;
import org.caseops.access.Role;
import org.caseops.system.BadInput;
import org.caseops.system.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ScreeningController {

    private final Screening screening;
    private final Access access;

    ScreeningController(Screening screening, Access access) {
        this.screening = screening;
        this.access = access;
    }

    record ScreeningRequest(@NotNull LocalDate asOf, String fieldOffice) {
    }

    /** Screens every case (or one field office's) as of a date and stores the verdicts; returns the counts. */
    @Allow(Role.ATTORNEY)
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/screenings")
    ResponseEntity<Screening.Report> screen(@RequestBody ScreeningRequest request) {
        if (request.asOf() == null) {
            throw new BadInput("asOf", "the date to screen as of is required (yyyy-MM-dd)");
        }
        String office = request.fieldOffice() == null || request.fieldOffice().isBlank() ? null
                : request.fieldOffice().trim().toUpperCase(Locale.ROOT);
        if (office != null && !office.matches("[A-Z]{3}")) {
            throw new BadInput("fieldOffice", "a field office code has three letters (e.g. HOU), not '"
                    + request.fieldOffice() + "'");
        }
        Screening.Report report = screening.screen(request.asOf(), office, access.actor().username());
        // The screening commits in its own transaction (docs/legal-rules.md); its audit entry follows it.
        access.audit("SCREENING_RUN", new Access.Subject("SCREENING", String.valueOf(report.screeningId()), office),
                "as of " + request.asOf());
        return ResponseEntity.created(URI.create("/api/screenings/" + report.screeningId())).body(report);
    }

    @Allow({Role.ATTORNEY, Role.DIRECTOR, Role.SUPERVISOR, Role.AUDITOR})
    @GetMapping("/api/screenings/{id}")
    Screening.Report report(@PathVariable long id) {
        return screening.report(id).orElseThrow(() -> new NotFound("no screening " + id));
    }
}
