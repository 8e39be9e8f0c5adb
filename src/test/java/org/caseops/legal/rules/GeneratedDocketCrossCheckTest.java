package org.caseops.legal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.caseops.docket.synthetic.Scenario;
import org.caseops.docket.synthetic.SyntheticDocketGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generator's family-op-2019 docket, read straight from its files into facts (a small reader for this test only;
 * production loads from the database), judged as of 2019-06-23 and compared case by case with {@code truth.csv}.
 */
class GeneratedDocketCrossCheckTest {

    static final LocalDate AS_OF = LocalDate.of(2019, 6, 23);

    /** The rule each kind is expected to be decided by. */
    static final Map<String, String> REASON_BY_KIND = Map.ofEntries(
            Map.entry("IN_ABSENTIA_REMOVAL", "FINALITY"), Map.entry("REMOVAL_APPEAL_WAIVED", "FINALITY"),
            Map.entry("REMOVAL_APPEAL_DISMISSED", "FINALITY"), Map.entry("APPEAL_PENDING", "APPEAL_PENDING"),
            Map.entry("APPEAL_WINDOW_OPEN", "APPEAL_WINDOW"),
            Map.entry("MOTION_TO_REOPEN_PENDING", "MOTION_STAY_IN_ABSENTIA"),
            Map.entry("MOTION_TO_REOPEN_GRANTED", "MOTION_REOPENED"), Map.entry("MOTION_DENIED", "FINALITY"),
            Map.entry("STAY_GRANTED", "MOTION_STAY_GRANTED"),
            Map.entry("VOLUNTARY_DEPARTURE_RUNNING", "VOLUNTARY_DEPARTURE"),
            Map.entry("VOLUNTARY_DEPARTURE_OVERSTAYED", "FINALITY"), Map.entry("TERMINATED", "REMOVAL_ORDER"),
            Map.entry("RELIEF_GRANTED", "REMOVAL_ORDER"), Map.entry("PENDING", "REMOVAL_ORDER"),
            Map.entry("NEWER_PROCEEDING_PENDING", "LATEST_PROCEEDING"),
            Map.entry("CITIZENSHIP_CLAIM_OPEN", "CITIZENSHIP_CLAIM"));

    @TempDir
    static Path dir;

    static final Map<Long, List<ProceedingFacts>> proceedings = new HashMap<>();
    static final Map<Long, List<AppealFacts>> appeals = new HashMap<>();
    static final Map<Long, List<MotionFacts>> motions = new HashMap<>();
    static final Map<Long, PersonFacts> personsByCase = new HashMap<>();
    static final List<PersonFacts> householdMembers = new ArrayList<>();

    @BeforeAll
    static void generateAndRead() throws IOException {
        SyntheticDocketGenerator.generate(Scenario.FAMILY_OP_2019, 0, 2019, dir);
        tsv("B_TblProceeding.csv", r -> proceedings.computeIfAbsent(id(r.get("IDNCASE")), k -> new ArrayList<>())
                .add(new ProceedingFacts(id(r.get("IDNPROCEEDING")), date(r.get("OSC_DATE")), r.get("CASE_TYPE"),
                        r.get("DEC_CODE"), r.get("OTHER_COMP"), date(r.get("COMP_DATE")), "Y".equals(r.get("ABSENTIA")),
                        r.get("APPEAL_RSVD"), "X".equals(r.get("APPEAL_NOT_FILED")), r.get("DEC_TYPE"),
                        date(r.get("DATE_APPEAL_DUE_STATUS")))));
        tsv("tblAppeal.csv", r -> appeals.computeIfAbsent(id(r.get("idncase")), k -> new ArrayList<>())
                .add(new AppealFacts(id(r.get("idnAppeal")), optionalId(r.get("idnProceeding")),
                        date(r.get("datAppealFiled")), r.get("strBIADecision"), date(r.get("datBIADecision")),
                        r.get("strAppealType"), r.get("strFiledBy"))));
        tsv("tbl_Court_Motions.csv", r -> {
            if (!"1".equals(r.get("BLNDELETED"))) {
                motions.computeIfAbsent(id(r.get("IDNCASE")), k -> new ArrayList<>())
                        .add(new MotionFacts(id(r.get("IDNMOTION")), optionalId(r.get("IDNPROCEEDING")),
                                date(r.get("MOTION_RECD_DATE")), r.get("DEC"), date(r.get("COMP_DATE")),
                                r.get("STAY_GRANT"), r.get("REC_TYPE"), r.get("STRFILINGPARTY")));
            }
        });
        csv("persons.csv", r -> {
            String idnCase = r.getField("IDNCASE");
            PersonFacts p = new PersonFacts("Y".equals(r.getField("US_CITIZEN")), "Y".equals(r.getField("LPR")),
                    "Y".equals(r.getField("CITIZENSHIP_CLAIM")), !idnCase.isBlank());
            if (idnCase.isBlank()) {
                householdMembers.add(p);
            } else {
                personsByCase.put(id(idnCase), p);
            }
        });
    }

    @Test
    void every_case_gets_the_verdict_truth_csv_expects_as_of_2019_06_23() throws IOException {
        Map<String, Integer> casesByKind = new TreeMap<>();
        Map<String, List<String>> mismatchesByKind = new TreeMap<>();
        csv("truth.csv", r -> {
            long idnCase = id(r.getField("IDNCASE"));
            String kind = r.getField("KIND");
            String expected = r.getField("EXPECTED_VERDICT_2019_06_23");
            Verdict v = Executability.evaluate(facts(idnCase), AS_OF, PolicySet.defaults());
            casesByKind.merge(kind, 1, Integer::sum);
            if (!v.status().name().equals(expected) || !v.reason().ruleId().equals(REASON_BY_KIND.get(kind))) {
                mismatchesByKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(idnCase + ": expected " + expected
                        + " by " + REASON_BY_KIND.get(kind) + ", got " + v.status() + " by " + v.reason().ruleId()
                        + " — " + v.reason().detail());
            }
        });
        System.out.println("family-op-2019 cases by kind: " + casesByKind);
        mismatchesByKind.forEach((kind, list) -> System.out.println(kind + ": " + list.size() + " mismatches, e.g. "
                + list.subList(0, Math.min(3, list.size()))));
        assertThat(casesByKind.values().stream().mapToInt(Integer::intValue).sum()).isGreaterThan(2000);
        assertThat(casesByKind.keySet()).containsAll(REASON_BY_KIND.keySet());
        assertThat(mismatchesByKind).isEmpty();
    }

    @Test
    void household_members_without_a_case_are_not_subject_to_removal() {
        assertThat(householdMembers).isNotEmpty();
        for (PersonFacts p : householdMembers) {
            Verdict v = Executability.evaluate(CaseFacts.withoutOwnCase(p, AS_OF), AS_OF,
                    PolicySet.defaults());
            assertThat(v.status()).isEqualTo(Status.NOT_EXECUTABLE);
            assertThat(v.notSubjectToRemoval()).isTrue();
        }
    }

    private static CaseFacts facts(long idnCase) {
        // The generator's release is as of the verdict date: the data are fresh for it.
        return CaseFacts.of(personsByCase.get(idnCase), idnCase, proceedings.getOrDefault(idnCase, List.of()),
                appeals.getOrDefault(idnCase, List.of()), motions.getOrDefault(idnCase, List.of()), List.of(),
                List.of(), AS_OF);
    }

    // ---- a minimal reader for the generator's files ---------------------------------------------------------------

    private static void tsv(String file, Consumer<Map<String, String>> row) throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve(file));
        String[] header = lines.get(0).split("\t", -1);
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split("\t", -1);
            Map<String, String> r = new HashMap<>();
            for (int i = 0; i < header.length; i++) {
                r.put(header[i], i < fields.length ? fields[i].trim() : "");
            }
            row.accept(r);
        }
    }

    private static void csv(String file, Consumer<NamedCsvRecord> row) throws IOException {
        try (CsvReader<NamedCsvRecord> reader = CsvReader.builder().ofNamedCsvRecord(dir.resolve(file))) {
            reader.forEach(row);
        }
    }

    private static long id(String s) {
        return Long.parseLong(s.trim());
    }

    private static Long optionalId(String s) {
        return s == null || s.isBlank() ? null : Long.parseLong(s.trim());
    }

    private static LocalDate date(String s) {
        return s == null || s.isBlank() ? null : LocalDate.parse(s.trim().substring(0, 10));
    }
}
