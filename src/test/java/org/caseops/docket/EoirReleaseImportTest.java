package org.caseops.docket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.caseops.fixtures.Api;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Database;
import org.caseops.fixtures.FormSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Files written exactly as EOIR's current release writes them — tab-delimited, EOIR's column names and order with the
 * columns CaseOps does not read, {@code C_BIRTHDATE} as month/year, the sex column named {@code GENDER}, dates with a
 * time of day, courts opened after 2014 ({@code HSG}, {@code NYV}, {@code SMO}), codes EOIR's lookups do not have —
 * and every table of the release CaseOps reads, relief applications and petitions for review included. Nothing real
 * is lost: every row that can be stored is kept, with its warnings listed; a row that cannot be stored lists all its
 * problems.
 */
@CaseOpsTest
class EoirReleaseImportTest {

    static final String CASES = String.join("\t", "IDNCASE", "ALIEN_CITY", "ALIEN_STATE", "ALIEN_ZIPCODE",
            "UPDATED_ZIPCODE", "UPDATED_CITY", "NAT", "LANG", "CUSTODY", "SITE_TYPE", "E_28_DATE", "ATTY_NBR",
            "CASE_TYPE", "UPDATE_SITE", "LATEST_HEARING", "LATEST_TIME", "LATEST_CAL_TYPE", "DATE_OF_ENTRY",
            "C_BIRTHDATE", "GENDER", "LPR", "CASEPRIORITY_CODE") + "\n"
            // line 2: heard at Houston S. Gessner (opened after 2014), born in November 2004
            + row(3001, "HOUSTON", "TX", "77074", "", "", "GT", "SP", "N", "M", "", "", "RMV", "HSG",
                    "2019-07-01 00:00:00.000", "0830", "M", "2016-05-01 00:00:00.000", "11/2004", "F", "0", "")
            // line 3: a nationality code EOIR's lookup does not have
            + row(3002, "NEW YORK", "NY", "10014", "", "", "ZQ", "SP", "N", "M", "2018-10-02 00:00:00.000", "1",
                    "RMV", "NYV", "", "", "", "2015-01-01 00:00:00.000", "3/1988", "M", "0", "")
            // line 4: Sacramento (opened after 2014)
            + row(3003, "SACRAMENTO", "CA", "95814", "", "", "MX", "SP", "N", "M", "", "", "RMV", "SMO", "", "", "",
                    "", "", "M", "0", "")
            // line 5: a court no field office can be found for; a ZIP and a code with leading zeros
            + row(3004, "BOSTON", "MA", "02134", "", "", "HO", "SP", "007", "M", "", "", "RMV", "OIT", "", "", "",
                    "", "12/1999", "F", "0", "")
            // line 6: a decision code the decision table does not have for RMV
            + row(3005, "HOUSTON", "TX", "77060", "", "", "ES", "SP", "D", "M", "", "", "RMV", "HOD", "", "", "",
                    "", "", "M", "1", "")
            // line 7: three problems: a repeated key, an impossible date, a count that is not a number
            + row(3001, "HOUSTON", "TX", "77074", "", "", "GT", "SP", "N", "M", "", "two", "RMV", "HSG", "", "", "",
                    "2016-13-45", "", "F", "0", "")
            // line 8: a tab too many at the end of the row (EOIR's release has such rows): harmless
            + row(3006, "HOUSTON", "TX", "77002", "", "", "HO", "SP", "R", "M", "", "", "RMV", "HOU", "", "", "", "",
                    "", "F", "0", "").replace("\n", "\t\n");

    static final String PROCEEDINGS = String.join("\t", "IDNPROCEEDING", "IDNCASE", "OSC_DATE", "INPUT_DATE",
            "BASE_CITY_CODE", "HEARING_LOC_CODE", "IJ_CODE", "DEC_TYPE", "DEC_CODE", "OTHER_COMP", "APPEAL_RSVD",
            "APPEAL_NOT_FILED", "COMP_DATE", "ABSENTIA", "DATE_APPEAL_DUE_STATUS", "CUSTODY", "CASE_TYPE",
            "CRIM_IND") + "\n"
            + row(4001, 3001, "2016-06-01 00:00:00.000", "2016-06-04 00:00:00.000", "HSG", "HSG", "JRS", "O", "X",
                    "", "", "", "2019-02-11 10:43:03.530", "Y", "", "N", "RMV", "N")
            + row(4002, 3002, "2015-02-01 00:00:00.000", "2015-02-03 00:00:00.000", "NYV", "NYV", "ABC", "W", "X",
                    "", "A", "", "2019-03-01 00:00:00.000", "N", "2019-04-01 00:00:00.000", "N", "RMV", "N")
            + row(4003, 3003, "2018-01-05 00:00:00.000", "2018-01-09 00:00:00.000", "SMO", "SMO", "", "", "", "",
                    "", "", "", "N", "", "N", "RMV", "N")
            // a hearing location no lookup has, at a base city without a field office
            + row(4004, 3004, "2018-02-05 00:00:00.000", "2018-02-07 00:00:00.000", "OIT", "QQ1", "", "", "", "",
                    "", "", "", "N", "", "N", "RMV", "N")
            // 1CO is in EOIR's current lookup without a place; its base city HOD gives the field office
            + row(4005, 3005, "2017-03-01 00:00:00.000", "2017-03-02 00:00:00.000", "HOD", "1CO", "", "O", "U", "",
                    "", "", "2018-12-03 00:00:00.000", "N", "", "D", "RMV", "N")
            // line 7: two problems: no such date, and no such case
            + row(4006, 9999, "2017-03-01 00:00:00.000", "", "HOU", "HOU", "", "O", "X", "", "", "", "2019-02-30",
                    "Y", "", "N", "RMV", "N")
            + row(4007, 3006, "2019-06-01 00:00:00.000", "2019-06-21 09:12:00.000", "HOU", "HOU", "", "", "", "",
                    "", "", "", "N", "", "R", "RMV", "N");

    static final String MOTIONS = String.join("\t", "IDNMOTION", "IDNPROCEEDING", "IDNCASE", "OSC_DATE", "REC_TYPE",
            "GENERATION", "INPUT_DATE", "MOTION_RECD_DATE", "DEC", "COMP_DATE", "STRFILINGPARTY", "STAY_GRANT",
            "BLNDELETED") + "\n"
            + row(5001, 4001, 3001, "", "MA", "99", "2019-03-04 00:00:00.000", "2019-03-01 00:00:00.000", "", "", "A",
                    "", "0");

    static final String APPEALS = String.join("\t", "idnAppeal", "idncase", "idnProceeding", "strAppealCategory",
            "strAppealType", "datAppealFiled", "strFiledBy", "datAttorneyE27", "datBIADecision", "strBIADecision",
            "strBIADecisionType", "strCaseType", "strLang", "strNat", "strProceedingIHP", "strCustody", "strProbono")
            + "\n"
            + row(6001, 3002, 4002, "IJ", "Case Appeal", "2019-03-20 00:00:00.000", "A", "", "2019-06-03 00:00:00.000",
                    "DIS", "R", "RMV", "SP", "ZQ", "", "N", "")
            // an appeal type as the release spells it, not as its lookup does (DD 212)
            + row(6002, 3002, 4002, "DD", "DD-212", "2019-03-21 00:00:00.000", "I", "", "", "", "", "RMV", "SP", "ZQ",
                    "", "N", "");

    static final String APPLICATIONS = String.join("\t", "IDNPROCEEDINGAPPLN", "IDNPROCEEDING", "IDNCASE",
            "APPL_CODE", "APPL_RECD_DATE", "APPL_DEC") + "\n"
            + row(7001, 4002, 3002, "ASYW", "2018-01-05 00:00:00.000", "D")
            + row(7002, 4002, 3002, "WCAT", "2018-01-05 00:00:00.000", "Q")
            + row(7003, 4005, 3005, "ASYL", "2017-05-01 00:00:00.000", "");

    static final String FED_COURTS = String.join("\t", "idnAppealFedCourts", "lngAppealID", "datRequestedByOIL",
            "datFedCourtDecision", "strFedCourtDecision") + "\n"
            + row(8001, 6001, "2019-06-10 00:00:00.000", "", "");

    static final String PERSONS = "IDNCASE,A_NUMBER,GIVEN_NAME,FAMILY_NAME,BIRTH_DATE,SEX,NATIONALITY,LANGUAGE,"
            + "US_CITIZEN,LPR,CITIZENSHIP_CLAIM,HOUSEHOLD_OF,RELATIONSHIP,ADDRESS_LINE,CITY,STATE,ZIP,ADDRESS_AS_OF\n"
            + "3001,993000001,Rosa,Tzul,2004-11-17,F,GT,SP,N,N,N,,LEAD,8701 S Gessner Rd,Houston,TX,77074,2019-01-15\n"
            + "3002,993000002,Luis,Pérez,1988-03-09,M,ZQ,SP,N,N,N,,LEAD,,New York,NY,10014,2019-01-15\n";

    @Autowired
    DocketImporter importer;
    @Autowired
    ImportHistory history;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Api api;
    @Autowired
    Environment environment;
    @TempDir
    Path tmp;

    Path eoir;
    Path persons;

    static String row(Object... fields) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            s.append(i == 0 ? "" : "\t").append(fields[i]);
        }
        return s.append('\n').toString();
    }

    @BeforeEach
    void files() throws Exception {
        Database.clearDocket(jdbc);
        eoir = Files.createDirectories(tmp.resolve("eoir"));
        // EOIR's release names its files .csv although they are tab-delimited
        write("A_TblCase.csv", CASES);
        write("B_TblProceeding.csv", PROCEEDINGS);
        write("tbl_Court_Motions.csv", MOTIONS);
        write("tblAppeal.csv", APPEALS);
        write("tbl_Court_Appln.csv", APPLICATIONS);
        write("tblAppealFedCourts.csv", FED_COURTS);
        write("Count.txt", "A_TblCase\t7\n");
        persons = tmp.resolve("persons.csv");
        Files.writeString(persons, PERSONS, StandardCharsets.UTF_8);
    }

    private void write(String name, String text) throws Exception {
        Files.writeString(eoir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private ImportReport importRelease() {
        return importer.importFiles(eoir, persons, "test", ImportProgress.NONE);
    }

    private Object value(String sql) {
        return jdbc.sql(sql).query().singleValue();
    }

    @Test
    void every_row_that_can_be_stored_is_kept_with_its_warnings_listed() {
        ImportReport report = importRelease();

        assertThat(report.table("A_TblCase").inserted()).isEqualTo(6);
        assertThat(report.table("A_TblCase").quarantined()).isEqualTo(1);
        assertThat(report.table("B_TblProceeding").inserted()).isEqualTo(6);
        assertThat(report.table("B_TblProceeding").quarantined()).isEqualTo(1);
        assertThat(report.table("tbl_Court_Motions").inserted()).isEqualTo(1);
        assertThat(report.table("tblAppeal").inserted()).isEqualTo(2);
        assertThat(report.table("tbl_Court_Appln").inserted()).isEqualTo(3);
        assertThat(report.table("tblAppealFedCourts").inserted()).isEqualTo(1);
        assertThat(report.table("persons").inserted()).isEqualTo(2);
        assertThat(report.total(ImportReport.TableReport::quarantined)).isEqualTo(2);
        assertThat(report.ignoredFiles()).contains("Count.txt");

        List<ImportHistory.WarningRow> warnings = history.warnings(report.importId(), 0, 100).rows();
        assertThat(warnings).extracting(w -> w.table() + ":" + w.line() + ":" + w.rowKey() + ":" + w.column() + "="
                + w.value()).containsExactlyInAnyOrder(
                "A_TblCase:3:3002:NAT=ZQ",
                "A_TblCase:5:3004:CUSTODY=007",
                "B_TblProceeding:5:4004:HEARING_LOC_CODE=QQ1",
                "B_TblProceeding:5:4004:HEARING_LOC_CODE=QQ1/OIT",
                "B_TblProceeding:6:4005:DEC_CODE=U",
                "tblAppeal:3:6002:strAppealType=DD-212",
                "tbl_Court_Appln:3:7002:APPL_DEC=Q",
                "persons:3:A993000002:NATIONALITY=ZQ");
        assertThat(report.warnings()).isEqualTo(8);
        assertThat(report.table("B_TblProceeding").warnings()).isEqualTo(3);
        assertThat(report.warningSummary()).extracting(ImportReport.WarningGroup::value)
                .contains("ZQ", "007", "QQ1", "U", "DD-212", "Q");
        assertThat(reason(warnings, "DEC_CODE")).contains("not an EOIR decision code for case type RMV")
                .contains("NOT_EXECUTABLE for attorney review");
        assertThat(reason(warnings, "APPL_DEC")).contains("NOT_EXECUTABLE for attorney review");
        assertThat(reason(warnings, "NAT")).contains("row kept").doesNotContain("attorney review");

        assertThat(value("select dec_code from proceeding where idnproceeding = 4005")).isEqualTo("U");
        assertThat(value("select nat from eoir_case where idncase = 3002")).isEqualTo("ZQ");
        assertThat(value("select appeal_type from appeal where idnappeal = 6002")).isEqualTo("DD-212");
        assertThat(value("select appl_dec from court_application where idnproceedingappln = 7002")).isEqualTo("Q");
    }

    private static String reason(List<ImportHistory.WarningRow> warnings, String column) {
        return warnings.stream().filter(w -> w.column().equals(column)).findFirst().orElseThrow().reason();
    }

    @Test
    void a_row_with_several_problems_is_quarantined_listing_every_one() {
        ImportReport report = importRelease();

        var rows = history.quarantine(report.importId(), 0, 100).rows();
        assertThat(rows).extracting(r -> r.table() + ":" + r.line() + ":" + r.column())
                .containsExactlyInAnyOrder("A_TblCase:7:DATE_OF_ENTRY", "B_TblProceeding:7:COMP_DATE");
        String cases = rows.stream().filter(r -> r.table().equals("A_TblCase")).findFirst().orElseThrow().reason();
        assertThat(cases).contains("ATTY_NBR: not a whole number: 'two'")
                .contains("DATE_OF_ENTRY: no such date: '2016-13-45'")
                .contains("duplicate IDNCASE 3001 (first on line 2)");
        String proceeding = rows.stream().filter(r -> r.table().equals("B_TblProceeding")).findFirst().orElseThrow()
                .reason();
        assertThat(proceeding).contains("COMP_DATE: no such date: '2019-02-30'")
                .contains("IDNCASE 9999 is not in A_TblCase");
    }

    @Test
    void month_year_birth_dates_keep_their_precision_and_gender_is_the_sex_column() {
        importRelease();

        var born = jdbc.sql("select birth_year, birth_month, birth_date, birth_precision, sex from eoir_case"
                + " where idncase = 3001").query().singleRow();
        assertThat(born.get("birth_year")).isEqualTo(2004);
        assertThat(born.get("birth_month")).isEqualTo(11);
        assertThat(born.get("birth_date")).as("no day is invented").isNull();
        assertThat(born.get("birth_precision")).isEqualTo("MONTH");
        assertThat(born.get("sex")).isEqualTo("F");
        assertThat(value("select birth_year || '-' || birth_month from eoir_case where idncase = 3002"))
                .isEqualTo("1988-3");
        assertThat(value("select birth_year is null and birth_precision is null from eoir_case where idncase = 3003"))
                .as("blank: not recorded").isEqualTo(true);
        assertThat(value("select alien_zipcode from eoir_case where idncase = 3004")).isEqualTo("02134");
        assertThat(value("select custody from eoir_case where idncase = 3004")).as("a code keeps its zeros")
                .isEqualTo("007");
        assertThat(value("select comp_date::text from proceeding where idnproceeding = 4001"))
                .as("a date with a time of day").isEqualTo("2019-02-11");
    }

    @Test
    void the_person_api_and_page_show_an_age_from_a_month_as_a_range() throws Exception {
        importRelease();

        JsonNode inTheMonth = api.as("attorney").getForObject("/api/people/993000001?asOf=2022-11-10",
                JsonNode.class);
        JsonNode after = api.as("attorney").getForObject("/api/people/993000001?asOf=2022-12-01", JsonNode.class);

        assertThat(inTheMonth.path("givenName").asText()).isEqualTo("Rosa");
        assertThat(inTheMonth.path("age").asInt()).as("the agency's record: a full date").isEqualTo(17);
        JsonNode birth = inTheMonth.path("courtRecordBirth");
        assertThat(birth.path("date").asText()).isEqualTo("2004-11");
        assertThat(birth.path("precision").asText()).isEqualTo("MONTH");
        assertThat(birth.path("age").asText()).isEqualTo("17\u201318");
        assertThat(birth.path("couldBeMinor").asBoolean()).isTrue();
        assertThat(after.path("courtRecordBirth").path("age").asText()).isEqualTo("18");
        assertThat(after.path("courtRecordBirth").path("couldBeMinor").asBoolean()).isFalse();

        HttpResponse<String> page = FormSession.signIn(environment, "attorney").get("/people/993000001");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"court-birth\"", "2004-11", "(month only)");
    }

    @Test
    void courts_opened_after_2014_get_a_field_office_from_their_base_city() {
        importRelease();

        Map<Long, String> offices = new java.util.HashMap<>();
        jdbc.sql("select idncase, field_office_code from case_index").query(rs -> {
            offices.put(rs.getLong(1), rs.getString(2));
        });
        assertThat(offices).containsEntry(3001L, "HOU").containsEntry(3002L, "NYC").containsEntry(3003L, "SFR")
                .containsEntry(3005L, "HOU").containsEntry(3006L, "HOU");
        assertThat(offices).as("kept, though no field office can be found for its court").containsKey(3004L);
        assertThat(offices.get(3004L)).isNull();
    }

    @Test
    void a_court_without_a_field_office_is_listed_for_an_administrator_with_its_cases_kept() throws Exception {
        importRelease();

        ResponseEntity<JsonNode> listed = api.as("admin").getForEntity("/api/reference/unmapped", JsonNode.class);

        assertThat(listed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(listed.getBody().path("casesWithoutFieldOffice").asLong()).isEqualTo(1);
        JsonNode court = listed.getBody().path("courts").get(0);
        assertThat(court.path("hearingLocation").asText()).isEqualTo("QQ1");
        assertThat(court.path("hearingLocationKnown").asBoolean()).isFalse();
        assertThat(court.path("baseCity").asText()).isEqualTo("OIT");
        assertThat(court.path("baseCityKnown").asBoolean()).isTrue();
        assertThat(court.path("cases").asLong()).isEqualTo(1);
        assertThat(listed.getBody().path("baseCities").findValuesAsText("code")).contains("OIT", "OIN", "CCC");
        assertThat(value("select count(*) from eoir_case where idncase = 3004")).isEqualTo(1L);
        assertThat(api.as("attorney").getForEntity("/api/reference/unmapped", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        HttpResponse<String> page = FormSession.signIn(environment, "admin").get("/reference/unmapped");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Courts to map", "QQ1", "OIT", "(not in EOIR's lookup)");
    }

    @Test
    void the_more_of_the_release_is_stored_column_by_column() {
        importRelease();

        var proceeding = jdbc.sql("select input_date::text, date_appeal_due_status::text, dec_type from proceeding"
                + " where idnproceeding = 4002").query().singleRow();
        assertThat(proceeding.get("input_date")).isEqualTo("2015-02-03");
        assertThat(proceeding.get("date_appeal_due_status")).isEqualTo("2019-04-01");
        assertThat(proceeding.get("dec_type")).isEqualTo("W");
        var motion = jdbc.sql("select rec_type, filing_party, input_date::text from court_motion where idnmotion = 5001")
                .query().singleRow();
        assertThat(motion).containsEntry("rec_type", "MA").containsEntry("filing_party", "A")
                .containsEntry("input_date", "2019-03-04");
        assertThat(value("select filed_by from appeal where idnappeal = 6001")).isEqualTo("A");
        assertThat(value("select appeal_type from appeal where idnappeal = 6001")).isEqualTo("Case Appeal");
        assertThat(jdbc.sql("select appl_code || ':' || coalesce(appl_dec, '') from court_application"
                + " where idncase = 3002 order by idnproceedingappln").query(String.class).list())
                .containsExactly("ASYW:D", "WCAT:Q");
        var petition = jdbc.sql("select idnappeal, idncase, requested_by_oil::text from appeal_fed_court"
                + " where idnappealfedcourts = 8001").query().singleRow();
        assertThat(petition).containsEntry("idnappeal", 6001L).containsEntry("idncase", 3002L)
                .containsEntry("requested_by_oil", "2019-06-10");
    }

    @Test
    void the_release_date_is_the_files_newest_date_or_the_one_given() throws Exception {
        ImportReport fromFiles = importRelease();

        assertThat(fromFiles.releaseDate()).isEqualTo(LocalDate.of(2019, 6, 21));
        assertThat(fromFiles.releaseDateSource()).startsWith("newest date in the files");
        assertThat(value("select release_date::text from import_run where id = " + fromFiles.importId()))
                .isEqualTo("2019-06-21");
        JsonNode listed = api.as("attorney").getForObject("/api/imports", JsonNode.class);
        assertThat(listed.get(0).path("releaseDate").asText()).isEqualTo("2019-06-21");
        JsonNode one = api.as("attorney").getForObject("/api/imports/" + fromFiles.importId(), JsonNode.class);
        assertThat(one.path("warnings").asLong()).isEqualTo(8);
        assertThat(one.path("warningSummary").findValuesAsText("value")).contains("ZQ", "U");

        ImportReport given = importer.importFiles(eoir, persons, "test", ImportProgress.NONE,
                LocalDate.of(2019, 6, 28));

        assertThat(given.releaseDate()).isEqualTo(LocalDate.of(2019, 6, 28));
        assertThat(given.releaseDateSource()).isEqualTo("given with the import");
        assertThat(value("select max(release_date)::text from import_run")).isEqualTo("2019-06-28");
        assertThat(api.as("attorney").getForObject("/api/imports/" + given.importId() + "/warnings?size=3",
                JsonNode.class).path("total").asLong()).isEqualTo(8);

        HttpResponse<String> page = FormSession.signIn(environment, "attorney").get("/imports/" + given.importId());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"release-date\">2019-06-28<", "ZQ", "DD-212", "QQ1/OIT");
    }

    @Test
    void the_same_release_twice_changes_nothing() {
        importRelease();
        String before = Database.docketFingerprint(jdbc);

        ImportReport second = importRelease();

        assertThat(second.total(ImportReport.TableReport::inserted)).isZero();
        assertThat(second.total(ImportReport.TableReport::updated)).isZero();
        assertThat(second.total(ImportReport.TableReport::quarantined)).isEqualTo(2);
        assertThat(second.warnings()).as("the second import's report lists them again").isEqualTo(8);
        assertThat(Database.docketFingerprint(jdbc)).isEqualTo(before);
    }
}
