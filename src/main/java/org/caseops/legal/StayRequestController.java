package org.caseops.legal;

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

/** Stay requests (I-246): received at the office, decided by the field-office director. */
@RestController
class StayRequestController {

    private final StayRequests requests;

    StayRequestController(StayRequests requests) {
        this.requests = requests;
    }

    record Receive(@NotNull LocalDate receivedOn, String requester, @NotNull StayRequests.RequesterKind requesterKind,
            String grounds, List<String> documents) {
    }

    record Decide(@NotNull StayRequests.Decision decision, @NotNull LocalDate on, String reason, LocalDate until,
            @NotNull Integer version) {
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR})
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/cases/{aNumber}/stay-requests")
    ResponseEntity<StayRequests.StayRequest> receive(@PathVariable String aNumber, @RequestBody Receive r) {
        StayRequests.StayRequest s = requests.receive(aNumber, r.receivedOn(), r.requester(), r.requesterKind(),
                r.grounds(), r.documents());
        return ResponseEntity.created(URI.create("/api/cases/" + s.aNumber() + "/stay-requests")).body(s);
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY})
    @GetMapping("/api/cases/{aNumber}/stay-requests")
    List<StayRequests.StayRequest> ofCase(@PathVariable String aNumber) {
        return requests.ofCase(aNumber);
    }

    @Allow(Role.DIRECTOR)
    @PostMapping("/api/cases/{aNumber}/stay-requests/{id}/decision")
    StayRequests.StayRequest decide(@PathVariable String aNumber, @PathVariable long id, @RequestBody Decide r) {
        return requests.decide(aNumber, id, r.decision(), r.on(), r.reason(), r.until(), r.version());
    }
}
