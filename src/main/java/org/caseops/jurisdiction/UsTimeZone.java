package org.caseops.jurisdiction;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;
import org.caseops.system.BadInput;

/**
 * The time zones of the United States as the INA defines it (8 U.S.C. 1101(a)(38)), west to east, as a form offers
 * them to an officer typing a local time: each with a zone id the time is read in and the name people know it by.
 */
public enum UsTimeZone {
    HAWAII("Pacific/Honolulu", "Hawaii"),
    ALASKA("America/Anchorage", "Alaska"),
    PACIFIC("America/Los_Angeles", "Pacific"),
    ARIZONA("America/Phoenix", "Arizona (Mountain, no daylight saving time)"),
    MOUNTAIN("America/Denver", "Mountain"),
    CENTRAL("America/Chicago", "Central"),
    EASTERN("America/New_York", "Eastern"),
    ATLANTIC("America/Puerto_Rico", "Atlantic (Puerto Rico, U.S. Virgin Islands)"),
    CHAMORRO("Pacific/Guam", "Chamorro (Guam, Northern Mariana Islands)");

    private final ZoneId zone;
    private final String label;

    UsTimeZone(String zone, String label) {
        this.zone = ZoneId.of(zone);
        this.label = label;
    }

    public ZoneId zone() {
        return zone;
    }

    public String id() {
        return zone.getId();
    }

    public String label() {
        return label;
    }

    /**
     * A local time typed in a form ({@code yyyy-MM-ddTHH:mm}, as a {@code datetime-local} field sends it) read in
     * this zone: a time that does not exist here (the hour the clocks skip when daylight saving time starts) is a 400
     * naming {@code field}; one that happens twice (the hour repeated when it ends) is the earlier.
     */
    public Instant read(String field, String typed) {
        LocalDateTime local;
        try {
            local = LocalDateTime.parse(typed.trim());
        } catch (DateTimeParseException e) {
            throw new BadInput(field, "'" + typed + "' is not a time (yyyy-MM-ddTHH:mm, local time)");
        }
        if (zone.getRules().getValidOffsets(local).isEmpty()) {
            throw new BadInput(field, local.toString().replace('T', ' ') + " does not exist in the " + label
                    + " time zone (the clocks moved forward): check the time");
        }
        return local.atZone(zone).toInstant();
    }

    /** By its zone id ({@code America/Chicago}); empty for any other zone. */
    public static Optional<UsTimeZone> of(String zoneId) {
        return Arrays.stream(values()).filter(z -> z.id().equals(zoneId)).findFirst();
    }

    /** The zone of a field office's main ERO office; Eastern for an office that is not one of the 25. */
    public static UsTimeZone ofFieldOffice(String code) {
        return AreaOfResponsibility.timeZoneOf(code).flatMap(z -> of(z.getId())).orElse(EASTERN);
    }
}
