package org.caseops.docket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.caseops.system.OneTransaction;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Service;

/**
 * Imports EOIR case-data tables and a person file, exactly: streaming {@code COPY} into staging, set-based checks,
 * a quarantine for every bad row with its line and reason, and a merge that records each change on the case
 * timeline. One import is one transaction, so a killed import leaves CaseOps as it was; the same files twice
 * change nothing the second time. Imports run one at a time (an advisory lock).
 */
@Service
public class DocketImporter {

    private static final Logger log = LoggerFactory.getLogger(DocketImporter.class);
    /** The import's database session, as {@code pg_stat_activity} shows it. */
    static final String APPLICATION_NAME = "caseops-import";
    /** How often the server checks, during a statement, that the importing process is still there. */
    static final String CLIENT_CHECK = "2s";

    /** The tables an import's files write, comma-separated. */
    static final String FILE_TABLES = String.join(",",
            java.util.Arrays.stream(ImportTable.values()).map(t -> t.target).distinct().toList());
    /** The tables an import writes (V149's {@code import_set_aside} accepts these only). */
    static final String DOCKET_TABLES = FILE_TABLES + "," + CaseIndex.TABLE;

    private final DataSource dataSource;
    private final ObjectMapper json;
    /**
     * From how many bytes of input an import on an empty docket sets aside the docket's foreign keys, unique
     * constraints and secondary indexes and builds them after its rows (V149, ADR 007): below it, dropping and
     * rebuilding them costs more than the probes it saves.
     */
    private volatile long setAsideFromBytes;
    /**
     * Whether an import that sets aside the constraints copies each file's rows straight into their table, checked in
     * the importer ({@link DirectLoader}, ADR 007 step 5), instead of staging them and checking them in SQL.
     */
    private volatile boolean directCopy;

    DocketImporter(DataSource dataSource, ObjectMapper json,
            @org.springframework.beans.factory.annotation.Value("${caseops.import.set-aside-from-bytes}")
            long setAsideFromBytes,
            @org.springframework.beans.factory.annotation.Value("${caseops.import.direct-copy}")
            boolean directCopy) {
        this.dataSource = dataSource;
        this.json = json;
        this.setAsideFromBytes = setAsideFromBytes;
        this.directCopy = directCopy;
    }

    /** For tests comparing the direct path with the staging path; the previous value is returned. */
    boolean directCopy(boolean direct) {
        boolean previous = directCopy;
        directCopy = direct;
        return previous;
    }

    /** For tests of the set-aside path on small files; the previous value is returned. */
    long setAsideFromBytes(long bytes) {
        long previous = setAsideFromBytes;
        setAsideFromBytes = bytes;
        return previous;
    }

    /**
     * @param eoir    a folder or zip of EOIR tables, or {@code null}
     * @param persons the person file, or {@code null}
     * @param actor   who imports (a user name, or a command)
     */
    public ImportReport importFiles(Path eoir, Path persons, String actor, ImportProgress progress) {
        return importFiles(eoir, persons, actor, progress, null);
    }

    /**
     * @param asOfRelease the release date of the EOIR snapshot, as its publisher gives it; {@code null} = tell it from
     *                    the files (the newest date of something that happened in them, see {@link ReleaseDates})
     */
    public ImportReport importFiles(Path eoir, Path persons, String actor, ImportProgress progress,
            LocalDate asOfRelease) {
        if (asOfRelease != null && asOfRelease.isAfter(LocalDate.now())) {
            throw new ImportRejected("the release date " + asOfRelease + " is after today: a release cannot be dated "
                    + "in the future", "asOfRelease");
        }
        if (eoir == null && persons == null) {
            throw new ImportRejected("nothing to import: give EOIR tables, a person file, or both");
        }
        try (InputFile.EoirSet set = eoir == null ? new InputFile.EoirSet(Map.of(), List.of(), null)
                : InputFile.eoirSet(eoir)) {
            Map<ImportTable, InputFile> files = new LinkedHashMap<>();
            for (ImportTable table : ImportTable.values()) {
                if (set.tables().containsKey(table)) {
                    files.put(table, set.tables().get(table));
                }
            }
            if (persons != null) {
                files.put(ImportTable.PERSONS, InputFile.of(persons));
            }
            if (files.isEmpty()) {
                throw new ImportRejected("no EOIR table found in " + eoir + " (looked for "
                        + String.join(", ", java.util.Arrays.stream(ImportTable.values())
                        .filter(t -> t != ImportTable.PERSONS).map(t -> t.fileName).toList()) + " as .csv or .txt)");
            }
            String source = (eoir == null ? "" : eoir.getFileName().toString())
                    + (persons == null ? "" : (eoir == null ? "" : " + ") + persons.getFileName());
            return run(files, set.ignored(), source, actor, progress, asOfRelease);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ImportRejected | UncheckedIOException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("import failed: " + e.getMessage(), e);
        }
    }

    private ImportReport run(Map<ImportTable, InputFile> files, List<String> ignored, String source, String actor,
            ImportProgress progress, LocalDate asOfRelease) throws SQLException, IOException {
        // what the progress bar counts down and what decides a first import's set-aside (V149)
        long inputBytes = files.values().stream().mapToLong(f -> Math.max(0, f.size())).sum();
        progress.start(inputBytes);
        return OneTransaction.run(dataSource, connection -> inTransaction(connection, files, inputBytes, ignored,
                source, actor, progress, asOfRelease));
    }

    private ImportReport inTransaction(Connection connection, Map<ImportTable, InputFile> files, long inputBytes,
            List<String> ignored, String source, String actor, ImportProgress progress, LocalDate asOfRelease)
            throws SQLException, IOException {
        JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
        // If this process dies mid-statement, the server notices the lost client within seconds and rolls back,
        // instead of running the killed statement to its end while holding the import lock (PostgreSQL 14+).
        jdbc.sql("set local client_connection_check_interval = '" + CLIENT_CHECK + "'").update();
        jdbc.sql("set local application_name = '" + APPLICATION_NAME + "'").update();
        jdbc.sql("select pg_advisory_xact_lock(hashtext('caseops.import'))").query().singleRow();
        jdbc.sql("set local work_mem = '256MB'").update();
        CodeSets codes = CodeSets.load(jdbc);
        if (codes.empty()) {
            throw new ImportRejected("the EOIR reference tables are not loaded; start CaseOps once to load them");
        }
        Instant started = Instant.now();
        long importId = jdbc.sql("insert into import_run (actor, source, started_at, event_floor)"
                        + " values (?, ?, ?, (select coalesce(max(id), 0) from case_event)) returning id")
                .params(actor, source, java.sql.Timestamp.from(started)).query(Long.class).single();
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        jdbc.sql("create temp table touched_cases (idncase bigint) on commit drop").update();
        // A first import (no case, no case index yet, e.g. the national docket on a new installation): every row is
        // new, so the merges neither look rows up nor note their cases, and the case index is built whole at the end.
        // The advisory lock keeps other imports out; other writers of the docket write rows of known cases only.
        boolean docketWasEmpty = jdbc.sql("select not exists (select 1 from eoir_case)"
                + " and not exists (select 1 from case_index) and not exists (select 1 from person)")
                .query(Boolean.class).single();
        // A large first import builds the docket's constraints and secondary indexes after its rows (V149): a sort per
        // index and an anti-join per foreign key instead of a probe per row. The importer's checks quarantine what
        // they would refuse; rebuilding them checks the whole table again before the import commits.
        boolean setAside = docketWasEmpty && inputBytes >= setAsideFromBytes;
        if (setAside) {
            int n = jdbc.sql("select import_set_aside(?, string_to_array(?, ','))").params(importId, DOCKET_TABLES)
                    .query(Integer.class).single();
            log.debug("first import of {} bytes: {} constraints and indexes set aside until its rows are in",
                    inputBytes, n);
        }
        ReleaseDates releaseDates = new ReleaseDates(LocalDate.now());
        List<ImportReport.TableReport> reports = new ArrayList<>();
        // A first import with its constraints set aside copies each file's rows straight into their table, checked in
        // the importer against the keys kept of the files read before it (DirectLoader, ADR 007 step 5). A petition
        // for review takes its case from its appeal in SQL, so its (small) file is staged as before.
        boolean direct = setAside && directCopy;
        Map<String, DirectLoader.Keys> keptKeys = new java.util.HashMap<>();
        java.util.Set<String> referenced = new java.util.HashSet<>();
        for (ImportTable table : files.keySet()) {
            table.foreignKeys.forEach(fk -> referenced.add(fk.table()));
        }
        DirectLoader.Courts courts = direct && files.containsKey(ImportTable.PROCEEDINGS) ? courts(jdbc) : null;
        String rules = UnchangedFiles.rules(jdbc);
        UnchangedFiles unchanged = UnchangedFiles.since(jdbc, importId, rules);
        for (Map.Entry<ImportTable, InputFile> entry : files.entrySet()) {
            ImportTable table = entry.getKey();
            InputFile file = entry.getValue();
            progress.step(file.name());
            long start = System.nanoTime();
            var previous = unchanged.candidate(table);
            if (previous.isPresent()) {
                String sha256 = UnchangedFiles.sha256(file);
                if (sha256.equals(previous.get().sha256())) {
                    reports.add(takeOver(jdbc, table, file, previous.get(), importId, releaseDates, progress, start));
                    continue;
                }
            }
            unchanged.written(table);
            if (direct && table != ImportTable.FED_COURT_APPEALS) {
                releaseDates.startFile();
                ImportReport.TableReport report = direct(jdbc, copy, table, file, codes, progress, releaseDates,
                        keptKeys, referenced.contains(table.target), courts, importId, start);
                reports.add(report);
                if (report.inserted() > 0) {
                    jdbc.sql("select import_analyze(?)").param(table.target).query().singleRow();
                }
                jdbc.sql("insert into import_file (import_id, table_name, file_name, sha256, rows, date_counts)"
                                + " values (?, ?, ?, ?, ?, ?::jsonb)")
                        .params(importId, table.fileName, file.name(), report.sha256(), report.rows(),
                                UnchangedFiles.countsJson(releaseDates.fileCounts())).update();
                continue;
            }
            jdbc.sql(StagingLoader.stagingDdl(table)).update();
            releaseDates.startFile();
            StagingLoader.Loaded loaded = StagingLoader.load(table, file, codes, copy, progress::advance,
                    releaseDates);
            for (String derive : MergeSql.derive(table)) {
                jdbc.sql(derive).update();
            }
            jdbc.sql("analyze stg_" + table.target).update();
            ImportReport.TableReport report = merge(jdbc, table, file, loaded, importId, actor, millisSince(start),
                    docketWasEmpty);
            reports.add(report);
            if (report.inserted() + report.updated() > 0) {
                // Statistics of what this transaction wrote, for the next table's checks and merges: a table emptied
                // by a rolled-back import may carry autovacuum's 0-row statistics, and the planner would then choose
                // nested loops over millions of rows.
                jdbc.sql("select import_analyze(?)").param(table.target).query().singleRow();
            }
            jdbc.sql("insert into import_file (import_id, table_name, file_name, sha256, rows, date_counts)"
                            + " values (?, ?, ?, ?, ?, ?::jsonb)")
                    .params(importId, table.fileName, file.name(), loaded.sha256(), loaded.rows(),
                            UnchangedFiles.countsJson(releaseDates.fileCounts())).update();
        }
        long indexed;
        if (setAside) {
            // the docket's indexes first: the case index reads the latest proceeding of each case through one
            restore(jdbc, importId, FILE_TABLES);
        }
        if (docketWasEmpty) {
            indexed = jdbc.sql(CaseIndex.BUILD).update();
            if (setAside) {
                restore(jdbc, importId, CaseIndex.TABLE);
            }
        } else {
            jdbc.sql("analyze touched_cases").update();
            indexed = jdbc.sql(CaseIndex.REFRESH_TOUCHED).update();
        }
        if (indexed > 0) {
            jdbc.sql("select import_analyze(?)").param(CaseIndex.TABLE).query().singleRow();
        }
        log.debug("case index: {} cases refreshed", indexed);
        Release release = release(files, asOfRelease, releaseDates);
        List<ImportReport.WarningGroup> warningGroups = jdbc.sql("""
                select table_name, column_name, value, reason, count(*) as rows, min(line) as first_line
                from import_warning where import_id = ? group by table_name, column_name, value, reason
                order by count(*) desc, table_name, column_name, value limit ?""")
                .params(importId, ImportReport.WARNING_GROUPS)
                .query((rs, n) -> new ImportReport.WarningGroup(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getLong(5), rs.getLong(6))).list();
        ImportReport report = new ImportReport(importId, started, Instant.now(), release.date(), release.source(),
                reports, ignored, reports.stream().mapToLong(ImportReport.TableReport::warnings).sum(), warningGroups);
        // The transaction and the snapshot just before commit: the next import takes over unchanged files only if no
        // other transaction has written the docket since (UnchangedFiles, V87).
        jdbc.sql("update import_run set finished_at = ?, report = ?::jsonb, release_date = ?, release_date_source = ?,"
                        + " rules = ?, xid = pg_current_xact_id(), snapshot = pg_current_snapshot() where id = ?")
                .params(java.sql.Timestamp.from(report.finishedAt()), toJson(report), release.date(),
                        release.source(), rules, importId).update();
        log.info("Import {} from {}: {} rows, {} inserted, {} updated, {} unchanged, {} quarantined, {} warnings;"
                + " release date {} ({})", importId, source,
                report.total(ImportReport.TableReport::rows), report.total(ImportReport.TableReport::inserted),
                report.total(ImportReport.TableReport::updated), report.total(ImportReport.TableReport::unchanged),
                report.total(ImportReport.TableReport::quarantined), report.warnings(), release.date(),
                release.source());
        return report;
    }

    private static void restore(JdbcClient jdbc, long importId, String tables) {
        long start = System.nanoTime();
        int n = jdbc.sql("select import_restore(?, string_to_array(?, ','))").params(importId, tables)
                .query(Integer.class).single();
        log.debug("{}: {} constraints and indexes rebuilt in {} ms", tables, n, millisSince(start));
    }

    /** The release date an import records, and where it comes from. */
    record Release(LocalDate date, String source) {
    }

    /**
     * The release date: as given ({@code --as-of-release}, the upload's {@code asOfRelease}), else the newest date of
     * something that happened in the EOIR files (see {@link ReleaseDates}); none for a person file alone.
     */
    static Release release(Map<ImportTable, InputFile> files, LocalDate asOfRelease, ReleaseDates dates) {
        if (asOfRelease != null) {
            return new Release(asOfRelease, "given with the import");
        }
        boolean eoir = files.keySet().stream().anyMatch(t -> t != ImportTable.PERSONS);
        if (!eoir) {
            return new Release(null, null);
        }
        return dates.newest().map(d -> new Release(d, "newest date in the files (records entered, charging "
                + "documents, decisions, filings; not after the import day) of " + dates.total() + " read"))
                .orElse(new Release(null, "no date in the files"));
    }

    private ImportReport.TableReport merge(JdbcClient jdbc, ImportTable table, InputFile file,
            StagingLoader.Loaded loaded, long importId, String actor, long stagingMillis, boolean docketWasEmpty) {
        long start = System.nanoTime();
        jdbc.sql(MergeSql.duplicates(table, table.key(), "first on")).update();
        for (String unique : table.uniqueColumns) {
            Column column = table.columns.get(table.index(unique));
            jdbc.sql(MergeSql.duplicates(table, column, "also on")).update();
            jdbc.sql(MergeSql.takenInDatabase(table, column)).update();
        }
        for (ImportTable.ForeignKey fk : table.foreignKeys) {
            jdbc.sql(MergeSql.orphans(table, fk)).update();
        }
        long quarantined = jdbc.sql(MergeSql.quarantine(table))
                .param("importId", importId).param("file", file.name()).update();
        long warnings = jdbc.sql(MergeSql.warnings(table))
                .param("importId", importId).param("file", file.name()).update();
        if (table == ImportTable.PROCEEDINGS) {
            warnings += jdbc.sql(MergeSql.courtWithoutFieldOffice())
                    .param("importId", importId).param("file", file.name()).update();
        }
        long checkMillis = millisSince(start);
        start = System.nanoTime();
        // on an empty docket there is nothing to update: each table is merged once per import
        long updated = docketWasEmpty ? 0
                : jdbc.sql(MergeSql.update(table, loaded.absent()))
                .param("importId", importId).param("actor", actor).query(Long.class).single();
        var insert = jdbc.sql(MergeSql.insert(table, docketWasEmpty)).param("importId", importId);
        long inserted = docketWasEmpty ? insert.update()
                : insert.param("actor", actor).query(Long.class).single();
        long unchanged = loaded.rows() - quarantined - updated - inserted;
        long mergeMillis = millisSince(start);
        log.debug("{}: {} rows staged in {} ms, checked in {} ms, merged in {} ms", table.fileName, loaded.rows(),
                stagingMillis, checkMillis, mergeMillis);
        return new ImportReport.TableReport(table.fileName, file.name(), loaded.sha256(), loaded.rows(), inserted,
                updated, unchanged, quarantined, warnings, stagingMillis, checkMillis, mergeMillis, null);
    }

    /**
     * One file of a first import with its constraints set aside, copied straight into its table (DirectLoader): the
     * parents' keys kept come from the files read before it; a table no file of this import wrote is empty (the docket
     * was), but it is read all the same rather than assumed.
     */
    private ImportReport.TableReport direct(JdbcClient jdbc, CopyManager copy, ImportTable table, InputFile file,
            CodeSets codes, ImportProgress progress, ReleaseDates releaseDates, Map<String, DirectLoader.Keys> kept,
            boolean keepKeys, DirectLoader.Courts courts, long importId, long start)
            throws IOException, SQLException {
        for (ImportTable.ForeignKey fk : table.foreignKeys) {
            kept.computeIfAbsent(fk.table(), t -> {
                long[] keys = jdbc.sql("select " + fk.tableKey() + " from " + fk.table() + " order by 1")
                        .query(Long.class).list().stream().mapToLong(Long::longValue).toArray();
                return new DirectLoader.Keys(keys, keys.length);
            });
        }
        DirectLoader.Keyed loaded = DirectLoader.load(table, file, codes, copy, progress::advance, releaseDates,
                kept, keepKeys, courts, importId);
        if (loaded.keys() != null) {
            kept.put(table.target, loaded.keys());
        }
        long millis = millisSince(start);
        log.debug("{}: {} rows read, checked and copied into {} in {} ms ({} quarantined, {} warnings)",
                table.fileName, loaded.file().rows(), table.target, millis, loaded.quarantined(), loaded.warnings());
        long unchanged = loaded.file().rows() - loaded.quarantined() - loaded.inserted();
        return new ImportReport.TableReport(table.fileName, file.name(), loaded.file().sha256(), loaded.file().rows(),
                loaded.inserted(), 0, unchanged, loaded.quarantined(), loaded.warnings(), millis, 0, 0, null);
    }

    /** The hearing locations and base cities that have a field office. */
    private static DirectLoader.Courts courts(JdbcClient jdbc) {
        return new DirectLoader.Courts(
                new java.util.HashSet<>(jdbc.sql("select code from hearing_location where field_office_code is not"
                        + " null").query(String.class).list()),
                new java.util.HashSet<>(jdbc.sql("select code from base_city where field_office_code is not null")
                        .query(String.class).list()));
    }

    /**
     * A file unchanged since the last import, taken over without reading its rows (see {@link UnchangedFiles}): all
     * its rows count as unchanged but those the last import quarantined, recorded again with their reasons.
     */
    private ImportReport.TableReport takeOver(JdbcClient jdbc, ImportTable table, InputFile file,
            UnchangedFiles.Previous previous, long importId, ReleaseDates releaseDates, ImportProgress progress,
            long start) {
        long[] qw = UnchangedFiles.takeOver(jdbc, table, file, previous, importId, releaseDates, json);
        jdbc.sql("insert into import_file (import_id, table_name, file_name, sha256, rows, date_counts)"
                        + " values (?, ?, ?, ?, ?, ?::jsonb)")
                .params(importId, table.fileName, file.name(), previous.sha256(), previous.rows(),
                        previous.dateCounts()).update();
        progress.advance(Math.max(0, file.size()));
        log.debug("{}: unchanged since import {}, taken over ({} rows)", table.fileName, previous.importId(),
                previous.rows());
        return new ImportReport.TableReport(table.fileName, file.name(), previous.sha256(), previous.rows(), 0, 0,
                previous.rows() - qw[0], qw[0], qw[1], millisSince(start), 0, 0, previous.importId());
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private String toJson(ImportReport report) {
        try {
            return json.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
