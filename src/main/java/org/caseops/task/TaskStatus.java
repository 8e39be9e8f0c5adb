package org.caseops.task;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The statuses of a task and the one table of allowed moves. Every action asks {@link #allows} before it changes the
 * status; nothing else decides.
 *
 * <pre>
 * ASSIGNED    → IN_PROGRESS, ON_HOLD, COMPLETED, CANCELLED
 * IN_PROGRESS → ON_HOLD, COMPLETED, CANCELLED, ASSIGNED   (handed back or over)
 * ON_HOLD     → ASSIGNED, IN_PROGRESS                      (its last open child closed: the status it had)
 * ON_HOLD     → CANCELLED
 * COMPLETED, CANCELLED: final
 * </pre>
 *
 * ON_HOLD means "waits for its child tasks": a task goes on hold when it gets a child and only then, so an ON_HOLD
 * task cannot be completed; it is cancelled (with its children) or it waits.
 */
public enum TaskStatus {
    ASSIGNED, IN_PROGRESS, ON_HOLD, COMPLETED, CANCELLED;

    private static final Map<TaskStatus, Set<TaskStatus>> NEXT = new EnumMap<>(TaskStatus.class);

    static {
        NEXT.put(ASSIGNED, EnumSet.of(IN_PROGRESS, ON_HOLD, COMPLETED, CANCELLED));
        NEXT.put(IN_PROGRESS, EnumSet.of(ON_HOLD, COMPLETED, CANCELLED, ASSIGNED));
        NEXT.put(ON_HOLD, EnumSet.of(ASSIGNED, IN_PROGRESS, CANCELLED));
        NEXT.put(COMPLETED, EnumSet.noneOf(TaskStatus.class));
        NEXT.put(CANCELLED, EnumSet.noneOf(TaskStatus.class));
    }

    public boolean allows(TaskStatus next) {
        return NEXT.get(this).contains(next);
    }

    public Set<TaskStatus> next() {
        return NEXT.get(this).isEmpty() ? EnumSet.noneOf(TaskStatus.class) : EnumSet.copyOf(NEXT.get(this));
    }

    /** Completed and cancelled tasks are closed: they leave the queues and never change again. */
    public boolean closed() {
        return NEXT.get(this).isEmpty();
    }

    public boolean open() {
        return !closed();
    }
}
