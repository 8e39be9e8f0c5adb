package org.caseops.jurisdiction;

/** A field office with how many EOIR hearing locations lie in its area (all, and active ones). */
public record FieldOfficeSummary(String code, String name, String city, String state, int hearingLocations,
        int activeHearingLocations) {
}
