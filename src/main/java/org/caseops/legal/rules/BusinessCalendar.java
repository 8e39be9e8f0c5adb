package org.caseops.legal.rules;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** Which days are business days: the calendar a time limit that runs to the next business day counts with (8 CFR 1003.38(b)). */
public interface BusinessCalendar {

    /** True on a weekday that is not a holiday. */
    boolean isBusinessDay(LocalDate date);

    /** The date itself if it is a business day, otherwise the next business day. */
    default LocalDate onOrNextBusinessDay(LocalDate date) {
        LocalDate d = date;
        while (!isBusinessDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** US federal holidays (5 U.S.C. 6103) with their observed days, plus weekends. */
    static BusinessCalendar usFederal() {
        return UsFederalCalendar.INSTANCE;
    }

    /**
     * The days the BIA accepts filings: weekdays that are not federal holidays, not Inauguration Day and not a day the
     * government was closed by executive order ({@link BiaClosures}). The calendar the appeal period runs on.
     */
    static BusinessCalendar biaFiling() {
        return BiaClosures.INSTANCE;
    }

    /** Weekends only, no holidays: for tests that want plain arithmetic. */
    static BusinessCalendar weekendsOnly() {
        return date -> date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
    }
}
