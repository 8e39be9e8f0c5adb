package org.caseops.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * The canonical serialization an entry's hash is computed over (docs/audit.md, "The hash"). Version tag, then the
 * twelve fields in a fixed order, each after a U+001F: {@code -} for null, else the value's length in UTF-8 bytes,
 * a colon, and the value. Length prefixes make it unambiguous whatever the text holds. The first field is the
 * entry's position in the chain (which exports before the sequencer called {@code seq}); the entry's own number is
 * not hashed. The sequencer computes the same in SQL ({@code audit_hash}, migration V45).
 */
final class Canonical {

    static final String VERSION = "caseops-audit-v1";
    private static final char SEPARATOR = '\u001F';
    /** ISO-8601 in UTC with exactly six fractional digits, e.g. 2026-11-05T14:03:07.120500Z. */
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private Canonical() {
    }

    static String time(Instant instant) {
        return TIME.format(instant);
    }

    static String form(AuditEntry e) {
        StringBuilder s = new StringBuilder(256).append(VERSION);
        for (String field : new String[] {Long.toString(e.position()), time(e.recordedAt()), e.actor(), e.role(),
                e.fieldOffice(), e.action(), e.subjectType(), e.subjectId(), e.purpose(), e.requestId(), e.detail(),
                e.prevHash()}) {
            s.append(SEPARATOR);
            if (field == null) {
                s.append('-');
            } else {
                s.append(field.getBytes(StandardCharsets.UTF_8).length).append(':').append(field);
            }
        }
        return s.toString();
    }

    /** Lower-case hex SHA-256 of the UTF-8 bytes of {@link #form}. */
    static String hash(AuditEntry e) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(form(e).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JVM has SHA-256", impossible);
        }
    }
}
