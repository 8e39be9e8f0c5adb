package org.caseops.legal.rules;

import static org.caseops.legal.rules.Effect.ALLOWS;
import static org.caseops.legal.rules.Effect.BLOCKS;
import static org.caseops.legal.rules.Effect.FREEZES;
import static org.caseops.legal.rules.Effect.INFORMS;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.caseops.legal.rules.CaseReading.Appeal;
import org.caseops.legal.rules.CaseReading.DeparturePeriod;
import org.caseops.legal.rules.CaseReading.FinalState;
import org.caseops.legal.rules.CaseReading.Finality;
import org.caseops.legal.rules.CaseReading.Motion;
import org.caseops.legal.rules.CaseReading.OrderKind;
import org.caseops.legal.rules.Determination.Meaning;
import org.caseops.legal.rules.Determination.Subject;
import org.caseops.legal.rules.EoirCodes.AppealKind;
import org.caseops.legal.rules.EoirCodes.ApplicationDecision;
import org.caseops.legal.rules.EoirCodes.ApplicationKind;
import org.caseops.legal.rules.EoirCodes.BiaOutcome;
import org.caseops.legal.rules.EoirCodes.MotionDecision;
import org.caseops.legal.rules.EoirCodes.MotionKind;
import org.caseops.legal.rules.EoirCodes.PetitionOutcome;

/**
 * The legal gate: is this person's removal order executable on this date? A pure function of the facts, the date and
 * the policy set; no clock, no I/O. Every rule gives at least one finding, in {@link Rule} order.
 *
 * <p>Precedence: any BLOCKS finding makes the verdict NOT_EXECUTABLE; otherwise any FREEZES finding makes it FROZEN;
 * otherwise it is EXECUTABLE, which can only happen when an order of removal exists and is final, because the
 * REMOVAL_ORDER and FINALITY rules block in every other case. No input can turn a blocking finding into EXECUTABLE:
 * an attorney's determination only gives a meaning to a code or filing the gate cannot read by itself.
 *
 * <p>As of a date, the gate only uses facts dated on or before it: proceedings opened later, decisions made later,
 * appeals and motions filed later, stays decided later, holds placed later, protections starting later, deadlines
 * ordered later and determinations recorded later are not seen; a decision or a lifting dated later is treated as not
 * yet made. A verdict for a date more than the configured number of days after the docket data's release date is
 * NOT_EXECUTABLE: a filing CaseOps has not seen may stay the order.
 */
public final class Executability {

    private Executability() {
    }

    /** The verdict for one person's own case on {@code asOf}. */
    public static Verdict evaluate(CaseFacts facts, LocalDate asOf, PolicySet policies) {
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(policies, "policies");
        PolicyVersion policy = policies.forDate(asOf);
        CaseReading d = new CaseReading(facts, asOf, policy, policies.calendar(), policies.dataStaleAfterDays());

        List<Finding> findings = new ArrayList<>(32);
        findings.add(ownCase(d));
        findings.add(usCitizen(d));
        findings.add(citizenshipClaim(d));
        Finding finality = finality(d);
        findings.add(lprStatus(d, finality));
        legalHolds(d, findings);
        protections(d, findings);
        findings.add(latestProceeding(d));
        findings.add(removalOrder(d));
        withholdingOrCat(d, findings);
        findings.add(motionReopened(d));
        findings.add(appealType(d));
        findings.add(appealPending(d));
        findings.add(appealWindow(d));
        petitionsForReview(d, findings);
        grantedStays(d, findings);
        findings.add(motionStayGranted(d));
        findings.add(motionStayInAbsentia(d));
        familyFilings(d, findings);
        findings.add(voluntaryDeparture(d));
        findings.add(finality);
        findings.add(biaDecision(d));
        findings.add(dataFreshness(d));
        findings.add(inAbsentiaRescission(d));

        boolean blocks = false;
        boolean freezes = false;
        LocalDate changesOn = null;
        for (Finding f : findings) {
            blocks |= f.effect() == BLOCKS;
            freezes |= f.effect() == FREEZES;
            if (f.holds() && f.until().isPresent() && (changesOn == null || f.until().get().isBefore(changesOn))) {
                changesOn = f.until().get();
            }
        }
        Status status = blocks ? Status.NOT_EXECUTABLE : freezes ? Status.FROZEN : Status.EXECUTABLE;
        return new Verdict(status, findings, asOf, Optional.ofNullable(changesOn), policy.id(), facts.dataAsOf());
    }

    private static String notReached(CaseReading d) {
        return d.ownCase ? "There is no order of removal in the governing proceeding, so this rule is not reached."
                : "The person has no case of their own, so this rule is not reached.";
    }

    private static final String REVIEW = ": attorney review";

    // ---- the person ---------------------------------------------------------------------------------------------

    private static Finding ownCase(CaseReading d) {
        if (!d.ownCase) {
            return Finding.of(Rule.OWN_CASE, BLOCKS, () -> "Not subject to removal: the person has no immigration court case "
                    + "of their own. Only an order in the person's own proceedings can remove them; the orders of "
                    + "other family members never apply to them.");
        }
        return Finding.of(Rule.OWN_CASE, ALLOWS, () -> "The person is the respondent of their own case (IDNCASE "
                + d.facts.idnCase() + "); they are judged only on that case.");
    }

    private static Finding usCitizen(CaseReading d) {
        if (d.facts.person().usCitizen()) {
            return Finding.of(Rule.US_CITIZEN, BLOCKS, () -> "The person is a U.S. citizen. A U.S. citizen can never be "
                    + "removed, whatever any order says.");
        }
        return Finding.of(Rule.US_CITIZEN, ALLOWS, "The person is not recorded as a U.S. citizen.");
    }

    private static Finding citizenshipClaim(CaseReading d) {
        if (d.facts.person().citizenshipClaimOpen()) {
            return Finding.of(Rule.CITIZENSHIP_CLAIM, FREEZES, () -> "A claim to U.S. citizenship is open. No enforcement "
                    + "action may be taken until the claim is investigated and resolved (ICE Directive 16001.2).");
        }
        return Finding.of(Rule.CITIZENSHIP_CLAIM, ALLOWS, "No open claim to U.S. citizenship is recorded.");
    }

    private static Finding lprStatus(CaseReading d, Finding finality) {
        if (!d.facts.person().lpr()) {
            return Finding.of(Rule.LPR_STATUS, INFORMS, "The person is not recorded as a lawful permanent resident.");
        }
        if (!d.ownCase) {
            return Finding.of(Rule.LPR_STATUS, INFORMS, () -> "The person is a lawful permanent resident with no case of "
                    + "their own; the status continues.");
        }
        if (finality.effect() == ALLOWS) {
            return Finding.of(Rule.LPR_STATUS, INFORMS, () -> "The person is recorded as a lawful permanent resident, but "
                    + "has a final order of removal in their own case: LPR status ends with the final order "
                    + "(8 CFR 1001.1(p)), so the person is judged by that order like any respondent (see FINALITY).");
        }
        return Finding.of(Rule.LPR_STATUS, INFORMS, () -> "The person is recorded as a lawful permanent resident and has no "
                + "final order of removal: the status continues until an order becomes final (8 CFR 1001.1(p)).");
    }

    private static void legalHolds(CaseReading d, List<Finding> out) {
        int before = out.size();
        for (HoldFacts h : d.facts.holds()) {
            if (h.placedOn().isAfter(d.asOf)) {
                continue;
            }
            boolean lifted = h.liftedOn() != null && !h.liftedOn().isAfter(d.asOf);
            if (lifted) {
                out.add(Finding.of(Rule.LEGAL_HOLD, ALLOWS, () -> "A legal hold placed on " + h.placedOn() + " (\""
                        + h.reason() + "\") was lifted on " + h.liftedOn() + "."));
            } else {
                out.add(Finding.of(Rule.LEGAL_HOLD, BLOCKS, () -> "An attorney placed a legal hold on " + h.placedOn()
                        + ": \"" + h.reason() + "\". Not executable until the hold is lifted."));
            }
        }
        if (out.size() == before) {
            out.add(Finding.of(Rule.LEGAL_HOLD, ALLOWS, "No legal hold is on the case."));
        }
    }

    // ---- protections EOIR does not record ------------------------------------------------------------------------

    private static void protections(CaseReading d, List<Finding> out) {
        int before = out.size();
        if (d.ownCase) {
            for (ProtectionFacts p : d.facts.protections()) {
                if (p.from().isAfter(d.asOf)) {
                    continue;
                }
                String what = p.kind().label() + " [" + p.evidence() + "], from " + p.from();
                if (p.inForceOn(d.asOf)) {
                    out.add(Finding.of(Rule.PROTECTION, p.kind().citation(), BLOCKS, () -> what
                            + (p.until() == null ? " until ended" : " until " + p.until()) + ", recorded by an "
                            + "attorney: removal is barred while it is in force.", p.firstDayOut()));
                } else {
                    out.add(Finding.of(Rule.PROTECTION, p.kind().citation(), ALLOWS, () -> what + " is no longer in force "
                            + "(" + (p.endedOn() != null && !p.endedOn().isAfter(d.asOf) ? "ended on " + p.endedOn()
                                    : "expired after " + p.until()) + ").", null));
                }
            }
        }
        if (out.size() == before) {
            out.add(Finding.of(Rule.PROTECTION, ALLOWS, () -> "No protection outside the court record (TPS, deferred "
                    + "action, U or T visa stay, judicial or discretionary stay, criminal sentence) is recorded."));
        }
    }

    // ---- the order ----------------------------------------------------------------------------------------------

    private static Finding latestProceeding(CaseReading d) {
        if (!d.ownCase) {
            return Finding.of(Rule.LATEST_PROCEEDING, INFORMS, notReached(d));
        }
        if (d.governing == null) {
            return Finding.of(Rule.LATEST_PROCEEDING, BLOCKS, () -> "The case has no proceeding opened on or before "
                    + d.asOf + ", so there is nothing to execute.");
        }
        ProceedingFacts g = d.governing;
        if (!d.completed(g)) {
            Optional<ProceedingFacts> earlierOrder = d.proceedings.stream().filter(p -> p != g)
                    .filter(p -> d.completed(p) && CaseReading.orderKind(p) != OrderKind.NONE)
                    .reduce((a, b) -> b);
            if (earlierOrder.isPresent()) {
                ProceedingFacts old = earlierOrder.get();
                return Finding.of(Rule.LATEST_PROCEEDING, BLOCKS, () -> "An order of " + old.compDate()
                        + " (proceeding " + old.idnProceeding() + ") was followed by a newer proceeding "
                        + g.idnProceeding() + (g.oscDate() == null ? "" : " opened " + g.oscDate())
                        + " that is not decided. The latest proceeding governs, so the older order cannot be "
                        + "executed.");
            }
        }
        return Finding.of(Rule.LATEST_PROCEEDING, ALLOWS, () -> "Proceeding " + g.idnProceeding()
                + " is the latest of the case and governs.");
    }

    private static Finding removalOrder(CaseReading d) {
        if (!d.ownCase || d.governing == null) {
            return Finding.of(Rule.REMOVAL_ORDER, d.ownCase ? BLOCKS : INFORMS, () -> d.ownCase
                    ? "There is no order of removal." : notReached(d));
        }
        ProceedingFacts g = d.governing;
        if (!d.completed(g)) {
            return Finding.of(Rule.REMOVAL_ORDER, BLOCKS, () -> "Proceeding " + g.idnProceeding() + " is pending before "
                    + "the immigration judge (no decision on or before " + d.asOf + "). Pending proceedings are "
                    + "never executable.");
        }
        if (d.unknownDecision != null) {
            return Finding.of(Rule.REMOVAL_ORDER, BLOCKS, () -> "Proceeding " + g.idnProceeding() + " was decided on "
                    + g.compDate() + " with unknown code " + d.unknownDecision + " in DEC_CODE" + REVIEW
                    + " until an attorney records what it means for this case.");
        }
        return switch (d.order) {
            case REMOVAL -> Finding.of(Rule.REMOVAL_ORDER, ALLOWS, () -> "The immigration judge ordered removal on "
                    + d.orderDate + " (" + g.caseType() + "/" + g.decCode() + (g.absentia() ? ", in absentia" : "")
                    + ", proceeding " + g.idnProceeding() + ").");
            case VOLUNTARY_DEPARTURE -> Finding.of(Rule.REMOVAL_ORDER, ALLOWS, () -> "The immigration judge granted "
                    + "voluntary departure on " + d.orderDate + " with an alternate order of removal (" + g.caseType()
                    + "/" + g.decCode() + ", proceeding " + g.idnProceeding() + "); it can only be executed once the "
                    + "departure period is overstayed.");
            case NONE -> Finding.of(Rule.REMOVAL_ORDER, BLOCKS, () -> "Proceeding " + g.idnProceeding() + " was "
                    + d.decisionText.get() + " on " + g.compDate() + ". There is no order of removal to execute.");
        };
    }

    private static void withholdingOrCat(CaseReading d, List<Finding> out) {
        int before = out.size();
        if (d.order != OrderKind.NONE) {
            for (ApplicationFacts a : d.facts.applications()) {
                if (a.idnProceeding() != d.governing.idnProceeding()
                        || (a.received() != null && a.received().isAfter(d.asOf))) {
                    continue;
                }
                Finding f = application(d, a);
                if (f != null) {
                    out.add(f);
                }
            }
        }
        if (out.size() == before) {
            out.add(Finding.of(Rule.WITHHOLDING_OR_CAT, d.order == OrderKind.NONE ? INFORMS : ALLOWS,
                    () -> d.order == OrderKind.NONE ? notReached(d) : "No grant of withholding of removal or protection "
                            + "under the Convention against Torture is recorded with the order."));
        }
    }

    private static final String THIRD_COUNTRY = "removal only to a third country, after notice and attorney review";

    /** The finding for one application of the governing proceeding, or null when it changes nothing. */
    private static Finding application(CaseReading d, ApplicationFacts a) {
        EoirCodes.ApplicationCode code = a.code() == null ? null : EoirCodes.APPLICATIONS.get(a.code());
        EoirCodes.ApplicationDecisionCode dec = a.decision() == null ? null
                : EoirCodes.APPLICATION_DECISIONS.get(a.decision());
        if (a.decision() == null || (dec != null && dec.decision() != ApplicationDecision.GRANTED
                && dec.decision() != ApplicationDecision.ATTORNEY_REVIEW)) {
            return null; // not decided, denied, withdrawn...: denied applications change nothing
        }
        String what = "Application " + a.idnProceedingAppln() + " (" + (code == null ? "unknown code " + a.code()
                + " in APPL_CODE" : a.code() + ", " + code.description()) + ")";
        boolean granted = dec != null && dec.decision() == ApplicationDecision.GRANTED;
        String decided = dec == null ? " was decided with unknown code " + a.decision() + " in APPL_DEC"
                : " was decided '" + a.decision() + "' (" + dec.description() + ")";
        boolean needsReview = code == null || !granted || code.kind() == ApplicationKind.ATTORNEY_REVIEW
                || (code.kind() == ApplicationKind.RELIEF && d.order == OrderKind.REMOVAL)
                || (code.kind() == ApplicationKind.VOLUNTARY_DEPARTURE && d.order == OrderKind.REMOVAL);
        if (code != null && code.kind() == ApplicationKind.PROTECTION && granted) {
            return protectionGranted(a, what + decided + " with the order of " + d.orderDate);
        }
        if (!needsReview) {
            return Finding.of(Rule.WITHHOLDING_OR_CAT, "8 CFR 1240.12(c)", INFORMS, () -> what + decided
                    + ", consistent with the order.", null);
        }
        Determination det = d.determinations.get(Subject.application(a.idnProceedingAppln()));
        if (det != null) {
            String because = what + decided + "; an attorney determined on " + det.recordedOn() + " that it means "
                    + det.meaning() + " (\"" + det.reason() + "\")";
            return switch (det.meaning()) {
                case PROTECTION_GRANTED -> protectionGranted(a, because);
                case RELIEF_GRANTED -> Finding.of(Rule.WITHHOLDING_OR_CAT, "8 CFR 1240.12(c)", BLOCKS, () -> because
                        + ": relief was granted, so there is no order of removal to execute.", null);
                default -> Finding.of(Rule.WITHHOLDING_OR_CAT, "8 CFR 1240.12(c)", ALLOWS, () -> because
                        + ": it does not change the order.", null);
            };
        }
        return Finding.of(Rule.WITHHOLDING_OR_CAT, "8 CFR 1240.12(c)", BLOCKS, () -> what + decided + " beside the order of "
                + d.orderDate + (code == null || dec == null ? "" : ", which the record does not reconcile")
                + REVIEW + " of what it means for the order.", null);
    }

    private static Finding protectionGranted(ApplicationFacts a, String because) {
        String citation = "WCAT".equals(a.code()) ? "8 CFR 1208.16(c); 8 CFR 1208.17; 8 CFR 1208.16(f)"
                : "INA 241(b)(3)(A); 8 CFR 1208.16(f)";
        return Finding.of(Rule.WITHHOLDING_OR_CAT, citation, BLOCKS, () -> because + ". Protection granted with a removal "
                + "order bars removal to the country named, not removal as such: " + THIRD_COUNTRY + ".", null);
    }

    private static Finding motionReopened(CaseReading d) {
        if (d.order == OrderKind.NONE) {
            return Finding.of(Rule.MOTION_REOPENED, INFORMS, notReached(d));
        }
        List<Motion> decided = Lists.filter(d.motionsAgainstOrder(), m -> !m.pending());
        for (Motion m : decided) {
            if (m.decision() == MotionDecision.GRANTED && Boolean.TRUE.equals(CaseReading.reopens(m))) {
                return Finding.of(Rule.MOTION_REOPENED, BLOCKS, () -> "A motion received on " + m.facts().receivedDate()
                        + " (" + m.describe() + ") was granted" + (m.facts().decisionDate() == null ? ""
                        : " on " + m.facts().decisionDate()) + ": the proceedings are reopened and the order of "
                        + d.orderDate + " can no longer be executed" + (m.filingMeaning() == Meaning.REOPENS
                                ? " (an attorney determined that the motion reopened them)" : "") + ".");
            }
        }
        for (Motion m : decided) {
            if (m.decision() == MotionDecision.ATTORNEY_REVIEW) {
                EoirCodes.MotionDecisionCode code = EoirCodes.MOTION_DECISIONS.get(m.reviewCode());
                return Finding.of(Rule.MOTION_REOPENED, BLOCKS, () -> "A motion received on " + m.facts().receivedDate()
                        + " (" + m.describe() + ") was decided with " + (code == null ? "unknown code "
                        + m.reviewCode() + " in DEC" : "code " + m.reviewCode() + " (" + code.description() + ")")
                        + REVIEW + " of whether the proceedings were reopened.");
            }
            if (m.decision() == MotionDecision.GRANTED && CaseReading.reopens(m) == null) {
                String why = m.kind() == MotionKind.OTHER_EFFECT ? "a motion that changes the order in some other "
                        + "way than reopening" : "received on the order's date, and its type does not say whether "
                        + "it was against the order";
                return Finding.of(Rule.MOTION_REOPENED, BLOCKS, () -> "A motion received on " + m.facts().receivedDate()
                        + " (" + m.describe() + ") was granted: " + why + REVIEW + " of what the grant means for the "
                        + "order.");
            }
        }
        if (!decided.isEmpty()) {
            Motion m = decided.get(decided.size() - 1);
            return Finding.of(Rule.MOTION_REOPENED, ALLOWS, () -> "A motion against the order received on "
                    + m.facts().receivedDate() + " was denied" + (m.facts().decisionDate() == null ? ""
                    : " on " + m.facts().decisionDate()) + (m.decision() == MotionDecision.GRANTED
                    ? " as a reopening (an attorney determined the grant did not reopen the proceedings)" : "")
                    + "; a denied motion has no effect on the order.");
        }
        Optional<Motion> sameDayProcedural = Lists.first(d.motionsSinceOrder(),
                m -> m.sameDay() && m.kind() == MotionKind.PROCEDURAL && !m.pending());
        if (sameDayProcedural.isPresent()) {
            return Finding.of(Rule.MOTION_REOPENED, ALLOWS, () -> "The " + sameDayProcedural.get().describe() + " on the "
                    + "order's date is procedural: deciding it is not a reopening.");
        }
        return Finding.of(Rule.MOTION_REOPENED, ALLOWS, "No motion against the order has been decided.");
    }

    // ---- appeals ------------------------------------------------------------------------------------------------

    private static Finding appealType(CaseReading d) {
        if (!d.ownCase) {
            return Finding.of(Rule.APPEAL_TYPE, INFORMS, notReached(d));
        }
        if (d.appeals.isEmpty()) {
            return Finding.of(Rule.APPEAL_TYPE, ALLOWS, "No appeal to the Board of Immigration Appeals is recorded.");
        }
        Optional<Appeal> unknown = Lists.first(d.appeals, a -> a.kind() == AppealKind.ATTORNEY_REVIEW
                && (d.order == OrderKind.NONE || a.facts().filed() == null
                        || !a.facts().filed().isBefore(d.orderDate)));
        if (unknown.isPresent() && d.order != OrderKind.NONE) {
            Appeal a = unknown.get();
            return Finding.of(Rule.APPEAL_TYPE, BLOCKS, () -> "Appeal " + a.facts().idnAppeal() + " filed "
                    + a.facts().filed() + " has " + (EoirCodes.appealType(a.unknownType()).isPresent()
                    ? "the type '" + a.unknownType() + "', which does not say what it is about"
                    : "unknown code " + a.unknownType() + " in strAppealType") + REVIEW + " of whether it concerns "
                    + "the order.");
        }
        return Finding.of(Rule.APPEAL_TYPE, INFORMS, () -> {
            List<String> notAbout = d.appeals.stream().filter(a -> a.kind() == AppealKind.NOT_ABOUT_THE_ORDER)
                    .map(a -> a.facts().appealType() + " " + a.facts().idnAppeal()).toList();
            return "Of the " + d.appeals.size() + " appeal(s) recorded, only case appeals and appeals or motions about "
                    + "a motion to reopen concern the order." + (notAbout.isEmpty() ? "" : " Not about the order's "
                    + "finality (bond, custody, DHS visa-petition, fines or waiver decisions, 8 CFR 1003.1(b), "
                    + "1003.19(f)): " + String.join(", ", notAbout) + ".");
        });
    }

    private static Finding appealPending(CaseReading d) {
        if (!d.ownCase) {
            return Finding.of(Rule.APPEAL_PENDING, INFORMS, notReached(d));
        }
        List<String> notStaying = new ArrayList<>();
        for (Appeal a : d.appeals) {
            if (!a.pending()) {
                continue;
            }
            switch (a.kind()) {
                case CASE_APPEAL -> {
                    return Finding.of(Rule.APPEAL_PENDING, BLOCKS, () -> "An appeal to the Board of Immigration Appeals "
                            + "filed on " + a.facts().filed() + " (" + a.describe() + ") is pending"
                            + (a.decided() ? " (" + a.outcomeSource() + ": not finally decided)" : "")
                            + ". Removal is stayed while it is pending.");
                }
                case MOTION_APPEAL -> {
                    if (d.orderDate != null && d.governing.absentia() && "DEP".equals(d.governing.caseType())) {
                        return Finding.of(Rule.APPEAL_PENDING, "8 CFR 1003.6(b); 8 CFR 1003.23(b)(4)(iii)(A)", BLOCKS,
                                () -> "An appeal of the denial of a motion to reopen an in-absentia deportation order ("
                                        + a.describe() + ") is pending: it stays deportation.", null);
                    }
                    notStaying.add(a.describe() + " (an appeal of an IJ's denial of a motion does not stay removal, "
                            + "8 CFR 1003.6(b))");
                }
                case BIA_MOTION -> notStaying.add(a.describe() + " (a motion to reopen at the BIA does not stay "
                        + "removal unless a stay is recorded, 8 CFR 1003.2(f))");
                case NOT_ABOUT_THE_ORDER -> notStaying.add(a.describe() + " (not about the order)");
                default -> notStaying.add(a.describe() + " (type not known, see APPEAL_TYPE)");
            }
        }
        if (!notStaying.isEmpty()) {
            return Finding.of(Rule.APPEAL_PENDING, ALLOWS, () -> "Pending, without staying removal: "
                    + String.join("; ", notStaying) + ".");
        }
        return Finding.of(Rule.APPEAL_PENDING, ALLOWS, "No appeal to the Board of Immigration Appeals is pending.");
    }

    private static Finding appealWindow(CaseReading d) {
        if (d.order == OrderKind.NONE) {
            return Finding.of(Rule.APPEAL_WINDOW, INFORMS, notReached(d));
        }
        ProceedingFacts g = d.governing;
        if (g.absentia()) {
            return Finding.of(Rule.APPEAL_WINDOW, ALLOWS, () -> "The order was made in absentia: it cannot be appealed to "
                    + "the BIA (the remedy is a motion to reopen), so there is no appeal window.");
        }
        if (!d.periodApplies) {
            return Finding.of(Rule.APPEAL_WINDOW, ALLOWS, () -> "The respondent did not reserve appeal (APPEAL_RSVD '"
                    + g.appealRsvd() + "', only DHS reserved): appeal was waived on " + d.orderDate + ", so there "
                    + "is no appeal window for the respondent.");
        }
        String reserved = g.respondentReservedAppeal() ? "The respondent reserved appeal"
                : "EOIR's record does not show that the respondent waived appeal (APPEAL_RSVD '" + g.appealRsvd()
                        + "' is not proof of a waiver)";
        LocalDate deadline = d.appealDeadline;
        if (!d.asOf.isAfter(deadline)) {
            if (Lists.any(d.appealsOfOrder(), a -> a.kind() == AppealKind.CASE_APPEAL)) {
                return Finding.of(Rule.APPEAL_WINDOW, INFORMS, () -> "The appeal period runs until " + d.deadlineText()
                        + "; an appeal has been filed, see APPEAL_PENDING.");
            }
            return Finding.of(Rule.APPEAL_WINDOW, BLOCKS, () -> reserved + " and the " + d.policy.appealPeriodDays()
                    + "-day appeal period runs until " + d.deadlineText() + ". Removal is stayed during the period; "
                    + "executable from " + deadline.plusDays(1) + " if no appeal is filed.", deadline.plusDays(1));
        }
        return Finding.of(Rule.APPEAL_WINDOW, ALLOWS, () -> "The appeal period ended on " + d.deadlineText() + ".");
    }

    private static void petitionsForReview(CaseReading d, List<Finding> out) {
        int before = out.size();
        if (d.order != OrderKind.NONE) {
            for (PetitionFacts p : d.facts.petitions()) {
                if (p.requestedByOil() != null && p.requestedByOil().isAfter(d.asOf)) {
                    continue;
                }
                boolean decided = p.decision() != null && (p.decisionDate() == null
                        || !p.decisionDate().isAfter(d.asOf));
                String what = "The petition for review " + p.idnAppealFedCourts() + " of the BIA's decision on appeal "
                        + p.idnAppeal();
                if (!decided) {
                    out.add(Finding.of(Rule.PETITION_FOR_REVIEW, ALLOWS, () -> what + " is pending: a petition does not "
                            + "stay removal by itself (INA 242(b)(3)(B)); a stay the court granted or a stay motion "
                            + "pending is recorded as a protection."));
                    continue;
                }
                EoirCodes.PetitionCode code = EoirCodes.PETITION_DECISIONS.get(p.decision());
                PetitionOutcome outcome = code == null ? null : code.outcome();
                String coded = code == null ? "unknown code " + p.decision() + " in strFedCourtDecision"
                        : "'" + p.decision() + "' (" + code.description() + ")";
                if (outcome == null || outcome == PetitionOutcome.ATTORNEY_REVIEW) {
                    Determination det = d.determinations.get(Subject.petitionDecision(p.decision()));
                    if (det != null) {
                        outcome = det.meaning() == Meaning.PETITION_REMANDED ? PetitionOutcome.REMANDED
                                : PetitionOutcome.DISMISSED;
                        coded += ", which an attorney determined on " + det.recordedOn() + " means "
                                + det.meaning();
                    }
                }
                String source = coded;
                LocalDate on = p.decisionDate();
                if (outcome == null || outcome == PetitionOutcome.ATTORNEY_REVIEW) {
                    out.add(Finding.of(Rule.PETITION_FOR_REVIEW, BLOCKS, () -> what + " was decided with " + source
                            + REVIEW + " of what it means for the order."));
                } else if (outcome == PetitionOutcome.DISMISSED) {
                    out.add(Finding.of(Rule.PETITION_FOR_REVIEW, ALLOWS, () -> what + " was decided " + source
                            + ": the BIA's decision stands."));
                } else {
                    boolean decidedAgain = on != null && Lists.any(d.appeals, a -> a.kind()
                            == AppealKind.CASE_APPEAL && a.decided() && a.facts().biaDecisionDate() != null
                            && a.facts().biaDecisionDate().isAfter(on));
                    out.add(decidedAgain
                            ? Finding.of(Rule.PETITION_FOR_REVIEW, ALLOWS, () -> what + " was remanded on " + on
                                    + "; the BIA has decided the case again since, and that decision governs.")
                            : Finding.of(Rule.PETITION_FOR_REVIEW, BLOCKS, () -> what + " was decided " + source
                                    + (on == null ? "" : " on " + on) + ": the court of appeals remanded, the BIA's "
                                    + "decision no longer stands, and there is no final order until the BIA decides "
                                    + "again."));
                }
            }
        }
        if (out.size() == before) {
            out.add(Finding.of(Rule.PETITION_FOR_REVIEW, d.order == OrderKind.NONE ? INFORMS : ALLOWS,
                    () -> d.order == OrderKind.NONE ? notReached(d) : "No petition for review is recorded."));
        }
    }

    // ---- automatic stays ----------------------------------------------------------------------------------------

    private static void grantedStays(CaseReading d, List<Finding> out) {
        int before = out.size();
        if (d.ownCase) {
            for (StayFacts s : d.facts.stays()) {
                if (s.decidedOn().isAfter(d.asOf)) {
                    continue;
                }
                String citation = s.kind() == StayFacts.Kind.ADMINISTRATIVE ? "8 CFR 241.6 (Form I-246)"
                        : "INA 242(b)(3)";
                String what = (s.kind() == StayFacts.Kind.ADMINISTRATIVE ? "An administrative stay of removal "
                        + "(Form I-246)" : "A judicial stay of removal")
                        + (s.reference().isEmpty() ? "" : " [" + s.reference() + "]");
                if (!s.granted()) {
                    out.add(Finding.of(Rule.GRANTED_STAY, citation, ALLOWS, () -> what + " was denied on "
                            + s.decidedOn() + ".", null));
                } else if (s.until() != null && s.until().isBefore(d.asOf)) {
                    out.add(Finding.of(Rule.GRANTED_STAY, citation, ALLOWS, () -> what + " granted on " + s.decidedOn()
                            + " expired after " + s.until() + ".", null));
                } else {
                    out.add(Finding.of(Rule.GRANTED_STAY, citation, BLOCKS, () -> what + " was granted on "
                            + s.decidedOn() + (s.until() == null ? " until lifted." : " until " + s.until() + ".")
                            + " Removal is stayed.", s.until() == null ? null : s.until().plusDays(1)));
                }
            }
        }
        if (out.size() == before) {
            out.add(Finding.of(Rule.GRANTED_STAY, ALLOWS, "No administrative or judicial stay is recorded."));
        }
    }

    private static Finding motionStayGranted(CaseReading d) {
        if (d.order == OrderKind.NONE) {
            return Finding.of(Rule.MOTION_STAY_GRANTED, INFORMS, notReached(d));
        }
        Optional<Motion> stayed = Lists.first(d.motionsSinceOrder(), m -> m.pending() && m.facts().stayGranted());
        if (stayed.isPresent()) {
            Motion m = stayed.get();
            return Finding.of(Rule.MOTION_STAY_GRANTED, BLOCKS, () -> "The immigration judge granted a stay of removal "
                    + "(STAY_GRANT '" + m.facts().stayGrant() + "') on the motion received " + m.facts().receivedDate()
                    + " (" + m.describe() + "); removal is stayed while the motion is pending.");
        }
        return Finding.of(Rule.MOTION_STAY_GRANTED, ALLOWS, "No stay was granted on a pending motion.");
    }

    private static Finding motionStayInAbsentia(CaseReading d) {
        if (d.order == OrderKind.NONE) {
            return Finding.of(Rule.MOTION_STAY_IN_ABSENTIA, INFORMS, notReached(d));
        }
        List<Motion> pending = Lists.filter(d.motionsAgainstOrder(), Motion::pending);
        if (pending.isEmpty()) {
            return Finding.of(Rule.MOTION_STAY_IN_ABSENTIA, ALLOWS, "No motion against the order is pending.");
        }
        Optional<Motion> reopening = Lists.first(pending,
                m -> m.kind() == MotionKind.REOPENS || m.kind() == MotionKind.UNSPECIFIED);
        if (d.governing.absentia() && reopening.isPresent()) {
            Motion m = reopening.get();
            return Finding.of(Rule.MOTION_STAY_IN_ABSENTIA, BLOCKS, () -> "A motion to reopen the in-absentia order of "
                    + d.orderDate + " was received on " + m.facts().receivedDate() + " (" + m.describe() + ") and "
                    + "is pending before the immigration judge. Filing it stays removal until the judge decides.");
        }
        Motion m = reopening.orElse(pending.get(0));
        if (d.governing.absentia()) {
            return Finding.of(Rule.MOTION_STAY_IN_ABSENTIA, ALLOWS, () -> "A motion received on "
                    + m.facts().receivedDate() + " (" + m.describe() + ") is pending, but it is not a motion to "
                    + "reopen: only a motion to reopen an in-absentia order stays removal by its filing.");
        }
        return Finding.of(Rule.MOTION_STAY_IN_ABSENTIA, ALLOWS, () -> "A motion received on " + m.facts().receivedDate()
                + " (" + m.describe() + ") is pending, but the order of " + d.orderDate + " was not made "
                + "in absentia: such a motion does not stay removal by itself (8 CFR 1003.23(b)(1)(v)).");
    }

    // ---- family members -----------------------------------------------------------------------------------------

    private static void familyFilings(CaseReading d, List<Finding> out) {
        FamilyFacts family = d.facts.family();
        if (d.order == OrderKind.NONE) {
            out.add(Finding.of(Rule.FAMILY_FILING, INFORMS, notReached(d)));
            return;
        }
        if (family == null || !family.ridingOn(d.asOf)) {
            out.add(Finding.of(Rule.FAMILY_FILING, ALLOWS, () -> family == null
                    ? "The case is not a rider on a family's lead case; its own filings are all that count."
                    : "The case was severed from the lead case " + family.leadCase() + (family.severedOn() == null
                            ? "" : " on " + family.severedOn()) + "; its own filings are all that count."));
            return;
        }
        boolean ownAppeal = Lists.any(d.appealsOfOrder(), a -> !a.fromLead() && a.concernsOrder());
        boolean ownMotion = Lists.any(d.motionsAgainstOrder(), m -> !m.fromLead());
        int before = out.size();
        for (AppealFacts a : family.leadAppeals()) {
            Appeal read = d.readAppeal(a, true);
            if (ownAppeal || a.filed() == null || a.filed().isBefore(d.orderDate) || a.filed().isAfter(d.asOf)
                    || read.kind() == AppealKind.NOT_ABOUT_THE_ORDER
                    || !family.mayBeFamilyFiling(a.idnProceeding(), d.orderDate)) {
                continue;
            }
            out.add(leadFiling(d, family, "appeal " + a.idnAppeal() + " (" + (a.appealType() == null ? "appeal"
                    : a.appealType()) + ") filed " + a.filed(), Subject.leadAppeal(a.idnAppeal())));
        }
        for (MotionFacts m : family.leadMotions()) {
            Motion read = d.readMotion(m, true);
            if (ownMotion || m.receivedDate() == null || m.receivedDate().isBefore(d.orderDate)
                    || m.receivedDate().isAfter(d.asOf) || read.kind() == MotionKind.PROCEDURAL
                    || !family.mayBeFamilyFiling(m.idnProceeding(), d.orderDate)) {
                continue;
            }
            out.add(leadFiling(d, family, read.describe().replace("the lead case's ", ""),
                    Subject.leadMotion(m.idnMotion())));
        }
        if (out.size() == before) {
            out.add(Finding.of(Rule.FAMILY_FILING, ALLOWS, () -> "The case rides on the lead case " + family.leadCase()
                    + "; no appeal or motion about the order is recorded only on the lead."));
        }
    }

    private static Finding leadFiling(CaseReading d, FamilyFacts family, String filing, String subject) {
        Determination det = d.determinations.get(subject);
        String what = "The lead case " + family.leadCase() + " has the " + filing + ", after this rider's order of "
                + d.orderDate + ", and the rider's own case records none";
        if (det == null) {
            return Finding.of(Rule.FAMILY_FILING, BLOCKS, () -> what + ": a family's appeal or motion is sometimes recorded "
                    + "only on the lead, so the lead's EXECUTABLE verdict is never the rider's" + REVIEW + ".");
        }
        return Finding.of(Rule.FAMILY_FILING, ALLOWS, () -> what + "; an attorney determined on " + det.recordedOn()
                + (det.meaning() == Meaning.COVERS_RIDER ? " that it is the rider's filing too, so the rules read it "
                        + "as the rider's own" : " that it concerns the lead only") + " (\"" + det.reason() + "\").");
    }

    // ---- voluntary departure and finality -----------------------------------------------------------------------

    private static Finding voluntaryDeparture(CaseReading d) {
        if (d.order == OrderKind.NONE) {
            return Finding.of(Rule.VOLUNTARY_DEPARTURE, INFORMS, notReached(d));
        }
        DeparturePeriod vd = d.departure;
        if (vd == null) {
            return Finding.of(Rule.VOLUNTARY_DEPARTURE, ALLOWS, "No voluntary departure was granted.");
        }
        if (vd.bondVacated() != null) {
            DepartureBondFacts b = vd.bondVacated();
            return Finding.of(Rule.VOLUNTARY_DEPARTURE, ALLOWS, () -> "Voluntary departure granted on " + vd.start()
                    + " vacated automatically: its bond was due within 5 business days of the order, by "
                    + b.dueOn() + ", and " + (b.postedOn() == null ? "was not posted" : "was posted only on "
                    + b.postedOn()) + "; the alternate order of removal took effect on the following day, "
                    + vd.endedOn() + " (" + DepartureBondFacts.CITATION + ").");
        }
        if (vd.endedOn() != null) {
            return Finding.of(Rule.VOLUNTARY_DEPARTURE, ALLOWS, () -> "Voluntary departure granted on " + vd.start()
                    + " ended on " + vd.endedOn() + " when " + vd.endedBy() + " was filed inside the period: the "
                    + "grant terminated and the alternate order of removal took effect that day.");
        }
        LocalDate last = vd.lastDay();
        if (vd.bondPending() != null) {
            DepartureBondFacts b = vd.bondPending();
            return Finding.of(Rule.VOLUNTARY_DEPARTURE, BLOCKS, () -> "Voluntary departure granted on " + vd.start()
                    + " runs until " + last + " (" + vd.source() + "). Its bond is due by " + b.dueOn()
                    + " (5 business days after the order) and not posted yet: if it is not posted by then, the "
                    + "grant vacates automatically and the alternate order of removal takes effect on "
                    + b.vacatesOn() + " (" + DepartureBondFacts.CITATION + ").", b.vacatesOn());
        }
        if (!d.asOf.isAfter(last)) {
            return Finding.of(Rule.VOLUNTARY_DEPARTURE, BLOCKS, () -> "Voluntary departure granted on " + vd.start()
                    + " runs until " + last + " (" + vd.source() + "; a departure deadline is not extended by "
                    + "weekends or holidays). Not executable while the person may still depart on their own; "
                    + "executable from " + last.plusDays(1) + " if they overstay.", last.plusDays(1));
        }
        return Finding.of(Rule.VOLUNTARY_DEPARTURE, ALLOWS, () -> "The voluntary-departure period ended on " + last + " ("
                + vd.source() + ") and was overstayed: the alternate order of removal took effect on "
                + last.plusDays(1) + ".");
    }

    private static Finding finality(CaseReading d) {
        if (d.order == OrderKind.NONE) {
            return Finding.of(Rule.FINALITY, d.ownCase ? BLOCKS : INFORMS, () -> d.ownCase
                    ? "There is no order that could become final." : notReached(d));
        }
        Finality f = d.finality;
        if (f.state() != FinalState.FINAL) {
            return Finding.of(Rule.FINALITY, BLOCKS, f.how(), f.until());
        }
        if (d.departure != null) {
            LocalDate over = d.departureOver();
            if (d.asOf.isBefore(over)) {
                DepartureBondFacts pending = d.departure.bondPending();
                return Finding.of(Rule.FINALITY, BLOCKS, () -> f.how().get() + " The alternate order of removal becomes final only "
                        + "on overstay of voluntary departure, on " + over + " (8 CFR 1241.1(f))" + (pending == null ? ""
                        : ", or on " + pending.vacatesOn() + " if the bond due by " + pending.dueOn() + " is not posted ("
                        + DepartureBondFacts.CITATION + ")") + ".", pending == null ? over : pending.vacatesOn());
            }
            return Finding.of(Rule.FINALITY, ALLOWS, () -> f.how().get() + (d.departure.bondVacated() != null
                    ? " Voluntary departure vacated on " + over + " (its bond not posted within 5 business days): "
                    + "the alternate order of removal is final since then (" + DepartureBondFacts.CITATION
                    + "; 8 CFR 1241.1(f))."
                    : d.departure.endedOn() != null
                    ? " Voluntary departure ended on " + over + ": the alternate order of removal is final since then "
                    + "(8 CFR 1240.26(e)(1), (i); 8 CFR 1241.1(f))."
                    : " Voluntary departure was overstayed: the alternate order of removal is final since " + over
                            + " (8 CFR 1241.1(f))."));
        }
        return Finding.of(Rule.FINALITY, ALLOWS, f.how());
    }

    private static Finding biaDecision(CaseReading d) {
        if (d.order == OrderKind.NONE) {
            return Finding.of(Rule.BIA_DECISION, INFORMS, notReached(d));
        }
        Finality f = d.finality;
        Appeal a = f.byBia();
        if (a == null) {
            boolean any = Lists.any(d.appealsOfOrder(), x -> x.concernsOrder() && !x.pending());
            return Finding.of(Rule.BIA_DECISION, ALLOWS, () -> any ? "The BIA's decisions on motions about the order left it "
                    + "as it was (a denied motion leaves a final order final, 8 CFR 1003.2)."
                    : "The BIA has not decided an appeal of the order.");
        }
        String citation = switch (a.outcome()) {
            case WITHDRAWN, NO_APPEAL_TAKEN -> "8 CFR 1003.4; 8 CFR 1241.1";
            case VOLUNTARY_DEPARTURE_30, VOLUNTARY_DEPARTURE_60 -> "8 CFR 1241.1(a); 8 CFR 1240.26(c)(3)";
            case NO_FINAL_ORDER -> a.kind() == AppealKind.CASE_APPEAL ? "8 CFR 1241.1(a); 8 CFR 1003.1(d)(7)"
                    : "8 CFR 1003.2(a); 8 CFR 1003.6(b)";
            default -> Rule.BIA_DECISION.citation();
        };
        if (f.state() == FinalState.REVIEW) {
            return Finding.of(Rule.BIA_DECISION, citation, BLOCKS, () -> "The BIA decided " + a.describe() + " with "
                    + (a.reviewCode() != null ? a.outcomeSource() : "code " + a.facts().biaDecision()
                    + ", which the gate does not read on a " + a.kind().name().toLowerCase().replace('_', ' '))
                    + REVIEW + " until an attorney records what it means for this case.", null);
        }
        String detail = "The BIA decided " + a.describe() + " with " + a.outcomeSource() + " on "
                + a.decidedOn(d.orderDate) + ": " + switch (a.outcome()) {
                    case DISMISSED -> "the appeal was dismissed, so the order is final on that date.";
                    case NO_FINAL_ORDER -> a.kind() == AppealKind.CASE_APPEAL ? "no final order stands until a new "
                            + "decision." : "the motion was granted and the proceedings are reopened.";
                    case WITHDRAWN, NO_APPEAL_TAKEN -> "the IJ's decision is final as though no appeal had been taken,"
                            + " and not before its own appeal period ends.";
                    case VOLUNTARY_DEPARTURE_30, VOLUNTARY_DEPARTURE_60 -> "the appeal was dismissed with voluntary "
                            + "departure for " + a.outcome().voluntaryDepartureDays() + " days from the decision, "
                            + "after which the alternate order is executable (see VOLUNTARY_DEPARTURE).";
                    default -> "it leaves the order as it was.";
                };
        return Finding.of(Rule.BIA_DECISION, citation, f.state() == FinalState.NOT_FINAL ? BLOCKS : ALLOWS, () -> detail,
                null);
    }

    // ---- the data the verdict was judged on ---------------------------------------------------------------------

    private static Finding dataFreshness(CaseReading d) {
        LocalDate dataAsOf = d.facts.dataAsOf();
        LocalDate lastDay = dataAsOf.plusDays(d.staleAfterDays);
        if (d.asOf.isAfter(lastDay)) {
            return Finding.of(Rule.DATA_FRESHNESS, BLOCKS, () -> "Docket data stale: re-import or verify with EOIR. Judged "
                    + "on data as of " + dataAsOf + "; " + d.asOf + " is more than " + d.staleAfterDays + " days "
                    + "after it, and an appeal, motion or stay filed since may stay the order without CaseOps "
                    + "seeing it.");
        }
        return Finding.of(Rule.DATA_FRESHNESS, ALLOWS, () -> "Judged on data as of " + dataAsOf + " (the latest EOIR "
                + "release imported); good for actions until " + lastDay + ".");
    }

    // ---- information --------------------------------------------------------------------------------------------

    private static Finding inAbsentiaRescission(CaseReading d) {
        if (d.order == OrderKind.NONE) {
            return Finding.of(Rule.IN_ABSENTIA_RESCISSION, INFORMS, notReached(d));
        }
        if (!d.governing.absentia()) {
            return Finding.of(Rule.IN_ABSENTIA_RESCISSION, INFORMS, () -> "The order was not made in absentia; the "
                    + "in-absentia rescission rules do not apply.");
        }
        LocalDate last = d.orderDate.plusDays(d.policy.exceptionalCircumstancesDays());
        String window = d.asOf.isAfter(last)
                ? "The " + d.policy.exceptionalCircumstancesDays() + "-day window for a motion to reopen for "
                        + "exceptional circumstances closed on " + last + " (INA 240(b)(5)(C)(i))."
                : "A motion to reopen for exceptional circumstances may be filed until " + last + " ("
                        + d.policy.exceptionalCircumstancesDays() + " days after the order, INA 240(b)(5)(C)(i)).";
        return Finding.of(Rule.IN_ABSENTIA_RESCISSION, INFORMS, () -> "The order of " + d.orderDate + " was made in "
                + "absentia and may still be contested. " + window + " A motion claiming the person did not receive "
                + "notice of the hearing, or was in federal or state custody, may be filed at any time "
                + "(INA 240(b)(5)(C)(ii)). Filing either motion stays removal until the judge decides "
                + "(8 CFR 1003.23(b)(4)(ii)).", d.asOf.isAfter(last) ? null : last.plusDays(1));
    }
}
