package org.caseops.access;

import java.time.LocalDate;

/**
 * The working date when the user chose none ({@link WorkingDate}): today, unless a bean of this type says otherwise.
 * Demo mode provides one, its scenario's date (issue 14: "the demo defaults to its scenario date").
 */
public interface DefaultWorkingDate {

    /** The date pages work on until the user chooses another. */
    LocalDate workingDate();
}
