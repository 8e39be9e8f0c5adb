package org.caseops.jurisdiction;

import java.util.List;
import org.caseops.access.Allow;
import org.caseops.access.Role;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** ERO field offices with the hearing locations and counties in their areas. */
@RestController
@RequestMapping("/api/field-offices")
@Allow({Role.OFFICER, Role.SUPERVISOR, Role.ATTORNEY, Role.DIRECTOR, Role.AUDITOR, Role.PARTNER, Role.ADMIN})
class FieldOfficeController {

    private final ReferenceData reference;

    FieldOfficeController(ReferenceData reference) {
        this.reference = reference;
    }

    /** One field office in full: its main office, the states and counties of its area, its hearing locations. */
    record FieldOfficeDetail(String code, String name, String city, String state, String address, Double latitude,
            Double longitude, List<FieldOfficeArea> areas, List<HearingLocation> hearingLocations) {
    }

    @GetMapping
    List<FieldOfficeSummary> list() {
        return reference.fieldOfficeSummaries();
    }

    @GetMapping("/{code}")
    FieldOfficeDetail one(@PathVariable String code) {
        FieldOffice office = reference.fieldOffice(code).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, "No field office with code '" + code + "'"));
        return new FieldOfficeDetail(office.code(), office.name(), office.city(), office.state(), office.address(),
                office.latitude(), office.longitude(), reference.areasOf(office.code()),
                reference.hearingLocationsOf(office.code()));
    }
}
