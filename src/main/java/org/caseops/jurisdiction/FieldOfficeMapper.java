package org.caseops.jurisdiction;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Places EOIR base cities and hearing locations in a field office's area. Pure: no I/O.
 *
 * <p>The AOR file divides California, Texas and New York by county, but EOIR gives only city and ZIP. So, in order:
 * a state wholly inside one AOR decides; else a hand-curated override; else (a) an ERO office or sub-office in the same
 * city; else (b) the base city's field office when that office's area includes the state; else a logged fallback.
 * A code with no place at all (EOIR's current lookup gives only a name) takes an override or its base city's office,
 * else stays {@link MappingMethod#UNMAPPED}.
 */
final class FieldOfficeMapper {

    /** A field office and the rule that chose it. */
    record Mapped(String fieldOfficeCode, MappingMethod method, String detail) {
    }

    /** A hand-made decision, with the reason a reader needs to trust it. */
    record Override(String code, String fieldOfficeCode, String reason) {
    }

    private final Map<String, String> wholeStateOffice = new HashMap<>();
    private final Map<String, Set<String>> statesOfOffice = new HashMap<>();
    private final Map<String, Set<String>> officesOfState = new HashMap<>();
    private final Map<String, String> officeByCity;
    private final Map<String, Override> hearingLocationOverrides;
    private final Map<String, Override> baseCityOverrides;

    /**
     * @param officeByCity {@link #cityKey(String, String)} → field office code, from the ERO office list
     */
    FieldOfficeMapper(List<FieldOfficeArea> areas, Map<String, String> officeByCity,
            Map<String, Override> hearingLocationOverrides, Map<String, Override> baseCityOverrides) {
        Map<String, Set<String>> officesWholeState = new TreeMap<>();
        Set<String> splitStates = new HashSet<>();
        for (FieldOfficeArea area : areas) {
            statesOfOffice.computeIfAbsent(area.fieldOfficeCode(), k -> new TreeSet<>()).add(area.state());
            officesOfState.computeIfAbsent(area.state(), k -> new TreeSet<>()).add(area.fieldOfficeCode());
            if (area.county() == null) {
                officesWholeState.computeIfAbsent(area.state(), k -> new TreeSet<>()).add(area.fieldOfficeCode());
            } else {
                splitStates.add(area.state());
            }
        }
        officesWholeState.forEach((state, offices) -> {
            if (offices.size() == 1 && !splitStates.contains(state)) {
                wholeStateOffice.put(state, offices.iterator().next());
            }
        });
        this.officeByCity = officeByCity;
        this.hearingLocationOverrides = hearingLocationOverrides;
        this.baseCityOverrides = baseCityOverrides;
    }

    static String cityKey(String city, String state) {
        String c = city == null ? "" : city.trim().toUpperCase(Locale.ROOT).replace(".", "").replaceAll("\\s+", " ");
        c = c.replaceFirst("^SAINT ", "ST ").replaceFirst("^FORT ", "FT ");
        return c + "|" + (state == null ? "" : state.trim().toUpperCase(Locale.ROOT));
    }

    Mapped baseCity(String code, String city, String state) {
        return decide(code, city, state, baseCityOverrides, null);
    }

    Mapped hearingLocation(String code, String city, String state, Mapped baseCity) {
        return decide(code, city, state, hearingLocationOverrides, baseCity);
    }

    private Mapped decide(String code, String city, String state, Map<String, Override> overrides, Mapped baseCity) {
        String st = state == null ? "" : state.trim().toUpperCase(Locale.ROOT);
        if (st.isEmpty()) {
            // A code EOIR's current lookup lists without a place (a court newer than the 2014 tables): an override,
            // else its base city's office, else nothing: it is accepted and listed for an administrator to map.
            Override override = overrides.get(code);
            if (override != null) {
                return new Mapped(override.fieldOfficeCode(), MappingMethod.OVERRIDE, override.reason());
            }
            if (baseCity != null && baseCity.fieldOfficeCode() != null) {
                return new Mapped(baseCity.fieldOfficeCode(), MappingMethod.BASE_CITY,
                        "no place of its own known: the field office of its base city");
            }
            return new Mapped(null, MappingMethod.UNMAPPED, "no place known and no base city with a field office");
        }
        String whole = wholeStateOffice.get(st);
        if (whole != null) {
            return new Mapped(whole, MappingMethod.STATE, st + " lies wholly in the " + whole + " AOR");
        }
        Override override = overrides.get(code);
        if (override != null) {
            return new Mapped(override.fieldOfficeCode(), MappingMethod.OVERRIDE, override.reason());
        }
        String office = officeByCity.get(cityKey(city, st));
        if (office != null) {
            return new Mapped(office, MappingMethod.OFFICE_IN_CITY, "ERO office in " + city + ", " + st);
        }
        if (baseCity != null && baseCity.fieldOfficeCode() != null
                && statesOfOffice.getOrDefault(baseCity.fieldOfficeCode(), Set.of()).contains(st)) {
            return new Mapped(baseCity.fieldOfficeCode(), MappingMethod.BASE_CITY, "field office of its base city");
        }
        if (baseCity != null && baseCity.fieldOfficeCode() != null) {
            return new Mapped(baseCity.fieldOfficeCode(), MappingMethod.FALLBACK,
                    "base city's field office, whose area does not include " + st);
        }
        Optional<String> first = officesOfState.getOrDefault(st, Set.of()).stream().findFirst();
        return new Mapped(first.orElse(null), MappingMethod.FALLBACK,
                first.isPresent() ? "first AOR that covers part of " + st : "no AOR covers " + st);
    }

    /** Whether an override names a field office whose area does not even include the place's state (a typo). */
    boolean covers(String fieldOfficeCode, String state) {
        return statesOfOffice.getOrDefault(Objects.requireNonNull(fieldOfficeCode), Set.of()).contains(state);
    }
}
