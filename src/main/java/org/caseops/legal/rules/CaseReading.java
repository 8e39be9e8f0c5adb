package org.caseops.legal.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.caseops.legal.rules.Determination.Meaning;
import org.caseops.legal.rules.Determination.Subject;
import org.caseops.legal.rules.EoirCodes.AppealKind;
import org.caseops.legal.rules.EoirCodes.BiaOutcome;
import org.caseops.legal.rules.EoirCodes.IjOrder;
import org.caseops.legal.rules.EoirCodes.MotionDecision;
import org.caseops.legal.rules.EoirCodes.MotionKind;

/**
 * One case as it stood on the as-of date, read once for all rules: which facts were known that day, what each code
 * means (from {@link EoirCodes} or an attorney's {@link Determination}), which appeals and motions concern the
 * governing order, when the appeal period ends, where finality stands and what voluntary-departure period runs.
 */
final class CaseReading {

    /** Order kinds the gate distinguishes. */
    enum OrderKind {
        REMOVAL,
        VOLUNTARY_DEPARTURE,
        NONE
    }

    /** An appeal (or BIA motion) as read on the as-of date. */
    record Appeal(AppealFacts facts, AppealKind kind, String unknownType, boolean decided, BiaOutcome outcome,
            String reviewCode, String outcomeSource, boolean ofOrder, boolean fromLead) {

        /** Read as a case appeal or a motion whose outcome concerns the order's finality. */
        boolean concernsOrder() {
            return kind == AppealKind.CASE_APPEAL || kind == AppealKind.MOTION_APPEAL
                    || kind == AppealKind.BIA_MOTION;
        }

        /** Still before the BIA: not decided, or decided with a code that leaves it undecided (continued, closed). */
        boolean pending() {
            return !decided || outcome == BiaOutcome.NOT_DECIDED;
        }

        LocalDate decidedOn(LocalDate fallback) {
            return facts.biaDecisionDate() == null ? fallback : facts.biaDecisionDate();
        }

        String describe() {
            return (fromLead ? "the lead case's " : "") + (facts.appealType() == null ? "appeal"
                    : facts.appealType()) + " " + facts.idnAppeal() + (facts.filed() == null ? ""
                    : " filed " + facts.filed());
        }
    }

    /** A motion as read on the as-of date. */
    record Motion(MotionFacts facts, MotionKind kind, boolean typeKnown, boolean decided, MotionDecision decision,
            String reviewCode, boolean sameDay, boolean againstOrder, Meaning filingMeaning, boolean fromLead) {

        boolean pending() {
            return !decided || decision == MotionDecision.NOT_DECIDED;
        }

        String describe() {
            String type = facts.motionType() == null ? "motion"
                    : typeKnown ? "motion " + facts.motionType() + " ("
                            + EoirCodes.MOTION_TYPES.get(facts.motionType()).description() + ")"
                            : "motion of unknown type " + facts.motionType();
            return (fromLead ? "the lead case's " : "") + type + " " + facts.idnMotion() + " received "
                    + facts.receivedDate();
        }
    }

    /** Where finality stands after the IJ's order and the BIA's decisions on it. */
    enum FinalState {
        FINAL,
        NOT_FINAL,
        REVIEW
    }

    /**
     * The finality of the order.
     *
     * @param state    final, not final, or an attorney must review a code
     * @param finalOn  the day it became final (FINAL)
     * @param until    the day it becomes final by itself if nothing happens (NOT_FINAL, an appeal period), or null
     * @param how      the explanation, with its citation (written when a finding's detail is read)
     * @param byBia    the BIA event that decided the state, when one did
     */
    record Finality(FinalState state, LocalDate finalOn, LocalDate until, Supplier<String> how, Appeal byBia) {
    }

    /** A voluntary-departure period. */
    /**
     * A voluntary-departure period: from {@code start} to {@code lastDay}, or ended early on {@code endedOn} by a
     * filing ({@code endedBy}) or by the bond not posted in time ({@code bondVacated}); {@code bondPending} is the
     * bond of the grant still due on the as-of date and not posted (the period then vacates the day after its due
     * date unless it is posted).
     */
    record DeparturePeriod(LocalDate start, LocalDate lastDay, String source, LocalDate endedOn, String endedBy,
            DepartureBondFacts bondVacated, DepartureBondFacts bondPending) {

        DeparturePeriod(LocalDate start, LocalDate lastDay, String source, LocalDate endedOn, String endedBy) {
            this(start, lastDay, source, endedOn, endedBy, null, null);
        }
    }

    final CaseFacts facts;
    final LocalDate asOf;
    final PolicyVersion policy;
    final BusinessCalendar calendar;
    final int staleAfterDays;
    final boolean ownCase;
    final Map<String, Determination> determinations;
    /** Proceedings opened on or before asOf, by IDNPROCEEDING. */
    final List<ProceedingFacts> proceedings;
    final ProceedingFacts governing;
    /** The governing proceeding's decision as the gate reads it; null while undecided. */
    final Supplier<String> decisionText;
    /** The unknown decision code that needs review, or null. */
    final String unknownDecision;
    final OrderKind order;
    final LocalDate orderDate;
    /** True when the appeal period stays removal: an order made in person that the respondent did not waive. */
    final boolean periodApplies;
    /** Last day to appeal (rolled forward over days the BIA was closed), when the period applies. */
    final LocalDate appealDeadline;
    private final LocalDate computedDeadline;
    private final LocalDate recordedDeadline;
    private final LocalDate laterDeadline;
    final List<Appeal> appeals;
    final List<Motion> motions;
    private final List<Appeal> appealsOfOrder;
    private final List<Motion> motionsSinceOrder;
    private final List<Motion> motionsAgainstOrder;
    final Finality finality;
    final DeparturePeriod departure;

    CaseReading(CaseFacts facts, LocalDate asOf, PolicyVersion policy, BusinessCalendar calendar, int staleAfterDays) {
        this.facts = facts;
        this.asOf = asOf;
        this.policy = policy;
        this.calendar = calendar;
        this.staleAfterDays = staleAfterDays;
        this.ownCase = facts.person().hasOwnCase() && facts.idnCase() != null;
        this.determinations = facts.determinations().isEmpty() ? Map.of() : new HashMap<>();
        for (Determination det : facts.determinations()) {
            if (!det.recordedOn().isAfter(asOf)) {
                Determination before = determinations.get(det.subject());
                if (before == null || !det.recordedOn().isBefore(before.recordedOn())) {
                    determinations.put(det.subject(), det);
                }
            }
        }
        this.proceedings = ownCase ? openedBy(facts.proceedings(), asOf) : List.of();
        this.governing = proceedings.isEmpty() ? null : proceedings.get(proceedings.size() - 1);

        Supplier<String> text = null;
        String unknown = null;
        OrderKind kind = OrderKind.NONE;
        if (governing != null && completed(governing)) {
            ProceedingFacts g = governing;
            if (!g.decCode().isEmpty()) {
                String key = g.caseType() + "/" + g.decCode();
                EoirCodes.IjDecisionCode known = EoirCodes.IJ_DECISIONS.get(key);
                if (known != null) {
                    kind = kindOf(known.order());
                    text = () -> known.description() + " (" + key + ")";
                } else if (EoirCodes.CASE_TYPES.contains(g.caseType())
                        && EoirCodes.COURT_DECISION_LETTERS.containsKey(g.decCode())) {
                    text = () -> EoirCodes.COURT_DECISION_LETTERS.get(g.decCode()) + " (" + key + ", not an order of "
                            + "removal for this case type)";
                } else {
                    Determination det = determinations.get(Subject.ijDecision(g.caseType(), g.decCode()));
                    if (det == null) {
                        unknown = key;
                        text = () -> "decided with code " + key;
                    } else {
                        kind = switch (det.meaning()) {
                            case ORDER_OF_REMOVAL -> OrderKind.REMOVAL;
                            case VOLUNTARY_DEPARTURE_ORDER -> OrderKind.VOLUNTARY_DEPARTURE;
                            default -> OrderKind.NONE;
                        };
                        text = () -> "decided with code " + key + ", which an attorney determined on " + det.recordedOn()
                                + " means " + det.meaning() + " (\"" + det.reason() + "\")";
                    }
                }
            } else {
                String what = EoirCodes.OTHER_COMPLETIONS.get(g.otherComp());
                text = () -> (what == null ? "completed otherwise" : what) + " (OTHER_COMP " + g.otherComp() + ")";
            }
        }
        this.decisionText = text;
        this.unknownDecision = unknown;
        this.order = kind;
        this.orderDate = order == OrderKind.NONE ? null : governing.compDate();
        this.periodApplies = order != OrderKind.NONE && !governing.absentia() && !governing.respondentWaivedAppeal();
        if (periodApplies) {
            LocalDate computed = orderDate.plusDays(policy.appealPeriodDays());
            LocalDate recorded = governing.appealDueDate();
            LocalDate later = recorded != null && recorded.isAfter(computed) ? recorded : computed;
            this.appealDeadline = calendar.onOrNextBusinessDay(later);
            this.computedDeadline = computed;
            this.recordedDeadline = recorded;
            this.laterDeadline = later;
        } else {
            this.appealDeadline = null;
            this.computedDeadline = null;
            this.recordedDeadline = null;
            this.laterDeadline = null;
        }
        this.appeals = readAppeals();
        this.motions = readMotions();
        this.appealsOfOrder = Lists.filter(appeals, Appeal::ofOrder);
        this.motionsSinceOrder = order == OrderKind.NONE ? List.of() : Lists.filter(motions,
                m -> (m.facts().idnProceeding() == null || m.facts().idnProceeding() == governing.idnProceeding())
                        && !m.facts().receivedDate().isBefore(orderDate));
        this.motionsAgainstOrder = Lists.filter(motions, Motion::againstOrder);
        this.finality = order == OrderKind.NONE ? null : finality();
        this.departure = order == OrderKind.NONE ? null : departure();
    }

    private static final Comparator<Appeal> APPEALS_OWN_FIRST = Comparator.comparing((Appeal a) -> a.fromLead())
            .thenComparingLong(a -> a.facts().idnAppeal());
    private static final Comparator<Motion> MOTIONS_OWN_FIRST = Comparator.comparing((Motion m) -> m.fromLead())
            .thenComparingLong(m -> m.facts().idnMotion());

    /** The proceedings opened on or before asOf, by IDNPROCEEDING (most cases have one). */
    private static List<ProceedingFacts> openedBy(List<ProceedingFacts> all, LocalDate asOf) {
        if (all.size() == 1) {
            ProceedingFacts p = all.get(0);
            return p.oscDate() == null || !p.oscDate().isAfter(asOf) ? all : List.of();
        }
        // a case has a handful of proceedings: an insertion sort by IDNPROCEEDING, no comparator, no TimSort set-up
        ProceedingFacts[] opened = new ProceedingFacts[all.size()];
        int n = 0;
        for (ProceedingFacts p : all) {
            if (p.oscDate() == null || !p.oscDate().isAfter(asOf)) {
                int i = n++;
                while (i > 0 && opened[i - 1].idnProceeding() > p.idnProceeding()) {
                    opened[i] = opened[i - 1];
                    i--;
                }
                opened[i] = p;
            }
        }
        return n == 0 ? List.of() : Arrays.asList(n == opened.length ? opened : Arrays.copyOf(opened, n));
    }

    private static OrderKind kindOf(IjOrder o) {
        return switch (o) {
            case REMOVAL -> OrderKind.REMOVAL;
            case VOLUNTARY_DEPARTURE -> OrderKind.VOLUNTARY_DEPARTURE;
            case NO_ORDER -> OrderKind.NONE;
        };
    }

    /** The order an earlier proceeding made, from the tables alone (for the latest-proceeding rule). */
    static OrderKind orderKind(ProceedingFacts p) {
        EoirCodes.IjDecisionCode known = EoirCodes.IJ_DECISIONS.get(p.caseType() + "/" + p.decCode());
        return known == null ? OrderKind.NONE : kindOf(known.order());
    }

    /** Decided (or otherwise completed) on or before asOf. */
    boolean completed(ProceedingFacts p) {
        return p.compDate() != null && !p.compDate().isAfter(asOf)
                && (!p.decCode().isEmpty() || !p.otherComp().isEmpty());
    }

    /** The last day to appeal and how it was reckoned (when the period applies). */
    String deadlineText() {
        return deadlineText(computedDeadline, recordedDeadline, laterDeadline, appealDeadline);
    }

    private String deadlineText(LocalDate computed, LocalDate recorded, LocalDate later, LocalDate deadline) {
        String from = switch (governing.decType()) {
            case "O" -> "30 days from the oral decision of " + orderDate;
            case "W" -> "30 days from service of the written decision, taken as " + orderDate
                    + " (EOIR's release carries no service date)";
            case "" -> "30 days from the decision of " + orderDate;
            default -> "30 days from the decision of " + orderDate + " (DEC_TYPE '" + governing.decType()
                    + "' is neither oral nor written; counted from the completion date)";
        };
        StringBuilder s = new StringBuilder(deadline.toString()).append(" (").append(from);
        if (recorded != null) {
            s.append(recorded.isAfter(computed) ? "; EOIR recorded the later due date " + recorded + ", which governs"
                    : "; EOIR recorded the due date " + recorded + ", not later than " + computed);
        }
        if (!deadline.equals(later)) {
            s.append("; ").append(later).append(" falls on a weekend or federal holiday or a day the BIA was closed");
            String closed = BiaClosures.closure(later);
            if (closed != null) {
                s.append(" (").append(closed).append(")");
            }
            s.append(", so the period runs to the next day the BIA is open");
        }
        return s.append(")").toString();
    }

    // ---- appeals ------------------------------------------------------------------------------------------------

    private List<Appeal> readAppeals() {
        if (!ownCase || (facts.appeals().isEmpty() && facts.family() == null)) {
            return List.of();
        }
        List<Appeal> out = new ArrayList<>();
        for (AppealFacts a : facts.appeals()) {
            if (a.filed() == null || !a.filed().isAfter(asOf)) {
                out.add(readAppeal(a, false));
            }
        }
        if (facts.family() != null && order != OrderKind.NONE) {
            for (AppealFacts a : facts.family().leadAppeals()) {
                Determination det = determinations.get(Subject.leadAppeal(a.idnAppeal()));
                if (det != null && det.meaning() == Meaning.COVERS_RIDER
                        && (a.filed() == null || !a.filed().isAfter(asOf))) {
                    out.add(readAppeal(new AppealFacts(a.idnAppeal(), null, a.filed(), a.biaDecision(),
                            a.biaDecisionDate(), a.appealType(), a.filedBy()), true));
                }
            }
        }
        if (out.size() > 1) {
            out.sort(APPEALS_OWN_FIRST);
        }
        return List.copyOf(out);
    }

    Appeal readAppeal(AppealFacts a, boolean fromLead) {
        AppealKind kind;
        String unknownType = null;
        Optional<EoirCodes.AppealTypeCode> type = EoirCodes.appealType(a.appealType());
        if (type.isPresent() && type.get().kind() != AppealKind.ATTORNEY_REVIEW) {
            kind = type.get().kind();
        } else {
            Determination det = determinations.get(Subject.appealType(a.appealType()));
            if (det != null) {
                kind = switch (det.meaning()) {
                    case CASE_APPEAL -> AppealKind.CASE_APPEAL;
                    case MOTION_APPEAL -> AppealKind.MOTION_APPEAL;
                    case BIA_MOTION -> AppealKind.BIA_MOTION;
                    default -> AppealKind.NOT_ABOUT_THE_ORDER;
                };
            } else {
                kind = AppealKind.ATTORNEY_REVIEW;
                unknownType = a.appealType();
            }
        }
        boolean decided = a.biaDecision() != null
                && (a.biaDecisionDate() == null || !a.biaDecisionDate().isAfter(asOf));
        BiaOutcome outcome = null;
        String reviewCode = null;
        String source = null;
        if (decided) {
            EoirCodes.BiaCode code = EoirCodes.BIA_DECISIONS.get(a.biaDecision());
            if (code != null && code.outcome() != BiaOutcome.ATTORNEY_REVIEW) {
                outcome = code.outcome();
                source = "'" + a.biaDecision() + "' (" + code.description() + ")";
            } else {
                Determination det = determinations.get(Subject.biaDecision(a.biaDecision()));
                if (det != null) {
                    outcome = switch (det.meaning()) {
                        case BIA_DISMISSED -> BiaOutcome.DISMISSED;
                        case BIA_DENIED -> BiaOutcome.DENIED;
                        case BIA_NO_FINAL_ORDER -> BiaOutcome.NO_FINAL_ORDER;
                        case BIA_NOT_DECIDED -> BiaOutcome.NOT_DECIDED;
                        case BIA_WITHDRAWN -> BiaOutcome.WITHDRAWN;
                        case BIA_NO_APPEAL_TAKEN -> BiaOutcome.NO_APPEAL_TAKEN;
                        case BIA_VOLUNTARY_DEPARTURE_30 -> BiaOutcome.VOLUNTARY_DEPARTURE_30;
                        default -> BiaOutcome.VOLUNTARY_DEPARTURE_60;
                    };
                    source = "'" + a.biaDecision() + "', which an attorney determined on " + det.recordedOn()
                            + " means " + det.meaning() + " (\"" + det.reason() + "\")";
                } else {
                    outcome = BiaOutcome.ATTORNEY_REVIEW;
                    reviewCode = a.biaDecision();
                    source = code == null ? "unknown code " + a.biaDecision() + " in strBIADecision"
                            : "code " + a.biaDecision() + " (" + code.description() + ") in strBIADecision, which "
                                    + "does not say what happened to the order";
                }
            }
        }
        boolean ofOrder = order != OrderKind.NONE
                && (a.idnProceeding() == null || a.idnProceeding() == governing.idnProceeding())
                && (a.filed() == null || !a.filed().isBefore(orderDate));
        return new Appeal(a, kind, unknownType, decided, outcome, reviewCode, source, ofOrder, fromLead);
    }

    List<Appeal> appealsOfOrder() {
        return appealsOfOrder;
    }

    // ---- motions ------------------------------------------------------------------------------------------------

    private List<Motion> readMotions() {
        if (!ownCase || (facts.motions().isEmpty() && facts.family() == null)) {
            return List.of();
        }
        List<Motion> out = new ArrayList<>();
        for (MotionFacts m : facts.motions()) {
            if (m.receivedDate() != null && !m.receivedDate().isAfter(asOf)) {
                out.add(readMotion(m, false));
            }
        }
        if (facts.family() != null && order != OrderKind.NONE) {
            for (MotionFacts m : facts.family().leadMotions()) {
                Determination det = determinations.get(Subject.leadMotion(m.idnMotion()));
                if (det != null && det.meaning() == Meaning.COVERS_RIDER && m.receivedDate() != null
                        && !m.receivedDate().isAfter(asOf)) {
                    out.add(readMotion(new MotionFacts(m.idnMotion(), null, m.receivedDate(), m.decision(),
                            m.decisionDate(), m.stayGrant(), m.motionType(), m.filingParty()), true));
                }
            }
        }
        if (out.size() > 1) {
            out.sort(MOTIONS_OWN_FIRST);
        }
        return List.copyOf(out);
    }

    Motion readMotion(MotionFacts m, boolean fromLead) {
        EoirCodes.MotionTypeCode type = m.motionType() == null ? null : EoirCodes.MOTION_TYPES.get(m.motionType());
        MotionKind kind = type == null ? MotionKind.UNSPECIFIED : type.kind();
        boolean decided = m.decision() != null && (m.decisionDate() == null || !m.decisionDate().isAfter(asOf));
        MotionDecision decision = null;
        String reviewCode = null;
        if (decided) {
            EoirCodes.MotionDecisionCode code = EoirCodes.MOTION_DECISIONS.get(m.decision());
            if (code != null && code.decision() != MotionDecision.ATTORNEY_REVIEW) {
                decision = code.decision();
            } else {
                Determination det = determinations.get(Subject.motionDecision(m.decision()));
                if (det != null) {
                    decision = switch (det.meaning()) {
                        case MOTION_GRANTED -> MotionDecision.GRANTED;
                        case MOTION_NOT_GRANTED -> MotionDecision.NOT_GRANTED;
                        default -> MotionDecision.NOT_DECIDED;
                    };
                } else {
                    decision = MotionDecision.ATTORNEY_REVIEW;
                    reviewCode = m.decision();
                }
            }
        }
        boolean sinceOrder = order != OrderKind.NONE
                && (m.idnProceeding() == null || m.idnProceeding() == governing.idnProceeding())
                && !m.receivedDate().isBefore(orderDate);
        boolean sameDay = sinceOrder && m.receivedDate().equals(orderDate);
        Determination filing = determinations.get(Subject.motion(m.idnMotion()));
        return new Motion(m, kind, type != null, decided, decision, reviewCode, sameDay,
                sinceOrder && kind != MotionKind.PROCEDURAL, filing == null ? null : filing.meaning(), fromLead);
    }

    /** Motions received on or after the order, on its proceeding, whatever their type. */
    List<Motion> motionsSinceOrder() {
        return motionsSinceOrder;
    }

    List<Motion> motionsAgainstOrder() {
        return motionsAgainstOrder;
    }

    /**
     * Whether a granted motion against the order reopened the proceedings: TRUE reopened, FALSE not, null an attorney
     * must say (a same-day unlisted motion, or a motion that changes the order some other way).
     */
    static Boolean reopens(Motion m) {
        if (m.filingMeaning() != null && (m.kind() == MotionKind.OTHER_EFFECT
                || (m.kind() == MotionKind.UNSPECIFIED && m.sameDay()))) {
            return m.filingMeaning() == Meaning.REOPENS;
        }
        return switch (m.kind()) {
            case REOPENS -> true;
            case UNSPECIFIED -> m.sameDay() ? null : true;
            case OTHER_EFFECT -> null;
            case PROCEDURAL -> false;
        };
    }

    // ---- finality -----------------------------------------------------------------------------------------------

    /** The IJ's order on its own terms, as though no appeal had been taken. */
    private Finality onItsOwnTerms(String prefix) {
        if (governing.absentia()) {
            return new Finality(FinalState.FINAL, orderDate, null, () -> prefix + "An in-absentia order is final when it is "
                    + "made: final on " + orderDate + " (8 CFR 1241.1(e)).", null);
        }
        if (!periodApplies) {
            return new Finality(FinalState.FINAL, orderDate, null, () -> prefix + "The respondent waived appeal "
                    + "(APPEAL_RSVD '" + governing.appealRsvd() + "': only DHS reserved): the order became final on "
                    + orderDate + " (8 CFR 1241.1(b)).", null);
        }
        if (!asOf.isAfter(appealDeadline)) {
            return new Finality(FinalState.NOT_FINAL, null, appealDeadline.plusDays(1), () -> prefix + "Not yet final: the "
                    + "appeal period runs until " + appealDeadline + ". Final on " + appealDeadline.plusDays(1)
                    + " if no appeal is filed (8 CFR 1241.1(c)).", null);
        }
        return new Finality(FinalState.FINAL, appealDeadline.plusDays(1), null, () -> prefix + "No appeal was filed by "
                + appealDeadline + (governing.appealNotFiled() ? " (APPEAL_NOT_FILED X)" : "")
                + ": the order became final on " + appealDeadline.plusDays(1) + " (8 CFR 1241.1(c)).", null);
    }

    private Finality finality() {
        List<Appeal> ofOrder = Lists.filter(appealsOfOrder(), Appeal::concernsOrder);
        if (ofOrder.isEmpty()) {
            return onItsOwnTerms("");
        }
        Optional<Appeal> pendingCase = Lists.first(ofOrder, a -> a.kind() == AppealKind.CASE_APPEAL && a.pending());
        if (pendingCase.isPresent()) {
            return new Finality(FinalState.NOT_FINAL, null, null, () -> "Not final: " + pendingCase.get().describe()
                    + " is pending before the BIA (see APPEAL_PENDING).", null);
        }
        List<Appeal> decided = ofOrder.stream().filter(a -> !a.pending())
                .sorted(Comparator.comparing((Appeal a) -> a.decidedOn(orderDate))
                        .thenComparingLong(a -> a.facts().idnAppeal())).toList();
        Optional<Appeal> review = decided.stream().filter(a -> a.outcome() == BiaOutcome.ATTORNEY_REVIEW
                || (a.kind() == AppealKind.CASE_APPEAL && a.outcome() == BiaOutcome.DENIED)
                || (a.kind() != AppealKind.CASE_APPEAL && a.outcome().grantsVoluntaryDeparture())).findFirst();
        if (review.isPresent()) {
            Appeal a = review.get();
            String what = a.reviewCode() != null ? a.outcomeSource()
                    : "code " + a.facts().biaDecision() + " on a " + a.kind().name().toLowerCase().replace('_', ' ');
            return new Finality(FinalState.REVIEW, null, null, () -> "Not known to be final: the BIA decided "
                    + a.describe() + " with " + what + ": attorney review (see BIA_DECISION).", a);
        }
        Finality state = onItsOwnTerms("");
        for (Appeal a : decided) {
            LocalDate on = a.decidedOn(orderDate);
            if (a.kind() == AppealKind.CASE_APPEAL) {
                state = switch (a.outcome()) {
                    case DISMISSED -> new Finality(FinalState.FINAL, on, null, () -> "The BIA dismissed the appeal "
                            + a.outcomeSource() + " on " + on + ": the order became final that day "
                            + "(8 CFR 1241.1(a)).", a);
                    case VOLUNTARY_DEPARTURE_30, VOLUNTARY_DEPARTURE_60 -> new Finality(FinalState.FINAL, on, null,
                            () -> "The BIA dismissed the appeal and granted voluntary departure " + a.outcomeSource()
                                    + " on " + on + ": the order became final that day (8 CFR 1241.1(a)).", a);
                    case NO_FINAL_ORDER -> new Finality(FinalState.NOT_FINAL, null, null, () -> "The BIA decided the "
                            + "appeal with " + a.outcomeSource() + " on " + on + " (remand, sustain, grant or "
                            + "another outcome that is not a dismissal): the order of " + orderDate
                            + " is not a final order until a new decision.", a);
                    case WITHDRAWN, NO_APPEAL_TAKEN -> {
                        Finality own = onItsOwnTerms("The appeal ended with " + a.outcomeSource() + " on " + on
                                + ": the IJ's decision is final as though no appeal had been taken (8 CFR 1003.4), "
                                + "not before its own appeal period ends. ");
                        yield new Finality(own.state(), own.finalOn(), own.until(), own.how(), a);
                    }
                    default -> state;
                };
            } else if (a.outcome() == BiaOutcome.NO_FINAL_ORDER) {
                state = new Finality(FinalState.NOT_FINAL, null, null, () -> "The BIA granted " + a.describe() + " ("
                        + a.outcomeSource() + ", " + on + "): the proceedings are reopened and the order of "
                        + orderDate + " is not a final order until a new decision (8 CFR 1003.2).", a);
            }
        }
        return state;
    }

    // ---- voluntary departure ------------------------------------------------------------------------------------

    /** The statutory maximum before the conclusion of proceedings (INA 240B(a)(2)(A)). */
    static final int PRE_CONCLUSION_DAYS = 120;

    private DeparturePeriod departure() {
        LocalDate start;
        LocalDate last;
        String source;
        Appeal byBia = finality.byBia();
        if (byBia != null && byBia.outcome() != null && byBia.outcome().grantsVoluntaryDeparture()
                && finality.state() == FinalState.FINAL) {
            start = byBia.decidedOn(orderDate);
            int days = byBia.outcome().voluntaryDepartureDays();
            last = start.plusDays(days);
            source = days + " days from the BIA's decision of " + start + " (" + byBia.outcomeSource() + ")";
        } else if (order == OrderKind.VOLUNTARY_DEPARTURE) {
            if (byBia != null && byBia.outcome() == BiaOutcome.DISMISSED && finality.state() == FinalState.FINAL) {
                start = byBia.decidedOn(orderDate);
                last = start.plusDays(policy.voluntaryDepartureDays());
                source = policy.voluntaryDepartureDays() + " days from the BIA's dismissal of " + start + " (the "
                        + "BIA reinstates the departure period; no deadline recorded, so the longest the law allows "
                        + "at the conclusion of proceedings, INA 240B(b)(2))";
            } else if (governing.respondentReservedAppeal()) {
                start = orderDate;
                last = start.plusDays(policy.voluntaryDepartureDays());
                source = policy.voluntaryDepartureDays() + " days after the order (granted at the conclusion of "
                        + "proceedings, since the respondent reserved appeal; no deadline recorded, so the longest "
                        + "the law allows, INA 240B(b)(2))";
            } else {
                start = orderDate;
                last = start.plusDays(PRE_CONCLUSION_DAYS);
                source = PRE_CONCLUSION_DAYS + " days after the order (the record does not show whether it was "
                        + "granted before the conclusion of proceedings; no deadline recorded, so the longest the "
                        + "law allows, INA 240B(a)(2)(A))";
            }
        } else {
            return null;
        }
        Optional<DepartureDeadlineFacts> recorded = facts.departureDeadlines().stream()
                .filter(r -> !r.orderedOn().isAfter(asOf) && !r.orderedOn().isBefore(start))
                .max(Comparator.comparing(DepartureDeadlineFacts::orderedOn));
        if (recorded.isPresent()) {
            DepartureDeadlineFacts r = recorded.get();
            last = r.lastDay();
            source = "the recorded deadline from " + r.source().label() + " of " + r.orderedOn()
                    + (r.reference().isEmpty() ? "" : " [" + r.reference() + "]") + ", " + r.source().citation();
        }
        LocalDate endedOn = null;
        String endedBy = null;
        for (Motion m : motions) {
            if ((m.kind() == MotionKind.REOPENS || m.kind() == MotionKind.UNSPECIFIED) && !m.fromLead()
                    && inPeriod(m.facts().receivedDate(), start, last)
                    && (endedOn == null || m.facts().receivedDate().isBefore(endedOn))) {
                endedOn = m.facts().receivedDate();
                endedBy = "the " + m.describe() + " (8 CFR 1240.26(e)(1))";
            }
        }
        for (Appeal a : appeals) {
            if (a.kind() == AppealKind.BIA_MOTION && a.facts().filed() != null
                    && inPeriod(a.facts().filed(), start, last)
                    && (endedOn == null || a.facts().filed().isBefore(endedOn))) {
                endedOn = a.facts().filed();
                endedBy = "the motion to reopen at the BIA " + a.describe() + " (8 CFR 1240.26(e)(1))";
            }
        }
        for (PetitionFacts p : facts.petitions()) {
            if (p.requestedByOil() != null && inPeriod(p.requestedByOil(), start, last)
                    && (endedOn == null || p.requestedByOil().isBefore(endedOn))) {
                endedOn = p.requestedByOil();
                endedBy = "the petition for review " + p.idnAppealFedCourts() + " (8 CFR 1240.26(i))";
            }
        }
        // 8 CFR 1240.26(c)(3): the bond of the order that granted this period (the latest ordered on or after the
        // period's start and on or before the as-of date) not posted within 5 business days vacates the grant
        // automatically; the alternate order of removal takes effect on the day after the due date.
        final LocalDate from = start;
        final LocalDate until = last;
        Optional<DepartureBondFacts> bond = facts.departureBonds().stream()
                .filter(b -> !b.orderedOn().isBefore(from) && !b.orderedOn().isAfter(asOf)
                        && !b.orderedOn().isAfter(until))
                .max(Comparator.comparing(DepartureBondFacts::orderedOn));
        DepartureBondFacts vacated = null;
        DepartureBondFacts pending = null;
        if (bond.isPresent()) {
            DepartureBondFacts b = bond.get();
            if (b.missedOn(asOf) && !b.vacatesOn().isAfter(last)
                    && (endedOn == null || b.vacatesOn().isBefore(endedOn))) {
                endedOn = b.vacatesOn();
                endedBy = null;
                vacated = b;
            } else if (!b.missedOn(asOf) && (b.postedOn() == null || b.postedOn().isAfter(asOf))
                    && !b.vacatesOn().isAfter(last) && endedOn == null) {
                pending = b;
            }
        }
        return new DeparturePeriod(start, last, source, endedOn, endedBy, vacated, pending);
    }

    private boolean inPeriod(LocalDate filed, LocalDate start, LocalDate last) {
        return filed != null && !filed.isBefore(start) && !filed.isAfter(last) && !filed.isAfter(asOf);
    }

    /** The first day the alternate order of removal is in effect: the day after the period, or the day it ended. */
    LocalDate departureOver() {
        return departure.endedOn() != null ? departure.endedOn() : departure.lastDay().plusDays(1);
    }
}
