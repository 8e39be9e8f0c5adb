package org.caseops.jurisdiction;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The 25 ERO field offices (areas of responsibility) with ICE's three-letter codes.
 *
 * <p>The source files name them differently: {@code ice-areas-of-responsibility.csv} says "St Paul", the office list
 * says "St. Paul Field Office", "New York Field Office" and (for Miami, whose main ERO office is in Miramar)
 * "Miramar Sub Office". Each constant holds every name it goes by.
 */
public enum AreaOfResponsibility {
    ATL("Atlanta", "Atlanta", "America/New_York", "Atlanta Field Office"),
    BAL("Baltimore", "Baltimore", "America/New_York", "Baltimore Field Office"),
    BOS("Boston", "Boston", "America/New_York", "Boston Field Office"),
    BUF("Buffalo", "Buffalo", "America/New_York", "Buffalo Field Office"),
    CHI("Chicago", "Chicago", "America/Chicago", "Chicago Field Office"),
    DAL("Dallas", "Dallas", "America/Chicago", "Dallas Field Office"),
    DEN("Denver", "Denver", "America/Denver", "Denver Field Office"),
    DET("Detroit", "Detroit", "America/New_York", "Detroit Field Office"),
    ELP("El Paso", "El Paso", "America/Denver", "El Paso Field Office"),
    HLG("Harlingen", "Harlingen", "America/Chicago", "Harlingen Field Office"),
    HOU("Houston", "Houston", "America/Chicago", "Houston Field Office"),
    LOS("Los Angeles", "Los Angeles", "America/Los_Angeles", "Los Angeles Field Office"),
    MIA("Miami", "Miami", "America/New_York", "Miramar Sub Office", "Miami Field Office"),
    NEW("Newark", "Newark", "America/New_York", "Newark Field Office"),
    NOL("New Orleans", "New Orleans", "America/Chicago", "New Orleans Field Office"),
    NYC("New York City", "New York City", "America/New_York", "New York City Field Office", "New York Field Office"),
    PHI("Philadelphia", "Philadelphia", "America/New_York", "Philadelphia Field Office"),
    PHO("Phoenix", "Phoenix", "America/Phoenix", "Phoenix Field Office"),
    SEA("Seattle", "Seattle", "America/Los_Angeles", "Seattle Field Office"),
    SFR("San Francisco", "San Francisco", "America/Los_Angeles", "San Francisco Field Office"),
    SLC("Salt Lake City", "Salt Lake City", "America/Denver", "Salt Lake City Field Office"),
    SNA("San Antonio", "San Antonio", "America/Chicago", "San Antonio Field Office"),
    SND("San Diego", "San Diego", "America/Los_Angeles", "San Diego Field Office"),
    SPM("St. Paul", "St Paul", "America/Chicago", "St. Paul Field Office"),
    WAS("Washington", "Washington", "America/New_York", "Washington Field Office");

    private final String displayName;
    private final String aorFileName;
    private final ZoneId timeZone;
    private final List<String> officeNames;

    AreaOfResponsibility(String displayName, String aorFileName, String timeZone, String... officeNames) {
        this.displayName = displayName;
        this.aorFileName = aorFileName;
        this.timeZone = ZoneId.of(timeZone);
        this.officeNames = List.of(officeNames);
    }

    /**
     * The time zone of the field office's main ERO office (its city in {@code noccc-ice-offices.csv}): the zone a
     * time its officers type is read in unless they choose another (an area can reach across zones: San Francisco's
     * from Hawaii to Guam, Chicago's and Detroit's across Central and Eastern).
     */
    public ZoneId timeZone() {
        return timeZone;
    }

    /** The time zone of the field office with this code ({@link #timeZone()}), when it is one of the 25. */
    public static Optional<ZoneId> timeZoneOf(String code) {
        return Arrays.stream(values()).filter(a -> a.name().equals(code)).findFirst()
                .map(AreaOfResponsibility::timeZone);
    }

    public String code() {
        return name();
    }

    public String displayName() {
        return displayName;
    }

    /** The ERO office names (main office first) in {@code noccc-ice-offices.csv} that belong to this AOR. */
    List<String> officeNames() {
        return officeNames;
    }

    /** By the {@code office_name} column of {@code ice-areas-of-responsibility.csv}. */
    static Optional<AreaOfResponsibility> byAorFileName(String name) {
        String key = normalize(name);
        return Arrays.stream(values()).filter(a -> normalize(a.aorFileName).equals(key)).findFirst();
    }

    /** By an ERO office name ({@code office_name} of a main office, {@code field_office_name} of a sub-office). */
    static Optional<AreaOfResponsibility> byOfficeName(String name) {
        String key = normalize(name);
        return Arrays.stream(values())
                .filter(a -> a.officeNames.stream().anyMatch(n -> normalize(n).equals(key)))
                .findFirst();
    }

    static Optional<AreaOfResponsibility> byCode(String code) {
        return Arrays.stream(values()).filter(a -> a.name().equalsIgnoreCase(code.trim())).findFirst();
    }

    private static String normalize(String s) {
        return s == null ? "" : s.trim().toUpperCase(Locale.ROOT).replace(".", "");
    }
}
