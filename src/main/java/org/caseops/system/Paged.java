package org.caseops.system;

import java.util.List;

/**
 * The API's one paging shape (docs/operations.md, "The HTTP API"): a page of {@code items}, its number from 0, its
 * size, and the {@code total} of records the query matched.
 */
public record Paged<T>(List<T> items, int page, int size, long total) {

    public static final int MAX_SIZE = 500;

    /**
     * One page of a list the service has read whole because it is short by nature (an office's operations, its
     * employers): the same shape as the lists paged in the database.
     */
    public static <T> Paged<T> of(List<T> all, int page, int size) {
        check(page, size);
        int from = (int) Math.min((long) page * size, all.size());
        int to = Math.min(from + size, all.size());
        return new Paged<>(List.copyOf(all.subList(from, to)), page, size, all.size());
    }

    /** A page number from 0 and a size from 1 to {@link #MAX_SIZE}, or a 400 naming the parameter. */
    public static void check(int page, int size) {
        if (page < 0) {
            throw new BadInput("page", "page counts from 0, not " + page);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new BadInput("size", "size is 1 to " + MAX_SIZE + ", not " + size);
        }
    }
}
