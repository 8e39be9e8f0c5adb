package org.caseops.task;

import java.util.List;

/**
 * One page of a queue: open tasks, due first (tasks without a due time last), then oldest first.
 *
 * @param name  which queue: {@code mine}, {@code team HOU}, {@code overdue}, {@code operation 12}
 * @param total open tasks in the queue, on all pages
 */
public record Queue(String name, int page, int size, long total, List<Task> tasks) {
}
