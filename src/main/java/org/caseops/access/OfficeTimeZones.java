package org.caseops.access;

import java.time.ZoneId;
import java.util.Optional;

/**
 * The time zone of a field office: the date it is there is "today" for its users ({@link WorkingDate#today()}).
 * Implemented by the jurisdiction module, which knows the 25 field offices; access only asks.
 */
public interface OfficeTimeZones {

    /** The zone of the field office with this code; empty for a code that is none of them. */
    Optional<ZoneId> of(String fieldOfficeCode);
}
