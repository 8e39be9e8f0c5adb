package org.caseops.operation.schedule;

/** What kind of place a staging site is. Informative: the schedule uses only a site's capacities and departures. */
public enum StagingKind {
    HOTEL,
    FIELD_OFFICE,
    FAMILY_RESIDENTIAL_CENTER,
    OTHER
}
