package org.caseops.docket;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the docket API returns. */
public final class DocketViews {

    private DocketViews() {
    }

    /**
     * A case as its latest proceeding describes it, with its representation as EOIR records it.
     *
     * @param represented       an attorney's appearance (EOIR-28) was filed or EOIR counts an attorney on the case
     * @param counselAppearedOn EOIR's E_28_DATE: the latest appearance filed (EOIR overwrites it when counsel files
     *                          again), so counsel first appeared on or before it; {@code null} when none is recorded
     * @param attorneyCount     EOIR's ATTY_NBR: how many different attorneys the case had; {@code null} = not recorded
     */
    public record CaseSummary(long idncase, String aNumber, String nationality, String language, String caseType,
            String orderType, boolean inAbsentia, LocalDate orderDate, String decisionCode, String hearingLocation,
            String hearingLocationName, String fieldOffice, long familyId, boolean represented,
            LocalDate counselAppearedOn, Integer attorneyCount) {
    }

    public record Address(String line, String city, String state, String zip, LocalDate asOf) {
    }

    /**
     * The birth date of the person's case as EOIR records it ({@code C_BIRTHDATE}), usually to the month only: the
     * age is then a range ({@code 15–16}) when the date asked falls in the birth month's anniversary. The person's
     * own {@code birthDate} is the agency's record, always a full date.
     *
     * @param date         {@code 2004-11} (month), {@code 2004-11-05} (day) or {@code 2004} (year)
     * @param precision    {@code MONTH}, {@code DAY} or {@code YEAR}
     * @param age          the age as of the date asked, {@code 14} or {@code 14–15}
     * @param couldBeMinor under 18 on the date asked for at least one birth day the record allows: a minor for every
     *                     safeguard
     */
    public record CourtRecordBirth(String date, String precision, String age, int minAge, int maxAge,
            boolean couldBeMinor) {

        static CourtRecordBirth of(BirthDate birth, LocalDate asOf) {
            return new CourtRecordBirth(birth.toString(), birth.precision().name(), birth.ageText(asOf),
                    birth.minAge(asOf), birth.maxAge(asOf), birth.couldBeUnder(Docket.AGE_OF_MAJORITY, asOf));
        }
    }

    public record Person(long id, String aNumber, String givenName, String familyName, LocalDate birthDate,
            int age, boolean minor, String sex, String nationality, String language, boolean usCitizen, boolean lpr,
            boolean citizenshipClaimOpen, String relationship, String familyRole, long familyId, Address address,
            CaseSummary removalCase) {
    }

    public record FamilyMember(long personId, String aNumber, String givenName, String familyName,
            LocalDate birthDate, int age, boolean minor, String relationship, String role, boolean usCitizen,
            boolean lpr, boolean citizenshipClaimOpen, Long idncase, String orderType, boolean inAbsentia) {
    }

    public record Family(long familyId, LocalDate asOf, String fieldOffice, int members, int minors,
            List<FamilyMember> people) {
    }

    public record Event(Long id, Instant occurredAt, String kind, String actor, Long idncase, Long personId,
            Long importId, String summary, @JsonRawValue String before, @JsonRawValue String after) {
    }

    public record Page<T>(int page, int size, long total, List<T> items) {
    }

    /** Filters for the case list; {@code null} = any. */
    public record CaseFilter(String fieldOffice, String hearingLocation, String orderType, Boolean inAbsentia,
            String nationality, Long family, Boolean represented) {
    }
}
