package org.caseops.task;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A task as stored, with the counts of its child tasks. {@code version} guards against concurrent changes.
 *
 * @param assigneeUser  the user it is assigned to, or {@code null} when a team holds it
 * @param assigneeTeam  the team it is assigned to (a field office code or a team name within {@code fieldOffice}),
 *                      or {@code null}
 * @param fieldOffice   whose task it is: queues and who may act are scoped by it
 * @param resumesAs     while ON_HOLD, the status it returns to when its last open child closes; else {@code null}
 * @param resolution    what completing it found or decided, or why it was cancelled
 * @param children      all its child tasks
 * @param openChildren  its child tasks not yet closed
 * @param overdue       open, with a due time in the past
 * @param priority      how urgent: queues list by priority, then due time
 * @param holdReason    while held by hand: why; {@code null} otherwise (also once the hold's date has come)
 * @param holdUntil     while held by hand: the date (UTC) it returns to its queue by itself
 * @param heldBy        who put it on hold by hand
 * @param heldAt        when
 */
public record Task(long id, TaskType type, TaskStatus status, String title, String assigneeUser, String assigneeTeam,
        String fieldOffice, SubjectType subjectType, String subjectId, Long operationId, Long parentId, Instant dueAt,
        TaskStatus resumesAs, String createdBy, Instant createdAt, Instant closedAt, String closedBy,
        String resolution, int children, int openChildren, boolean overdue, int version, TaskPriority priority,
        String holdReason, LocalDate holdUntil, String heldBy, Instant heldAt) {

    /** Who holds it, for messages: {@code user officer} or {@code team HOU}. */
    public String assignee() {
        return assigneeUser != null ? "user " + assigneeUser : "team " + assigneeTeam;
    }

    /** On hold by hand (with a reason and a date), rather than waiting for its child tasks only. */
    public boolean held() {
        return holdUntil != null;
    }
}
