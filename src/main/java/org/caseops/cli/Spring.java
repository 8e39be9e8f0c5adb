package org.caseops.cli;

import java.util.Map;
import org.caseops.CaseOpsApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
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
        return new SpringApplicationBuilder(CaseOpsApplication.class)
                .web(web)
                .logStartupInfo(web != WebApplicationType.NONE)
                .run(args);
    }

    static ConfigurableApplicationContext startWithoutWeb() {
        return start(WebApplicationType.NONE, Map.of("logging.level.root", "WARN",
                "logging.level.org.caseops", "INFO"));
    }
}
