package org.caseops.docket;

import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.postgresql.copy.CopyIn;

/**
 * Rows in {@code COPY}'s text format, encoded as UTF-8 straight into blocks of bytes, which a second thread sends to
 * the server while the importer reads and checks the rows after them (ADR 007 step 6). The queue is bounded (a few
 * blocks of a megabyte, reused), so memory stays constant and the reader is never more than a few megabytes ahead of
 * the server. The connection is used by the sender thread alone between {@link #CopyBlocks} and {@link #finish} (or
 * {@link #close}); the importer's thread ends the {@code COPY} after either.
 *
 * <p>A value is written as {@link StagingLoader#copyText} writes it (backslash, tab and line ends escaped, NUL left out),
 * then encoded as {@code String.getBytes(UTF_8)} encodes it (a lone surrogate as {@code ?}), with no intermediate text.
 */
final class CopyBlocks implements AutoCloseable {

    static final int BLOCK = 1 << 20;
    private static final int QUEUED = 4;
    private static final byte[] NULL = {'\\', 'N'};

    private static final class Block {
        byte[] bytes;
        int length;

        Block(int size) {
            bytes = new byte[size];
        }
    }

    private static final Block END = new Block(0);

    private final CopyIn copyIn;
    private final BlockingQueue<Block> full = new ArrayBlockingQueue<>(QUEUED + 1);
    private final BlockingQueue<Block> free = new ArrayBlockingQueue<>(QUEUED + 2);
    private final Thread sender;
    private volatile Throwable failure;
    private Block block;
    private byte[] bytes;
    private int length;
    private long sent;

    CopyBlocks(CopyIn copyIn, String name) {
        this.copyIn = copyIn;
        for (int i = 0; i < QUEUED + 1; i++) {
            free.add(new Block(BLOCK));
        }
        take(new Block(BLOCK));
        sender = new Thread(this::send, "import-copy-" + name);
        sender.setDaemon(true);
        sender.start();
    }

    private void send() {
        try {
            while (true) {
                Block b = full.take();
                if (b == END) {
                    return;
                }
                copyIn.writeToCopy(b.bytes, 0, b.length);
                b.length = 0;
                if (b.bytes.length == BLOCK) {
                    free.put(b);
                }
            }
        } catch (Throwable t) {
            failure = t;
        }
    }

    private void take(Block b) {
        block = b;
        bytes = b.bytes;
        length = 0;
    }

    /** Queues the block being written (if it holds anything) and starts a new one of at least {@code size} bytes. */
    private void next(int size) throws SQLException {
        if (length > 0) {
            block.length = length;
            sent += length;
            queue(block);
            Block b = null;
            if (size <= BLOCK) {
                while (b == null) {
                    checkSender();
                    try {
                        b = free.poll(100, TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new SQLException("interrupted while sending rows", e);
                    }
                }
            } else {
                b = new Block(size);
            }
            take(b);
        } else if (size > bytes.length) {
            if (bytes.length == BLOCK) {
                free.add(block); // back to the pool: it was never queued
            }
            take(new Block(size));
        }
    }

    private void queue(Block b) throws SQLException {
        try {
            while (!full.offer(b, 100, TimeUnit.MILLISECONDS)) {
                checkSender();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while sending rows", e);
        }
    }

    private void checkSender() throws SQLException {
        checkFailure();
        if (!sender.isAlive()) {
            throw new SQLException("the thread sending rows ended");
        }
    }

    private void room(int n) throws SQLException {
        if (length + n > bytes.length) {
            next(n);
        }
    }

    void tab() throws SQLException {
        room(1);
        bytes[length++] = '\t';
    }

    void newline() throws SQLException {
        room(1);
        bytes[length++] = '\n';
    }

    /** Bytes written as they are (ASCII). */
    void raw(byte[] ascii) throws SQLException {
        room(ascii.length);
        System.arraycopy(ascii, 0, bytes, length, ascii.length);
        length += ascii.length;
    }

    /** A value, or {@code \N} for null. */
    void value(String value) throws SQLException {
        if (value == null) {
            raw(NULL);
            return;
        }
        int n = value.length();
        room(3 * n); // at most 3 bytes a char: an escape is 2, a char of the BMP 3, a surrogate pair 4 for 2
        byte[] b = bytes;
        int at = length;
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c < 0x80) {
                if (c == '\\') {
                    b[at++] = '\\';
                }
                b[at++] = (byte) c;
            } else if (c < 0x20) {
                switch (c) {
                    case '\t' -> {
                        b[at++] = '\\';
                        b[at++] = 't';
                    }
                    case '\n' -> {
                        b[at++] = '\\';
                        b[at++] = 'n';
                    }
                    case '\r' -> {
                        b[at++] = '\\';
                        b[at++] = 'r';
                    }
                    case '\u0000' -> { }
                    default -> b[at++] = (byte) c;
                }
            } else if (c < 0x800) {
                b[at++] = (byte) (0xC0 | (c >> 6));
                b[at++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, value.charAt(++i));
                    b[at++] = (byte) (0xF0 | (cp >> 18));
                    b[at++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                    b[at++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                    b[at++] = (byte) (0x80 | (cp & 0x3F));
                } else {
                    b[at++] = '?';
                }
            } else {
                b[at++] = (byte) (0xE0 | (c >> 12));
                b[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                b[at++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        length = at;
    }

    /** Sends what is left and waits until the sender has written everything; the {@code COPY} can then be ended. */
    long finish() throws SQLException {
        if (length > 0) {
            block.length = length;
            sent += length;
            queue(block);
            length = 0;
        }
        queue(END);
        join();
        checkFailure();
        return sent;
    }

    private void join() throws SQLException {
        try {
            sender.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while sending rows", e);
        }
    }

    private void checkFailure() throws SQLException {
        Throwable t = failure;
        if (t instanceof SQLException e) {
            throw e;
        }
        if (t != null) {
            throw new SQLException("sending rows failed: " + t, t);
        }
    }

    /** Stops the sender (after a failure of the reader): what is queued is dropped; the caller cancels the COPY. */
    @Override
    public void close() {
        if (sender.isAlive()) {
            full.clear();
            full.offer(END);
            try {
                sender.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
