package org.caseops.jurisdiction;

/** An EOIR base city (immigration court) and the field office whose area it is in. */
public record BaseCity(String code, String name, String city, String state, String fieldOfficeCode,
        String fieldOfficeMethod) {
}
