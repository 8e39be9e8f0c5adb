package org.caseops.jurisdiction;

import java.util.Locale;

/** How a hearing location or base city was placed in a field office's area, in the order the rules are tried. */
enum MappingMethod {
    /** The state lies wholly inside one AOR. */
    STATE,
    /** Hand-curated in {@code reference/caseops/*_overrides.csv}, with a reason; wins over the rules below. */
    OVERRIDE,
    /** (a) An ERO office or sub-office in the same city and state. */
    OFFICE_IN_CITY,
    /** (b) The base city's field office, when that office's area includes the location's state. */
    BASE_CITY,
    /** Nothing above applied: the base city's office even across a state line, else the first AOR of the state. */
    FALLBACK,
    /**
     * No place known and no base city with a field office (a code only EOIR's current lookup lists, by name): no
     * field office. Its cases are kept; {@code GET /api/reference/unmapped} lists it for an administrator to map.
     */
    UNMAPPED;

    String column() {
        return name().toLowerCase(Locale.ROOT);
    }
}
