package org.caseops.task;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caseops.access.Allow;
import org.caseops.access.Role;
import org.caseops.system.Dashboard;
import org.caseops.system.Listing;
import org.caseops.system.Listing.Cell;
import org.caseops.system.Listing.Column;
import org.caseops.system.Pages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The dashboard of tasks overdue per team (docs/web.md, "Dashboards"): {@link TaskDashboard} as a chart and table. */
@Controller
@Pages
@Allow({Role.SUPERVISOR, Role.DIRECTOR, Role.AUDITOR})
class TaskDashboardPages {

    static final List<Column> COLUMNS = List.of(Column.sortable("office", "Field office"),
            Column.sortable("queue", "Queue"), Column.sortable("open", "Open"),
            Column.sortable("overdue", "Overdue"), Column.sortable("week", "Overdue more than 7 days"),
            Column.sortable("oldest", "Oldest due"));

    /** As the other pages write a time (access.PageForms): UTC, to the minute. */
    private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm").withZone(java.time.ZoneOffset.UTC);

    private final TaskDashboard dashboard;

    TaskDashboardPages(TaskDashboard dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping("/dashboards/tasks")
    String tasks(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
            @RequestParam(required = false) String filter, @RequestParam(required = false) String format,
            Model model, HttpServletResponse response) {
        List<TaskDashboard.QueueCounts> queues = dashboard.overdue();
        Listing table = Listing.of("queues", "Open and overdue tasks per queue", "/dashboards/tasks", COLUMNS,
                Listing.rows(queues, q -> Cell.of(q.fieldOffice()), q -> Cell.of(name(q)), q -> Cell.of(q.open()),
                        q -> Cell.of(q.overdue()), q -> Cell.of(q.overdueWeek()),
                        q -> Cell.of(q.oldestDue() == null ? "" : TIME.format(q.oldestDue()))),
                Listing.Query.of(page, size, sort, dir, filter, COLUMNS, "overdue", true));
        if ("csv".equals(format)) {
            table.writeCsv(response, "caseops-tasks-overdue");
            return null;
        }
        // the chart: the queues with overdue tasks, at most 20 (the table has them all)
        List<TaskDashboard.QueueCounts> shown = queues.stream().filter(q -> q.overdue() > 0).limit(20).toList();
        Map<String, List<Long>> series = new LinkedHashMap<>();
        series.put("Overdue", shown.stream().map(TaskDashboard.QueueCounts::overdue).toList());
        series.put("Overdue more than 7 days", shown.stream().map(TaskDashboard.QueueCounts::overdueWeek).toList());
        series.put("Open", shown.stream().map(TaskDashboard.QueueCounts::open).toList());
        model.addAttribute("d", Dashboard.of("Tasks overdue per team",
                "Open tasks per queue: a team's queue (its field office's code or the team's name) or a user's own. "
                        + "Overdue: due before now. Counts only; the queues page lists the tasks.",
                "Queues with overdue tasks (at most 20, most overdue first)",
                shown.stream().map(q -> q.fieldOffice() + " " + name(q)).toList(), series, table,
                "No queue has an overdue task."));
        return "layout/dashboard";
    }

    private static String name(TaskDashboard.QueueCounts q) {
        return q.team() ? "team " + q.queue() : q.queue();
    }
}
