package org.caseops.task;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.caseops.access.PageLayout;

/** How a task shows on the pages: its subject and the page of that subject, its times, its codes as words. */
final class TaskLinks {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private TaskLinks() {
    }

    static String subject(Task t) {
        return t.subjectType() == null ? "" : label(t.subjectType().name()) + " " + t.subjectId();
    }

    /** The page of the task's subject, when there is one. */
    static String subjectHref(Task t) {
        if (t.subjectType() == null || t.subjectId() == null) {
            return null;
        }
        return switch (t.subjectType()) {
            case PERSON -> t.subjectId().matches("[0-9]{9}") ? "/people/" + t.subjectId() : null;
            case CASE -> "/cases/" + t.subjectId();
            case FAMILY -> "/families/" + t.subjectId();
            default -> null;
        };
    }

    static String label(String code) {
        return PageLayout.label(code);
    }

    static String when(Instant t) {
        return WHEN.format(t);
    }

    /** The latest change in words: {@code already completed by officer at 2026-12-02 11:02 UTC}. */
    static String doneBy(TaskRows.Event e) {
        String what = switch (e.kind()) {
            case "STARTED" -> "started";
            case "COMPLETED" -> "completed";
            case "CANCELLED" -> "cancelled";
            case "REASSIGNED" -> "reassigned (" + e.detail() + ")";
            case "HELD" -> "put on hold";
            case "RELEASED" -> "taken off hold";
            case "PRIORITIZED" -> "given another priority";
            case "PUT_ON_HOLD" -> "put on hold for a child task";
            case "REOPENED" -> "reopened";
            default -> "changed";
        };
        return "already " + what + " by " + e.actor() + " at " + when(e.occurredAt());
    }
}
