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

    public record Event(long id, Instant occurredAt, String kind, String actor, Long idncase, Long personId,
            Long importId, String summary, @JsonRawValue String before, @JsonRawValue String after) {
    }

    public record Page<T>(int page, int size, long total, List<T> items) {
    }

    /** Filters for the case list; {@code null} = any. */
    public record CaseFilter(String fieldOffice, String hearingLocation, String orderType, Boolean inAbsentia,
            String nationality, Long family, Boolean represented) {
    }
}
