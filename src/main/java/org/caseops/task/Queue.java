package org.caseops.task;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One page of a queue: open tasks, due first (tasks without a due time last), then oldest first.
 *
 * @param name  which queue: {@code mine}, {@code team HOU}, {@code overdue}, {@code operation 12}
 * @param total open tasks in the queue, on all pages
 * @param tasks the page's tasks, {@code items} in JSON: every list the API pages has {@code items}, {@code page},
 *              {@code size} and {@code total} (docs/operations.md, "The API")
 */
public record Queue(String name, int page, int size, long total, @JsonProperty("items") List<Task> tasks) {
}
