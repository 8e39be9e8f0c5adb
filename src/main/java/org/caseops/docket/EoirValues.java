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

    /** {@code 2019-02-11}, {@code 2019-02-11 00:00:00.000} (any time part), {@code 02/11/2019} or {@code 2/11/2019}. */
    static String date(String raw) throws BadValue {
        String s = raw.trim();
        int year;
        int month;
        int day;
        try {
            if (s.length() >= 10 && s.charAt(4) == '-' && s.charAt(7) == '-'
                    && (s.length() == 10 || s.charAt(10) == ' ' || s.charAt(10) == 'T')) {
                year = digits(s, 0, 4);
                month = digits(s, 5, 7);
                day = digits(s, 8, 10);
            } else if (s.indexOf('/') > 0) {
                String[] parts = s.split("/");
                if (parts.length != 3 || parts[2].length() != 4) {
                    throw new BadValue("not a date: '" + raw + "' (expected 2019-02-11, 2019-02-11 00:00:00.000 or 02/11/2019)");
                }
                month = digits(parts[0], 0, parts[0].length());
                day = digits(parts[1], 0, parts[1].length());
                year = digits(parts[2], 0, 4);
            } else {
                throw new BadValue("not a date: '" + raw + "' (expected 2019-02-11, 2019-02-11 00:00:00.000 or 02/11/2019)");
            }
        } catch (NumberFormatException e) {
            throw new BadValue("not a date: '" + raw + "' (expected 2019-02-11, 2019-02-11 00:00:00.000 or 02/11/2019)");
        }
        if (year < 1800 || year > 2199) {
            throw new BadValue("implausible year in date '" + raw + "'");
        }
        try {
            return LocalDate.of(year, month, day).toString();
        } catch (DateTimeException e) {
            throw new BadValue("no such date: '" + raw + "'");
        }
    }

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
