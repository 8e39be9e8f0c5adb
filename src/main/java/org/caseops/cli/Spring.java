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

    static ConfigurableApplicationContext start(WebApplicationType web, Map<String, Object> properties,
            String... args) {
        return new SpringApplicationBuilder(CaseOpsApplication.class)
                .web(web)
                .properties(properties)
                .logStartupInfo(web != WebApplicationType.NONE)
                .run(args);
    }

    static ConfigurableApplicationContext startWithoutWeb() {
        return start(WebApplicationType.NONE, Map.of("logging.level.root", "WARN",
                "logging.level.org.caseops", "INFO"));
    }
}
