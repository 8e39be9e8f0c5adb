package org.caseops.operation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** An hour of staging says in words whether it is over the site's capacity, and by how much. */
class StagingHourTest {

    private static final LocalDateTime SIX = LocalDateTime.of(2019, 6, 23, 6, 0);

    @Test
    void an_hour_over_capacity_says_so_in_words_with_what_is_too_many() {
        assertThat(new OperationPages.SiteHour("Hotel A", SIX, 4, 4, 1, 1).standing()).isEqualTo("within capacity");
        assertThat(new OperationPages.SiteHour("Hotel A", SIX, 6, 4, 1, 1).standing())
                .isEqualTo("OVER CAPACITY: 2 people too many");
        assertThat(new OperationPages.SiteHour("Hotel A", SIX, 6, 4, 3, 1).standing())
                .isEqualTo("OVER CAPACITY: 2 people too many, 2 family units without a room");
        assertThat(new OperationPages.SiteHour("Field office", SIX, 2, 30, 1, 0).standing())
                .isEqualTo("OVER CAPACITY: 1 family units without a room");
        assertThat(new OperationPages.SiteHour("Hotel A", SIX, 1, 4, 1, 1).label()).isEqualTo("2019-06-23 06:00");
    }
}
