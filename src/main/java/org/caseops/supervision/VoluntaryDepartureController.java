package org.caseops.supervision;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.caseops.access.Allow;
import org.caseops.access.Role;
import org.caseops.legal.rules.DepartureDeadlineFacts;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Voluntary departure: the grant the gate reads, its bond, the departure verified, the office's overstays. */
@RestController
class VoluntaryDepartureController {

    private final VoluntaryDepartures departures;

    VoluntaryDepartureController(VoluntaryDepartures departures) {
        this.departures = departures;
    }

    record Grant(@NotNull LocalDate grantedOn, @NotNull BigDecimal bondAmount, LocalDate lastDay,
            DepartureDeadlineFacts.Source source, String reference) {
    }

    record Bond(@NotNull LocalDate postedOn, String reference, @NotNull Integer version) {
    }

    record Departed(@NotNull LocalDate departedOn, @NotNull VoluntaryDepartures.ProofKind proofKind,
            String proofReference, String port, @NotNull Integer version) {
    }

    record OverstayRun(@NotBlank String fieldOffice, @NotNull LocalDate asOf) {
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR})
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/people/{aNumber}/voluntary-departures")
    ResponseEntity<VoluntaryDepartures.Departure> grant(@PathVariable String aNumber, @RequestBody Grant r) {
        VoluntaryDepartures.Departure d = departures.grant(aNumber, r.grantedOn(), r.bondAmount(), r.lastDay(),
                r.source(), r.reference());
        return ResponseEntity.created(URI.create("/api/people/" + d.aNumber() + "/voluntary-departures")).body(d);
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY})
    @GetMapping("/api/people/{aNumber}/voluntary-departures")
    List<VoluntaryDepartures.Departure> ofPerson(@PathVariable String aNumber) {
        return departures.ofPerson(aNumber);
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR})
    @PostMapping("/api/people/{aNumber}/voluntary-departures/{id}/bond")
    VoluntaryDepartures.Departure bond(@PathVariable String aNumber, @PathVariable long id, @RequestBody Bond r) {
        return departures.postBond(aNumber, id, r.postedOn(), r.reference(), r.version());
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR})
    @PostMapping("/api/people/{aNumber}/voluntary-departures/{id}/departure")
    VoluntaryDepartures.Departure depart(@PathVariable String aNumber, @PathVariable long id,
            @RequestBody Departed r) {
        return departures.depart(aNumber, id, r.departedOn(), r.proofKind(), r.proofReference(), r.port(),
                r.version());
    }

    /** Marks the office's overstayed grants as of a date: one task each, the gate's verdict kept. */
    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR})
    @PostMapping("/api/voluntary-departures/overstays")
    List<VoluntaryDepartures.Overstay> overstays(@RequestBody OverstayRun r) {
        return departures.recordOverstays(r.fieldOffice(), r.asOf());
    }
}
