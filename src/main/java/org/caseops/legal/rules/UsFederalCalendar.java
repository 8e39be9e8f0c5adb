package org.caseops.legal.rules;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.time.temporal.TemporalAdjusters;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * US federal holidays from jollyday's national US calendar, both the actual and the observed day (a holiday on a
 * Saturday is observed on Friday, on a Sunday on Monday). Jollyday lists Columbus Day only for some states, but it is a
 * federal holiday under 5 U.S.C. 6103 (second Monday of October since 1971), so it is added here. Holidays are
 * computed once per year and cached; jollyday itself is loaded on the first question.
 */
final class UsFederalCalendar implements BusinessCalendar {

    static final UsFederalCalendar INSTANCE = new UsFederalCalendar();

    private final Map<Integer, Set<LocalDate>> byYear = new ConcurrentHashMap<>();

    /**
     * Jollyday's calendar, read from its XML (JAXB) on first use, not when the legal gate is built: that took seconds
     * of every start (issue 12, goal 6). The class is initialised once, by the first thread that asks.
     */
    private static final class Jollyday {
        static final HolidayManager US = HolidayManager.getInstance(
                ManagerParameters.create(HolidayCalendar.UNITED_STATES));
    }

    private UsFederalCalendar() {
    }

    @Override
    public boolean isBusinessDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !isHoliday(date);
    }

    /** True on a federal holiday or its observed day. */
    boolean isHoliday(LocalDate date) {
        // New Year's Day on a Saturday is observed on December 31 of the year before.
        return holidays(date.getYear()).contains(date) || holidays(date.getYear() + 1).contains(date);
    }

    private Set<LocalDate> holidays(int year) {
        return byYear.computeIfAbsent(year, y -> {
            Set<LocalDate> days = new HashSet<>();
            for (Holiday h : Jollyday.US.getHolidays(Year.of(y))) {
                days.add(h.getDate());
                days.add(h.getActualDate());
                h.getObservedDate().ifPresent(days::add);
            }
            if (y >= 1971) {
                days.add(LocalDate.of(y, Month.OCTOBER, 1)
                        .with(TemporalAdjusters.dayOfWeekInMonth(2, DayOfWeek.MONDAY)));
            }
            return Set.copyOf(days);
        });
    }
}
