package org.caseops.docket;

import java.time.LocalDate;
import java.util.List;
import org.caseops.access.Allow;
import org.caseops.access.Role;
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

    CaseReviewController(Docket docket, CaseReviews reviews) {
        this.docket = docket;
        this.reviews = reviews;
    }

    record ReviewRequest(String aNumber, String reason) {
    }

    record CaseReview(DocketViews.Person person, List<DocketViews.Event> timeline) {
    }

    /** The person's record and timeline, as of today. A POST: opening a review is itself an act on the record. */
    @PostMapping("/api/case-reviews")
    CaseReview review(@RequestBody ReviewRequest request) {
        String a = reviews.open(request.aNumber(), request.reason()).aNumber();
        DocketViews.Person person = docket.person(a, LocalDate.now()).orElseThrow();
        return new CaseReview(person, docket.timeline(person.id(),
                person.removalCase() == null ? null : person.removalCase().idncase()));
    }
}
