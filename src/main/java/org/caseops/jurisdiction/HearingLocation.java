package org.caseops.jurisdiction;

/**
 * An EOIR hearing location and the field office whose area it is in.
 *
 * @param fieldOfficeMethod how the field office was found: {@code state}, {@code office_in_city},
 *                          {@code base_city}, {@code override} or {@code fallback} (see docs/reference-data.md)
 */
public record HearingLocation(String code, String name, String city, String state, String zip, String baseCityCode,
        boolean active, String fieldOfficeCode, String fieldOfficeMethod) {
}
