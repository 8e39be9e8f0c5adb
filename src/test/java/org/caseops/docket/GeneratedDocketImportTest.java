package org.caseops.docket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Map;
import org.caseops.docket.synthetic.Scenario;
import org.caseops.docket.synthetic.SyntheticDocketGenerator;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Database;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The generator's family-op-2019 docket through the real importer: counts match its manifest exactly. */
@CaseOpsTest
class GeneratedDocketImportTest {

    @TempDir
    static Path dir;
    static JsonNode manifest;

    @Autowired
    DocketImporter importer;
    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void generate() throws Exception {
        SyntheticDocketGenerator.generate(Scenario.FAMILY_OP_2019, 0, 2019, dir);
        manifest = new ObjectMapper().readTree(dir.resolve("manifest.json").toFile());
    }

    private ImportReport importAll() {
        return importer.importFiles(dir, dir.resolve("persons.csv"), "test", ImportProgress.NONE);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void counts_match_the_manifest_exactly_and_a_second_import_changes_nothing() {
        Database.clearDocket(jdbc);

        ImportReport first = importAll();

        for (Map.Entry<String, String> file : Map.of("A_TblCase", "A_TblCase.csv", "B_TblProceeding",
                "B_TblProceeding.csv", "tbl_Court_Motions", "tbl_Court_Motions.csv", "tblAppeal", "tblAppeal.csv",
                "tbl_Lead_Rider", "tbl_Lead_Rider.csv", "tbl_JuvenileHistory", "tbl_JuvenileHistory.csv", "persons",
                "persons.csv").entrySet()) {
            long expected = manifest.path("rows").path(file.getValue()).asLong();
            assertThat(expected).as(file.getValue()).isPositive();
            assertThat(first.table(file.getKey()).inserted()).as(file.getKey()).isEqualTo(expected);
            assertThat(first.table(file.getKey()).quarantined()).as(file.getKey()).isZero();
        }
        for (String file : new String[] {"tbl_Court_Appln", "tblAppealFedCourts"}) {
            long expected = manifest.path("rows").path(file + ".csv").asLong();
            assertThat(first.table(file).inserted()).as(file).isEqualTo(expected);
            assertThat(first.table(file).quarantined()).as(file).isZero();
        }
        assertThat(first.table("tbl_Court_Appln").inserted()).isPositive();
        assertThat(first.warnings()).as("the generator writes only codes EOIR's lookups have").isZero();
        assertThat(first.releaseDate()).as("the files' newest date: the snapshot the verdicts are stated for")
                .isBetween(java.time.LocalDate.of(2019, 6, 16), java.time.LocalDate.of(2019, 6, 23));
        assertThat(count("select count(*) from eoir_case where birth_precision = 'MONTH' and birth_date is null"))
                .isPositive();
        assertThat(first.ignoredFiles()).contains("manifest.json", "truth.csv", "persons.csv");
        JsonNode persons = manifest.path("persons");
        assertThat(count("select count(*) from person where us_citizen")).isEqualTo(persons.path("usCitizens").asLong());
        assertThat(count("select count(*) from person where lpr")).isEqualTo(persons.path("lprs").asLong());
        assertThat(count("select count(*) from person where citizenship_claim_open"))
                .isEqualTo(persons.path("citizenshipClaimsOpen").asLong());
        assertThat(count("select count(*) from person where idncase is null"))
                .isEqualTo(persons.path("householdMembersWithoutCase").asLong());
        assertThat(count("select count(*) from person where birth_date > date '2019-06-23' - interval '18 years'"))
                .isEqualTo(persons.path("minorsAsOf2019_06_23").asLong());
        assertThat(count("select count(*) from family_member")).as("each person in exactly one family")
                .isEqualTo(persons.path("total").asLong());
        assertThat(count("select count(distinct family_id) from family_member m join person p on p.id = m.person_id "
                + "where m.role = 'HOUSEHOLD' and p.us_citizen and p.birth_date > date '2019-06-23' - interval '18 years'"))
                .isEqualTo(manifest.path("familyUnits").path("withUsCitizenChildren").asLong());

        long representedThenInAbsentia = count("""
                select count(*) from case_index s join eoir_case c on c.idncase = s.idncase
                where s.family_id = s.idncase and s.represented and s.absentia and s.order_type = 'REMOVAL_ORDERED'
                  and c.e28_date < s.comp_date""");
        assertThat(representedThenInAbsentia).as("family leads with counsel, then an in-absentia removal order")
                .isEqualTo(manifest.path("representation").path("familyLeadsRepresentedBeforeInAbsentiaOrder").asLong())
                .isEqualTo(149);
        assertThat(count("select count(*) from case_index where family_id = idncase and represented and absentia"
                + " and order_type = 'REMOVAL_ORDERED'")).as("in this scenario no counsel appears after such an order")
                .isEqualTo(149);
        assertThat(count("select count(*) from case_index where represented"))
                .isEqualTo(manifest.path("representation").path("casesRepresented").asLong());

        String before = Database.docketFingerprint(jdbc);
        ImportReport second = importAll();

        assertThat(second.total(ImportReport.TableReport::inserted)).isZero();
        assertThat(second.total(ImportReport.TableReport::updated)).isZero();
        assertThat(second.total(ImportReport.TableReport::quarantined)).isZero();
        assertThat(second.total(ImportReport.TableReport::unchanged))
                .isEqualTo(first.total(ImportReport.TableReport::rows));
        assertThat(Database.docketFingerprint(jdbc)).isEqualTo(before);
    }
}
