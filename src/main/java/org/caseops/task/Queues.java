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

    /** Open tasks assigned to the signed-in user, in any field office. */
    @Transactional
    public Queue mine(TaskStatus status, int page, int size) {
        Actor actor = access.actor();
        return audited(rows.queue("mine", "t.assignee_user = ?", List.of(actor.username()), openStatus(status),
                checkedPage(page), checkedSize(size)), actor.fieldOffice());
    }

    /**
     * Open tasks of a team of the signed-in user's field office. A field office's code names the whole office: its
     * queue is readable only in that office.
     */
    @Transactional
    public Queue team(String team, TaskStatus status, int page, int size) {
        Actor actor = officeUser("team queues");
        String name = TaskRules.teamName(rows, team, "team");
        if (rows.fieldOfficeExists(name) && !name.equals(actor.fieldOffice())) {
            throw new Forbidden(actor.username() + " reads the team queues of field office " + actor.fieldOffice()
                    + ", not of " + name);
        }
        return audited(rows.queue("team " + name, "t.field_office_code = ? and t.assignee_team = ?",
                List.of(actor.fieldOffice(), name), openStatus(status), checkedPage(page), checkedSize(size)),
                actor.fieldOffice());
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
