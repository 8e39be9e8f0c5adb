package org.caseops.supervision;

import java.time.LocalDate;
import java.util.Locale;
import org.caseops.access.Access;
import org.caseops.system.BadInput;
import org.caseops.system.Forbidden;

/** What every sweep of a field office's records checks first (missed check-ins, overstays). */
final class Sweeps {

    private Sweeps() {
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
        if (asOf == null || asOf.isAfter(LocalDate.now())) {
            throw new BadInput("asOf", "asOf is required and not in the future");
        }
        if (!access.actor().mayChange(office)) {
            throw new Forbidden(access.actor().username() + " may not record " + what + " for " + office);
        }
        return office;
    }
}
