package org.caseops.docket;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the docket API returns. */
public final class DocketViews {

    private DocketViews() {
    }

    /** A case as its latest proceeding describes it. */
    public record CaseSummary(long idncase, String aNumber, String nationality, String language, String caseType,
            String orderType, boolean inAbsentia, LocalDate orderDate, String decisionCode, String hearingLocation,
            String hearingLocationName, String fieldOffice, long familyId) {
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
            String nationality, Long family) {
    }
}
