package org.caseops.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.caseops.docket.synthetic.Scenario;
import org.caseops.docket.synthetic.SyntheticDocketGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write a synthetic EOIR docket and person file (never real people) into a folder.")
final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--scenario", required = true, description = "family-op-2019 or national")
    String scenario;

    @Option(names = "--cases", description = "Number of cases (national scenario)")
    Long cases;

    @Option(names = "--out", required = true, description = "Folder to write into (created if missing)")
    Path out;

    @Option(names = "--seed", defaultValue = "2019", description = "Random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() throws Exception {
        Scenario chosen = Scenario.fromLabel(scenario);
        if (chosen == Scenario.NATIONAL && cases == null) {
            System.err.println("generate --scenario national needs --cases N");
            return 2;
        }
        long started = System.nanoTime();
        Map<String, Object> manifest = SyntheticDocketGenerator.generate(chosen, cases == null ? 0 : cases, seed, out);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("Wrote %s (seed %d) to %s in %.1f s%n", chosen.label(), seed, out, seconds);
        System.out.println("rows: " + manifest.get("rows"));
        return 0;
    }
}
