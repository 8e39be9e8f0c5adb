package org.caseops.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The transition table, over every pair of statuses: written out here independently of the enum's own table. */
class TaskStatusTest {

    static final Map<TaskStatus, Set<TaskStatus>> EXPECTED = Map.of(
            TaskStatus.ASSIGNED, EnumSet.of(TaskStatus.IN_PROGRESS, TaskStatus.ON_HOLD, TaskStatus.COMPLETED,
                    TaskStatus.CANCELLED),
            TaskStatus.IN_PROGRESS, EnumSet.of(TaskStatus.ON_HOLD, TaskStatus.COMPLETED, TaskStatus.CANCELLED,
                    TaskStatus.ASSIGNED),
            TaskStatus.ON_HOLD, EnumSet.of(TaskStatus.ASSIGNED, TaskStatus.IN_PROGRESS, TaskStatus.CANCELLED),
            TaskStatus.COMPLETED, EnumSet.noneOf(TaskStatus.class),
            TaskStatus.CANCELLED, EnumSet.noneOf(TaskStatus.class));

    @Test
    void allows_exactly_the_transitions_of_the_table_for_every_pair_of_statuses() {
        int pairs = 0;
        for (TaskStatus from : TaskStatus.values()) {
            for (TaskStatus to : TaskStatus.values()) {
                assertThat(from.allows(to)).as(from + " -> " + to).isEqualTo(EXPECTED.get(from).contains(to));
                pairs++;
            }
        }
        assertThat(pairs).isEqualTo(25);
    }

    @Test
    void nothing_moves_to_itself_and_completed_and_cancelled_are_final() {
        for (TaskStatus status : TaskStatus.values()) {
            assertThat(status.allows(status)).as(status.name()).isFalse();
        }
        assertThat(TaskStatus.COMPLETED.next()).isEmpty();
        assertThat(TaskStatus.CANCELLED.next()).isEmpty();
    }

    @Test
    void only_completed_and_cancelled_are_closed() {
        assertThat(EnumSet.allOf(TaskStatus.class).stream().filter(TaskStatus::closed))
                .containsExactlyInAnyOrder(TaskStatus.COMPLETED, TaskStatus.CANCELLED);
        assertThat(EnumSet.allOf(TaskStatus.class).stream().filter(TaskStatus::open))
                .containsExactlyInAnyOrder(TaskStatus.ASSIGNED, TaskStatus.IN_PROGRESS, TaskStatus.ON_HOLD);
    }

    @Test
    void a_task_on_hold_cannot_be_completed_only_reopened_or_cancelled() {
        assertThat(TaskStatus.ON_HOLD.next())
                .containsExactlyInAnyOrder(TaskStatus.ASSIGNED, TaskStatus.IN_PROGRESS, TaskStatus.CANCELLED);
    }

    @Test
    void next_is_a_copy_that_does_not_change_the_table() {
        TaskStatus.ASSIGNED.next().clear();
        assertThat(TaskStatus.ASSIGNED.allows(TaskStatus.IN_PROGRESS)).isTrue();
    }
}
