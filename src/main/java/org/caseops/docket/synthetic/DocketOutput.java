package org.caseops.docket.synthetic;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** The files of one generated docket, the ids handed out, and the counts that go into {@code manifest.json}. */
final class DocketOutput implements Closeable {

    static final String CASES = "A_TblCase.csv";
    static final String PROCEEDINGS = "B_TblProceeding.csv";
    static final String MOTIONS = "tbl_Court_Motions.csv";
    static final String APPEALS = "tblAppeal.csv";
    static final String LEAD_RIDERS = "tbl_Lead_Rider.csv";
    static final String JUVENILES = "tbl_JuvenileHistory.csv";
    static final String APPLICATIONS = "tbl_Court_Appln.csv";
    static final String FED_COURTS = "tblAppealFedCourts.csv";
    static final String PERSONS = "persons.csv";
    static final String TRUTH = "truth.csv";
    static final String MANIFEST = "manifest.json";

    private final Path dir;
    final TsvFile cases;
    final TsvFile proceedings;
    final TsvFile motions;
    final TsvFile appeals;
    final TsvFile leadRiders;
    final TsvFile juveniles;
    final TsvFile applications;
    final TsvFile fedCourts;
    final TsvFile truth;
    private final Writer personWriter;
    private final CsvWriter persons;
    private long personRows;

    private long nextCase = 10_000_000L;
    private long nextProceeding = 20_000_000L;
    private long nextMotion = 30_000_000L;
    private long nextAppeal = 40_000_000L;
    private long nextLeadRider = 0;
    private long nextJuvenile = 0;
    private long nextApplication = 50_000_000L;
    private long nextFedCourt = 60_000_000L;

    // persons by kind
    long personsWithCase;
    long householdMembers;
    long usCitizens;
    long lprs;
    long citizenshipClaimsOpen;
    long minors;
    // family units
    long familyUnits;
    long familyUnitsWithRiders;
    long familyUnitsWithSeveredRiders;
    long familyUnitsWithUsCitizenChildren;
    final Map<CaseKind, Long> casesByKind = new EnumMap<>(CaseKind.class);
    // representation
    final Map<Counsel, Long> casesByCounsel = new EnumMap<>(Counsel.class);
    /** Cases leading their own family, with counsel before an in-absentia removal order (the latest proceeding's). */
    long familyLeadsRepresentedBeforeInAbsentiaOrder;
    final Map<String, Long> casesByBaseCity = new java.util.TreeMap<>();

    DocketOutput(Path dir) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir);
        cases = new TsvFile(dir.resolve(CASES), "IDNCASE", "ALIEN_CITY", "ALIEN_STATE", "ALIEN_ZIPCODE",
                "UPDATED_CITY", "UPDATED_STATE", "NAT", "LANG", "CUSTODY", "CASE_TYPE", "DATE_OF_ENTRY", "C_BIRTHDATE",
                "Sex", "LPR", "ADDRESS_CHANGEDON", "CASEPRIORITY_CODE", "E_28_DATE", "ATTY_NBR");
        proceedings = new TsvFile(dir.resolve(PROCEEDINGS), "IDNPROCEEDING", "IDNCASE", "OSC_DATE", "INPUT_DATE",
                "BASE_CITY_CODE", "HEARING_LOC_CODE", "CASE_TYPE", "DEC_TYPE", "DEC_CODE", "OTHER_COMP", "COMP_DATE",
                "ABSENTIA", "APPEAL_RSVD", "APPEAL_NOT_FILED", "DATE_APPEAL_DUE_STATUS", "CRIM_IND", "CUSTODY");
        motions = new TsvFile(dir.resolve(MOTIONS), "IDNMOTION", "IDNPROCEEDING", "IDNCASE", "REC_TYPE",
                "INPUT_DATE", "MOTION_RECD_DATE", "STRFILINGPARTY", "DEC", "COMP_DATE", "STAY_GRANT", "BLNDELETED");
        appeals = new TsvFile(dir.resolve(APPEALS), "idnAppeal", "idncase", "idnProceeding", "strAppealCategory",
                "strAppealType", "strCaseType", "datAppealFiled", "strFiledBy", "strBIADecision", "datBIADecision",
                "strBIADecisionType", "strCustody");
        leadRiders = new TsvFile(dir.resolve(LEAD_RIDERS), "idnLeadRider", "idnLeadCase", "idnRiderCase",
                "datCreatedOn", "datSeveredOn", "blnActive", "datModifiedOn");
        juveniles = new TsvFile(dir.resolve(JUVENILES), "idnJuvenileHistory", "idnCase", "idnProceeding",
                "idnJuvenile", "DATCREATEDON", "DATMODIFIEDON");
        applications = new TsvFile(dir.resolve(APPLICATIONS), "IDNPROCEEDINGAPPLN", "IDNPROCEEDING", "IDNCASE",
                "APPL_CODE", "APPL_RECD_DATE", "APPL_DEC");
        fedCourts = new TsvFile(dir.resolve(FED_COURTS), "idnAppealFedCourts", "lngAppealID", "datRequestedByOIL",
                "datFedCourtDecision", "strFedCourtDecision");
        truth = new TsvFile(dir.resolve(TRUTH), ',', "IDNCASE", "KIND", "EXPECTED_VERDICT_2019_06_23", "COUNSEL");
        personWriter = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(dir.resolve(PERSONS)),
                StandardCharsets.UTF_8), 1 << 20);
        persons = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(personWriter);
        persons.writeRecord("IDNCASE", "A_NUMBER", "GIVEN_NAME", "FAMILY_NAME", "BIRTH_DATE", "SEX", "NATIONALITY",
                "LANGUAGE", "US_CITIZEN", "LPR", "CITIZENSHIP_CLAIM", "HOUSEHOLD_OF", "RELATIONSHIP", "ADDRESS_LINE",
                "CITY", "STATE", "ZIP", "ADDRESS_AS_OF");
    }

    long newCase() {
        return ++nextCase;
    }

    long newProceeding() {
        return ++nextProceeding;
    }

    long newMotion() {
        return ++nextMotion;
    }

    long newAppeal() {
        return ++nextAppeal;
    }

    long newLeadRider() {
        return ++nextLeadRider;
    }

    long newJuvenile() {
        return ++nextJuvenile;
    }

    long newApplication() {
        return ++nextApplication;
    }

    long newFedCourt() {
        return ++nextFedCourt;
    }

    /** One row of the person file, counted by kind. */
    void person(Person p) {
        persons.writeRecord(p.idnCase == 0 ? "" : Long.toString(p.idnCase), p.aNumber == null ? "" : p.aNumber,
                p.givenName, p.familyName, Days.iso(p.birthDay), String.valueOf(p.sex), p.nationality, p.language,
                yn(p.usCitizen), yn(p.lpr), yn(p.citizenshipClaim),
                p.householdOf == 0 ? "" : Long.toString(p.householdOf), p.relationship.name(),
                p.address.line(), p.address.city(), p.address.state(), p.address.zip(), Days.iso(p.addressAsOf));
        personRows++;
        if (p.idnCase != 0) {
            personsWithCase++;
        } else {
            householdMembers++;
        }
        if (p.usCitizen) {
            usCitizens++;
        }
        if (p.lpr) {
            lprs++;
        }
        if (p.citizenshipClaim) {
            citizenshipClaimsOpen++;
        }
        if (Days.age(p.birthDay, Days.AS_OF) < 18) {
            minors++;
        }
    }

    void truth(long idnCase, CaseKind kind, Counsel counsel) {
        truth.f(idnCase).f(kind.name()).f(kind.verdictOn20190623().name()).f(counsel.name()).end();
        casesByKind.merge(kind, 1L, Long::sum);
        casesByCounsel.merge(counsel, 1L, Long::sum);
    }

    private static String yn(boolean value) {
        return value ? "Y" : "N";
    }

    /** Writes {@code manifest.json}: no timestamps, ordered keys, so the same seed gives the same bytes. */
    Map<String, Object> writeManifest(Scenario scenario, long seed, long requestedCases) throws IOException {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("scenario", scenario.label());
        manifest.put("seed", seed);
        if (scenario == Scenario.NATIONAL) {
            manifest.put("requestedCases", requestedCases);
        }
        manifest.put("verdictsAsOf", Days.AS_OF_DATE.toString());
        Map<String, Long> rows = new LinkedHashMap<>();
        rows.put(CASES, cases.rows());
        rows.put(PROCEEDINGS, proceedings.rows());
        rows.put(MOTIONS, motions.rows());
        rows.put(APPEALS, appeals.rows());
        rows.put(LEAD_RIDERS, leadRiders.rows());
        rows.put(JUVENILES, juveniles.rows());
        rows.put(APPLICATIONS, applications.rows());
        rows.put(FED_COURTS, fedCourts.rows());
        rows.put(PERSONS, personRows);
        rows.put(TRUTH, truth.rows());
        manifest.put("rows", rows);
        Map<String, Long> people = new LinkedHashMap<>();
        people.put("total", personRows);
        people.put("withCase", personsWithCase);
        people.put("householdMembersWithoutCase", householdMembers);
        people.put("usCitizens", usCitizens);
        people.put("lprs", lprs);
        people.put("citizenshipClaimsOpen", citizenshipClaimsOpen);
        people.put("minorsAsOf2019_06_23", minors);
        manifest.put("persons", people);
        Map<String, Long> units = new LinkedHashMap<>();
        units.put("count", familyUnits);
        units.put("withRiders", familyUnitsWithRiders);
        units.put("withSeveredRiders", familyUnitsWithSeveredRiders);
        units.put("withUsCitizenChildren", familyUnitsWithUsCitizenChildren);
        manifest.put("familyUnits", units);
        Map<String, Object> kinds = new LinkedHashMap<>();
        for (CaseKind kind : CaseKind.values()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("cases", casesByKind.getOrDefault(kind, 0L));
            entry.put("expectedVerdict", kind.verdictOn20190623().name());
            kinds.put(kind.name(), entry);
        }
        manifest.put("casesByKind", kinds);
        Map<String, Object> representation = new LinkedHashMap<>();
        long none = casesByCounsel.getOrDefault(Counsel.NONE, 0L);
        representation.put("casesRepresented", cases.rows() - none);
        Map<String, Long> counsel = new LinkedHashMap<>();
        for (Counsel c : Counsel.values()) {
            counsel.put(c.name(), casesByCounsel.getOrDefault(c, 0L));
        }
        representation.put("casesByCounsel", counsel);
        representation.put("familyLeadsRepresentedBeforeInAbsentiaOrder", familyLeadsRepresentedBeforeInAbsentiaOrder);
        manifest.put("representation", representation);
        Map<String, Object> householdVerdict = new LinkedHashMap<>();
        householdVerdict.put("persons", householdMembers);
        householdVerdict.put("expectedVerdict", ExpectedVerdict.NOT_SUBJECT_TO_REMOVAL.name());
        manifest.put("householdMembersWithoutCase", householdVerdict);
        Map<String, Long> verdicts = new LinkedHashMap<>();
        for (ExpectedVerdict verdict : ExpectedVerdict.values()) {
            verdicts.put(verdict.name(), 0L);
        }
        casesByKind.forEach((kind, n) -> verdicts.merge(kind.verdictOn20190623().name(), n, Long::sum));
        verdicts.merge(ExpectedVerdict.NOT_SUBJECT_TO_REMOVAL.name(), householdMembers, Long::sum);
        manifest.put("personsByExpectedVerdict", verdicts);
        manifest.put("casesByBaseCity", casesByBaseCity);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        byte[] bytes = (json.writeValueAsString(manifest) + "\n").replace("\r\n", "\n")
                .getBytes(StandardCharsets.UTF_8);
        Files.write(dir.resolve(MANIFEST), bytes);
        return manifest;
    }

    private boolean closed;

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        IOException failure = null;
        for (Closeable c : new Closeable[] {cases, proceedings, motions, appeals, leadRiders, juveniles, applications,
                fedCourts, truth, persons}) {
            try {
                c.close();
            } catch (IOException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw new UncheckedIOException(failure);
        }
    }
}
