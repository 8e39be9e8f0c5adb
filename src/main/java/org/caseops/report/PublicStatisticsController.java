package org.caseops.report;

import org.caseops.access.Public;
import org.caseops.system.ReplicaRead;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public statistics of a month, for anyone (issue 18, docs/oversight.md): JSON by default, CSV with
 * {@code format=csv}. Small cells are suppressed; no person-level field is published.
 */
@RestController
class PublicStatisticsController {

    private final PublicStatistics statistics;

    PublicStatisticsController(PublicStatistics statistics) {
        this.statistics = statistics;
    }

    @Public
    @ReplicaRead
    @GetMapping("/api/reports/public-statistics")
    ResponseEntity<?> publicStatistics(@RequestParam(required = false) String month,
            @RequestParam(required = false) String format) {
        PublicStatistics.Publication publication = statistics.publish(PublicStatistics.month(month));
        if (format == null || format.equals("json")) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(publication);
        }
        if (!format.equals("csv")) {
            throw new org.caseops.system.BadInput("format", "format is json or csv");
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"public-statistics-"
                        + publication.month() + ".csv\"")
                .body(PublicStatistics.csv(publication));
    }
}
