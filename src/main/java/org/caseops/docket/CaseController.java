package org.caseops.docket;

import java.util.Locale;
import java.util.Set;
import org.caseops.access.Access;
import org.caseops.access.Allow;
import org.caseops.access.PartnerScope;
import org.caseops.access.Role;
import org.caseops.system.BadInput;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/cases")
@Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY})
class CaseController {

    static final Set<String> ORDER_TYPES = Set.of("PENDING", "REMOVAL_ORDERED", "VOLUNTARY_DEPARTURE", "TERMINATED",
            "RELIEF_GRANTED", "ADMINISTRATIVELY_CLOSED", "OTHER");

    private final CaseSearch search;
    private final Access access;

    CaseController(CaseSearch search, Access access) {
        this.search = search;
        this.access = access;
    }

    /**
     * Cases by field office (area of responsibility), hearing location, order type, in absentia, nationality, family
     * and representation.
     */
    @GetMapping
    DocketViews.Page<DocketViews.CaseSummary> cases(
            @RequestParam(required = false) String fieldOffice,
            @RequestParam(required = false) String hearingLocation,
            @RequestParam(required = false) String orderType,
            @RequestParam(required = false) Boolean inAbsentia,
            @RequestParam(required = false) String nationality,
            @RequestParam(required = false) Long family,
            @RequestParam(required = false) Boolean represented,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        if (orderType != null && !ORDER_TYPES.contains(orderType.toUpperCase(Locale.ROOT))) {
            throw new BadInput("orderType", "'" + orderType + "' is not an order type; one of " + ORDER_TYPES);
        }
        if (page < 0) {
            throw new BadInput("page", "must be 0 or more");
        }
        if (size < 1 || size > 500) {
            throw new BadInput("size", "must be between 1 and 500");
        }
        String office = access.searchScope(upper(fieldOffice), PartnerScope.CASE_STATUS);
        DocketViews.CaseFilter filter = new DocketViews.CaseFilter(office, upper(hearingLocation), upper(orderType),
                inAbsentia, upper(nationality), family, represented);
        return search.page(office, filter, page, size);
    }

    private static String upper(String value) {
        return value == null || value.isBlank() ? null : value.trim().toUpperCase(Locale.ROOT);
    }
}
