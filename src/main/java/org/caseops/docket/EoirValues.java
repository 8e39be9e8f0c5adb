package org.caseops.docket;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;

/**
 * Reads values as EOIR writes them. Each method returns the normalized form stored in staging
 * (ISO date, {@code t}/{@code f}, digits) or throws {@link BadValue} with a reason a person can act on.
 */
final class EoirValues {

    private EoirValues() {
    }

    static final class BadValue extends Exception {
        BadValue(String reason) {
            super(reason, null, false, false);
        }
    }

    private static final String DATE_FORMS = "expected 2019-02-11, 2019-02-11 00:00:00.000 or 02/11/2019";

    /**
     * A date as EOIR's releases write it: {@code 2019-02-11}, {@code 2019-02-11 00:00:00.000} or any time of day
     * ({@code 2025-02-27 10:43:03.530}, {@code 2019-02-11T08:30}), {@code 02/11/2019} or {@code 2/11/2019}, with or
     * without a time ({@code 2/11/2019 0:00}, {@code 2/11/2019 12:00:00 AM}). The time is not kept.
     */
    static String date(String raw) throws BadValue {
        int[] ymd = dayParts(raw);
        if (ymd == null) {
            String s = raw.trim();
            if (s.matches("[0-9]{1,2}/[0-9]{4}")) {
                throw new BadValue("a month without a day: '" + raw + "' (" + DATE_FORMS + ")");
            }
            throw new BadValue("not a date: '" + raw + "' (" + DATE_FORMS + ")");
        }
        LocalDate day = checkedDay(raw, ymd[0], ymd[1], ymd[2]);
        // written as ISO already (2019-02-11, with or without a time): its first ten characters are the day as
        // LocalDate.toString writes it (four-digit year, two-digit month and day), with no new text made
        if (raw.length() >= 10 && raw.charAt(4) == '-' && raw.charAt(7) == '-') {
            return raw.length() == 10 ? raw : raw.substring(0, 10);
        }
        return day.toString();
    }

    /** A birth date as EOIR gives it: the year, the month (1–12) or {@code null}, the day or {@code null}. */
    record MonthDate(int year, Integer month, LocalDate day) {
        String precision() {
            return day != null ? "DAY" : month != null ? "MONTH" : "YEAR";
        }
    }

    /**
     * EOIR's {@code C_BIRTHDATE}: month and year as EOIR writes it ({@code 11/2004}, {@code 1/2002}, also
     * {@code 2004-11}), a year alone ({@code 2004}), or a full date in any form {@link #date} reads. Never invents a
     * day.
     */
    static MonthDate monthDate(String raw) throws BadValue {
        String s = raw.trim();
        int[] ymd = dayParts(s);
        if (ymd != null) {
            return new MonthDate(ymd[0], ymd[1], checkedDay(raw, ymd[0], ymd[1], ymd[2]));
        }
        int year;
        Integer month = null;
        try {
            int slash = s.indexOf('/');
            if (slash > 0 && s.indexOf('/', slash + 1) < 0 && s.length() - slash - 1 == 4) {
                month = digits(s, 0, slash);
                year = digits(s, slash + 1, s.length());
            } else if (s.length() == 7 && s.charAt(4) == '-') {
                year = digits(s, 0, 4);
                month = digits(s, 5, 7);
            } else if (s.length() == 4) {
                year = digits(s, 0, 4);
            } else {
                throw new NumberFormatException(s);
            }
        } catch (NumberFormatException e) {
            throw new BadValue("not a birth date: '" + raw + "' (expected 11/2004, 2004 or a full date)");
        }
        if (year < 1850 || year > 2199) {
            throw new BadValue("implausible year in date '" + raw + "'");
        }
        if (month != null && (month < 1 || month > 12)) {
            throw new BadValue("no such month: '" + raw + "'");
        }
        return new MonthDate(year, month, null);
    }

    private static LocalDate checkedDay(String raw, int year, int month, int day) throws BadValue {
        if (year < 1800 || year > 2199) {
            throw new BadValue("implausible year in date '" + raw + "'");
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            throw new BadValue("no such date: '" + raw + "'");
        }
    }

    /** Year, month and day of a date given to the day, or {@code null} if it is not written as one. */
    private static int[] dayParts(String raw) {
        String s = raw.trim();
        try {
            if (s.length() >= 10 && s.charAt(4) == '-' && s.charAt(7) == '-') {
                if (s.length() > 10 && !time(s, 10)) {
                    return null;
                }
                return new int[] {digits(s, 0, 4), digits(s, 5, 7), digits(s, 8, 10)};
            }
            int first = s.indexOf('/');
            int second = first < 0 ? -1 : s.indexOf('/', first + 1);
            if (first > 0 && second > first + 1) {
                int end = second + 1;
                while (end < s.length() && s.charAt(end) != ' ' && s.charAt(end) != 'T') {
                    end++;
                }
                if (end - second - 1 != 4 || (end < s.length() && !time(s, end))) {
                    return null;
                }
                return new int[] {digits(s, second + 1, end), digits(s, 0, first), digits(s, first + 1, second)};
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return null;
    }

    /** Whether {@code s} from {@code at} is a time of day: {@code " 00:00:00.000"}, {@code "T08:30"}, {@code " 12:00:00 AM"}. */
    private static boolean time(String s, int at) {
        if (s.length() == at + 13 && s.startsWith(" 00:00:00.000", at)) {
            return true; // as EOIR writes almost every date: no regular expression on the hot path
        }
        char c = s.charAt(at);
        if (c != ' ' && c != 'T') {
            return false;
        }
        java.util.regex.Matcher time = TIME.matcher(s).region(at + 1, s.length());
        if (!time.matches()) {
            return false;
        }
        // a time of day that exists: 0-23 h (1-12 with AM/PM), minutes and seconds 0-59 (25:00 is not a time)
        int hour = Integer.parseInt(time.group(1));
        boolean twelveHour = time.group(5) != null;
        return (twelveHour ? hour >= 1 && hour <= 12 : hour <= 23) && Integer.parseInt(time.group(2)) <= 59
                && (time.group(3) == null || Integer.parseInt(time.group(3)) <= 59);
    }

    private static final java.util.regex.Pattern TIME = java.util.regex.Pattern.compile(
            "([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(\\.[0-9]{1,9})?)?(?: ?([AaPp][Mm]))?");

    private static int digits(String s, int from, int to) {
        if (to <= from || to - from > 4) {
            throw new NumberFormatException(s);
        }
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException(s);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** {@code 1}/{@code 0}, {@code True}/{@code False}, {@code Y}/{@code N}, {@code Yes}/{@code No}. */
    static String bool(String raw) throws BadValue {
        switch (raw.trim().toUpperCase(Locale.ROOT)) {
            case "1", "TRUE", "Y", "YES", "T":
                return "t";
            case "0", "FALSE", "N", "NO", "F":
                return "f";
            default:
                throw new BadValue("not a yes/no value: '" + raw + "' (expected 1/0, True/False or Y/N)");
        }
    }

    /** A whole number of at most 18 digits (EOIR keys are positive integers). */
    static String id(String raw) throws BadValue {
        String s = raw.trim();
        if (s.endsWith(".0")) {
            s = s.substring(0, s.length() - 2);
        }
        if (s.isEmpty() || s.length() > 18) {
            throw new BadValue("not a whole number: '" + raw + "'");
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new BadValue("not a whole number: '" + raw + "'");
            }
        }
        return s;
    }

    static String integer(String raw) throws BadValue {
        String s = id(raw);
        if (s.length() > 9) {
            throw new BadValue("number too large: '" + raw + "'");
        }
        return s;
    }
}
