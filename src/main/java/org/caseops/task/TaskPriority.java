package org.caseops.task;

/**
 * How urgent a task is: queues list by priority, then due time (docs/tasks.md). Stored as its {@link #rank()}
 * (1 high, 2 normal, 3 low) so that the database orders by it.
 */
public enum TaskPriority {
    HIGH(1), NORMAL(2), LOW(3);

    private final int rank;

    TaskPriority(int rank) {
        this.rank = rank;
    }

    public int rank() {
        return rank;
    }

    static TaskPriority ofRank(int rank) {
        for (TaskPriority p : values()) {
            if (p.rank == rank) {
                return p;
            }
        }
        throw new IllegalArgumentException("no priority of rank " + rank);
    }
}
