package org.caseops.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Writing test entries through the real {@link AuditLog}. */
final class AuditTrail {

    private AuditTrail() {
    }

    static AuditEvent aPersonRead(String aNumber) {
        return new AuditEvent("officer", "OFFICER", "HOU", "PERSON_READ", "PERSON", aNumber, "case review",
                UUID.randomUUID().toString(), null);
    }

    static List<AuditEntry> write(AuditLog log, int n) {
        List<AuditEntry> entries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            entries.add(log.record(aPersonRead("99100" + String.format("%04d", i))));
        }
        return entries;
    }
}
