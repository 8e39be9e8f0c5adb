package org.caseops.cli;

import org.caseops.audit.AuditEvent;
import org.caseops.audit.AuditLog;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The person at the command line: every command that reads or changes person-level data ({@code import},
 * {@code screen}, {@code audit export}, users, operations) writes an audit entry as {@code cli:<operating-system
 * user>} in the role {@code CLI} (docs/audit.md).
 */
final class Operator {

    private Operator() {
    }

    /** {@code cli:} and the operating-system user running the command. */
    static String name() {
        return "cli:" + System.getProperty("user.name", "unknown");
    }

    static void audit(ConfigurableApplicationContext context, String action, String subjectType, String subjectId,
            String detail) {
        context.getBean(AuditLog.class).record(new AuditEvent(name(), "CLI", null, action, subjectType, subjectId,
                null, null, detail));
    }
}
