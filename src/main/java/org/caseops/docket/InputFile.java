package org.caseops.docket;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** One input file, from a folder or inside a zip, opened as often as needed. */
record InputFile(String name, long size, Opener opener) {

    @FunctionalInterface
    interface Opener {
        InputStream open() throws IOException;
    }

    InputStream open() throws IOException {
        return opener.open();
    }

    static InputFile of(Path path) {
        try {
            return new InputFile(path.getFileName().toString(), Files.size(path), () -> Files.newInputStream(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The EOIR tables in a folder or a zip, by table; files that are not one of the tables CaseOps reads are
     * listed in {@code ignored}.
     */
    record EoirSet(Map<ImportTable, InputFile> tables, List<String> ignored, AutoCloseable resource)
            implements AutoCloseable {
        @Override
        public void close() throws Exception {
            if (resource != null) {
                resource.close();
            }
        }
    }

    static EoirSet eoirSet(Path dirOrZip) throws IOException {
        Map<ImportTable, InputFile> tables = new EnumMap<>(ImportTable.class);
        List<String> ignored = new ArrayList<>();
        if (Files.isDirectory(dirOrZip)) {
            try (Stream<Path> files = Files.list(dirOrZip)) {
                for (Path file : files.sorted().toList()) {
                    Optional<ImportTable> table = ImportTable.ofEoirFile(file.getFileName().toString());
                    if (table.isPresent() && Files.isRegularFile(file)) {
                        putOnce(tables, table.get(), of(file));
                    } else {
                        ignored.add(file.getFileName().toString());
                    }
                }
            }
            return new EoirSet(tables, ignored, null);
        }
        ZipFile zip;
        try {
            zip = new ZipFile(dirOrZip.toFile());
        } catch (java.util.zip.ZipException e) {
            throw new ImportRejected("'eoir' is not a readable zip file (" + e.getMessage() + ")", "eoir");
        }
        // What one entry may expand to, each time the import reads it
        long budget = Math.max(MIN_EXPANSION, Files.size(dirOrZip) * MAX_EXPANSION_RATIO);
        try {
            for (ZipEntry entry : zip.stream().sorted((a, b) -> a.getName().compareTo(b.getName())).toList()) {
                refuseUnsafeName(entry.getName());
                if (entry.isDirectory()) {
                    continue;
                }
                Optional<ImportTable> table = ImportTable.ofEoirFile(entry.getName());
                if (table.isPresent()) {
                    putOnce(tables, table.get(), new InputFile(entry.getName(), entry.getSize(),
                            () -> new Bounded(zip.getInputStream(entry), entry.getName(), budget)));
                } else {
                    ignored.add(entry.getName());
                }
            }
        } catch (RuntimeException e) {
            zip.close();
            throw e;
        }
        return new EoirSet(tables, ignored, zip);
    }

    /** A zip expands at most this many times its own size (text compresses 5–20 times; a zip bomb 1000). */
    static final long MAX_EXPANSION_RATIO = 100;
    /** ...or to this many bytes, whichever is more (small zips). */
    static final long MIN_EXPANSION = 64L << 20;

    /** Entry names are never used as paths, but a zip that names one outside itself is refused all the same. */
    private static void refuseUnsafeName(String name) {
        String normalized = name.replace('\\', '/');
        if (normalized.startsWith("/") || normalized.matches("^[A-Za-z]:.*") || normalized.equals("..")
                || normalized.startsWith("../") || normalized.contains("/../") || normalized.endsWith("/..")
                || normalized.indexOf('\0') >= 0) {
            throw new ImportRejected("'eoir' holds an entry with an unsafe name ('" + name + "'): an absolute "
                    + "path or one that climbs out with '..'; the zip is refused", "eoir");
        }
    }

    /**
     * An entry's data, stopped with a clear refusal when it expands past the budget (a zip bomb) or turns out
     * corrupt; either way the import rolls back and nothing is stored.
     */
    private static final class Bounded extends java.io.FilterInputStream {
        private final String name;
        private final long budget;
        private long read;

        Bounded(InputStream in, String name, long budget) {
            super(in);
            this.name = name;
            this.budget = budget;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n;
            try {
                n = super.read(b, off, len);
            } catch (java.util.zip.ZipException e) {
                throw new ImportRejected("'eoir' is corrupt: " + name + " cannot be read (" + e.getMessage() + ")",
                        "eoir");
            }
            if (n > 0) {
                read += n;
                if (read > budget) {
                    throw new ImportRejected("'eoir' expands to more than " + budget + " bytes (" + name
                            + " alone): refused as a zip bomb; nothing was stored", "eoir");
                }
            }
            return n;
        }
    }

    private static void putOnce(Map<ImportTable, InputFile> tables, ImportTable table, InputFile file) {
        InputFile before = tables.putIfAbsent(table, file);
        if (before != null) {
            throw new ImportRejected("two files for " + table.fileName + ": " + before.name() + " and " + file.name());
        }
    }
}
