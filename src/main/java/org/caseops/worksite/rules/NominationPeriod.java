package org.caseops.worksite.rules;

import java.time.LocalDate;
import java.time.Month;

/**
 * A nomination period: a quarter of the federal fiscal year (which begins on 1 October) or the whole fiscal year,
 * named as the government names them ({@code FY2020 Q1} = October to December 2019).
 */
public record NominationPeriod(String kind, LocalDate start, LocalDate end, String label) {

    /** The period of {@code kind} ({@code QUARTER} or {@code FISCAL_YEAR}) that holds {@code date}. */
    public static NominationPeriod of(String kind, LocalDate date) {
        int fiscalYear = date.getMonthValue() >= Month.OCTOBER.getValue() ? date.getYear() + 1 : date.getYear();
        LocalDate fyStart = LocalDate.of(fiscalYear - 1, Month.OCTOBER, 1);
        return switch (kind) {
            case "FISCAL_YEAR" -> new NominationPeriod(kind, fyStart, fyStart.plusYears(1).minusDays(1),
                    "FY" + fiscalYear);
            case "QUARTER" -> {
                int months = (int) java.time.temporal.ChronoUnit.MONTHS.between(fyStart, date.withDayOfMonth(1));
                int quarter = months / 3 + 1;
                LocalDate start = fyStart.plusMonths((quarter - 1) * 3L);
                yield new NominationPeriod(kind, start, start.plusMonths(3).minusDays(1),
                        "FY" + fiscalYear + " Q" + quarter);
            }
            default -> throw new IllegalArgumentException("no period kind " + kind);
        };
    }
}
