package org.caseops.system;

/** A named thing that does not exist (404). */
public class NotFound extends RuntimeException {
    public NotFound(String message) {
        super(message);
    }
}
