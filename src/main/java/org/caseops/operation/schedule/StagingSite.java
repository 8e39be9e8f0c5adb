package org.caseops.operation.schedule;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;

/**
 * A place where family units are held after their visit until transport leaves.
 *
 * <p>Holding rule: a unit brought in at slot start {@code t} is processed for one slot length and is held from
 * {@code t} until the first departure at or after {@code t + slot length} that day; if there is none that day, until
 * the first departure of the next day.
 *
 * @param siteId         unique among the input's sites
 * @param fieldOffice    code of the field office the site serves
 * @param kind           what kind of place it is
 * @param capacityPeople people that may be held there at any hour
 * @param familyRooms    family units that may be held there at any hour (one room per unit)
 * @param maxHeld        the longest a person may be held there
 * @param departures     when transport leaves, every day (at least one)
 */
public record StagingSite(String siteId, String fieldOffice, StagingKind kind, int capacityPeople, int familyRooms,
                          Duration maxHeld, List<LocalTime> departures) {

    public StagingSite {
        if (siteId == null || siteId.isBlank()) {
            throw new IllegalArgumentException("a staging site has no id");
        }
        if (fieldOffice == null || fieldOffice.isBlank()) {
            throw new IllegalArgumentException("staging site " + siteId + " has no field office");
        }
        Objects.requireNonNull(kind, () -> "kind of staging site " + siteId + " must not be null");
        if (capacityPeople < 0 || familyRooms < 0) {
            throw new IllegalArgumentException("capacities of staging site " + siteId + " must be >= 0, were "
                    + capacityPeople + " people and " + familyRooms + " family rooms");
        }
        Objects.requireNonNull(maxHeld, () -> "maxHeld of staging site " + siteId + " must not be null");
        if (maxHeld.isNegative() || maxHeld.isZero()) {
            throw new IllegalArgumentException("maxHeld of staging site " + siteId + " must be positive, was " + maxHeld);
        }
        Objects.requireNonNull(departures, () -> "departures of staging site " + siteId + " must not be null");
        if (departures.isEmpty()) {
            throw new IllegalArgumentException("staging site " + siteId + " has no departure time");
        }
        departures = departures.stream().map(d -> Objects.requireNonNull(d,
                () -> "staging site " + siteId + " has a null departure time")).distinct().sorted().toList();
    }

    /** When a unit brought in at {@code arrival}, ready after {@code processing}, leaves this site. */
    public LocalDateTime departureFor(LocalDateTime arrival, Duration processing) {
        LocalDateTime ready = arrival.plus(processing);
        for (LocalDate day = ready.toLocalDate(); ; day = day.plusDays(1)) {
            for (LocalTime time : departures) {
                LocalDateTime departure = day.atTime(time);
                if (!departure.isBefore(ready)) {
                    return departure;
                }
            }
        }
    }
}
