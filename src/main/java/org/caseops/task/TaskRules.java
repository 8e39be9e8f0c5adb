package org.caseops.task;

import java.util.Locale;
import org.caseops.access.Actor;
import org.caseops.access.Role;
import org.caseops.system.BadInput;

/** Who may read a task and who may work on it (docs/tasks.md), and how a team is named: the rules, without I/O. */
final class TaskRules {

    private TaskRules() {
    }

    /**
     * Who sees a task: the officers, supervisors and directors of its field office, its assignee, and counsel for
     * legal reviews (in any field office).
     */
    static boolean mayRead(Actor actor, Task task) {
        return inOffice(actor, task) || actor.username().equals(task.assigneeUser())
                || (actor.is(Role.ATTORNEY) && task.type() == TaskType.LEGAL_REVIEW);
    }

    static boolean inOffice(Actor actor, Task task) {
        return actor.role().officeScoped() && task.fieldOffice().equals(actor.fieldOffice());
    }

    /**
     * Who may work on a task (start, complete, reassign): its assignee; for a team's task, every officer, supervisor
     * and director of its field office; the supervisors and directors of its field office always; counsel on legal
     * reviews.
     */
    static boolean mayWork(Actor actor, Task task) {
        return (inOffice(actor, task) && (actor.is(Role.SUPERVISOR, Role.DIRECTOR) || task.assigneeTeam() != null))
                || actor.username().equals(task.assigneeUser())
                || (actor.is(Role.ATTORNEY) && task.type() == TaskType.LEGAL_REVIEW);
    }

    /** SQL over {@code t}: the task is not on hold now. */
    static String notHeld() {
        return TaskRows.STATUS + " <> 'ON_HOLD'";
    }

    /** A team's name as stored: trimmed; a field office's code in upper case. */
    static String teamName(TaskRows rows, String team, String field) {
        String name = team == null ? "" : team.trim();
        if (name.isEmpty() || name.length() > 100) {
            throw new BadInput(field, "a team's name has 1 to 100 characters");
        }
        String upper = name.toUpperCase(Locale.ROOT);
        return !upper.equals(name) && rows.fieldOfficeExists(upper) ? upper : name;
    }
}
