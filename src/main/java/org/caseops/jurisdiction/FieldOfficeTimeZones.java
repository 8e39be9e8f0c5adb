package org.caseops.jurisdiction;

import java.time.ZoneId;
import java.util.Optional;
import org.caseops.access.OfficeTimeZones;
import org.springframework.stereotype.Component;

/** Each field office's time zone: its main ERO office's ({@link AreaOfResponsibility#timeZone()}). */
@Component
class FieldOfficeTimeZones implements OfficeTimeZones {

    @Override
    public Optional<ZoneId> of(String fieldOfficeCode) {
        return AreaOfResponsibility.timeZoneOf(fieldOfficeCode);
    }
}
