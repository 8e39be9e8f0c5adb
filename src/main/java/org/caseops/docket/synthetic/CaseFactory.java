package org.caseops.docket.synthetic;

import static org.caseops.docket.synthetic.Days.AS_OF;
import static org.caseops.docket.synthetic.Days.NONE;

import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.caseops.docket.synthetic.EoirReference.BaseCity;
import org.caseops.docket.synthetic.EoirReference.HearingLocation;

/**
 * Writes one case of a given {@link CaseKind}: its {@code A_TblCase} row, proceedings, motions, appeals, juvenile
 * history, truth row and person row. The dates come from their own random stream, so the riders of a family that
 * share the lead's kind and date seed get the lead's dates exactly, as riders decided together do.
 */
final class CaseFactory {

    /** What the scenario decides about a case before it is written. */
    static final class CaseSpec {
        CaseKind kind;
        String caseType;
        String custody;
        String priority;
        HearingLocation hearingLocation;
        BaseCity court;
        /** Age (years) under which the respondent counts as a juvenile in {@code tbl_JuvenileHistory}. */
        int juvenileCode;
        /** Whether and when the case had counsel; the scenario decides it ({@link Representation}). */
        Counsel counsel = Counsel.NONE;
        /** The case's own counsel stream: a rider decided with its lead shares the lead's, and so its counsel. */
        long counselSeed;
        /** The case leads a family of its own in CaseOps: a lead, or a severed rider. */
        boolean leadsFamily;
        final Person person = new Person();
    }

    /** What was written, for the scenario's lead/rider rows. */
    static final class Written {
        long idnCase;
        long mainProceeding;
        int osc;
        int order;
        int entry;
    }

    /** Offsets a case's extras stream from its counsel stream (both seeded from the scenario's seed and IDNCASE). */
    private static final long EXTRAS = 1L << 40;
    /** EOIR records C_BIRTHDATE in about one case in six (codebook). */
    private static final int BIRTH_RECORDED_ONE_IN = 6;
    private static final int VD_RUNNING_FROM = Days.of(2019, 4, 25);
    private static final int VD_RUNNING_TO = Days.of(2019, 5, 20);

    private final DocketOutput out;
    private final Representation representation;
    private final List<HearingLocation> anyActiveLocation;
    private final int orderFrom;
    private final int orderTo;
    private final int maxEntryGapDays;
    private final double priorVenueShare;
    private final double extraMotionShare;
    private final double crimShare;
    final Written written = new Written();
    private final Set<String> venueChangeCaseTypes = new java.util.HashSet<>();
    /** Who files a motion (STRFILINGPARTY) and an appeal (strFiledBy), as often as in EOIR's release. */
    private final Weighted<String> filingParties;
    private final Weighted<String> appealFilers;
    /** BIA decisions on bond appeals. */
    private final Weighted<String> bondDecisions = new Weighted<>(Choices.weights("DIS", 60, "SUS", 20, "MBD", 15,
            "REM", 5));
    private final Weighted<String> decisionTypes = new Weighted<>(Choices.weights("R", 64, "P", 36));
    private final Weighted<String> reliefGranted = new Weighted<>(Choices.weights("ASYL", 60, "42B", 25, "245", 15));

    CaseFactory(DocketOutput out, Representation representation, List<HearingLocation> anyActiveLocation,
            int orderFrom, int orderTo, int maxEntryGapDays, double priorVenueShare, double extraMotionShare,
            double crimShare) {
        this.out = out;
        this.representation = representation;
        this.anyActiveLocation = anyActiveLocation;
        this.orderFrom = orderFrom;
        this.orderTo = orderTo;
        this.maxEntryGapDays = maxEntryGapDays;
        this.priorVenueShare = priorVenueShare;
        this.extraMotionShare = extraMotionShare;
        this.crimShare = crimShare;
        EoirReference ref = EoirReference.load();
        ref.otherCompletionCodes.forEach((type, codes) -> {
            if (codes.contains("C")) {
                venueChangeCaseTypes.add(type);
            }
        });
        filingParties = new Weighted<>(ref.frequencies("tbl_Court_Motions.STRFILINGPARTY",
                ref.lookup("tblLookupFiling_Method_Party")));
        appealFilers = new Weighted<>(ref.frequencies("tblAppeal.strFiledBy", ref.lookup("tblLookupFiledBy")));
    }

    static int between(SplittableRandom random, int from, int to) {
        return to <= from ? from : from + random.nextInt(to - from + 1);
    }

    /** Writes the case; the person's idnCase, A-number, names, birth date and address must already be set. */
    Written write(CaseSpec c, SplittableRandom rnd, SplittableRandom dates) {
        CaseKind facts = c.kind == CaseKind.CITIZENSHIP_CLAIM_OPEN ? CaseKind.IN_ABSENTIA_REMOVAL : c.kind;
        int order;
        int osc;
        int newerOsc = NONE;
        switch (facts) {
            case IN_ABSENTIA_REMOVAL, REMOVAL_APPEAL_WAIVED -> order = between(dates, orderFrom,
                    Math.min(orderTo, AS_OF - 45));
            case REMOVAL_APPEAL_DISMISSED -> order = between(dates, Math.min(orderFrom, AS_OF - 600), AS_OF - 200);
            case APPEAL_PENDING -> order = between(dates, Math.max(orderFrom, AS_OF - 400), AS_OF - 35);
            case APPEAL_WINDOW_OPEN -> order = between(dates, AS_OF - 28, AS_OF - 2);
            case MOTION_TO_REOPEN_PENDING, MOTION_TO_REOPEN_GRANTED, MOTION_DENIED, STAY_GRANTED ->
                    order = between(dates, orderFrom, Math.min(orderTo, AS_OF - 60));
            case VOLUNTARY_DEPARTURE_RUNNING -> order = between(dates, VD_RUNNING_FROM, VD_RUNNING_TO);
            case VOLUNTARY_DEPARTURE_OVERSTAYED -> order = between(dates, orderFrom, Math.min(orderTo, AS_OF - 120));
            case TERMINATED, RELIEF_GRANTED -> order = between(dates, orderFrom, AS_OF - 35);
            case NEWER_PROCEEDING_PENDING -> {
                order = between(dates, orderFrom - 1500, AS_OF - 400);
                newerOsc = between(dates, order + 100, AS_OF - 30);
            }
            case PENDING -> order = NONE;
            default -> throw new IllegalStateException("Unhandled kind " + facts);
        }
        osc = order == NONE ? between(dates, AS_OF - 1000, AS_OF - 30) : order - between(dates, 60, 600);
        int entry = osc - between(dates, 0, maxEntryGapDays);

        Person p = c.person;
        long idnCase = p.idnCase;
        if (p.addressAsOf == NONE) {
            p.addressAsOf = between(rnd, Math.max(osc, entry), AS_OF - 1);
        }
        int appeared = NONE;
        int attorneys = 0;
        if (c.counsel != Counsel.NONE) {
            SplittableRandom counsel = new SplittableRandom(c.counselSeed);
            counsel.nextDouble(); // the draw that decided representation
            appeared = switch (c.counsel) {
                case BEFORE_DECISION -> between(counsel, osc + 7, order - 14);
                case AFTER_DECISION -> order + between(counsel, 3, 9); // before the motion, received 10+ days on
                default -> between(counsel, osc + 7, AS_OF - 1);
            };
            attorneys = representation.attorneys(counsel);
        }
        // The release's columns CaseOps added later draw from a stream of their own, so they change no other value.
        SplittableRandom extras = new SplittableRandom(representation.seedFor(idnCase + EXTRAS));
        String birth = extras.nextInt(BIRTH_RECORDED_ONE_IN) == 0 ? Days.monthYear(p.birthDay) : "";
        out.cases.f(idnCase).f(p.address.city()).f(p.address.state()).f(p.address.zip()).f(p.address.city())
                .f(p.address.state()).f(c.person.nationality).f(c.person.language).f(c.custody).f(c.caseType)
                .date(entry).f(birth).f(String.valueOf(p.sex)).f(p.lpr ? "1" : "0").date(p.addressAsOf)
                .f(c.priority).date(appeared).f(attorneys == 0 ? "" : Integer.toString(attorneys)).end();
        out.casesByBaseCity.merge(c.court.code(), 1L, Long::sum);
        String crim = rnd.nextDouble() < crimShare ? "Y" : "N";

        int end = order == NONE ? AS_OF : order;
        if (facts == CaseKind.RELIEF_GRANTED && extras.nextInt(100) < REMANDED_PERCENT && osc - entry >= 1200) {
            remandedByACourtOfAppeals(c, idnCase, entry, osc, crim, extras);
        }
        if (facts != CaseKind.NEWER_PROCEEDING_PENDING && rnd.nextDouble() < priorVenueShare && end - osc > 40
                && venueChangeCaseTypes.contains(c.caseType)) {
            HearingLocation from = anyActiveLocation.get(rnd.nextInt(anyActiveLocation.size()));
            int closed = between(rnd, osc + 14, Math.min(osc + 180, end - 20));
            proceeding(out.newProceeding(), idnCase, osc, from.baseCity(), from.code(), c.caseType, "", "", "C",
                    closed, "N", "", "", NONE, crim, c.custody);
        }

        String decision = switch (facts) {
            case VOLUNTARY_DEPARTURE_RUNNING, VOLUNTARY_DEPARTURE_OVERSTAYED -> "V";
            case TERMINATED -> "T";
            case RELIEF_GRANTED -> "R";
            case PENDING -> "";
            default -> "X";
        };
        boolean absentia = switch (facts) {
            case IN_ABSENTIA_REMOVAL, MOTION_TO_REOPEN_PENDING, MOTION_TO_REOPEN_GRANTED, MOTION_DENIED,
                    STAY_GRANTED -> true;
            case NEWER_PROCEEDING_PENDING -> rnd.nextBoolean();
            default -> false;
        };
        String reserved = switch (facts) {
            case REMOVAL_APPEAL_DISMISSED, APPEAL_PENDING, APPEAL_WINDOW_OPEN -> "A";
            default -> "";
        };
        String notFiled = order != NONE && !absentia && reserved.isEmpty() ? "X" : "";
        String decType = order == NONE ? "" : (rnd.nextInt(100) < 53 ? "O" : "W");
        HearingLocation here = c.hearingLocation;
        long main = out.newProceeding();
        // EOIR records when the appeal of a decision is due: 30 days after it (8 CFR 1003.38(b)).
        int appealDue = order != NONE && !decision.isEmpty() && !absentia ? order + 30 : NONE;
        proceeding(main, idnCase, osc, here.baseCity(), here.code(), c.caseType, decType, decision, "", order,
                absentia ? "Y" : "N", reserved, notFiled, appealDue, crim, c.custody);

        if (rnd.nextDouble() < extraMotionShare && end - osc > 40) {
            int received = between(rnd, osc + 5, end - 20);
            motion(main, idnCase, "CO", received, rnd.nextInt(100) < 85 ? "G" : "D",
                    received + between(rnd, 1, 14), "", filingParties.pick(extras));
        }
        switch (facts) {
            case MOTION_TO_REOPEN_PENDING -> motion(main, idnCase, "MA",
                    between(dates, order + 10, AS_OF - 20), "", NONE, "", "A");
            case STAY_GRANTED -> motion(main, idnCase, "MA", between(dates, order + 10, AS_OF - 20), "", NONE, "G",
                    "A");
            case MOTION_TO_REOPEN_GRANTED, MOTION_DENIED -> {
                int received = between(dates, order + 10, AS_OF - 20);
                boolean granted = facts == CaseKind.MOTION_TO_REOPEN_GRANTED;
                motion(main, idnCase, "MA", received, granted ? "G" : "D", between(dates, received + 7, AS_OF - 1),
                        granted ? "" : (rnd.nextBoolean() ? "D" : ""), "A");
            }
            case REMOVAL_APPEAL_DISMISSED -> {
                int filed = order + between(dates, 5, 29);
                appeal(idnCase, main, c, "IJ", "Case Appeal", filed, "A", "DIS",
                        between(dates, filed + 90, Math.min(filed + 400, AS_OF - 1)),
                        rnd.nextInt(100) < 64 ? "R" : "P");
            }
            case APPEAL_PENDING -> appeal(idnCase, main, c, "IJ", "Case Appeal", order + between(dates, 5, 29), "A",
                    "", NONE, "");
            default -> {
            }
        }
        // A bond appeal, decided while the case was before the judge: it never bears on the order's finality.
        if (extras.nextInt(100) < ("D".equals(c.custody) ? 20 : 2) && end - osc > 150) {
            int filed = between(extras, osc + 20, end - 100);
            appeal(idnCase, main, c, "IJ", "Bond Appeal", filed, appealFilers.pick(extras), bondDecisions.pick(extras),
                    filed + between(extras, 15, 60), decisionTypes.pick(extras));
        }
        applications(facts, main, idnCase, osc, order, absentia, extras);
        if (facts == CaseKind.NEWER_PROCEEDING_PENDING) {
            long newer = out.newProceeding();
            proceeding(newer, idnCase, newerOsc, here.baseCity(), here.code(), c.caseType, "", "", "",
                    NONE, "N", "", "", NONE, crim, c.custody);
            if (extras.nextInt(100) < 30 && AS_OF - newerOsc > 60) {
                application(newer, idnCase, "ASYL", between(extras, newerOsc + 20, AS_OF - 30), "");
            }
        }
        if (c.juvenileCode > 0 && Days.age(p.birthDay, osc) < 18) {
            out.juveniles.f(out.newJuvenile()).f(idnCase).f(main).f(c.juvenileCode).date(osc + between(rnd, 0, 30))
                    .f("").end();
        }
        out.truth(idnCase, c.kind, c.counsel);
        if (c.leadsFamily && c.counsel == Counsel.BEFORE_DECISION && absentia && "X".equals(decision)
                && facts != CaseKind.NEWER_PROCEEDING_PENDING) {
            out.familyLeadsRepresentedBeforeInAbsentiaOrder++;
        }
        out.person(p);

        written.idnCase = idnCase;
        written.mainProceeding = main;
        written.osc = osc;
        written.order = order;
        written.entry = entry;
        return written;
    }

    /** Of the cases granted relief (national docket), the share whose earlier order a court of appeals remanded. */
    private static final int REMANDED_PERCENT = 5;

    /**
     * An earlier proceeding of the case: a removal order, a case appeal the BIA dismissed, a petition for review the
     * court of appeals remanded, the BIA's remand to the judge; the proceeding that follows (written next) governs.
     */
    private void remandedByACourtOfAppeals(CaseSpec c, long idnCase, int entry, int osc, String crim,
            SplittableRandom extras) {
        HearingLocation here = c.hearingLocation;
        int firstOsc = entry + between(extras, 10, 60);
        int firstOrder = firstOsc + between(extras, 200, 300);
        long first = out.newProceeding();
        proceeding(first, idnCase, firstOsc, here.baseCity(), here.code(), c.caseType, "O", "X", "", firstOrder, "N",
                "A", "", firstOrder + 30, crim, c.custody);
        int filed = firstOrder + between(extras, 5, 29);
        int dismissed = filed + between(extras, 150, 250);
        long caseAppeal = appeal(idnCase, first, c, "IJ", "Case Appeal", filed, "A", "DIS", dismissed,
                decisionTypes.pick(extras));
        int remanded = dismissed + between(extras, 250, 350);
        out.fedCourts.f(out.newFedCourt()).f(caseAppeal).date(dismissed + between(extras, 20, 60)).date(remanded)
                .f("REM").end();
        int again = remanded + between(extras, 10, 30);
        appeal(idnCase, first, c, "IJ", "Circuit Court Remand", again, "A", "REM",
                Math.min(again + between(extras, 30, 90), osc - 10), decisionTypes.pick(extras));
    }

    /**
     * The relief applications of the case's proceeding, as its outcome implies: granted relief for RELIEF_GRANTED;
     * asylum, withholding and CAT denied (or abandoned, in absentia) behind a removal order; asylum withdrawn for
     * voluntary departure; asylum pending in a pending case. Never a grant of withholding or CAT with a removal order,
     * which would bar removal to the country (so no case's expected verdict depends on it).
     */
    private void applications(CaseKind facts, long proceeding, long idnCase, int osc, int order, boolean absentia,
            SplittableRandom extras) {
        int draw = extras.nextInt(100);
        switch (facts) {
            case RELIEF_GRANTED -> application(proceeding, idnCase, reliefGranted.pick(extras),
                    between(extras, osc + 20, order - 30), "G");
            case PENDING -> {
                if (draw < 40 && AS_OF - osc > 60) {
                    application(proceeding, idnCase, "ASYL", between(extras, osc + 20, AS_OF - 30), "");
                }
            }
            case VOLUNTARY_DEPARTURE_RUNNING, VOLUNTARY_DEPARTURE_OVERSTAYED -> {
                if (draw < 30) {
                    application(proceeding, idnCase, "ASYL", between(extras, osc + 20, order - 30), "W");
                }
            }
            case TERMINATED, NEWER_PROCEEDING_PENDING -> {
            }
            default -> {
                if (draw < (absentia ? 25 : 50) && order != NONE) {
                    int received = between(extras, osc + 20, order - 30);
                    String decision = absentia ? "A" : "D";
                    application(proceeding, idnCase, "ASYL", received, decision);
                    application(proceeding, idnCase, "ASYW", received, decision);
                    application(proceeding, idnCase, "WCAT", received, decision);
                }
            }
        }
    }

    private void application(long proceeding, long idnCase, String code, int received, String decision) {
        out.applications.f(out.newApplication()).f(proceeding).f(idnCase).f(code).date(received).f(decision).end();
    }

    private void proceeding(long id, long idnCase, int osc, String baseCity, String location, String caseType,
            String decType, String decCode, String otherComp, int completed, String absentia, String reserved,
            String notFiled, int appealDue, String crim, String custody) {
        out.proceedings.f(id).f(idnCase).date(osc).date(osc + 3).f(baseCity).f(location).f(caseType).f(decType)
                .f(decCode).f(otherComp).date(completed).f(absentia).f(reserved).f(notFiled).date(appealDue).f(crim)
                .f(custody).end();
    }

    private void motion(long proceeding, long idnCase, String type, int received, String decision, int completed,
            String stay, String filedBy) {
        out.motions.f(out.newMotion()).f(proceeding).f(idnCase).f(type).date(received + 1).date(received)
                .f(filedBy).f(decision).date(completed).f(stay).f("0").end();
    }

    private long appeal(long idnCase, long proceeding, CaseSpec c, String category, String type, int filed,
            String filedBy, String decision, int decided, String decisionType) {
        long id = out.newAppeal();
        out.appeals.f(id).f(idnCase).f(proceeding).f(category).f(type).f(c.caseType).date(filed).f(filedBy)
                .f(decision).date(decided).f(decisionType).f(c.custody).end();
        return id;
    }
}
