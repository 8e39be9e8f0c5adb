package org.caseops.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.caseops.notice.CallInResponses.CallInStanding;
import org.junit.jupiter.api.Test;

/** A family's call-in standing in words: letter sent, reported, did not report after the deadline. */
class CallInStandingTest {

    private static final LocalDate PRINTED = LocalDate.of(2019, 5, 1);
    private static final LocalDate REPORT_BY = LocalDate.of(2019, 5, 31);

    private static CallInStanding letter(String status, String outcome, LocalDate outcomeOn, int responded) {
        return new CallInStanding(1001, "CL-HOU-20190501-000001", PRINTED, REPORT_BY, status, PRINTED.plusDays(2),
                outcome, outcomeOn, 2, responded);
    }

    @Test
    void says_whether_the_letter_went_out_and_whether_the_family_reported_by_its_deadline() {
        LocalDate before = REPORT_BY.minusDays(1);
        LocalDate after = REPORT_BY.plusDays(1);
        assertThat(new CallInStanding(1001, null, null, null, null, null, null, null, 2, 0).summary(after))
                .isEqualTo("No call-in letter; 0 of 2 members with a case reported or departed");
        assertThat(letter("SENT", null, null, 0).summary(before)).isEqualTo("Letter CL-HOU-20190501-000001 printed "
                + "2019-05-01, sent 2019-05-03; report by 2019-05-31: deadline not passed yet; 0 of 2 members with a "
                + "case reported or departed");
        assertThat(letter("DELIVERED", null, null, 1).summary(after))
                .contains("delivered 2019-05-03", "DID NOT REPORT: the deadline passed with no report recorded");
        assertThat(letter("DELIVERED", null, null, 1).didNotReport(after)).isTrue();
        assertThat(letter("DELIVERED", "DID_NOT_REPORT", after, 0).summary(after))
                .contains("DID NOT REPORT after the deadline (recorded 2019-06-01)");
        assertThat(letter("DELIVERED", "REPORTED", before, 1).summary(after)).contains(": reported 2019-05-30");
        assertThat(letter("DELIVERED", null, null, 2).summary(after)).contains(": complied; 2 of 2");
        assertThat(letter("DELIVERED", null, null, 2).didNotReport(after)).isFalse();
    }
}
