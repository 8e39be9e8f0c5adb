package org.caseops.task;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.caseops.access.Access;
import org.caseops.access.Actor;
import org.caseops.access.Allow;
import org.caseops.access.Role;
import org.caseops.system.BadInput;
import org.caseops.system.Conflict;
import org.caseops.system.Forbidden;
import org.caseops.system.Listing;
import org.caseops.system.Listing.Action;
import org.caseops.system.Listing.Cell;
import org.caseops.system.Listing.Column;
import org.caseops.system.Pages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The queue pages (docs/web.md): the queues Mine, Team (the field office's) and Overdue, each a {@link Queues} queue
 * with its rules and audit entries; Mine and Team in Caseflow's tabs (Unassigned, Assigned, On hold, Completed), by
 * priority then due time with the overdue ones first; start, complete, cancel and take off hold from the row; select
 * rows to reassign them or put them on hold with a reason. Every action goes with the task's version, so that two
 * people acting on one task get a clear "already done by X at T" instead of a silent overwrite.
 */
@Controller
@Pages
@Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY})
class TaskPages {

    /** How many tasks one queue page reads at most (its CSV too): the queue's own page size, a few times. */
    static final int MAX_READ = 5 * Queues.MAX_PAGE_SIZE;

    static final List<Column> COLUMNS = List.of(Column.plain("select", "Select"),
            Column.sortable("priority", "Priority"), Column.sortable("due", "Due (UTC)"),
            Column.sortable("task", "Task"), Column.sortable("type", "Type"), Column.sortable("status", "Status"),
            Column.sortable("assignee", "Assignee"), Column.sortable("subject", "Subject"),
            Column.sortable("waiting", "Days waiting"), Column.plain("actions", "Actions"));

    static final List<Column> CLOSED_COLUMNS = List.of(Column.sortable("closed", "Closed (UTC)"),
            Column.sortable("task", "Task"), Column.sortable("type", "Type"), Column.sortable("status", "Status"),
            Column.sortable("by", "Closed by"), Column.sortable("assignee", "Assignee"),
            Column.sortable("subject", "Subject"), Column.sortable("resolution", "Resolution or reason"));

    /** The priorities to choose from, most urgent first. */
    static final Map<String, String> PRIORITIES = priorities();

    private final Tasks tasks;
    private final Queues queues;
    private final TaskBatches batches;
    private final Access access;

    TaskPages(Tasks tasks, Queues queues, TaskBatches batches, Access access) {
        this.tasks = tasks;
        this.queues = queues;
        this.batches = batches;
        this.access = access;
    }

    record Tab(String key, String label, String href, boolean current) {
    }

    @GetMapping("/queues")
    String queues(@RequestParam(required = false) String tab, @RequestParam(required = false) String show,
            @RequestParam(required = false) TaskStatus status,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
            @RequestParam(required = false) String filter, @RequestParam(required = false) String format,
            Model model, HttpServletResponse response) {
        Actor actor = access.actor();
        List<String> tabs = tabs(actor);
        String shown = tab == null || tab.isBlank() ? tabs.get(0) : tab;
        if (!List.of("mine", "team", "overdue").contains(shown)) {
            throw new BadInput("tab", "'" + tab + "' is not a queue: mine, team or overdue");
        }
        if (!tabs.contains(shown)) {
            throw new Forbidden("the " + shown + " queue is not for " + actor.role());
        }
        List<Queues.Tab> views = views(shown);
        Queues.Tab view;
        try {
            view = show != null && !show.isBlank() ? Queues.Tab.parse(show) : views.isEmpty() ? null
                    : status == TaskStatus.ON_HOLD ? Queues.Tab.ON_HOLD : views.get(0);
        } catch (BadInput e) {
            throw new BadInput("show", e.getMessage());
        }
        if (view != null && !views.contains(view)) {
            throw new BadInput("show", "the " + shown + " queue shows " + views.stream().map(v -> key(v)).toList());
        }
        boolean closed = view == Queues.Tab.COMPLETED;
        List<Column> columns = closed ? CLOSED_COLUMNS : COLUMNS;
        Listing.Query query = Listing.Query.of(page, size, sort, dir, filter, columns, closed ? "closed" : null,
                closed);
        List<Task> all = read(shown, view, actor, closed || view == Queues.Tab.ON_HOLD ? null : status);
        String path = "/queues?tab=" + shown + (view == null ? "" : "&show=" + key(view))
                + (status == null || closed ? "" : "&status=" + status);
        List<Task> ordered = closed ? all : overdueFirst(all);
        Listing table = Listing.of("queue", title(shown, actor) + (view == null ? "" : ": " + label(view.name())),
                path, columns, closed ? closedRows(ordered) : rows(ordered, actor, path), query);
        if ("csv".equals(format)) {
            table.writeCsv(response, "queue-" + shown + (view == null ? "" : "-" + key(view)));
            return null;
        }
        model.addAttribute("tabs", tabs.stream().map(t -> new Tab(t, title(t, actor), "/queues?tab=" + t,
                t.equals(shown))).toList());
        model.addAttribute("views", views.stream().map(v -> new Tab(key(v), label(v.name()),
                "/queues?tab=" + shown + "&show=" + key(v), v == view)).toList());
        model.addAttribute("tab", shown);
        model.addAttribute("show", view == null ? null : key(view));
        model.addAttribute("closed", closed);
        model.addAttribute("status", status);
        model.addAttribute("statuses", view == null ? List.of(TaskStatus.ASSIGNED, TaskStatus.IN_PROGRESS,
                TaskStatus.ON_HOLD) : List.of(TaskStatus.ASSIGNED, TaskStatus.IN_PROGRESS));
        model.addAttribute("table", table);
        model.addAttribute("back", path);
        model.addAttribute("today", java.time.LocalDate.now(java.time.ZoneOffset.UTC));
        model.addAttribute("overdue", closed ? 0 : all.stream().filter(Task::overdue).count());
        model.addAttribute("truncated", all.size() >= MAX_READ);
        model.addAttribute("priorities", PRIORITIES);
        if (!model.containsAttribute("bulk")) {
            model.addAttribute("bulk", new Bulk(null, null, null, null, null, null));
        }
        return "task/queues";
    }

    /**
     * What the bulk form holds: the action ({@code reassign} or {@code hold}) and its fields, kept on error. A flash
     * attribute, so it travels in the session, which PostgreSQL stores (serialized): hence Serializable.
     */
    record Bulk(String action, String assignee, String reason, String until, String priority,
            String problemField) implements java.io.Serializable {
    }

    /**
     * Acts on the selected rows ({@code ids}: {@code id@version} each): reassigns them to a user or team, or puts
     * them on hold with a reason until a date; each task on its own (TaskBatches), the page says task by task what
     * was refused.
     */
    @PostMapping("/queues/bulk")
    RedirectView bulk(@RequestParam(required = false) List<String> ids, @RequestParam(required = false) String action,
            @RequestParam(required = false) String assignee, @RequestParam(required = false) String reason,
            @RequestParam(required = false) String until, @RequestParam(required = false) String priority,
            @RequestParam(required = false) String back, RedirectAttributes flash) {
        try {
            List<TaskBatches.Item> items = new ArrayList<>();
            for (String id : ids == null ? List.<String>of() : ids) {
                items.add(item(id));
            }
            TaskBatches.Result result = switch (action == null ? "" : action) {
                case "reassign" -> batches.reassign(items, assigneeOf(assignee));
                case "hold" -> batches.hold(items, reason, date(until));
                case "priority" -> batches.prioritize(items, priority(priority));
                default -> throw new BadInput("action", "choose what to do with the selected tasks: reassign them, "
                        + "put them on hold or give them a priority");
            };
            String done = switch (action) {
                case "reassign" -> "reassigned to " + assignee.trim();
                case "priority" -> "given the priority " + label(priority(priority).name()).toLowerCase(Locale.ROOT);
                default -> "put on hold until " + until.trim();
            };
            if (result.done() > 0) {
                flash.addFlashAttribute("message", result.done() + (result.done() == 1 ? " task " : " tasks ") + done
                        + ".");
            }
            if (result.refused() > 0) {
                flash.addFlashAttribute("error", String.join(" ", result.tasks().stream().filter(o -> o.status() != 200)
                        .map(o -> "Task " + o.id() + ": " + refusal(o)).toList()));
            }
        } catch (BadInput e) {
            flash.addFlashAttribute("bulk", new Bulk(action, assignee, reason, until, priority, e.field()));
            flash.addFlashAttribute("bulkError", e.getMessage());
        }
        return back(back);
    }

    private String refusal(TaskBatches.Outcome o) {
        if (o.status() == 409) {
            Optional<TaskRows.Event> last = tasks.lastEvent(o.id());
            if (last.isPresent() && !last.get().actor().equals(access.actor().username())) {
                return TaskLinks.doneBy(last.get()).replaceFirst("^already", "was already") + ".";
            }
        }
        return o.detail();
    }

    private static TaskBatches.Item item(String value) {
        String[] parts = value == null ? new String[0] : value.split("@", 2);
        try {
            return new TaskBatches.Item(Long.parseLong(parts[0].trim()), parts.length > 1
                    ? Integer.valueOf(parts[1].trim()) : null);
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw new BadInput("tasks", "'" + value + "' is not a task");
        }
    }

    /** {@code team HOU} or {@code HOU team}: a team; anything else a user name. */
    private static Assignee assigneeOf(String text) {
        String name = text == null ? "" : text.trim();
        if (name.isEmpty()) {
            throw new BadInput("assignee", "name the user or the team (team HOU) to give the tasks to");
        }
        if (name.toLowerCase(Locale.ROOT).startsWith("team ")) {
            return Assignee.ofTeam(name.substring(5).trim());
        }
        return Assignee.ofUser(name);
    }

    /** HIGH, NORMAL or LOW (any case); {@code null} when none was chosen: the service then names the field. */
    private static TaskPriority priority(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return TaskPriority.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadInput("priority", "'" + text + "' is not a priority: high, normal or low");
        }
    }

    /** The date typed, or null when none was: the service then says what it needs, in its order (reason first). */
    private static java.time.LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(text.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw new BadInput("until", "'" + text + "' is not a date (yyyy-MM-dd)");
        }
    }

    /** Takes the task (from a team: it becomes the user's), as the API's {@code POST /api/tasks/{id}/start}. */
    @PostMapping("/queues/tasks/{id}/start")
    RedirectView start(@PathVariable long id, @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String back, RedirectAttributes flash) {
        return act(id, back, flash, "started", () -> tasks.start(id, version));
    }

    /** Completes the task, as the API's {@code POST /api/tasks/{id}/complete}. */
    @PostMapping("/queues/tasks/{id}/complete")
    RedirectView complete(@PathVariable long id, @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String resolution, @RequestParam(required = false) String back,
            RedirectAttributes flash) {
        return act(id, back, flash, "completed", () -> tasks.complete(id, resolution, version));
    }

    /** Cancels the task with a reason, as the API's {@code POST /api/tasks/{id}/cancel}. */
    @PostMapping("/queues/tasks/{id}/cancel")
    RedirectView cancel(@PathVariable long id, @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String reason, @RequestParam(required = false) String back,
            RedirectAttributes flash) {
        return act(id, back, flash, "cancelled", () -> tasks.cancel(id, reason, version));
    }

    /** Gives the task another priority, as the API's {@code POST /api/tasks/{id}/priority}. */
    @PostMapping("/queues/tasks/{id}/priority")
    RedirectView prioritize(@PathVariable long id, @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String priority, @RequestParam(required = false) String back,
            RedirectAttributes flash) {
        return act(id, back, flash, "given another priority", () -> tasks.prioritize(id, priority(priority),
                version));
    }

    /** Ends a hold by hand before its date, as the API's {@code POST /api/tasks/{id}/release}. */
    @PostMapping("/queues/tasks/{id}/release")
    RedirectView release(@PathVariable long id, @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String back, RedirectAttributes flash) {
        return act(id, back, flash, "taken off hold", () -> tasks.release(id, version));
    }

    private RedirectView act(long id, String back, RedirectAttributes flash, String done,
            java.util.function.Supplier<Task> action) {
        try {
            Task task = action.get();
            flash.addFlashAttribute("message", "Task " + id + " " + done + ": " + task.title());
        } catch (Conflict e) {
            flash.addFlashAttribute("error", conflict(id, e));
        } catch (BadInput e) {
            flash.addFlashAttribute("error", "Task " + id + ": " + e.field() + ": " + e.getMessage());
        }
        return back(back);
    }

    private static RedirectView back(String back) {
        String to = back != null && back.startsWith("/queues") && !back.startsWith("/queues/") ? back : "/queues";
        RedirectView view = new RedirectView(to, true);
        view.setExposeModelAttributes(false);
        return view;
    }

    /** "Already done by X at T" when someone else got there first; the service's reason otherwise. */
    private String conflict(long id, Conflict e) {
        Optional<Task> now = tasks.find(id);
        if (now.isPresent() && now.get().closedBy() != null && now.get().closedAt() != null) {
            Task t = now.get();
            return "Task " + id + " was already " + label(t.status().name()).toLowerCase(Locale.ROOT) + " by "
                    + t.closedBy() + " at " + when(t.closedAt()) + ".";
        }
        if (now.isPresent() && now.get().assigneeUser() != null
                && !now.get().assigneeUser().equals(access.actor().username())) {
            return "Task " + id + " was already taken by " + now.get().assigneeUser() + ".";
        }
        if (now.isPresent() && now.get().held()) {
            Task t = now.get();
            return "Task " + id + " was already put on hold by " + t.heldBy() + " at " + when(t.heldAt())
                    + ", until " + t.holdUntil() + ": " + t.holdReason();
        }
        return "Task " + id + " changed meanwhile: " + e.getMessage();
    }

    private static List<String> tabs(Actor actor) {
        List<String> tabs = new ArrayList<>(List.of("mine"));
        if (actor.role().officeScoped()) {
            tabs.add("team");
        }
        if (actor.is(Role.SUPERVISOR, Role.DIRECTOR)) {
            tabs.add("overdue");
        }
        return tabs;
    }

    /** Caseflow's tabs of each queue; the overdue queue is one list. */
    private static List<Queues.Tab> views(String tab) {
        return switch (tab) {
            case "mine" -> List.of(Queues.Tab.ASSIGNED, Queues.Tab.ON_HOLD, Queues.Tab.COMPLETED);
            case "team" -> List.of(Queues.Tab.UNASSIGNED, Queues.Tab.ASSIGNED, Queues.Tab.ON_HOLD,
                    Queues.Tab.COMPLETED);
            default -> List.of();
        };
    }

    private static String key(Queues.Tab view) {
        return view.name().toLowerCase(Locale.ROOT);
    }

    private static String title(String tab, Actor actor) {
        return switch (tab) {
            case "team" -> "Team " + actor.fieldOffice();
            case "overdue" -> "Overdue in " + actor.fieldOffice();
            default -> "Mine";
        };
    }

    private List<Task> read(String tab, Queues.Tab view, Actor actor, TaskStatus status) {
        List<Task> all = new ArrayList<>();
        for (int p = 0; all.size() < MAX_READ; p++) {
            Queue q = switch (tab) {
                case "team" -> queues.team(actor.fieldOffice(), view, status, p, Queues.MAX_PAGE_SIZE);
                case "overdue" -> queues.overdue(status, p, Queues.MAX_PAGE_SIZE);
                default -> queues.mine(view, status, p, Queues.MAX_PAGE_SIZE);
            };
            all.addAll(q.tasks());
            if ((long) (p + 1) * Queues.MAX_PAGE_SIZE >= q.total()) {
                break;
            }
        }
        return all;
    }

    /** The overdue group first, each group in the queue's order (priority, then due time). */
    private static List<Task> overdueFirst(List<Task> all) {
        List<Task> ordered = new ArrayList<>(all.stream().filter(Task::overdue).toList());
        ordered.addAll(all.stream().filter(t -> !t.overdue()).toList());
        return ordered;
    }

    private static List<Listing.Row> rows(List<Task> all, Actor actor, String back) {
        Instant now = Instant.now();
        return Listing.rows(all,
                t -> TaskRules.mayWork(actor, t) ? Cell.select("bulk", "ids", t.id() + "@" + t.version(),
                        "Select task " + t.id()) : Cell.of(""),
                t -> Cell.of(t.priority().rank() + " " + label(t.priority().name()).toLowerCase(Locale.ROOT)),
                t -> Cell.of(t.dueAt() == null ? "" : when(t.dueAt()) + (t.overdue() ? " (overdue)" : "")),
                t -> Cell.of(t.id() + " " + t.title()),
                t -> Cell.of(label(t.type().name())),
                t -> Cell.of(label(t.status().name()) + (t.held() ? " until " + t.holdUntil() + " by " + t.heldBy()
                        + ": " + t.holdReason() : t.status() == TaskStatus.ON_HOLD ? ": waits for "
                        + t.openChildren() + " child task" + (t.openChildren() == 1 ? "" : "s") : "")),
                t -> Cell.of(t.assigneeUser() != null ? t.assigneeUser() : "team " + t.assigneeTeam()),
                t -> subjectHref(t) == null ? Cell.of(subject(t)) : Cell.link(subject(t), subjectHref(t)),
                t -> Cell.of(java.time.Duration.between(t.createdAt(), now).toDays()),
                t -> actions(t, actor, back));
    }

    private static List<Listing.Row> closedRows(List<Task> all) {
        return Listing.rows(all,
                t -> Cell.of(when(t.closedAt())),
                t -> Cell.of(t.id() + " " + t.title()),
                t -> Cell.of(label(t.type().name())),
                t -> Cell.of(label(t.status().name())),
                t -> Cell.of(t.closedBy()),
                t -> Cell.of(t.assigneeUser() != null ? t.assigneeUser() : "team " + t.assigneeTeam()),
                t -> subjectHref(t) == null ? Cell.of(subject(t)) : Cell.link(subject(t), subjectHref(t)),
                t -> Cell.of(t.resolution()));
    }

    private static Cell actions(Task t, Actor actor, String back) {
        List<Action> actions = new ArrayList<>();
        Map<String, String> hidden = Map.of("version", String.valueOf(t.version()), "back", back);
        if (t.status() == TaskStatus.ASSIGNED) {
            actions.add(Action.button("start-" + t.id(), "Start", "/queues/tasks/" + t.id() + "/start", hidden));
        }
        boolean mine = actor.username().equals(t.assigneeUser());
        Role only = t.type().completedOnlyBy();
        if (mine && t.status() != TaskStatus.ON_HOLD && t.status().allows(TaskStatus.COMPLETED)
                && (only == null || actor.is(only))) {
            actions.add(Action.withText("complete-" + t.id(), "Complete", "/queues/tasks/" + t.id() + "/complete",
                    "resolution", "Resolution", t.type().resolutionRequired(), hidden));
        }
        if (t.held() && TaskRules.mayWork(actor, t)) {
            actions.add(Action.button("release-" + t.id(), "Take off hold", "/queues/tasks/" + t.id() + "/release",
                    hidden));
        }
        if (TaskRules.mayWork(actor, t) && !t.status().closed()) {
            actions.add(Action.withChoice("priority-" + t.id(), "Set priority", "/queues/tasks/" + t.id()
                    + "/priority", "priority", "Priority of task " + t.id(), PRIORITIES, t.priority().name(), hidden));
        }
        if (TaskRules.inOffice(actor, t) && actor.is(Role.SUPERVISOR, Role.DIRECTOR)) {
            actions.add(Action.withText("cancel-" + t.id(), "Cancel", "/queues/tasks/" + t.id() + "/cancel",
                    "reason", "Reason to cancel", true, hidden));
        }
        return Cell.actions(actions.isEmpty() ? "" : String.join(", ", actions.stream().map(Action::label).toList()),
                actions.toArray(Action[]::new));
    }

    private static Map<String, String> priorities() {
        Map<String, String> all = new java.util.LinkedHashMap<>();
        for (TaskPriority p : TaskPriority.values()) {
            all.put(p.name(), label(p.name()));
        }
        return java.util.Collections.unmodifiableMap(all);
    }

    private static String subject(Task t) {
        return TaskLinks.subject(t);
    }

    private static String subjectHref(Task t) {
        return TaskLinks.subjectHref(t);
    }

    private static String label(String code) {
        return TaskLinks.label(code);
    }

    private static String when(Instant t) {
        return TaskLinks.when(t);
    }
}
