package org.caseops.operation.schedule;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * Where and when one family unit is visited.
 *
 * @param unitId    the family unit
 * @param date      the day of the visit
 * @param start     start of the visit slot
 * @param end       end of the visit slot
 * @param teamId    the team that visits
 * @param siteId    the staging site the unit is brought to
 * @param heldUntil when the unit leaves the staging site (the departure its holding rule gives)
 */
public record Assignment(long unitId, LocalDate date, LocalTime start, LocalTime end, String teamId, String siteId,
                         LocalDateTime heldUntil) {
}
