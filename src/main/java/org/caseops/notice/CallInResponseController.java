package org.caseops.notice;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.caseops.access.Access;
import org.caseops.access.Allow;
import org.caseops.access.PartnerScope;
import org.caseops.access.Role;
import org.caseops.docket.Docket;
import org.caseops.system.NotFound;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A person's responses to call-in letters: record one (own field office; counsel any), list them. */
@RestController
@RequestMapping("/api/people/{aNumber}/call-in-responses")
class CallInResponseController {

    private final CallInResponses responses;
    private final Docket docket;
    private final Access access;

    CallInResponseController(CallInResponses responses, Docket docket, Access access) {
        this.responses = responses;
        this.docket = docket;
        this.access = access;
    }

    record RecordResponse(CallInResponses.Kind kind, LocalDate onDate, String note) {
    }

    /** Records that the person reported as the letter asked, or departed; audited in the same transaction. */
    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY})
    @PostMapping
    @Transactional
    ResponseEntity<CallInResponses.Response> record(@PathVariable String aNumber,
            @RequestBody RecordResponse request) {
        String a = Docket.aNumber(aNumber);
        Access.Subject subject = subject(a);
        access.mayChange(subject);
        CallInResponses.Response response = responses.record(a, request.kind(), request.onDate(), request.note(),
                access.actor().username());
        access.audit("CALL_IN_RESPONSE_RECORDED", subject, response.kind() + " on " + response.onDate()
                + " (response " + response.id() + ")");
        return ResponseEntity.created(URI.create("/api/people/" + a + "/call-in-responses")).body(response);
    }

    /** The person's responses, in the order they happened. */
    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY})
    @GetMapping
    List<CallInResponses.Response> list(@PathVariable String aNumber) {
        String a = Docket.aNumber(aNumber);
        access.read("CALL_IN_RESPONSES_READ", subject(a), PartnerScope.CASE_STATUS);
        return responses.of(a);
    }

    private Access.Subject subject(String aNumber) {
        return docket.personSubject(aNumber).orElseThrow(() -> new NotFound("no person with A-number " + aNumber));
    }
}
