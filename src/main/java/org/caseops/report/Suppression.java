package org.caseops.report;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Small-cell suppression of one table of counts with its margins (docs/oversight.md). Pure: counts in, a mark per
 * cell out. The table is taken with its totals: {@code R} rows and {@code C} columns of counts, a total per row and
 * per column, and the grand total, which makes an (R+1)×(C+1) grid in which every row and every column is a linear
 * constraint (its cells add up to its total).
 * <ol>
 * <li>Primary: every count from 1 to {@value #THRESHOLD} (totals included) is suppressed and shown as "&lt;11".</li>
 * <li>Complementary: while a row or column of the grid has exactly one suppressed cell, the smallest non-zero cell
 * not yet suppressed in that line is suppressed too (shown as "x"), so that the line's total minus its visible cells
 * gives only the sum of two or more hidden cells.</li>
 * <li>No chain of differences either: the suppressed cells are the edges of a graph between the grid's rows and
 * columns; a hidden cell can be computed from published figures exactly when its edge is a bridge of that graph (it
 * lies on no cycle). Every bridge is closed into a cycle by suppressing the smallest cell joining its two sides.</li>
 * </ol>
 * Every suppressed cell thus lies on a cycle of hidden non-zero cells, along which the counts can move by ±1 without
 * changing anything published: no linear combination of published rows and columns gives it. Limit (documented): an
 * attacker who also uses the bounds a "&lt;11" implies (1..10) may narrow a hidden cell to an interval.
 */
public final class Suppression {

    /** The largest count that is suppressed; counts from 1 to this are shown as "&lt;11". */
    public static final int THRESHOLD = 10;

    public enum Mark {
        PUBLISHED, PRIMARY, COMPLEMENTARY
    }

    private Suppression() {
    }

    /** The grid with margins: {@code cells} (R×C) with its row totals, column totals and grand total. */
    public static long[][] withTotals(long[][] cells, int columns) {
        int rows = cells.length;
        long[][] grid = new long[rows + 1][columns + 1];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                grid[i][j] = cells[i][j];
                grid[i][columns] += cells[i][j];
                grid[rows][j] += cells[i][j];
                grid[rows][columns] += cells[i][j];
            }
        }
        return grid;
    }

    /** The marks of a grid that already holds its margins (last row and last column are the totals). */
    public static Mark[][] suppress(long[][] grid) {
        int rows = grid.length;
        int cols = grid[0].length;
        Mark[][] marks = new Mark[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                marks[i][j] = grid[i][j] >= 1 && grid[i][j] <= THRESHOLD ? Mark.PRIMARY : Mark.PUBLISHED;
            }
        }
        boolean changed = true;
        while (changed) {
            changed = lines(grid, marks) || closeBridges(grid, marks);
        }
        return marks;
    }

    /** One pass over the lines: a line with one hidden cell gets its smallest non-zero visible cell hidden. */
    private static boolean lines(long[][] grid, Mark[][] marks) {
        int rows = grid.length;
        int cols = grid[0].length;
        boolean changed = false;
        for (int i = 0; i < rows; i++) {
            if (hidden(marks, i, -1) == 1) {
                int best = -1;
                for (int j = 0; j < cols; j++) {
                    if (marks[i][j] == Mark.PUBLISHED && grid[i][j] > 0 && (best < 0 || grid[i][j] < grid[i][best])) {
                        best = j;
                    }
                }
                if (best >= 0) {
                    marks[i][best] = Mark.COMPLEMENTARY;
                    changed = true;
                }
            }
        }
        for (int j = 0; j < cols; j++) {
            if (hidden(marks, -1, j) == 1) {
                int best = -1;
                for (int i = 0; i < rows; i++) {
                    if (marks[i][j] == Mark.PUBLISHED && grid[i][j] > 0 && (best < 0 || grid[i][j] < grid[best][j])) {
                        best = i;
                    }
                }
                if (best >= 0) {
                    marks[best][j] = Mark.COMPLEMENTARY;
                    changed = true;
                }
            }
        }
        return changed;
    }

    private static int hidden(Mark[][] marks, int row, int col) {
        int n = 0;
        if (row >= 0) {
            for (Mark m : marks[row]) {
                n += m == Mark.PUBLISHED ? 0 : 1;
            }
        } else {
            for (Mark[] line : marks) {
                n += line[col] == Mark.PUBLISHED ? 0 : 1;
            }
        }
        return n;
    }

    /**
     * Closes the first bridge found: a hidden cell (r, c) whose removal splits the graph into the side of row r and
     * the side of column c gets a cycle through the smallest visible cell (r', c') with r' on c's side and c' on r's.
     */
    private static boolean closeBridges(long[][] grid, Mark[][] marks) {
        int rows = grid.length;
        int cols = grid[0].length;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                if (marks[r][c] == Mark.PUBLISHED) {
                    continue;
                }
                boolean[] reached = reach(marks, r, c);
                if (reached[rows + c]) {
                    continue; // on a cycle
                }
                boolean[] columnSide = reach(marks, rows + c, r, c);
                int bi = -1;
                int bj = -1;
                for (int i = 0; i < rows; i++) {
                    for (int j = 0; j < cols; j++) {
                        if (columnSide[i] && reached[rows + j] && marks[i][j] == Mark.PUBLISHED
                                && (bi < 0 || better(grid[i][j], grid[bi][bj]))) {
                            bi = i;
                            bj = j;
                        }
                    }
                }
                if (bi >= 0) {
                    marks[bi][bj] = Mark.COMPLEMENTARY;
                    return true;
                }
            }
        }
        return false;
    }

    /** Prefer a non-zero cell, then the smaller. */
    private static boolean better(long candidate, long best) {
        if ((candidate > 0) != (best > 0)) {
            return candidate > 0;
        }
        return candidate < best;
    }

    /** Nodes reached from row {@code r} without crossing the edge (r, c): rows first, then columns. */
    private static boolean[] reach(Mark[][] marks, int r, int c) {
        return reach(marks, r, r, c);
    }

    private static boolean[] reach(Mark[][] marks, int start, int skipRow, int skipCol) {
        int rows = marks.length;
        int cols = marks[0].length;
        boolean[] seen = new boolean[rows + cols];
        Deque<Integer> todo = new ArrayDeque<>(List.of(start));
        seen[start] = true;
        while (!todo.isEmpty()) {
            int node = todo.pop();
            List<Integer> next = new ArrayList<>();
            if (node < rows) {
                for (int j = 0; j < cols; j++) {
                    if (marks[node][j] != Mark.PUBLISHED && !(node == skipRow && j == skipCol)) {
                        next.add(rows + j);
                    }
                }
            } else {
                int j = node - rows;
                for (int i = 0; i < rows; i++) {
                    if (marks[i][j] != Mark.PUBLISHED && !(i == skipRow && j == skipCol)) {
                        next.add(i);
                    }
                }
            }
            for (int n : next) {
                if (!seen[n]) {
                    seen[n] = true;
                    todo.push(n);
                }
            }
        }
        return seen;
    }

    /** A cell as published: the count, "&lt;11" for a primary suppression, "x" for a complementary one. */
    public static String shown(long count, Mark mark) {
        return switch (mark) {
            case PUBLISHED -> Long.toString(count);
            case PRIMARY -> "<" + (THRESHOLD + 1);
            case COMPLEMENTARY -> "x";
        };
    }
}
