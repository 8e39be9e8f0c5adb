package org.caseops.jurisdiction;

/** A state, or one county of a state ({@code county} null = the whole state), in a field office's area. */
public record FieldOfficeArea(String fieldOfficeCode, String state, String county) {
}
