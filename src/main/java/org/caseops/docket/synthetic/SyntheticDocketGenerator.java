package org.caseops.docket.synthetic;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes a synthetic EOIR docket (the six EOIR tables), a person file, {@code truth.csv} and {@code manifest.json}
 * into a folder. No database, no Spring: the {@code generate} command calls it directly. Never real people: names from
 * Datafaker, A-numbers starting with 99. The same scenario and seed give byte-identical files.
 */
public final class SyntheticDocketGenerator {

    private SyntheticDocketGenerator() {
    }

    /**
     * Generates a scenario into {@code dir} (created if missing; files in it are overwritten).
     *
     * @param cases number of cases for {@link Scenario#NATIONAL}; ignored for {@link Scenario#FAMILY_OP_2019}
     * @return the manifest as written
     */
    public static Map<String, Object> generate(Scenario scenario, long cases, long seed, Path dir)
            throws IOException {
        if (scenario == Scenario.NATIONAL && cases < 1) {
            throw new IllegalArgumentException("The national scenario needs --cases of at least 1");
        }
        try (DocketOutput out = new DocketOutput(dir)) {
            switch (scenario) {
                case FAMILY_OP_2019 -> FamilyOp2019.write(out, seed);
                case NATIONAL -> National.write(out, seed, cases);
                default -> throw new IllegalArgumentException("Unknown scenario " + scenario);
            }
            out.close();
            return out.writeManifest(scenario, seed, cases);
        }
    }
}
