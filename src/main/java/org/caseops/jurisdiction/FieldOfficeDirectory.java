package org.caseops.jurisdiction;

import java.util.List;
import org.caseops.access.OfficeDirectory;
import org.springframework.stereotype.Component;

/** The field offices of the reference data, for the administration pages of {@code access}. */
@Component
class FieldOfficeDirectory implements OfficeDirectory {

    private final ReferenceData reference;

    FieldOfficeDirectory(ReferenceData reference) {
        this.reference = reference;
    }

    @Override
    public List<Office> offices() {
        return reference.fieldOffices().stream().map(o -> new Office(o.code(), o.name())).toList();
    }
}
