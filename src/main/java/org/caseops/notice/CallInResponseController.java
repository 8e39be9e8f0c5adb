package org.caseops.notice;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.caseops.access.Allow;
import org.caseops.access.Role;
import org.caseops.docket.Docket;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A person's responses to call-in letters: record one (own field office; counsel any), list them. */
@RestController
@RequestMapping("/api/people/{aNumber}/call-in-responses")
class CallInResponseController {

    private final CallInResponses responses;

    CallInResponseController(CallInResponses responses) {
        this.responses = responses;
    }

    record RecordResponse(@NotNull CallInResponses.Kind kind, @NotNull LocalDate onDate, String note) {
    }

    /** Records that the person reported as the letter asked, or departed; audited in the same transaction. */
    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY})
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    ResponseEntity<CallInResponses.Response> record(@PathVariable String aNumber,
            @RequestBody RecordResponse request) {
        CallInResponses.Response response = responses.record(aNumber, request.kind(), request.onDate(),
                request.note());
        return ResponseEntity.created(URI.create("/api/people/" + Docket.aNumber(aNumber) + "/call-in-responses"))
                .body(response);
    }

    /** The person's responses, in the order they happened. */
    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY})
    @GetMapping
    List<CallInResponses.Response> list(@PathVariable String aNumber) {
        return responses.read(aNumber);
    }
}
