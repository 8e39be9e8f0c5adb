package org.caseops.jurisdiction;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Full state and territory names (as in the AOR file) to the USPS codes EOIR uses. */
final class UsStates {

    private static final Map<String, String> CODE_BY_NAME = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    static {
        String[][] pairs = {
            {"Alabama", "AL"}, {"Alaska", "AK"}, {"Arizona", "AZ"}, {"Arkansas", "AR"}, {"California", "CA"},
            {"Colorado", "CO"}, {"Connecticut", "CT"}, {"Delaware", "DE"}, {"District of Columbia", "DC"},
            {"Florida", "FL"}, {"Georgia", "GA"}, {"Hawaii", "HI"}, {"Idaho", "ID"}, {"Illinois", "IL"},
            {"Indiana", "IN"}, {"Iowa", "IA"}, {"Kansas", "KS"}, {"Kentucky", "KY"}, {"Louisiana", "LA"},
            {"Maine", "ME"}, {"Maryland", "MD"}, {"Massachusetts", "MA"}, {"Michigan", "MI"}, {"Minnesota", "MN"},
            {"Mississippi", "MS"}, {"Missouri", "MO"}, {"Montana", "MT"}, {"Nebraska", "NE"}, {"Nevada", "NV"},
            {"New Hampshire", "NH"}, {"New Jersey", "NJ"}, {"New Mexico", "NM"}, {"New York", "NY"},
            {"North Carolina", "NC"}, {"North Dakota", "ND"}, {"Ohio", "OH"}, {"Oklahoma", "OK"}, {"Oregon", "OR"},
            {"Pennsylvania", "PA"}, {"Rhode Island", "RI"}, {"South Carolina", "SC"}, {"South Dakota", "SD"},
            {"Tennessee", "TN"}, {"Texas", "TX"}, {"Utah", "UT"}, {"Vermont", "VT"}, {"Virginia", "VA"},
            {"Washington", "WA"}, {"West Virginia", "WV"}, {"Wisconsin", "WI"}, {"Wyoming", "WY"},
            {"Puerto Rico", "PR"}, {"United States Virgin Islands", "VI"}, {"Guam", "GU"},
            {"Commonwealth of the Northern Mariana Islands", "MP"}, {"American Samoa", "AS"},
        };
        for (String[] pair : pairs) {
            CODE_BY_NAME.put(pair[0], pair[1]);
        }
    }

    private UsStates() {
    }

    static Optional<String> code(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String trimmed = name.trim();
        if (trimmed.length() == 2 && CODE_BY_NAME.containsValue(trimmed.toUpperCase(Locale.ROOT))) {
            return Optional.of(trimmed.toUpperCase(Locale.ROOT));
        }
        return Optional.ofNullable(CODE_BY_NAME.get(trimmed));
    }
}
