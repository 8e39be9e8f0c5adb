package org.caseops.jurisdiction;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.caseops.jurisdiction.FieldOfficeMapper.Mapped;
import org.caseops.jurisdiction.FieldOfficeMapper.Override;
import org.caseops.jurisdiction.ReferenceSet.DecisionCode;
import org.caseops.jurisdiction.ReferenceSet.EoirCode;

/** Reads the shipped reference files into a {@link ReferenceSet}. Pure apart from reading the given sources. */
final class ReferenceFiles {

    /** EOIR lookup tables under the names the docket importer validates against; other tables keep their own name. */
    static final Map<String, String> CODE_TABLE_OF_LOOKUP = Map.ofEntries(
            Map.entry("tblLookupNationality", "nationality"),
            Map.entry("tblLanguage", "language"),
            Map.entry("tblLookupCaseType", "case_type"),
            Map.entry("tblLookup_CasePriority", "case_priority"),
            Map.entry("tblLookupCourtDecision", "court_decision"),
            Map.entry("tblLookupBIADecision", "bia_decision"),
            Map.entry("tblLookupBIADecisionType", "bia_decision_type"),
            Map.entry("tbllookupAppealType", "appeal_type"),
            Map.entry("tblLookup_Juvenile", "juvenile"),
            Map.entry("tblLookupCustodyStatus", "custody"));

    /** Relations, not code tables: tblLookupJudgeBaseCity lists every judge of a base city (~100 per code). */
    static final Set<String> NOT_CODE_TABLES = Set.of("tblLookupJudgeBaseCity");

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private final ReferenceSources sources;
    private final List<String> warnings = new ArrayList<>();
    private List<NamedCsvRecord> lookupRows;

    ReferenceFiles(ReferenceSources sources) {
        this.sources = sources;
    }

    ReferenceSet read() {
        List<FieldOfficeArea> areas = areas();
        List<FieldOffice> offices = new ArrayList<>();
        Map<String, String> officeByCity = new HashMap<>();
        readOffices(offices, officeByCity);
        FieldOfficeMapper mapper = new FieldOfficeMapper(areas, officeByCity,
                overrides(ReferenceSources.HEARING_LOCATION_OVERRIDES),
                overrides(ReferenceSources.BASE_CITY_OVERRIDES));
        List<BaseCity> baseCities = baseCities(mapper);
        List<HearingLocation> hearingLocations = hearingLocations(mapper, baseCities);
        return new ReferenceSet(offices, areas, baseCities, hearingLocations, eoirCodes(), decisionCodes(),
                List.copyOf(warnings));
    }

    // ------------------------------------------------------------------ field offices

    private List<FieldOfficeArea> areas() {
        Set<FieldOfficeArea> areas = new LinkedHashSet<>();
        // The AOR file quotes every field and puts a space after each comma ("Atlanta", "Georgia", "", "").
        for (CsvRecord record : records(ReferenceSources.AOR, StandardCharsets.UTF_8, true)) {
            if (record.getFieldCount() < 3) {
                continue;
            }
            String office = unquote(record.getField(0));
            String stateName = unquote(record.getField(1));
            String county = unquote(record.getField(2));
            Optional<AreaOfResponsibility> aor = AreaOfResponsibility.byAorFileName(office);
            Optional<String> state = UsStates.code(stateName);
            if (aor.isEmpty() || state.isEmpty()) {
                warnings.add(ReferenceSources.AOR + " line " + record.getStartingLineNumber()
                        + ": unknown office or state '" + office + "', '" + stateName + "'");
                continue;
            }
            areas.add(new FieldOfficeArea(aor.get().code(), state.get(), county.isEmpty() ? null : county));
        }
        return List.copyOf(areas);
    }

    private void readOffices(List<FieldOffice> offices, Map<String, String> officeByCity) {
        Map<AreaOfResponsibility, NamedCsvRecord> main = new LinkedHashMap<>();
        for (NamedCsvRecord r : named(ReferenceSources.OFFICES, StandardCharsets.UTF_8)) {
            if (!"ERO".equals(r.getField("agency").trim())) {
                continue;
            }
            boolean sub = "1".equals(r.getField("sub_office").trim());
            String ownerName = sub ? r.getField("field_office_name") : r.getField("office_name");
            Optional<AreaOfResponsibility> aor = AreaOfResponsibility.byOfficeName(ownerName);
            if (aor.isEmpty()) {
                warnings.add(ReferenceSources.OFFICES + " line " + r.getStartingLineNumber()
                        + ": ERO office of unknown field office '" + ownerName + "'");
                continue;
            }
            String state = r.getField("state").trim();
            String code = aor.get().code();
            // A sub-office is named after the city it serves ("Boston, MA") and may sit in another ("Burlington").
            officeByCity.putIfAbsent(FieldOfficeMapper.cityKey(r.getField("city"), state), code);
            if (sub) {
                String named = r.getField("office_name").split(",")[0];
                officeByCity.putIfAbsent(FieldOfficeMapper.cityKey(named, state), code);
            } else if (aor.get().officeNames().get(0).equals(ownerName.trim())) {
                main.putIfAbsent(aor.get(), r);
            }
        }
        for (AreaOfResponsibility aor : AreaOfResponsibility.values()) {
            NamedCsvRecord r = main.get(aor);
            if (r == null) {
                throw new IllegalStateException(ReferenceSources.OFFICES + " has no main ERO office for "
                        + aor.code() + " (" + aor.officeNames().get(0) + ")");
            }
            offices.add(new FieldOffice(aor.code(), aor.displayName(), r.getField("city").trim(),
                    r.getField("state").trim(), blankToNull(r.getField("address")),
                    number(r.getField("office_latitude")), number(r.getField("office_longitude"))));
        }
    }

    // ------------------------------------------------------------------ courts

    private Map<String, Override> overrides(String path) {
        Map<String, Override> overrides = new LinkedHashMap<>();
        for (NamedCsvRecord r : named(path, StandardCharsets.UTF_8)) {
            String code = r.getField("code").trim();
            String office = r.getField("field_office_code").trim();
            if (code.isEmpty() || code.startsWith("#")) {
                continue;
            }
            if (AreaOfResponsibility.byCode(office).isEmpty()) {
                throw new IllegalStateException(path + " line " + r.getStartingLineNumber()
                        + ": unknown field office '" + office + "'");
            }
            overrides.put(code, new Override(code, office, r.getField("reason").trim()));
        }
        return overrides;
    }

    /**
     * The base cities of the 2014 table, then those only EOIR's current lookup lists (by name), placed by
     * {@code caseops/base_city_places.csv} where known.
     */
    private List<BaseCity> baseCities(FieldOfficeMapper mapper) {
        Map<String, BaseCity> byCode = new LinkedHashMap<>();
        for (NamedCsvRecord r : named(ReferenceSources.BASE_CITIES, StandardCharsets.UTF_8)) {
            String code = r.getField("BASE_CITY_CODE").trim();
            if (code.isEmpty()) {
                continue;
            }
            String city = blankToNull(r.getField("BASE_CITY"));
            String state = blankToNull(r.getField("BASE_STATE"));
            Mapped mapped = mapper.baseCity(code, city, state);
            warnIfFallback("base city", code, city, state, mapped);
            BaseCity previous = byCode.putIfAbsent(code, new BaseCity(code, r.getField("BASE_CITY_NAME").trim(),
                    city, state, mapped.fieldOfficeCode(), mapped.method().column()));
            if (previous != null) {
                warnings.add(ReferenceSources.BASE_CITIES + ": duplicate code " + code + ", first row kept");
            }
        }
        Map<String, String[]> places = new HashMap<>();
        for (NamedCsvRecord r : named(ReferenceSources.BASE_CITY_PLACES, StandardCharsets.UTF_8)) {
            String code = r.getField("code").trim();
            if (!code.isEmpty() && !code.startsWith("#")) {
                places.put(code, new String[] {r.getField("city").trim(), r.getField("state").trim()});
            }
        }
        for (Map.Entry<String, String> current : lookup("tblLookupBaseCity").entrySet()) {
            String code = current.getKey();
            if (byCode.containsKey(code)) {
                continue;
            }
            String[] place = places.getOrDefault(code, new String[2]);
            Mapped mapped = mapper.baseCity(code, place[0], place[1]);
            warnIfFallback("base city", code, place[0], place[1], mapped);
            byCode.put(code, new BaseCity(code, current.getValue(), place[0], place[1], mapped.fieldOfficeCode(),
                    mapped.method().column()));
        }
        return List.copyOf(byCode.values());
    }

    /**
     * The hearing locations of the 2014 table (with address and base city), then every code only EOIR's current
     * lookup lists (by name): such a location's base city is the base city of the same code, when there is one (EOIR
     * gives a court's own hearing location its base city's code); else it has none and its cases take the field
     * office of the base city their proceeding names.
     */
    private List<HearingLocation> hearingLocations(FieldOfficeMapper mapper, List<BaseCity> baseCities) {
        Map<String, Mapped> baseMapped = new HashMap<>();
        for (BaseCity b : baseCities) {
            baseMapped.put(b.code(), new Mapped(b.fieldOfficeCode(), MappingMethod.valueOf(
                    b.fieldOfficeMethod().toUpperCase(java.util.Locale.ROOT)), ""));
        }
        Map<String, HearingLocation> byCode = new LinkedHashMap<>();
        for (NamedCsvRecord r : named(ReferenceSources.HEARING_LOCATIONS, StandardCharsets.UTF_8)) {
            String code = r.getField("HEARING_LOC_CODE").trim();
            if (code.isEmpty()) {
                continue;
            }
            String city = blankToNull(r.getField("HEARING_CITY"));
            String state = blankToNull(r.getField("HEARING_STATE"));
            String base = blankToNull(r.getField("HEARING_BASE_CITY"));
            Mapped mapped = mapper.hearingLocation(code, city, state, base == null ? null : baseMapped.get(base));
            warnIfFallback("hearing location", code, city, state, mapped);
            // blnActive is EOIR's current flag; Hear_Active_Flg is the older one and disagrees on 21 rows.
            boolean active = "true".equalsIgnoreCase(r.getField("blnActive").trim());
            HearingLocation previous = byCode.putIfAbsent(code, new HearingLocation(code,
                    r.getField("HEARING_LOC_NAME").trim(), city, state, blankToNull(r.getField("HEARING_ZIP")), base,
                    active, mapped.fieldOfficeCode(), mapped.method().column()));
            if (previous != null) {
                warnings.add(ReferenceSources.HEARING_LOCATIONS + ": duplicate code " + code + ", first row kept");
            }
        }
        for (Map.Entry<String, String> current : lookup("tblLookupHloc").entrySet()) {
            String code = current.getKey();
            if (byCode.containsKey(code)) {
                continue;
            }
            String base = baseMapped.containsKey(code) ? code : null;
            Mapped mapped = mapper.hearingLocation(code, null, null, base == null ? null : baseMapped.get(base));
            byCode.put(code, new HearingLocation(code, current.getValue(), null, null, null, base, true,
                    mapped.fieldOfficeCode(), mapped.method().column()));
        }
        return List.copyOf(byCode.values());
    }

    /** {@code lookup_tables_combined.csv}, read once per load. */
    private List<NamedCsvRecord> lookups() {
        if (lookupRows == null) {
            lookupRows = named(ReferenceSources.LOOKUPS, StandardCharsets.UTF_8);
        }
        return lookupRows;
    }

    /** A table of {@code lookup_tables_combined.csv}: each code once, with its first description, in file order. */
    private Map<String, String> lookup(String table) {
        Map<String, String> codes = new LinkedHashMap<>();
        for (NamedCsvRecord r : lookups()) {
            if (r.getField("table").trim().equals(table)) {
                String code = r.getField("value").trim();
                if (!code.isEmpty()) {
                    codes.putIfAbsent(code, r.getField("description").trim().replaceAll("\\s+", " "));
                }
            }
        }
        return codes;
    }

    private void warnIfFallback(String what, String code, String city, String state, Mapped mapped) {
        if (mapped.method() == MappingMethod.UNMAPPED) {
            warnings.add(what + " " + code + " has no place and no field office: listed for an administrator");
        }
        if (mapped.method() == MappingMethod.FALLBACK) {
            warnings.add(what + " " + code + " (" + city + ", " + state + ") mapped by fallback to "
                    + mapped.fieldOfficeCode() + ": " + mapped.detail());
        }
    }

    // ------------------------------------------------------------------ codes

    private List<EoirCode> eoirCodes() {
        // code table → code → distinct descriptions in file order
        Map<String, Map<String, Set<String>>> tables = new LinkedHashMap<>();
        for (NamedCsvRecord r : named(ReferenceSources.NATIONALITIES, StandardCharsets.UTF_8)) {
            add(tables, "nationality", r.getField("NAT_CODE"), r.getField("NAT_NAME"));
        }
        for (NamedCsvRecord r : named(ReferenceSources.CASE_TYPES, StandardCharsets.UTF_8)) {
            add(tables, "case_type", r.getField("strCode"), r.getField("strDescription"));
        }
        for (NamedCsvRecord r : lookups()) {
            String table = r.getField("table").trim();
            if (table.isEmpty() || NOT_CODE_TABLES.contains(table)) {
                continue;
            }
            add(tables, CODE_TABLE_OF_LOOKUP.getOrDefault(table, table), r.getField("value"),
                    r.getField("description"));
        }
        List<EoirCode> codes = new ArrayList<>();
        tables.forEach((table, byCode) -> byCode.forEach((code, descriptions) ->
                codes.add(new EoirCode(table, code, String.join(" / ", descriptions)))));
        return codes;
    }

    private static void add(Map<String, Map<String, Set<String>>> tables, String table, String code,
            String description) {
        String c = code == null ? "" : code.trim();
        if (c.isEmpty()) {
            return;
        }
        Set<String> descriptions = tables.computeIfAbsent(table, k -> new LinkedHashMap<>())
                .computeIfAbsent(c, k -> new LinkedHashSet<>());
        String d = description == null ? "" : description.trim().replaceAll("\\s+", " ");
        if (!d.isEmpty()) {
            descriptions.add(d);
        }
    }

    private List<DecisionCode> decisionCodes() {
        Map<List<String>, DecisionCode> byKey = new LinkedHashMap<>();
        boolean header = true;
        // Windows-1252: the file carries a Mac-Roman en dash (0xD0), which reads as 'Ð'; put the dash back.
        for (CsvRecord r : records(ReferenceSources.DECISION_CODES, WINDOWS_1252, false)) {
            if (header) {
                header = false;
                continue;
            }
            if (r.getFieldCount() < 4) {
                continue;
            }
            String caseType = r.getField(0).trim();
            String decCode = r.getField(1).trim();
            String decType = r.getField(2).trim();
            String description = r.getField(3).trim().replace(" \u00d0 ", " \u2013 ");
            if (caseType.isEmpty() || decCode.isEmpty() || decType.isEmpty() || description.isEmpty()) {
                continue; // blank lines and the trailing "TRAC Annotation" note
            }
            DecisionCode previous = byKey.putIfAbsent(List.of(caseType, decCode, decType),
                    new DecisionCode(caseType, decCode, decType, description));
            if (previous != null) {
                warnings.add(ReferenceSources.DECISION_CODES + " line " + r.getStartingLineNumber()
                        + ": duplicate " + caseType + "/" + decCode + "/" + decType + ", first row kept");
            }
        }
        return List.copyOf(byKey.values());
    }

    // ------------------------------------------------------------------ CSV

    private List<NamedCsvRecord> named(String path, Charset charset) {
        String text = new String(sources.read(path), charset);
        try (CsvReader<NamedCsvRecord> reader = CsvReader.builder().skipEmptyLines(true)
                .ignoreDifferentFieldCount(true).detectBomHeader(false).ofNamedCsvRecord(stripBom(text))) {
            return reader.stream().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(path, e);
        }
    }

    private List<CsvRecord> records(String path, Charset charset, boolean skipHeader) {
        String text = new String(sources.read(path), charset);
        try (CsvReader<CsvRecord> reader = CsvReader.builder().skipEmptyLines(true)
                .ignoreDifferentFieldCount(true).ofCsvRecord(stripBom(text))) {
            List<CsvRecord> all = reader.stream().toList();
            return skipHeader && !all.isEmpty() ? all.subList(1, all.size()) : all;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(path, e);
        }
    }

    private static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static String unquote(String field) {
        String s = field.trim();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1).replace("\"\"", "\"");
        }
        return s.trim();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static Double number(String s) {
        return s == null || s.isBlank() ? null : Double.valueOf(s.trim());
    }
}
