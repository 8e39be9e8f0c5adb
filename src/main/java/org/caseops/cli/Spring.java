package org.caseops.cli;

import java.util.Map;
import org.caseops.CaseOpsApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the application context for a command: the web server for {@code serve}, no web for the others. */
final class Spring {

    private Spring() {
    }

    /**
     * @param settings what the command line said ({@code server.port}, ...): passed as command-line arguments, so
     *                 they outrank {@code application.properties} and environment defaults such as {@code PORT}
     */
    static ConfigurableApplicationContext start(WebApplicationType web, Map<String, Object> settings) {
        String[] args = settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        int steps = StartupSteps.wanted();
        BufferingApplicationStartup recorder = steps > 0 ? new BufferingApplicationStartup(100_000) : null;
        SpringApplicationBuilder builder = new SpringApplicationBuilder(CaseOpsApplication.class)
                .web(web)
                .logStartupInfo(web != WebApplicationType.NONE);
        if (recorder != null) {
            builder.applicationStartup(recorder);
        }
        ConfigurableApplicationContext context = builder.run(args);
        if (recorder != null) {
            StartupSteps.log(recorder, steps);
        }
        return context;
    }

    static ConfigurableApplicationContext startWithoutWeb() {
        return start(WebApplicationType.NONE, Map.of("logging.level.root", "WARN",
                "logging.level.org.caseops", "INFO"));
    }
}
