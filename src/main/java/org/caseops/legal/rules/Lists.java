package org.caseops.legal.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The few list operations the rules use, as plain loops: a whole-docket screening judges millions of cases, and setting
 * up a stream pipeline per record list was a measurable part of its time (bench/RESULTS.md, "Screening").
 */
final class Lists {

    private Lists() {
    }

    /** The elements that pass, in order; the same empty list when none do. */
    static <T> List<T> filter(List<T> list, Predicate<? super T> test) {
        if (list.isEmpty()) {
            return List.of();
        }
        List<T> out = null;
        for (T t : list) {
            if (test.test(t)) {
                if (out == null) {
                    out = new ArrayList<>(list.size());
                }
                out.add(t);
            }
        }
        return out == null ? List.of() : out;
    }

    /** The first element that passes. */
    static <T> Optional<T> first(List<T> list, Predicate<? super T> test) {
        for (T t : list) {
            if (test.test(t)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** True when some element passes. */
    static <T> boolean any(List<T> list, Predicate<? super T> test) {
        for (T t : list) {
            if (test.test(t)) {
                return true;
            }
        }
        return false;
    }
}
