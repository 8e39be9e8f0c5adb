package org.caseops.operation.schedule;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

/**
 * A planning value: one slot of one day. Identity equality (one instance per slot), so joins and groups hash cheaply.
 * Carries what the constraints need about it, computed once: its index, its day's index in the window, and which
 * avoid-for-minors windows it overlaps.
 */
final class TimeSlot {

    private final int index;
    private final int dayIndex;
    private final LocalDate date;
    private final LocalTime start;
    private final LocalTime end;
    private final List<String> minorWindows;

    TimeSlot(int index, int dayIndex, LocalDate date, LocalTime start, LocalTime end, List<String> minorWindows) {
        this.index = index;
        this.dayIndex = dayIndex;
        this.date = date;
        this.start = start;
        this.end = end;
        this.minorWindows = List.copyOf(minorWindows);
    }

    int index() {
        return index;
    }

    int dayIndex() {
        return dayIndex;
    }

    LocalDate date() {
        return date;
    }

    LocalTime start() {
        return start;
    }

    LocalTime end() {
        return end;
    }

    LocalDateTime startDateTime() {
        return date.atTime(start);
    }

    /** Labels of the avoid-for-minors windows this slot overlaps. */
    List<String> minorWindows() {
        return minorWindows;
    }

    int minorWindowCount() {
        return minorWindows.size();
    }

    /** E.g. {@code Mon 2019-06-24 08:00–09:00}. */
    String label() {
        return date.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " " + date + " " + start + "–"
                + end;
    }

    @Override
    public String toString() {
        return label();
    }
}
