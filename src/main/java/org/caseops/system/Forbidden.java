package org.caseops.system;

/** The caller is signed in but may not do this (403): its role or field office does not allow it. */
public class Forbidden extends RuntimeException {

    public Forbidden(String message) {
        super(message);
    }
}
