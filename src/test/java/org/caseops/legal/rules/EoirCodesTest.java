package org.caseops.legal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The gate knows every code of the EOIR lookup tables it reads: each table of the shipped
 * {@code lookup_tables_combined.csv} against the gate's map, both ways.
 */
class EoirCodesTest {

    private static Set<String> codes(String table) throws IOException {
        Set<String> codes = new TreeSet<>();
        try (Reader in = new InputStreamReader(Objects.requireNonNull(EoirCodesTest.class
                .getResourceAsStream("/reference/eoir/lookup_tables_combined.csv")), StandardCharsets.UTF_8);
             CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(in)) {
            csv.forEach(r -> {
                if (r.getField("table").equals(table)) {
                    codes.add(r.getField("value").trim());
                }
            });
        }
        return codes;
    }

    @Test
    void every_code_of_tblLookupBIADecision_has_an_outcome_8_CFR_1241_1() throws IOException {
        Set<String> table = codes("tblLookupBIADecision");
        assertThat(table).hasSize(53);
        assertThat(EoirCodes.BIA_DECISIONS.keySet()).containsExactlyInAnyOrderElementsOf(table);
        assertThat(EoirCodes.BIA_DECISIONS.get("D30").outcome().voluntaryDepartureDays()).isEqualTo(30);
        for (String vd : List60.CODES) {
            assertThat(EoirCodes.BIA_DECISIONS.get(vd).outcome().grantsVoluntaryDeparture()).as(vd).isTrue();
        }
    }

    /** The VD-granting codes other than D30 (the list). */
    private static final class List60 {
        static final Set<String> CODES = Set.of("DVD", "SAV", "BVD", "CFV");
    }

    @Test
    void every_code_of_tbllookupAppealType_has_a_kind_8_CFR_1003_1_b() throws IOException {
        Set<String> table = codes("tbllookupAppealType");
        assertThat(table).hasSize(19);
        assertThat(EoirCodes.APPEAL_TYPES.keySet()).containsExactlyInAnyOrderElementsOf(table);
        for (String code : table) {
            assertThat(EoirCodes.appealType(code)).as(code).isPresent();
        }
        assertThat(EoirCodes.appealType("Family Appeal")).isEmpty();
    }

    @Test
    void every_code_of_tblLookupMotionType_has_a_kind_8_CFR_1003_23_b() throws IOException {
        Set<String> table = codes("tblLookupMotionType");
        assertThat(table).hasSize(72);
        assertThat(EoirCodes.MOTION_TYPES.keySet()).containsExactlyInAnyOrderElementsOf(table);
    }

    @Test
    void every_code_of_tblLookUp_Appln_and_tblLookupCourtAppDecisions_is_read_8_CFR_1208_16() throws IOException {
        assertThat(EoirCodes.APPLICATIONS.keySet()).containsExactlyInAnyOrderElementsOf(codes("tblLookUp_Appln"));
        assertThat(EoirCodes.APPLICATION_DECISIONS.keySet())
                .containsExactlyInAnyOrderElementsOf(codes("tblLookupCourtAppDecisions"));
        assertThat(EoirCodes.APPLICATIONS.get("ASYW").kind()).isEqualTo(EoirCodes.ApplicationKind.PROTECTION);
        assertThat(EoirCodes.APPLICATIONS.get("WCAT").kind()).isEqualTo(EoirCodes.ApplicationKind.PROTECTION);
    }

    @Test
    void every_code_of_tblLookupFedCourtDecision_is_read_INA_242_b_3() throws IOException {
        assertThat(EoirCodes.PETITION_DECISIONS.keySet())
                .containsExactlyInAnyOrderElementsOf(codes("tblLookupFedCourtDecision"));
    }

    @Test
    void every_letter_of_tblLookupCourtDecision_is_read_as_a_motion_decision_and_an_ij_decision_8_CFR_1240_12()
            throws IOException {
        Set<String> letters = new TreeSet<>();
        for (String code : codes("tblLookupCourtDecision")) {
            if (code.matches("[A-Z]")) {
                letters.add(code);
            }
        }
        assertThat(EoirCodes.MOTION_DECISIONS.keySet()).containsAll(letters);
        assertThat(EoirCodes.COURT_DECISION_LETTERS.keySet()).containsAll(letters);
        assertThat(EoirCodes.MOTION_DECISIONS.keySet()).containsAll(codes("tblLookupCourtAppDecisions"));
    }

    @Test
    void every_decision_of_decision_codes_by_case_type_is_read_8_CFR_1241_1() throws IOException {
        Set<String> decisions = new TreeSet<>();
        Set<String> others = new TreeSet<>();
        try (Reader in = new InputStreamReader(Objects.requireNonNull(EoirCodesTest.class
                .getResourceAsStream("/reference/eoir/decision_codes_by_case_type.csv")),
                java.nio.charset.Charset.forName("windows-1252"));
             CsvReader<NamedCsvRecord> csv = CsvReader.builder().ignoreDifferentFieldCount(true)
                     .ofNamedCsvRecord(in)) {
            csv.forEach(r -> {
                String type = r.getField("strCaseType").trim();
                if (type.length() == 3) {
                    if (r.getField("strDecType").equals("C")) {
                        decisions.add(type + "/" + r.getField("strDecCode").trim());
                    } else {
                        others.add(r.getField("strDecCode").trim());
                    }
                }
            });
        }
        assertThat(EoirCodes.IJ_DECISIONS.keySet()).containsExactlyInAnyOrderElementsOf(decisions);
        assertThat(EoirCodes.OTHER_COMPLETIONS.keySet()).containsAll(others);
    }
}
