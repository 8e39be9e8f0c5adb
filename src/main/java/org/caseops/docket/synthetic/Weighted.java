package org.caseops.docket.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** A fixed weighted choice, drawn with one random double and a binary search. */
final class Weighted<T> {

    private final List<T> values = new ArrayList<>();
    private final double[] cumulative;

    Weighted(Map<T, ? extends Number> weights) {
        cumulative = new double[weights.size()];
        double total = 0;
        int i = 0;
        for (Map.Entry<T, ? extends Number> entry : weights.entrySet()) {
            total += entry.getValue().doubleValue();
            values.add(entry.getKey());
            cumulative[i++] = total;
        }
        if (total <= 0) {
            throw new IllegalArgumentException("No positive weight");
        }
        for (int j = 0; j < cumulative.length; j++) {
            cumulative[j] /= total;
        }
    }

    T pick(SplittableRandom random) {
        double r = random.nextDouble();
        int low = 0;
        int high = cumulative.length - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (cumulative[mid] > r) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return values.get(low);
    }
}
