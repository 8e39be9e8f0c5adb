package org.caseops.docket.synthetic;

import java.time.LocalDate;

/**
 * Dates as epoch days, with their two written forms precomputed: EOIR's {@code 2019-02-11 00:00:00.000} and ISO
 * {@code 2019-02-11}. Formatting millions of dates through {@code LocalDate} would dominate generation time.
 */
final class Days {

    /** No date: written as an empty field. */
    static final int NONE = Integer.MIN_VALUE;
    /** The date every expected verdict is stated for. */
    static final LocalDate AS_OF_DATE = LocalDate.of(2019, 6, 23);
    static final int AS_OF = (int) AS_OF_DATE.toEpochDay();

    private static final int FIRST = (int) LocalDate.of(1900, 1, 1).toEpochDay();
    private static final int LAST = (int) LocalDate.of(2030, 12, 31).toEpochDay();
    private static final String[] EOIR = new String[LAST - FIRST + 1];
    private static final String[] ISO = new String[LAST - FIRST + 1];
    private static final short[] YEAR = new short[LAST - FIRST + 1];
    private static final short[] MONTH_DAY = new short[LAST - FIRST + 1];

    static {
        for (int day = FIRST; day <= LAST; day++) {
            LocalDate date = LocalDate.ofEpochDay(day);
            YEAR[day - FIRST] = (short) date.getYear();
            MONTH_DAY[day - FIRST] = (short) (date.getMonthValue() * 100 + date.getDayOfMonth());
            String iso = date.toString();
            ISO[day - FIRST] = iso;
            EOIR[day - FIRST] = iso + " 00:00:00.000";
        }
    }

    private Days() {
    }

    static int of(int year, int month, int day) {
        return (int) LocalDate.of(year, month, day).toEpochDay();
    }

    static String eoir(int day) {
        return day == NONE ? "" : EOIR[day - FIRST];
    }

    static String iso(int day) {
        return day == NONE ? "" : ISO[day - FIRST];
    }

    /** Month and year as EOIR writes {@code C_BIRTHDATE}: {@code 11/2004}, {@code 1/2002} (no leading zero). */
    static String monthYear(int day) {
        return day == NONE ? "" : (MONTH_DAY[day - FIRST] / 100) + "/" + YEAR[day - FIRST];
    }

    /** Whole years of age on {@code onDay} for someone born on {@code birthDay}. */
    static int age(int birthDay, int onDay) {
        int years = YEAR[onDay - FIRST] - YEAR[birthDay - FIRST];
        return MONTH_DAY[onDay - FIRST] < MONTH_DAY[birthDay - FIRST] ? years - 1 : years;
    }
}
