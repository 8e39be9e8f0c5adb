package org.caseops.system;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller of HTML pages: its bad input, refusals, missing records and conflicts answer as the problem page
 * (templates/problem.html) with the status of the problem, not as JSON ({@link PageProblems}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface Pages {
}
