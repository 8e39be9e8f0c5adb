package org.caseops.access;

import java.time.LocalDate;
import java.util.List;

/**
 * What waits for a field-office director's approval or decision in one feature (an operation cleared by counsel, a
 * worksite nomination), for the director's start page (docs/web.md, "Home per role"). Features implement it as Spring
 * beans; {@link ApprovalHome} gathers them into one panel, so the start page depends on no feature above
 * {@code access}. Each item links to the page where the decision is taken, when there is one.
 */
public interface Approvals {

    /** The items waiting for this actor, at most {@code limit}, the oldest first. */
    List<HomePanel.Item> waiting(Actor actor, LocalDate workingDate, int limit);

    /** How many items wait for this actor (the panel shows some of them). */
    long count(Actor actor, LocalDate workingDate);

    /** What the items are, as the panel's count says it ("operations to approve"). */
    String label();

    /** Where all of them are listed ({@code null}: no such page). */
    String listHref();
}
