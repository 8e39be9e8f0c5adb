package org.caseops.docket;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.caseops.access.Access;
import org.caseops.access.PageLayout;
import org.caseops.access.PartnerScope;
import org.caseops.system.Listing.Cell;
import org.caseops.task.Task;
import org.caseops.task.Tasks;
import org.springframework.stereotype.Component;

/**
 * The person page's open tasks: those about the person (their A-number) or their family that the user may read
 * ({@link Tasks#openAbout}), by priority then due time, each linking to the queues. The read is audited
 * {@code PERSON_TASKS_READ}.
 */
@Component
class PersonTasks implements PersonSection {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final Tasks tasks;
    private final Access access;

    PersonTasks(Tasks tasks, Access access) {
        this.tasks = tasks;
        this.access = access;
    }

    @Override
    public Optional<Section> section(Shown person, LocalDate workingDate) {
        access.read("PERSON_TASKS_READ", person.subject(), PartnerScope.PERSON_RECORD);
        List<Task> open = tasks.openAbout(person.aNumber(), person.familyId());
        List<List<Cell>> rows = open.stream().map(t -> List.of(
                Cell.link(t.id() + " " + t.title(), t.assigneeUser() != null ? "/queues" : "/queues?tab=team"),
                Cell.of(PageLayout.label(t.type().name())),
                Cell.of(PageLayout.label(t.status().name()) + (t.holdUntil() == null ? ""
                        : " until " + t.holdUntil())),
                Cell.of(PageLayout.label(t.priority().name())),
                Cell.of(t.dueAt() == null ? "" : WHEN.format(t.dueAt()) + (t.overdue() ? " (overdue)" : "")),
                Cell.of(t.assigneeUser() != null ? t.assigneeUser() : "team " + t.assigneeTeam()),
                Cell.of(PageLayout.label(t.subjectType().name()) + " " + t.subjectId()))).toList();
        return Optional.of(new Section(40, "tasks", "Open tasks", List.of("Task", "Type", "Status", "Priority",
                "Due (UTC)", "Assignee", "About"), rows, "No open task about this person or their family.", null));
    }
}
