package org.caseops.task;

import java.time.Instant;

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
 */
public record Task(long id, TaskType type, TaskStatus status, String title, String assigneeUser, String assigneeTeam,
        String fieldOffice, SubjectType subjectType, String subjectId, Long operationId, Long parentId, Instant dueAt,
        TaskStatus resumesAs, String createdBy, Instant createdAt, Instant closedAt, String closedBy,
        String resolution, int children, int openChildren, boolean overdue, int version) {

    /** Who holds it, for messages: {@code user officer} or {@code team HOU}. */
    public String assignee() {
        return assigneeUser != null ? "user " + assigneeUser : "team " + assigneeTeam;
    }
}
