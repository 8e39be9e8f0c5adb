package org.caseops.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The Ed25519 key audit checkpoints are signed with. It lives in a file, never in the database: someone who can
 * change the database but not this file cannot sign a checkpoint, so cannot make a rewritten or shortened chain match
 * one. {@code caseops.audit.signing-key} ({@code CASEOPS_AUDIT_SIGNING_KEY}) names the file; by default it is
 * {@code CASEOPS_HOME/audit/signing-key.pem}, generated on first start with mode 0600 (a throw-away folder when the
 * database is ephemeral, as in tests). The file holds two PEM blocks: {@code PRIVATE KEY} (PKCS#8) and
 * {@code PUBLIC KEY} (X.509); {@code openssl genpkey -algorithm ed25519 -out k.pem && openssl pkey -in k.pem -pubout
 * >> k.pem} makes one.
 */
@Component
class AuditSigningKey {

    private static final Logger log = LoggerFactory.getLogger(AuditSigningKey.class);

    /** X.509 SubjectPublicKeyInfo of an Ed25519 key, up to the 32 raw key bytes (RFC 8410). */
    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN (PRIVATE KEY|PUBLIC KEY)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    private final Path file;
    private final PrivateKey privateKey;
    private final byte[] publicKey;

    AuditSigningKey(AuditProperties audit, AuditFiles files) {
        this.file = audit.signingKey() != null ? audit.signingKey()
                : files.directory().resolve("signing-key.pem");
        try {
            if (!Files.exists(file)) {
                generate(file);
            }
            String pem = Files.readString(file, StandardCharsets.US_ASCII);
            byte[] pkcs8 = block(pem, "PRIVATE KEY");
            byte[] spki = block(pem, "PUBLIC KEY");
            KeyFactory keys = KeyFactory.getInstance("Ed25519");
            this.privateKey = keys.generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            this.publicKey = raw(spki);
            warnIfOthersMayRead(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the audit signing key " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the audit signing key " + file + " is not an Ed25519 key pair", e);
        }
        if (!Checkpoint.verifies(publicKey, "caseops".getBytes(StandardCharsets.US_ASCII),
                sign("caseops".getBytes(StandardCharsets.US_ASCII)))) {
            throw new IllegalStateException("the audit signing key " + file + " holds a private and a public key "
                    + "that do not belong together");
        }
        log.debug("Audit checkpoints are signed with key {} ({})", keyId(), file);
    }

    /** The public key, 32 bytes as 64 lower-case hex digits. */
    String publicKeyHex() {
        return HexFormat.of().formatHex(publicKey);
    }

    /** First 16 hex digits of the SHA-256 of the public key: how messages name the key. */
    String keyId() {
        return Checkpoint.keyId(publicKeyHex());
    }

    Path file() {
        return file;
    }

    byte[] sign(byte[] message) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(privateKey);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with the audit key", e);
        }
    }

    /** The X.509 form of a raw Ed25519 public key, for {@link java.security.KeyFactory}. */
    static PublicKey publicKey(byte[] raw) throws GeneralSecurityException {
        byte[] spki = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + raw.length);
        System.arraycopy(raw, 0, spki, SPKI_PREFIX.length, raw.length);
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
    }

    private static byte[] raw(byte[] spki) throws GeneralSecurityException {
        if (spki.length != SPKI_PREFIX.length + 32
                || !Arrays.equals(Arrays.copyOf(spki, SPKI_PREFIX.length), SPKI_PREFIX)) {
            throw new GeneralSecurityException("the PUBLIC KEY block is not an Ed25519 public key");
        }
        return Arrays.copyOfRange(spki, SPKI_PREFIX.length, spki.length);
    }

    private static byte[] block(String pem, String type) throws GeneralSecurityException {
        Matcher m = PEM.matcher(pem);
        while (m.find()) {
            if (m.group(1).equals(type)) {
                return Base64.getMimeDecoder().decode(m.group(2));
            }
        }
        throw new GeneralSecurityException("no " + type + " block");
    }

    /**
     * Writes a new key pair to {@code file}, readable by its owner only. Written to a temporary file first and
     * linked into place, so two processes starting at once on a fresh home end up with one key (the loser reads the
     * winner's).
     */
    private static void generate(Path file) throws IOException, GeneralSecurityException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String pem = pem("PRIVATE KEY", pair.getPrivate().getEncoded()) + pem("PUBLIC KEY",
                pair.getPublic().getEncoded());
        boolean posix = Files.getFileStore(dir).supportsFileAttributeView("posix");
        Path tmp = posix
                ? Files.createTempFile(dir, ".signing-key", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(dir, ".signing-key", ".tmp");
        try {
            Files.writeString(tmp, pem, StandardCharsets.US_ASCII);
            try {
                Files.createLink(file, tmp);
                log.info("Generated the audit signing key {}", file);
            } catch (FileAlreadyExistsException raced) {
                // another process made it first: use theirs
            } catch (UnsupportedOperationException noLinks) {
                Files.move(tmp, file);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static void warnIfOthersMayRead(Path file) {
        try {
            if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
                Set<PosixFilePermission> open = EnumSet.noneOf(PosixFilePermission.class);
                open.addAll(Files.getPosixFilePermissions(file));
                open.retainAll(EnumSet.of(PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ,
                        PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE));
                if (!open.isEmpty()) {
                    log.warn("The audit signing key {} may be read or written by others ({}): make it mode 0600",
                            file, PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
                }
            }
        } catch (IOException | IllegalArgumentException ignored) {
            // permissions are advice here, not a condition of starting
        }
    }
}
