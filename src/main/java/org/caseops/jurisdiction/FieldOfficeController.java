package org.caseops.jurisdiction;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.caseops.access.Allow;
import org.caseops.access.Role;
import org.caseops.access.WorkingDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** ERO field offices with the hearing locations and counties in their areas. */
@RestController
@RequestMapping("/api/field-offices")
@Allow({Role.OFFICER, Role.SUPERVISOR, Role.ATTORNEY, Role.DIRECTOR, Role.AUDITOR, Role.PARTNER, Role.ADMIN})
class FieldOfficeController {

    private final ReferenceData reference;
    private final CooperationPolicies policies;
    private final WorkingDate workingDate;

    FieldOfficeController(ReferenceData reference, CooperationPolicies policies, WorkingDate workingDate) {
        this.reference = reference;
        this.policies = policies;
        this.workingDate = workingDate;
    }

    /** One field office in full: its main office, the states and counties of its area, its hearing locations. */
    record FieldOfficeDetail(String code, String name, String city, String state, String address, Double latitude,
            Double longitude, List<FieldOfficeArea> areas, List<HearingLocation> hearingLocations,
            List<CooperationPolicies.Policy> cooperationPolicies) {
    }

    @GetMapping
    List<FieldOfficeSummary> list() {
        return reference.fieldOfficeSummaries();
    }

    @GetMapping("/{code}")
    FieldOfficeDetail one(@PathVariable String code) {
        FieldOffice office = office(code);
        return new FieldOfficeDetail(office.code(), office.name(), office.city(), office.state(), office.address(),
                office.latitude(), office.longitude(), reference.areasOf(office.code()),
                reference.hearingLocationsOf(office.code()), policies.inForce(office.code(), workingDate.today()));
    }

    /** The local cooperation policy of each jurisdiction in the area: in force on {@code asOf}, or all of it. */
    @GetMapping("/{code}/cooperation-policies")
    List<CooperationPolicies.Policy> policies(@PathVariable String code,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(defaultValue = "false") boolean history) {
        FieldOffice office = office(code);
        return history ? policies.history(office.code())
                : policies.inForce(office.code(), asOf == null ? workingDate.today() : asOf);
    }

    /** Records a jurisdiction's policy (a new entry; earlier ones stay as history). Admin, or the office's director. */
    @Allow({Role.ADMIN, Role.DIRECTOR})
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/{code}/cooperation-policies")
    ResponseEntity<CooperationPolicies.Policy> recordPolicy(@PathVariable String code,
            @RequestBody CooperationPolicies.NewPolicy request) {
        FieldOffice office = office(code);
        CooperationPolicies.Policy policy = policies.recordAudited(office.code(), request);
        return ResponseEntity.created(URI.create("/api/field-offices/" + office.code() + "/cooperation-policies"))
                .body(policy);
    }

    private FieldOffice office(String code) {
        return reference.fieldOffice(code).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, "No field office with code '" + code + "'"));
    }
}
