package org.caseops.docket;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@RequestMapping("/api/families")
class FamilyController {

    private final Docket docket;

    FamilyController(Docket docket) {
        this.docket = docket;
    }

    /**
     * A family unit by the IDNCASE of its lead case: the lead, its active riders and its household members, each
     * with their own order, and ages as of {@code asOf} (default today).
     */
    @GetMapping("/{id}")
    DocketViews.Family family(@PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return docket.family(id, asOf == null ? LocalDate.now() : asOf)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no family with lead case " + id));
    }
}
