package org.caseops.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.caseops.report.Suppression.Mark;
import org.junit.jupiter.api.Test;

/** Small-cell suppression against the differencing attack: totals minus visible cells recover no hidden count. */
class SuppressionTest {

    private static Long[][] published(long[][] grid, Mark[][] marks) {
        Long[][] out = new Long[grid.length][grid[0].length];
        for (int i = 0; i < grid.length; i++) {
            for (int j = 0; j < grid[0].length; j++) {
                out[i][j] = marks[i][j] == Mark.PUBLISHED ? grid[i][j] : null;
            }
        }
        return out;
    }

    private static Mark[][] primaryOnly(long[][] grid) {
        Mark[][] marks = new Mark[grid.length][grid[0].length];
        for (int i = 0; i < grid.length; i++) {
            for (int j = 0; j < grid[0].length; j++) {
                marks[i][j] = grid[i][j] >= 1 && grid[i][j] <= 10 ? Mark.PRIMARY : Mark.PUBLISHED;
            }
        }
        return marks;
    }

    @Test
    void every_count_from_1_to_10_is_shown_as_less_than_11_and_zero_and_11_are_shown() {
        long[][] grid = Suppression.withTotals(new long[][] {{0, 1, 10, 11}, {40, 50, 60, 70}}, 4);
        Mark[][] marks = Suppression.suppress(grid);

        assertThat(Suppression.shown(grid[0][1], marks[0][1])).isEqualTo("<11");
        assertThat(Suppression.shown(grid[0][2], marks[0][2])).isEqualTo("<11");
        assertThat(marks[0][0]).isEqualTo(Mark.PUBLISHED);
        assertThat(Suppression.shown(grid[0][0], marks[0][0])).isEqualTo("0");
        assertThat(marks[1][0]).isEqualTo(Mark.PUBLISHED);
    }

    @Test
    void one_small_cell_alone_in_its_row_and_column_takes_the_next_smallest_with_it() {
        // a 3 among large counts: alone, the row total minus the visible cells would give it back
        long[][] grid = Suppression.withTotals(new long[][] {{3, 40, 25}, {30, 50, 60}, {20, 45, 70}}, 3);
        Mark[][] marks = Suppression.suppress(grid);

        assertThat(marks[0][0]).isEqualTo(Mark.PRIMARY);
        assertThat(marks[0][2]).as("the next smallest in its row").isEqualTo(Mark.COMPLEMENTARY);
        assertThat(marks[2][0]).as("the next smallest in its column").isEqualTo(Mark.COMPLEMENTARY);
        assertThat(DifferencingAttack.recover(published(grid, marks))).isEmpty();
    }

    @Test
    void the_attack_recovers_a_small_cell_published_with_primary_suppression_only() {
        long[][] grid = Suppression.withTotals(new long[][] {{3, 40, 25}, {30, 50, 60}, {20, 45, 70}}, 3);

        assertThat(DifferencingAttack.recover(published(grid, primaryOnly(grid)))).containsEntry("0,0", 3L);
    }

    @Test
    void the_attack_recovers_a_bridge_between_two_hidden_cycles_and_suppression_leaves_none() {
        // two blocks of small cells joined by one hidden cell: degree two everywhere, yet that cell is a bridge
        long[][] grid = Suppression.withTotals(new long[][] {
                {2, 3, 0, 0, 90},
                {4, 5, 7, 0, 80},
                {0, 0, 6, 8, 70},
                {0, 0, 9, 2, 60},
                {50, 60, 70, 80, 99}}, 5);
        assertThat(DifferencingAttack.recover(published(grid, primaryOnly(grid)))).isNotEmpty();

        Mark[][] marks = Suppression.suppress(grid);

        assertThat(DifferencingAttack.recover(published(grid, marks))).isEmpty();
    }

    @Test
    void no_hidden_count_of_thousands_of_random_tables_is_recovered() {
        Random random = new Random(18);
        for (int t = 0; t < 3000; t++) {
            int rows = 1 + random.nextInt(6);
            int cols = 1 + random.nextInt(6);
            long[][] cells = new long[rows][cols];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    int kind = random.nextInt(4);
                    cells[i][j] = kind == 0 ? 0 : kind == 1 ? 1 + random.nextInt(10) : random.nextInt(200);
                }
            }
            long[][] grid = Suppression.withTotals(cells, cols);
            Mark[][] marks = Suppression.suppress(grid);
            Long[][] shown = published(grid, marks);

            assertThat(DifferencingAttack.recover(shown)).as("table %d: %s", t, java.util.Arrays.deepToString(grid))
                    .isEmpty();
            for (int i = 0; i < grid.length; i++) {
                for (int j = 0; j < grid[0].length; j++) {
                    if (grid[i][j] >= 1 && grid[i][j] <= 10) {
                        assertThat(marks[i][j]).isEqualTo(Mark.PRIMARY);
                    }
                }
            }
        }
    }
}
