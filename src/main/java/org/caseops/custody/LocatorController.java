package org.caseops.custody;

import org.caseops.access.Public;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public detainee locator ({@link Locator}): exact match on A-number and country of birth, people held only. */
@RestController
class LocatorController {

    private final Locator locator;

    LocatorController(Locator locator) {
        this.locator = locator;
    }

    @Public
    @GetMapping("/api/locator")
    Locator.Located locate(@RequestParam String aNumber, @RequestParam String countryOfBirth) {
        return locator.locate(aNumber, countryOfBirth);
    }
}
