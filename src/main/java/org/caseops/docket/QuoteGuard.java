package org.caseops.docket;

import java.io.IOException;
import java.io.Reader;
import java.util.BitSet;

/**
 * Keeps an unbalanced quote from swallowing the rows after it. CaseOps's quoted files (the person file, comma-separated
 * tables) are line-oriented: a quoted field may hold the delimiter and doubled quotes but never a line break. A CSV
 * parser reads an unclosed quote on to the next quote, anywhere later in the file, and the good rows in between become
 * one field of the bad row. This reader follows each line's quoting as the parser reads it (a quote opens a field only at
 * the field's start; inside, a doubled quote is a quote and a single one closes); a line that ends inside an open quoted
 * field gets a closing quote before its line break, so the parser ends the row there, and the line is remembered so
 * that the row is quarantined with its line number. A stray quote inside an unquoted field ({@code O"Brien}) is text,
 * as the parser reads it. Lines are counted as the parser counts them (CR, LF and CRLF each end one).
 */
final class QuoteGuard extends Reader {
    private static final int CHUNK = 1 << 16;

    private final Reader in;
    private final char quote;
    private final char delimiter;
    private final char[] chunk = new char[CHUNK];
    private final char[] out = new char[2 * CHUNK + 1];
    private final BitSet unbalanced = new BitSet();
    private int outStart;
    private int outEnd;
    private long line = 1;
    private boolean quoted;
    private boolean quoteInQuoted;
    private boolean fieldStart = true;
    private boolean afterCarriageReturn;
    private boolean ended;

    QuoteGuard(Reader in, char delimiter, char quote) {
        this.in = in;
        this.delimiter = delimiter;
        this.quote = quote;
    }

    /** Whether the row that starts on this line (1-based, as the parser counts) had an unbalanced quote. */
    boolean unbalanced(long lineNumber) {
        return lineNumber <= Integer.MAX_VALUE && unbalanced.get((int) lineNumber);
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (outStart == outEnd) {
            if (ended) {
                return -1;
            }
            fill();
        }
        int n = Math.min(length, outEnd - outStart);
        System.arraycopy(out, outStart, buffer, offset, n);
        outStart += n;
        return n;
    }

    private void fill() throws IOException {
        outStart = 0;
        outEnd = 0;
        int n = in.read(chunk, 0, CHUNK);
        if (n < 0) {
            ended = true;
            endOfLine();
            return;
        }
        for (int i = 0; i < n; i++) {
            char c = chunk[i];
            if (c == '\r') {
                endOfLine();
                afterCarriageReturn = true;
            } else if (c == '\n') {
                if (!afterCarriageReturn) {
                    endOfLine();
                }
                afterCarriageReturn = false;
            } else {
                afterCarriageReturn = false;
                character(c);
            }
            out[outEnd++] = c;
        }
    }

    private void character(char c) {
        if (quoted) {
            if (quoteInQuoted) {
                quoteInQuoted = false;
                if (c == quote) {
                    return; // a doubled quote inside the quoted field
                }
                quoted = false; // the single quote before c closed the field
            } else {
                quoteInQuoted = c == quote;
                return;
            }
        }
        if (c == delimiter) {
            fieldStart = true;
        } else {
            quoted = fieldStart && c == quote;
            fieldStart = false;
        }
    }

    private void endOfLine() {
        if (quoted && !quoteInQuoted) {
            out[outEnd++] = quote;
            if (line <= Integer.MAX_VALUE) {
                unbalanced.set((int) line);
            }
        }
        quoted = false;
        quoteInQuoted = false;
        fieldStart = true;
        line++;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
