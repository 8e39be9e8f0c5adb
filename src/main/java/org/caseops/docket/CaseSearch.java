package org.caseops.docket;

import org.caseops.access.Access;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A page of the case list ({@code GET /api/cases}) in one transaction on one connection: the count, the page and the
 * search's audit entry commit together (issue 12: one pooled connection per request, not one per query).
 */
@Service
class CaseSearch {

    private final Docket docket;
    private final Access access;

    CaseSearch(Docket docket, Access access) {
        this.docket = docket;
        this.access = access;
    }

    /** The page, audited as {@code CASE_SEARCH} of {@code office} (the scope {@link Access#searchScope} gave). */
    @Transactional
    DocketViews.Page<DocketViews.CaseSummary> page(String office, DocketViews.CaseFilter filter, int page, int size) {
        DocketViews.Page<DocketViews.CaseSummary> result = docket.cases(filter, page, size);
        access.searched("CASE_SEARCH", office, filter + " page " + page + ": " + result.items().size() + " of "
                + result.total() + " cases");
        return result;
    }
}
