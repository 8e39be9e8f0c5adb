package org.caseops.legal.rules;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.caseops.legal.rules.PolicyVersion.ProtectedAreaPolicy;

/**
 * Effective-dated policy settings and the business calendar. A verdict as of a date uses the version in force on that
 * date, so a verdict for 2019-06-23 uses the 2019 settings.
 *
 * @param versions            versions, any order; effective dates must be distinct
 * @param calendar            business days for time limits that run to the next business day (the BIA's filing days)
 * @param dataStaleAfterDays  how many days after the docket data's release date an action may still be judged on it;
 *                            later, the gate answers NOT_EXECUTABLE (DESIGN invariant 8; {@code
 *                            caseops.legal.data-stale-after-days})
 */
public record PolicySet(List<PolicyVersion> versions, BusinessCalendar calendar, int dataStaleAfterDays) {

    /** The default bound on the age of the docket data: 7 days. */
    public static final int DEFAULT_DATA_STALE_AFTER_DAYS = 7;

    public PolicySet(List<PolicyVersion> versions, BusinessCalendar calendar) {
        this(versions, calendar, DEFAULT_DATA_STALE_AFTER_DAYS);
    }

    public PolicySet {
        if (dataStaleAfterDays < 0) {
            throw new IllegalArgumentException("The data freshness bound cannot be negative");
        }
        versions = versions.stream().sorted(Comparator.comparing(PolicyVersion::effectiveFrom)).toList();
        Objects.requireNonNull(calendar, "calendar");
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("A policy set needs at least one version");
        }
        for (int i = 1; i < versions.size(); i++) {
            if (versions.get(i).effectiveFrom().equals(versions.get(i - 1).effectiveFrom())) {
                throw new IllegalArgumentException("Two policy versions start on " + versions.get(i).effectiveFrom());
            }
        }
    }

    /** The settings CaseOps ships: 30/60/180 days throughout, the protected-area memos of 2011 and 2021, the 2025 revocation. */
    public static PolicySet defaults() {
        ProtectedAreaPolicy none = new ProtectedAreaPolicy("NONE", "no sensitive-locations memo on record", false);
        ProtectedAreaPolicy memo2011 = new ProtectedAreaPolicy("ICE-10029.2-2011",
                "ICE Policy 10029.2, Enforcement Actions at or Focused on Sensitive Locations (2011-10-24)", true);
        ProtectedAreaPolicy memo2021 = new ProtectedAreaPolicy("DHS-PROTECTED-AREAS-2021",
                "DHS, Guidelines for Enforcement Actions in or Near Protected Areas (2021-10-27)", true);
        ProtectedAreaPolicy revoked2025 = new ProtectedAreaPolicy("DHS-PROTECTED-AREAS-REVOKED-2025",
                "DHS directive rescinding the 2021 protected-areas guidelines (2025-01-20)", false);
        return new PolicySet(List.of(
                new PolicyVersion("1997-IIRIRA", LocalDate.of(1997, 4, 1),
                        "IIRIRA removal proceedings: 30-day appeal, up to 60 days VD, 180-day in-absentia window",
                        30, 60, 180, none),
                new PolicyVersion("2011-SENSITIVE-LOCATIONS", LocalDate.of(2011, 10, 24),
                        "ICE sensitive-locations memo in force", 30, 60, 180, memo2011),
                new PolicyVersion("2021-PROTECTED-AREAS", LocalDate.of(2021, 10, 27),
                        "DHS protected-areas guidelines replace the 2011 memo", 30, 60, 180, memo2021),
                new PolicyVersion("2025-PROTECTED-AREAS-REVOKED", LocalDate.of(2025, 1, 20),
                        "Protected-areas guidelines rescinded", 30, 60, 180, revoked2025)),
                BusinessCalendar.biaFiling(), DEFAULT_DATA_STALE_AFTER_DAYS);
    }

    /** The same versions with another calendar (tests). */
    public PolicySet withCalendar(BusinessCalendar other) {
        return new PolicySet(versions, other, dataStaleAfterDays);
    }

    /** The same versions with another bound on the age of the docket data. */
    public PolicySet withDataStaleAfterDays(int days) {
        return new PolicySet(versions, calendar, days);
    }

    /** The version in force on {@code date}; before the first version, the first one. */
    public PolicyVersion forDate(LocalDate date) {
        PolicyVersion inForce = versions.get(0);
        for (PolicyVersion v : versions) {
            if (!v.effectiveFrom().isAfter(date)) {
                inForce = v;
            }
        }
        return inForce;
    }
}
