package org.caseops;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Spring application. Started by {@code org.caseops.cli.Main}, never directly. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CaseOpsApplication {
}
