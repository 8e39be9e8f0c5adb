package org.caseops.task;

import java.util.List;
import org.caseops.access.Access;
import org.caseops.access.Actor;
import org.caseops.access.Role;
import org.caseops.system.BadInput;
import org.caseops.system.Forbidden;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues are queries over open tasks (docs/tasks.md): each takes a page (from 0), a size (1–{@value #MAX_PAGE_SIZE})
 * and optionally one open status, returns tasks due first with the counts of their children, and is audited.
 */
@Service
public class Queues {

    /** The longest page a queue returns. */
    public static final int MAX_PAGE_SIZE = 200;

    private final TaskRows rows;
    private final Access access;

    Queues(TaskRows rows, Access access) {
        this.rows = rows;
        this.access = access;
    }

    /**
     * The tabs of a queue (Caseflow's): what a queue lists besides all its open tasks. {@code UNASSIGNED} is a
     * team's only.
     */
    public enum Tab {
        /** Open, held by the team, not on hold: for anyone of the office to take. */
        UNASSIGNED,
        /** Open, held by a person, not on hold. */
        ASSIGNED,
        /** On hold: by hand until a date, or waiting for child tasks. */
        ON_HOLD,
        /** Closed (completed or cancelled), the latest first. */
        COMPLETED;

        /**
         * A tab by its name, any case ({@code on_hold}, {@code ON_HOLD}, {@code on-hold}); none: {@code null}.
         *
         * @throws BadInput ({@code tab}) for a name that is no tab
         */
        public static Tab parse(String tab) {
            if (tab == null || tab.isBlank()) {
                return null;
            }
            try {
                return valueOf(tab.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new BadInput("tab", "'" + tab + "' is not a tab: one of " + List.of(values()));
            }
        }
    }

    /** Open tasks assigned to the signed-in user, in any field office. */
    @Transactional
    public Queue mine(TaskStatus status, int page, int size) {
        return mine(null, status, page, size);
    }

    /**
     * The signed-in user's tasks of one tab ({@code null}: every open one): ASSIGNED (open, not on hold), ON_HOLD,
     * COMPLETED (closed, the latest first); a user's queue has no UNASSIGNED tab.
     */
    @Transactional
    public Queue mine(Tab tab, TaskStatus status, int page, int size) {
        Actor actor = access.actor();
        List<Object> me = List.of(actor.username());
        int p = checkedPage(page);
        int n = checkedSize(size);
        Queue queue = tab == null ? rows.queue("mine", "t.assignee_user = ?", me, openStatus(status), p, n)
                : switch (tab) {
                    case UNASSIGNED -> throw new BadInput("tab", "a user's queue holds their own tasks: ASSIGNED, "
                            + "ON_HOLD or COMPLETED; unassigned tasks are a team's");
                    case ASSIGNED -> rows.queue("mine assigned", "t.assignee_user = ? and " + TaskRows.STATUS
                            + " <> 'ON_HOLD'", me, notOnHold(status), p, n);
                    case ON_HOLD -> rows.queue("mine on hold", "t.assignee_user = ? and " + TaskRows.STATUS
                            + " = 'ON_HOLD'", me, noStatus(status), p, n);
                    case COMPLETED -> rows.closed("mine completed", "t.assignee_user = ?", me, p,
                            n);
                };
        return audited(queue, actor.fieldOffice());
    }

    /**
     * Open tasks of a team of the signed-in user's field office. A field office's code names the whole office: its
     * queue is readable only in that office.
     */
    @Transactional
    public Queue team(String team, TaskStatus status, int page, int size) {
        return team(team, null, status, page, size);
    }

    /**
     * A team's tasks of one tab ({@code null}: every open one the team holds): UNASSIGNED (held by the team, open,
     * not on hold), ASSIGNED (of the field office, held by a person, open, not on hold), ON_HOLD, COMPLETED (closed,
     * the latest first). A task a person takes from a team becomes theirs, so the ASSIGNED tab exists for the whole
     * field office (the team named by its code) only; ON_HOLD and COMPLETED of the field office list all its tasks,
     * of a named team those the team holds.
     */
    @Transactional
    public Queue team(String team, Tab tab, TaskStatus status, int page, int size) {
        Actor actor = officeUser("team queues");
        String name = TaskRules.teamName(rows, team, "team");
        boolean office = name.equals(actor.fieldOffice());
        if (rows.fieldOfficeExists(name) && !office) {
            throw new Forbidden(actor.username() + " reads the team queues of field office " + actor.fieldOffice()
                    + ", not of " + name);
        }
        int p = checkedPage(page);
        int n = checkedSize(size);
        String held = office ? "t.field_office_code = ?" : "t.field_office_code = ? and t.assignee_team = ?";
        List<Object> whose = office ? List.of(actor.fieldOffice()) : List.of(actor.fieldOffice(), name);
        List<Object> teamHeld = List.of(actor.fieldOffice(), name);
        Queue queue = tab == null ? rows.queue("team " + name, "t.field_office_code = ? and t.assignee_team = ?",
                teamHeld, openStatus(status), p, n)
                : switch (tab) {
                    case UNASSIGNED -> rows.queue("team " + name + " unassigned", "t.field_office_code = ? and "
                            + "t.assignee_team = ? and " + TaskRules.notHeld(), teamHeld, notOnHold(status), p, n);
                    case ASSIGNED -> {
                        if (!office) {
                            throw new BadInput("tab", "a task taken from team " + name + " becomes its taker's: the "
                                    + "ASSIGNED tab is the field office's (team " + actor.fieldOffice() + ")");
                        }
                        yield rows.queue("team " + name + " assigned", "t.field_office_code = ? and "
                                + "t.assignee_user is not null and " + TaskRules.notHeld(), whose, notOnHold(status),
                                p, n);
                    }
                    case ON_HOLD -> rows.queue("team " + name + " on hold", held + " and " + TaskRows.STATUS
                            + " = 'ON_HOLD'", whose, noStatus(status), p, n);
                    case COMPLETED -> rows.closed("team " + name + " completed", held, whose, p, n);
                };
        return audited(queue, actor.fieldOffice());
    }

    /** Open tasks of the signed-in supervisor's or director's field office whose due time has passed. */
    @Transactional
    public Queue overdue(TaskStatus status, int page, int size) {
        Actor actor = officeUser("the overdue queue");
        if (!actor.is(Role.SUPERVISOR, Role.DIRECTOR)) {
            throw new Forbidden("the overdue queue is for supervisors and directors");
        }
        return audited(rows.queue("overdue", "t.field_office_code = ? and t.due_at < now()",
                List.of(actor.fieldOffice()), openStatus(status), checkedPage(page), checkedSize(size)),
                actor.fieldOffice());
    }

    /**
     * Open tasks of an operation in the signed-in user's field office. Whether the user is on the operation's
     * roster is the operation's business (a package above this one): this queue is scoped by field office only, so
     * that an officer sees the operation's tasks their office would see anyway.
     */
    @Transactional
    public Queue operation(long operationId, TaskStatus status, int page, int size) {
        Actor actor = officeUser("operation queues");
        return audited(rows.queue("operation " + operationId, "t.operation_id = ? and t.field_office_code = ?",
                List.of(operationId, actor.fieldOffice()), openStatus(status), checkedPage(page), checkedSize(size)),
                actor.fieldOffice());
    }

    private Queue audited(Queue queue, String office) {
        access.audit("TASK_QUEUE_READ", new Access.Subject("QUEUE", queue.name(), office),
                "page " + queue.page() + ": " + queue.tasks().size() + " of " + queue.total() + " open tasks");
        return queue;
    }

    private Actor officeUser(String what) {
        Actor actor = access.actor();
        if (!actor.role().officeScoped()) {
            throw new Forbidden(what + " belong to field offices: " + actor.role() + " has none");
        }
        return actor;
    }

    private static TaskStatus openStatus(TaskStatus status) {
        if (status != null && status.closed()) {
            throw new BadInput("status", "queues hold open tasks: ASSIGNED, IN_PROGRESS or ON_HOLD");
        }
        return status;
    }

    private static TaskStatus notOnHold(TaskStatus status) {
        if (status == TaskStatus.ON_HOLD) {
            throw new BadInput("status", "this tab holds tasks not on hold: ASSIGNED or IN_PROGRESS");
        }
        return openStatus(status);
    }

    private static TaskStatus noStatus(TaskStatus status) {
        if (status != null && status != TaskStatus.ON_HOLD) {
            throw new BadInput("status", "this tab holds tasks on hold only");
        }
        return null;
    }

    private static int checkedPage(int page) {
        if (page < 0) {
            throw new BadInput("page", "must be 0 or more");
        }
        return page;
    }

    private static int checkedSize(int size) {
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new BadInput("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        return size;
    }
}
