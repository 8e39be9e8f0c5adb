package org.caseops.jurisdiction;

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
    ATL("Atlanta", "Atlanta", "Atlanta Field Office"),
    BAL("Baltimore", "Baltimore", "Baltimore Field Office"),
    BOS("Boston", "Boston", "Boston Field Office"),
    BUF("Buffalo", "Buffalo", "Buffalo Field Office"),
    CHI("Chicago", "Chicago", "Chicago Field Office"),
    DAL("Dallas", "Dallas", "Dallas Field Office"),
    DEN("Denver", "Denver", "Denver Field Office"),
    DET("Detroit", "Detroit", "Detroit Field Office"),
    ELP("El Paso", "El Paso", "El Paso Field Office"),
    HLG("Harlingen", "Harlingen", "Harlingen Field Office"),
    HOU("Houston", "Houston", "Houston Field Office"),
    LOS("Los Angeles", "Los Angeles", "Los Angeles Field Office"),
    MIA("Miami", "Miami", "Miramar Sub Office", "Miami Field Office"),
    NEW("Newark", "Newark", "Newark Field Office"),
    NOL("New Orleans", "New Orleans", "New Orleans Field Office"),
    NYC("New York City", "New York City", "New York City Field Office", "New York Field Office"),
    PHI("Philadelphia", "Philadelphia", "Philadelphia Field Office"),
    PHO("Phoenix", "Phoenix", "Phoenix Field Office"),
    SEA("Seattle", "Seattle", "Seattle Field Office"),
    SFR("San Francisco", "San Francisco", "San Francisco Field Office"),
    SLC("Salt Lake City", "Salt Lake City", "Salt Lake City Field Office"),
    SNA("San Antonio", "San Antonio", "San Antonio Field Office"),
    SND("San Diego", "San Diego", "San Diego Field Office"),
    SPM("St. Paul", "St Paul", "St. Paul Field Office"),
    WAS("Washington", "Washington", "Washington Field Office");

    private final String displayName;
    private final String aorFileName;
    private final List<String> officeNames;

    AreaOfResponsibility(String displayName, String aorFileName, String... officeNames) {
        this.displayName = displayName;
        this.aorFileName = aorFileName;
        this.officeNames = List.of(officeNames);
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
