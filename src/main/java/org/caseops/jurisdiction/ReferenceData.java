package org.caseops.jurisdiction;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Read access to the reference data: EOIR code tables, decision codes, field offices and where each hearing location
 * belongs. Code tables, decision codes and the hearing-location map are cached (an importer asks per row) and
 * re-read after the loader changes the rows.
 */
@Service
public class ReferenceData {

    private final JdbcClient jdbc;
    private final ReferenceDataLoader loader;
    private final Map<String, Set<String>> codes = new ConcurrentHashMap<>();
    private volatile Cache cache;

    private record Cache(long generation, Set<String> decisions, Map<String, String> officeOfHearingLocation) {
    }

    /** Built from the loader, so nobody reads before the reference data is in the database. */
    ReferenceData(JdbcClient jdbc, ReferenceDataLoader loader) {
        this.jdbc = jdbc;
        this.loader = loader;
    }

    /** The codes of one EOIR code table ({@code nationality}, {@code language}, {@code case_type}, ...). */
    public Set<String> codes(String codeTable) {
        cache();
        return codes.computeIfAbsent(codeTable, t -> Set.copyOf(
                jdbc.sql("select code from eoir_code where code_table = ?").param(t).query(String.class).list()));
    }

    public Optional<String> description(String codeTable, String code) {
        return jdbc.sql("select description from eoir_code where code_table = ? and code = ?")
                .param(codeTable).param(code).query(String.class).optional();
    }

    /** Whether a decision code exists for the case type (of either decision type, C or O). */
    public boolean decisionExists(String caseType, String decCode) {
        return cache().decisions().contains(caseType + "\u0000" + decCode);
    }

    public Optional<String> fieldOfficeOfHearingLocation(String hearingLocationCode) {
        return Optional.ofNullable(cache().officeOfHearingLocation().get(hearingLocationCode));
    }

    public List<FieldOffice> fieldOffices() {
        return jdbc.sql("select code, name, city, state, address, latitude, longitude from field_office order by code")
                .query(FieldOffice.class).list();
    }

    public Optional<FieldOffice> fieldOffice(String code) {
        return jdbc.sql("select code, name, city, state, address, latitude, longitude from field_office "
                        + "where code = ?")
                .param(code).query(FieldOffice.class).optional();
    }

    public List<FieldOfficeSummary> fieldOfficeSummaries() {
        return jdbc.sql("""
                select f.code, f.name, f.city, f.state,
                       count(h.code)::int as hearing_locations,
                       (count(h.code) filter (where h.active))::int as active_hearing_locations
                from field_office f left join hearing_location h on h.field_office_code = f.code
                group by f.code order by f.code
                """).query(FieldOfficeSummary.class).list();
    }

    public List<FieldOfficeArea> areasOf(String fieldOfficeCode) {
        return jdbc.sql("select field_office_code, state, county from field_office_area where field_office_code = ? "
                        + "order by state, county nulls first")
                .param(fieldOfficeCode).query(FieldOfficeArea.class).list();
    }

    public List<HearingLocation> hearingLocationsOf(String fieldOfficeCode) {
        return jdbc.sql("""
                select code, name, city, state, zip, base_city_code, active, field_office_code, field_office_method
                from hearing_location where field_office_code = ? order by code
                """).param(fieldOfficeCode).query(HearingLocation.class).list();
    }

    public Optional<HearingLocation> hearingLocation(String code) {
        return jdbc.sql("""
                select code, name, city, state, zip, base_city_code, active, field_office_code, field_office_method
                from hearing_location where code = ?
                """).param(code).query(HearingLocation.class).optional();
    }

    /** A hearing location or base city with its field office ({@code null}: unmapped) and how it was mapped. */
    public record Mapping(String kind, String code, String name, String city, String state, String fieldOffice,
            String method) {
    }

    /** Every hearing location and base city with its field office and method, by code. */
    public List<Mapping> mappings() {
        return jdbc.sql("""
                select 'Hearing location', code, name, city, state, field_office_code, field_office_method
                from hearing_location
                union all
                select 'Base city', code, name, city, state, field_office_code, field_office_method from base_city
                order by 2, 1""").query((rs, n) -> new Mapping(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7))).list();
    }

    public Optional<BaseCity> baseCity(String code) {
        return jdbc.sql("select code, name, city, state, field_office_code, field_office_method from base_city "
                        + "where code = ?").param(code).query(BaseCity.class).optional();
    }

    private Cache cache() {
        Cache current = cache;
        long generation = loader.generation();
        if (current != null && current.generation() == generation) {
            return current;
        }
        codes.clear();
        Set<String> decisions = jdbc.sql("select case_type, dec_code from decision_code")
                .query((rs, i) -> rs.getString(1) + "\u0000" + rs.getString(2)).set();
        Map<String, String> offices = new HashMap<>();
        jdbc.sql("select code, field_office_code from hearing_location where field_office_code is not null")
                .query(rs -> {
                    offices.put(rs.getString(1), rs.getString(2));
                });
        current = new Cache(generation, Set.copyOf(decisions), Map.copyOf(offices));
        cache = current;
        return current;
    }

    /** The loaded reference data version (content hash), if any. */
    public Optional<String> loadedVersion() {
        return jdbc.sql("select content_hash from reference_data_version where id = 1").query(String.class)
                .optional();
    }

}
