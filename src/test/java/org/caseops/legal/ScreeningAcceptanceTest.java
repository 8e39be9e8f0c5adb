package org.caseops.legal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.caseops.docket.DocketImporter;
import org.caseops.docket.ImportProgress;
import org.caseops.docket.synthetic.Scenario;
import org.caseops.docket.synthetic.SyntheticDocketGenerator;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Database;
import org.caseops.fixtures.EoirFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The generated family-op-2019 docket screened as of 2019-06-23: every verdict as the generator built it. */
@CaseOpsTest
class ScreeningAcceptanceTest {

    static final LocalDate JUNE_23_2019 = LocalDate.of(2019, 6, 23);

    /** The rule that decides each kind the generator makes (the law as docs/legal-rules.md states it). */
    static final Map<String, String> DECIDING_RULE = Map.ofEntries(
            Map.entry("IN_ABSENTIA_REMOVAL", "FINALITY"), Map.entry("REMOVAL_APPEAL_WAIVED", "FINALITY"),
            Map.entry("REMOVAL_APPEAL_DISMISSED", "FINALITY"), Map.entry("MOTION_DENIED", "FINALITY"),
            Map.entry("VOLUNTARY_DEPARTURE_OVERSTAYED", "FINALITY"), Map.entry("APPEAL_PENDING", "APPEAL_PENDING"),
            Map.entry("APPEAL_WINDOW_OPEN", "APPEAL_WINDOW"),
            Map.entry("MOTION_TO_REOPEN_PENDING", "MOTION_STAY_IN_ABSENTIA"),
            Map.entry("MOTION_TO_REOPEN_GRANTED", "MOTION_REOPENED"), Map.entry("STAY_GRANTED", "MOTION_STAY_GRANTED"),
            Map.entry("VOLUNTARY_DEPARTURE_RUNNING", "VOLUNTARY_DEPARTURE"), Map.entry("TERMINATED", "REMOVAL_ORDER"),
            Map.entry("RELIEF_GRANTED", "REMOVAL_ORDER"), Map.entry("PENDING", "REMOVAL_ORDER"),
            Map.entry("NEWER_PROCEEDING_PENDING", "LATEST_PROCEEDING"),
            Map.entry("CITIZENSHIP_CLAIM_OPEN", "CITIZENSHIP_CLAIM"));

    @TempDir
    static Path dir;
    static JsonNode manifest;
    static Map<Long, String[]> truth = new HashMap<>();

    @Autowired
    DocketImporter importer;
    @Autowired
    Screening screening;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    javax.sql.DataSource dataSource;
    @Autowired
    DocketFacts docketFacts;
    @Autowired
    org.caseops.docket.Docket docket;
    @Autowired
    ObjectMapper json;
    @Autowired
    LegalGate gate;

    @BeforeAll
    static void generate() throws Exception {
        SyntheticDocketGenerator.generate(Scenario.FAMILY_OP_2019, 0, 2019, dir);
        manifest = new ObjectMapper().readTree(dir.resolve("manifest.json").toFile());
        for (String line : Files.readAllLines(dir.resolve("truth.csv")).subList(1,
                Files.readAllLines(dir.resolve("truth.csv")).size())) {
            String[] f = line.split(",");
            truth.put(Long.parseLong(f[0]), new String[] {f[1], f[2]});
        }
    }

    @BeforeEach
    void importDocket() {
        Database.clearDocket(jdbc);
        importer.importFiles(dir, dir.resolve("persons.csv"), "test", ImportProgress.NONE);
    }

    @Test
    void every_case_gets_the_verdict_the_generator_built_it_for_and_the_counts_match_the_manifest() {
        Screening.Report report = screening.screen(JUNE_23_2019, null, "test");

        Map<String, Long> mismatchesByKind = new TreeMap<>();
        jdbc.sql("select idncase, status from case_verdict where as_of = ?").param(JUNE_23_2019)
                .query((rs, n) -> {
                    String[] expected = truth.get(rs.getLong(1));
                    if (!expected[1].equals(rs.getString(2))) {
                        mismatchesByKind.merge(expected[0] + " expected " + expected[1] + " got " + rs.getString(2),
                                1L, Long::sum);
                    }
                    return null;
                }).list();
        assertThat(mismatchesByKind).isEmpty();

        Map<String, Long> expected = new HashMap<>();
        manifest.path("casesByKind").fields().forEachRemaining(kind -> expected.merge(
                kind.getValue().path("expectedVerdict").asText(), kind.getValue().path("cases").asLong(), Long::sum));
        assertThat(report.cases()).isEqualTo(manifest.path("rows").path("A_TblCase.csv").asLong());
        assertThat(report.verdicts().executable()).isEqualTo(expected.get("EXECUTABLE"));
        assertThat(report.verdicts().notExecutable()).isEqualTo(expected.get("NOT_EXECUTABLE"));
        assertThat(report.verdicts().frozen()).isEqualTo(expected.get("FROZEN"));
        assertThat(report.fieldOffices()).extracting(Screening.OfficeCounts::fieldOffice)
                .containsExactly("ATL", "BAL", "CHI", "DEN", "HOU", "LOS", "MIA", "NOL", "NYC", "SFR");
        Map<String, Long> expectedByReason = new TreeMap<>();
        manifest.path("casesByKind").fields().forEachRemaining(kind -> expectedByReason.merge(
                kind.getValue().path("expectedVerdict").asText() + " " + DECIDING_RULE.get(kind.getKey()),
                kind.getValue().path("cases").asLong(), Long::sum));
        Map<String, Long> actualByReason = new TreeMap<>();
        report.reasons().forEach(r -> actualByReason.put(r.verdict() + " " + r.reason(), r.cases()));
        assertThat(actualByReason).isEqualTo(expectedByReason);
    }

    /**
     * A motion on a case no rider rides on: a lead's motion is also a fact of its riders (the gate reads it for the
     * family rule), so deciding it would rightly re-judge them too.
     */
    @Test
    void screening_again_after_an_import_rewrites_only_the_verdicts_whose_facts_changed() throws Exception {
        screening.screen(JUNE_23_2019, null, "test");
        assertThat(screening.screen(JUNE_23_2019, null, "test").changed()).isZero();
        long[] motion = jdbc.sql("""
                select m.idnmotion, m.idnproceeding, m.idncase from court_motion m
                join case_verdict v on v.idncase = m.idncase and v.as_of = ?
                where m.dec is null and v.status = 'NOT_EXECUTABLE'
                  and not exists (select 1 from lead_rider r where r.lead_case = m.idncase)
                order by m.idnmotion limit 1""")
                .param(JUNE_23_2019).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).single();
        EoirFiles denied = EoirFiles.standard();
        String received = jdbc.sql("select motion_recd_date::text from court_motion where idnmotion = ?")
                .param(motion[0]).query(String.class).single();
        denied.motion(motion[0], motion[1], motion[2], received, "D");
        importer.importFiles(denied.writeTo(Files.createTempDirectory("denied")), null, "test", ImportProgress.NONE);

        Screening.Report again = screening.screen(JUNE_23_2019, null, "test");

        assertThat(again.changed()).isEqualTo(1);
        assertThat(jdbc.sql("select screening_id from case_verdict where idncase = ? and as_of = ?")
                .params(motion[2], JUNE_23_2019).query(Long.class).single()).isEqualTo(again.screeningId());
    }

    /**
     * The gate is a pure function of the facts, the date and the rules: a second screening of the date takes over every
     * verdict whose facts' fingerprint and rules are unchanged instead of judging it again; under other rules (here a
     * different data-staleness bound) nothing is reused and every verdict is judged and rewritten, and judging them
     * all again under the first rules gives back exactly the verdicts first stored.
     */
    @Test
    void a_second_screening_reuses_the_verdicts_of_unchanged_facts_under_the_same_rules_only() {
        Screening.Report first = screening.screen(JUNE_23_2019, null, "test");
        assertThat(first.reused()).isZero();
        assertThat(first.rules()).isEqualTo(screening.rulesFingerprint()).hasSize(32);
        Map<Long, String> judged = storedVerdicts();

        Screening.Report second = screening.screen(JUNE_23_2019, null, "test");
        assertThat(second.reused()).isEqualTo(second.cases()).isEqualTo(first.cases());
        assertThat(second.changed()).isZero();
        assertThat(second.verdicts()).isEqualTo(first.verdicts());
        assertThat(second.reasons()).isEqualTo(first.reasons());
        assertThat(second.fieldOffices()).isEqualTo(first.fieldOffices());

        Screening otherRules = new Screening(dataSource, new LegalGate(docketFacts, docket, 30), json, jdbc);
        assertThat(otherRules.rulesFingerprint()).isNotEqualTo(screening.rulesFingerprint());
        Screening.Report third = otherRules.screen(JUNE_23_2019, null, "test");
        assertThat(third.reused()).isZero();
        assertThat(third.changed()).isEqualTo(third.cases());
        assertThat(jdbc.sql("select count(*) from case_verdict where as_of = ? and screening_id <> ?")
                .params(JUNE_23_2019, third.screeningId()).query(Long.class).single()).isZero();

        Screening.Report fourth = screening.screen(JUNE_23_2019, null, "test");
        assertThat(fourth.reused()).isZero();
        assertThat(storedVerdicts()).isEqualTo(judged);
    }

    /**
     * The screening streams the facts through server-side cursors in binary transfer; a single verdict reads them with
     * ordinary queries as text. Both must read the same dates and codes, so both give the same verdict.
     */
    @Test
    void the_screening_judges_each_case_as_a_single_verdict_does() {
        screening.screen(JUNE_23_2019, null, "test");
        List<String[]> stored = jdbc.sql("""
                select p.a_number, v.status, coalesce(v.changes_on::text, ''), array_to_string(v.reasons, ',')
                from case_verdict v join person p on p.idncase = v.idncase
                where v.as_of = ? order by v.idncase""").param(JUNE_23_2019)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)})
                .list();
        assertThat(stored).hasSizeGreaterThan(1000);
        for (String[] v : stored.subList(0, 400)) {
            LegalGate.CaseVerdict single = gate.ofPerson(v[0], JUNE_23_2019).orElseThrow();
            assertThat(new String[] {single.verdict().name(), single.changesOn().map(LocalDate::toString).orElse(""),
                    String.join(",", single.findings().stream().filter(f -> f.holds()).map(f -> f.ruleId())
                            .distinct().toList())})
                    .as(v[0]).containsExactly(v[1], v[2], v[3]);
        }
    }

    private Map<Long, String> storedVerdicts() {
        Map<Long, String> verdicts = new HashMap<>();
        jdbc.sql("select idncase, concat_ws('|', status, reason, reasons::text, changes_on, facts_hash, "
                + "field_office_code) from case_verdict where as_of = ?").param(JUNE_23_2019)
                .query((rs, n) -> verdicts.put(rs.getLong(1), rs.getString(2))).list();
        return verdicts;
    }

    @Test
    void one_field_office_can_be_screened_alone() {
        Screening.Report houston = screening.screen(JUNE_23_2019, "HOU", "test");

        assertThat(houston.fieldOffices()).extracting(Screening.OfficeCounts::fieldOffice).containsExactly("HOU");
        long inHouston = jdbc.sql("select count(*) from case_summary where field_office_code = 'HOU'")
                .query(Long.class).single();
        assertThat(inHouston).isBetween(1L, 2039L);
        assertThat(houston.cases()).isEqualTo(inHouston);
        assertThat(jdbc.sql("select count(*) from case_verdict where as_of = ?").param(JUNE_23_2019)
                .query(Long.class).single()).isEqualTo(inHouston);
    }

}
