package org.caseops.docket;

import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.Objects;

/**
 * A birth date as precise as the record gives it: to the day, to the month (EOIR writes {@code C_BIRTHDATE} as
 * {@code 11/2004}) or to the year. No day is ever invented: a month-precision date stands for every day of that
 * month, and an age computed from it is a range ({@code 15–16}) when the date asked falls in the birth month's
 * anniversary.
 *
 * <p>For every safeguard, a person who could be under 18 on the date in question, on any day the record allows for
 * the birth, counts as a minor: {@link #couldBeUnder(int, LocalDate)}.
 *
 * @param year  the year
 * @param month 1–12, or {@code null} when only the year is known
 * @param day   1–31, or {@code null} when the day is not known
 */
public record BirthDate(int year, Integer month, Integer day) {

    /** How precise a birth date is, as stored in {@code eoir_case.birth_precision}. */
    public enum Precision { DAY, MONTH, YEAR }

    public BirthDate {
        if (day != null && month == null) {
            throw new IllegalArgumentException("a day without a month");
        }
        if (day != null) {
            LocalDate.of(year, month, day); // throws for a date that does not exist
        } else if (month != null && (month < 1 || month > 12)) {
            throw new IllegalArgumentException("no month " + month);
        }
    }

    public static BirthDate of(LocalDate date) {
        return new BirthDate(date.getYear(), date.getMonthValue(), date.getDayOfMonth());
    }

    public static BirthDate ofMonth(int year, int month) {
        return new BirthDate(year, month, null);
    }

    public static BirthDate ofYear(int year) {
        return new BirthDate(year, null, null);
    }

    /**
     * From the columns {@code birth_year}, {@code birth_month}, {@code birth_date}, {@code birth_precision} of
     * {@code eoir_case}; {@code null} when none is recorded.
     */
    public static BirthDate fromColumns(Integer year, Integer month, LocalDate date, String precision) {
        if (date != null) {
            return of(date);
        }
        if (year == null) {
            return null;
        }
        return month == null || Precision.YEAR.name().equals(precision) ? ofYear(year) : ofMonth(year, month);
    }

    public Precision precision() {
        return day != null ? Precision.DAY : month != null ? Precision.MONTH : Precision.YEAR;
    }

    /** The first day the person may have been born on. */
    public LocalDate earliest() {
        return LocalDate.of(year, month == null ? 1 : month, day == null ? 1 : day);
    }

    /** The last day the person may have been born on. */
    public LocalDate latest() {
        if (day != null) {
            return earliest();
        }
        return month == null ? LocalDate.of(year, 12, 31) : YearMonth.of(year, month).atEndOfMonth();
    }

    /** The youngest the person can be on {@code on}, in whole years (0 before the latest possible birth). */
    public int minAge(LocalDate on) {
        return age(latest(), on);
    }

    /** The oldest the person can be on {@code on}, in whole years. */
    public int maxAge(LocalDate on) {
        return age(earliest(), on);
    }

    /**
     * Whether the person could be under {@code years} old on {@code on}: born on any day the record allows, at least
     * one of them makes the person younger. For safeguards, {@code couldBeUnder(18, day)} is "a minor".
     */
    public boolean couldBeUnder(int years, LocalDate on) {
        return minAge(on) < years;
    }

    /** Whether the person is under {@code years} old on {@code on} on every birth day the record allows. */
    public boolean surelyUnder(int years, LocalDate on) {
        return maxAge(on) < years;
    }

    /** The age on {@code on} as pages and the API show it: {@code 15}, or {@code 15–16} when the record allows both. */
    public String ageText(LocalDate on) {
        int min = minAge(on);
        int max = maxAge(on);
        return min == max ? Integer.toString(min) : min + "\u2013" + max;
    }

    /** {@code 2004-11-05}, {@code 2004-11} or {@code 2004}. */
    @Override
    public String toString() {
        if (day != null) {
            return earliest().toString();
        }
        return month == null ? Integer.toString(year) : YearMonth.of(year, month).toString();
    }

    private static int age(LocalDate birth, LocalDate on) {
        Objects.requireNonNull(on, "on");
        return on.isBefore(birth) ? 0 : Period.between(birth, on).getYears();
    }
}
