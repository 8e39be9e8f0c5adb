package org.caseops.docket.synthetic;

import java.time.LocalDate;
import java.util.Arrays;

/** The synthetic dockets the generator can write. */
public enum Scenario {
    /** The June 2019 family operation: about 2,040 family members with cases in ten cities. */
    FAMILY_OP_2019("family-op-2019"),
    /** A national docket of any size with EOIR-like proportions, written in constant memory. */
    NATIONAL("national");

    private final String label;

    Scenario(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * The date the scenario is set on: its expected verdicts ({@code truth.csv}, the manifest's {@code verdictsAsOf})
     * are stated for it, and the demo's pages work on it unless the user chooses another (2019-06-23, the first day
     * of the June 2019 family operation).
     */
    public LocalDate asOf() {
        return Days.AS_OF_DATE;
    }

    public static Scenario fromLabel(String label) {
        return Arrays.stream(values()).filter(s -> s.label.equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown scenario '" + label + "'; known: "
                        + Arrays.stream(values()).map(Scenario::label).toList()));
    }
}
