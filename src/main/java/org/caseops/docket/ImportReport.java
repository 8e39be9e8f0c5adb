package org.caseops.docket;

import java.time.Instant;
import java.util.List;

/**
 * What one import did, per table. {@code rows} = {@code inserted + updated + unchanged + quarantined}.
 */
public record ImportReport(long importId, Instant startedAt, Instant finishedAt, List<TableReport> tables,
        List<String> ignoredFiles) {

    /** One table's counts, and how long reading and staging, the set-based checks, and the merge took. */
    public record TableReport(String table, String file, String sha256, long rows, long inserted, long updated,
            long unchanged, long quarantined, long stagingMillis, long checkMillis, long mergeMillis) {
    }

    public long total(java.util.function.ToLongFunction<TableReport> count) {
        return tables.stream().mapToLong(count).sum();
    }

    public TableReport table(String name) {
        return tables.stream().filter(t -> t.table().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no table " + name + " in this import"));
    }
}
