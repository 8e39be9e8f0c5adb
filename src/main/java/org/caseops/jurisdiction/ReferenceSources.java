package org.caseops.jurisdiction;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;

/**
 * The shipped reference files, read by path under {@code reference/}. The content hash covers every file the loader
 * reads (by its SHA-256) plus {@link #LOADER_VERSION}, so a changed file or a changed mapping rule makes the next start
 * reload; the files' own hashes say which tables to write again.
 */
@FunctionalInterface
interface ReferenceSources {

    /** Bump when the way files become rows changes, so that installed databases reload. */
    String LOADER_VERSION = "jurisdiction-loader-3";

    String AOR = "ice/ice-areas-of-responsibility.csv";
    String OFFICES = "ice/noccc-ice-offices.csv";
    String LOOKUPS = "eoir/lookup_tables_combined.csv";
    String NATIONALITIES = "eoir/nationalities_2014.csv";
    String CASE_TYPES = "eoir/case_types.csv";
    String DECISION_CODES = "eoir/decision_codes_by_case_type.csv";
    String HEARING_LOCATIONS = "eoir/hearing_locations_2014.csv";
    String BASE_CITIES = "eoir/base_cities_2014.csv";
    String HEARING_LOCATION_OVERRIDES = "caseops/hearing_location_overrides.csv";
    String BASE_CITY_OVERRIDES = "caseops/base_city_overrides.csv";
    /** City and state of the base cities EOIR's current lookup lists by name only (courts newer than 2014). */
    String BASE_CITY_PLACES = "caseops/base_city_places.csv";

    List<String> ALL = List.of(AOR, OFFICES, LOOKUPS, NATIONALITIES, CASE_TYPES, DECISION_CODES, HEARING_LOCATIONS,
            BASE_CITIES, HEARING_LOCATION_OVERRIDES, BASE_CITY_OVERRIDES, BASE_CITY_PLACES);

    byte[] read(String path);

    /** The files as shipped in the product (classpath {@code reference/}). */
    static ReferenceSources classpath() {
        return path -> {
            try (InputStream in = new ClassPathResource("reference/" + path).getInputStream()) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("Reference file reference/" + path + " is missing from the product", e);
            }
        };
    }

    /**
     * The SHA-256 of each file (what {@code reference_file} records) and the content hash of the whole set (what
     * {@code reference_data_version} records): the SHA-256 of {@link #LOADER_VERSION} and each file's path and
     * SHA-256. One pass over the files' bytes.
     */
    record Digest(String contentHash, Map<String, String> files) {
    }

    default Digest digest() {
        try {
            Map<String, String> files = new LinkedHashMap<>();
            MessageDigest whole = MessageDigest.getInstance("SHA-256");
            whole.update(LOADER_VERSION.getBytes(StandardCharsets.UTF_8));
            for (String path : ALL) {
                String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(read(path)));
                files.put(path, sha);
                whole.update((byte) 0);
                whole.update(path.getBytes(StandardCharsets.UTF_8));
                whole.update((byte) 0);
                whole.update(sha.getBytes(StandardCharsets.UTF_8));
            }
            return new Digest(HexFormat.of().formatHex(whole.digest()), Collections.unmodifiableMap(files));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    default String contentHash() {
        return digest().contentHash();
    }

    /**
     * The content hash CaseOps recorded before the files' own hashes were kept (V86): over every file's bytes. Read
     * only on the first start of a database loaded then, to recognise unchanged files without writing them again.
     */
    default String contentHashBeforeV86() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(LOADER_VERSION.getBytes(StandardCharsets.UTF_8));
            for (String path : ALL) {
                digest.update((byte) 0);
                digest.update(path.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(read(path));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
