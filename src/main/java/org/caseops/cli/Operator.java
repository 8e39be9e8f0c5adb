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

    /**
     * Writes the entry after the work it records has committed (an import, a screening and an export commit on their
     * own). If the trail cannot take it (its head is inconsistent: {@code audit verify} says where), the command says
     * so on stderr rather than pretend that its committed work failed.
     */
    static void audit(ConfigurableApplicationContext context, String action, String subjectType, String subjectId,
            String detail) {
        try {
            context.getBean(AuditLog.class).record(new AuditEvent(name(), "CLI", null, action, subjectType,
                    subjectId, null, null, detail));
        } catch (org.springframework.dao.DataAccessException e) {
            System.err.println("WARNING: the audit entry " + action + " could not be written (run `caseops audit "
                    + "verify`): " + e.getMostSpecificCause().getMessage());
        }
    }
}
