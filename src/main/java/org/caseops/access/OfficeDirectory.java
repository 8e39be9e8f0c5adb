package org.caseops.access;

import java.util.List;

/**
 * The field offices a user or an agreement may belong to, for the administration pages' choices (docs/web.md).
 * Implemented by the reference data ({@code jurisdiction}), so that this package depends on no feature above it.
 */
public interface OfficeDirectory {

    /** A field office: its code and its name. */
    record Office(String code, String name) {
        public String label() {
            return name + " (" + code + ")";
        }
    }

    /** Every field office, by code. */
    List<Office> offices();
}
