package org.caseops.cli;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.boot.WebApplicationType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the CaseOps server (API, OpenAPI at /v3/api-docs, health at /actuator/health).")
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", description = "HTTP port (default: PORT or 8080)")
    Integer port;

    @Option(names = "--demo", description = "Load the synthetic family-op-2019 scenario when the database is empty")
    boolean demo;

    @Override
    public Integer call() {
        Map<String, Object> properties = new HashMap<>();
        if (port != null) {
            properties.put("server.port", port);
        }
        properties.put("caseops.custody.timers.scheduled", "true");
        properties.put("caseops.supervision.sweeps.scheduled", "true");
        if (demo) {
            properties.put("caseops.demo", "true");
        }
        Spring.start(WebApplicationType.SERVLET, properties);
        return 0;
    }
}
