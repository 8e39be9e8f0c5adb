package org.caseops.access;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The roles that may call an endpoint (on the method, or on the controller for all its methods). Every CaseOps
 * endpoint carries {@code @Allow} or {@link Public}; the application refuses to start otherwise
 * ({@link AccessInterceptor}). Which records a caller then sees is decided per subject by {@link Access}.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Allow {
    Role[] value();
}
