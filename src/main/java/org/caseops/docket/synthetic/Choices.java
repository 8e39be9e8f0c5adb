package org.caseops.docket.synthetic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caseops.docket.synthetic.EoirReference.BaseCity;
import org.caseops.docket.synthetic.EoirReference.HearingLocation;

/** Choices both scenarios share: courts and hearing locations, nationalities and the languages spoken. */
final class Choices {

    private Choices() {
    }

    /** Active hearing locations of a base city; with {@code inCourtCity}, those in the court's own city first. */
    static List<HearingLocation> activeLocations(EoirReference ref, String baseCity, boolean inCourtCity) {
        BaseCity court = ref.baseCities.get(baseCity);
        List<HearingLocation> all = new ArrayList<>();
        List<HearingLocation> local = new ArrayList<>();
        for (HearingLocation location : ref.hearingLocations) {
            if (location.active() && location.baseCity().equals(baseCity)) {
                all.add(location);
                if (court != null && location.city().equalsIgnoreCase(court.city())) {
                    local.add(location);
                }
            }
        }
        return inCourtCity && !local.isEmpty() ? local : all;
    }

    /** Every active hearing location whose base city is a known court. */
    static List<HearingLocation> allActiveLocations(EoirReference ref) {
        return ref.hearingLocations.stream()
                .filter(l -> l.active() && ref.baseCities.containsKey(l.baseCity())).toList();
    }

    static Map<String, Weighted<String>> languagesByNationality(EoirReference ref) {
        Map<String, Map<String, Integer>> spoken = new LinkedHashMap<>();
        spoken.put("GT", Map.of("SP", 62, "QUI", 14, "MAM", 12, "KNJ", 5, "QAC", 3, "IXL", 2, "CHU", 2));
        spoken.put("HO", Map.of("SP", 96, "CAB", 4));
        spoken.put("MX", Map.of("SP", 92, "MIX", 5, "ZAP", 3));
        spoken.put("CH", Map.of("MAN", 60, "FUK", 25, "CAN", 15));
        spoken.put("IN", Map.of("PUN", 60, "HIN", 40));
        spoken.put("HA", Map.of("CRE", 100));
        spoken.put("BR", Map.of("POR", 100));
        spoken.put("RP", Map.of("TAG", 100));
        spoken.put("JM", Map.of("ENG", 100));
        spoken.put("NI", Map.of("ENG", 100));
        spoken.put("PK", Map.of("UR", 100));
        spoken.put("VM", Map.of("VIE", 100));
        spoken.put("RU", Map.of("RUS", 100));
        spoken.put("UE", Map.of("UK", 70, "RUS", 30));
        for (String spanish : List.of("ES", "CU", "DR", "EC", "CO", "VE", "NU", "PE")) {
            spoken.put(spanish, Map.of("SP", 100));
        }
        Set<String> languages = ref.lookup("tblLanguage");
        Map<String, Weighted<String>> result = new LinkedHashMap<>();
        spoken.forEach((nationality, weights) -> {
            if (!ref.nationalities.contains(nationality)) {
                throw new IllegalStateException("Not an EOIR nationality code: " + nationality);
            }
            Map<String, Integer> sorted = new java.util.TreeMap<>(weights);
            sorted.keySet().forEach(code -> {
                if (!languages.contains(code)) {
                    throw new IllegalStateException("Not an EOIR language code: " + code);
                }
            });
            result.put(nationality, new Weighted<>(sorted));
        });
        return result;
    }

    static <T> Map<T, Integer> weights(Object... pairs) {
        Map<T, Integer> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            @SuppressWarnings("unchecked")
            T key = (T) pairs[i];
            map.put(key, (Integer) pairs[i + 1]);
        }
        return map;
    }
}
