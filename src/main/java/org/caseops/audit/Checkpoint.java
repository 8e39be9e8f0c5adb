package org.caseops.audit;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A signed checkpoint of the audit chain: "at {@code issuedAt} the chain had {@code position} entries and the last
 * one's hash was {@code hash}", signed with Ed25519 by the key {@code key} (docs/audit.md, "Checkpoints"). Whoever
 * keeps one outside the database can later prove that the chain was shortened (it no longer reaches
 * {@code position}) or rewritten (the entry at {@code position} has another hash), which the chain alone cannot show.
 *
 * <p>The signature is over the UTF-8 bytes of {@link #signedText()}: four lines, each ending in {@code \n} —
 * {@code caseops-audit-checkpoint-v1}, the position in decimal, the hash, the time as in the export.
 *
 * @param position  how many entries the chain had (0: none)
 * @param hash      the hash of the entry at {@code position} (64 zeros when 0)
 * @param issuedAt  when it was signed (database clock, microseconds)
 * @param key       the Ed25519 public key, 32 bytes as 64 hex digits
 * @param signature the Ed25519 signature, 64 bytes as 128 hex digits
 */
public record Checkpoint(long position, String hash, Instant issuedAt, String key, String signature) {

    public static final String FORMAT = "caseops-audit-checkpoint-v1";

    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern HEX128 = Pattern.compile("[0-9a-f]{128}");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The bytes the signature is over, as text. */
    public String signedText() {
        return signedText(position, hash, issuedAt);
    }

    static String signedText(long position, String hash, Instant issuedAt) {
        return FORMAT + "\n" + position + "\n" + hash + "\n" + Canonical.time(issuedAt) + "\n";
    }

    /** A new checkpoint signed with {@code key}. */
    static Checkpoint sign(long position, String hash, Instant issuedAt, AuditSigningKey key) {
        byte[] signature = key.sign(signedText(position, hash, issuedAt).getBytes(StandardCharsets.UTF_8));
        return new Checkpoint(position, hash, issuedAt, key.publicKeyHex(), HexFormat.of().formatHex(signature));
    }

    /** Whether {@link #signature} is {@link #key}'s signature of {@link #signedText()}. */
    public boolean verifies() {
        return HEX64.matcher(key).matches() && HEX128.matcher(signature).matches()
                && verifies(HexFormat.of().parseHex(key), signedText().getBytes(StandardCharsets.UTF_8),
                        HexFormat.of().parseHex(signature));
    }

    static boolean verifies(byte[] rawKey, byte[] message, byte[] signature) {
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initVerify(AuditSigningKey.publicKey(rawKey));
            ed25519.update(message);
            return ed25519.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The key's short name: the first 16 hex digits of the SHA-256 of its 32 bytes. */
    public String keyId() {
        return keyId(key);
    }

    static String keyId(String keyHex) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(HexFormat.of().parseHex(keyHex));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return "(not a key)";
        }
    }

    /** "position 42 of 2026-11-05T14:03:07.120500Z (key 1a2b…)": how findings name a checkpoint. */
    public String describe() {
        return "the checkpoint of " + Canonical.time(issuedAt) + " at position " + position + " (key " + keyId() + ")";
    }

    /** The JSON object, fields in this order: checkpoint, position, hash, issued_at, key, signature. */
    @JsonValue
    public Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("checkpoint", FORMAT);
        json.put("position", position);
        json.put("hash", hash);
        json.put("issued_at", Canonical.time(issuedAt));
        json.put("key", key);
        json.put("signature", signature);
        return json;
    }

    /** One line of JSON, no line break. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(json());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads one checkpoint as {@link #toJson} writes it. Checks its form, not its signature ({@link #verifies}).
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static Checkpoint parse(String line) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        if (!FORMAT.equals(node.path("checkpoint").asText(null))) {
            throw new IllegalArgumentException("\"checkpoint\" is not \"" + FORMAT + "\"");
        }
        JsonNode position = node.path("position");
        if (!position.canConvertToLong() || !position.isIntegralNumber() || position.asLong() < 0) {
            throw new IllegalArgumentException("\"position\" is not a whole number >= 0");
        }
        String hash = text(node, "hash", HEX64);
        String key = text(node, "key", HEX64);
        String signature = text(node, "signature", HEX128);
        String time = node.path("issued_at").asText("");
        Instant issuedAt;
        try {
            issuedAt = Instant.from(Canonical.TIME.parse(time));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("\"issued_at\" is not YYYY-MM-DDTHH:MM:SS.ffffffZ");
        }
        return new Checkpoint(position.asLong(), hash, issuedAt, key, signature);
    }

    /**
     * Every checkpoint in a file: one JSON object per line (as {@code audit checkpoint} and the local checkpoint
     * log write them), or one JSON object over several lines (as the API answers, pretty-printed or not).
     *
     * @throws IllegalArgumentException naming the line that is not a checkpoint
     */
    public static List<Checkpoint> read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8).strip();
        List<Checkpoint> all = new ArrayList<>();
        if (text.isEmpty()) {
            return all;
        }
        try {
            all.add(parse(text));
            return all;
        } catch (IllegalArgumentException notOneObject) {
            // one per line, then
        }
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            try {
                all.add(parse(lines[i]));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return all;
    }

    private static String text(JsonNode node, String name, Pattern form) {
        String value = node.path(name).asText("");
        if (!node.path(name).isTextual() || !form.matcher(value).matches()) {
            throw new IllegalArgumentException("\"" + name + "\" is not " + (form == HEX64 ? 64 : 128)
                    + " lower-case hex digits");
        }
        return value;
    }
}
