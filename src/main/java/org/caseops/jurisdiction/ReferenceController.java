package org.caseops.jurisdiction;

import org.caseops.access.Allow;
import org.caseops.access.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The reference data, as an administrator maintains it. */
@RestController
@RequestMapping("/api/reference")
@Allow(Role.ADMIN)
class ReferenceController {

    private final UnmappedCourts unmapped;
    private final CourtMappings mappings;

    ReferenceController(UnmappedCourts unmapped, CourtMappings mappings) {
        this.unmapped = unmapped;
        this.mappings = mappings;
    }

    record MappingRequest(String fieldOffice, String reason, Integer version) {
    }

    /**
     * Maps a court ({@code hearing_location} or {@code base_city}) to a field office, if its mapping is still at
     * {@code version}: 409 when someone changed it since, 400 naming the field, 404 for no such court.
     */
    @org.springframework.web.bind.annotation.PostMapping("/mappings/{kind}/{code}")
    CourtMappings.Changed map(@org.springframework.web.bind.annotation.PathVariable String kind,
            @org.springframework.web.bind.annotation.PathVariable String code,
            @org.springframework.web.bind.annotation.RequestBody MappingRequest request) {
        return mappings.map(kind, code, request.fieldOffice(), request.version(), request.reason());
    }

    /** Courts whose cases belong to no field office yet, and base cities without one: to map. */
    @GetMapping("/unmapped")
    UnmappedCourts.Report unmapped() {
        return unmapped.report();
    }
}
