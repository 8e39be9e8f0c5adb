package org.caseops.docket;

import java.util.List;
import org.caseops.access.Allow;
import org.caseops.access.Role;
import org.caseops.access.WorkingDate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Oversight's case review: an auditor browses no one, but may open a named person's record for a stated reason
 * (a complaint, a sample, an inquiry), each review audited with that reason.
 */
@RestController
@Allow(Role.AUDITOR)
class CaseReviewController {

    private final Docket docket;
    private final CaseReviews reviews;
    private final WorkingDate workingDate;

    CaseReviewController(Docket docket, CaseReviews reviews, WorkingDate workingDate) {
        this.docket = docket;
        this.reviews = reviews;
        this.workingDate = workingDate;
    }

    record ReviewRequest(String aNumber, String reason) {
    }

    record CaseReview(DocketViews.Person person, List<DocketViews.Event> timeline) {
    }

    /**
     * The person's record and timeline, as of the auditor's working date (ages and minority as the pages show them).
     * A POST: opening a review is itself an act on the record.
     */
    @PostMapping("/api/case-reviews")
    CaseReview review(@RequestBody ReviewRequest request) {
        String a = reviews.open(request.aNumber(), request.reason()).aNumber();
        DocketViews.Person person = docket.person(a, workingDate.get()).orElseThrow();
        return new CaseReview(person, docket.timeline(person.id(),
                person.removalCase() == null ? null : person.removalCase().idncase()));
    }
}
