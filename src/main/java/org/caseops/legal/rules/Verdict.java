package org.caseops.legal.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The gate's answer with every rule's finding, in the fixed order of {@link Rule}.
 *
 * @param status        EXECUTABLE, NOT_EXECUTABLE or FROZEN
 * @param findings      one finding per rule (some rules give one per stay, motion or hold), in {@link Rule} order
 * @param asOf          the date the verdict is for
 * @param changesOn     the earliest date on which the verdict may change by itself (a window closes, a stay ends),
 *                      when known; new facts (a motion filed, a decision) can change it any day
 * @param policyVersion the id of the {@link PolicyVersion} in force on {@code asOf}
 * @param dataAsOf      the release date of the docket data it was judged on
 */
public record Verdict(Status status, List<Finding> findings, LocalDate asOf, Optional<LocalDate> changesOn,
        String policyVersion, LocalDate dataAsOf) {

    public Verdict {
        Objects.requireNonNull(status, "status");
        findings = List.copyOf(findings);
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(changesOn, "changesOn");
        Objects.requireNonNull(policyVersion, "policyVersion");
        Objects.requireNonNull(dataAsOf, "dataAsOf");
    }

    /**
     * The finding that decides the status: the first BLOCKS finding for NOT_EXECUTABLE, the first FREEZES finding for
     * FROZEN, the FINALITY finding for EXECUTABLE. Screening reports count cases by its rule id.
     */
    public Finding reason() {
        Effect deciding = switch (status) {
            case NOT_EXECUTABLE -> Effect.BLOCKS;
            case FROZEN -> Effect.FREEZES;
            case EXECUTABLE -> null;
        };
        String finality = Rule.FINALITY.name();
        for (Finding f : findings) {
            if (deciding == null ? f.ruleId().equals(finality) : f.effect() == deciding) {
                return f;
            }
        }
        throw new IllegalStateException("no finding decides the status " + status);
    }

    /** True when the person has no court case of their own: "not subject to removal", whatever the family's orders. */
    public boolean notSubjectToRemoval() {
        for (Finding f : findings) {
            if (f.holds() && f.ruleId().equals(Rule.OWN_CASE.name())) {
                return true;
            }
        }
        return false;
    }
}
