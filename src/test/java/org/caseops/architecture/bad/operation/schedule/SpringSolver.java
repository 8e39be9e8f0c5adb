package org.caseops.architecture.bad.operation.schedule;

import org.springframework.stereotype.Component;

/** Violates the pure schedule core: a Spring bean. */
@Component
public class SpringSolver {
}
