package org.caseops.access;

import org.caseops.audit.AuditLog;
import org.caseops.audit.AuditVerifier;
import org.caseops.audit.VerifyResult;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Oversight of the audit trail: check the chain, and take it away to check offline. */
@RestController
@RequestMapping("/api/audit")
@Allow(Role.AUDITOR)
class AuditTrailController {

    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

    private final AuditVerifier verifier;
    private final AuditLog log;
    private final Access access;

    AuditTrailController(AuditVerifier verifier, AuditLog log, Access access) {
        this.verifier = verifier;
        this.log = log;
        this.access = access;
    }

    /** 200 either way: a broken chain is a finding, not an error of the request. */
    @Allow({Role.AUDITOR, Role.ADMIN})
    @GetMapping("/verify")
    VerifyResult verify() {
        return verifier.verify();
    }

    /** The whole trail as NDJSON, streamed; docs/audit.md says how to check it without CaseOps. */
    @GetMapping("/export")
    ResponseEntity<StreamingResponseBody> export() {
        access.audit("AUDIT_EXPORTED", null, null);
        return ResponseEntity.ok()
                .contentType(NDJSON)
                .header("Content-Disposition", "attachment; filename=\"caseops-audit.ndjson\"")
                // headers out first: committing the response saves the browser session (Spring Session), which must
                // happen before the export's read-only transaction begins, not inside it on the first flush
                .body(out -> {
                    out.flush();
                    log.export(out);
                });
    }
}
