package org.caseops.supervision;

import java.time.LocalDate;
import java.util.Locale;
import org.caseops.access.Access;
import org.caseops.legal.LegalDays;
import org.caseops.system.BadInput;
import org.caseops.system.Forbidden;
import org.caseops.task.NewTask;
import org.caseops.task.Task;
import org.caseops.task.Tasks;

/**
 * What every sweep of a field office's records checks first (missed check-ins, overstays, ATD evaluations), and who
 * runs it: a signed-in user through the API or a page, or the schedule as a system actor ({@link SupervisionSweeps}),
 * whose tasks and audit entries name that actor, not a user.
 */
final class Sweeps {

    private Sweeps() {
    }

    /** Who runs a sweep: a user ({@code system} false) or the schedule ({@code system:...}). */
    record By(String name, boolean system) {

        static By user(Access access) {
            return new By(access.actor().username(), false);
        }

        static By system(String name) {
            return new By(name, true);
        }

        void audit(Access access, String action, Access.Subject subject, String detail) {
            if (system) {
                access.auditAsSystem(name, action, subject, detail);
            } else {
                access.audit(action, subject, detail);
            }
        }

        Task task(Tasks tasks, NewTask task) {
            return system ? tasks.createAsSystem(task, name) : tasks.create(task);
        }
    }

    /**
     * The field office a sweep runs for, upper case: required, and one the caller may change; {@code asOf} required
     * and not in the future.
     *
     * @param what what the sweep records, for the refusal ("missed check-ins")
     */
    static String office(Access access, String fieldOffice, LocalDate asOf, String what) {
        if (fieldOffice == null || fieldOffice.isBlank()) {
            throw new BadInput("fieldOffice", "fieldOffice is required");
        }
        String office = fieldOffice.trim().toUpperCase(Locale.ROOT);
        if (asOf == null || asOf.isAfter(LegalDays.now().last())) {
            throw new BadInput("asOf", "asOf is required and not in the future");
        }
        if (!access.actor().mayChange(office)) {
            throw new Forbidden(access.actor().username() + " may not record " + what + " for " + office);
        }
        return office;
    }
}
