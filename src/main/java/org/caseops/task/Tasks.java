package org.caseops.task;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.caseops.access.Access;
import org.caseops.access.Actor;
import org.caseops.access.Role;
import org.caseops.access.Users;
import org.caseops.audit.AuditEvent;
import org.caseops.audit.AuditLog;
import org.caseops.system.BadInput;
import org.caseops.system.Conflict;
import org.caseops.system.Forbidden;
import org.caseops.system.NotFound;
import org.caseops.system.RequestIds;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Task commands (docs/tasks.md), the public API for every feature that gives people work: encounters create
 * child-welfare checks and collateral reviews, custody creates escalations and reviews. Who may read and work on a
 * task is {@link TaskRules}'; the queues are {@link Queues}.
 *
 * <p>Each action is one transaction: it checks who acts, asks {@link TaskStatus}'s table, changes the row only if
 * nobody changed it meanwhile (409 otherwise), and writes the task's event and an audit entry ({@code TASK_*}). A
 * child task puts its open parent ON_HOLD; when the parent's last open child closes, the parent returns to the
 * status it had. Parents are locked before their children change, so two children closing at once cannot both miss
 * being the last.
 *
 * <p>Who acts: the methods without an actor name act as the signed-in user of the request ({@link Access#actor()})
 * and check that the user may; {@link #create(NewTask)} checks only that the task is well formed, since the calling
 * feature has already decided that its user may do what gives rise to the task. Work started without a request (a
 * timer) names itself, {@code system:custody-clock}, and is audited under that name with the role {@code SYSTEM}.
 */
@Service
public class Tasks {

    /** Who system work is recorded as: {@code system:} and a name. */
    public static final String SYSTEM_PREFIX = "system:";
    private static final int MAX_RESOLUTION = 10_000;

    private final TaskRows rows;
    private final Access access;
    private final AuditLog audit;
    private final Users users;

    Tasks(TaskRows rows, Access access, AuditLog audit, Users users) {
        this.rows = rows;
        this.access = access;
        this.audit = audit;
        this.users = users;
    }

    /** Who acts: a signed-in user, or the system under the name its caller gives. */
    record By(String name, Actor actor) {
        static By user(Actor actor) {
            return new By(actor.username(), actor);
        }

        static By system(String name) {
            if (name == null || !name.startsWith(SYSTEM_PREFIX) || name.length() == SYSTEM_PREFIX.length()
                    || name.length() > 64) {
                throw new IllegalArgumentException("system work is recorded as '" + SYSTEM_PREFIX
                        + "<name>' (at most 64 characters), not '" + name + "'");
            }
            return new By(name, null);
        }

        boolean system() {
            return actor == null;
        }
    }

    // ---- reading ------------------------------------------------------------------------------------------------

    /** The task, without any access check: for features that hold a task's id. */
    public Optional<Task> find(long id) {
        return rows.find(id);
    }

    /** The task's child tasks, oldest first, without any access check. */
    public List<Task> children(long id) {
        return rows.children(id);
    }

    /** The task's latest change (who, when, what), without any access check: for "already done by X at T". */
    Optional<TaskRows.Event> lastEvent(long id) {
        return rows.lastEvent(id);
    }

    /**
     * The open tasks about a person that the signed-in user may read (docs/tasks.md): their A-number as the subject
     * (PERSON or CASE) or their family; at most 200, by priority, then due time. The caller audits the read.
     */
    public List<Task> openAbout(String aNumber, long familyId) {
        Actor actor = access.actor();
        return rows.openAbout(aNumber, familyId).stream().filter(t -> TaskRules.mayRead(actor, t)).toList();
    }

    /** Where a subject's task of one type stands: completed, still open (and whether overdue), or cancelled. */
    public record TaskState(TaskStatus status, boolean overdue) {
    }

    /**
     * The newest task of this type about each of these subjects (e.g. the review of each collateral encounter), for
     * counts on a dashboard; without access check (the caller counts, names nobody, and audits its read). A subject
     * with no such task is absent.
     */
    public java.util.Map<String, TaskState> statesOf(TaskType type, SubjectType subject,
            java.util.Collection<String> ids) {
        return ids.isEmpty() ? java.util.Map.of() : rows.statesOf(type, subject, ids);
    }

    /** Open tasks about a subject (is there already an escalation open for this person?), without access check. */
    public List<Task> openOn(SubjectType type, String id) {
        return rows.openOn(type, id);
    }

    /** What {@code GET /api/tasks/{id}} shows: the task, the moves its status allows, its children and history. */
    record View(Task task, List<TaskStatus> next, List<Task> children, List<TaskRows.Event> events) {
    }

    /** The task for the signed-in user, if they may see it; the read is audited. */
    @Transactional
    View read(long id) {
        Task task = get(id);
        Actor actor = access.actor();
        if (!TaskRules.mayRead(actor, task)) {
            throw hidden(actor, task);
        }
        access.audit("TASK_READ", subject(task), task.type() + " " + task.status());
        return new View(task, List.copyOf(task.status().next()), rows.children(id), rows.events(id));
    }

    private Task get(long id) {
        return rows.find(id).orElseThrow(() -> new NotFound(notFound(id)));
    }

    private static String notFound(long id) {
        return "no task " + id;
    }

    /** A task the actor may not see answers like one that does not exist (the refusal is audited). */
    private NotFound hidden(Actor actor, Task task) {
        return access.hidden(subject(task), actor.role() + " of " + actor.fieldOffice() + " may not see task "
                + task.id() + " of " + task.fieldOffice(), notFound(task.id()));
    }

    // ---- creating -----------------------------------------------------------------------------------------------

    /**
     * Creates a task as the signed-in user. No check of who may: the calling feature has decided that. With a
     * parent, the parent goes ON_HOLD (if it is not already) until its last open child closes.
     *
     * @throws BadInput naming the field at fault ({@code type}, {@code title}, {@code fieldOffice}, {@code user},
     *                  {@code team}, {@code subjectId}, {@code parentId})
     * @throws Conflict when the parent is closed
     */
    @Transactional
    public Task create(NewTask task) {
        return create(task, By.user(access.actor()));
    }

    /** Creates a task as the system ({@code system:<name>}), for work without a request (a timer). */
    @Transactional
    public Task createAsSystem(NewTask task, String systemActor) {
        return create(task, By.system(systemActor));
    }

    /**
     * {@code POST /api/tasks}: a supervisor or director creates a GENERAL task in their own field office (the
     * default), optionally as a child of a task of that office.
     */
    @Transactional
    Task createByHand(NewTask task) {
        return createByHand(task, null);
    }

    /** As {@link #createByHand(NewTask)}, with a priority ({@code null}: the type's). */
    @Transactional
    Task createByHand(NewTask task, TaskPriority priority) {
        Actor actor = access.actor();
        if (!actor.is(Role.SUPERVISOR, Role.DIRECTOR)) {
            throw new Forbidden("tasks are created by hand by supervisors and directors");
        }
        NewTask inOffice = task.fieldOffice() == null ? new NewTask(task.type(), task.title(), actor.fieldOffice(),
                task.assignee(), task.subjectType(), task.subjectId(), task.operationId(), task.parentId(),
                task.dueAt()) : task;
        String office = inOffice.fieldOffice().trim().toUpperCase(Locale.ROOT);
        if (!office.equals(actor.fieldOffice())) {
            throw new Forbidden(actor.username() + " creates tasks in field office " + actor.fieldOffice()
                    + ", not in " + office);
        }
        if (task.type() != null && task.type() != TaskType.GENERAL) {
            throw new BadInput("type", "only GENERAL tasks are created by hand; " + task.type()
                    + " tasks come from the feature that needs them");
        }
        if (task.parentId() != null) {
            rows.find(task.parentId()).filter(p -> !TaskRules.inOffice(actor, p)).ifPresent(p -> {
                if (!TaskRules.mayRead(actor, p)) {
                    throw new BadInput("parentId", "no task " + p.id());
                }
                throw new Forbidden("task " + p.id() + " is not a task of your field office");
            });
        }
        return create(new NewTask(TaskType.GENERAL, inOffice.title(), office, inOffice.assignee(),
                inOffice.subjectType(), inOffice.subjectId(), inOffice.operationId(), inOffice.parentId(),
                inOffice.dueAt()), priority, By.user(actor));
    }

    private Task create(NewTask task, By by) {
        return create(task, null, by);
    }

    private Task create(NewTask task, TaskPriority priority, By by) {
        if (task == null || task.type() == null) {
            throw new BadInput("type", "a task has a type: one of " + List.of(TaskType.values()));
        }
        String title = task.title() == null ? "" : task.title().trim();
        if (title.isEmpty() || title.length() > 500) {
            throw new BadInput("title", "a task has a title of 1 to 500 characters");
        }
        if (task.fieldOffice() == null || task.fieldOffice().isBlank()) {
            throw new BadInput("fieldOffice", "a task belongs to a field office");
        }
        String office = task.fieldOffice().trim().toUpperCase(Locale.ROOT);
        if (!rows.fieldOfficeExists(office)) {
            throw new BadInput("fieldOffice", "no field office with code '" + office + "'");
        }
        if ((task.subjectType() == null) != (task.subjectId() == null || task.subjectId().isBlank())) {
            throw new BadInput(task.subjectType() == null ? "subjectType" : "subjectId",
                    "a subject has both a type and an id");
        }
        if (task.subjectId() != null && task.subjectId().trim().length() > 64) {
            throw new BadInput("subjectId", "a subject id has at most 64 characters");
        }
        Assignee assignee = checkedAssignee(task.assignee(), task.type(), office);
        Task parent = null;
        if (task.parentId() != null) {
            parent = rows.lock(task.parentId()).orElseThrow(() -> new BadInput("parentId", "no task "
                    + task.parentId()));
            if (parent.status().closed()) {
                throw new Conflict("task " + parent.id() + " is " + parent.status() + ": a closed task gets no "
                        + "child tasks");
            }
        }
        NewTask checked = new NewTask(task.type(), title, office, assignee, task.subjectType(),
                task.subjectId() == null ? null : task.subjectId().trim(), task.operationId(), task.parentId(),
                task.dueAt());
        Task created = get(rows.insert(checked, priority == null ? task.type().defaultPriority() : priority,
                by.name()));
        record(created, by, "CREATED", null, TaskStatus.ASSIGNED, created.type() + " for " + created.assignee()
                + (created.subjectType() == null ? "" : ", about " + created.subjectType() + " "
                + created.subjectId()) + (created.operationId() == null ? "" : ", operation " + created.operationId())
                + (created.dueAt() == null ? "" : ", due " + created.dueAt()) + ", priority " + created.priority()
                + (parent == null ? "" : ", child of task " + parent.id()));
        if (parent != null) {
            if (parent.status() == TaskStatus.ON_HOLD) {
                record(parent, by, "CHILD_ADDED", null, null, "waits for child task " + created.id() + " as well");
            } else {
                rows.setStatus(parent, TaskStatus.ON_HOLD, parent.status(), null, null);
                record(parent, by, "PUT_ON_HOLD", parent.status(), TaskStatus.ON_HOLD, "waits for child task "
                        + created.id() + "; returns to " + parent.status() + " when its last open child closes");
            }
        }
        return get(created.id());
    }

    /**
     * A user may hold a task of their own field office's roles (officer, supervisor, director); counsel may hold
     * legal reviews. A team is a name within the task's field office; another office's code is refused.
     */
    private Assignee checkedAssignee(Assignee assignee, TaskType type, String office) {
        boolean user = assignee != null && assignee.user() != null && !assignee.user().isBlank();
        boolean team = assignee != null && assignee.team() != null && !assignee.team().isBlank();
        if (user == team) {
            throw new BadInput(user ? "team" : "user", "a task is assigned to a user or to a team: name one of them");
        }
        if (user) {
            String name = assignee.user().trim();
            Users.User holder = users.find(name).filter(Users.User::enabled)
                    .orElseThrow(() -> new BadInput("user", "no enabled user " + name));
            boolean fits = (holder.role().officeScoped() && office.equals(holder.fieldOffice()))
                    || (holder.role() == Role.ATTORNEY && type == TaskType.LEGAL_REVIEW);
            if (!fits) {
                throw new BadInput("user", name + " (" + holder.role() + (holder.fieldOffice() == null ? ""
                        : ", " + holder.fieldOffice()) + ") cannot hold a " + type + " task of field office "
                        + office + ": officers, supervisors and directors of the office can"
                        + (type == TaskType.LEGAL_REVIEW ? ", and counsel" : ""));
            }
            return Assignee.ofUser(name);
        }
        String name = TaskRules.teamName(rows, assignee.team(), "team");
        if (rows.fieldOfficeExists(name) && !name.equals(office)) {
            throw new BadInput("team", "a task of field office " + office + " stays there: team " + name
                    + " is another field office");
        }
        return Assignee.ofTeam(name);
    }

    // ---- working on a task --------------------------------------------------------------------------------------

    /**
     * ASSIGNED → IN_PROGRESS. A team's task is taken by whoever starts it: it becomes theirs.
     *
     * @throws Forbidden when the user may not work on the task (see {@link TaskRules#mayWork})
     * @throws Conflict  when the task is not ASSIGNED, or changed meanwhile
     */
    @Transactional
    public Task start(long id) {
        return start(id, null);
    }

    @Transactional
    Task start(long id, Integer expectedVersion) {
        By by = By.user(access.actor());
        Task task = current(id, expectedVersion);
        requireMayWork(task, by);
        // ON_HOLD → IN_PROGRESS is the table's move for a parent whose last child closed, not a user's start
        if (task.status() != TaskStatus.ASSIGNED || !task.status().allows(TaskStatus.IN_PROGRESS)) {
            throw refused(task, TaskStatus.IN_PROGRESS);
        }
        if (task.assigneeTeam() != null) {
            rows.assign(task, Assignee.ofUser(by.name()), TaskStatus.IN_PROGRESS, null);
            record(task, by, "STARTED", task.status(), TaskStatus.IN_PROGRESS, "taken from team "
                    + task.assigneeTeam() + " by " + by.name());
        } else {
            rows.setStatus(task, TaskStatus.IN_PROGRESS, null, null, null);
            record(task, by, "STARTED", task.status(), TaskStatus.IN_PROGRESS, "started by " + by.name());
        }
        return get(id);
    }

    /**
     * ASSIGNED or IN_PROGRESS → COMPLETED; a task ON_HOLD waits for its children. Child-welfare checks and collateral
     * reviews need a resolution; only a supervisor completes a collateral review, only counsel a legal review. When
     * this was its parent's last open child, the parent returns to the status it had.
     *
     * @throws BadInput  ({@code resolution}) when one is required and missing, or over 10,000 characters
     */
    @Transactional
    public Task complete(long id, String resolution) {
        return complete(id, resolution, null);
    }

    @Transactional
    Task complete(long id, String resolution, Integer expectedVersion) {
        By by = By.user(access.actor());
        Task locked = lockWithParent(id, expectedVersion);
        requireMayWork(locked, by);
        Role only = locked.type().completedOnlyBy();
        if (only != null && !by.actor().is(only)) {
            throw new Forbidden("a " + locked.type() + " task is completed by " + (only == Role.ATTORNEY ? "counsel"
                    : "a " + only.name().toLowerCase(Locale.ROOT)) + ", not by " + by.actor().role());
        }
        String text = resolution == null || resolution.isBlank() ? null : resolution.trim();
        if (text == null && locked.type().resolutionRequired()) {
            throw new BadInput("resolution", "completing a " + locked.type() + " task says what was found or decided");
        }
        if (text != null && text.length() > MAX_RESOLUTION) {
            throw new BadInput("resolution", "at most " + MAX_RESOLUTION + " characters");
        }
        if (!locked.status().allows(TaskStatus.COMPLETED)) {
            throw refused(locked, TaskStatus.COMPLETED);
        }
        rows.setStatus(locked, TaskStatus.COMPLETED, null, by.name(), text);
        record(locked, by, "COMPLETED", locked.status(), TaskStatus.COMPLETED, text == null ? "completed" : text);
        reopenParentIfLastChild(locked, by);
        return get(id);
    }

    /**
     * Cancels a task and, with the same reason, every open task below it; when it was its parent's last open child,
     * the parent returns to the status it had. Only supervisors and directors of the task's field office cancel:
     * a task someone else gave (a child-welfare check, an escalation) never disappears by its assignee's hand; the
     * assignee hands it back ({@link #reassign}) instead.
     *
     * @throws BadInput ({@code reason}) when the reason is missing
     */
    @Transactional
    public Task cancel(long id, String reason) {
        return cancel(id, reason, null, By.user(access.actor()));
    }

    /** Cancels a task as the system ({@code system:<name>}): a timer whose task is no longer needed. */
    @Transactional
    public Task cancelAsSystem(long id, String reason, String systemActor) {
        return cancel(id, reason, null, By.system(systemActor));
    }

    @Transactional
    Task cancel(long id, String reason, Integer expectedVersion) {
        return cancel(id, reason, expectedVersion, By.user(access.actor()));
    }

    private Task cancel(long id, String reason, Integer expectedVersion, By by) {
        Task locked = lockWithParent(id, expectedVersion);
        if (!by.system()
                && !(TaskRules.inOffice(by.actor(), locked) && by.actor().is(Role.SUPERVISOR, Role.DIRECTOR))) {
            if (!TaskRules.mayRead(by.actor(), locked)) {
                throw hidden(by.actor(), locked);
            }
            throw new Forbidden("tasks are cancelled by supervisors and directors of the task's field office; an "
                    + "assignee hands a task back instead");
        }
        if (reason == null || reason.isBlank()) {
            throw new BadInput("reason", "cancelling a task says why");
        }
        if (reason.trim().length() > MAX_RESOLUTION) {
            throw new BadInput("reason", "at most " + MAX_RESOLUTION + " characters");
        }
        if (!locked.status().allows(TaskStatus.CANCELLED)) {
            throw refused(locked, TaskStatus.CANCELLED);
        }
        cancelTree(locked, reason.trim(), by);
        reopenParentIfLastChild(locked, by);
        return get(id);
    }

    /** Cancels the task, then its open children (each below its now-cancelled parent, which stays cancelled). */
    private void cancelTree(Task task, String reason, By by) {
        rows.setStatus(task, TaskStatus.CANCELLED, null, by.name(), reason);
        record(task, by, "CANCELLED", task.status(), TaskStatus.CANCELLED, reason);
        for (Task child : rows.children(task.id())) {
            if (child.status().open()) {
                cancelTree(rows.lock(child.id()).orElseThrow(), "parent task " + task.id() + " cancelled: " + reason,
                        by);
            }
        }
    }

    /**
     * Gives the task to another user or team. An IN_PROGRESS task goes back to ASSIGNED (its new holder has not
     * started it); an ON_HOLD task stays on hold and returns to ASSIGNED. Whoever may work on the task may reassign
     * it: an officer takes a team's task this way, or hands their own back to the team.
     *
     * @throws BadInput ({@code user} or {@code team}) for an assignee who cannot hold the task
     * @throws Conflict when the task is closed, or already held by that assignee
     */
    @Transactional
    public Task reassign(long id, Assignee to) {
        return reassign(id, to, null);
    }

    @Transactional
    Task reassign(long id, Assignee to, Integer expectedVersion) {
        By by = By.user(access.actor());
        Task task = current(id, expectedVersion);
        requireMayWork(task, by);
        Assignee assignee = checkedAssignee(to, task.type(), task.fieldOffice());
        if (task.status().closed()) {
            throw new Conflict("task " + id + " is " + task.status() + ": a closed task is not reassigned");
        }
        if (Objects.equals(assignee.user(), task.assigneeUser())
                && Objects.equals(assignee.team(), task.assigneeTeam())) {
            throw new Conflict("task " + id + " is already assigned to " + task.assignee());
        }
        TaskStatus status = task.status() == TaskStatus.IN_PROGRESS ? TaskStatus.ASSIGNED : task.status();
        if (status != task.status() && !task.status().allows(status)) {
            throw refused(task, status);
        }
        rows.assign(task, assignee, status, task.status() == TaskStatus.ON_HOLD ? TaskStatus.ASSIGNED : null);
        String holder = assignee.user() != null ? "user " + assignee.user() : "team " + assignee.team();
        record(task, by, "REASSIGNED", task.status(), status, "from " + task.assignee() + " to " + holder);
        return get(id);
    }

    /** The longest hold by hand, in days: a task does not leave its queue for longer than a year. */
    static final int MAX_HOLD_DAYS = 366;

    /**
     * Puts an ASSIGNED or IN_PROGRESS task on hold by hand, with a reason, until a date (UTC) after today: from that
     * date on the task is back in its queue with the status it had, by itself (docs/tasks.md, "Holds").
     *
     * @throws BadInput ({@code reason}, {@code until}) for a missing reason or a date that is not after today
     * @throws Conflict when the task is on hold already, closed, or changed meanwhile
     */
    @Transactional
    public Task hold(long id, String reason, java.time.LocalDate until, Integer expectedVersion) {
        By by = By.user(access.actor());
        Task task = current(id, expectedVersion);
        requireMayWork(task, by);
        String text = reason == null ? "" : reason.trim();
        if (text.isEmpty()) {
            throw new BadInput("reason", "a hold says why the task waits");
        }
        if (text.length() > MAX_RESOLUTION) {
            throw new BadInput("reason", "at most " + MAX_RESOLUTION + " characters");
        }
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        if (until == null) {
            throw new BadInput("until", "a hold ends on a date: the day the task returns to its queue");
        }
        if (!until.isAfter(today)) {
            throw new BadInput("until", "a hold ends after today (" + today + ", UTC), not on " + until);
        }
        if (until.isAfter(today.plusDays(MAX_HOLD_DAYS))) {
            throw new BadInput("until", "a hold lasts at most " + MAX_HOLD_DAYS + " days, until "
                    + today.plusDays(MAX_HOLD_DAYS));
        }
        if (task.status() == TaskStatus.ON_HOLD || !task.status().allows(TaskStatus.ON_HOLD)) {
            throw refused(task, TaskStatus.ON_HOLD);
        }
        rows.hold(task, task.status(), text, until, by.name());
        record(task, by, "HELD", task.status(), TaskStatus.ON_HOLD, "until " + until + ": " + text);
        return get(id);
    }

    /**
     * Ends a hold by hand before its date: the task returns to the status it had (or keeps waiting for its open
     * child tasks).
     *
     * @throws Conflict when the task is not on hold by hand, or changed meanwhile
     */
    @Transactional
    public Task release(long id, Integer expectedVersion) {
        By by = By.user(access.actor());
        Task task = lockWithParent(id, expectedVersion);
        requireMayWork(task, by);
        if (task.status() != TaskStatus.ON_HOLD || !task.held()) {
            throw new Conflict("task " + id + " is " + task.status() + ", not on hold by hand" + lastChange(id));
        }
        TaskStatus back = task.openChildren() > 0 ? TaskStatus.ON_HOLD : task.resumesAs();
        rows.setStatus(task, back, task.resumesAs(), null, null);
        record(task, by, "RELEASED", TaskStatus.ON_HOLD, back, back == TaskStatus.ON_HOLD
                ? "hold ended; still waits for its " + task.openChildren() + " open child tasks"
                : "hold ended before " + task.holdUntil());
        return get(id);
    }

    /**
     * Gives an open task another priority.
     *
     * @throws BadInput ({@code priority}) when none is given
     * @throws Conflict when the task is closed, has that priority already, or changed meanwhile
     */
    @Transactional
    public Task prioritize(long id, TaskPriority priority, Integer expectedVersion) {
        By by = By.user(access.actor());
        Task task = current(id, expectedVersion);
        requireMayWork(task, by);
        if (priority == null) {
            throw new BadInput("priority", "one of " + List.of(TaskPriority.values()));
        }
        if (task.status().closed()) {
            throw new Conflict("task " + id + " is " + task.status() + lastChange(id)
                    + ": a closed task keeps its priority");
        }
        if (task.priority() == priority) {
            throw new Conflict("task " + id + " is " + priority + " already" + lastChange(id));
        }
        rows.prioritize(task, priority);
        record(task, by, "PRIORITIZED", null, null, task.priority() + " → " + priority);
        return get(id);
    }

    private void requireMayWork(Task task, By by) {
        if (!by.system() && !TaskRules.mayWork(by.actor(), task)) {
            if (!TaskRules.mayRead(by.actor(), task)) {
                throw hidden(by.actor(), task);
            }
            throw new Forbidden(by.name() + " (" + by.actor().role() + ") may not work on task " + task.id()
                    + ": it is assigned to " + task.assignee());
        }
    }

    private Task current(long id, Integer expectedVersion) {
        Task task = get(id);
        if (expectedVersion != null && expectedVersion != task.version()) {
            throw new Conflict("task " + id + " is " + task.status() + " at version " + task.version() + ", not "
                    + expectedVersion + ": it was changed meanwhile" + lastChange(id)
                    + "; reload it and try again");
        }
        return task;
    }

    /** The task, after locking its parent (parents before children, always), then the task itself. */
    private Task lockWithParent(long id, Integer expectedVersion) {
        Task task = get(id);
        if (task.parentId() != null) {
            rows.lock(task.parentId());
        }
        Task locked = rows.lock(id).orElseThrow(() -> new NotFound(notFound(id)));
        if (expectedVersion != null && expectedVersion != locked.version()) {
            throw new Conflict("task " + id + " is " + locked.status() + " at version " + locked.version()
                    + ", not " + expectedVersion + ": it was changed meanwhile" + lastChange(id)
                    + "; reload it and try again");
        }
        return locked;
    }

    /** After a child closed: its parent, if on hold and now without an open child, returns to the status it had. */
    private void reopenParentIfLastChild(Task child, By by) {
        if (child.parentId() == null) {
            return;
        }
        Task parent = rows.lock(child.parentId()).orElseThrow();
        if (parent.status() != TaskStatus.ON_HOLD || rows.openChildren(parent.id()) > 0 || parent.held()) {
            return; // still waiting: for another child, or on hold by hand until its date
        }
        TaskStatus back = parent.resumesAs();
        if (!parent.status().allows(back)) {
            throw refused(parent, back);
        }
        rows.setStatus(parent, back, null, null, null);
        record(parent, by, "REOPENED", TaskStatus.ON_HOLD, back, "its last open child task " + child.id()
                + " closed");
    }

    /** {@code  (already completed by officer at 2026-12-02 11:02 UTC)}, from the task's history. */
    private String lastChange(long id) {
        return rows.lastEvent(id).map(e -> " (" + TaskLinks.doneBy(e) + ")").orElse("");
    }

    private Conflict refused(Task task, TaskStatus to) {
        String why = task.status() == TaskStatus.ON_HOLD && to != TaskStatus.CANCELLED
                ? (task.held() ? ": it is on hold until " + task.holdUntil() + " by " + task.heldBy() + " ("
                        + task.holdReason() + ")" : ": it waits for its " + task.openChildren() + " open child tasks")
                : task.status().closed() ? lastChange(task.id()) : "";
        return new Conflict("task " + task.id() + " is " + task.status() + "; it cannot go to " + to + why
                + " (from " + task.status() + ": " + task.status().next() + ")");
    }

    /** The task's event and the audit entry, in the transaction of the change. */
    private void record(Task task, By by, String kind, TaskStatus from, TaskStatus to, String detail) {
        rows.event(task.id(), by.name(), kind, from, to, detail);
        String action = "TASK_" + kind;
        String summary = "task " + task.id() + " (" + task.type() + ")" + (to == null || from == to ? ""
                : ": " + (from == null ? "" : from + " → ") + to) + "; " + detail;
        if (by.system()) {
            audit.record(new AuditEvent(by.name(), "SYSTEM", null, action, "TASK", String.valueOf(task.id()), null,
                    RequestIds.current(), summary));
        } else {
            access.audit(action, subject(task), summary);
        }
    }

    private static Access.Subject subject(Task task) {
        return new Access.Subject("TASK", String.valueOf(task.id()), task.fieldOffice());
    }
}
