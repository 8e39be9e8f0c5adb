package org.caseops.jurisdiction;

import org.caseops.docket.DocketImporter;
import org.caseops.docket.ImportProgress;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Database;
import org.caseops.fixtures.EoirFiles;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.caseops.jurisdiction.ReferenceDataLoader.Group;
import org.caseops.jurisdiction.ReferenceDataLoader.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@CaseOpsTest
class ReferenceDataLoaderTest {

    @Autowired
    ReferenceDataLoader loader;

    @Autowired
    ReferenceData reference;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DocketImporter importer;

    @AfterEach
    void restore_the_shipped_files() {
        loader.load(ReferenceSources.classpath());
    }

    @Test
    void the_ten_family_op_cities_map_to_their_own_field_office() {
        for (String code : List.of("ATL", "BAL", "CHI", "DEN", "HOU", "LOS", "MIA", "NOL", "NYC", "SFR")) {
            assertThat(reference.baseCity(code)).as(code).get()
                    .extracting(BaseCity::fieldOfficeCode).isEqualTo(code);
        }
    }

    @Test
    void every_court_with_a_place_has_a_field_office_and_none_by_fallback() {
        assertThat(jdbc.sql("select count(*) from hearing_location where city is not null and field_office_code is null")
                .query(Integer.class).single()).as("2014 hearing locations, which have an address").isZero();
        assertThat(jdbc.sql("select count(*) from hearing_location where active and city is not null")
                .query(Integer.class).single()).isGreaterThan(250);
        assertThat(jdbc.sql("select count(*) from base_city where state is not null and field_office_code is null")
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from hearing_location where field_office_method = 'fallback'")
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from base_city where field_office_method = 'fallback'")
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select code from base_city where field_office_code is null order by code")
                .query(String.class).list()).as("EOIR's two test codes and Concord, whose state EOIR does not give")
                .containsExactly("CCC", "OIN", "OIT");
        assertThat(jdbc.sql("select count(*) from base_city where field_office_code is null and field_office_method <> "
                + "'unmapped'").query(Integer.class).single()).isZero();
    }

    @Test
    void every_code_of_eoirs_current_lookups_is_loaded_and_new_courts_map_from_their_base_city() {
        assertThat(jdbc.sql("select count(*) from hearing_location").query(Integer.class).single())
                .as("every distinct code of tblLookupHloc (1,133) plus the 2014 table's").isEqualTo(1133);
        assertThat(jdbc.sql("select count(*) from base_city").query(Integer.class).single()).isEqualTo(96);
        assertThat(reference.baseCity("HSG")).get().extracting(BaseCity::fieldOfficeCode).isEqualTo("HOU");
        assertThat(reference.baseCity("NYV")).get().extracting(BaseCity::fieldOfficeCode).isEqualTo("NYC");
        assertThat(reference.baseCity("SMO")).get().extracting(BaseCity::fieldOfficeCode).isEqualTo("SFR");
        assertThat(reference.baseCity("CIC")).get().extracting(BaseCity::fieldOfficeMethod).isEqualTo("override");
        assertThat(reference.fieldOfficeOfHearingLocation("HSG")).contains("HOU");
        assertThat(reference.hearingLocation("HSG")).get().extracting(HearingLocation::fieldOfficeMethod)
                .isEqualTo("base_city");
        assertThat(reference.hearingLocation("HSG")).get().extracting(HearingLocation::name)
                .isEqualTo("HOUSTON - S. GESSNER");
        assertThat(reference.hearingLocation("1AC")).as("TACOMA - CFR/RFR: no place, no base city of its code").get()
                .extracting(HearingLocation::fieldOfficeCode, HearingLocation::fieldOfficeMethod)
                .containsExactly(null, "unmapped");
        for (String table : List.of("tblLookUp_Appln", "tblLookupCourtAppDecisions", "tblLookupFedCourtDecision",
                "tblLookupFiledBy", "tblLookupMotionType", "tblLookupFiling_Method_Party")) {
            assertThat(reference.codes(table)).as(table).isNotEmpty();
        }
        assertThat(reference.codes("tblLookUp_Appln")).contains("ASYW", "WCAT", "ASYL");
    }

    @Test
    void split_states_are_decided_by_county_through_office_base_city_or_override() {
        assertThat(reference.fieldOfficeOfHearingLocation("ELC")).contains("SND"); // El Centro: Imperial County
        assertThat(reference.fieldOfficeOfHearingLocation("ADE")).contains("LOS"); // Adelanto: San Bernardino
        assertThat(reference.fieldOfficeOfHearingLocation("IRN")).contains("LOS"); // Blythe: Riverside County
        assertThat(reference.fieldOfficeOfHearingLocation("LAR")).contains("HLG"); // Laredo: Webb County
        assertThat(reference.fieldOfficeOfHearingLocation("RVS")).contains("ELP"); // Pecos: Reeves County
        assertThat(reference.fieldOfficeOfHearingLocation("BTV")).contains("BUF"); // Batavia: Genesee County
        assertThat(reference.fieldOfficeOfHearingLocation("JAM")).contains("NYC"); // Jamaica: Queens
        assertThat(reference.fieldOfficeOfHearingLocation("PIS")).contains("HLG"); // Los Fresnos: Cameron County
        assertThat(reference.hearingLocation("ELC")).get().extracting(HearingLocation::fieldOfficeMethod)
                .isEqualTo("office_in_city");
        assertThat(reference.hearingLocation("IRN")).get().extracting(HearingLocation::fieldOfficeMethod)
                .isEqualTo("override");
    }

    @Test
    void boston_field_office_sits_in_burlington() {
        FieldOffice boston = reference.fieldOffice("BOS").orElseThrow();
        assertThat(boston.name()).isEqualTo("Boston");
        assertThat(boston.city()).isEqualTo("Burlington");
        assertThat(boston.state()).isEqualTo("MA");
        assertThat(boston.latitude()).isBetween(42.4, 42.6);
        assertThat(reference.fieldOffice("DEN").orElseThrow().city()).isEqualTo("Centennial");
        assertThat(reference.fieldOffices()).hasSize(25);
    }

    @Test
    void eoir_codes_are_loaded_under_the_names_the_docket_importer_uses() {
        for (String table : List.of("nationality", "language", "case_type", "case_priority", "court_decision",
                "bia_decision", "bia_decision_type", "appeal_type", "juvenile", "custody")) {
            assertThat(reference.codes(table)).as(table).isNotEmpty();
        }
        assertThat(reference.codes("case_type")).contains("RMV", "DEP", "EXC", "WHO");
        assertThat(reference.codes("nationality")).contains("MX", "GT", "HO");
        assertThat(reference.codes("custody")).containsExactlyInAnyOrder("D", "N", "R");
        assertThat(reference.description("court_decision", "C")).get().asString().contains(" / ");
        assertThat(reference.decisionExists("RMV", "X")).isTrue();
        assertThat(reference.decisionExists("RMV", "ZZ")).isFalse();
        assertThat(jdbc.sql("select description from decision_code where case_type = 'RMV' and dec_code = 'Y'")
                .query(String.class).single()).isEqualTo("Prosecutorial Discretion \u2013 Admin Close");
    }

    @Test
    void loading_twice_changes_nothing() {
        Map<String, Object> before = snapshot();
        assertThat(loader.load(ReferenceSources.classpath()).outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(loader.load(ReferenceSources.classpath()).outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void a_changed_reference_file_is_reloaded() {
        String version = reference.loadedVersion().orElseThrow();
        ReferenceSources changed = renaming("EL CENTRO, CALIFORNIA", "EL CENTRO SERVICE PROCESSING CENTER");

        ReferenceDataLoader.Report report = loader.load(changed);
        assertThat(report.outcome()).isEqualTo(Outcome.LOADED);
        assertThat(report.changedFiles()).containsExactly(ReferenceSources.HEARING_LOCATIONS);
        assertThat(report.written()).as("only the courts are fed by that file").containsExactly(Group.COURTS);

        assertThat(reference.hearingLocation("ELC")).get().extracting(HearingLocation::name)
                .isEqualTo("EL CENTRO SERVICE PROCESSING CENTER");
        assertThat(reference.loadedVersion()).get().isNotEqualTo(version);
        assertThat(reference.fieldOfficeOfHearingLocation("ELC")).contains("SND");
    }

    /** Issue 12, goal 6: a changed code file rewrites its codes and leaves the offices, courts and cases alone. */
    @Test
    void a_changed_decision_code_file_rewrites_only_the_decision_codes() {
        Map<String, Object> before = snapshot();
        ReferenceSources changed = editing(ReferenceSources.DECISION_CODES, "Admin Close", "Administrative Closure");

        ReferenceDataLoader.Report report = loader.load(changed);

        assertThat(report.outcome()).isEqualTo(Outcome.LOADED);
        assertThat(report.changedFiles()).containsExactly(ReferenceSources.DECISION_CODES);
        assertThat(report.written()).containsExactly(Group.DECISION_CODES);
        assertThat(jdbc.sql("select description from decision_code where case_type = 'RMV' and dec_code = 'Y'")
                .query(String.class).single()).isEqualTo("Prosecutorial Discretion \u2013 Administrative Closure");
        Map<String, Object> after = snapshot();
        assertThat(after.get("office_rows")).as("field offices not written").isEqualTo(before.get("office_rows"));
        assertThat(after.get("location_rows")).as("courts not written").isEqualTo(before.get("location_rows"));
        assertThat(after.get("code_rows")).as("EOIR codes not written").isEqualTo(before.get("code_rows"));
        assertThat(jdbc.sql("select sha256 from reference_file where path = ?").param(ReferenceSources.DECISION_CODES)
                .query(String.class).single()).isEqualTo(changed.digest().files().get(ReferenceSources.DECISION_CODES));
    }

    @Test
    void every_file_feeds_a_group_and_a_new_loader_version_writes_them_all() {
        for (String file : ReferenceSources.ALL) {
            assertThat(Group.fedBy(List.of(file))).as(file).isNotEmpty().isNotEqualTo(java.util.EnumSet.allOf(Group.class));
        }
        assertThat(Group.fedBy(List.of("a/file/no/group/names.csv"))).containsExactlyInAnyOrder(Group.values());

        jdbc.sql("update reference_data_version set content_hash = 'older', summary = jsonb_set(summary, "
                + "'{loaderVersion}', '\"jurisdiction-loader-0\"')").update();
        ReferenceDataLoader.Report report = loader.load(ReferenceSources.classpath());
        assertThat(report.outcome()).isEqualTo(Outcome.LOADED);
        assertThat(report.written()).containsExactlyInAnyOrder(Group.values());
    }

    /** A database loaded before V86 kept the files' hashes: its unchanged files are recognised, nothing written. */
    @Test
    void a_database_loaded_before_the_files_hashes_were_kept_writes_nothing_for_unchanged_files() {
        ReferenceSources shipped = ReferenceSources.classpath();
        jdbc.sql("delete from reference_file").update();
        jdbc.sql("update reference_data_version set content_hash = ?").param(shipped.contentHashBeforeV86()).update();
        Map<String, Object> before = snapshot();

        assertThat(loader.load(shipped).outcome()).isEqualTo(Outcome.UNCHANGED);

        assertThat(jdbc.sql("select count(*) from reference_file").query(Integer.class).single())
                .isEqualTo(ReferenceSources.ALL.size());
        assertThat(reference.loadedVersion()).contains(shipped.contentHash());
        Map<String, Object> after = snapshot();
        assertThat(after.get("office_rows")).isEqualTo(before.get("office_rows"));
        assertThat(after.get("location_rows")).isEqualTo(before.get("location_rows"));
        assertThat(loader.load(shipped).outcome()).isEqualTo(Outcome.UNCHANGED);
    }

    /**
     * A load that changes the courts' mappings makes the docket's case index follow them (the docket's own function,
     * V67): a case whose field office no longer matches its court's is moved back to it.
     */
    @Test
    void a_changed_load_moves_cases_to_the_field_office_their_court_maps_to() throws Exception {
        Database.clearDocket(jdbc);
        java.nio.file.Path files = EoirFiles.houstonFamilies().writeTo(java.nio.file.Files.createTempDirectory("eoir"));
        importer.importFiles(files, null, "test", ImportProgress.NONE);
        Map<String, Object> c = jdbc.sql("select idncase, field_office_code from case_index "
                + "where field_office_code is not null order by idncase limit 1").query().singleRow();
        String elsewhere = c.get("field_office_code").equals("NYC") ? "HOU" : "NYC";
        jdbc.sql("update case_index set field_office_code = ? where idncase = ?")
                .params(elsewhere, c.get("idncase")).update();

        assertThat(loader.load(renaming("EL CENTRO, CALIFORNIA", "EL CENTRO (MOVED)")).outcome())
                .isEqualTo(Outcome.LOADED);

        assertThat(jdbc.sql("select field_office_code from case_index where idncase = ?").param(c.get("idncase"))
                .query(String.class).single()).isEqualTo(c.get("field_office_code"));
    }

    @Test
    void two_processes_starting_at_once_load_once() throws Exception {
        ReferenceSources changed = renaming("EL CENTRO, CALIFORNIA", "EL CENTRO (TWICE)");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Outcome> load = () -> loader.load(changed).outcome();
            List<Future<Outcome>> results = pool.invokeAll(List.of(load, load));
            assertThat(List.of(results.get(0).get(), results.get(1).get()))
                    .containsExactlyInAnyOrder(Outcome.LOADED, Outcome.UNCHANGED);
        } finally {
            pool.shutdown();
        }
    }

    private Map<String, Object> snapshot() {
        return jdbc.sql("""
                select (select content_hash || ' ' || loaded_at from reference_data_version) as version,
                       (select count(*) from eoir_code) as codes,
                       (select count(*) from decision_code) as decisions,
                       (select count(*) from hearing_location) as locations,
                       (select count(*) from field_office_area) as areas,
                       (select string_agg(code || field_office_code, ',' order by code) from hearing_location) as map,
                       (select string_agg(xmin::text, ',' order by code) from field_office) as office_rows,
                       (select string_agg(xmin::text, ',' order by code) from hearing_location) as location_rows,
                       (select string_agg(xmin::text, ',' order by code_table, code) from eoir_code) as code_rows
                """).query().singleRow();
    }

    private static ReferenceSources renaming(String from, String to) {
        return editing(ReferenceSources.HEARING_LOCATIONS, from, to);
    }

    /** The shipped files with one of them edited (as bytes in ISO-8859-1, so any charset's other bytes stay). */
    private static ReferenceSources editing(String file, String from, String to) {
        ReferenceSources shipped = ReferenceSources.classpath();
        return path -> {
            byte[] bytes = shipped.read(path);
            if (!path.equals(file)) {
                return bytes;
            }
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            if (!text.contains(from)) {
                throw new IllegalStateException(file + " does not contain " + from);
            }
            return text.replace(from, to).getBytes(StandardCharsets.ISO_8859_1);
        };
    }
}
