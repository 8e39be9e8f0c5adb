package org.caseops.jurisdiction;

/** An ERO field office (area of responsibility), located at its main ERO office. */
public record FieldOffice(String code, String name, String city, String state, String address, Double latitude,
        Double longitude) {
}
