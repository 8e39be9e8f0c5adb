package org.caseops.legal.rules;

import static org.caseops.legal.rules.Effect.ALLOWS;
import static org.caseops.legal.rules.Effect.BLOCKS;
import static org.caseops.legal.rules.Effect.FREEZES;
import static org.caseops.legal.rules.Effect.INFORMS;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The legal gate: is this person's removal order executable on this date? A pure function of the facts, the date and
 * the policy set; no clock, no I/O. Every rule gives at least one finding, in {@link Rule} order.
 *
 * <p>Precedence: any BLOCKS finding makes the verdict NOT_EXECUTABLE; otherwise any FREEZES finding makes it FROZEN;
 * otherwise it is EXECUTABLE, which can only happen when an order of removal exists and is final, because the
 * REMOVAL_ORDER and FINALITY rules block in every other case. No input can turn a blocking finding into EXECUTABLE.
 *
 * <p>As of a date, the gate only uses facts dated on or before it: proceedings opened later, decisions made later,
 * appeals and motions filed later, stays decided later and holds placed later are not seen; a decision or a lifting
 * dated later is treated as not yet made.
 */
public final class Executability {

    /** BIA decisions that dismiss the appeal (or affirm, summarily or not): the IJ's order becomes final. */
    static final Set<String> BIA_DISMISSALS = Set.of("DIS", "SAF", "SAD", "SDG", "SED", "SND", "SOD", "SUD", "DUT",
            "WDL");

    private Executability() {
    }

    /** The verdict for one person's own case on {@code asOf}. */
    public static Verdict evaluate(CaseFacts facts, LocalDate asOf, PolicySet policies) {
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(policies, "policies");
        PolicyVersion policy = policies.forDate(asOf);
        Docket d = new Docket(facts, asOf, policy, policies.calendar());

        List<Finding> findings = new ArrayList<>();
        findings.add(ownCase(d));
        findings.add(usCitizen(d));
        findings.add(citizenshipClaim(d));
        Finding finality = finality(d);
        findings.add(lprStatus(d, finality));
        findings.addAll(legalHolds(d));
        findings.add(latestProceeding(d));
        findings.add(removalOrder(d));
        findings.add(motionReopened(d));
        findings.add(appealPending(d));
        findings.add(appealWindow(d));
        findings.addAll(grantedStays(d));
        findings.add(motionStayGranted(d));
        findings.add(motionStayInAbsentia(d));
        findings.add(voluntaryDeparture(d));
        findings.add(finality);
        findings.add(inAbsentiaRescission(d));

        Status status;
        if (findings.stream().anyMatch(f -> f.effect() == BLOCKS)) {
            status = Status.NOT_EXECUTABLE;
        } else if (findings.stream().anyMatch(f -> f.effect() == FREEZES)) {
            status = Status.FROZEN;
        } else {
            status = Status.EXECUTABLE;
        }
        Optional<LocalDate> changesOn = findings.stream().filter(Finding::holds).map(Finding::until)
                .flatMap(Optional::stream).min(Comparator.naturalOrder());
        return new Verdict(status, findings, asOf, changesOn, policy.id());
    }

    // ---- the facts as they stood on the as-of date --------------------------------------------------------------

    /** Order kinds the gate distinguishes. */
    enum OrderKind {
        REMOVAL,
        VOLUNTARY_DEPARTURE,
        NONE
    }

    /** The case as it stood on {@code asOf}, computed once for all rules. */
    private static final class Docket {
        final CaseFacts facts;
        final LocalDate asOf;
        final PolicyVersion policy;
        final BusinessCalendar calendar;
        final boolean ownCase;
        /** Proceedings opened on or before asOf, by IDNPROCEEDING. */
        final List<ProceedingFacts> proceedings;
        final ProceedingFacts governing;
        /** The governing proceeding's order, when it was decided on or before asOf. */
        final OrderKind order;
        final LocalDate orderDate;
        /** Appeal deadline (last day to file), when the respondent reserved appeal of a decided order. */
        final LocalDate appealDeadline;
        final List<AppealFacts> appeals;
        final List<MotionFacts> motionsAgainstOrder;

        Docket(CaseFacts facts, LocalDate asOf, PolicyVersion policy, BusinessCalendar calendar) {
            this.facts = facts;
            this.asOf = asOf;
            this.policy = policy;
            this.calendar = calendar;
            this.ownCase = facts.person().hasOwnCase() && facts.idnCase() != null;
            this.proceedings = ownCase ? facts.proceedings().stream()
                    .filter(p -> p.oscDate() == null || !p.oscDate().isAfter(asOf))
                    .sorted(Comparator.comparingLong(ProceedingFacts::idnProceeding)).toList() : List.of();
            this.governing = proceedings.isEmpty() ? null : proceedings.get(proceedings.size() - 1);
            this.order = governing == null || !completed(governing) ? OrderKind.NONE : orderKind(governing);
            this.orderDate = order == OrderKind.NONE ? null : governing.compDate();
            this.appealDeadline = order != OrderKind.NONE && !governing.absentia()
                    && governing.respondentReservedAppeal()
                    ? calendar.onOrNextBusinessDay(orderDate.plusDays(policy.appealPeriodDays())) : null;
            this.appeals = ownCase ? facts.appeals().stream()
                    .filter(a -> a.filed() == null || !a.filed().isAfter(asOf))
                    .sorted(Comparator.comparingLong(AppealFacts::idnAppeal)).toList() : List.of();
            this.motionsAgainstOrder = order == OrderKind.NONE ? List.of() : facts.motions().stream()
                    .filter(m -> m.idnProceeding() == null || m.idnProceeding() == governing.idnProceeding())
                    .filter(m -> m.receivedDate() != null && !m.receivedDate().isBefore(orderDate)
                            && !m.receivedDate().isAfter(asOf))
                    .sorted(Comparator.comparingLong(MotionFacts::idnMotion)).toList();
        }

        /** Decided (or otherwise completed) on or before asOf. */
        boolean completed(ProceedingFacts p) {
            return p.compDate() != null && !p.compDate().isAfter(asOf)
                    && (!p.decCode().isEmpty() || !p.otherComp().isEmpty());
        }

        boolean decided(AppealFacts a) {
            return a.biaDecision() != null && (a.biaDecisionDate() == null || !a.biaDecisionDate().isAfter(asOf));
        }

        boolean decided(MotionFacts m) {
            return m.decision() != null && (m.decisionDate() == null || !m.decisionDate().isAfter(asOf));
        }

        /** Appeals of the governing order: linked to it (or unlinked) and filed on or after the order date. */
        List<AppealFacts> appealsOfOrder() {
            if (order == OrderKind.NONE) {
                return List.of();
            }
            return appeals.stream()
                    .filter(a -> a.idnProceeding() == null || a.idnProceeding() == governing.idnProceeding())
                    .filter(a -> a.filed() == null || !a.filed().isBefore(orderDate)).toList();
        }

        LocalDate voluntaryDepartureDeadline() {
            return facts.voluntaryDepartureDeadline() != null ? facts.voluntaryDepartureDeadline()
                    : orderDate.plusDays(policy.voluntaryDepartureDays());
        }
    }

    static OrderKind orderKind(ProceedingFacts p) {
        String type = p.caseType();
        String dec = p.decCode();
        if ((type.equals("RMV") && dec.equals("X")) || (type.equals("DEP") && dec.equals("D"))
                || (type.equals("EXC") && dec.equals("E"))) {
            return OrderKind.REMOVAL;
        }
        if ((type.equals("RMV") || type.equals("DEP")) && dec.equals("V")) {
            return OrderKind.VOLUNTARY_DEPARTURE;
        }
        return OrderKind.NONE;
    }

    static String describeCompletion(ProceedingFacts p) {
        if (!p.decCode().isEmpty()) {
            String what = switch (p.decCode()) {
                case "T" -> "terminated";
                case "R" -> "relief granted";
                case "I" -> "terminated in prosecutorial discretion";
                case "J" -> "jurisdiction transferred to the BIA";
                case "A" -> "admitted";
                case "O" -> "completed otherwise";
                default -> "decided with code " + p.decCode();
            };
            return what + " (" + p.caseType() + "/" + p.decCode() + ")";
        }
        String what = switch (p.otherComp()) {
            case "A", "B", "Y" -> "administratively closed";
            case "C" -> "closed by a change of venue";
            case "T" -> "transferred";
            case "P" -> "closed for Temporary Protected Status";
            default -> "completed otherwise";
        };
        return what + " (OTHER_COMP " + p.otherComp() + ")";
    }

    private static String notReached(Docket d) {
        return d.ownCase ? "There is no order of removal in the governing proceeding, so this rule is not reached."
                : "The person has no case of their own, so this rule is not reached.";
    }

    // ---- the person ---------------------------------------------------------------------------------------------

    private static Finding ownCase(Docket d) {
        if (!d.ownCase) {
            return Finding.of(Rule.OWN_CASE, BLOCKS, "Not subject to removal: the person has no immigration court case "
                    + "of their own. Only an order in the person's own proceedings can remove them; the orders of "
                    + "other family members never apply to them.");
        }
        return Finding.of(Rule.OWN_CASE, ALLOWS, "The person is the respondent of their own case (IDNCASE "
                + d.facts.idnCase() + "); they are judged only on that case.");
    }

    private static Finding usCitizen(Docket d) {
        if (d.facts.person().usCitizen()) {
            return Finding.of(Rule.US_CITIZEN, BLOCKS, "The person is a U.S. citizen. A U.S. citizen can never be "
                    + "removed, whatever any order says.");
        }
        return Finding.of(Rule.US_CITIZEN, ALLOWS, "The person is not recorded as a U.S. citizen.");
    }

    private static Finding citizenshipClaim(Docket d) {
        if (d.facts.person().citizenshipClaimOpen()) {
            return Finding.of(Rule.CITIZENSHIP_CLAIM, FREEZES, "A claim to U.S. citizenship is open. No enforcement "
                    + "action may be taken until the claim is investigated and resolved (ICE Directive 16001.2).");
        }
        return Finding.of(Rule.CITIZENSHIP_CLAIM, ALLOWS, "No open claim to U.S. citizenship is recorded.");
    }

    private static Finding lprStatus(Docket d, Finding finality) {
        if (!d.facts.person().lpr()) {
            return Finding.of(Rule.LPR_STATUS, INFORMS, "The person is not recorded as a lawful permanent resident.");
        }
        if (!d.ownCase) {
            return Finding.of(Rule.LPR_STATUS, INFORMS, "The person is a lawful permanent resident with no case of "
                    + "their own; the status continues.");
        }
        if (finality.effect() == ALLOWS) {
            return Finding.of(Rule.LPR_STATUS, INFORMS, "The person is recorded as a lawful permanent resident, but "
                    + "has a final order of removal in their own case: LPR status ends with the final order "
                    + "(8 CFR 1001.1(p)), so the person is judged by that order like any respondent (see FINALITY).");
        }
        return Finding.of(Rule.LPR_STATUS, INFORMS, "The person is recorded as a lawful permanent resident and has no "
                + "final order of removal: the status continues until an order becomes final (8 CFR 1001.1(p)).");
    }

    private static List<Finding> legalHolds(Docket d) {
        List<Finding> out = new ArrayList<>();
        for (HoldFacts h : d.facts.holds()) {
            if (h.placedOn().isAfter(d.asOf)) {
                continue;
            }
            boolean lifted = h.liftedOn() != null && !h.liftedOn().isAfter(d.asOf);
            if (lifted) {
                out.add(Finding.of(Rule.LEGAL_HOLD, ALLOWS, "A legal hold placed on " + h.placedOn() + " (\""
                        + h.reason() + "\") was lifted on " + h.liftedOn() + "."));
            } else {
                out.add(Finding.of(Rule.LEGAL_HOLD, BLOCKS, "An attorney placed a legal hold on " + h.placedOn()
                        + ": \"" + h.reason() + "\". Not executable until the hold is lifted."));
            }
        }
        if (out.isEmpty()) {
            out.add(Finding.of(Rule.LEGAL_HOLD, ALLOWS, "No legal hold is on the case."));
        }
        return out;
    }

    // ---- the order ----------------------------------------------------------------------------------------------

    private static Finding latestProceeding(Docket d) {
        if (!d.ownCase) {
            return Finding.of(Rule.LATEST_PROCEEDING, INFORMS, notReached(d));
        }
        if (d.governing == null) {
            return Finding.of(Rule.LATEST_PROCEEDING, BLOCKS, "The case has no proceeding opened on or before "
                    + d.asOf + ", so there is nothing to execute.");
        }
        ProceedingFacts g = d.governing;
        if (!d.completed(g)) {
            Optional<ProceedingFacts> earlierOrder = d.proceedings.stream().filter(p -> p != g)
                    .filter(p -> d.completed(p) && orderKind(p) != OrderKind.NONE)
                    .reduce((a, b) -> b);
            if (earlierOrder.isPresent()) {
                ProceedingFacts old = earlierOrder.get();
                return Finding.of(Rule.LATEST_PROCEEDING, BLOCKS, "An order of " + old.compDate()
                        + " (proceeding " + old.idnProceeding() + ") was followed by a newer proceeding "
                        + g.idnProceeding() + (g.oscDate() == null ? "" : " opened " + g.oscDate())
                        + " that is not decided. The latest proceeding governs, so the older order cannot be "
                        + "executed.");
            }
        }
        return Finding.of(Rule.LATEST_PROCEEDING, ALLOWS, "Proceeding " + g.idnProceeding()
                + " is the latest of the case and governs.");
    }

    private static Finding removalOrder(Docket d) {
        if (!d.ownCase || d.governing == null) {
            return Finding.of(Rule.REMOVAL_ORDER, d.ownCase ? BLOCKS : INFORMS, d.ownCase
                    ? "There is no order of removal." : notReached(d));
        }
        ProceedingFacts g = d.governing;
        if (!d.completed(g)) {
            return Finding.of(Rule.REMOVAL_ORDER, BLOCKS, "Proceeding " + g.idnProceeding() + " is pending before "
                    + "the immigration judge (no decision on or before " + d.asOf + "). Pending proceedings are "
                    + "never executable.");
        }
        return switch (d.order) {
            case REMOVAL -> Finding.of(Rule.REMOVAL_ORDER, ALLOWS, "The immigration judge ordered removal on "
                    + d.orderDate + " (" + g.caseType() + "/" + g.decCode() + (g.absentia() ? ", in absentia" : "")
                    + ", proceeding " + g.idnProceeding() + ").");
            case VOLUNTARY_DEPARTURE -> Finding.of(Rule.REMOVAL_ORDER, ALLOWS, "The immigration judge granted "
                    + "voluntary departure on " + d.orderDate + " with an alternate order of removal (" + g.caseType()
                    + "/V, proceeding " + g.idnProceeding() + "); it can only be executed once the departure period "
                    + "is overstayed.");
            case NONE -> Finding.of(Rule.REMOVAL_ORDER, BLOCKS, "Proceeding " + g.idnProceeding() + " was "
                    + describeCompletion(g) + " on " + g.compDate() + ". There is no order of removal to execute.");
        };
    }

    private static Finding motionReopened(Docket d) {
        if (d.order == OrderKind.NONE) {
            return Finding.of(Rule.MOTION_REOPENED, INFORMS, notReached(d));
        }
        List<MotionFacts> decided = d.motionsAgainstOrder.stream().filter(d::decided).toList();
        Optional<MotionFacts> granted = decided.stream().filter(m -> m.decision().equals("G")).findFirst();
        if (granted.isPresent()) {
            MotionFacts m = granted.get();
            return Finding.of(Rule.MOTION_REOPENED, BLOCKS, "A motion received on " + m.receivedDate()
                    + " (motion " + m.idnMotion() + ") was granted" + (m.decisionDate() == null ? ""
                    : " on " + m.decisionDate()) + ": the proceedings are reopened and the order of " + d.orderDate
                    + " can no longer be executed.");
        }
        Optional<MotionFacts> unknown = decided.stream().filter(m -> !m.decision().equals("D")).findFirst();
        if (unknown.isPresent()) {
            MotionFacts m = unknown.get();
            return Finding.of(Rule.MOTION_REOPENED, BLOCKS, "A motion received on " + m.receivedDate()
                    + " (motion " + m.idnMotion() + ") was decided with code '" + m.decision() + "', which the gate "
                    + "does not know; an attorney must review whether the proceedings were reopened.");
        }
        if (!decided.isEmpty()) {
            MotionFacts m = decided.get(decided.size() - 1);
            return Finding.of(Rule.MOTION_REOPENED, ALLOWS, "A motion against the order received on "
                    + m.receivedDate() + " was denied" + (m.decisionDate() == null ? "" : " on " + m.decisionDate())
                    + "; a denied motion has no effect on the order.");
        }
        return Finding.of(Rule.MOTION_REOPENED, ALLOWS, "No motion against the order has been decided.");
    }

    // ---- automatic stays ----------------------------------------------------------------------------------------

    private static Finding appealPending(Docket d) {
        if (!d.ownCase) {
            return Finding.of(Rule.APPEAL_PENDING, INFORMS, notReached(d));
        }
        Optional<AppealFacts> pending = d.appeals.stream().filter(a -> !d.decided(a)).findFirst();
        if (pending.isPresent()) {
            AppealFacts a = pending.get();
            return Finding.of(Rule.APPEAL_PENDING, BLOCKS, "An appeal to the Board of Immigration Appeals filed on "
                    + a.filed() + " (appeal " + a.idnAppeal() + ") is pending. Removal is stayed while it is "
                    + "pending.");
        }
        return Finding.of(Rule.APPEAL_PENDING, ALLOWS, "No appeal to the Board of Immigration Appeals is pending.");
    }

    private static Finding appealWindow(Docket d) {
        if (d.order == OrderKind.NONE) {
            return Finding.of(Rule.APPEAL_WINDOW, INFORMS, notReached(d));
        }
        ProceedingFacts g = d.governing;
        if (g.absentia()) {
            return Finding.of(Rule.APPEAL_WINDOW, ALLOWS, "The order was made in absentia: it cannot be appealed to "
                    + "the BIA (the remedy is a motion to reopen), so there is no appeal window.");
        }
        if (!g.respondentReservedAppeal()) {
            return Finding.of(Rule.APPEAL_WINDOW, ALLOWS, "The respondent did not reserve appeal (APPEAL_RSVD '"
                    + g.appealRsvd() + "'): appeal was waived on " + d.orderDate + ", so there is no appeal window.");
        }
        LocalDate deadline = d.appealDeadline;
        String deadlineText = deadline.equals(d.orderDate.plusDays(d.policy.appealPeriodDays()))
                ? deadline.toString()
                : deadline + " (day " + d.policy.appealPeriodDays() + ", " + d.orderDate
                        .plusDays(d.policy.appealPeriodDays()) + ", is a weekend or federal holiday, so the period "
                        + "runs to the next business day)";
        if (!d.asOf.isAfter(deadline)) {
            if (!d.appealsOfOrder().isEmpty()) {
                return Finding.of(Rule.APPEAL_WINDOW, INFORMS, "The appeal period runs until " + deadlineText
                        + "; an appeal has been filed, see APPEAL_PENDING.");
            }
            return Finding.of(Rule.APPEAL_WINDOW, BLOCKS, "The respondent reserved appeal and the "
                    + d.policy.appealPeriodDays() + "-day appeal period runs until " + deadlineText
                    + ". Removal is stayed during the period; executable from " + deadline.plusDays(1)
                    + " if no appeal is filed.", deadline.plusDays(1));
        }
        return Finding.of(Rule.APPEAL_WINDOW, ALLOWS, "The appeal period ended on " + deadlineText + ".");
    }

    private static List<Finding> grantedStays(Docket d) {
        List<Finding> out = new ArrayList<>();
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
                    out.add(Finding.of(Rule.GRANTED_STAY, citation, ALLOWS, what + " was denied on "
                            + s.decidedOn() + ".", null));
                } else if (s.until() != null && s.until().isBefore(d.asOf)) {
                    out.add(Finding.of(Rule.GRANTED_STAY, citation, ALLOWS, what + " granted on " + s.decidedOn()
                            + " expired after " + s.until() + ".", null));
                } else {
                    out.add(Finding.of(Rule.GRANTED_STAY, citation, BLOCKS, what + " was granted on "
                            + s.decidedOn() + (s.until() == null ? " until lifted." : " until " + s.until() + ".")
                            + " Removal is stayed.", s.until() == null ? null : s.until().plusDays(1)));
                }
            }
        }
        if (out.isEmpty()) {
            out.add(Finding.of(Rule.GRANTED_STAY, ALLOWS, "No administrative or judicial stay is recorded."));
        }
        return out;
    }

    private static Finding motionStayGranted(Docket d) {
        if (d.order == OrderKind.NONE) {
            return Finding.of(Rule.MOTION_STAY_GRANTED, INFORMS, notReached(d));
        }
        Optional<MotionFacts> stayed = d.motionsAgainstOrder.stream().filter(m -> !d.decided(m))
                .filter(MotionFacts::stayGranted).findFirst();
        if (stayed.isPresent()) {
            MotionFacts m = stayed.get();
            return Finding.of(Rule.MOTION_STAY_GRANTED, BLOCKS, "The immigration judge granted a stay of removal "
                    + "(STAY_GRANT '" + m.stayGrant() + "') on the motion received " + m.receivedDate() + " (motion "
                    + m.idnMotion() + "); removal is stayed while the motion is pending.");
        }
        return Finding.of(Rule.MOTION_STAY_GRANTED, ALLOWS, "No stay was granted on a pending motion.");
    }

    private static Finding motionStayInAbsentia(Docket d) {
        if (d.order == OrderKind.NONE) {
            return Finding.of(Rule.MOTION_STAY_IN_ABSENTIA, INFORMS, notReached(d));
        }
        Optional<MotionFacts> pending = d.motionsAgainstOrder.stream().filter(m -> !d.decided(m)).findFirst();
        if (pending.isEmpty()) {
            return Finding.of(Rule.MOTION_STAY_IN_ABSENTIA, ALLOWS, "No motion against the order is pending.");
        }
        MotionFacts m = pending.get();
        if (d.governing.absentia()) {
            return Finding.of(Rule.MOTION_STAY_IN_ABSENTIA, BLOCKS, "A motion to reopen the in-absentia order of "
                    + d.orderDate + " was received on " + m.receivedDate() + " (motion " + m.idnMotion() + ") and "
                    + "is pending before the immigration judge. Filing it stays removal until the judge decides.");
        }
        return Finding.of(Rule.MOTION_STAY_IN_ABSENTIA, ALLOWS, "A motion received on " + m.receivedDate()
                + " (motion " + m.idnMotion() + ") is pending, but the order of " + d.orderDate + " was not made "
                + "in absentia: such a motion does not stay removal by itself (8 CFR 1003.23(b)(1)(v)).");
    }

    // ---- voluntary departure and finality -----------------------------------------------------------------------

    private static Finding voluntaryDeparture(Docket d) {
        if (d.order != OrderKind.VOLUNTARY_DEPARTURE) {
            return Finding.of(Rule.VOLUNTARY_DEPARTURE, d.order == OrderKind.NONE ? INFORMS : ALLOWS,
                    d.order == OrderKind.NONE ? notReached(d) : "No voluntary departure was granted.");
        }
        LocalDate last = d.voluntaryDepartureDeadline();
        String source = d.facts.voluntaryDepartureDeadline() != null ? "the recorded deadline"
                : d.policy.voluntaryDepartureDays() + " days after the order (EOIR data does not carry the period; "
                        + "policy default)";
        if (!d.asOf.isAfter(last)) {
            return Finding.of(Rule.VOLUNTARY_DEPARTURE, BLOCKS, "Voluntary departure granted on " + d.orderDate
                    + " runs until " + last + " (" + source + "). Not executable while the person may still depart "
                    + "on their own; executable from " + last.plusDays(1) + " if they overstay.", last.plusDays(1));
        }
        return Finding.of(Rule.VOLUNTARY_DEPARTURE, ALLOWS, "The voluntary-departure period ended on " + last + " ("
                + source + ") and was overstayed: the alternate order of removal took effect on " + last.plusDays(1)
                + ".");
    }

    private static Finding finality(Docket d) {
        if (d.order == OrderKind.NONE) {
            return Finding.of(Rule.FINALITY, d.ownCase ? BLOCKS : INFORMS, d.ownCase
                    ? "There is no order that could become final." : notReached(d));
        }
        ProceedingFacts g = d.governing;
        String how;
        if (g.absentia()) {
            how = "An in-absentia order is final when it is made: final on " + d.orderDate + " (8 CFR 1241.1(e)).";
        } else {
            List<AppealFacts> ofOrder = d.appealsOfOrder();
            if (ofOrder.stream().anyMatch(a -> !d.decided(a))) {
                return Finding.of(Rule.FINALITY, BLOCKS, "Not final: an appeal of the order is pending before the "
                        + "BIA (see APPEAL_PENDING).");
            }
            Optional<AppealFacts> lastDecided = ofOrder.stream().filter(d::decided)
                    .max(Comparator.comparing((AppealFacts a) -> a.biaDecisionDate() == null ? LocalDate.MIN
                            : a.biaDecisionDate()).thenComparingLong(AppealFacts::idnAppeal));
            if (lastDecided.isPresent()) {
                AppealFacts a = lastDecided.get();
                LocalDate decidedOn = a.biaDecisionDate() == null ? d.orderDate : a.biaDecisionDate();
                if (!BIA_DISMISSALS.contains(a.biaDecision())) {
                    return Finding.of(Rule.FINALITY, BLOCKS, "The BIA decided the appeal with '" + a.biaDecision()
                            + "' on " + decidedOn + " (remand, sustain or another outcome that is not a dismissal):"
                            + " the order of " + d.orderDate + " is not a final order.");
                }
                how = "The BIA dismissed the appeal ('" + a.biaDecision() + "') on " + decidedOn
                        + ": the order became final that day (8 CFR 1241.1(a)).";
            } else if (!g.respondentReservedAppeal()) {
                how = "The respondent waived appeal (APPEAL_RSVD '" + g.appealRsvd() + "'): the order became final "
                        + "on " + d.orderDate + " (8 CFR 1241.1(b)).";
            } else if (!d.asOf.isAfter(d.appealDeadline)) {
                return Finding.of(Rule.FINALITY, BLOCKS, "Not yet final: the appeal period runs until "
                        + d.appealDeadline + ". Final on " + d.appealDeadline.plusDays(1) + " if no appeal is filed "
                        + "(8 CFR 1241.1(c)).", d.appealDeadline.plusDays(1));
            } else {
                how = "No appeal was filed by " + d.appealDeadline + (g.appealNotFiled() ? " (APPEAL_NOT_FILED X)"
                        : "") + ": the order became final on " + d.appealDeadline.plusDays(1)
                        + " (8 CFR 1241.1(c)).";
            }
        }
        if (d.order == OrderKind.VOLUNTARY_DEPARTURE) {
            LocalDate last = d.voluntaryDepartureDeadline();
            if (!d.asOf.isAfter(last)) {
                return Finding.of(Rule.FINALITY, BLOCKS, how + " The alternate order of removal becomes final only "
                        + "on overstay of voluntary departure, on " + last.plusDays(1) + " (8 CFR 1241.1(f)).",
                        last.plusDays(1));
            }
            return Finding.of(Rule.FINALITY, ALLOWS, how + " Voluntary departure was overstayed: the alternate order "
                    + "of removal is final since " + last.plusDays(1) + " (8 CFR 1241.1(f)).");
        }
        return Finding.of(Rule.FINALITY, ALLOWS, how);
    }

    private static Finding inAbsentiaRescission(Docket d) {
        if (d.order == OrderKind.NONE) {
            return Finding.of(Rule.IN_ABSENTIA_RESCISSION, INFORMS, notReached(d));
        }
        if (!d.governing.absentia()) {
            return Finding.of(Rule.IN_ABSENTIA_RESCISSION, INFORMS, "The order was not made in absentia; the "
                    + "in-absentia rescission rules do not apply.");
        }
        LocalDate last = d.orderDate.plusDays(d.policy.exceptionalCircumstancesDays());
        String window = d.asOf.isAfter(last)
                ? "The " + d.policy.exceptionalCircumstancesDays() + "-day window for a motion to reopen for "
                        + "exceptional circumstances closed on " + last + " (INA 240(b)(5)(C)(i))."
                : "A motion to reopen for exceptional circumstances may be filed until " + last + " ("
                        + d.policy.exceptionalCircumstancesDays() + " days after the order, INA 240(b)(5)(C)(i)).";
        return Finding.of(Rule.IN_ABSENTIA_RESCISSION, INFORMS, "The order of " + d.orderDate + " was made in "
                + "absentia and may still be contested. " + window + " A motion claiming the person did not receive "
                + "notice of the hearing, or was in federal or state custody, may be filed at any time "
                + "(INA 240(b)(5)(C)(ii)). Filing either motion stays removal until the judge decides "
                + "(8 CFR 1003.23(b)(4)(ii)).", d.asOf.isAfter(last) ? null : last.plusDays(1));
    }
}
