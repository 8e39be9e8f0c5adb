package org.caseops.docket.synthetic;

import static org.caseops.docket.synthetic.CaseFactory.between;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.caseops.docket.synthetic.EoirReference.HearingLocation;
import org.caseops.docket.synthetic.FamilyScenarioSupport.FamilyPlan;

/**
 * A national docket of any size, streamed: each family is written and forgotten, so memory does not grow with the
 * number of cases. Case types, sex, custody, priorities, juvenile codes and the share of severed riders follow EOIR's
 * own value frequencies.
 */
final class National {

    private National() {
    }

    static void write(DocketOutput out, long seed, long cases) {
        EoirReference ref = EoirReference.load();
        SplittableRandom rnd = new SplittableRandom(seed);
        Pools pools = new Pools(seed);
        Pools.AlienNumbers aNumbers = new Pools.AlienNumbers(seed);

        List<String> courtCodes = new ArrayList<>();
        Map<String, Integer> courtWeights = new LinkedHashMap<>();
        Map<String, List<HearingLocation>> locations = new LinkedHashMap<>();
        for (String court : ref.baseCities.keySet()) {
            List<HearingLocation> active = Choices.activeLocations(ref, court, false);
            if (!active.isEmpty()) {
                courtCodes.add(court);
                courtWeights.put(court, active.size());
                locations.put(court, active);
            }
        }
        Weighted<String> courts = new Weighted<>(courtWeights);
        Weighted<String> nationalities = new Weighted<>(Choices.weights("MX", 300, "GT", 120, "HO", 110, "ES", 120,
                "CH", 50, "IN", 30, "CU", 30, "HA", 20, "DR", 20, "EC", 30, "CO", 20, "BR", 20, "VE", 20, "NU", 20,
                "RP", 10, "JM", 10, "PK", 10, "VM", 10, "RU", 5, "UE", 5, "PE", 10, "NI", 5));
        Map<String, Weighted<String>> languages = Choices.languagesByNationality(ref);
        Set<String> caseTypeCodes = ref.lookup("tblLookupCaseType");
        Weighted<String> caseTypes = new Weighted<>(ref.frequencies("A_TblCase.CASE_TYPE", caseTypeCodes));
        Weighted<String> sexes = new Weighted<>(ref.frequencies("A_TblCase.Sex", ref.lookup("tblLookupSex")));
        Weighted<String> custodies = new Weighted<>(ref.frequencies("A_TblCase.CUSTODY",
                ref.lookup("tblLookupCustodyStatus")));
        Weighted<String> priorities = new Weighted<>(ref.frequencies("A_TblCase.CASEPRIORITY_CODE",
                ref.lookup("tblLookup_CasePriority")));
        Weighted<String> juvenileCodes = new Weighted<>(ref.frequencies("tbl_JuvenileHistory.idnJuvenile",
                Set.of("1", "2", "3", "4", "5", "6")));
        Map<String, Long> activeRiders = ref.frequencies("tbl_Lead_Rider.blnActive", Set.of("0", "1"));
        double severedShare = activeRiders.get("0") / (double) (activeRiders.get("0") + activeRiders.get("1"));
        // Removal cases: shares chosen so DEC_CODE comes out near EOIR's (X about half, then R, V, T, pending).
        Weighted<CaseKind> removalKinds = new Weighted<>(Choices.weights(
                CaseKind.IN_ABSENTIA_REMOVAL, 220, CaseKind.REMOVAL_APPEAL_WAIVED, 140,
                CaseKind.REMOVAL_APPEAL_DISMISSED, 50, CaseKind.APPEAL_PENDING, 20, CaseKind.APPEAL_WINDOW_OPEN, 3,
                CaseKind.MOTION_TO_REOPEN_PENDING, 10, CaseKind.MOTION_TO_REOPEN_GRANTED, 20,
                CaseKind.MOTION_DENIED, 20, CaseKind.STAY_GRANTED, 3, CaseKind.VOLUNTARY_DEPARTURE_RUNNING, 2,
                CaseKind.VOLUNTARY_DEPARTURE_OVERSTAYED, 90, CaseKind.TERMINATED, 90, CaseKind.RELIEF_GRANTED, 100,
                CaseKind.PENDING, 200, CaseKind.NEWER_PROCEEDING_PENDING, 30, CaseKind.CITIZENSHIP_CLAIM_OPEN, 2));
        Weighted<Integer> riderCounts = new Weighted<>(Choices.weights(1, 40, 2, 35, 3, 25));

        Representation representation = Representation.national(seed);
        CaseFactory factory = new CaseFactory(out, representation, Choices.allActiveLocations(ref),
                Days.of(2008, 1, 1), Days.of(2019, 4, 30), 3000, 0.35, 0.12, 0.077);
        FamilyScenarioSupport families = new FamilyScenarioSupport(out, factory, representation, pools, aNumbers,
                removalKinds, severedShare, 0.10, 0.02);

        long written = 0;
        FamilyPlan plan = new FamilyPlan();
        while (written < cases) {
            String court = courts.pick(rnd);
            List<HearingLocation> here = locations.get(court);
            plan.court = ref.baseCities.get(court);
            plan.location = here.get(rnd.nextInt(here.size()));
            plan.nationality = nationalities.pick(rnd);
            plan.language = languages.get(plan.nationality).pick(rnd);
            plan.caseType = caseTypes.pick(rnd);
            plan.leadKind = "RMV".equals(plan.caseType) ? removalKinds.pick(rnd) : CaseKind.PENDING;
            plan.custody = custodies.pick(rnd);
            plan.priority = rnd.nextInt(100) < 3 ? priorities.pick(rnd) : "";
            plan.childJuvenileCode = Integer.parseInt(juvenileCodes.pick(rnd));
            long remaining = cases - written - 1;
            int riders = rnd.nextInt(1000) < 125 ? riderCounts.pick(rnd) : 0;
            riders = (int) Math.min(riders, remaining);
            plan.spouse = riders > 0 && rnd.nextInt(100) < 25;
            plan.children = riders - (plan.spouse ? 1 : 0);
            plan.usCitizenChildren = rnd.nextInt(100) < 3 ? between(rnd, 1, 3) : 0;
            plan.lprParent = rnd.nextInt(1000) < 2;
            written += families.writeFamily(plan, rnd, sexes.pick(rnd).charAt(0));
        }
    }
}
