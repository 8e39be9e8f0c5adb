package org.caseops.docket.synthetic;

import static org.caseops.docket.synthetic.CaseFactory.between;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.caseops.docket.synthetic.EoirReference.HearingLocation;
import org.caseops.docket.synthetic.FamilyScenarioSupport.FamilyPlan;

/**
 * The June 2019 family operation: about 2,040 family members with their own cases (leads and riders) in the courts of
 * ten cities, most with in-absentia removal orders from the family docket (June 2018 to April 2019).
 */
final class FamilyOp2019 {

    static final int TARGET_MEMBERS = 2040;
    /**
     * The share of family leads with an in-absentia order who had counsel before it: about 150 families, those the
     * acting DHS secretary proposed in 2019 to narrow the operation to (represented, then ordered removed in
     * absentia).
     */
    static final double REPRESENTED_IN_ABSENTIA_LEADS = 0.205;
    static final List<String> COURTS = List.of("ATL", "BAL", "CHI", "DEN", "HOU", "LOS", "MIA", "NOL", "NYC", "SFR");

    private FamilyOp2019() {
    }

    static void write(DocketOutput out, long seed) {
        EoirReference ref = EoirReference.load();
        SplittableRandom rnd = new SplittableRandom(seed);
        Pools pools = new Pools(seed);
        Pools.AlienNumbers aNumbers = new Pools.AlienNumbers(seed);

        Map<String, Integer> courtWeights = Choices.weights("ATL", 8, "BAL", 6, "CHI", 12, "DEN", 6, "HOU", 14,
                "LOS", 14, "MIA", 12, "NOL", 6, "NYC", 14, "SFR", 8);
        Weighted<String> courts = new Weighted<>(courtWeights);
        Map<String, List<HearingLocation>> locations = new LinkedHashMap<>();
        for (String court : COURTS) {
            List<HearingLocation> active = Choices.activeLocations(ref, court, true);
            if (active.isEmpty() || !ref.baseCities.containsKey(court)) {
                throw new IllegalStateException("No active hearing location for court " + court);
            }
            locations.put(court, active);
        }
        Weighted<String> nationalities = new Weighted<>(Choices.weights("GT", 36, "HO", 34, "ES", 18, "MX", 7,
                "EC", 3, "NU", 2));
        Map<String, Weighted<String>> languages = Choices.languagesByNationality(ref);
        Map<CaseKind, Integer> rest = Choices.weights(
                CaseKind.REMOVAL_APPEAL_WAIVED, 20, CaseKind.REMOVAL_APPEAL_DISMISSED, 15,
                CaseKind.APPEAL_PENDING, 12, CaseKind.APPEAL_WINDOW_OPEN, 6, CaseKind.MOTION_TO_REOPEN_PENDING, 20,
                CaseKind.MOTION_TO_REOPEN_GRANTED, 10, CaseKind.MOTION_DENIED, 10, CaseKind.STAY_GRANTED, 8,
                CaseKind.VOLUNTARY_DEPARTURE_RUNNING, 5, CaseKind.VOLUNTARY_DEPARTURE_OVERSTAYED, 5,
                CaseKind.TERMINATED, 8, CaseKind.RELIEF_GRANTED, 5, CaseKind.PENDING, 10,
                CaseKind.NEWER_PROCEEDING_PENDING, 10, CaseKind.CITIZENSHIP_CLAIM_OPEN, 6);
        Map<CaseKind, Integer> all = new LinkedHashMap<>();
        all.put(CaseKind.IN_ABSENTIA_REMOVAL, 150 * 85 / 15);
        all.putAll(rest);
        Weighted<CaseKind> leadKinds = new Weighted<>(all);
        Weighted<Integer> childCounts = new Weighted<>(Choices.weights(0, 12, 1, 45, 2, 28, 3, 12, 4, 3));

        Representation representation = Representation.familyOp2019(seed, REPRESENTED_IN_ABSENTIA_LEADS);
        CaseFactory factory = new CaseFactory(out, representation, Choices.allActiveLocations(ref),
                Days.of(2018, 6, 1), Days.of(2019, 4, 30), 45, 0.35, 0.05, 0.01);
        FamilyScenarioSupport families = new FamilyScenarioSupport(out, factory, representation, pools, aNumbers,
                leadKinds, 0.06, 0.06, 0.5);

        int written = 0;
        FamilyPlan plan = new FamilyPlan();
        while (written < TARGET_MEMBERS) {
            String court = courts.pick(rnd);
            List<HearingLocation> here = locations.get(court);
            plan.court = ref.baseCities.get(court);
            plan.location = here.get(rnd.nextInt(here.size()));
            plan.nationality = nationalities.pick(rnd);
            plan.language = languages.get(plan.nationality).pick(rnd);
            plan.leadKind = leadKinds.pick(rnd);
            boolean detained = rnd.nextInt(100) < 6;
            plan.priority = detained ? "AWC/D" : "AWC/ATD";
            plan.custody = detained ? "D" : (rnd.nextInt(100) < 62 ? "R" : "N");
            plan.childJuvenileCode = 6; // tblLookup_Juvenile row 6: AJ, accompanied juvenile
            int remaining = TARGET_MEMBERS - written - 1;
            plan.spouse = remaining > 0 && rnd.nextInt(100) < 18;
            plan.children = Math.min(childCounts.pick(rnd), remaining - (plan.spouse ? 1 : 0));
            plan.usCitizenChildren = rnd.nextInt(100) < 12 ? between(rnd, 1, 2) : 0;
            plan.lprParent = rnd.nextInt(1000) < 15;
            written += families.writeFamily(plan, rnd, rnd.nextInt(100) < 72 ? 'F' : 'M');
        }
    }
}
