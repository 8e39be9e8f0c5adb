package org.caseops.docket.synthetic;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The EOIR reference tables shipped on the classpath ({@code reference/eoir/}), read once: the codes the generator may
 * write and the real value frequencies it imitates. Tests use the same sets to check every code written.
 */
final class EoirReference {

    private static final String DIR = "reference/eoir/";

    /** A hearing location with the base city (immigration court) it belongs to. */
    record HearingLocation(String code, String city, String state, String zip, String baseCity, boolean active) {
    }

    /** A base city (immigration court) with its own address. */
    record BaseCity(String code, String city, String state, String zip) {
    }

    final Set<String> nationalities = new LinkedHashSet<>();
    final Set<String> caseTypes = new LinkedHashSet<>();
    /** Case type → decision codes that complete a proceeding (strDecType C, written to DEC_CODE). */
    final Map<String, Set<String>> decisionCodes = new LinkedHashMap<>();
    /** Case type → "other completion" codes (strDecType O, written to OTHER_COMP). */
    final Map<String, Set<String>> otherCompletionCodes = new LinkedHashMap<>();
    /** Lookup table name (e.g. {@code tblLanguage}) → its codes. */
    final Map<String, Set<String>> lookups = new LinkedHashMap<>();
    final List<HearingLocation> hearingLocations = new ArrayList<>();
    final Map<String, BaseCity> baseCities = new LinkedHashMap<>();
    /** "table.field" → value → count, in file order. */
    final Map<String, Map<String, Long>> frequencies = new LinkedHashMap<>();

    private static EoirReference instance;

    static synchronized EoirReference load() {
        if (instance == null) {
            instance = new EoirReference();
        }
        return instance;
    }

    private EoirReference() {
        read("nationalities_2014.csv", StandardCharsets.UTF_8, r -> nationalities.add(r.getField("NAT_CODE").trim()));
        read("case_types.csv", StandardCharsets.UTF_8, r -> caseTypes.add(r.getField("strCode").trim()));
        read("decision_codes_by_case_type.csv", Charset.forName("windows-1252"), r -> {
            String type = r.getField("strDecType").trim();
            Map<String, Set<String>> target = "C".equals(type) ? decisionCodes : otherCompletionCodes;
            target.computeIfAbsent(r.getField("strCaseType").trim(), k -> new LinkedHashSet<>())
                    .add(r.getField("strDecCode").trim());
        });
        read("lookup_tables_combined.csv", StandardCharsets.UTF_8, r -> lookups
                .computeIfAbsent(r.getField("table"), k -> new LinkedHashSet<>()).add(r.getField("value").trim()));
        read("hearing_locations_2014.csv", StandardCharsets.UTF_8, r -> hearingLocations.add(new HearingLocation(
                r.getField("HEARING_LOC_CODE").trim(), r.getField("HEARING_CITY").trim(),
                r.getField("HEARING_STATE").trim(), r.getField("HEARING_ZIP").trim(),
                r.getField("HEARING_BASE_CITY").trim(),
                "Y".equals(r.getField("Hear_Active_Flg").trim()) && "True".equals(r.getField("blnActive").trim()))));
        read("base_cities_2014.csv", StandardCharsets.UTF_8, r -> baseCities.put(r.getField("BASE_CITY_CODE").trim(),
                new BaseCity(r.getField("BASE_CITY_CODE").trim(), r.getField("BASE_CITY").trim(),
                        r.getField("BASE_STATE").trim(), r.getField("BASE_ZIP_1").trim())));
        read("value_frequencies_by_field.csv", StandardCharsets.UTF_8, r -> frequencies
                .computeIfAbsent(r.getField("table") + "." + r.getField("name"), k -> new LinkedHashMap<>())
                .merge(r.getField("value").trim(), Long.parseLong(r.getField("n").trim()), Long::sum));
    }

    Set<String> lookup(String table) {
        Set<String> codes = lookups.get(table);
        if (codes == null) {
            throw new IllegalStateException("No EOIR lookup table " + table);
        }
        return codes;
    }

    /** Real counts of a field's values, kept only where the value is in {@code valid}. */
    Map<String, Long> frequencies(String tableAndField, Set<String> valid) {
        Map<String, Long> counts = new LinkedHashMap<>();
        frequencies.getOrDefault(tableAndField, Map.of()).forEach((value, n) -> {
            if (valid.contains(value)) {
                counts.merge(value, n, Long::sum);
            }
        });
        if (counts.isEmpty()) {
            throw new IllegalStateException("No usable frequencies for " + tableAndField);
        }
        return counts;
    }

    private static void read(String file, Charset charset, Consumer<NamedCsvRecord> row) {
        InputStream in = EoirReference.class.getClassLoader().getResourceAsStream(DIR + file);
        if (in == null) {
            throw new IllegalStateException("Missing reference file on the classpath: " + DIR + file);
        }
        try (Reader reader = new InputStreamReader(in, charset);
                CsvReader<NamedCsvRecord> csv = CsvReader.builder().ignoreDifferentFieldCount(true)
                        .ofNamedCsvRecord(reader)) {
            csv.forEach(row);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
