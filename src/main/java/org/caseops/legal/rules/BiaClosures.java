package org.caseops.legal.rules;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Days the Board of Immigration Appeals was closed beside weekends and the federal holidays of 5 U.S.C. 6103(a): a
 * filing deadline that falls on one runs to the next day the BIA is open (8 CFR 1003.38(b)). Kept apart from
 * jollyday's holiday calendar, versioned, each day with its source. Inauguration Day is computed: a holiday for
 * federal employees in the capital area (5 U.S.C. 6103(c)), where the BIA sits (Falls Church, Virginia).
 */
public final class BiaClosures implements BusinessCalendar {

    /** The version of the closure table: the last day added. Bump it with each addition. */
    public static final String VERSION = "2025-01-09";

    /** One whole-government closure. */
    public record Closure(LocalDate day, String what, String source) {
    }

    /** Whole-government closures by executive order (extra Christmas Eves and days after) and days of mourning. */
    public static final List<Closure> CLOSURES = List.of(
            closure(1994, 4, 27, "National day of mourning, President Richard Nixon", "April 1994"),
            closure(2001, 12, 24, "Christmas Eve", "December 2001"),
            closure(2003, 12, 26, "Day after Christmas", "December 2003"),
            closure(2004, 6, 11, "National day of mourning, President Ronald Reagan", "June 2004"),
            closure(2007, 1, 2, "National day of mourning, President Gerald R. Ford", "December 2006"),
            closure(2007, 12, 24, "Christmas Eve", "December 2007"),
            closure(2008, 12, 26, "Day after Christmas", "December 2008"),
            closure(2012, 12, 24, "Christmas Eve", "December 2012"),
            closure(2014, 12, 26, "Day after Christmas", "December 2014"),
            closure(2015, 12, 24, "Christmas Eve", "December 2015"),
            closure(2018, 12, 5, "National day of mourning, President George H. W. Bush", "December 2018"),
            closure(2018, 12, 24, "Christmas Eve", "December 2018"),
            closure(2019, 12, 24, "Christmas Eve", "December 2019"),
            closure(2020, 12, 24, "Christmas Eve", "December 2020"),
            closure(2024, 12, 24, "Christmas Eve", "December 2024"),
            closure(2025, 1, 9, "National day of mourning, President Jimmy Carter", "December 2024"));

    private static Closure closure(int year, int month, int day, String what, String ordered) {
        return new Closure(LocalDate.of(year, month, day), what,
                "executive order closing the executive departments and agencies, " + ordered);
    }

    static final BiaClosures INSTANCE = new BiaClosures(BusinessCalendar.usFederal());

    private static final Map<LocalDate, Closure> BY_DAY = CLOSURES.stream()
            .collect(Collectors.toUnmodifiableMap(Closure::day, Function.identity()));

    private final BusinessCalendar federal;

    private BiaClosures(BusinessCalendar federal) {
        this.federal = federal;
    }

    @Override
    public boolean isBusinessDay(LocalDate date) {
        return federal.isBusinessDay(date) && closure(date) == null;
    }

    /** Why the BIA was closed that day beside weekends and federal holidays, or null. */
    public static String closure(LocalDate date) {
        Closure c = BY_DAY.get(date);
        if (c != null) {
            return c.what() + " (" + c.source() + ")";
        }
        return isInaugurationDay(date) ? "Inauguration Day (5 U.S.C. 6103(c))" : null;
    }

    /**
     * January 20 after a presidential election (every fourth year since 1965), or January 21 when the 20th is a
     * Sunday (5 U.S.C. 6103(c)).
     */
    static boolean isInaugurationDay(LocalDate date) {
        int year = date.getYear();
        if (year < 1965 || (year - 1965) % 4 != 0 || date.getMonth() != Month.JANUARY) {
            return false;
        }
        LocalDate twentieth = LocalDate.of(year, Month.JANUARY, 20);
        LocalDate day = twentieth.getDayOfWeek() == DayOfWeek.SUNDAY ? twentieth.plusDays(1) : twentieth;
        return date.equals(day);
    }
}
