package org.caseops.docket.synthetic;

import static org.caseops.docket.synthetic.CaseFactory.between;
import static org.caseops.docket.synthetic.Days.AS_OF;
import static org.caseops.docket.synthetic.Days.NONE;

import java.util.SplittableRandom;
import org.caseops.docket.synthetic.CaseFactory.CaseSpec;
import org.caseops.docket.synthetic.Person.Address;
import org.caseops.docket.synthetic.Person.Relationship;

/** Writes a family unit: the lead case, its riders (each its own case) and household members without a case. */
final class FamilyScenarioSupport {

    /** How one family is made up; the scenario fills it, {@link #writeFamily} writes it. */
    static final class FamilyPlan {
        CaseKind leadKind;
        boolean spouse;
        int children;
        int usCitizenChildren;
        boolean lprParent;
        String nationality;
        String language;
        String custody;
        String priority;
        EoirReference.HearingLocation location;
        EoirReference.BaseCity court;
        int childJuvenileCode;
        String caseType = "RMV";
    }

    private final DocketOutput out;
    private final CaseFactory factory;
    private final Representation representation;
    private final Pools pools;
    private final Pools.AlienNumbers aNumbers;
    private final Weighted<CaseKind> independentKinds;
    private final double severedShare;
    private final double ownKindShare;
    private final double lprShareOfUnorderedAdults;
    private final CaseSpec spec = new CaseSpec();
    private final Person household = new Person();

    FamilyScenarioSupport(DocketOutput out, CaseFactory factory, Representation representation, Pools pools,
            Pools.AlienNumbers aNumbers, Weighted<CaseKind> independentKinds, double severedShare, double ownKindShare,
            double lprShareOfUnorderedAdults) {
        this.out = out;
        this.factory = factory;
        this.representation = representation;
        this.pools = pools;
        this.aNumbers = aNumbers;
        this.independentKinds = independentKinds;
        this.severedShare = severedShare;
        this.ownKindShare = ownKindShare;
        this.lprShareOfUnorderedAdults = lprShareOfUnorderedAdults;
    }

    /** Writes the family; returns the number of cases written. */
    int writeFamily(FamilyPlan plan, SplittableRandom rnd, char leadSex) {
        String familyName = pools.familyName(rnd);
        Address address = new Address(pools.addressLine(rnd), plan.court.city(), plan.court.state(),
                Pools.zipNear(rnd, plan.court.zip()));
        long dateSeed = rnd.nextLong();

        int leadBirth = AS_OF - between(rnd, 19 * 365, 50 * 365);
        prepare(plan, plan.leadKind, leadSex, leadBirth, familyName, Relationship.LEAD, address, NONE, rnd);
        spec.juvenileCode = 0;
        spec.leadsFamily = true;
        long leadCounselSeed = representation.seedFor(spec.person.idnCase);
        Counsel leadCounsel = representation.decide(plan.leadKind, true, leadCounselSeed);
        spec.counselSeed = leadCounselSeed;
        spec.counsel = leadCounsel;
        if (!plan.leadKind.hasRemovalOrder() && rnd.nextDouble() < lprShareOfUnorderedAdults) {
            spec.person.lpr = true;
        }
        CaseFactory.Written lead = factory.write(spec, rnd, new SplittableRandom(dateSeed));
        long leadCase = lead.idnCase;
        int leadOsc = lead.osc;
        int leadEntry = lead.entry;
        int addressAsOf = spec.person.addressAsOf;
        int cases = 1;

        CaseKind inherited = plan.leadKind == CaseKind.CITIZENSHIP_CLAIM_OPEN ? CaseKind.IN_ABSENTIA_REMOVAL
                : plan.leadKind;
        int riders = (plan.spouse ? 1 : 0) + plan.children;
        int activeRiders = 0;
        int severedRiders = 0;
        for (int r = 0; r < riders; r++) {
            boolean isSpouse = plan.spouse && r == 0;
            boolean severed = rnd.nextDouble() < severedShare;
            boolean ownKind = severed || rnd.nextDouble() < ownKindShare;
            CaseKind kind = ownKind ? independentKinds.pick(rnd) : inherited;
            if (!isSpouse && (kind == CaseKind.NEWER_PROCEEDING_PENDING
                    || kind == CaseKind.REMOVAL_APPEAL_DISMISSED) && ownKind) {
                kind = CaseKind.PENDING; // a child's own older order would predate the child
            }
            if (!"RMV".equals(plan.caseType)) {
                kind = CaseKind.PENDING; // the removal kinds' decision codes are those of RMV
            }
            SplittableRandom dates = new SplittableRandom(ownKind ? rnd.nextLong() : dateSeed);
            char sex = isSpouse ? (leadSex == 'F' ? 'M' : 'F') : (rnd.nextBoolean() ? 'F' : 'M');
            int birth = isSpouse ? AS_OF - between(rnd, 19 * 365, 52 * 365)
                    : Math.min(Math.max(leadBirth + 16 * 365, AS_OF - between(rnd, 365, 18 * 365 - 1)),
                            ownKind ? Math.min(leadEntry - 30, AS_OF - 4 * 365) : leadEntry - 30);
            prepare(plan, kind, sex, birth, isSpouse ? pools.familyName(rnd) : familyName,
                    isSpouse ? Relationship.SPOUSE : Relationship.CHILD, address, addressAsOf, rnd);
            spec.juvenileCode = isSpouse ? 0 : plan.childJuvenileCode;
            spec.leadsFamily = severed;
            // A rider decided with its lead has the lead's counsel (one attorney for the family, the same E-28 date).
            spec.counselSeed = ownKind ? representation.seedFor(spec.person.idnCase) : leadCounselSeed;
            spec.counsel = ownKind ? representation.decide(kind, false, spec.counselSeed) : leadCounsel;
            if (isSpouse && !kind.hasRemovalOrder() && rnd.nextDouble() < lprShareOfUnorderedAdults) {
                spec.person.lpr = true;
            }
            CaseFactory.Written rider = factory.write(spec, rnd, dates);
            cases++;
            int created = Math.max(leadOsc, rider.osc) + between(rnd, 0, 20);
            int severedOn = severed ? between(rnd, Math.min(created + 30, AS_OF - 1), AS_OF - 1) : NONE;
            out.leadRiders.f(out.newLeadRider()).f(leadCase).f(rider.idnCase).date(created).date(severedOn)
                    .f(severed ? "0" : "1").date(severed ? severedOn : NONE).end();
            if (severed) {
                severedRiders++;
            } else {
                activeRiders++;
            }
        }

        java.util.Set<String> childNames = new java.util.HashSet<>();
        for (int k = 0; k < plan.usCitizenChildren; k++) {
            Person p = household;
            reset(p);
            p.sex = rnd.nextBoolean() ? 'F' : 'M';
            // Siblings never share a given name: a household member without an A-number is known by household,
            // names and birth date, so two alike would be one person to the importer.
            do {
                p.givenName = pools.givenName(rnd, p.sex);
            } while (!childNames.add(p.givenName) && childNames.size() < 1000);
            p.familyName = familyName;
            p.birthDay = between(rnd, Math.min(leadEntry + 300, AS_OF - 60), AS_OF - 30);
            p.nationality = "US";
            p.language = "ENG";
            p.usCitizen = true;
            p.householdOf = leadCase;
            p.relationship = Relationship.CHILD;
            p.address = address;
            p.addressAsOf = addressAsOf;
            out.person(p);
        }
        if (plan.lprParent) {
            Person p = household;
            reset(p);
            p.aNumber = aNumbers.next();
            p.sex = rnd.nextBoolean() ? 'F' : 'M';
            p.givenName = pools.givenName(rnd, p.sex);
            p.familyName = pools.familyName(rnd);
            p.birthDay = AS_OF - between(rnd, 55 * 365, 78 * 365);
            p.nationality = plan.nationality;
            p.language = plan.language;
            p.lpr = true;
            p.householdOf = leadCase;
            p.relationship = Relationship.PARENT;
            p.address = address;
            p.addressAsOf = addressAsOf;
            out.person(p);
        }
        if (riders > 0 || plan.usCitizenChildren > 0 || plan.lprParent) {
            out.familyUnits++;
            if (activeRiders > 0) {
                out.familyUnitsWithRiders++;
            }
            if (severedRiders > 0) {
                out.familyUnitsWithSeveredRiders++;
            }
            if (plan.usCitizenChildren > 0) {
                out.familyUnitsWithUsCitizenChildren++;
            }
        }
        return cases;
    }

    private void prepare(FamilyPlan plan, CaseKind kind, char sex, int birth, String familyName,
            Relationship relationship, Address address, int addressAsOf, SplittableRandom rnd) {
        spec.kind = kind;
        spec.caseType = plan.caseType;
        spec.custody = plan.custody;
        spec.priority = plan.priority;
        spec.hearingLocation = plan.location;
        spec.court = plan.court;
        Person p = spec.person;
        reset(p);
        p.idnCase = out.newCase();
        p.aNumber = aNumbers.next();
        p.sex = sex;
        p.givenName = pools.givenName(rnd, sex);
        p.familyName = familyName;
        p.birthDay = birth;
        p.nationality = plan.nationality;
        p.language = plan.language;
        p.citizenshipClaim = kind == CaseKind.CITIZENSHIP_CLAIM_OPEN;
        p.relationship = relationship;
        p.address = address;
        p.addressAsOf = addressAsOf;
    }

    private static void reset(Person p) {
        p.idnCase = 0;
        p.aNumber = null;
        p.usCitizen = false;
        p.lpr = false;
        p.citizenshipClaim = false;
        p.householdOf = 0;
        p.addressAsOf = NONE;
    }
}
