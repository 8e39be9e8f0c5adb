package org.caseops.operation.schedule;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Splits an operation's planning problem into its field offices. Nothing of one office's score depends on another's
 * visits: a visit's teams and sites are those of its office (its value ranges), and every constraint looks at one
 * visit or groups visits by team, by site and hour, or by office and day. So the parts can be solved one by one and
 * the sum of their scores is the operation's.
 */
final class Partitions {

    private Partitions() {
    }

    /**
     * One {@link Schedule} per field office with units: the office's visits (the same objects as {@code problem}'s,
     * so what is assigned in a part is assigned in the whole), the teams and sites of its visits' ranges, all the
     * slots, the same weights. Largest first; of equal size, by office code.
     */
    static List<Schedule> byFieldOffice(Schedule problem) {
        Map<String, List<Visit>> byOffice = new LinkedHashMap<>();
        for (Visit v : problem.visits()) {
            byOffice.computeIfAbsent(v.office(), o -> new ArrayList<>()).add(v);
        }
        List<Schedule> parts = new ArrayList<>(byOffice.size());
        byOffice.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, List<Visit>> e) -> -e.getValue().size())
                        .thenComparing(Map.Entry::getKey))
                .forEach(e -> {
                    List<Visit> visits = e.getValue();
                    Set<Object> inRange = Collections.newSetFromMap(new IdentityHashMap<>());
                    for (Visit v : visits) {
                        inRange.addAll(v.teamRange());
                        inRange.addAll(v.siteRange());
                    }
                    List<TeamFact> teams = problem.teams().stream().filter(inRange::contains).toList();
                    List<SiteFact> sites = problem.sites().stream().filter(inRange::contains).toList();
                    parts.add(new Schedule(problem.slots(), teams, sites, visits, problem.constraintWeightOverrides()));
                });
        return parts;
    }
}
