package org.caseops.operation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An operation as stored: the aggregate's fields. {@code version} guards against concurrent changes. */
public record Operation(long id, String name, String objective, OperationState state, List<String> fieldOffices,
        LocalDate windowStart, LocalDate windowEnd, String legalClearedBy, Instant legalClearedAt, String approvedBy,
        Instant approvedAt, String createdBy, Instant createdAt, int version) {

    public List<LocalDate> days() {
        return windowStart.datesUntil(windowEnd.plusDays(1)).toList();
    }
}
