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

    /** Whether the docket is the generated one as imported (a test that imports more sets it false). */
    static boolean docketAsGenerated;

    /**
     * The generated docket, imported once for the class and again after a test that changed it; between tests only
     * the screenings, their verdicts and the holds the tests placed are emptied.
     */
    @BeforeEach
    void importDocket() {
        if (docketAsGenerated) {
            try (Database.Owner owner = Database.owner(jdbc)) {
                owner.jdbc().sql("set session_replication_role = replica").update();
                owner.jdbc().sql("truncate screening, case_verdict, legal_hold restart identity").update();
            }
            return;
        }
        Database.clearDocket(jdbc);
        importer.importFiles(dir, dir.resolve("persons.csv"), "test", ImportProgress.NONE);
        docketAsGenerated = true;
    }

    @org.junit.jupiter.api.AfterAll
    static void forgetTheDocket() {
        docketAsGenerated = false;
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
        docketAsGenerated = false;
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


    // ---- re-screening reads only what changed (V84, docs/operations.md "Re-screening") ---------------------------

    @Autowired
    LegalRecords records;

    /** An executable case of the date with no legal record yet. */
    private long anExecutableCase() {
        return jdbc.sql("""
                select v.idncase from case_verdict v where v.as_of = ? and v.status = 'EXECUTABLE'
                  and not exists (select 1 from legal_hold h where h.idncase = v.idncase)
                order by v.idncase limit 1""").param(JUNE_23_2019).query(Long.class).single();
    }

    private String storedStatus(long idncase) {
        return jdbc.sql("select status from case_verdict where idncase = ? and as_of = ?")
                .params(idncase, JUNE_23_2019).query(String.class).single();
    }

    /** Makes the next screening read the whole docket, as an import would: a docket write it did not see. */
    private void touchTheDocket() {
        try (Database.Owner owner = Database.owner(jdbc)) {
            owner.jdbc().sql("update case_index set field_office_code = field_office_code where false").update();
        }
    }

    @Test
    void a_re_screen_with_nothing_changed_reads_no_case_and_reports_what_a_whole_reading_reports() {
        Screening.Report first = screening.screen(JUNE_23_2019, null, "test");
        assertThat(first.read()).isEqualTo(first.cases());

        Screening.Report again = screening.screen(JUNE_23_2019, null, "test");

        assertThat(again.read()).isZero();
        assertThat(again.reused()).isEqualTo(again.cases()).isEqualTo(first.cases());
        assertThat(again.changed()).isZero();
        assertThat(again.verdicts()).isEqualTo(first.verdicts());
        assertThat(again.reasons()).isEqualTo(first.reasons());
        assertThat(again.fieldOffices()).isEqualTo(first.fieldOffices());
        assertThat(screening.report(again.screeningId()).orElseThrow().read()).isZero();
    }

    @Test
    void a_hold_placed_after_a_screening_is_judged_at_the_next_and_only_its_case_is_read() {
        Screening.Report first = screening.screen(JUNE_23_2019, null, "test");
        long idncase = anExecutableCase();
        records.placeHold(idncase, records.holdsVersion(idncase), JUNE_23_2019.minusDays(1), "pending review",
                "test");

        Screening.Report again = screening.screen(JUNE_23_2019, null, "test");

        assertThat(again.read()).isEqualTo(1);
        assertThat(again.changed()).isEqualTo(1);
        String now = storedStatus(idncase);
        assertThat(now).isNotEqualTo("EXECUTABLE")
                .isEqualTo(gate.ofPerson(jdbc.sql("select a_number from person where idncase = ?").param(idncase)
                        .query(String.class).single(), JUNE_23_2019).orElseThrow().verdict().name());
        assertThat(again.verdicts().executable()).isEqualTo(first.verdicts().executable() - 1);
        assertThat(again.cases()).isEqualTo(first.cases());

        // reading the whole docket again judges every case as the incremental screening left it
        touchTheDocket();
        Screening.Report whole = screening.screen(JUNE_23_2019, null, "test");
        assertThat(whole.read()).isEqualTo(whole.cases());
        assertThat(whole.changed()).isZero();
        assertThat(whole.verdicts()).isEqualTo(again.verdicts());
        assertThat(whole.reasons()).isEqualTo(again.reasons());
        assertThat(whole.fieldOffices()).isEqualTo(again.fieldOffices());
    }

    /**
     * A hold written by a transaction still open while the screening reads is not in what the screening read: its
     * commit comes after the screening's snapshot, so the next screening judges its case, whatever the order of ids.
     */
    @Test
    void a_change_committed_while_a_screening_reads_is_judged_at_the_next() throws Exception {
        screening.screen(JUNE_23_2019, null, "test");
        long idncase = anExecutableCase();
        java.util.concurrent.CountDownLatch written = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch screened = new java.util.concurrent.CountDownLatch(1);
        // another thread, another pooled connection: the hold's transaction stays open while the screening reads
        java.util.concurrent.CompletableFuture<Void> writer = java.util.concurrent.CompletableFuture.runAsync(() -> {
            try (java.sql.Connection open = dataSource.getConnection()) {
                open.setAutoCommit(false);
                try (var insert = open.prepareStatement("insert into legal_hold (idncase, placed_on, placed_by, "
                        + "reason) values (?, ?, 'test', 'placed while a screening read')")) {
                    insert.setLong(1, idncase);
                    insert.setObject(2, JUNE_23_2019.minusDays(1));
                    insert.executeUpdate();
                }
                written.countDown();
                assertThat(screened.await(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
                open.commit();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(written.await(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        Screening.Report during = screening.screen(JUNE_23_2019, null, "test");
        assertThat(during.read()).isZero();
        assertThat(storedStatus(idncase)).isEqualTo("EXECUTABLE");
        screened.countDown();
        writer.get(60, java.util.concurrent.TimeUnit.SECONDS);

        Screening.Report after = screening.screen(JUNE_23_2019, null, "test");

        assertThat(after.read()).isEqualTo(1);
        assertThat(storedStatus(idncase)).isNotEqualTo("EXECUTABLE");
    }

    /** Stored verdicts deleted leave nothing to carry over: the next screening reads and stores every case again. */
    @Test
    void deleted_verdicts_make_the_next_screening_read_the_whole_docket() {
        Screening.Report first = screening.screen(JUNE_23_2019, null, "test");
        jdbc.sql("delete from case_verdict where as_of = ? and status = 'EXECUTABLE'").param(JUNE_23_2019).update();

        Screening.Report again = screening.screen(JUNE_23_2019, null, "test");

        assertThat(again.read()).isEqualTo(again.cases()).isEqualTo(first.cases());
        assertThat(again.verdicts()).isEqualTo(first.verdicts());
    }

    @Test
    void an_import_after_a_screening_makes_the_next_read_the_whole_docket() throws Exception {
        Screening.Report first = screening.screen(JUNE_23_2019, null, "test");
        docketAsGenerated = false;
        importer.importFiles(dir, dir.resolve("persons.csv"), "test", ImportProgress.NONE);

        Screening.Report again = screening.screen(JUNE_23_2019, null, "test");

        assertThat(again.read()).isEqualTo(again.cases()).isEqualTo(first.cases());
        assertThat(again.changed()).isZero();
    }

    @Test
    void a_field_office_re_screen_reads_only_its_changed_cases() {
        screening.screen(JUNE_23_2019, null, "test");
        long idncase = jdbc.sql("""
                select v.idncase from case_verdict v join case_index i on i.idncase = v.idncase
                where v.as_of = ? and v.status = 'EXECUTABLE' and i.field_office_code = 'HOU'
                order by v.idncase limit 1""").param(JUNE_23_2019).query(Long.class).single();
        long elsewhere = jdbc.sql("""
                select v.idncase from case_verdict v join case_index i on i.idncase = v.idncase
                where v.as_of = ? and v.status = 'EXECUTABLE' and i.field_office_code = 'CHI'
                order by v.idncase limit 1""").param(JUNE_23_2019).query(Long.class).single();
        records.placeHold(idncase, records.holdsVersion(idncase), JUNE_23_2019.minusDays(1), "review", "test");
        records.placeHold(elsewhere, records.holdsVersion(elsewhere), JUNE_23_2019.minusDays(1), "review", "test");

        Screening.Report houston = screening.screen(JUNE_23_2019, "HOU", "test");

        assertThat(houston.read()).isEqualTo(1);
        assertThat(houston.fieldOffices()).extracting(Screening.OfficeCounts::fieldOffice).containsExactly("HOU");
        assertThat(houston.cases()).isEqualTo(jdbc.sql("select count(*) from case_index where field_office_code = "
                + "'HOU'").query(Long.class).single());
        assertThat(storedStatus(idncase)).isNotEqualTo("EXECUTABLE");
        assertThat(storedStatus(elsewhere)).isEqualTo("EXECUTABLE");
        // the next whole screening starts from the last whole one: it reads both cases, rewrites only Chicago's
        Screening.Report whole = screening.screen(JUNE_23_2019, null, "test");
        assertThat(whole.read()).isEqualTo(2);
        assertThat(whole.changed()).isEqualTo(1);
        assertThat(storedStatus(elsewhere)).isNotEqualTo("EXECUTABLE");
    }

    /** The application may read the change logs; only their triggers write them (no rewriting, no emptying). */
    @Test
    void the_application_role_cannot_rewrite_the_change_logs() {
        screening.screen(JUNE_23_2019, null, "test");
        long idncase = anExecutableCase();
        records.placeHold(idncase, records.holdsVersion(idncase), JUNE_23_2019.minusDays(1), "review", "test");
        for (String sql : List.of("delete from legal_record_change", "update legal_record_change set idncase = 0",
                "delete from docket_change", "insert into docket_change (xid) values ('1')",
                "truncate legal_record_change")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql(sql).update()).as(sql)
                    .rootCause().hasMessageContaining("permission denied");
        }
        assertThat(screening.screen(JUNE_23_2019, null, "test").read()).isEqualTo(1);
    }
}
