package org.caseops.docket;

import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.OutputStreamWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * A first import's direct load of one file (ADR 007, step 5): its rows are read as {@link StagingLoader} reads them,
 * checked here against what the staging checks of {@link MergeSql} compare, and the rows kept are copied straight into
 * their table with {@code COPY}, in line order, with no staging table and no insert pass.
 *
 * <p>Only for an import that starts on an empty docket with its constraints set aside (V149): the table is empty when
 * its file is read and the import writes it once, so a row's key can be taken only by an earlier row of the same
 * file, and a reference can only name a row this import kept from its parent's file, read before (files are read
 * parents first). The checks, each as its SQL on staging makes it and in the same order, on each row in line order:
 * <ol>
 * <li>a key repeating that of an earlier row with no problem of its own is a duplicate of the first such row
 * ({@link MergeSql#duplicates}, "first on line");</li>
 * <li>the same for each unique column, counting only rows without a problem so far ("also on line"); a value cannot
 * be taken in the database ({@link MergeSql#takenInDatabase}): the table was empty;</li>
 * <li>each reference must name a key kept from its parent's file ({@link MergeSql#orphans}), problem or not.</li>
 * </ol>
 * A row with a problem goes to the quarantine with the first column at fault and every reason; the warnings of a row
 * kept go to {@code import_warning} (and, for a proceeding, a court with no field office, as
 * {@link MergeSql#courtWithoutFieldOffice()} finds it). Both are written to temporary files while the table's
 * {@code COPY} runs and copied after it, in line order, so the quarantine and the warnings are row for row those of the
 * staging path. Memory: the first line of each key and unique value ({@link FirstLines}: 8 bytes a slot, 4 for a value
 * that names a parent row), and the sorted keys kept of each table another file refers to (8 bytes a row).
 */
final class DirectLoader {

    private DirectLoader() {
    }

    /**
     * The keys kept of a table, sorted, for the reference checks of the tables that refer to it. The last key looked
     * up is remembered: a person's case is looked up three times for one row (its first line, then its line recorded,
     * then the reference), and the rows of a file name the same parent one after another. Used by one thread.
     */
    static final class Keys {
        private final long[] keys;
        private final int size;
        private long lastKey;
        private int lastPlace = -1;

        Keys(long[] keys, int size) {
            this.keys = keys;
            this.size = size;
            this.lastKey = size > 0 ? keys[0] : 0;
            this.lastPlace = size > 0 ? 0 : -1;
        }

        int size() {
            return size;
        }

        boolean contains(long key) {
            return indexOf(key) >= 0;
        }

        /** The key's place among the keys, or a negative number. */
        int indexOf(long key) {
            if (key != lastKey) {
                lastPlace = Arrays.binarySearch(keys, 0, size, key);
                lastKey = key;
            }
            return lastPlace;
        }
    }

    /** Hearing locations and base cities that have a field office, for the court-without-field-office warning. */
    record Courts(Set<String> hearingLocations, Set<String> baseCities) {
        boolean mapped(String hearingLocation, String baseCity) {
            return (hearingLocation != null && hearingLocations.contains(hearingLocation))
                    || (baseCity != null && baseCities.contains(baseCity));
        }
    }

    /**
     * @param parents  the keys kept of each table a reference of this one names, by table
     * @param keepKeys whether another file refers to this table (its keys kept are then returned)
     * @param courts   for proceedings
     */
    static Keyed load(ImportTable table, InputFile file, CodeSets codes, CopyManager copy, LongConsumer progress,
            ReleaseDates releaseDates, Map<String, Keys> parents, boolean keepKeys, Courts courts, long importId)
            throws IOException, SQLException {
        try (Spool quarantine = new Spool(); Spool warnings = new Spool(); Spool courtWarnings = new Spool()) {
            Rows rows = new Rows(table, file, parents, keepKeys, courts, importId);
            StagingLoader.Loaded loaded;
            CopyIn copyIn = copy.copyIn(copyTarget(table));
            try {
                // the rows are sent by a second thread while the next are read and checked (step 6)
                try (CopyBlocks blocks = new CopyBlocks(copyIn, table.target)) {
                    rows.open(blocks, quarantine.writer, warnings.writer, courtWarnings.writer);
                    loaded = StagingLoader.read(table, file, codes, progress, releaseDates, rows::row);
                    blocks.finish();
                }
                copyIn.endCopy();
            } finally {
                if (copyIn.isActive()) {
                    copyIn.cancelCopy();
                }
            }
            long quarantined = quarantine.copyInto(copy, "copy quarantine (import_id, file_name, table_name, line,"
                    + " column_name, reason, raw) from stdin");
            long warned = warnings.copyInto(copy, COPY_WARNINGS) + courtWarnings.copyInto(copy, COPY_WARNINGS);
            if (quarantined != rows.quarantined || warned != rows.warned) {
                throw new IllegalStateException(table.fileName + ": " + quarantined + " quarantine rows and " + warned
                        + " warnings copied, " + rows.quarantined + " and " + rows.warned + " written");
            }
            Keys keys = null;
            if (keepKeys && rows.kept != null) {
                Arrays.sort(rows.kept, 0, rows.keptSize);
                keys = new Keys(rows.kept, rows.keptSize);
            }
            return new Keyed(loaded, rows.inserted, quarantined, warned, keys);
        }
    }

    /**
     * Rows in COPY's text format held on disk until their table's {@code COPY} is done. The file is removed as soon as
     * it is open, so nothing of a quarantined row (a person's data) stays behind when the importer ends, even killed.
     */
    private static final class Spool implements AutoCloseable {
        private final FileChannel channel;
        final Writer writer;

        Spool() throws IOException {
            Path path = Files.createTempFile("caseops-import-", ".copy");
            try {
                channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
            } finally {
                Files.delete(path);
            }
            writer = new BufferedWriter(new OutputStreamWriter(new FilterOutputStream(Channels.newOutputStream(channel)) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    flush(); // the channel stays open for copyInto
                }
            }, StandardCharsets.UTF_8), 1 << 16);
        }

        long copyInto(CopyManager copy, String sql) throws IOException, SQLException {
            writer.close();
            if (channel.size() == 0) {
                return 0;
            }
            channel.position(0);
            InputStream in = Channels.newInputStream(channel);
            return copy.copyIn(sql, in, 1 << 16);
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    /** What a direct load gives: the file read, its counts, and its keys kept when another table refers to it. */
    record Keyed(StagingLoader.Loaded file, long inserted, long quarantined, long warnings, Keys keys) {
    }

    private static final String COPY_WARNINGS = "copy import_warning (import_id, file_name, table_name, line, row_key,"
            + " column_name, value, reason) from stdin";

    static String copyTarget(ImportTable table) {
        return "copy " + table.target + " (" + table.columns.stream().map(Column::target)
                .collect(Collectors.joining(", ")) + ", import_id) from stdin";
    }

    /** The checks and the three outputs of one file. */
    private static final class Rows {
        private final ImportTable table;
        private final String fileName;
        private final String importId;
        private final Column key;
        private final FirstLines keyLines;
        private final int[] unique;
        private final FirstLines[] uniqueLines;
        private final int[] references;
        private final Keys[] referenced;
        private final Courts courts;
        private final int hearingLocation;
        private final int baseCity;
        private final boolean[] reconstructed;
        private final String[] blankIs;
        private final List<String> setProblems = new ArrayList<>(4);
        private String setColumn;
        private final StringBuilder line = new StringBuilder(512);
        private final byte[] importIdBytes;
        private CopyBlocks blocks;
        private Writer quarantine;
        private Writer warningsOut;
        private Writer courtWarnings;
        private long[] kept;
        private int keptSize;
        long inserted;
        long quarantined;
        long warned;

        Rows(ImportTable table, InputFile file, Map<String, Keys> parents, boolean keepKeys, Courts courts,
                long importId) {
            this.table = table;
            this.fileName = file.name();
            this.importId = Long.toString(importId);
            this.importIdBytes = this.importId.getBytes(StandardCharsets.US_ASCII);
            this.key = table.key();
            // sized for the rows the file holds at about 100 bytes a row; grows if it holds more
            long expected = Math.max(1024, Math.max(0, file.size()) / 100);
            boolean personKey = table == ImportTable.PERSONS;
            this.keyLines = new FirstLines(personKey, expected, null);
            this.unique = table.uniqueColumns.stream().mapToInt(table::index).toArray();
            this.uniqueLines = new FirstLines[unique.length];
            for (int i = 0; i < unique.length; i++) {
                // a unique column that refers to another table (a person's case) keeps its lines by the parent's keys
                String column = table.uniqueColumns.get(i);
                Keys parent = table.foreignKeys.stream().filter(fk -> fk.column().equals(column)).findFirst()
                        .map(fk -> parents.get(fk.table())).orElse(null);
                uniqueLines[i] = new FirstLines(false, parent == null ? expected : 1024, parent);
            }
            this.references = table.foreignKeys.stream().mapToInt(fk -> table.index(fk.column())).toArray();
            this.referenced = table.foreignKeys.stream().map(fk -> parents.get(fk.table())).toArray(Keys[]::new);
            this.courts = courts;
            this.hearingLocation = table == ImportTable.PROCEEDINGS ? table.index("hearing_loc_code") : -1;
            this.baseCity = table == ImportTable.PROCEEDINGS ? table.index("base_city_code") : -1;
            this.reconstructed = new boolean[table.columns.size()];
            this.blankIs = new String[table.columns.size()];
            for (int i = 0; i < table.columns.size(); i++) {
                Column column = table.columns.get(i);
                reconstructed[i] = column.source() != null;
                blankIs[i] = copyValue(column.blankIs());
            }
            if (keepKeys && key.kind() == ValueKind.ID) {
                kept = new long[(int) Math.min(Integer.MAX_VALUE - 8, expected)];
            }
        }

        /** A column's SQL value for a blank, as COPY reads it ({@code false} stays {@code false}). */
        private static String copyValue(String sql) {
            if (sql == null) {
                return null;
            }
            if (!sql.matches("[A-Za-z0-9_.-]+")) {
                throw new IllegalStateException("blankIs " + sql + " is not a plain literal");
            }
            return sql;
        }

        void open(CopyBlocks blocks, Writer quarantine, Writer warnings, Writer courtWarnings) {
            this.blocks = blocks;
            this.quarantine = quarantine;
            this.warningsOut = warnings;
            this.courtWarnings = courtWarnings;
        }

        private String lastNumber;
        private long lastParsed;

        /** A key or reference as a number; the last one's is remembered (a row's key, then the same for kept). */
        private long number(String value) {
            if (value != lastNumber) {
                lastParsed = Long.parseLong(value);
                lastNumber = value;
            }
            return lastParsed;
        }

        private void problem(String column, String reason) {
            if (setColumn == null) {
                setColumn = column;
            }
            setProblems.add(reason);
        }

        void row(long lineNo, RowProblems problems, char delimiter, CsvRecord record, String[] values)
                throws SQLException, IOException {
            setProblems.clear();
            setColumn = null;
            boolean inRow = problems.any();
            String keyValue = values[0];
            boolean keyDuplicate = false;
            if (keyValue != null) {
                int first = keyLines.get(keyValue);
                if (first != FirstLines.NONE) {
                    keyDuplicate = true;
                    problem(key.label(), "duplicate " + key.label() + " " + keyValue + " (first on line " + first
                            + ")");
                } else if (!inRow) {
                    keyLines.put(keyValue, lineNo);
                }
            }
            for (int u = 0; u < unique.length; u++) {
                String value = values[unique[u]];
                if (value == null) {
                    continue;
                }
                Column column = table.columns.get(unique[u]);
                int first = uniqueLines[u].get(value);
                if (first != FirstLines.NONE) {
                    problem(column.label(), "duplicate " + column.label() + " " + value + " (also on line " + first
                            + ")");
                } else if (!inRow && setProblems.isEmpty()) {
                    uniqueLines[u].put(value, lineNo);
                }
            }
            for (int r = 0; r < references.length; r++) {
                String value = values[references[r]];
                if (value == null) {
                    continue;
                }
                Keys parent = referenced[r];
                if (parent == null || !parent.contains(number(value))) {
                    Column column = table.columns.get(references[r]);
                    problem(column.label(), column.label() + " " + value + " is not in "
                            + table.foreignKeys.get(r).tableFile()
                            + " (neither accepted in this import nor already in CaseOps)");
                }
            }
            if (inRow || !setProblems.isEmpty()) {
                quarantine(lineNo, problems, delimiter, record, values, inRow);
                return;
            }
            keep(lineNo, problems, values, keyValue);
        }

        private void quarantine(long lineNo, RowProblems problems, char delimiter, CsvRecord record, String[] values,
                boolean inRow) throws IOException {
            String column = inRow && problems.column() != null ? problems.column() : setColumn;
            StringBuilder reason = new StringBuilder();
            if (inRow) {
                reason.append(problems.reason());
            }
            for (String p : setProblems) {
                if (!reason.isEmpty()) {
                    reason.append("; ");
                }
                reason.append(p);
            }
            String raw;
            if (inRow) {
                raw = String.join(String.valueOf(delimiter), record.getFields());
            } else {
                // as the staging path rebuilds it: the values read, tab-separated, a blank as nothing
                StringBuilder r = new StringBuilder();
                boolean first = true;
                for (int i = 0; i < values.length; i++) {
                    if (reconstructed[i]) {
                        if (!first) {
                            r.append('\t');
                        }
                        first = false;
                        r.append(values[i] == null ? "" : values[i]);
                    }
                }
                raw = r.toString();
            }
            startRow(lineNo);
            StagingLoader.copyText(line, column);
            line.append('\t');
            StagingLoader.copyText(line, reason.toString());
            line.append('\t');
            StagingLoader.copyText(line, raw);
            line.append('\n');
            quarantine.append(line);
            quarantined++;
        }

        private void keep(long lineNo, RowProblems problems, String[] values, String keyValue)
                throws SQLException, IOException {
            for (int i = 0; i < values.length; i++) {
                String value = values[i];
                if (i > 0) {
                    blocks.tab();
                }
                blocks.value(value == null ? blankIs[i] : value);
            }
            blocks.tab();
            blocks.raw(importIdBytes);
            blocks.newline();
            inserted++;
            if (kept != null) {
                if (keptSize == kept.length) {
                    kept = Arrays.copyOf(kept, (int) Math.min(Integer.MAX_VALUE - 8, kept.length * 3L / 2 + 16));
                }
                kept[keptSize++] = number(keyValue);
            }
            for (String note : problems.warningNotes()) {
                int a = note.indexOf(RowProblems.FIELD);
                int b = note.indexOf(RowProblems.FIELD, a + 1);
                String value = note.substring(a + 1, b);
                warning(warningsOut, lineNo, keyValue, note.substring(0, a), value.isEmpty() ? null : value,
                        note.substring(b + 1));
            }
            if (courts != null && hearingLocation >= 0) {
                String hl = values[hearingLocation];
                String bc = values[baseCity];
                if ((hl != null || bc != null) && !courts.mapped(hl, bc)) {
                    warning(courtWarnings, lineNo, keyValue, "HEARING_LOC_CODE",
                            (hl == null ? "" : hl) + "/" + (bc == null ? "" : bc), MergeSql.COURT_WITHOUT_FIELD_OFFICE);
                }
            }
        }

        /** Starts a quarantine or warning row in {@link #line}: the import, the file, its table and the line. */
        private void startRow(long lineNo) {
            line.setLength(0);
            line.append(importId).append('\t');
            StagingLoader.copyText(line, fileName);
            line.append('\t');
            StagingLoader.copyText(line, table.fileName);
            line.append('\t').append(lineNo).append('\t');
        }

        private void warning(Writer out, long lineNo, String rowKey, String column, String value, String reason)
                throws IOException {
            startRow(lineNo);
            StagingLoader.copyText(line, rowKey);
            line.append('\t');
            StagingLoader.copyText(line, column);
            line.append('\t');
            StagingLoader.copyText(line, value);
            line.append('\t');
            StagingLoader.copyText(line, reason);
            line.append('\n');
            out.append(line);
            warned++;
        }
    }
}
