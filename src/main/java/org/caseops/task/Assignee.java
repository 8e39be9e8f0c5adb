package org.caseops.task;

/**
 * Who a task is assigned to: exactly one of a user (by user name) or a team. A team is named within the task's
 * field office: the field office's code names the whole office (anyone of it may take the task), any other name a
 * team of that office, such as an operation's team ({@code "op 12 Team 1"}). Teams have no member list: every
 * officer, supervisor and director of the field office may work on a team's task.
 */
public record Assignee(String user, String team) {

    public static Assignee ofUser(String username) {
        return new Assignee(username, null);
    }

    public static Assignee ofTeam(String team) {
        return new Assignee(null, team);
    }
}
