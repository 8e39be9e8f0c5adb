package org.caseops.worksite.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.caseops.legal.rules.BusinessCalendar;
import org.junit.jupiter.api.Test;

/** The I-9 time limits on the federal calendar, each with its rule. */
class I9ClocksTest {

    private static final BusinessCalendar FEDERAL = BusinessCalendar.usFederal();

    @Test
    void forms_are_due_three_business_days_after_the_notice_of_inspection() {
        // Monday 2 June 2025 → Thursday 5 June
        assertThat(I9Clocks.production(LocalDate.of(2025, 6, 2), FEDERAL).due()).isEqualTo("2025-06-05");
        // Thursday 28 August 2025: Friday, then Labor Day (1 September) skipped → Tuesday, Wednesday
        assertThat(I9Clocks.production(LocalDate.of(2025, 8, 28), FEDERAL).due()).isEqualTo("2025-09-03");
        // Friday 4 July 2025 (a holiday itself) → Monday 7, Tuesday 8, Wednesday 9
        assertThat(I9Clocks.production(LocalDate.of(2025, 7, 4), FEDERAL).due()).isEqualTo("2025-07-09");
        assertThat(I9Clocks.production(LocalDate.of(2025, 6, 2), FEDERAL).rule())
                .startsWith("I9_PRODUCTION_3_BUSINESS_DAYS").contains("8 CFR 274a.2(b)(2)(ii)");
    }

    @Test
    void technical_failures_are_corrected_within_ten_business_days() {
        // Wednesday 19 November 2025: Thanksgiving (27 November) is not counted → Thursday 4 December
        I9Clocks.Deadline due = I9Clocks.correction(LocalDate.of(2025, 11, 19), FEDERAL);
        assertThat(due.due()).isEqualTo("2025-12-04");
        assertThat(due.rule()).contains("8 U.S.C. 1324a(b)(6)(B)");
    }

    @Test
    void the_hearing_request_is_due_thirty_days_after_the_notice_moved_off_a_weekend_or_holiday() {
        // 1 August 2025 + 30 days = Sunday 31 August; Monday 1 September is Labor Day → Tuesday 2 September
        assertThat(I9Clocks.hearingRequest(LocalDate.of(2025, 8, 1), FEDERAL).due()).isEqualTo("2025-09-02");
        // 3 March 2025 + 30 = Wednesday 2 April, a business day: unchanged
        assertThat(I9Clocks.hearingRequest(LocalDate.of(2025, 3, 3), FEDERAL).due()).isEqualTo("2025-04-02");
    }
}
