package org.caseops.docket;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The line of the first row kept for each value of a key, as the duplicate check of a direct first import needs it
 * (DirectLoader), in little memory (the importer runs in 256 MB): a value that names a row of the parent table the
 * column refers to has its line at that row's place in the parent's sorted keys (4 bytes a parent row); another value
 * whose number fits an int is held by open addressing (8 bytes a slot, no object per value); the rest (a household
 * member's text key, a number beyond an int) in a map. Values compare as the staging check compares them, as text:
 * {@code 007} and {@code 7} are two values (the database would then refuse the second, as it does after staging).
 */
final class FirstLines {

    static final int NONE = -1;
    private static final int EMPTY = -1;
    private static final double LOAD = 0.7;

    private final boolean personKey;
    private final DirectLoader.Keys parent;
    private final int[] parentLines;
    private int[] keys;
    private int[] lines;
    private int size;
    private final Map<String, Integer> others = new HashMap<>();

    /**
     * @param personKey the values are persons' keys ({@code A} and nine digits, or a household member's text key);
     *                  otherwise whole numbers as {@link EoirValues#id} gives them
     * @param expected  how many values to size for (besides those of the parent's keys)
     * @param parent    the sorted keys of the table the column refers to, or null
     */
    FirstLines(boolean personKey, long expected, DirectLoader.Keys parent) {
        this.personKey = personKey;
        this.parent = parent;
        this.parentLines = parent == null ? null : new int[parent.size()];
        if (parentLines != null) {
            Arrays.fill(parentLines, NONE);
        }
        allocate((int) Math.min(Integer.MAX_VALUE - 8, Math.max(1024, (long) (expected / LOAD) + 1)));
    }

    private void allocate(int capacity) {
        keys = new int[capacity];
        lines = new int[capacity];
        Arrays.fill(keys, EMPTY);
    }

    /** The place of the value among the parent's keys, or -1. */
    private int parentPlace(long code) {
        return parent == null ? -1 : Math.max(-1, parent.indexOf(code));
    }

    private String lastValue;
    private long lastCode;

    /**
     * The value as a number that no other value shares, or -1. The last value's is remembered: a row's value is
     * looked up, then recorded (ADR 007 step 6: parsing each key twice was a tenth of the reading thread's time).
     */
    private long code(String value) {
        if (value == lastValue) {
            return lastCode;
        }
        long code = parse(value);
        lastValue = value;
        lastCode = code;
        return code;
    }

    private long parse(String value) {
        if (personKey) {
            if (value.length() != 10 || value.charAt(0) != 'A') {
                return -1;
            }
            for (int i = 1; i < 10; i++) {
                char c = value.charAt(i);
                if (c < '0' || c > '9') {
                    return -1;
                }
            }
            return Long.parseLong(value, 1, 10, 10);
        }
        int n = value.length();
        if (n == 0 || n > 18 || (n > 1 && value.charAt(0) == '0')) {
            return -1;
        }
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
        }
        return Long.parseLong(value);
    }

    private int slot(int code, int capacity) {
        long h = code * 0x9E3779B97F4A7C15L;
        return (int) (((h >>> 32) * capacity) >>> 32);
    }

    /** The first line recorded for the value, or {@link #NONE}. */
    int get(String value) {
        long code = code(value);
        int place = code < 0 ? -1 : parentPlace(code);
        if (place >= 0) {
            return parentLines[place];
        }
        if (code < 0 || code >= Integer.MAX_VALUE) {
            return others.getOrDefault(value, NONE);
        }
        int capacity = keys.length;
        for (int i = slot((int) code, capacity); ; i = i + 1 == capacity ? 0 : i + 1) {
            int k = keys[i];
            if (k == code) {
                return lines[i];
            }
            if (k == EMPTY) {
                return NONE;
            }
        }
    }

    /** Records the line of a value not recorded yet. */
    void put(String value, long line) {
        if (line > Integer.MAX_VALUE) {
            throw new ImportRejected("a file of more than " + Integer.MAX_VALUE + " lines");
        }
        long code = code(value);
        int place = code < 0 ? -1 : parentPlace(code);
        if (place >= 0) {
            parentLines[place] = (int) line;
            return;
        }
        if (code < 0 || code >= Integer.MAX_VALUE) {
            others.put(value, (int) line);
            return;
        }
        if (size + 1 > keys.length * LOAD) {
            grow();
        }
        insert((int) code, (int) line);
        size++;
    }

    private void insert(int code, int line) {
        int capacity = keys.length;
        int i = slot(code, capacity);
        while (keys[i] != EMPTY) {
            i = i + 1 == capacity ? 0 : i + 1;
        }
        keys[i] = code;
        lines[i] = line;
    }

    private void grow() {
        int[] oldKeys = keys;
        int[] oldLines = lines;
        allocate((int) Math.min(Integer.MAX_VALUE - 8, oldKeys.length * 3L / 2));
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                insert(oldKeys[i], oldLines[i]);
            }
        }
    }
}
