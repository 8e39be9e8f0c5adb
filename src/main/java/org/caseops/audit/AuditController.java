package org.caseops.audit;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Oversight of the audit trail: check the chain, and take it away to check offline. */
@RestController
@RequestMapping("/api/audit")
class AuditController {

    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

    private final AuditVerifier verifier;
    private final AuditLog log;

    AuditController(AuditVerifier verifier, AuditLog log) {
        this.verifier = verifier;
        this.log = log;
    }

    /** 200 either way: a broken chain is a finding, not an error of the request. */
    @GetMapping("/verify")
    VerifyResult verify() {
        return verifier.verify();
    }

    /** The whole trail as NDJSON, streamed; docs/audit.md says how to check it without CaseOps. */
    @GetMapping("/export")
    ResponseEntity<StreamingResponseBody> export() {
        return ResponseEntity.ok()
                .contentType(NDJSON)
                .header("Content-Disposition", "attachment; filename=\"caseops-audit.ndjson\"")
                .body(out -> log.export(out));
    }
}
