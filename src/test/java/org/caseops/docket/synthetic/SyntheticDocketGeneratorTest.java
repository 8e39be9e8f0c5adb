package org.caseops.docket.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticDocketGeneratorTest {

    private static final List<String> EOIR_FILES = List.of(DocketOutput.CASES, DocketOutput.PROCEEDINGS,
            DocketOutput.MOTIONS, DocketOutput.APPEALS, DocketOutput.LEAD_RIDERS, DocketOutput.JUVENILES,
            DocketOutput.APPLICATIONS, DocketOutput.FED_COURTS);

    @TempDir
    static Path temp;
    static Path familyOp;
    static Path national;

    @BeforeAll
    static void generate() throws IOException {
        familyOp = temp.resolve("family-op");
        SyntheticDocketGenerator.generate(Scenario.FAMILY_OP_2019, 0, 2019, familyOp);
        national = temp.resolve("national");
        SyntheticDocketGenerator.generate(Scenario.NATIONAL, 20_000, 7, national);
    }

    @Test
    void same_seed_gives_identical_files() throws IOException {
        Path again = temp.resolve("family-op-again");
        SyntheticDocketGenerator.generate(Scenario.FAMILY_OP_2019, 0, 2019, again);
        Path otherSeed = temp.resolve("family-op-other-seed");
        SyntheticDocketGenerator.generate(Scenario.FAMILY_OP_2019, 0, 2020, otherSeed);
        try (var files = Files.list(familyOp)) {
            for (Path file : files.toList()) {
                assertThat(Files.readAllBytes(again.resolve(file.getFileName())))
                        .as(file.getFileName().toString()).isEqualTo(Files.readAllBytes(file));
            }
        }
        assertThat(Files.readAllBytes(otherSeed.resolve(DocketOutput.PERSONS)))
                .isNotEqualTo(Files.readAllBytes(familyOp.resolve(DocketOutput.PERSONS)));
    }

    @Test
    void eoir_tables_are_tab_delimited_with_lf_and_eoir_dates() throws IOException {
        for (String file : EOIR_FILES) {
            String text = Files.readString(familyOp.resolve(file), StandardCharsets.UTF_8);
            assertThat(text).as(file).doesNotContain("\r").doesNotContain("\"");
            String[] lines = text.split("\n");
            int columns = lines[0].split("\t", -1).length;
            assertThat(Arrays.stream(lines).allMatch(l -> l.split("\t", -1).length == columns)).as(file).isTrue();
        }
        for (Map<String, String> row : tsv(familyOp, DocketOutput.PROCEEDINGS)) {
            assertThat(row.get("OSC_DATE")).matches("\\d{4}-\\d{2}-\\d{2} 00:00:00\\.000");
            assertThat(row.get("COMP_DATE")).matches("(\\d{4}-\\d{2}-\\d{2} 00:00:00\\.000)?");
        }
    }

    @Test
    void manifest_counts_match_the_files() throws IOException {
        for (Path dir : List.of(familyOp, national)) {
            JsonNode manifest = new ObjectMapper().readTree(dir.resolve(DocketOutput.MANIFEST).toFile());
            manifest.get("rows").fields().forEachRemaining(e -> assertThat(dataLines(dir.resolve(e.getKey())))
                    .as(e.getKey()).isEqualTo(e.getValue().asLong()));
            List<Map<String, String>> persons = csv(dir.resolve(DocketOutput.PERSONS));
            JsonNode people = manifest.get("persons");
            assertThat(people.get("withCase").asLong())
                    .isEqualTo(persons.stream().filter(p -> !p.get("IDNCASE").isEmpty()).count());
            assertThat(people.get("usCitizens").asLong())
                    .isEqualTo(persons.stream().filter(p -> p.get("US_CITIZEN").equals("Y")).count());
            assertThat(people.get("lprs").asLong())
                    .isEqualTo(persons.stream().filter(p -> p.get("LPR").equals("Y")).count());
            assertThat(people.get("citizenshipClaimsOpen").asLong())
                    .isEqualTo(persons.stream().filter(p -> p.get("CITIZENSHIP_CLAIM").equals("Y")).count());
            assertThat(people.get("minorsAsOf2019_06_23").asLong()).isEqualTo(persons.stream()
                    .filter(p -> LocalDate.parse(p.get("BIRTH_DATE")).plusYears(18).isAfter(Days.AS_OF_DATE))
                    .count());
            Map<String, Long> kinds = csv(dir.resolve(DocketOutput.TRUTH)).stream()
                    .collect(Collectors.groupingBy(t -> t.get("KIND"), Collectors.counting()));
            for (CaseKind kind : CaseKind.values()) {
                JsonNode entry = manifest.get("casesByKind").get(kind.name());
                assertThat(entry.get("cases").asLong()).as(kind.name()).isEqualTo(kinds.getOrDefault(kind.name(), 0L));
                assertThat(entry.get("expectedVerdict").asText()).isEqualTo(kind.verdictOn20190623().name());
            }
        }
    }

    @Test
    void every_code_is_in_the_eoir_lookups() throws IOException {
        EoirReference ref = EoirReference.load();
        Set<String> hearingLocations = ref.hearingLocations.stream().map(EoirReference.HearingLocation::code)
                .collect(Collectors.toSet());
        for (Path dir : List.of(familyOp, national)) {
            for (Map<String, String> c : tsv(dir, DocketOutput.CASES)) {
                assertThat(ref.nationalities).contains(c.get("NAT"));
                assertThat(ref.lookup("tblLanguage")).contains(c.get("LANG"));
                assertThat(ref.lookup("tblLookupCaseType")).contains(c.get("CASE_TYPE"));
                assertThat(ref.lookup("tblLookupCustodyStatus")).contains(c.get("CUSTODY"));
                assertThat(ref.lookup("tblLookupSex")).contains(c.get("Sex"));
                assertThat(c.get("LPR")).isIn("0", "1");
                assertThat(c.get("C_BIRTHDATE")).as("month/year, as EOIR writes it").matches("([1-9]|1[0-2])/\\d{4}|");
                if (!c.get("CASEPRIORITY_CODE").isEmpty()) {
                    assertThat(ref.lookup("tblLookup_CasePriority")).contains(c.get("CASEPRIORITY_CODE"));
                }
            }
            for (Map<String, String> p : tsv(dir, DocketOutput.PROCEEDINGS)) {
                assertThat(ref.baseCities).containsKey(p.get("BASE_CITY_CODE"));
                assertThat(hearingLocations).contains(p.get("HEARING_LOC_CODE"));
                if (!p.get("DEC_CODE").isEmpty()) {
                    assertThat(ref.decisionCodes.get(p.get("CASE_TYPE"))).contains(p.get("DEC_CODE"));
                }
                if (!p.get("OTHER_COMP").isEmpty()) {
                    assertThat(ref.otherCompletionCodes.get(p.get("CASE_TYPE"))).contains(p.get("OTHER_COMP"));
                }
                assertThat(p.get("ABSENTIA")).isIn("Y", "N");
                assertThat(p.get("APPEAL_RSVD")).isIn("A", "B", "I", "O", "");
                assertThat(p.get("APPEAL_NOT_FILED")).isIn("X", "");
                assertThat(p.get("DEC_TYPE")).isIn("O", "W", "");
                assertThat(p.get("INPUT_DATE")).matches("\\d{4}-\\d{2}-\\d{2} 00:00:00\\.000");
                if (!p.get("DATE_APPEAL_DUE_STATUS").isEmpty()) {
                    assertThat(date(p.get("DATE_APPEAL_DUE_STATUS"))).isEqualTo(date(p.get("COMP_DATE")).plusDays(30));
                }
            }
            for (Map<String, String> m : tsv(dir, DocketOutput.MOTIONS)) {
                assertThat(ref.lookup("tblLookupMotionType")).contains(m.get("REC_TYPE"));
                assertThat(m.get("DEC")).isIn("G", "D", "");
                assertThat(m.get("STAY_GRANT")).isIn("G", "D", "");
                assertThat(ref.lookup("tblLookupFiling_Method_Party")).contains(m.get("STRFILINGPARTY"));
            }
            for (Map<String, String> a : tsv(dir, DocketOutput.APPEALS)) {
                assertThat(ref.lookup("tbllookupAppealType")).contains(a.get("strAppealType"));
                assertThat(a.get("strAppealCategory")).isEqualTo("IJ");
                assertThat(ref.lookup("tblLookupFiledBy")).contains(a.get("strFiledBy"));
                if (!a.get("strBIADecision").isEmpty()) {
                    assertThat(ref.lookup("tblLookupBIADecision")).contains(a.get("strBIADecision"));
                    assertThat(ref.lookup("tblLookupBIADecisionType")).contains(a.get("strBIADecisionType"));
                }
            }
            for (Map<String, String> a : tsv(dir, DocketOutput.APPLICATIONS)) {
                assertThat(ref.lookup("tblLookUp_Appln")).contains(a.get("APPL_CODE"));
                if (!a.get("APPL_DEC").isEmpty()) {
                    assertThat(ref.lookup("tblLookupCourtAppDecisions")).contains(a.get("APPL_DEC"));
                }
                assertThat(a.get("APPL_CODE") + a.get("APPL_DEC")).as("never protection granted with an order")
                        .isNotIn("ASYWG", "WCATG");
            }
            for (Map<String, String> f : tsv(dir, DocketOutput.FED_COURTS)) {
                assertThat(ref.lookup("tblLookupFedCourtDecision")).contains(f.get("strFedCourtDecision"));
            }
            for (Map<String, String> j : tsv(dir, DocketOutput.JUVENILES)) {
                assertThat(Integer.parseInt(j.get("idnJuvenile"))).isBetween(1, 6);
            }
            for (Map<String, String> p : csv(dir.resolve(DocketOutput.PERSONS))) {
                assertThat(p.get("NATIONALITY").equals("US") || ref.nationalities.contains(p.get("NATIONALITY")))
                        .isTrue();
                assertThat(ref.lookup("tblLanguage")).contains(p.get("LANGUAGE"));
                assertThat(p.get("RELATIONSHIP")).isIn("LEAD", "SPOUSE", "CHILD", "PARENT", "GUARDIAN", "OTHER");
                assertThat(p.get("SEX")).isIn("M", "F");
            }
        }
    }

    @Test
    void every_foreign_key_resolves() throws IOException {
        for (Path dir : List.of(familyOp, national)) {
            Set<String> cases = uniqueKeys(tsv(dir, DocketOutput.CASES), "IDNCASE");
            List<Map<String, String>> proceedings = tsv(dir, DocketOutput.PROCEEDINGS);
            Set<String> proceedingIds = uniqueKeys(proceedings, "IDNPROCEEDING");
            Map<String, String> caseOfProceeding = new HashMap<>();
            for (Map<String, String> p : proceedings) {
                assertThat(cases.contains(p.get("IDNCASE"))).as("case of %s", p).isTrue();
                caseOfProceeding.put(p.get("IDNPROCEEDING"), p.get("IDNCASE"));
            }
            List<Map<String, String>> motions = tsv(dir, DocketOutput.MOTIONS);
            uniqueKeys(motions, "IDNMOTION");
            motions.forEach(m -> assertThat(caseOfProceeding.get(m.get("IDNPROCEEDING"))).isEqualTo(m.get("IDNCASE")));
            List<Map<String, String>> appeals = tsv(dir, DocketOutput.APPEALS);
            uniqueKeys(appeals, "idnAppeal");
            appeals.forEach(a -> assertThat(caseOfProceeding.get(a.get("idnProceeding"))).isEqualTo(a.get("idncase")));
            List<Map<String, String>> applications = tsv(dir, DocketOutput.APPLICATIONS);
            uniqueKeys(applications, "IDNPROCEEDINGAPPLN");
            applications.forEach(a -> assertThat(caseOfProceeding.get(a.get("IDNPROCEEDING")))
                    .isEqualTo(a.get("IDNCASE")));
            Set<String> appealIds = appeals.stream().map(a -> a.get("idnAppeal")).collect(Collectors.toSet());
            List<Map<String, String>> fedCourts = tsv(dir, DocketOutput.FED_COURTS);
            uniqueKeys(fedCourts, "idnAppealFedCourts");
            fedCourts.forEach(f -> assertThat(appealIds.contains(f.get("lngAppealID"))).as("appeal of %s", f).isTrue());
            List<Map<String, String>> juveniles = tsv(dir, DocketOutput.JUVENILES);
            uniqueKeys(juveniles, "idnJuvenileHistory");
            juveniles.forEach(j -> assertThat(caseOfProceeding.get(j.get("idnProceeding"))).isEqualTo(j.get("idnCase")));
            List<Map<String, String>> leadRiders = tsv(dir, DocketOutput.LEAD_RIDERS);
            uniqueKeys(leadRiders, "idnLeadRider");
            Set<String> riders = new HashSet<>();
            for (Map<String, String> lr : leadRiders) {
                assertThat(cases.contains(lr.get("idnLeadCase")) && cases.contains(lr.get("idnRiderCase")))
                        .as("lead and rider of %s", lr).isTrue();
                assertThat(riders.add(lr.get("idnRiderCase"))).as("a case rides on one lead").isTrue();
                assertThat(lr.get("blnActive")).isEqualTo(lr.get("datSeveredOn").isEmpty() ? "1" : "0");
            }
            List<Map<String, String>> persons = csv(dir.resolve(DocketOutput.PERSONS));
            Set<String> aNumbers = new HashSet<>();
            Set<String> personCases = new HashSet<>();
            for (Map<String, String> p : persons) {
                String idnCase = p.get("IDNCASE");
                if (idnCase.isEmpty()) {
                    assertThat(cases.contains(p.get("HOUSEHOLD_OF"))).as("household of %s", p).isTrue();
                } else {
                    assertThat(personCases.add(idnCase)).as("one respondent per case").isTrue();
                    assertThat(p.get("HOUSEHOLD_OF")).isEmpty();
                }
                String aNumber = p.get("A_NUMBER");
                if (p.get("US_CITIZEN").equals("Y")) {
                    assertThat(aNumber).isEmpty();
                } else {
                    assertThat(aNumber).matches("99\\d{7}");
                    assertThat(aNumbers.add(aNumber)).as("A-number unique").isTrue();
                }
            }
            assertThat(personCases).isEqualTo(cases);
            assertThat(uniqueKeys(csv(dir.resolve(DocketOutput.TRUTH)), "IDNCASE")).isEqualTo(cases);
            assertThat(proceedingIds).isNotEmpty();
        }
    }

    @Test
    void family_op_has_about_2040_target_members_in_ten_cities() throws IOException {
        List<Map<String, String>> proceedings = tsv(familyOp, DocketOutput.PROCEEDINGS);
        assertThat(tsv(familyOp, DocketOutput.CASES)).hasSize(FamilyOp2019.TARGET_MEMBERS);
        Map<String, String> truth = new HashMap<>();
        csv(familyOp.resolve(DocketOutput.TRUTH)).forEach(t -> truth.put(t.get("IDNCASE"), t.get("KIND")));
        Set<String> latestCourts = new HashSet<>();
        Map<String, Map<String, String>> latest = new LinkedHashMap<>();
        proceedings.forEach(p -> latest.put(p.get("IDNCASE"), p));
        latest.values().forEach(p -> latestCourts.add(p.get("BASE_CITY_CODE")));
        assertThat(latestCourts).containsExactlyInAnyOrderElementsOf(FamilyOp2019.COURTS);
        long inAbsentia = truth.values().stream().filter(k -> k.equals("IN_ABSENTIA_REMOVAL")).count();
        assertThat(inAbsentia / (double) truth.size()).isBetween(0.80, 0.90);
        for (Map.Entry<String, Map<String, String>> e : latest.entrySet()) {
            if (truth.get(e.getKey()).equals("IN_ABSENTIA_REMOVAL")) {
                Map<String, String> p = e.getValue();
                assertThat(p.get("DEC_CODE")).isEqualTo("X");
                assertThat(p.get("ABSENTIA")).isEqualTo("Y");
                LocalDate order = LocalDate.parse(p.get("COMP_DATE").substring(0, 10));
                assertThat(order).isBetween(LocalDate.of(2018, 6, 1), LocalDate.of(2019, 4, 30));
            }
        }
        JsonNode manifest = new ObjectMapper().readTree(familyOp.resolve(DocketOutput.MANIFEST).toFile());
        JsonNode units = manifest.get("familyUnits");
        assertThat(units.get("withRiders").asLong()).isPositive();
        assertThat(units.get("withSeveredRiders").asLong()).isPositive();
        assertThat(units.get("withUsCitizenChildren").asLong()).isPositive();
        JsonNode people = manifest.get("persons");
        assertThat(people.get("lprs").asLong()).isBetween(1L, 60L);
        assertThat(people.get("citizenshipClaimsOpen").asLong()).isBetween(1L, 40L);
        assertThat(people.get("minorsAsOf2019_06_23").asLong()).isGreaterThan(500);
        for (Map<String, String> p : csv(familyOp.resolve(DocketOutput.PERSONS))) {
            if (p.get("US_CITIZEN").equals("Y")) {
                assertThat(p.get("IDNCASE")).isEmpty();
                assertThat(p.get("NATIONALITY")).isEqualTo("US");
            }
        }
    }

    @Test
    void counsel_in_a_tbl_case_matches_truth_and_the_manifest() throws IOException {
        for (Path dir : List.of(familyOp, national)) {
            Map<String, String> counselOf = new HashMap<>();
            csv(dir.resolve(DocketOutput.TRUTH)).forEach(t -> counselOf.put(t.get("IDNCASE"), t.get("COUNSEL")));
            Map<String, LocalDate> decided = new HashMap<>();
            for (Map<String, String> p : tsv(dir, DocketOutput.PROCEEDINGS)) {
                if (!p.get("DEC_CODE").isEmpty()) {
                    decided.merge(p.get("IDNCASE"), date(p.get("COMP_DATE")), (a, b) -> a.isAfter(b) ? a : b);
                }
            }
            Map<String, Long> byCounsel = new HashMap<>();
            for (Map<String, String> c : tsv(dir, DocketOutput.CASES)) {
                Counsel counsel = Counsel.valueOf(counselOf.get(c.get("IDNCASE")));
                byCounsel.merge(counsel.name(), 1L, Long::sum);
                if (counsel == Counsel.NONE) {
                    assertThat(c.get("E_28_DATE") + c.get("ATTY_NBR")).as(c.get("IDNCASE")).isEmpty();
                    continue;
                }
                assertThat(Integer.parseInt(c.get("ATTY_NBR"))).isBetween(1, dir == familyOp ? 2 : 3);
                LocalDate appeared = date(c.get("E_28_DATE"));
                LocalDate decision = decided.get(c.get("IDNCASE"));
                assertThat(appeared).isBefore(Days.AS_OF_DATE);
                switch (counsel) {
                    case BEFORE_DECISION -> assertThat(appeared).isBefore(decision);
                    case AFTER_DECISION -> assertThat(appeared).isAfter(decision);
                    default -> assertThat(decision).isNull();
                }
            }
            JsonNode representation = new ObjectMapper().readTree(dir.resolve(DocketOutput.MANIFEST).toFile())
                    .get("representation");
            for (Counsel counsel : Counsel.values()) {
                assertThat(representation.get("casesByCounsel").get(counsel.name()).asLong()).as(counsel.name())
                        .isEqualTo(byCounsel.getOrDefault(counsel.name(), 0L));
            }
            assertThat(representation.get("casesRepresented").asLong())
                    .isEqualTo(counselOf.size() - byCounsel.getOrDefault("NONE", 0L));
        }
    }

    @Test
    void family_op_has_149_family_leads_represented_before_their_in_absentia_order_and_no_other_absentia_counsel()
            throws IOException {
        Map<String, Map<String, String>> latest = new LinkedHashMap<>();
        tsv(familyOp, DocketOutput.PROCEEDINGS).forEach(p -> latest.put(p.get("IDNCASE"), p));
        Map<String, String> leadOf = new HashMap<>();
        tsv(familyOp, DocketOutput.LEAD_RIDERS).stream().filter(lr -> lr.get("blnActive").equals("1"))
                .forEach(lr -> leadOf.put(lr.get("idnRiderCase"), lr.get("idnLeadCase")));
        Set<String> representedThenInAbsentia = new HashSet<>();
        for (Map<String, String> c : tsv(familyOp, DocketOutput.CASES)) {
            Map<String, String> p = latest.get(c.get("IDNCASE"));
            if (!c.get("E_28_DATE").isEmpty() && p.get("ABSENTIA").equals("Y") && p.get("DEC_CODE").equals("X")) {
                assertThat(date(c.get("E_28_DATE"))).isBefore(date(p.get("COMP_DATE")));
                representedThenInAbsentia.add(c.get("IDNCASE"));
            }
        }
        Set<String> leads = representedThenInAbsentia.stream().filter(c -> !leadOf.containsKey(c))
                .collect(Collectors.toSet());
        assertThat(representedThenInAbsentia).as("a represented in-absentia rider belongs to such a lead")
                .allMatch(c -> leads.contains(leadOf.getOrDefault(c, c)));
        JsonNode manifest = new ObjectMapper().readTree(familyOp.resolve(DocketOutput.MANIFEST).toFile());
        assertThat(manifest.get("representation").get("familyLeadsRepresentedBeforeInAbsentiaOrder").asLong())
                .isEqualTo(leads.size()).isEqualTo(149);
        long inAbsentiaLeads = latest.entrySet().stream().filter(e -> !leadOf.containsKey(e.getKey()))
                .filter(e -> e.getValue().get("ABSENTIA").equals("Y")).count();
        assertThat(leads.size() / (double) inAbsentiaLeads).isBetween(0.15, 0.25);
    }

    @Test
    void about_a_third_of_a_national_docket_is_represented() throws IOException {
        JsonNode manifest = new ObjectMapper().readTree(national.resolve(DocketOutput.MANIFEST).toFile());
        double share = manifest.get("representation").get("casesRepresented").asLong()
                / (double) manifest.get("rows").get(DocketOutput.CASES).asLong();
        assertThat(share).isBetween(0.30, 0.42);
    }

    private static LocalDate date(String eoir) {
        return LocalDate.parse(eoir.substring(0, 10));
    }

    @Test
    void truth_matches_the_facts_written() throws IOException {
        Map<String, String> truth = new HashMap<>();
        csv(national.resolve(DocketOutput.TRUTH)).forEach(t -> truth.put(t.get("IDNCASE"), t.get("KIND")));
        Map<String, Map<String, String>> latest = new LinkedHashMap<>();
        tsv(national, DocketOutput.PROCEEDINGS).forEach(p -> latest.put(p.get("IDNCASE"), p));
        Map<String, List<Map<String, String>>> motions = tsv(national, DocketOutput.MOTIONS).stream()
                .filter(m -> m.get("REC_TYPE").equals("MA"))
                .collect(Collectors.groupingBy(m -> m.get("IDNCASE")));
        Set<String> kindsSeen = new HashSet<>();
        latest.forEach((idnCase, p) -> {
            String kind = truth.get(idnCase);
            kindsSeen.add(kind);
            LocalDate completed = p.get("COMP_DATE").isEmpty() ? null
                    : LocalDate.parse(p.get("COMP_DATE").substring(0, 10));
            switch (CaseKind.valueOf(kind)) {
                case PENDING, NEWER_PROCEEDING_PENDING -> assertThat(p.get("DEC_CODE")).isEmpty();
                case APPEAL_WINDOW_OPEN -> assertThat(completed).isAfter(Days.AS_OF_DATE.minusDays(30));
                case VOLUNTARY_DEPARTURE_RUNNING -> assertThat(completed.plusDays(60)).isAfter(Days.AS_OF_DATE);
                case VOLUNTARY_DEPARTURE_OVERSTAYED -> assertThat(completed.plusDays(60)).isBefore(Days.AS_OF_DATE);
                case STAY_GRANTED -> assertThat(motions.get(idnCase).get(0).get("STAY_GRANT")).isEqualTo("G");
                case MOTION_TO_REOPEN_PENDING -> assertThat(motions.get(idnCase).get(0).get("DEC")).isEmpty();
                case IN_ABSENTIA_REMOVAL -> assertThat(p.get("ABSENTIA")).isEqualTo("Y");
                default -> {
                }
            }
            if (completed != null) {
                assertThat(completed).isBefore(Days.AS_OF_DATE);
            }
        });
        assertThat(kindsSeen).hasSize(CaseKind.values().length);
    }

    @Test
    void the_release_columns_follow_eoirs_value_mix() throws IOException {
        List<Map<String, String>> cases = tsv(national, DocketOutput.CASES);
        double birthRecorded = cases.stream().filter(c -> !c.get("C_BIRTHDATE").isEmpty()).count()
                / (double) cases.size();
        assertThat(birthRecorded).as("EOIR records C_BIRTHDATE in about one case in six").isBetween(0.14, 0.19);
        List<Map<String, String>> continuances = tsv(national, DocketOutput.MOTIONS).stream()
                .filter(m -> m.get("REC_TYPE").equals("CO")).toList();
        double byRespondent = continuances.stream().filter(m -> m.get("STRFILINGPARTY").equals("A")).count()
                / (double) continuances.size();
        assertThat(byRespondent).as("EOIR: A 4,950,177 of 6,678,218 filings (74 %)").isBetween(0.68, 0.80);
        assertThat(continuances.stream().map(m -> m.get("STRFILINGPARTY")).collect(Collectors.toSet()))
                .contains("A", "I", "R", "B");
        List<Map<String, String>> bondAppeals = tsv(national, DocketOutput.APPEALS).stream()
                .filter(a -> a.get("strAppealType").equals("Bond Appeal")).toList();
        assertThat(bondAppeals).isNotEmpty();
        assertThat(tsv(national, DocketOutput.APPEALS).stream().map(a -> a.get("strAppealType")).distinct())
                .contains("Case Appeal", "Bond Appeal", "Circuit Court Remand");
        assertThat(tsv(national, DocketOutput.FED_COURTS)).allMatch(f -> f.get("strFedCourtDecision").equals("REM"));
    }

    @Test
    void national_scenario_streams_in_constant_memory() throws IOException {
        Path big = temp.resolve("national-200k");
        SyntheticDocketGenerator.generate(Scenario.NATIONAL, 200_000, 11, big);
        JsonNode rows = new ObjectMapper().readTree(big.resolve(DocketOutput.MANIFEST).toFile()).get("rows");
        assertThat(rows.get(DocketOutput.CASES).asLong()).isEqualTo(200_000);
        for (String file : List.of(DocketOutput.CASES, DocketOutput.PROCEEDINGS, DocketOutput.LEAD_RIDERS,
                DocketOutput.PERSONS)) {
            assertThat(dataLines(big.resolve(file))).as(file).isEqualTo(rows.get(file).asLong());
        }
        double proceedingsPerCase = rows.get(DocketOutput.PROCEEDINGS).asLong() / 200_000.0;
        assertThat(proceedingsPerCase).isBetween(1.3, 1.5);
        double riderShare = rows.get(DocketOutput.LEAD_RIDERS).asLong() / 200_000.0;
        assertThat(riderShare).isBetween(0.15, 0.25);
        assertThat(rows.get(DocketOutput.MOTIONS).asLong()).isPositive();
        assertThat(rows.get(DocketOutput.APPEALS).asLong()).isPositive();
        assertThat(rows.get(DocketOutput.APPLICATIONS).asLong()).isPositive();
        assertThat(rows.get(DocketOutput.FED_COURTS).asLong()).isPositive();
    }

    private static long dataLines(Path file) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            if (file.toString().endsWith(DocketOutput.PERSONS)) {
                try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(reader)) {
                    return csv.stream().count();
                }
            }
            return reader.lines().count() - 1;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Set<String> uniqueKeys(List<Map<String, String>> rows, String key) {
        Set<String> keys = new HashSet<>();
        for (Map<String, String> row : rows) {
            assertThat(keys.add(row.get(key))).as("%s %s unique", key, row.get(key)).isTrue();
        }
        return keys;
    }

    static List<Map<String, String>> tsv(Path dir, String file) throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve(file), StandardCharsets.UTF_8);
        String[] header = lines.get(0).split("\t", -1);
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split("\t", -1);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], fields[i]);
            }
            rows.add(row);
        }
        return rows;
    }

    static List<Map<String, String>> csv(Path file) throws IOException {
        try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(file)) {
            return csv.stream().map(NamedCsvRecord::getFieldsAsMap).toList();
        }
    }
}
