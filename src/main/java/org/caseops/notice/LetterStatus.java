package org.caseops.notice;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a call-in letter is: printed, handed to the mail, delivered, or returned undelivered. One transition table:
 * PRINTED → SENT → DELIVERED | RETURNED; DELIVERED and RETURNED are final (a correction is a new letter).
 */
public enum LetterStatus {
    PRINTED, SENT, DELIVERED, RETURNED;

    /** The statuses a letter may move to this one from. */
    public Set<LetterStatus> from() {
        return switch (this) {
            case PRINTED -> EnumSet.noneOf(LetterStatus.class);
            case SENT -> EnumSet.of(PRINTED);
            case DELIVERED, RETURNED -> EnumSet.of(SENT);
        };
    }

    public boolean mayFollow(LetterStatus current) {
        return from().contains(current);
    }
}
