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
 * The queue pages (docs/web.md): tabs Mine, Team (the field office's) and Overdue, each a {@link Queues} queue with its
 * rules and audit entries; start and complete from the row, with the task's version so that two people acting on one
 * task get a clear "already done by …" instead of a silent overwrite.
 */
@Controller
@Pages
@Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY})
class TaskPages {

    /** How many open tasks one queue page reads at most (its CSV too): the queue's own page size, a few times. */
    static final int MAX_READ = 5 * Queues.MAX_PAGE_SIZE;

    static final List<Column> COLUMNS = List.of(Column.sortable("due", "Due (UTC)"),
            Column.sortable("task", "Task"), Column.sortable("type", "Type"), Column.sortable("status", "Status"),
            Column.sortable("assignee", "Assignee"), Column.sortable("subject", "Subject"),
            Column.sortable("waiting", "Days waiting"), Column.plain("actions", "Actions"));

    private final Tasks tasks;
    private final Queues queues;
    private final Access access;

    TaskPages(Tasks tasks, Queues queues, Access access) {
        this.tasks = tasks;
        this.queues = queues;
        this.access = access;
    }

    record Tab(String key, String label, String href, boolean current) {
    }

    @GetMapping("/queues")
    String queues(@RequestParam(required = false) String tab, @RequestParam(required = false) TaskStatus status,
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
        Listing.Query query = Listing.Query.of(page, size, sort, dir, filter, COLUMNS, "due", false);
        List<Task> all = read(shown, actor, status);
        String path = "/queues?tab=" + shown + (status == null ? "" : "&status=" + status);
        Listing table = Listing.of("queue", title(shown, actor), path, COLUMNS, rows(all, actor, path), query);
        if ("csv".equals(format)) {
            table.writeCsv(response, "queue-" + shown);
            return null;
        }
        model.addAttribute("tabs", tabs.stream().map(t -> new Tab(t, title(t, actor), "/queues?tab=" + t,
                t.equals(shown))).toList());
        model.addAttribute("tab", shown);
        model.addAttribute("status", status);
        model.addAttribute("statuses", List.of(TaskStatus.ASSIGNED, TaskStatus.IN_PROGRESS, TaskStatus.ON_HOLD));
        model.addAttribute("table", table);
        model.addAttribute("overdue", all.stream().filter(Task::overdue).count());
        model.addAttribute("truncated", all.size() >= MAX_READ);
        return "task/queues";
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
        String to = back != null && back.startsWith("/queues") ? back : "/queues";
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

    private static String title(String tab, Actor actor) {
        return switch (tab) {
            case "team" -> "Team " + actor.fieldOffice();
            case "overdue" -> "Overdue in " + actor.fieldOffice();
            default -> "Mine";
        };
    }

    private List<Task> read(String tab, Actor actor, TaskStatus status) {
        List<Task> all = new ArrayList<>();
        for (int p = 0; all.size() < MAX_READ; p++) {
            Queue q = switch (tab) {
                case "team" -> queues.team(actor.fieldOffice(), status, p, Queues.MAX_PAGE_SIZE);
                case "overdue" -> queues.overdue(status, p, Queues.MAX_PAGE_SIZE);
                default -> queues.mine(status, p, Queues.MAX_PAGE_SIZE);
            };
            all.addAll(q.tasks());
            if ((long) (p + 1) * Queues.MAX_PAGE_SIZE >= q.total()) {
                break;
            }
        }
        return all;
    }

    private static List<Listing.Row> rows(List<Task> all, Actor actor, String back) {
        Instant now = Instant.now();
        return Listing.rows(all,
                t -> Cell.of(t.dueAt() == null ? "" : when(t.dueAt()) + (t.overdue() ? " (overdue)" : "")),
                t -> Cell.of(t.id() + " " + t.title()),
                t -> Cell.of(label(t.type().name())),
                t -> Cell.of(label(t.status().name())),
                t -> Cell.of(t.assigneeUser() != null ? t.assigneeUser() : "team " + t.assigneeTeam()),
                t -> subjectHref(t) == null ? Cell.of(subject(t)) : Cell.link(subject(t), subjectHref(t)),
                t -> Cell.of(java.time.Duration.between(t.createdAt(), now).toDays()),
                t -> actions(t, actor, back));
    }

    private static Cell actions(Task t, Actor actor, String back) {
        List<Action> actions = new ArrayList<>();
        Map<String, String> hidden = Map.of("version", String.valueOf(t.version()), "back", back);
        if (t.status() == TaskStatus.ASSIGNED) {
            actions.add(Action.button("start-" + t.id(), "Start", "/queues/tasks/" + t.id() + "/start", hidden));
        }
        boolean mine = actor.username().equals(t.assigneeUser());
        Role only = t.type().completedOnlyBy();
        if (mine && t.status().allows(TaskStatus.COMPLETED) && (only == null || actor.is(only))) {
            actions.add(Action.withText("complete-" + t.id(), "Complete", "/queues/tasks/" + t.id() + "/complete",
                    "resolution", "Resolution", t.type().resolutionRequired(), hidden));
        }
        return Cell.actions(actions.isEmpty() ? "" : String.join(", ", actions.stream().map(Action::label).toList()),
                actions.toArray(Action[]::new));
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
