package org.caseops.task;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.caseops.system.BadInput;
import org.caseops.system.Conflict;
import org.caseops.system.Forbidden;
import org.caseops.system.NotFound;
import org.springframework.stereotype.Service;

/**
 * Acting on several tasks at once from a queue (bulk select → reassign, place on hold with a reason, or give a
 * priority). Each task is
 * its own transaction through {@link Tasks}, with its own checks, history and audit entry, one after the other (one
 * connection at a time): a task someone else changed meanwhile is refused on its own (409, "already completed by X
 * at T") and the others go ahead. The answer says, task by task, what happened.
 */
@Service
public class TaskBatches {

    /** The most tasks one request acts on: a queue's page. */
    public static final int MAX_TASKS = Queues.MAX_PAGE_SIZE;

    private final Tasks tasks;

    TaskBatches(Tasks tasks) {
        this.tasks = tasks;
    }

    /** A task to act on, with the version the caller last read ({@code null}: whatever it is now). */
    public record Item(Long id, Integer version) {
    }

    /**
     * What happened to one task: {@code status} as its own request would have answered (200, 400, 403, 404, 409),
     * {@code detail} what went wrong, {@code task} the task after the change.
     */
    public record Outcome(long id, int status, String detail, Task task) {
    }

    /** Task by task, in the order asked; {@code done} of them changed. */
    public record Result(int done, int refused, List<Outcome> tasks) {
    }

    /** Gives each task to the user or team. */
    public Result reassign(List<Item> items, Assignee to) {
        return each(items, item -> tasks.reassign(item.id(), to, item.version()));
    }

    /** Puts each task on hold by hand with the reason, until the date. */
    public Result hold(List<Item> items, String reason, LocalDate until) {
        return each(items, item -> tasks.hold(item.id(), reason, until, item.version()));
    }

    /** Gives each task the priority. */
    public Result prioritize(List<Item> items, TaskPriority priority) {
        if (priority == null) {
            throw new BadInput("priority", "one of " + List.of(TaskPriority.values()));
        }
        return each(items, item -> tasks.prioritize(item.id(), priority, item.version()));
    }

    private Result each(List<Item> items, Function<Item, Task> action) {
        if (items == null || items.isEmpty()) {
            throw new BadInput("tasks", "select at least one task");
        }
        if (items.size() > MAX_TASKS) {
            throw new BadInput("tasks", "at most " + MAX_TASKS + " tasks at once, not " + items.size());
        }
        Set<Long> seen = new HashSet<>();
        for (Item item : items) {
            if (item == null || item.id() == null) {
                throw new BadInput("tasks", "every task is named by its id");
            }
            if (!seen.add(item.id())) {
                throw new BadInput("tasks", "task " + item.id() + " is named twice");
            }
        }
        List<Outcome> outcomes = new ArrayList<>();
        BadInput first = null;
        for (Item item : items) {
            try {
                outcomes.add(new Outcome(item.id(), 200, null, action.apply(item)));
            } catch (BadInput e) {
                first = first == null ? e : first;
                outcomes.add(new Outcome(item.id(), 400, e.field() + ": " + e.getMessage(), null));
            } catch (Forbidden e) {
                outcomes.add(new Outcome(item.id(), 403, e.getMessage(), null));
            } catch (NotFound e) {
                outcomes.add(new Outcome(item.id(), 404, e.getMessage(), null));
            } catch (Conflict e) {
                outcomes.add(new Outcome(item.id(), 409, e.getMessage(), null));
            }
        }
        int done = (int) outcomes.stream().filter(o -> o.status() == 200).count();
        if (done == 0 && first != null && outcomes.stream().allMatch(o -> o.status() == 400)) {
            throw first; // the same bad input for every task: a 400 naming its field
        }
        return new Result(done, outcomes.size() - done, outcomes);
    }
}
