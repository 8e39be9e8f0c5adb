package org.caseops.access;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.caseops.audit.AuditCheckpoints;
import org.caseops.audit.AuditEntry;
import org.caseops.audit.AuditLog;
import org.caseops.audit.Checkpoint;
import org.caseops.system.BadInput;
import org.caseops.system.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Oversight of the audit trail, continued (docs/audit.md): signed checkpoints to keep outside CaseOps, the key they
 * are signed with, and the newest entries, pending ones included.
 */
@RestController
@RequestMapping("/api/audit")
class AuditCheckpointController {

    private final AuditCheckpoints checkpoints;
    private final AuditLog log;
    private final Access access;
    private final PersonLevelAudit personLevel;

    AuditCheckpointController(AuditCheckpoints checkpoints, AuditLog log, Access access,
            PersonLevelAudit personLevel) {
        this.personLevel = personLevel;
        this.checkpoints = checkpoints;
        this.log = log;
        this.access = access;
    }

    /** Signs a checkpoint of the chain now; 409 when the chain does not extend the latest checkpoint. */
    @Allow({Role.AUDITOR, Role.ADMIN})
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/checkpoints")
    ResponseEntity<Checkpoint> checkpoint() {
        Checkpoint made = checkpoints.issue();
        access.audit("AUDIT_CHECKPOINT", null, "position " + made.position());
        return ResponseEntity.created(URI.create("/api/audit/checkpoints/latest")).body(made);
    }

    /** The latest signed checkpoint (scheduled or on demand); 404 before the first. */
    @Allow({Role.AUDITOR, Role.ADMIN})
    @GetMapping("/checkpoints/latest")
    Checkpoint latest() {
        return checkpoints.latest().orElseThrow(() -> new NotFound("no audit checkpoint has been signed yet"));
    }

    /** The Ed25519 public key checkpoints are signed with (64 hex digits), and its short id. */
    @Allow({Role.AUDITOR, Role.ADMIN})
    @GetMapping("/public-key")
    Map<String, String> publicKey() {
        return Map.of("key", checkpoints.publicKey(), "keyId", checkpoints.keyId());
    }

    /** One entry as the API shows it: {@code pending} until the sequencer has chained it. */
    record Entry(Long position, long seq, Instant recordedAt, String actor, String role, String fieldOffice,
            String action, String subjectType, String subjectId, String purpose, String requestId, String detail,
            String prevHash, String hash, boolean pending) {
        /** The entry; a person-level one outside the case review that reveals {@code revealed} without its detail. */
        static Entry of(AuditEntry e, String revealed) {
            boolean hidden = PersonLevelAudit.hidden(e, revealed);
            return new Entry(e.position(), e.seq(), e.recordedAt(), e.actor(), e.role(), e.fieldOffice(), e.action(),
                    e.subjectType(), hidden ? null : e.subjectId(), hidden ? null : e.purpose(), e.requestId(),
                    hidden ? PersonLevelAudit.HIDDEN : e.detail(), e.prevHash(), e.hash(), e.pending());
        }
    }

    /**
     * The newest entries, newest first, chained or pending; optionally one subject's ({@code subjectType},
     * {@code subjectId}) and/or one actor's; {@code before} a seq for the next page. Audited: who looked at whom is
     * person-level data, so an entry whose subject is a person comes without its subject, purpose and detail unless
     * {@code review} names the caller's own case review of that person ({@link PersonLevelAudit}, as the audit page).
     * The export ({@code /api/audit/export}) stays whole: it is what verifies the chain offline.
     */
    @Allow(Role.AUDITOR)
    @GetMapping("/entries")
    List<Entry> entries(@RequestParam(required = false) String subjectType,
            @RequestParam(required = false) String subjectId, @RequestParam(required = false) String actor,
            @RequestParam(required = false) Long before, @RequestParam(defaultValue = "100") int limit,
            @RequestParam(required = false) Long review) {
        if (limit < 1 || limit > AuditLog.MAX_PAGE) {
            throw new BadInput("limit", "limit is 1 to " + AuditLog.MAX_PAGE);
        }
        String revealed = review == null ? null : personLevel.reviewed(review);
        access.audit("AUDIT_READ", null, "subjectType=" + subjectType + " subjectId=" + subjectId + " actor=" + actor
                + " before=" + before + " limit=" + limit + (review == null ? "" : " (person-level entries of "
                + revealed + " through case review " + review + ")"));
        return log.newest(subjectType, subjectId, actor, before, limit).stream().map(e -> Entry.of(e, revealed))
                .toList();
    }
}
