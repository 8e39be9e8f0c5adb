package org.caseops.task;

import java.time.Instant;

/**
 * What {@link Tasks#create} needs: type, title, field office and assignee; the rest is optional. Build it fluently:
 *
 * <pre>
 * NewTask.of(TaskType.CHILD_WELFARE_CHECK, "Check on the child not present at the arrest", "HOU",
 *         Assignee.ofTeam("HOU"))
 *     .about(SubjectType.PERSON, "991000002").operation(12).due(arrest.plus(Duration.ofHours(24)))
 * </pre>
 *
 * @param parentId    a task this one is a child of: the parent goes ON_HOLD until its last open child closes
 * @param operationId the operation the task belongs to, for its queue
 */
public record NewTask(TaskType type, String title, String fieldOffice, Assignee assignee, SubjectType subjectType,
        String subjectId, Long operationId, Long parentId, Instant dueAt) {

    public static NewTask of(TaskType type, String title, String fieldOffice, Assignee assignee) {
        return new NewTask(type, title, fieldOffice, assignee, null, null, null, null, null);
    }

    public NewTask about(SubjectType type, String id) {
        return new NewTask(this.type, title, fieldOffice, assignee, type, id, operationId, parentId, dueAt);
    }

    public NewTask operation(long id) {
        return new NewTask(type, title, fieldOffice, assignee, subjectType, subjectId, id, parentId, dueAt);
    }

    public NewTask childOf(long parent) {
        return new NewTask(type, title, fieldOffice, assignee, subjectType, subjectId, operationId, parent, dueAt);
    }

    public NewTask due(Instant at) {
        return new NewTask(type, title, fieldOffice, assignee, subjectType, subjectId, operationId, parentId, at);
    }
}
