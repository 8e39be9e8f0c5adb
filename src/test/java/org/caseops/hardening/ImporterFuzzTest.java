package org.caseops.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseops.fixtures.EoirFiles.tab;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.sessions.JqwikSession;
import org.caseops.docket.DocketImporter;
import org.caseops.docket.FirstImportPaths;
import org.caseops.docket.ImportHistory;
import org.caseops.docket.ImportProgress;
import org.caseops.docket.ImportReport;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Database;
import org.caseops.fixtures.Dockets;
import org.caseops.fixtures.EoirFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Fault campaign 5 (issue 13): the importer fed generated malformed rows (jqwik generators, a fixed seed) between good
 * ones, in {@code A_TblCase} and {@code B_TblProceeding}. It must not crash; every malformed row must be in the
 * quarantine on its own line (and no other line may be); every good row must be kept as written — including values
 * that look like escapes or quotes to some reader ({@code \N}, {@code \t} as two characters, {@code "}), and codes
 * the lookups lack (kept with a warning, invariant 7).
 *
 * <p>{@code -Dcaseops.fuzz.rows=N} malformed rows (default 2,000, as many good ones beside them; the issue's campaign
 * is 100,000: {@code bench/run.sh faults-fuzz}); {@code -Dcaseops.fuzz.seed=S} (default 13).
 */
@CaseOpsTest
class ImporterFuzzTest {

    static final int BAD_ROWS = Integer.getInteger("caseops.fuzz.rows", 2000);
    static final long SEED = Long.getLong("caseops.fuzz.seed", 13);
    private static final Logger log = LoggerFactory.getLogger(ImporterFuzzTest.class);

    @Autowired
    DocketImporter importer;
    @Autowired
    ImportHistory history;
    @Autowired
    JdbcClient jdbc;
    @TempDir
    Path tmp;

    /**
     * The ways a case row is malformed. The last three can be stored, so docs/formats.md keeps them ("nothing real is
     * lost"): an unknown sex code as written and a yes/no that is neither as blank, and free text with a NUL inside
     * without it (PostgreSQL cannot store one), each with a warning on its line. A NUL in a key is quarantined.
     */
    enum BadCase {
        BAD_BIRTH_DATE, BAD_ENTRY_DATE, MISSING_KEY, NON_NUMERIC_KEY, KEY_OUT_OF_RANGE, TOO_FEW_FIELDS,
        TOO_MANY_FIELDS, DUPLICATE_KEY, BAD_ENCODING, BAD_SEX, BAD_LPR, NUL_IN_TEXT, NUL_IN_KEY;

        boolean kept() {
            return this == BAD_SEX || this == BAD_LPR || this == NUL_IN_TEXT;
        }
    }

    /** The ways a proceeding row is malformed. */
    enum BadProceeding {
        ORPHAN_CASE, CASE_QUARANTINED, BAD_COMP_DATE, BAD_ABSENTIA, MISSING_KEY, TOO_FEW_FIELDS, DUPLICATE_KEY
    }

    private final Random random = new Random(SEED);

    private <T> T draw(Arbitrary<T> arbitrary) {
        RandomGenerator<T> generator = arbitrary.generator(1000);
        return generator.next(random).value();
    }

    /** Text a good row may carry: letters of several scripts, digits, and characters some readers treat specially. */
    private static final Arbitrary<String> TEXT = Arbitraries.strings()
            .withCharRange('a', 'z').withCharRange('A', 'Z').withChars("ÁÉÑñüçßøå漢字ДЖ0123456789 .,'\"\\#%&/-_()")
            .ofMinLength(1).ofMaxLength(30)
            .map(String::strip).filter(s -> !s.isEmpty());
    private static final Arbitrary<String> GOOD_DATE = Arbitraries.integers().between(1940, 2018)
            .flatMap(y -> Arbitraries.integers().between(1, 12).flatMap(m -> Arbitraries.integers()
                    .between(1, java.time.YearMonth.of(y, m).lengthOfMonth())
                    .map(d -> String.format("%04d-%02d-%02d 00:00:00.000", y, m, d))));
    private static final Arbitrary<String> BAD_DATE = Arbitraries.oneOf(
            Arbitraries.integers().between(1950, 2018).map(y -> y + "-02-30 00:00:00.000"),
            Arbitraries.integers().between(1950, 2018).map(y -> y + "-13-01"),
            Arbitraries.integers().between(1950, 2018).map(y -> y + "-04-31"),
            Arbitraries.integers().between(1950, 2018).map(y -> y + "-00-10"),
            Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8).map(s -> "19" + s + "-01-01"),
            // a time of day that does not exist makes the value no date, though the time itself is not kept
            Arbitraries.of("yesterday", "31/12/2018", "2019-1", "--", "2019-06-31 00:00:00.000", "2019-06-15T25:00"));
    private static final Arbitrary<String> CODE = Arbitraries.oneOf(Arbitraries.of("GT", "HO", "MX", "ES", "EC"),
            Arbitraries.strings().withCharRange('A', 'Z').ofLength(2));

    record Expected(Map<Long, String> goodCases, Set<Long> goodProceedings, Map<Integer, String> badCaseLines,
            Map<Integer, String> badProceedingLines, Map<Integer, String> warnedCaseLines) {
    }

    @AfterEach
    void clear() {
        Database.clearDocket(jdbc);
    }

    @Test
    void generated_malformed_rows_are_each_quarantined_on_their_line_and_every_good_row_is_kept() throws Exception {
        Database.clearDocket(jdbc);
        Path eoir = tmp.resolve("eoir");
        EoirFiles.standard().writeTo(eoir);
        Path persons = EoirFiles.standard().writePersons(tmp.resolve("persons.csv"));

        // jqwik's generators outside a property run need a session of their own (JqwikSession, jqwik ≥ 1.8)
        JqwikSession.start();
        Expected expected;
        try {
            expected = write(eoir);
        } finally {
            JqwikSession.finish();
        }

        ImportReport report = importer.importFiles(eoir, persons, "fuzz", ImportProgress.NONE, Dockets.release());

        Map<String, Map<Integer, List<String>>> quarantined = new HashMap<>();
        int size = 5000;
        long total = history.quarantine(report.importId(), 0, 1).total();
        for (int page = 0; (long) page * size < total; page++) {
            for (ImportHistory.QuarantinedRow row : history.quarantine(report.importId(), page, size).rows()) {
                quarantined.computeIfAbsent(row.table(), t -> new TreeMap<>())
                        .computeIfAbsent((int) row.line(), l -> new ArrayList<>()).add(row.reason());
            }
        }
        Map<Integer, List<String>> cases = quarantined.getOrDefault("A_TblCase", Map.of());
        Map<Integer, List<String>> proceedings = quarantined.getOrDefault("B_TblProceeding", Map.of());
        log.info("fuzz seed {}: {} malformed rows ({} cases, {} proceedings) among {} good; {} quarantine rows",
                SEED, expected.badCaseLines().size() + expected.badProceedingLines().size(),
                expected.badCaseLines().size(), expected.badProceedingLines().size(),
                expected.goodCases().size() + expected.goodProceedings().size(), total);

        assertThat(missing(expected.badCaseLines(), cases)).as("malformed case rows not quarantined on their line")
                .isEmpty();
        assertThat(missing(expected.badProceedingLines(), proceedings))
                .as("malformed proceeding rows not quarantined on their line").isEmpty();
        assertThat(extra(cases, expected.badCaseLines())).as("case lines quarantined that were good").isEmpty();
        assertThat(extra(proceedings, expected.badProceedingLines()))
                .as("proceeding lines quarantined that were good").isEmpty();
        assertThat(quarantined.values().stream().flatMap(m -> m.values().stream()).flatMap(List::stream))
                .allSatisfy(reason -> assertThat(reason).isNotBlank());

        Map<Long, String> keptCases = new HashMap<>();
        jdbc.sql("select idncase, alien_city from eoir_case").query(rs -> {
            keptCases.put(rs.getLong(1), rs.getString(2));
        });
        assertThat(keptCases.keySet()).as("the cases kept are the good ones")
                .containsExactlyInAnyOrderElementsOf(expected.goodCases().keySet());
        assertThat(differences(expected.goodCases(), keptCases)).as("good values kept as written").isEmpty();
        assertThat(jdbc.sql("select idnproceeding from proceeding").query(Long.class).set())
                .as("the proceedings kept are the good ones")
                .containsExactlyInAnyOrderElementsOf(expected.goodProceedings());
        assertThat(report.table("A_TblCase").quarantined()).isEqualTo(expected.badCaseLines().size());
        Set<Integer> warned = new HashSet<>();
        long warnings = history.warnings(report.importId(), 0, 1).total();
        for (int page = 0; (long) page * size < warnings; page++) {
            history.warnings(report.importId(), page, size).rows().stream()
                    .filter(w -> w.table().equals("A_TblCase") && (w.column().equalsIgnoreCase("Sex") || w.column().equalsIgnoreCase("LPR")
                            || w.column().equals("ALIEN_CITY")))
                    .forEach(w -> warned.add((int) w.line()));
        }
        assertThat(expected.warnedCaseLines().keySet().stream().filter(l -> !warned.contains(l)).toList())
                .as("rows kept with an unknown sex, a yes/no that is neither or a NUL removed, without a warning on "
                        + "their line")
                .isEmpty();

        // the same files copied straight into their tables, as a large first import does (ADR 007 step 5): the same
        // docket, and the same quarantine and warnings, row for row in the same order
        String staged = String.join("\n", FirstImportPaths.recorded(jdbc, report.importId())) + "\n"
                + Database.docketFingerprint(jdbc);
        Database.clearDocket(jdbc);
        ImportReport direct = FirstImportPaths.on(importer, FirstImportPaths.Path.DIRECT_COPY,
                () -> importer.importFiles(eoir, persons, "fuzz", ImportProgress.NONE, Dockets.release()));
        assertThat(String.join("\n", FirstImportPaths.recorded(jdbc, direct.importId())) + "\n"
                + Database.docketFingerprint(jdbc)).isEqualTo(staged);
    }

    private static List<String> missing(Map<Integer, String> expected, Map<Integer, List<String>> actual) {
        return expected.entrySet().stream().filter(e -> !actual.containsKey(e.getKey()))
                .map(e -> "line " + e.getKey() + " (" + e.getValue() + ")").limit(20).toList();
    }

    private static List<String> extra(Map<Integer, List<String>> actual, Map<Integer, String> expected) {
        return actual.entrySet().stream().filter(e -> !expected.containsKey(e.getKey()))
                .map(e -> "line " + e.getKey() + ": " + e.getValue()).limit(20).toList();
    }

    private static List<String> differences(Map<Long, String> expected, Map<Long, String> actual) {
        return expected.entrySet().stream().filter(e -> !e.getValue().equals(actual.get(e.getKey())))
                .map(e -> e.getKey() + ": wrote '" + e.getValue() + "', kept '" + actual.get(e.getKey()) + "'")
                .limit(20).collect(Collectors.toList());
    }

    /** Writes A_TblCase and B_TblProceeding: BAD_ROWS malformed rows in all, as many good ones, shuffled. */
    private Expected write(Path eoir) throws Exception {
        int badCases = BAD_ROWS * 2 / 3;
        int badProceedings = BAD_ROWS - badCases;
        int goodCases = BAD_ROWS * 2 / 3;
        int goodProceedings = BAD_ROWS - goodCases;

        Map<Long, String> good = new HashMap<>();
        List<Long> goodIds = new ArrayList<>();
        List<Long> quarantinedIds = new ArrayList<>();
        Map<Integer, String> badCaseLines = new HashMap<>();
        Map<Integer, String> warnedCaseLines = new HashMap<>();
        ByteArrayOutputStream cases = new ByteArrayOutputStream();
        cases.writeBytes((EoirFiles.CASE_HEADER + "\n").getBytes(StandardCharsets.UTF_8));
        List<Boolean> caseKinds = shuffled(goodCases, badCases);
        long nextGood = 1_000_000;
        long nextBad = 5_000_000;
        for (int i = 0; i < caseKinds.size(); i++) {
            int line = i + 2;
            if (caseKinds.get(i) || goodIds.isEmpty()) {
                long id = nextGood++;
                String city = draw(TEXT);
                cases.writeBytes((caseRow(String.valueOf(id), city, draw(GOOD_DATE), "F", "0") + "\n")
                        .getBytes(StandardCharsets.UTF_8));
                good.put(id, city);
                goodIds.add(id);
                continue;
            }
            BadCase kind = draw(Arbitraries.of(BadCase.class));
            long id = nextBad++;
            String key = String.valueOf(id);
            String city = draw(TEXT);
            byte[] row = switch (kind) {
                case BAD_BIRTH_DATE -> bytes(caseRow(key, city, draw(BAD_DATE), "F", "0"));
                case BAD_ENTRY_DATE -> bytes(caseRow(key, city, draw(GOOD_DATE), "F", "0")
                        .replace("\t2016-05-01 00:00:00.000\t", "\t" + draw(BAD_DATE) + "\t"));
                case MISSING_KEY -> bytes(caseRow("", city, draw(GOOD_DATE), "F", "0"));
                case NON_NUMERIC_KEY -> bytes(caseRow(draw(Arbitraries.of("A", "x", "#", "1e3", "12.5", "0x1F"))
                        + id, city, draw(GOOD_DATE), "F", "0"));
                case KEY_OUT_OF_RANGE -> bytes(caseRow("9" + id + "000000000000", city, draw(GOOD_DATE), "F", "0"));
                case TOO_FEW_FIELDS -> {
                    String[] fields = caseRow(key, city, draw(GOOD_DATE), "F", "0").split("\t", -1);
                    int keep = draw(Arbitraries.integers().between(1, fields.length - 1));
                    yield bytes(String.join("\t", java.util.Arrays.copyOf(fields, keep)));
                }
                case TOO_MANY_FIELDS -> bytes(caseRow(key, city, draw(GOOD_DATE), "F", "0")
                        + "\t".repeat(draw(Arbitraries.integers().between(1, 3))) + draw(TEXT));
                case DUPLICATE_KEY -> bytes(caseRow(String.valueOf(goodIds.get(random.nextInt(goodIds.size()))), city,
                        draw(GOOD_DATE), "M", "1"));
                case BAD_SEX -> bytes(caseRow(key, city, draw(GOOD_DATE), draw(Arbitraries.of("Q", "male", "FF", "?")),
                        "0"));
                case BAD_LPR -> bytes(caseRow(key, city, draw(GOOD_DATE), "F", draw(Arbitraries.of("maybe", "2", "YN",
                        "-1"))));
                case BAD_ENCODING -> {
                    byte[] head = bytes(key + "\tGT\tSP\t");
                    byte[] invalid = draw(Arbitraries.of(new byte[] {(byte) 0xC3, (byte) 0x28},
                            new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xE2, (byte) 0x82}, new byte[] {(byte) 0x80}));
                    String rest = caseRow(key, city, draw(GOOD_DATE), "F", "0");
                    yield concat(head, invalid, bytes(rest.substring(rest.indexOf('\t', key.length() + 7))));
                }
                case NUL_IN_TEXT -> bytes(caseRow(key, city + "\0" + city, draw(GOOD_DATE), "F", "0"));
                case NUL_IN_KEY -> bytes(caseRow(key.substring(0, 1) + "\0" + key.substring(1), city, draw(GOOD_DATE),
                        "F", "0"));
            };
            cases.writeBytes(row);
            cases.writeBytes(bytes("\n"));
            if (kind.kept()) {
                good.put(id, kind == BadCase.NUL_IN_TEXT ? city + city : city);
                goodIds.add(id);
                warnedCaseLines.put(line, kind.name());
            } else {
                badCaseLines.put(line, kind.name());
            }
            if (kind == BadCase.BAD_BIRTH_DATE || kind == BadCase.BAD_ENTRY_DATE) {
                quarantinedIds.add(id);
            }
        }
        Files.write(eoir.resolve("A_TblCase.csv"), cases.toByteArray());

        Set<Long> goodProceedingIds = new HashSet<>();
        Map<Integer, String> badProceedingLines = new HashMap<>();
        StringBuilder proceedings = new StringBuilder(EoirFiles.PROCEEDING_HEADER).append('\n');
        List<Boolean> proceedingKinds = shuffled(goodProceedings, badProceedings);
        long nextProceeding = 2_000_000;
        for (int i = 0; i < proceedingKinds.size(); i++) {
            int line = i + 2;
            long id = nextProceeding++;
            long ofCase = goodIds.get(random.nextInt(goodIds.size()));
            if (proceedingKinds.get(i) || goodProceedingIds.isEmpty()) {
                proceedings.append(proceedingRow(String.valueOf(id), String.valueOf(ofCase), draw(GOOD_DATE), "Y"))
                        .append('\n');
                goodProceedingIds.add(id);
                continue;
            }
            BadProceeding kind = draw(Arbitraries.of(BadProceeding.class));
            if (kind == BadProceeding.CASE_QUARANTINED && quarantinedIds.isEmpty()) {
                kind = BadProceeding.ORPHAN_CASE;
            }
            String row = switch (kind) {
                case ORPHAN_CASE -> proceedingRow(String.valueOf(id), String.valueOf(9_000_000 + i), draw(GOOD_DATE),
                        "N");
                case CASE_QUARANTINED -> proceedingRow(String.valueOf(id),
                        String.valueOf(quarantinedIds.get(random.nextInt(quarantinedIds.size()))), draw(GOOD_DATE),
                        "N");
                case BAD_COMP_DATE -> proceedingRow(String.valueOf(id), String.valueOf(ofCase), draw(BAD_DATE), "Y");
                case BAD_ABSENTIA -> proceedingRow(String.valueOf(id), String.valueOf(ofCase), draw(GOOD_DATE),
                        draw(Arbitraries.of("maybe", "2", "YY")));
                case MISSING_KEY -> proceedingRow("", String.valueOf(ofCase), draw(GOOD_DATE), "Y");
                case TOO_FEW_FIELDS -> proceedingRow(String.valueOf(id), String.valueOf(ofCase), draw(GOOD_DATE), "Y")
                        .substring(0, proceedingRow(String.valueOf(id), String.valueOf(ofCase), "", "Y")
                                .indexOf("\tRMV\t"));
                case DUPLICATE_KEY -> proceedingRow(String.valueOf(goodProceedingIds.iterator().next()),
                        String.valueOf(ofCase), draw(GOOD_DATE), "N");
            };
            proceedings.append(row).append('\n');
            badProceedingLines.put(line, kind.name());
        }
        Files.writeString(eoir.resolve("B_TblProceeding.csv"), proceedings, StandardCharsets.UTF_8);
        return new Expected(good, goodProceedingIds, badCaseLines, badProceedingLines, warnedCaseLines);
    }

    private static String caseRow(String key, String city, String birth, String sex, String lpr) {
        return tab(key, "GT", "SP", city, "TX", "77002", "RMV", sex, lpr, birth, "", "2016-05-01 00:00:00.000", "N",
                "HOU");
    }

    private static String proceedingRow(String key, String ofCase, String completed, String absentia) {
        return tab(key, ofCase, "2016-06-01 00:00:00.000", "HOU", "HOU", "RMV", "X", "C", completed, absentia, "", "",
                "N", "ABC");
    }

    /** {@code good} trues and {@code bad} falses in a random order. */
    private List<Boolean> shuffled(int good, int bad) {
        List<Boolean> kinds = new ArrayList<>();
        for (int i = 0; i < good; i++) {
            kinds.add(true);
        }
        for (int i = 0; i < bad; i++) {
            kinds.add(false);
        }
        java.util.Collections.shuffle(kinds, random);
        return kinds;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
