package org.caseops.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo users' password (issue 14): {@code CASEOPS_DEMO_PASSWORD} when it is set; otherwise the one kept in
 * {@code CASEOPS_HOME/demo-password}, generated on the home's first demo start and readable and writable by its owner
 * only (0600). The same home therefore keeps the same password from one start to the next; removing the file gives a
 * new one at the next start.
 *
 * @param password the password
 * @param file     the file it is kept in; {@code null} when it came from {@code CASEOPS_DEMO_PASSWORD}
 * @param created  whether the file was written at this start
 */
record DemoPassword(String password, Path file, boolean created) {

    static final String FILE = "demo-password";
    private static final Logger log = LoggerFactory.getLogger(DemoPassword.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    /** Whether it came from {@code CASEOPS_DEMO_PASSWORD}. */
    boolean given() {
        return file == null;
    }

    static DemoPassword resolve(String given, Path home) {
        if (given != null && !given.isBlank()) {
            return new DemoPassword(given, null, false);
        }
        Path file = home.resolve(FILE);
        try {
            if (Files.exists(file)) {
                if (posix() && !OWNER_ONLY.equals(Files.getPosixFilePermissions(file))) {
                    log.warn("{} was readable by others; restricting it to its owner (0600)", file);
                    Files.setPosixFilePermissions(file, OWNER_ONLY);
                }
                String kept = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (!kept.isEmpty()) {
                    return new DemoPassword(kept, file, false);
                }
            }
            Files.createDirectories(home);
            String password = Users.randomPassword(16);
            Path temp = home.resolve(FILE + ".new");
            Files.deleteIfExists(temp);
            if (posix()) {
                Files.createFile(temp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createFile(temp);
            }
            Files.writeString(temp, password + "\n", StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return new DemoPassword(password, file, true);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the demo password in " + file
                    + " (set CASEOPS_DEMO_PASSWORD to choose one)", e);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    @Override
    public String toString() {
        return "DemoPassword[" + (given() ? "CASEOPS_DEMO_PASSWORD" : file) + "]";
    }
}
