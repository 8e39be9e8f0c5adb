package org.caseops.legal.rules;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * What one rule found on the as-of date.
 *
 * @param ruleId   the rule's stable id ({@link Rule#name()}), e.g. {@code APPEAL_WINDOW}
 * @param citation short legal citation, e.g. {@code 8 CFR 1003.38(b)}
 * @param holds    true when this finding stands in the way of removal (effect BLOCKS or FREEZES); false when the
 *                 rule allows removal or only informs
 * @param effect   what the finding does to the verdict
 * @param detail   plain English for an attorney, with the dates and EOIR ids it relied on
 * @param until    the first day on which this finding no longer stands as stated (exclusive end), when known:
 *                 e.g. the day after the appeal deadline, the day a stay expires, the day after the 180-day window
 */
public record Finding(String ruleId, String citation, boolean holds, Effect effect, String detail,
        Optional<LocalDate> until) {

    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(citation, "citation");
        Objects.requireNonNull(effect, "effect");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(until, "until");
        if (holds != effect.standsInTheWay()) {
            throw new IllegalArgumentException("holds must be true exactly for BLOCKS and FREEZES");
        }
    }

    static Finding of(Rule rule, Effect effect, String detail) {
        return new Finding(rule.name(), rule.citation(), effect.standsInTheWay(), effect, detail, Optional.empty());
    }

    static Finding of(Rule rule, Effect effect, String detail, LocalDate until) {
        return new Finding(rule.name(), rule.citation(), effect.standsInTheWay(), effect, detail,
                Optional.ofNullable(until));
    }

    static Finding of(Rule rule, String citation, Effect effect, String detail, LocalDate until) {
        return new Finding(rule.name(), citation, effect.standsInTheWay(), effect, detail, Optional.ofNullable(until));
    }
}
