package org.caseops.access;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.caseops.audit.AuditEntry;
import org.caseops.audit.AuditSearch;
import org.springframework.stereotype.Component;

/** The auditor's start page: their own recorded case reviews, each opening the person's audit entries through it. */
@Component
class CaseReviewHome implements HomePanel {

    private final AuditSearch audit;

    CaseReviewHome(AuditSearch audit) {
        this.audit = audit;
    }

    private static final java.time.format.DateTimeFormatter WHEN = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm").withZone(java.time.ZoneOffset.UTC);

    /** Case reviews shown on the auditor's start page; the count says how many there are. */
    static final int REVIEWS_SHOWN = 8;

    /**
     * The auditor's own recorded case reviews (opened from /case-reviews/new or POST /api/case-reviews), newest first, each opening the person's audit
     * entries through it: the only way the audit page shows person-level detail to oversight.
     */
    @Override
    public Optional<Panel> panel(Actor actor, LocalDate workingDate) {
        if (!actor.is(Role.AUDITOR)) {
            return Optional.empty();
        }
        AuditSearch.Filter mine = new AuditSearch.Filter(actor.username(), "PERSON", null, "CASE_REVIEW", null, null,
                null);
        long count = audit.count(mine);
        List<Item> items = audit.page(mine, false, 0, REVIEWS_SHOWN).stream().map((AuditEntry e) -> new Item(
                "Case review " + e.seq() + ": A-number " + e.subjectId(), "/audit?review=" + e.seq()
                + "&subjectType=PERSON&subjectId=" + e.subjectId(), "recorded " + WHEN.format(e.recordedAt()) + " UTC; reason: "
                + e.purpose(), false)).toList();
        return Optional.of(new Panel(11, "case-reviews", "My case reviews",
                List.of(new Count("case reviews", count, null)), items, "No case review recorded yet.",
                "/case-reviews/new", "Open a case review"));
    }
}
