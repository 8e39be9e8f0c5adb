package org.caseops.audit;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the audit trail's sequencer and checkpoints (docs/audit.md, docs/adr/006-audit-sequencer.md).
 *
 * @param sequencerInterval  how long the sequencer sleeps when the queue is empty (default 100 ms): with the time a
 *                           batch takes, the bound on how long a committed entry waits unchained
 * @param sequencerBatch     entries chained per transaction at most (default 1000)
 * @param checkpointInterval how often a signed checkpoint is issued when the chain has grown (default 1 minute;
 *                           0 turns the schedule off, checkpoints on demand still work)
 * @param signingKey         the Ed25519 key checkpoints are signed with, a PEM file holding a {@code PRIVATE KEY}
 *                           and a {@code PUBLIC KEY} block ({@code CASEOPS_AUDIT_SIGNING_KEY}); default
 *                           {@code CASEOPS_HOME/audit/signing-key.pem}, generated on first start with mode 0600
 * @param checkpointLog      where this installation appends every checkpoint it issues, one JSON line each; default
 *                           {@code CASEOPS_HOME/audit/checkpoints.ndjson}
 * @param verifyInterval     how often the trail is checked and the check kept ({@code audit_verification}, shown by
 *                           the monthly report): the entries chained since the last intact check (default 5 minutes;
 *                           0 turns the schedule off); the first check 30 seconds after start
 * @param fullVerifyInterval how old the last check of the whole chain may be before the scheduled check reads the
 *                           whole chain again instead of what was chained since (default 24 hours)
 */
@ConfigurationProperties(prefix = "caseops.audit")
public record AuditProperties(Duration sequencerInterval, Integer sequencerBatch, Duration checkpointInterval,
        Path signingKey, Path checkpointLog, Duration verifyInterval, Duration fullVerifyInterval) {

    public AuditProperties {
        if (sequencerInterval == null || sequencerInterval.isNegative() || sequencerInterval.isZero()) {
            sequencerInterval = Duration.ofMillis(100);
        }
        if (sequencerBatch == null || sequencerBatch < 1) {
            sequencerBatch = 1000;
        }
        if (checkpointInterval == null || checkpointInterval.isNegative()) {
            checkpointInterval = Duration.ofMinutes(1);
        }
        if (verifyInterval == null || verifyInterval.isNegative()) {
            verifyInterval = Duration.ofMinutes(5);
        }
        if (fullVerifyInterval == null || fullVerifyInterval.isNegative() || fullVerifyInterval.isZero()) {
            fullVerifyInterval = Duration.ofHours(24);
        }
        if (signingKey == null) {
            String env = System.getenv("CASEOPS_AUDIT_SIGNING_KEY");
            signingKey = env == null || env.isBlank() ? null : Path.of(env);
        }
    }
}
