package org.caseops.jurisdiction;

import org.caseops.fixtures.CaseOpsTest;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@CaseOpsTest
class GetFieldOfficesTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void lists_the_25_field_offices_with_their_hearing_location_counts() {
        ResponseEntity<FieldOfficeSummary[]> response = http.getForEntity("/api/field-offices",
                FieldOfficeSummary[].class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        FieldOfficeSummary[] offices = response.getBody();
        assertThat(offices).hasSize(25);
        assertThat(offices).extracting(FieldOfficeSummary::code).startsWith("ATL", "BAL", "BOS");
        FieldOfficeSummary houston = java.util.Arrays.stream(offices).filter(o -> o.code().equals("HOU"))
                .findFirst().orElseThrow();
        assertThat(houston.name()).isEqualTo("Houston");
        assertThat(houston.hearingLocations()).isGreaterThan(10);
        assertThat(houston.activeHearingLocations()).isBetween(1, houston.hearingLocations());
        assertThat(java.util.Arrays.stream(offices).mapToInt(FieldOfficeSummary::hearingLocations).sum())
                .as("the 2014 table's 336 and the current lookup's codes mapped through their own base city (24);"
                        + " the other 773 codes of EOIR's current lookup have no place and no field office")
                .isEqualTo(360);
    }
}
