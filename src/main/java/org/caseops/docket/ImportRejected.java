package org.caseops.docket;

import org.caseops.system.BadInput;

/**
 * An input that cannot be imported at all (no key column, two files for one table, no reference data).
 * Nothing is written when an import is rejected.
 */
public class ImportRejected extends BadInput {

    public ImportRejected(String message) {
        this(message, null);
    }

    /** @param field the request field at fault ({@code eoir} or {@code persons}), when known */
    public ImportRejected(String message, String field) {
        super(field, message);
    }
}
