package org.caseops.task;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.caseops.access.Actor;
import org.caseops.access.HomePanel;
import org.caseops.access.Role;
import org.springframework.stereotype.Component;

/**
 * The start page's task panel: the user's own open tasks, due first with the overdue marked; for supervisors and
 * directors also their field office's team queue and its overdue count, by the queue page's tabs (unassigned,
 * assigned, on hold). Read through the queues of
 * {@link Queues}, with their rules and audit entries.
 */
@Component
class TaskHome implements HomePanel {

    static final int SHOWN = 8;

    private final Queues queues;

    TaskHome(Queues queues) {
        this.queues = queues;
    }

    @Override
    public Optional<Panel> panel(Actor actor, LocalDate workingDate) {
        if (!actor.is(Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY)) {
            return Optional.empty();
        }
        Queue mine = queues.mine(null, 0, SHOWN);
        List<Item> items = mine.tasks().stream().map(t -> new Item(t.title(), TaskLinks.subjectHref(t),
                TaskLinks.label(t.type().name()) + ", " + TaskLinks.label(t.status().name())
                        + (t.dueAt() == null ? "" : ", due " + TaskLinks.when(t.dueAt())), t.overdue())).toList();
        List<Count> counts = new ArrayList<>();
        counts.add(new Count(actor.is(Role.ATTORNEY) ? "reviews waiting for me" : "open tasks of mine",
                mine.total(), "/queues?tab=mine"));
        if (actor.is(Role.SUPERVISOR, Role.DIRECTOR)) {
            String office = actor.fieldOffice();
            for (Queues.Tab tab : List.of(Queues.Tab.UNASSIGNED, Queues.Tab.ASSIGNED, Queues.Tab.ON_HOLD)) {
                String key = tab.name().toLowerCase(java.util.Locale.ROOT);
                counts.add(new Count("team: " + key.replace('_', ' '), queues.team(office, tab, null, 0, 1).total(),
                        "/queues?tab=team&show=" + key));
            }
            counts.add(new Count("overdue in " + office, queues.overdue(null, 0, 1).total(), "/queues?tab=overdue"));
        }
        return Optional.of(new Panel(1, "tasks", actor.is(Role.ATTORNEY) ? "Reviews waiting for me"
                : "What needs me now", counts, items, "No open tasks.", "/queues", "All my queues"));
    }
}
