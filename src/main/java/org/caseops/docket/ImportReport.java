package org.caseops.docket;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What one import did, per table. {@code rows} = {@code inserted + updated + unchanged + quarantined}; rows kept
 * with a warning are counted among the first three, and their warnings in {@code warnings}.
 *
 * @param releaseDate       the release date of the EOIR snapshot imported: as given, or the newest date in the files
 *                          ({@code releaseDateSource} says which); {@code null} for a person file alone
 * @param warnings          warnings on rows kept, all tables (each one an {@code import_warning} row)
 * @param warningSummary    the warnings grouped by table, column, value and reason, most frequent first (at most
 *                          {@link #WARNING_GROUPS}; {@code GET /api/imports/{id}/warnings} lists each row)
 */
public record ImportReport(long importId, Instant startedAt, Instant finishedAt, LocalDate releaseDate,
        String releaseDateSource, List<TableReport> tables, List<String> ignoredFiles, long warnings,
        List<WarningGroup> warningSummary) {

    static final int WARNING_GROUPS = 100;

    public ImportReport {
        // reports stored before warnings and release dates were recorded read with none
        ignoredFiles = ignoredFiles == null ? List.of() : ignoredFiles;
        warningSummary = warningSummary == null ? List.of() : warningSummary;
    }

    /**
     * One table's counts, and how long reading and staging, the set-based checks, and the merge took.
     *
     * @param warnings      warnings on the rows of this table that were kept
     * @param takenOverFrom the import this file was taken over from, unchanged, without reading its rows (ADR 007);
     *                      {@code null} when it was read
     */
    public record TableReport(String table, String file, String sha256, long rows, long inserted, long updated,
            long unchanged, long quarantined, long warnings, long stagingMillis, long checkMillis, long mergeMillis,
            Long takenOverFrom) {
    }

    /** Rows kept with the same warning: how many, and the line of the first. */
    public record WarningGroup(String table, String column, String value, String reason, long rows, long firstLine) {
    }

    public long total(java.util.function.ToLongFunction<TableReport> count) {
        return tables.stream().mapToLong(count).sum();
    }

    public TableReport table(String name) {
        return tables.stream().filter(t -> t.table().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no table " + name + " in this import"));
    }
}
