package org.caseops.system;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded database's passwords, generated on first start and kept in {@code CASEOPS_HOME/database.secrets},
 * readable and writable by its owner only (0600): the superuser {@code postgres}, which owns the schema and runs the
 * migrations, and {@value DatabaseLogins#APP_ROLE}, the application pool's login.
 */
final class DatabaseSecrets {

    static final String FILE = "database.secrets";
    private static final Logger log = LoggerFactory.getLogger(DatabaseSecrets.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final SecureRandom RANDOM = new SecureRandom();

    private DatabaseSecrets() {
    }

    /** Secrets that live only in memory (an ephemeral database). */
    static DatabaseLogins generate() {
        return new DatabaseLogins(new DatabaseLogins.Login("postgres", password()),
                new DatabaseLogins.Login(DatabaseLogins.APP_ROLE, password()));
    }

    /** The home's secrets; {@code created} when they did not exist and were generated now. */
    record Loaded(DatabaseLogins logins, boolean created) {
    }

    static Loaded loadOrCreate(Path home) {
        Path file = home.resolve(FILE);
        try {
            if (Files.exists(file)) {
                return new Loaded(read(file), false);
            }
            DatabaseLogins logins = generate();
            Properties p = new Properties();
            p.setProperty("owner.user", logins.owner().user());
            p.setProperty("owner.password", logins.owner().password());
            p.setProperty("app.user", logins.app().user());
            p.setProperty("app.password", logins.app().password());
            Path temp = home.resolve(FILE + ".new");
            Files.deleteIfExists(temp);
            if (posix()) {
                Files.createFile(temp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createFile(temp);
            }
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8, StandardOpenOption.WRITE)) {
                p.store(out, "CaseOps database logins (docs/operations.md). Keep private: owner only (0600).");
            }
            Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            log.info("Generated the database passwords in {} (owner-only permissions)", file);
            return new Loaded(logins, true);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the database passwords in " + file, e);
        }
    }

    /** The secrets of a home another CaseOps process runs; they must exist. */
    static DatabaseLogins read(Path file) {
        try {
            if (posix() && !OWNER_ONLY.equals(Files.getPosixFilePermissions(file))) {
                log.warn("{} was readable by others; restricting it to its owner (0600)", file);
                Files.setPosixFilePermissions(file, OWNER_ONLY);
            }
            Properties p = new Properties();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(in);
            }
            return new DatabaseLogins(
                    new DatabaseLogins.Login(required(p, "owner.user", file), required(p, "owner.password", file)),
                    new DatabaseLogins.Login(required(p, "app.user", file), required(p, "app.password", file)));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the database passwords in " + file, e);
        }
    }

    private static String required(Properties p, String key, Path file) {
        String value = p.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(file + " has no " + key + "; remove the file to generate new passwords "
                    + "at the next start");
        }
        return value;
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private static String password() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
