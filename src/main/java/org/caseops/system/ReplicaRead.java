package org.caseops.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler (a controller method, or every method of a controller) whose read-only transactions
 * ({@code @Transactional(readOnly = true)}) may run on the read replica when one is configured and within its lag
 * bound (issue 19, ADR 013, docs/operations.md "Read replicas"). Only for work whose read-only transactions need no
 * write beside them: a read of a person is audited in the same transaction as the read, so it never carries this
 * mark; a report that records its read in a transaction of its own first, committed on the primary, and then reads
 * its figures in a read-only one (the monthly report) may.
 * Everything else the request does (its sign-in, its session, a refusal's audit entry, any transaction that is not
 * read-only) stays on the primary.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface ReplicaRead {
}
