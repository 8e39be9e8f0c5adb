package org.caseops.docket;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The dates of things that have happened, as an import reads them (records entered, charging documents, decisions,
 * filings: the columns marked {@link Column#event()}), counted by day, to tell the release date of the snapshot the
 * files are. A release holds nothing dated after the day it was made, so its newest such date is the release date or
 * a day or two before it. EOIR's data have typing errors, a 2091 for a 2019; so dates after the import day are not
 * counted, and the newest date is the newest that at least one date in a million reaches (at least one): a few
 * mistyped dates among millions cannot move it. Counting costs an array increment per date, in the same pass that
 * reads the files.
 */
final class ReleaseDates {

    private static final LocalDate FIRST = LocalDate.of(1980, 1, 1);
    private static final long FIRST_DAY = FIRST.toEpochDay();

    private final long lastDay;
    private final long[] counts;
    private long total;
    /** The current file's dates by epoch day, after the import day included (see {@link #fileCounts()}). */
    private final TreeMap<Long, Long> later = new TreeMap<>();
    private final long[] fileCounts;

    ReleaseDates(LocalDate importDay) {
        this.lastDay = importDay.toEpochDay();
        this.counts = new long[(int) Math.max(1, lastDay - FIRST_DAY + 1)];
        this.fileCounts = new long[counts.length];
    }

    /** Starts counting one file's dates on their own (see {@link #fileCounts()}). */
    void startFile() {
        java.util.Arrays.fill(fileCounts, 0);
        later.clear();
    }

    /**
     * The dates counted since {@link #startFile()}, by epoch day, those after the import day included (they are not
     * counted for this import's release date, but a later import on a later day that takes the file over counts
     * them as reading it would): what {@code import_file.date_counts} stores (V87).
     */
    Map<Long, Long> fileCounts() {
        TreeMap<Long, Long> all = new TreeMap<>();
        for (int i = 0; i < fileCounts.length; i++) {
            if (fileCounts[i] > 0) {
                all.put(FIRST_DAY + i, fileCounts[i]);
            }
        }
        all.putAll(later);
        return all;
    }

    /** Counts the dates of a file taken over unchanged, as {@link #fileCounts()} gave them when it was read. */
    void addAll(Map<Long, Long> byEpochDay) {
        startFile();
        byEpochDay.forEach((day, n) -> {
            if (day < FIRST_DAY) {
                return;
            }
            if (day > lastDay) {
                later.merge(day, n, Long::sum);
                return;
            }
            counts[(int) (day - FIRST_DAY)] += n;
            fileCounts[(int) (day - FIRST_DAY)] += n;
            total += n;
        });
    }

    /** Counts an ISO date ({@code 2019-02-11}) as staged. */
    void add(String iso) {
        int year = (iso.charAt(0) - '0') * 1000 + (iso.charAt(1) - '0') * 100 + (iso.charAt(2) - '0') * 10
                + (iso.charAt(3) - '0');
        if (year < FIRST.getYear()) {
            return;
        }
        int month = (iso.charAt(5) - '0') * 10 + (iso.charAt(6) - '0');
        int day = (iso.charAt(8) - '0') * 10 + (iso.charAt(9) - '0');
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        if (epochDay > lastDay) {
            later.merge(epochDay, 1L, Long::sum);
            return;
        }
        counts[(int) (epochDay - FIRST_DAY)]++;
        fileCounts[(int) (epochDay - FIRST_DAY)]++;
        total++;
    }

    long total() {
        return total;
    }

    /** The newest date reached by at least one in a million of the dates counted (and at least one), if any. */
    Optional<LocalDate> newest() {
        if (total == 0) {
            return Optional.empty();
        }
        long needed = Math.max(1, total / 1_000_000);
        long seen = 0;
        for (int i = counts.length - 1; i >= 0; i--) {
            seen += counts[i];
            if (seen >= needed) {
                return Optional.of(LocalDate.ofEpochDay(FIRST_DAY + i));
            }
        }
        return Optional.empty();
    }
}
