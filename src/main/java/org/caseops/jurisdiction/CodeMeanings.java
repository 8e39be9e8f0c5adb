package org.caseops.jurisdiction;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * EOIR's codes with their meaning, for the pages ({@code ${@codes.nationality('HO')}} → {@code Honduras (HO)}), read
 * once from the shipped reference files (docs/reference-data.md). A code the files lack shows as itself: never
 * dropped, never guessed.
 */
@Component("codes")
public class CodeMeanings {

    private final Map<String, String> nationalities = new HashMap<>();
    private final Map<String, String> caseTypes = new HashMap<>();

    CodeMeanings() {
        ReferenceSources files = ReferenceSources.classpath();
        read(files, ReferenceSources.NATIONALITIES, StandardCharsets.UTF_8, "NAT_CODE", "NAT_COUNTRY_NAME",
                nationalities);
        read(files, ReferenceSources.CASE_TYPES, StandardCharsets.UTF_8, "strCode", "strDescription", caseTypes);
    }

    /** {@code HO} → {@code Honduras (HO)}. */
    public String nationality(String code) {
        return meaning(nationalities, code);
    }

    /** {@code RMV} → {@code Removal (RMV)}. */
    public String caseType(String code) {
        return meaning(caseTypes, code);
    }

    private static String meaning(Map<String, String> set, String code) {
        if (code == null || code.isBlank()) {
            return "not recorded";
        }
        String name = set.get(code.trim().toUpperCase(Locale.ROOT));
        return name == null ? code : name + " (" + code + ")";
    }

    private static void read(ReferenceSources files, String path, Charset charset, String codeColumn,
            String nameColumn, Map<String, String> into) {
        String text = new String(files.read(path), charset);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        try (CsvReader<NamedCsvRecord> reader = CsvReader.builder().skipEmptyLines(true)
                .ignoreDifferentFieldCount(true).ofNamedCsvRecord(text)) {
            reader.stream().forEach(r -> {
                String code = r.findField(codeColumn).orElse("").trim().toUpperCase(Locale.ROOT);
                String name = r.findField(nameColumn).orElse("").trim();
                if (!code.isEmpty() && !name.isEmpty()) {
                    into.putIfAbsent(code, titleCase(name));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(path, e);
        }
    }

    /** {@code UNITED STATES} → {@code United States}; a name already in mixed case stays as it is. */
    static String titleCase(String name) {
        if (!name.equals(name.toUpperCase(Locale.ROOT))) {
            return name;
        }
        StringBuilder out = new StringBuilder(name.length());
        boolean start = true;
        for (char c : name.toLowerCase(Locale.ROOT).toCharArray()) {
            out.append(start ? Character.toUpperCase(c) : c);
            start = !Character.isLetter(c) && c != '\'';
        }
        return out.toString();
    }
}
