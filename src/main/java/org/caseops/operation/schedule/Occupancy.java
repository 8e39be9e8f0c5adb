package org.caseops.operation.schedule;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.TreeMap;

/**
 * A staging site's occupancy hour by hour, counted as the solver counts it ({@link ScheduleConstraints}: a unit brought
 * in at {@code t} is held from {@code t} until the site's first departure at or after {@code t} plus the processing
 * time, {@link StagingSite#departureFor}; it counts in every clock hour it is held during any part of), so that a page
 * shows the same overloads the solver and the dry run find.
 */
public final class Occupancy {

    private Occupancy() {
    }

    /** A unit brought to the site: when, and how many people (its members taken). */
    public record Arrival(LocalDateTime at, int people) {
    }

    /** One clock hour {@code [hour, hour + 1h)}: the people and the family units held during any part of it. */
    public record Hour(LocalDateTime hour, int people, int families) {
    }

    /**
     * Every clock hour from the first in which someone is held to the last, each with the people and family units
     * held then (hours in between with nobody held are listed with zeros); empty when nobody arrives.
     */
    public static List<Hour> byHour(StagingSite site, Duration processing, List<Arrival> arrivals) {
        TreeMap<LocalDateTime, int[]> held = new TreeMap<>();
        for (Arrival a : arrivals) {
            LocalDateTime leaves = site.departureFor(a.at(), processing);
            for (LocalDateTime h : SiteFact.hoursTouched(a.at(), leaves)) {
                int[] counts = held.computeIfAbsent(h, k -> new int[2]);
                counts[0] += a.people();
                counts[1]++;
            }
        }
        if (held.isEmpty()) {
            return List.of();
        }
        java.util.ArrayList<Hour> hours = new java.util.ArrayList<>();
        for (LocalDateTime h = held.firstKey(); !h.isAfter(held.lastKey()); h = h.plus(1, ChronoUnit.HOURS)) {
            int[] counts = held.getOrDefault(h, new int[2]);
            hours.add(new Hour(h, counts[0], counts[1]));
        }
        return List.copyOf(hours);
    }
}
