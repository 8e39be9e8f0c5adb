package org.caseops.system;

/**
 * Input a user must correct: answered as an RFC 9457 problem detail (400) that names the field at fault.
 */
public class BadInput extends RuntimeException {

    private final String field;

    public BadInput(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The request field (parameter, part or JSON property) at fault, or {@code null}. */
    public String field() {
        return field;
    }
}
