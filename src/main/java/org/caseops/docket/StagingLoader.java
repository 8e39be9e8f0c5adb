package org.caseops.docket;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.LongConsumer;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Streams one input file into its staging table with PgJDBC {@code COPY}, in constant memory.
 *
 * <p>Every row is read on its own here: field count, encoding, each value by its kind, codes against the EOIR
 * lookups, then the table's cross-column rule. A row with a problem is staged with the problem and its raw text,
 * so that one pass and one {@code COPY} carry good and bad rows alike; the set-based checks that need the whole
 * file (duplicate keys, references) run afterwards in SQL.
 */
final class StagingLoader {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final int FLUSH_BYTES = 1 << 20;

    private StagingLoader() {
    }

    /**
     * @param absent the database columns whose input column the file's header does not have: an update leaves them
     *               as they are (a file without a column says nothing about it), an insert leaves them blank
     */
    record Loaded(long rows, String sha256, Set<String> absent) {
    }

    /**
     * The staging table's columns, in COPY order: line, problem column, problem, raw, warnings, then the table's
     * columns. A row with a problem carries its raw text and every value that could be read (so that the set-based
     * checks add their problems to it too); warnings are kept with the row (see {@link RowProblems#warningText()}).
     */
    static String stagingDdl(ImportTable table) {
        StringBuilder ddl = new StringBuilder("create temp table stg_" + table.target
                + " (line bigint not null, problem_column text, problem text, raw text, warnings text");
        for (Column column : table.columns) {
            ddl.append(", ").append(column.target()).append(" text");
        }
        return ddl.append(") on commit drop").toString();
    }

    static Loaded load(ImportTable table, InputFile file, CodeSets codes, CopyManager copy, LongConsumer progress,
            ReleaseDates releaseDates) throws IOException, SQLException {
        CopyIn copyIn = copy.copyIn("copy stg_" + table.target + " from stdin");
        try {
            CopyBuffer buffer = new CopyBuffer(copyIn);
            Loaded loaded = read(table, file, codes, progress, releaseDates, buffer::row);
            buffer.flush();
            copyIn.endCopy();
            return loaded;
        } finally {
            if (copyIn.isActive()) {
                copyIn.cancelCopy();
            }
        }
    }

    /** What is done with each row read: staged ({@link #load}), or checked and copied into its table (DirectLoader). */
    @FunctionalInterface
    interface RowSink {
        /**
         * @param problems the row's problems and warnings found on reading it (cleared for the next row afterwards)
         * @param values   the row's values as read (normalized, {@code null} = blank); reused for the next row
         */
        void row(long line, RowProblems problems, char delimiter, CsvRecord record, String[] values)
                throws SQLException, IOException;
    }

    /**
     * Reads a file row by row, in constant memory: each row's values and problems go to {@code sink} in line order.
     * The dates of the rows without a problem count towards the release date.
     */
    static Loaded read(ImportTable table, InputFile file, CodeSets codes, LongConsumer progress,
            ReleaseDates releaseDates, RowSink sink) throws IOException, SQLException {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream raw = file.open();
             BufferedInputStream in = new BufferedInputStream(
                     new DigestInputStream(new Counting(raw, progress), sha256), 1 << 16)) {
            Format format = Format.detect(in, table == ImportTable.PERSONS);
            Reader reader = new PushbackReader(new InputStreamReader(in, format.charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)), 1);
            skipByteOrderMark((PushbackReader) reader);
            QuoteGuard quotes = null;
            if (format.quote != Format.NO_QUOTE) {
                quotes = new QuoteGuard(reader, format.delimiter, format.quote);
                reader = quotes;
            }
            CsvReader<CsvRecord> csv = CsvReader.builder()
                    .fieldSeparator(format.delimiter)
                    .quoteCharacter(format.quote)
                    .skipEmptyLines(true)
                    .ignoreDifferentFieldCount(true)
                    .ofCsvRecord(reader);
            long rows = 0;
            Set<String> absent = new HashSet<>();
            var iterator = csv.iterator();
            if (!iterator.hasNext()) {
                return new Loaded(0, HexFormat.of().formatHex(sha256.digest()), Set.of());
            }
            int[] positions = header(table, file, iterator.next());
            for (int i = 0; i < table.columns.size(); i++) {
                Column column = table.columns.get(i);
                if (positions[i] < 0 && column.source() != null) {
                    absent.add(column.target());
                }
            }
            for (Column column : table.columns) {
                if (column.source() == null && column.derivedFrom() != null && absent.contains(column.derivedFrom())) {
                    absent.add(column.target());
                }
            }
            RowProblems problems = new RowProblems();
            String[] values = new String[table.columns.size()];
            int headerSize = positions[positions.length - 1];
            while (iterator.hasNext()) {
                CsvRecord record = iterator.next();
                rows++;
                problems.clear();
                if (quotes != null && quotes.unbalanced(record.getStartingLineNumber())) {
                    problems.add(null, "unbalanced quote: a quoted field on line " + record.getStartingLineNumber()
                            + " is not closed on its line (a quoted field ends on its line; a quote inside it is "
                            + "doubled); the row is read no further");
                    java.util.Arrays.fill(values, null);
                } else {
                    read(table, record, positions, headerSize, codes, values, problems);
                }
                if (!problems.any()) {
                    for (int i = 0; i < values.length; i++) {
                        if (values[i] != null && table.columns.get(i).dated()) {
                            releaseDates.add(values[i]);
                        }
                    }
                }
                sink.row(record.getStartingLineNumber(), problems, format.delimiter, record, values);
            }
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return new Loaded(rows, HexFormat.of().formatHex(sha256.digest()), Set.copyOf(absent));
        }
    }

    /**
     * Positions of the table's columns in the file (-1 when absent); the last element is the header's field count.
     */
    private static int[] header(ImportTable table, InputFile file, CsvRecord header) {
        List<String> names = new ArrayList<>();
        for (String field : header.getFields()) {
            String name = field.trim().toUpperCase(Locale.ROOT);
            int first = names.indexOf(name);
            if (!name.isEmpty() && first >= 0) {
                throw new ImportRejected(file.name() + " line " + header.getStartingLineNumber() + ": the column "
                        + field.trim() + " appears twice in the header (fields " + (first + 1) + " and "
                        + (names.size() + 1) + "); which one holds the value cannot be known, so the file is refused");
            }
            names.add(name);
        }
        int[] positions = new int[table.columns.size() + 1];
        for (int i = 0; i < table.columns.size(); i++) {
            Column column = table.columns.get(i);
            positions[i] = column.source() == null ? -1 : names.indexOf(column.source().toUpperCase(Locale.ROOT));
            for (String alias : column.aliases()) {
                if (positions[i] < 0) {
                    positions[i] = names.indexOf(alias.toUpperCase(Locale.ROOT));
                }
            }
            boolean structural = column.kind() == ValueKind.ID && column.required();
            if (positions[i] < 0 && column.source() != null && structural) {
                throw new ImportRejected(file.name() + " has no " + column.source() + " column (its header: "
                        + String.join(", ", header.getFields()) + ")");
            }
        }
        positions[table.columns.size()] = names.size();
        return positions;
    }

    /**
     * Reads one row into {@code values} (normalized, {@code null} = blank) and notes every problem and warning it has.
     * A row whose fields cannot be placed under the header (too few, or more with content) is read no further.
     */
    private static void read(ImportTable table, CsvRecord record, int[] positions, int headerSize, CodeSets codes,
            String[] values, RowProblems problems) {
        java.util.Arrays.fill(values, null);
        int fields = record.getFieldCount();
        boolean badCount = fields < headerSize;
        for (int f = headerSize; f < fields && !badCount; f++) {
            badCount = !record.getField(f).isBlank(); // trailing empty fields (a tab too many at the end) are harmless
        }
        boolean[] badEncoding = null;
        for (int f = 0; f < fields; f++) {
            if (record.getField(f).indexOf('\uFFFD') >= 0) {
                if (badEncoding == null) {
                    badEncoding = new boolean[fields];
                }
                badEncoding[f] = true;
            }
        }
        if (badCount) {
            problems.add(null, "wrong number of fields: " + fields + " where the header has " + headerSize
                    + " (the values cannot be placed under their columns)");
        }
        if (badEncoding != null) {
            for (int f = 0; f < fields; f++) {
                if (badEncoding[f]) {
                    problems.add(null, "bad encoding: field " + (f + 1) + nameOf(table, positions, f)
                            + " is not valid text in the file's encoding");
                }
            }
        }
        if (badCount) {
            return;
        }
        for (int i = 0; i < table.columns.size(); i++) {
            Column column = table.columns.get(i);
            if (positions[i] < 0 || (badEncoding != null && badEncoding[positions[i]])) {
                continue;
            }
            String raw = record.getField(positions[i]).trim();
            if (raw.indexOf('\0') >= 0) {
                // PostgreSQL text cannot hold a NUL: removed from free text with a warning on the line; in a key,
                // a date or a code it could join two values into another one, so the row is quarantined
                if (column.kind() != ValueKind.TEXT) {
                    problems.add(column.source(), "contains a NUL character");
                    continue;
                }
                raw = raw.replace("\0", "").trim();
                problems.warn(column.source(), raw, "a NUL character was removed from the text");
            }
            if (raw.isEmpty() || raw.equalsIgnoreCase("NULL")) {
                if (column.required()) {
                    problems.add(column.source(), "missing (required)");
                }
                continue;
            }
            try {
                values[i] = switch (column.kind()) {
                    case ID -> EoirValues.id(raw);
                    case INTEGER, SMALL -> EoirValues.integer(raw);
                    case DATE -> EoirValues.date(raw);
                    case BOOLEAN -> EoirValues.bool(raw);
                    case TEXT -> raw;
                    case CODE -> code(column, raw, codes, problems);
                    case MONTH_DATE -> monthDate(values, i, raw);
                };
            } catch (EoirValues.BadValue bad) {
                if (column.onBad() == Column.OnBad.WARN_BLANK) {
                    problems.warn(column.source(), raw, bad.getMessage() + "; kept blank" + (column.blankIs() == null
                            ? "" : " (read as " + column.blankIs() + ")"));
                } else {
                    problems.add(column.source(), bad.getMessage());
                }
            }
        }
        table.rule.check(table, values, codes, problems);
    }

    /** The column name of field {@code f}, for a message, if it is one the importer reads. */
    private static String nameOf(ImportTable table, int[] positions, int f) {
        for (int i = 0; i < table.columns.size(); i++) {
            if (positions[i] == f) {
                return " (" + table.columns.get(i).source() + ")";
            }
        }
        return "";
    }

    /** The date when the day is known; the year, month and precision into the three columns that follow. */
    private static String monthDate(String[] values, int i, String raw) throws EoirValues.BadValue {
        EoirValues.MonthDate date = EoirValues.monthDate(raw);
        values[i + 1] = Integer.toString(date.year());
        values[i + 2] = date.month() == null ? null : Integer.toString(date.month());
        values[i + 3] = date.precision();
        return date.day() == null ? null : date.day().toString();
    }

    private static String code(Column column, String raw, CodeSets codes, RowProblems problems)
            throws EoirValues.BadValue {
        String code = raw.toUpperCase(Locale.ROOT);
        if (column.allowed().contains(code)) {
            return code;
        }
        if (column.codeTable() != null && codes.contains(column.codeTable(), code)) {
            return code;
        }
        if (column.codeTable() != null && codes.contains(column.codeTable(), raw)) {
            return raw;
        }
        String where = column.codeTable() != null ? "not in EOIR's " + column.codeTable() + " lookup"
                : "expected one of " + String.join(", ", new java.util.TreeSet<>(column.allowed()));
        if (column.onBad() == Column.OnBad.QUARANTINE) {
            throw new EoirValues.BadValue("unknown code '" + raw + "' (" + where + ")");
        }
        if (column.onBad() == Column.OnBad.WARN_BLANK) {
            problems.warn(column.source(), raw, "unknown code (" + where + "); kept blank");
            return null;
        }
        problems.warn(column.source(), raw, unknownCode(column.gateReads(), where));
        return raw;
    }

    /** The reason of an unknown-code warning: the row is kept with the code as EOIR wrote it. */
    static String unknownCode(boolean gateReads, String where) {
        return "unknown code (" + where + "); row kept with the code as written"
                + (gateReads ? ": the legal gate answers NOT_EXECUTABLE for attorney review until an attorney records "
                + "what it means" : "");
    }

    private static void skipByteOrderMark(PushbackReader reader) throws IOException {
        int first = reader.read();
        if (first != -1 && first != '\uFEFF') {
            reader.unread(first);
        }
    }

    /** Delimiter, quoting and charset of a file, from its header line. */
    record Format(char delimiter, char quote, Charset charset) {
        /** EOIR tables are not quoted; a NUL quote character switches quoting off in practice. */
        private static final char NO_QUOTE = '\u0000';

        static Format detect(BufferedInputStream in, boolean csvQuoting) throws IOException {
            in.mark(1 << 16);
            byte[] head = in.readNBytes(1 << 16);
            in.reset();
            int tabs = 0;
            int pipes = 0;
            int commas = 0;
            for (byte b : head) {
                if (b == '\n') {
                    break;
                }
                tabs += b == '\t' ? 1 : 0;
                pipes += b == '|' ? 1 : 0;
                commas += b == ',' ? 1 : 0;
            }
            if (tabs > 0 && tabs >= pipes) {
                return new Format('\t', csvQuoting ? '"' : NO_QUOTE, StandardCharsets.UTF_8);
            }
            if (pipes > 0 && pipes >= commas) {
                return new Format('|', csvQuoting ? '"' : NO_QUOTE, WINDOWS_1252);
            }
            return new Format(',', '"', StandardCharsets.UTF_8);
        }
    }

    /**
     * Appends a value in COPY's text format: {@code \\N} for {@code null}, backslash, tab and line ends escaped, NUL
     * characters left out (PostgreSQL text cannot hold one).
     */
    static void copyText(StringBuilder text, String value) {
        if (value == null) {
            text.append("\\N");
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\u0000' -> { }
                default -> text.append(c);
            }
        }
    }

    /** Rows in COPY text format, sent to the server a megabyte at a time. */
    private static final class CopyBuffer {
        private final CopyIn copyIn;
        private final StringBuilder text = new StringBuilder(FLUSH_BYTES + 4096);

        CopyBuffer(CopyIn copyIn) {
            this.copyIn = copyIn;
        }

        void row(long line, RowProblems problems, char delimiter, CsvRecord record, String[] values)
                throws SQLException {
            text.append(line).append('\t');
            if (problems.any()) {
                field(problems.column());
                text.append('\t');
                field(problems.reason());
                text.append('\t');
                field(String.join(String.valueOf(delimiter), record.getFields()));
            } else {
                text.append("\\N\t\\N\t\\N");
            }
            text.append('\t');
            field(problems.warningText());
            for (String value : values) {
                text.append('\t');
                field(value);
            }
            text.append('\n');
            if (text.length() >= FLUSH_BYTES) {
                flush();
            }
        }

        private void field(String value) {
            copyText(text, value);
        }

        void flush() throws SQLException {
            if (!text.isEmpty()) {
                byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
                copyIn.writeToCopy(bytes, 0, bytes.length);
                text.setLength(0);
            }
        }
    }

    /** Reports bytes read, for a progress bar. */
    private static final class Counting extends FilterInputStream {
        private final LongConsumer progress;

        Counting(InputStream in, LongConsumer progress) {
            super(in);
            this.progress = progress;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                progress.accept(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                progress.accept(n);
            }
            return n;
        }
    }
}
