package org.caseops.audit;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The audit trail's three background jobs, in every CaseOps process: the sequencer, every
 * {@code caseops.audit.sequencer-interval} (100 ms) and batch after batch until the queue is empty; the scheduled
 * checkpoint, every {@code caseops.audit.checkpoint-interval} (1 minute) when the chain has grown; and the scheduled
 * check of the trail ({@link AuditVerifications}), every {@code caseops.audit.verify-interval} (5 minutes, the first
 * 30 seconds after start), one instance at a time. Starts before and stops after the web server, and chains what is
 * still queued on the way out.
 */
@Component
class AuditBackground implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AuditBackground.class);
    private static final long QUIET_MILLIS = 60_000;
    private static final long FIRST_CHECK_MILLIS = 30_000;

    private final AuditSequencer sequencer;
    private final AuditCheckpoints checkpoints;
    private final AuditVerifications verifications;
    private final AuditProperties properties;
    private ScheduledExecutorService threads;
    private volatile boolean running;
    private volatile long lastWarning;

    AuditBackground(AuditSequencer sequencer, AuditCheckpoints checkpoints, AuditVerifications verifications,
            AuditProperties properties) {
        this.sequencer = sequencer;
        this.checkpoints = checkpoints;
        this.verifications = verifications;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        AtomicInteger n = new AtomicInteger();
        String[] names = {"sequencer", "checkpoints", "verify"};
        ThreadFactory named = r -> {
            Thread t = new Thread(r, "audit-" + names[Math.min(n.getAndIncrement(), names.length - 1)]);
            t.setDaemon(true);
            return t;
        };
        threads = Executors.newScheduledThreadPool(3, named);
        running = true;
        long every = properties.sequencerInterval().toMillis();
        threads.scheduleWithFixedDelay(this::sequence, 0, every, TimeUnit.MILLISECONDS);
        Duration checkpointEvery = properties.checkpointInterval();
        if (!checkpointEvery.isZero()) {
            threads.scheduleWithFixedDelay(this::checkpoint, checkpointEvery.toMillis(), checkpointEvery.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
        Duration verifyEvery = properties.verifyInterval();
        if (!verifyEvery.isZero()) {
            threads.scheduleWithFixedDelay(this::verify, Math.min(FIRST_CHECK_MILLIS, verifyEvery.toMillis()),
                    verifyEvery.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void verify() {
        try {
            verifications.check("schedule").ifPresent(v -> {
                if (!v.intact()) {
                    log.error("Audit trail check ({}, entries {} to {}): BROKEN at position {}: {}", v.kind(),
                            v.fromPosition(), v.verifiedUpTo(), v.firstBrokenPosition(), v.problem());
                }
            });
        } catch (RuntimeException e) {
            warn("The scheduled audit trail check failed (it tries again in {}): {}", properties.verifyInterval(), e);
        }
    }

    /** Batch after batch until the queue is empty (or another process is sequencing), then sleep. */
    private void sequence() {
        try {
            int taken;
            do {
                taken = sequencer.sequenceOnce();
            } while (running && taken > 0);
        } catch (RuntimeException e) {
            warn("The audit sequencer failed (it tries again in {}): {}", properties.sequencerInterval(), e);
        }
    }

    private void checkpoint() {
        try {
            checkpoints.issueIfGrown().ifPresent(c -> log.info("Audit checkpoint: position {}, hash {}",
                    c.position(), c.hash()));
        } catch (AuditCheckpoints.Refused refused) {
            // logged as an error where refused; the schedule keeps trying, and keeps refusing, until it is looked at
        } catch (RuntimeException e) {
            warn("The scheduled audit checkpoint failed (it tries again in {}): {}", properties.checkpointInterval(),
                    e);
        }
    }

    /** At most one warning a minute: a database that is down should not flood the log ten times a second. */
    private void warn(String message, Object every, RuntimeException e) {
        long now = System.currentTimeMillis();
        if (now - lastWarning > QUIET_MILLIS) {
            lastWarning = now;
            log.warn(message, every, e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (threads == null) {
            return;
        }
        threads.shutdown();
        try {
            threads.awaitTermination(10, TimeUnit.SECONDS);
            // On a thread of its own and waited for 3 s at most: when the JVM is being stopped, the embedded
            // database may be stopping too, and a connection would then be waited for until the pool gives up.
            Thread last = new Thread(() -> {
                try {
                    sequencer.drain(Duration.ofSeconds(2));
                } catch (RuntimeException e) {
                    log.warn("Could not chain the queued audit entries on the way out (the next start will): {}",
                            e.toString());
                }
            }, "audit-sequencer-last");
            last.setDaemon(true);
            last.start();
            last.join(3000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        threads = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts before the web server (its phases are DEFAULT_PHASE - 2048 and - 1024) and so stops after it. */
    @Override
    public int getPhase() {
        return DEFAULT_PHASE - 4096;
    }
}
