package org.caseops.report;

import java.time.LocalDate;
import java.util.List;
import org.caseops.legal.rules.BusinessCalendar;

/**
 * Locator timeliness (issue 18, docs/oversight.md): the public locator shows a custody change once it is recorded, so
 * a change is on time when it is recorded by its due day, the second business day after the day it happened, on the US
 * federal calendar (weekends, federal holidays and their observed days; the legal gate's jollyday calendar), and late
 * when recorded after it. The two-business-day standard is issue
 * 18's; no regulation setting it is cited yet. Pure: dates in, counts out; dates are UTC days.
 */
public final class LocatorTimeliness {

    /** The standard: a change appears in the locator within this many business days after the day it happened. */
    public static final int BUSINESS_DAYS = 2;
    public static final String RULE = "LOCATOR_UPDATE_2_BUSINESS_DAYS";

    /** One custody change: the day it happened and the day it was recorded. */
    public record Change(LocalDate occurred, LocalDate recorded) {
    }

    /** Changes measured, those late, and the share late (0 when there are none). */
    public record Share(int changes, int late) {
        public double shareLate() {
            return changes == 0 ? 0 : (double) late / changes;
        }
    }

    private LocatorTimeliness() {
    }

    /** The last day a change of {@code occurred} may be recorded on time: the second business day after it. */
    public static LocalDate due(LocalDate occurred, BusinessCalendar calendar) {
        LocalDate day = occurred;
        int counted = 0;
        while (counted < BUSINESS_DAYS) {
            day = day.plusDays(1);
            if (calendar.isBusinessDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /**
     * Late when recorded after the due day, whatever kind of day it was recorded on: a change of a Wednesday recorded on
     * the Saturday after its Friday due day is late, though only two business days had passed (a record made on a
     * weekend or holiday is in the locator before the next business day, not by the due day that already ended).
     */
    public static boolean late(Change change, BusinessCalendar calendar) {
        return change.recorded().isAfter(due(change.occurred(), calendar));
    }

    public static Share share(List<Change> changes, BusinessCalendar calendar) {
        int late = (int) changes.stream().filter(c -> late(c, calendar)).count();
        return new Share(changes.size(), late);
    }
}
