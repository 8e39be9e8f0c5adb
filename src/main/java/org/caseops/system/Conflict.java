package org.caseops.system;

/** A request that conflicts with the current state (409), e.g. a second open hold on one case. */
public class Conflict extends RuntimeException {
    public Conflict(String message) {
        super(message);
    }
}
