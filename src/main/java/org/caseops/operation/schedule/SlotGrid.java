package org.caseops.operation.schedule;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The visit slots of every day: slots of {@code slotLength} start at {@code firstStart}, then every slot length, as
 * long as the slot ends at or before {@code dayEnd}. {@code hourly(06:00, 20:00)} gives 14 slots, 06:00–07:00 to
 * 19:00–20:00.
 */
public record SlotGrid(LocalTime firstStart, LocalTime dayEnd, Duration slotLength) {

    public static final SlotGrid DEFAULT = hourly(LocalTime.of(6, 0), LocalTime.of(20, 0));

    public SlotGrid {
        Objects.requireNonNull(firstStart, "firstStart of the slot grid must not be null");
        Objects.requireNonNull(dayEnd, "dayEnd of the slot grid must not be null");
        Objects.requireNonNull(slotLength, "slotLength of the slot grid must not be null");
        if (slotLength.compareTo(Duration.ofMinutes(5)) < 0 || slotLength.compareTo(Duration.ofHours(12)) > 0) {
            throw new IllegalArgumentException("slotLength must be between 5 minutes and 12 hours, was " + slotLength);
        }
        if (slotLength.toSecondsPart() != 0 || slotLength.toNanosPart() != 0) {
            throw new IllegalArgumentException("slotLength must be whole minutes, was " + slotLength);
        }
        if (!firstStart.isBefore(dayEnd)
                || Duration.between(firstStart, dayEnd).compareTo(slotLength) < 0) {
            throw new IllegalArgumentException("no slot of " + slotLength.toMinutes() + " minutes fits between "
                    + firstStart + " and " + dayEnd);
        }
    }

    public static SlotGrid hourly(LocalTime firstStart, LocalTime dayEnd) {
        return new SlotGrid(firstStart, dayEnd, Duration.ofHours(1));
    }

    /** The start times of the slots of one day, in order. */
    public List<LocalTime> starts() {
        List<LocalTime> starts = new ArrayList<>();
        long minutes = slotLength.toMinutes();
        int first = firstStart.toSecondOfDay() / 60;
        int end = dayEnd.toSecondOfDay() / 60;
        for (long m = first; m + minutes <= end; m += minutes) {
            starts.add(LocalTime.ofSecondOfDay(m * 60));
        }
        return starts;
    }
}
