package org.caseops.docket.synthetic;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One EOIR table written as EOIR publishes it: tab-delimited, header row, no quoting, LF, UTF-8. Values are codes,
 * numbers, dates and city names the generator controls, so none contains a tab or a line break.
 */
final class TsvFile implements Closeable {

    private final Writer out;
    private final char separator;
    private boolean atLineStart = true;
    private long rows;

    TsvFile(Path file, String... header) {
        this(file, '\t', header);
    }

    TsvFile(Path file, char separator, String... header) {
        this.separator = separator;
        try {
            out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8),
                    1 << 20);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String column : header) {
            f(column);
        }
        end();
        rows = 0;
    }

    TsvFile f(String value) {
        try {
            if (!atLineStart) {
                out.write(separator);
            }
            atLineStart = false;
            out.write(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    TsvFile f(long value) {
        return f(Long.toString(value));
    }

    /** An EOIR date ({@code 2019-02-11 00:00:00.000}), blank for {@link Days#NONE}. */
    TsvFile date(int day) {
        return f(Days.eoir(day));
    }

    /** A nullable id: blank when zero. */
    TsvFile id(long value) {
        return value == 0 ? f("") : f(value);
    }

    void end() {
        try {
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        atLineStart = true;
        rows++;
    }

    long rows() {
        return rows;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
