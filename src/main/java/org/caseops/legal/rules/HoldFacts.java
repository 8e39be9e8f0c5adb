package org.caseops.legal.rules;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An attorney's legal hold on the case: it makes the case NOT_EXECUTABLE from {@code placedOn} until
 * {@code liftedOn}.
 *
 * @param placedOn the first day of the hold
 * @param liftedOn the day the hold was lifted (the hold no longer applies on that day); null while in place
 * @param reason   the attorney's reason (required)
 */
public record HoldFacts(LocalDate placedOn, LocalDate liftedOn, String reason) {

    public HoldFacts {
        Objects.requireNonNull(placedOn, "placedOn");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("A legal hold needs a reason");
        }
    }
}
