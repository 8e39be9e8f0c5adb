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
        ZipFile zip = new ZipFile(dirOrZip.toFile());
        try {
            for (ZipEntry entry : zip.stream().sorted((a, b) -> a.getName().compareTo(b.getName())).toList()) {
                if (entry.isDirectory()) {
                    continue;
                }
                Optional<ImportTable> table = ImportTable.ofEoirFile(entry.getName());
                if (table.isPresent()) {
                    putOnce(tables, table.get(), new InputFile(entry.getName(), entry.getSize(),
                            () -> zip.getInputStream(entry)));
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

    private static void putOnce(Map<ImportTable, InputFile> tables, ImportTable table, InputFile file) {
        InputFile before = tables.putIfAbsent(table, file);
        if (before != null) {
            throw new ImportRejected("two files for " + table.fileName + ": " + before.name() + " and " + file.name());
        }
    }
}
