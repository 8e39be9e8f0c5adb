package org.caseops.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an outsider does with a published table and its totals: every row and column says its cells add up to its
 * total, so a line with one hidden cell gives it away (total minus the visible cells), and the values found feed the
 * next line; then all lines at once as a linear system, which finds any hidden cell that some combination of rows and
 * columns determines. The published grid holds its margins in the last row and column; a hidden cell is null.
 */
final class DifferencingAttack {

    private DifferencingAttack() {
    }

    /** The hidden cells the attack computes exactly: "row,col" → value. */
    static Map<String, Long> recover(Long[][] published) {
        Map<String, Long> found = new LinkedHashMap<>();
        Long[][] grid = copy(published);
        peel(grid, published, found);
        solve(grid, published, found);
        return found;
    }

    private static Long[][] copy(Long[][] g) {
        Long[][] out = new Long[g.length][];
        for (int i = 0; i < g.length; i++) {
            out[i] = g[i].clone();
        }
        return out;
    }

    /** Every row and column of the grid, each cell with its sign: body cells +1, the line's total -1. */
    private static List<List<int[]>> allLines(int rows, int cols) {
        List<List<int[]>> out = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            List<int[]> line = new ArrayList<>();
            for (int j = 0; j < cols; j++) {
                line.add(new int[] {i, j, j == cols - 1 ? -1 : 1});
            }
            out.add(line);
        }
        for (int j = 0; j < cols; j++) {
            List<int[]> line = new ArrayList<>();
            for (int i = 0; i < rows; i++) {
                line.add(new int[] {i, j, i == rows - 1 ? -1 : 1});
            }
            out.add(line);
        }
        return out;
    }

    private static void peel(Long[][] grid, Long[][] published, Map<String, Long> found) {
        List<List<int[]>> lines = allLines(grid.length, grid[0].length);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (List<int[]> line : lines) {
                int[] unknown = null;
                int count = 0;
                long sum = 0;
                for (int[] c : line) {
                    Long v = grid[c[0]][c[1]];
                    if (v == null) {
                        unknown = c;
                        count++;
                    } else {
                        sum += c[2] * v;
                    }
                }
                if (count == 1) {
                    long value = -sum * unknown[2];
                    grid[unknown[0]][unknown[1]] = value;
                    found.put(unknown[0] + "," + unknown[1], value);
                    changed = true;
                }
            }
        }
    }

    /** Gaussian elimination over the hidden cells left: those with a pivot and no free variable are determined. */
    private static void solve(Long[][] grid, Long[][] published, Map<String, Long> found) {
        List<int[]> unknowns = new ArrayList<>();
        for (int i = 0; i < grid.length; i++) {
            for (int j = 0; j < grid[0].length; j++) {
                if (grid[i][j] == null) {
                    unknowns.add(new int[] {i, j});
                }
            }
        }
        if (unknowns.isEmpty()) {
            return;
        }
        List<double[]> rows = new ArrayList<>();
        for (List<int[]> line : allLines(grid.length, grid[0].length)) {
            double[] eq = new double[unknowns.size() + 1];
            boolean any = false;
            for (int[] c : line) {
                Long v = grid[c[0]][c[1]];
                if (v == null) {
                    eq[indexOf(unknowns, c[0], c[1])] = c[2];
                    any = true;
                } else {
                    eq[unknowns.size()] -= c[2] * v;
                }
            }
            if (any) {
                rows.add(eq);
            }
        }
        int n = unknowns.size();
        double[][] m = rows.toArray(new double[0][]);
        int[] pivotOf = new int[m.length];
        int r = 0;
        for (int col = 0; col < n && r < m.length; col++) {
            int best = r;
            for (int i = r; i < m.length; i++) {
                if (Math.abs(m[i][col]) > Math.abs(m[best][col])) {
                    best = i;
                }
            }
            if (Math.abs(m[best][col]) < 1e-9) {
                continue;
            }
            double[] t = m[r];
            m[r] = m[best];
            m[best] = t;
            double p = m[r][col];
            for (int k = 0; k <= n; k++) {
                m[r][k] /= p;
            }
            for (int i = 0; i < m.length; i++) {
                if (i != r && Math.abs(m[i][col]) > 1e-12) {
                    double f = m[i][col];
                    for (int k = 0; k <= n; k++) {
                        m[i][k] -= f * m[r][k];
                    }
                }
            }
            pivotOf[r] = col;
            r++;
        }
        for (int i = 0; i < r; i++) {
            boolean alone = true;
            for (int k = 0; k < n; k++) {
                if (k != pivotOf[i] && Math.abs(m[i][k]) > 1e-9) {
                    alone = false;
                    break;
                }
            }
            if (alone) {
                int[] cell = unknowns.get(pivotOf[i]);
                found.put(cell[0] + "," + cell[1], Math.round(m[i][n]));
            }
        }
    }

    private static int indexOf(List<int[]> unknowns, int i, int j) {
        for (int k = 0; k < unknowns.size(); k++) {
            if (unknowns.get(k)[0] == i && unknowns.get(k)[1] == j) {
                return k;
            }
        }
        throw new IllegalStateException();
    }
}
