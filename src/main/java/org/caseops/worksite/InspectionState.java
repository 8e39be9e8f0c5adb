package org.caseops.worksite;

import java.util.EnumSet;
import java.util.Set;

/**
 * A Form I-9 inspection's states and the one table of moves between them (STYLE: one transition table per aggregate).
 * More forms are recorded while the forms are being reviewed; more notices while notices are being served.
 */
public enum InspectionState {
    NOTICE_SERVED, FORMS_RECEIVED, NOTICES_SERVED, HEARING_REQUESTED, SETTLED, FINAL_ORDER, CLOSED;

    public Set<InspectionState> next() {
        return switch (this) {
            case NOTICE_SERVED -> EnumSet.of(FORMS_RECEIVED, CLOSED);
            case FORMS_RECEIVED -> EnumSet.of(NOTICES_SERVED, CLOSED);
            case NOTICES_SERVED -> EnumSet.of(HEARING_REQUESTED, SETTLED, FINAL_ORDER, CLOSED);
            case HEARING_REQUESTED -> EnumSet.of(SETTLED, FINAL_ORDER);
            case SETTLED, FINAL_ORDER -> EnumSet.of(CLOSED);
            case CLOSED -> EnumSet.noneOf(InspectionState.class);
        };
    }

    public boolean allows(InspectionState to) {
        return next().contains(to);
    }

    /** Whether forms may be recorded: from the Notice of Inspection until the first notice of the review. */
    public boolean takesForms() {
        return this == NOTICE_SERVED || this == FORMS_RECEIVED;
    }

    /** Whether notices may be served: once forms were reviewed, until the case is heard, settled or ordered. */
    public boolean takesNotices() {
        return this == FORMS_RECEIVED || this == NOTICES_SERVED;
    }
}
