package org.caseops.operation.schedule;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A planning value: a {@link StagingSite}, with the holding interval of a unit brought in at each slot computed once
 * (departure, minutes held, and the clock hours the holding touches). Identity equality.
 */
final class SiteFact {

    private final StagingSite site;
    private final LocalDateTime[] departure;
    private final long[] heldMinutes;
    private final List<List<LocalDateTime>> heldHours;
    /** Per slot: the clock hours held, as hours since midnight of the first slot's day (for {@link Construction}). */
    private final int[][] heldHourIndices;

    SiteFact(StagingSite site, List<TimeSlot> slots, Duration processing) {
        this.site = site;
        int n = slots.size();
        this.departure = new LocalDateTime[n];
        this.heldMinutes = new long[n];
        this.heldHours = new ArrayList<>(n);
        this.heldHourIndices = new int[n][];
        LocalDateTime origin = slots.isEmpty() ? null : slots.get(0).date().atStartOfDay();
        for (TimeSlot slot : slots) {
            LocalDateTime arrival = slot.startDateTime();
            LocalDateTime leaves = site.departureFor(arrival, processing);
            departure[slot.index()] = leaves;
            heldMinutes[slot.index()] = Duration.between(arrival, leaves).toMinutes();
            List<LocalDateTime> hours = hoursTouched(arrival, leaves);
            heldHours.add(hours);
            heldHourIndices[slot.index()] = hours.stream().mapToInt(h -> (int) ChronoUnit.HOURS.between(origin, h))
                    .toArray();
        }
    }

    /** The clock hours {@code [h, h+1)} that share time with {@code [from, to)}. */
    static List<LocalDateTime> hoursTouched(LocalDateTime from, LocalDateTime to) {
        List<LocalDateTime> hours = new ArrayList<>();
        for (LocalDateTime h = from.truncatedTo(ChronoUnit.HOURS); h.isBefore(to); h = h.plusHours(1)) {
            hours.add(h);
        }
        return List.copyOf(hours);
    }

    StagingSite site() {
        return site;
    }

    String id() {
        return site.siteId();
    }

    String office() {
        return site.fieldOffice();
    }

    int capacityPeople() {
        return site.capacityPeople();
    }

    int familyRooms() {
        return site.familyRooms();
    }

    long maxHeldMinutes() {
        return site.maxHeld().toMinutes();
    }

    LocalDateTime departure(TimeSlot slot) {
        return departure[slot.index()];
    }

    long heldMinutes(TimeSlot slot) {
        return heldMinutes[slot.index()];
    }

    List<LocalDateTime> heldHours(TimeSlot slot) {
        return heldHours.get(slot.index());
    }

    int[][] heldHourIndices() {
        return heldHourIndices;
    }

    /** {@link #heldHours} as hours since midnight of the window's first day. */
    int[] heldHourIndices(TimeSlot slot) {
        return heldHourIndices[slot.index()];
    }

    @Override
    public String toString() {
        return "site " + id() + " (" + site.kind() + ", " + office() + ")";
    }
}
