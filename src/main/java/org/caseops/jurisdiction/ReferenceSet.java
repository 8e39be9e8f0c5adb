package org.caseops.jurisdiction;

import java.util.List;
import java.util.Map;

/** Everything the shipped reference files say, as rows ready for the database. */
record ReferenceSet(
        List<FieldOffice> fieldOffices,
        List<FieldOfficeArea> areas,
        List<BaseCity> baseCities,
        List<HearingLocation> hearingLocations,
        List<EoirCode> eoirCodes,
        List<DecisionCode> decisionCodes,
        List<String> warnings) {

    record EoirCode(String codeTable, String code, String description) {
    }

    record DecisionCode(String caseType, String decCode, String decType, String description) {
    }

    Map<MappingMethod, Long> hearingLocationMethods() {
        return countMethods(hearingLocations.stream().map(HearingLocation::fieldOfficeMethod).toList());
    }

    Map<MappingMethod, Long> baseCityMethods() {
        return countMethods(baseCities.stream().map(BaseCity::fieldOfficeMethod).toList());
    }

    private static Map<MappingMethod, Long> countMethods(List<String> methods) {
        var counts = new java.util.EnumMap<MappingMethod, Long>(MappingMethod.class);
        for (String m : methods) {
            counts.merge(MappingMethod.valueOf(m.toUpperCase(java.util.Locale.ROOT)), 1L, Long::sum);
        }
        return counts;
    }
}
