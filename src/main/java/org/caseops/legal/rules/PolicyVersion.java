package org.caseops.legal.rules;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The settings in force from one date until the next version's {@code effectiveFrom}.
 *
 * @param id                                  stable id, stored with each verdict
 * @param effectiveFrom                       first day in force
 * @param summary                             what changed, in plain words
 * @param appealPeriodDays                    calendar days to appeal an IJ decision to the BIA (8 CFR 1003.38(b))
 * @param voluntaryDepartureDays              departure period assumed after a VD order when none is recorded
 *                                            (8 CFR 1240.26(e): up to 60 days at the conclusion of proceedings)
 * @param exceptionalCircumstancesDays        days after an in-absentia order to move to reopen for exceptional
 *                                            circumstances (INA 240(b)(5)(C)(i))
 * @param protectedAreas                      the protected-area (sensitive-locations) policy in force; recorded for
 *                                            the planning features, it does not change executability
 */
public record PolicyVersion(String id, LocalDate effectiveFrom, String summary, int appealPeriodDays,
        int voluntaryDepartureDays, int exceptionalCircumstancesDays, ProtectedAreaPolicy protectedAreas) {

    public PolicyVersion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Objects.requireNonNull(protectedAreas, "protectedAreas");
        if (appealPeriodDays < 1 || voluntaryDepartureDays < 1 || exceptionalCircumstancesDays < 1) {
            throw new IllegalArgumentException("Policy periods must be at least one day");
        }
    }

    /**
     * A protected-area policy.
     *
     * @param id       e.g. {@code ICE-10029.2-2011}
     * @param citation the memo or its revocation
     * @param restrictsEnforcement true while the policy limits enforcement actions at or near protected areas
     */
    public record ProtectedAreaPolicy(String id, String citation, boolean restrictsEnforcement) {
    }
}
