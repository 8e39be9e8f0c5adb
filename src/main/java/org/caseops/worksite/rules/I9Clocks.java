package org.caseops.worksite.rules;

import java.time.LocalDate;
import org.caseops.legal.rules.BusinessCalendar;

/**
 * The time limits of a Form I-9 inspection, each with the rule that sets it (DESIGN invariant 6), on the federal
 * calendar (weekends and the federal holidays of 5 U.S.C. 6103, {@link BusinessCalendar#usFederal()}).
 */
public final class I9Clocks {

    /** A date a rule sets, with the rule's id and citation. */
    public record Deadline(LocalDate due, String rule) {
    }

    public static final String PRODUCTION_RULE = "I9_PRODUCTION_3_BUSINESS_DAYS: 8 CFR 274a.2(b)(2)(ii) "
            + "(at least three business days' notice before the forms are inspected)";
    public static final String CORRECTION_RULE = "I9_CORRECTION_10_BUSINESS_DAYS: 8 U.S.C. 1324a(b)(6)(B) "
            + "(a period of not less than 10 business days to correct technical or procedural failures)";
    public static final String HEARING_RULE = "I9_HEARING_REQUEST_30_DAYS: 8 U.S.C. 1324a(e)(3)(A), 8 CFR 274a.9(e) "
            + "(30 days from service of the notice of intent to fine to request a hearing before OCAHO; a last day "
            + "on a weekend or federal holiday runs to the next business day, 28 CFR 68.8(a))";

    private I9Clocks() {
    }

    /** {@code days} business days after {@code from} (the day itself not counted). */
    public static LocalDate plusBusinessDays(LocalDate from, int days, BusinessCalendar calendar) {
        LocalDate d = from;
        int counted = 0;
        while (counted < days) {
            d = d.plusDays(1);
            if (calendar.isBusinessDay(d)) {
                counted++;
            }
        }
        return d;
    }

    /** The Forms I-9 are produced by the third business day after the Notice of Inspection is served. */
    public static Deadline production(LocalDate noticeOfInspection, BusinessCalendar calendar) {
        return new Deadline(plusBusinessDays(noticeOfInspection, 3, calendar), PRODUCTION_RULE);
    }

    /** Technical or procedural failures are corrected within 10 business days of the notice. */
    public static Deadline correction(LocalDate noticeServed, BusinessCalendar calendar) {
        return new Deadline(plusBusinessDays(noticeServed, 10, calendar), CORRECTION_RULE);
    }

    /** The hearing request is due 30 days after the notice of intent to fine, moved to the next business day. */
    public static Deadline hearingRequest(LocalDate noticeServed, BusinessCalendar calendar) {
        return new Deadline(calendar.onOrNextBusinessDay(noticeServed.plusDays(30)), HEARING_RULE);
    }
}
