package org.caseops.jurisdiction;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.caseops.jurisdiction.ReferenceSet.DecisionCode;
import org.caseops.jurisdiction.ReferenceSet.EoirCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the shipped reference data into PostgreSQL when the application context starts: after Flyway (Boot orders
 * {@link DependsOnDatabaseInitialization} beans after the migrations) and before any bean that reads it, since
 * {@link ReferenceData} is built from this bean. Web server and CLI commands alike get a loaded database.
 *
 * <p>One transaction under {@code pg_advisory_xact_lock}, so two processes starting at once load it once: the second
 * waits, then finds the content hash already recorded and does nothing. Tables that later data points at by foreign
 * key ({@code field_office}, {@code base_city}, {@code hearing_location}) are upserted; a hearing location no longer in
 * the files is made inactive rather than deleted. Code tables nobody references are replaced whole.
 *
 * <p>Incremental (issue 12, goal 6): the SHA-256 of each file as last loaded is kept in {@code reference_file} (V86).
 * When the set changed, only the {@link Group}s fed by a changed file are written: a new decision-code file rewrites
 * the decision codes and leaves the courts' mappings — and the docket's cases, which follow them — alone. A new
 * {@link ReferenceSources#LOADER_VERSION}, or a database without the files' hashes, writes every group.
 */
@Component
@DependsOnDatabaseInitialization
class ReferenceDataLoader implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(ReferenceDataLoader.class);

    /** Advisory lock key: "CaseOpsR" in ASCII. */
    static final long LOCK_KEY = 0x436173654f707352L;

    enum Outcome { LOADED, UNCHANGED }

    /** The tables written together, and the files each is read from (a file may feed several). */
    enum Group {
        FIELD_OFFICES(ReferenceSources.AOR, ReferenceSources.OFFICES),
        COURTS(ReferenceSources.AOR, ReferenceSources.OFFICES, ReferenceSources.LOOKUPS,
                ReferenceSources.HEARING_LOCATIONS, ReferenceSources.BASE_CITIES,
                ReferenceSources.HEARING_LOCATION_OVERRIDES, ReferenceSources.BASE_CITY_OVERRIDES,
                ReferenceSources.BASE_CITY_PLACES),
        EOIR_CODES(ReferenceSources.LOOKUPS, ReferenceSources.NATIONALITIES, ReferenceSources.CASE_TYPES),
        DECISION_CODES(ReferenceSources.DECISION_CODES);

        final Set<String> files;

        Group(String... files) {
            this.files = Set.of(files);
        }

        /** The groups fed by any of these files; every group for a file no group names. */
        static Set<Group> fedBy(Collection<String> files) {
            Set<Group> groups = EnumSet.noneOf(Group.class);
            for (String file : files) {
                boolean known = false;
                for (Group group : values()) {
                    if (group.files.contains(file)) {
                        groups.add(group);
                        known = true;
                    }
                }
                if (!known) {
                    return EnumSet.allOf(Group.class);
                }
            }
            return groups;
        }
    }

    /**
     * What a load did; {@code set} is null when nothing changed. {@code changedFiles}: the files whose hash differs
     * from the one recorded (every file when none was); {@code written}: the groups rewritten.
     */
    record Report(Outcome outcome, String contentHash, ReferenceSet set, List<String> changedFiles,
            Set<Group> written) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;
    private volatile long generation;

    ReferenceDataLoader(JdbcClient jdbc, PlatformTransactionManager transactions, ObjectMapper json) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.json = json;
    }

    @Override
    public void afterPropertiesSet() {
        load(ReferenceSources.classpath());
    }

    /** Increases with every load that changed rows; readers drop their caches when it moves. */
    long generation() {
        return generation;
    }

    Report load(ReferenceSources sources) {
        long started = System.nanoTime();
        ReferenceSources.Digest digest = sources.digest();
        String hash = digest.contentHash();
        Report report = transaction.execute(status -> {
            jdbc.sql("select pg_advisory_xact_lock(?)").param(LOCK_KEY).query((rs, i) -> 1).list();
            Optional<String> loaded = jdbc.sql("select content_hash from reference_data_version where id = 1")
                    .query(String.class).optional();
            Map<String, String> recorded = new HashMap<>();
            jdbc.sql("select path, sha256 from reference_file").query((rs, i) ->
                    recorded.put(rs.getString(1), rs.getString(2))).list();
            if (loaded.filter(hash::equals).isPresent()) {
                return new Report(Outcome.UNCHANGED, hash, null, List.of(), Set.of());
            }
            if (recorded.isEmpty() && loaded.filter(sources.contentHashBeforeV86()::equals).isPresent()) {
                // loaded before the files' own hashes were kept (V86), from these very files: record them, write nothing
                recordFiles(digest.files());
                jdbc.sql("update reference_data_version set content_hash = ? where id = 1").param(hash).update();
                return new Report(Outcome.UNCHANGED, hash, null, List.of(), Set.of());
            }
            List<String> changed = digest.files().entrySet().stream()
                    .filter(f -> !f.getValue().equals(recorded.get(f.getKey()))).map(Map.Entry::getKey).sorted()
                    .toList();
            Optional<String> loaderVersion = jdbc.sql(
                    "select summary ->> 'loaderVersion' from reference_data_version where id = 1")
                    .query(String.class).optional();
            boolean whole = recorded.isEmpty() || loaded.isEmpty()
                    || !loaderVersion.filter(ReferenceSources.LOADER_VERSION::equals).isPresent();
            Set<Group> groups = whole ? EnumSet.allOf(Group.class) : Group.fedBy(changed);
            ReferenceSet set = new ReferenceFiles(sources).read();
            write(set, hash, groups);
            recordFiles(digest.files());
            return new Report(Outcome.LOADED, hash, set, whole ? List.copyOf(digest.files().keySet()) : changed,
                    Set.copyOf(groups));
        });
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (report.outcome() == Outcome.LOADED) {
            generation++;
            ReferenceSet set = report.set();
            log.info("Reference data {} loaded in {} ms ({} of {} files changed; written: {}): {} field offices, "
                    + "{} base cities {}, {} hearing locations {}, {} EOIR codes, {} decision codes",
                    hash.substring(0, 12), millis, report.changedFiles().size(), ReferenceSources.ALL.size(),
                    report.written(), set.fieldOffices().size(), set.baseCities().size(), set.baseCityMethods(),
                    set.hearingLocations().size(), set.hearingLocationMethods(), set.eoirCodes().size(),
                    set.decisionCodes().size());
            set.warnings().forEach(w -> log.warn("Reference data: {}", w));
        } else {
            log.info("Reference data {} already loaded ({} ms): nothing written", hash.substring(0, 12), millis);
        }
        return report;
    }

    private void recordFiles(Map<String, String> files) {
        jdbc.sql("delete from reference_file where path <> all(?::text[])")
                .param(files.keySet().toArray(String[]::new)).update();
        jdbc.sql("""
                insert into reference_file (path, sha256, loaded_at)
                select p, h, now() from unnest(?::text[], ?::text[]) as f(p, h)
                on conflict (path) do update set sha256 = excluded.sha256, loaded_at = excluded.loaded_at
                where reference_file.sha256 <> excluded.sha256
                """)
                .param(files.keySet().toArray(String[]::new)).param(files.values().toArray(String[]::new))
                .update();
    }

    private void write(ReferenceSet set, String hash, Set<Group> groups) {
        if (groups.contains(Group.FIELD_OFFICES)) {
            writeFieldOffices(set);
        }
        if (groups.contains(Group.COURTS)) {
            writeCourts(set);
        }
        if (groups.contains(Group.EOIR_CODES)) {
            writeEoirCodes(set);
        }
        if (groups.contains(Group.DECISION_CODES)) {
            writeDecisionCodes(set);
        }
        jdbc.sql("""
                insert into reference_data_version (id, content_hash, loaded_at, summary)
                values (1, ?, now(), ?::jsonb)
                on conflict (id) do update set content_hash = excluded.content_hash, loaded_at = excluded.loaded_at,
                    summary = excluded.summary
                """)
                .param(hash).param(summary(set))
                .update();
    }

    private void writeFieldOffices(ReferenceSet set) {
        List<FieldOffice> offices = set.fieldOffices();
        jdbc.sql("""
                insert into field_office (code, name, city, state, address, latitude, longitude)
                select * from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::float8[], ?::float8[])
                on conflict (code) do update set name = excluded.name, city = excluded.city, state = excluded.state,
                    address = excluded.address, latitude = excluded.latitude, longitude = excluded.longitude
                """)
                .param(texts(offices, FieldOffice::code)).param(texts(offices, FieldOffice::name))
                .param(texts(offices, FieldOffice::city)).param(texts(offices, FieldOffice::state))
                .param(texts(offices, FieldOffice::address))
                .param(offices.stream().map(FieldOffice::latitude).toArray(Double[]::new))
                .param(offices.stream().map(FieldOffice::longitude).toArray(Double[]::new))
                .update();

        List<FieldOfficeArea> areas = set.areas();
        jdbc.sql("delete from field_office_area").update();
        jdbc.sql("""
                insert into field_office_area (field_office_code, state, county)
                select * from unnest(?::text[], ?::text[], ?::text[])
                """)
                .param(texts(areas, FieldOfficeArea::fieldOfficeCode)).param(texts(areas, FieldOfficeArea::state))
                .param(texts(areas, FieldOfficeArea::county))
                .update();
    }

    private void writeCourts(ReferenceSet set) {
        List<BaseCity> cities = set.baseCities();
        jdbc.sql("""
                insert into base_city (code, name, city, state, field_office_code, field_office_method)
                select * from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                on conflict (code) do update set name = excluded.name, city = excluded.city, state = excluded.state,
                    field_office_code = case when base_city.field_office_method = 'manual'
                        then base_city.field_office_code else excluded.field_office_code end,
                    field_office_method = case when base_city.field_office_method = 'manual'
                        then 'manual' else excluded.field_office_method end
                """)
                .param(texts(cities, BaseCity::code)).param(texts(cities, BaseCity::name))
                .param(texts(cities, BaseCity::city)).param(texts(cities, BaseCity::state))
                .param(texts(cities, BaseCity::fieldOfficeCode)).param(texts(cities, BaseCity::fieldOfficeMethod))
                .update();

        List<HearingLocation> locations = set.hearingLocations();
        jdbc.sql("""
                insert into hearing_location (code, name, city, state, zip, base_city_code, active,
                    field_office_code, field_office_method)
                select * from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::boolean[],
                    ?::text[], ?::text[])
                on conflict (code) do update set name = excluded.name, city = excluded.city, state = excluded.state,
                    zip = excluded.zip, base_city_code = excluded.base_city_code, active = excluded.active,
                    field_office_code = case when hearing_location.field_office_method = 'manual'
                        then hearing_location.field_office_code else excluded.field_office_code end,
                    field_office_method = case when hearing_location.field_office_method = 'manual'
                        then 'manual' else excluded.field_office_method end
                """)
                .param(texts(locations, HearingLocation::code)).param(texts(locations, HearingLocation::name))
                .param(texts(locations, HearingLocation::city)).param(texts(locations, HearingLocation::state))
                .param(texts(locations, HearingLocation::zip)).param(texts(locations, HearingLocation::baseCityCode))
                .param(locations.stream().map(HearingLocation::active).toArray(Boolean[]::new))
                .param(texts(locations, HearingLocation::fieldOfficeCode))
                .param(texts(locations, HearingLocation::fieldOfficeMethod))
                .update();
        int retired = jdbc.sql("update hearing_location set active = false where active and code <> all(?::text[])")
                .param(texts(locations, HearingLocation::code)).update();
        if (retired > 0) {
            log.info("Reference data: {} hearing locations no longer in the files were made inactive", retired);
        }

        // A court newly mapped (or remapped) moves its cases: the docket's case index keeps each case's field office,
        // and the docket's function (V67) makes it follow the new mappings.
        int moved = jdbc.sql("select docket_follow_court_mappings()").query(Integer.class).single();
        if (moved > 0) {
            log.info("Reference data: {} cases moved to the field office their court now maps to", moved);
        }
    }

    private void writeEoirCodes(ReferenceSet set) {
        List<EoirCode> codes = set.eoirCodes();
        jdbc.sql("delete from eoir_code").update();
        jdbc.sql("""
                insert into eoir_code (code_table, code, description)
                select * from unnest(?::text[], ?::text[], ?::text[])
                """)
                .param(texts(codes, EoirCode::codeTable)).param(texts(codes, EoirCode::code))
                .param(texts(codes, EoirCode::description))
                .update();
    }

    private void writeDecisionCodes(ReferenceSet set) {
        List<DecisionCode> decisions = set.decisionCodes();
        jdbc.sql("delete from decision_code").update();
        jdbc.sql("""
                insert into decision_code (case_type, dec_code, dec_type, description)
                select * from unnest(?::text[], ?::text[], ?::text[], ?::text[])
                """)
                .param(texts(decisions, DecisionCode::caseType)).param(texts(decisions, DecisionCode::decCode))
                .param(texts(decisions, DecisionCode::decType)).param(texts(decisions, DecisionCode::description))
                .update();
    }

    private String summary(ReferenceSet set) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("loaderVersion", ReferenceSources.LOADER_VERSION);
        summary.put("fieldOffices", set.fieldOffices().size());
        summary.put("fieldOfficeAreas", set.areas().size());
        summary.put("baseCities", set.baseCities().size());
        summary.put("baseCityMethods", set.baseCityMethods());
        summary.put("hearingLocations", set.hearingLocations().size());
        summary.put("hearingLocationMethods", set.hearingLocationMethods());
        summary.put("eoirCodes", set.eoirCodes().size());
        summary.put("decisionCodes", set.decisionCodes().size());
        summary.put("warnings", set.warnings());
        try {
            return json.writeValueAsString(summary);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> String[] texts(List<T> rows, Function<T, String> column) {
        return rows.stream().map(column).toArray(String[]::new);
    }
}
