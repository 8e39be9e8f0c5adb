package org.caseops.legal.rules;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What every code of the EOIR lookup tables the gate reads means to the gate, written out code by code: the gate
 * knows each code of {@code tblLookupBIADecision} (53), {@code tbllookupAppealType} (19),
 * {@code tblLookupMotionType} (72), {@code tblLookUp_Appln} (40), {@code tblLookupCourtAppDecisions} (14),
 * {@code tblLookupFedCourtDecision} (4), the motion decisions EOIR writes ({@code tblLookupCourtDecision} letters and
 * {@code tblLookupCourtAppDecisions}) and the IJ decisions of {@code decision_codes_by_case_type.csv}. A code that is
 * in none of these maps is unknown: the rule that reads it answers "unknown code X: attorney review" until an attorney
 * records what it means for the case ({@link Determination}). Codes whose meaning the tables leave open are mapped to
 * an explicit "attorney review" meaning, with the same effect. {@code docs/legal-rules.md} lists every mapping.
 */
public final class EoirCodes {

    private EoirCodes() {
    }

    // ---- tblLookupBIADecision (strBIADecision) --------------------------------------------------------------------

    /** What a BIA decision code does to the order it was taken against. */
    public enum BiaOutcome {
        /** Appeal dismissed, IJ affirmed (summarily or not): the order is final on the BIA decision (8 CFR 1241.1(a)). */
        DISMISSED,
        /** A motion denied: the earlier order stands as it was (8 CFR 1003.2). */
        DENIED,
        /** Remand, sustain, grant (with or without remand), termination, relief: no final order stands. */
        NO_FINAL_ORDER,
        /** Continued, administratively closed or returned to the court: not finally decided, still before the BIA. */
        NOT_DECIDED,
        /** Appeal withdrawn: the IJ decision is final as though no appeal had been taken (8 CFR 1003.4). */
        WITHDRAWN,
        /** Rejected or outside the BIA's jurisdiction: no appeal was taken; the IJ decision stands on its own terms. */
        NO_APPEAL_TAKEN,
        /** Dismissed with voluntary departure for 30 days from the BIA decision (8 CFR 1240.26(c)(3)). */
        VOLUNTARY_DEPARTURE_30,
        /** Dismissed or affirmed with voluntary departure, period not in the code: the longest lawful, 60 days. */
        VOLUNTARY_DEPARTURE_60,
        /** The code does not say what happened to the order (other, moot, streamlining marker...): attorney review. */
        ATTORNEY_REVIEW;

        public boolean grantsVoluntaryDeparture() {
            return this == VOLUNTARY_DEPARTURE_30 || this == VOLUNTARY_DEPARTURE_60;
        }

        /** The departure period the code grants, in days from the BIA decision. */
        public int voluntaryDepartureDays() {
            return this == VOLUNTARY_DEPARTURE_30 ? 30 : 60;
        }
    }

    /** Every code of tblLookupBIADecision, with EOIR's description and what it does to the order. */
    public record BiaCode(String description, BiaOutcome outcome) {
    }

    public static final Map<String, BiaCode> BIA_DECISIONS = Map.ofEntries(
            bia("ABC", "American Baptist Church Settlement", BiaOutcome.NO_FINAL_ORDER),
            bia("ACR", "ROP returned to court to correct deficiency", BiaOutcome.NOT_DECIDED),
            bia("ADM", "Administratively closed", BiaOutcome.NOT_DECIDED),
            bia("ADR", "Administrative return", BiaOutcome.NOT_DECIDED),
            bia("APD", "Administratively closed - DHS PD", BiaOutcome.NOT_DECIDED),
            bia("BCR", "Background check remand", BiaOutcome.NO_FINAL_ORDER),
            bia("BVD", "BIA grants voluntary departure except when CFV applies", BiaOutcome.VOLUNTARY_DEPARTURE_60),
            bia("CFD", "Final denial of EOIR 42B/40", BiaOutcome.DISMISSED),
            bia("CFG", "Final grant of EOIR 42B/40", BiaOutcome.NO_FINAL_ORDER),
            bia("CFV", "Final denial of 42B/40 - granting VD", BiaOutcome.VOLUNTARY_DEPARTURE_60),
            bia("CGR", "Any conditional grant of relief except CPC", BiaOutcome.NO_FINAL_ORDER),
            bia("CON", "Continued", BiaOutcome.NOT_DECIDED),
            bia("CPC", "Conditional grant - CPC asylum", BiaOutcome.NO_FINAL_ORDER),
            bia("CPG", "Coercive population control", BiaOutcome.NO_FINAL_ORDER),
            bia("CTM", "Administratively closed other than ABC", BiaOutcome.NOT_DECIDED),
            bia("D30", "Dismissed (grant V/D 30 days)", BiaOutcome.VOLUNTARY_DEPARTURE_30),
            bia("DED", "Deferred Enforced Departure", BiaOutcome.NO_FINAL_ORDER),
            bia("DEN", "Denied", BiaOutcome.DENIED),
            bia("DIS", "Dismiss appeal / affirm IJ's decision", BiaOutcome.DISMISSED),
            bia("DMO", "Dismissed as moot", BiaOutcome.ATTORNEY_REVIEW),
            bia("DNS", "Denied Soriano", BiaOutcome.DENIED),
            bia("DSO", "Dismiss Soriano", BiaOutcome.DISMISSED),
            bia("DUT", "Dismiss as untimely", BiaOutcome.DISMISSED),
            bia("DVD", "Dismissed (voluntary departure granted)", BiaOutcome.VOLUNTARY_DEPARTURE_60),
            bia("FMD", "Franco motion denied; remove / ineligible relief", BiaOutcome.DISMISSED),
            bia("GNR", "Grant with no remand", BiaOutcome.NO_FINAL_ORDER),
            bia("GRN", "Granted", BiaOutcome.NO_FINAL_ORDER),
            bia("GRS", "Granted Soriano", BiaOutcome.NO_FINAL_ORDER),
            bia("MBD", "Moot bond", BiaOutcome.ATTORNEY_REVIEW),
            bia("NAN", "NACARA notice", BiaOutcome.NO_FINAL_ORDER),
            bia("NJU", "Lacks jurisdiction - BIA", BiaOutcome.NO_APPEAL_TAKEN),
            bia("OTH", "Other", BiaOutcome.ATTORNEY_REVIEW),
            bia("OTS", "Other Soriano", BiaOutcome.ATTORNEY_REVIEW),
            bia("REJ", "Rejection", BiaOutcome.NO_APPEAL_TAKEN),
            bia("REM", "Remand", BiaOutcome.NO_FINAL_ORDER),
            bia("S-L", "Streamlining", BiaOutcome.ATTORNEY_REVIEW),
            bia("SAD", "Summary dismissal (a) inadequate reason on appeal", BiaOutcome.DISMISSED),
            bia("SAF", "Summary affirmance", BiaOutcome.DISMISSED),
            bia("SAV", "Summary affirmance / VD", BiaOutcome.VOLUNTARY_DEPARTURE_60),
            bia("SCC", "Suspension cancellation CAP", BiaOutcome.NO_FINAL_ORDER),
            bia("SDG", "Summary dismissal (g) untimely or waived appeal", BiaOutcome.DISMISSED),
            bia("SED", "Summary dismissal (e) no brief", BiaOutcome.DISMISSED),
            bia("SNC", "Special NACARA continuation", BiaOutcome.NOT_DECIDED),
            bia("SND", "Summary dismissal - both (a) and (e)", BiaOutcome.DISMISSED),
            bia("SOD", "Summary dismissal (o) other", BiaOutcome.DISMISSED),
            bia("SUD", "Summarily dismiss", BiaOutcome.DISMISSED),
            bia("SUP", "Suspension completion", BiaOutcome.NO_FINAL_ORDER),
            bia("SUS", "Sustain", BiaOutcome.NO_FINAL_ORDER),
            bia("TER", "Termination", BiaOutcome.NO_FINAL_ORDER),
            bia("TPD", "Terminate - DHS PD", BiaOutcome.NO_FINAL_ORDER),
            bia("TPS", "Temporary Protected Status", BiaOutcome.NO_FINAL_ORDER),
            bia("WDL", "Withdrawal of appeal", BiaOutcome.WITHDRAWN),
            bia("WPD", "Withdrawal - DHS PD", BiaOutcome.ATTORNEY_REVIEW));

    private static Map.Entry<String, BiaCode> bia(String code, String description, BiaOutcome outcome) {
        return Map.entry(code, new BiaCode(description, outcome));
    }

    // ---- tbllookupAppealType (strAppealType) ----------------------------------------------------------------------

    /** Whether an appeal concerns the finality of the order of removal, and how. */
    public enum AppealKind {
        /** An appeal of the IJ's decision on the merits (or back before the BIA on a circuit-court remand). */
        CASE_APPEAL,
        /** An appeal of an IJ's denial of a motion to reopen, rescind or set aside: no automatic stay (8 CFR 1003.6(b)). */
        MOTION_APPEAL,
        /** A motion to reopen or reconsider filed at the BIA: no stay (8 CFR 1003.2(f)); a grant reopens. */
        BIA_MOTION,
        /** Bond, custody, visa-petition, fines and other DHS-decision appeals: never about the order's finality. */
        NOT_ABOUT_THE_ORDER,
        /** A code the table lists but whose meaning it leaves open ({@code test}): attorney review. */
        ATTORNEY_REVIEW
    }

    public record AppealTypeCode(String description, AppealKind kind) {
    }

    public static final Map<String, AppealTypeCode> APPEAL_TYPES = Map.ofEntries(
            appealType("AMSA Appeal", "Appeal of motion to set aside", AppealKind.MOTION_APPEAL),
            appealType("Appeal of IJ MTR", "Appeal of IJ MTR", AppealKind.MOTION_APPEAL),
            appealType("Bond Appeal", "Bond appeal", AppealKind.NOT_ABOUT_THE_ORDER),
            appealType("Bond MTR Rec", "Bond MTR reconsider", AppealKind.NOT_ABOUT_THE_ORDER),
            appealType("Bond MTR Rei", "Bond MTR reinstate", AppealKind.NOT_ABOUT_THE_ORDER),
            appealType("Bond MTR Reo", "Bond MTR reopen", AppealKind.NOT_ABOUT_THE_ORDER),
            appealType("Case Appeal", "Case appeal", AppealKind.CASE_APPEAL),
            appealType("CDR", "Continued detention review appeal", AppealKind.NOT_ABOUT_THE_ORDER),
            appealType("Circuit Court Remand", "Circuit court remand", AppealKind.CASE_APPEAL),
            appealType("DD 212", "DHS decision: 212 waiver", AppealKind.NOT_ABOUT_THE_ORDER),
            appealType("DD Bond", "DHS decision: bond", AppealKind.NOT_ABOUT_THE_ORDER),
            appealType("DD Fines", "DHS decision: fines", AppealKind.NOT_ABOUT_THE_ORDER),
            appealType("DD Visa", "DHS decision: visa petition", AppealKind.NOT_ABOUT_THE_ORDER),
            appealType("Interlocutory Appeal", "Interlocutory appeal", AppealKind.NOT_ABOUT_THE_ORDER),
            appealType("MTR BIA", "Motion to reopen at the BIA", AppealKind.BIA_MOTION),
            appealType("RC Appeal", "Reasonable cause appeal (continued detention)", AppealKind.NOT_ABOUT_THE_ORDER),
            appealType("SC Appeal", "Special circumstances appeal (continued detention)",
                    AppealKind.NOT_ABOUT_THE_ORDER),
            appealType("test", "test", AppealKind.ATTORNEY_REVIEW),
            appealType("Zero Bond Appeal", "Zero bond appeal", AppealKind.NOT_ABOUT_THE_ORDER));

    private static Map.Entry<String, AppealTypeCode> appealType(String code, String description, AppealKind kind) {
        return Map.entry(code, new AppealTypeCode(description, kind));
    }

    /**
     * The appeal type as EOIR's release writes it: the table's spelling in any case ({@code CASE APPEAL}), and a
     * {@code DD} type with a hyphen ({@code DD-212}). Blank (a release without the column) reads as a case appeal, the
     * reading that blocks while pending.
     */
    public static Optional<AppealTypeCode> appealType(String code) {
        if (code == null || code.isBlank()) {
            return CASE_APPEAL;
        }
        AppealTypeCode exact = APPEAL_TYPES.get(code);
        if (exact != null) {
            return Optional.of(exact);
        }
        return Optional.ofNullable(APPEAL_TYPES_FOLDED.get(fold(code)));
    }

    private static final Optional<AppealTypeCode> CASE_APPEAL = Optional.of(APPEAL_TYPES.get("Case Appeal"));

    private static String fold(String code) {
        return code.trim().replace('-', ' ').replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static final Map<String, AppealTypeCode> APPEAL_TYPES_FOLDED = APPEAL_TYPES.entrySet().stream()
            .collect(java.util.stream.Collectors.toUnmodifiableMap(e -> fold(e.getKey()), Map.Entry::getValue));

    // ---- tblLookupMotionType (tbl_Court_Motions.REC_TYPE) ---------------------------------------------------------

    /** What kind of motion a REC_TYPE is, for the order it may be filed against. */
    public enum MotionKind {
        /** Reopen, rescind, reconsider, set aside, vacate the order: a grant reopens (8 CFR 1003.23(b)). */
        REOPENS,
        /** Unlisted or "other" motion: read as a motion to reopen; granted on the order's date it needs review. */
        UNSPECIFIED,
        /** A motion whose grant changes the order some other way (terminate, dismiss, reissue, VD, stay): review. */
        OTHER_EFFECT,
        /** Procedural (continuance, counsel, venue, hearing logistics, bond): never a reopening. */
        PROCEDURAL
    }

    public record MotionTypeCode(String description, MotionKind kind) {
    }

    public static final Map<String, MotionTypeCode> MOTION_TYPES = Map.ofEntries(
            motionType("AC", "Administrative closure", MotionKind.PROCEDURAL),
            motionType("AI", "Apologize to the court for improper conduct", MotionKind.PROCEDURAL),
            motionType("AN", "Correct an A-number", MotionKind.PROCEDURAL),
            motionType("BB", "Custody determination", MotionKind.PROCEDURAL),
            motionType("BD", "Bond re-determination", MotionKind.PROCEDURAL),
            motionType("C", "Recalendar", MotionKind.PROCEDURAL),
            motionType("CA", "Hold case in abeyance", MotionKind.PROCEDURAL),
            motionType("CC", "Correct case information", MotionKind.PROCEDURAL),
            motionType("CD", "Change docket type", MotionKind.PROCEDURAL),
            motionType("CL", "Calendar (case off-calendar)", MotionKind.PROCEDURAL),
            motionType("CO", "Continuance", MotionKind.PROCEDURAL),
            motionType("CS", "Consolidate", MotionKind.PROCEDURAL),
            motionType("CT", "Sever", MotionKind.PROCEDURAL),
            motionType("CV", "Change of venue", MotionKind.PROCEDURAL),
            motionType("EH", "Advance for earlier hearing date", MotionKind.PROCEDURAL),
            motionType("ET", "Extension of time to file a document", MotionKind.PROCEDURAL),
            motionType("EW", "Excuse appearance of witness", MotionKind.PROCEDURAL),
            motionType("FD", "Reconsider", MotionKind.REOPENS),
            motionType("FW", "Fee waiver", MotionKind.PROCEDURAL),
            motionType("HV", "Submit a video/recording as evidence", MotionKind.PROCEDURAL),
            motionType("IC", "Incompetence of alien/attorney", MotionKind.PROCEDURAL),
            motionType("IM", "Set an individual/merits hearing", MotionKind.PROCEDURAL),
            motionType("IP", "In-person hearing", MotionKind.PROCEDURAL),
            motionType("LI", "Specific language interpreter", MotionKind.PROCEDURAL),
            motionType("LS", "Permit law student or reputable representative", MotionKind.PROCEDURAL),
            motionType("MA", "Reopen for in absentia", MotionKind.REOPENS),
            motionType("MC", "Reopen for changed country conditions", MotionKind.REOPENS),
            motionType("MD", "Accept late filed documents", MotionKind.PROCEDURAL),
            motionType("MN", "Amend the name on the NTA", MotionKind.PROCEDURAL),
            motionType("MP", "Modify protective order", MotionKind.PROCEDURAL),
            motionType("MS", "Subpoena", MotionKind.PROCEDURAL),
            motionType("MU", "Motion unlisted", MotionKind.UNSPECIFIED),
            motionType("O", "Reopen", MotionKind.REOPENS),
            motionType("OC", "Open/close hearing to the public", MotionKind.PROCEDURAL),
            motionType("OD", "Return original documents", MotionKind.PROCEDURAL),
            motionType("OT", "Other motion", MotionKind.UNSPECIFIED),
            motionType("PA", "Proceed on the administrative record", MotionKind.PROCEDURAL),
            motionType("PC", "Pre-trial conference", MotionKind.PROCEDURAL),
            motionType("PM", "Pretermit", MotionKind.PROCEDURAL),
            motionType("PO", "Protective order", MotionKind.PROCEDURAL),
            motionType("PS", "Place on status docket", MotionKind.PROCEDURAL),
            motionType("QS", "Quash a subpoena", MotionKind.PROCEDURAL),
            motionType("RC", "Recuse", MotionKind.PROCEDURAL),
            motionType("RD", "Rescind", MotionKind.REOPENS),
            motionType("RI", "Reissue decision", MotionKind.OTHER_EFFECT),
            motionType("RP", "Reconsider pre-decision", MotionKind.PROCEDURAL),
            motionType("RR", "Retrieve and review file", MotionKind.PROCEDURAL),
            motionType("RS", "Remove from status docket", MotionKind.PROCEDURAL),
            motionType("SA", "Set aside", MotionKind.REOPENS),
            motionType("SB", "Subsequent bond determination", MotionKind.PROCEDURAL),
            motionType("SC", "Substitute counsel", MotionKind.PROCEDURAL),
            motionType("SD", "Substitute documents", MotionKind.PROCEDURAL),
            motionType("SG", "Competency safeguards", MotionKind.PROCEDURAL),
            motionType("SO", "Stipulated voluntary departure", MotionKind.OTHER_EFFECT),
            motionType("SP", "Suppress", MotionKind.PROCEDURAL),
            motionType("SR", "Stipulated removal", MotionKind.OTHER_EFFECT),
            motionType("ST", "Security present in court", MotionKind.PROCEDURAL),
            motionType("SY", "Stay of removal / extension of stay", MotionKind.OTHER_EFFECT),
            motionType("TA", "Telephonic appearance", MotionKind.PROCEDURAL),
            motionType("TD", "Terminate the deferral", MotionKind.OTHER_EFFECT),
            motionType("TP", "Terminate", MotionKind.OTHER_EFFECT),
            motionType("TV", "Video appearance", MotionKind.PROCEDURAL),
            motionType("U", "Dismiss", MotionKind.OTHER_EFFECT),
            motionType("VD", "Voluntary departure", MotionKind.OTHER_EFFECT),
            motionType("VO", "Vacate IJ order", MotionKind.REOPENS),
            motionType("VP", "Vacate protective order", MotionKind.PROCEDURAL),
            motionType("VS", "Vacate a hearing/scheduling order", MotionKind.PROCEDURAL),
            motionType("WA", "Withdraw a charge or allegation", MotionKind.PROCEDURAL),
            motionType("WC", "Withdraw as counsel", MotionKind.PROCEDURAL),
            motionType("WP", "Withdraw application for admission", MotionKind.OTHER_EFFECT),
            motionType("WV", "Waive appearance", MotionKind.PROCEDURAL),
            motionType("XH", "Expedite hearing", MotionKind.PROCEDURAL));

    private static Map.Entry<String, MotionTypeCode> motionType(String code, String description, MotionKind kind) {
        return Map.entry(code, new MotionTypeCode(description, kind));
    }

    // ---- motion decisions (tbl_Court_Motions.DEC) ------------------------------------------------------------------

    /** What a motion's decision code says about the motion. */
    public enum MotionDecision {
        GRANTED,
        /** Denied, dismissed, withdrawn or abandoned: the motion changed nothing. */
        NOT_GRANTED,
        /** Reserved or transferred with the file: not decided yet. */
        NOT_DECIDED,
        /** The code does not say whether the motion was granted: attorney review. */
        ATTORNEY_REVIEW
    }

    public record MotionDecisionCode(String description, MotionDecision decision) {
    }

    /**
     * Motion decisions as EOIR writes them: the letters of tblLookupCourtAppDecisions and tblLookupCourtDecision
     * (the importer checks DEC against the latter). A letter whose description in those tables fits a motion is read
     * that way; the others need an attorney.
     */
    public static final Map<String, MotionDecisionCode> MOTION_DECISIONS = Map.ofEntries(
            motionDecision("A", "Abandonment", MotionDecision.NOT_GRANTED),
            motionDecision("B", "Administrative closing - failure to appear", MotionDecision.ATTORNEY_REVIEW),
            motionDecision("C", "Conditional grant", MotionDecision.ATTORNEY_REVIEW),
            motionDecision("D", "Deny", MotionDecision.NOT_GRANTED),
            motionDecision("E", "Grant - INA withholding", MotionDecision.ATTORNEY_REVIEW),
            motionDecision("F", "Full grant", MotionDecision.GRANTED),
            motionDecision("G", "Grant", MotionDecision.GRANTED),
            motionDecision("H", "Grant - CAT deferral / Haitian", MotionDecision.ATTORNEY_REVIEW),
            motionDecision("I", "In-court stipulated grant", MotionDecision.GRANTED),
            motionDecision("J", "Jurisdiction transferred to the BIA", MotionDecision.ATTORNEY_REVIEW),
            motionDecision("K", "Administrative closure / revoke", MotionDecision.ATTORNEY_REVIEW),
            motionDecision("L", "Grant WCAT / lifted detained status", MotionDecision.ATTORNEY_REVIEW),
            motionDecision("M", "Not adjudicated", MotionDecision.ATTORNEY_REVIEW),
            motionDecision("N", "Recommend final", MotionDecision.ATTORNEY_REVIEW),
            motionDecision("O", "Other", MotionDecision.ATTORNEY_REVIEW),
            motionDecision("P", "Paper stipulated grant", MotionDecision.GRANTED),
            motionDecision("R", "Reserved", MotionDecision.NOT_DECIDED),
            motionDecision("S", "Administrative closure / reserve", MotionDecision.ATTORNEY_REVIEW),
            motionDecision("T", "Change of venue / transfer", MotionDecision.NOT_DECIDED),
            motionDecision("U", "Dismissed by IJ", MotionDecision.NOT_GRANTED),
            motionDecision("V", "Vacate", MotionDecision.ATTORNEY_REVIEW),
            motionDecision("W", "Withdrawn", MotionDecision.NOT_GRANTED),
            motionDecision("X", "Zero bond", MotionDecision.ATTORNEY_REVIEW),
            motionDecision("Y", "Prosecutorial discretion - administrative close", MotionDecision.ATTORNEY_REVIEW),
            motionDecision("Z", "Grant - CAT withholding", MotionDecision.ATTORNEY_REVIEW));

    private static Map.Entry<String, MotionDecisionCode> motionDecision(String code, String description,
            MotionDecision decision) {
        return Map.entry(code, new MotionDecisionCode(description, decision));
    }

    // ---- tblLookUp_Appln and tblLookupCourtAppDecisions (tbl_Court_Appln) -----------------------------------------

    /** What an application, once granted, means for an order of removal in the same proceeding. */
    public enum ApplicationKind {
        /** Withholding of removal or CAT protection: bars removal to the country named, not removal as such. */
        PROTECTION,
        /** Relief that ends removability or cancels removal: granted beside a removal order, the record conflicts. */
        RELIEF,
        /** Voluntary departure: the order is a VD order (DEC_CODE V). */
        VOLUNTARY_DEPARTURE,
        /** Prima facie, unknown, "WD": the table does not say what a grant means. */
        ATTORNEY_REVIEW
    }

    public record ApplicationCode(String description, ApplicationKind kind) {
    }

    public static final Map<String, ApplicationCode> APPLICATIONS = Map.ofEntries(
            application("202", "NACARA adjustment", ApplicationKind.RELIEF),
            application("209c", "Waiver of inadmissibility of a refugee", ApplicationKind.RELIEF),
            application("2129", "Waiver under 212(a)(9)(C)(iii)", ApplicationKind.RELIEF),
            application("212a", "Waiver of unlawful presence under 212(a)(9)(B)(v)", ApplicationKind.RELIEF),
            application("212c", "212(c) waiver", ApplicationKind.RELIEF),
            application("212d", "Waiver by nonimmigrant", ApplicationKind.RELIEF),
            application("212g", "Medical waiver", ApplicationKind.RELIEF),
            application("212h", "Waiver of prior criminal conduct", ApplicationKind.RELIEF),
            application("212i", "Waiver of visa fraud", ApplicationKind.RELIEF),
            application("212k", "Waiver of defective visa or labor certificate", ApplicationKind.RELIEF),
            application("212L", "Waiver of 212(a)(7)(B)(i)", ApplicationKind.RELIEF),
            application("216", "Removal of conditional basis of LPR status", ApplicationKind.RELIEF),
            application("237H", "Waiver under 237(a)(1)(H)", ApplicationKind.RELIEF),
            application("241a", "Waiver of deportability - full pardon", ApplicationKind.RELIEF),
            application("241f", "Waiver of prior visa fraud", ApplicationKind.RELIEF),
            application("245", "Adjustment of status", ApplicationKind.RELIEF),
            application("249", "Registry", ApplicationKind.RELIEF),
            application("42A", "Cancellation of removal (LPR), EOIR-42A", ApplicationKind.RELIEF),
            application("42B", "Cancellation of removal (non-LPR), EOIR-42B", ApplicationKind.RELIEF),
            application("A", "HRIFA", ApplicationKind.RELIEF),
            application("ASYL", "Asylum", ApplicationKind.RELIEF),
            application("ASYW", "Asylum withholding (INA 241(b)(3))", ApplicationKind.PROTECTION),
            application("B", "HRIFA - parole", ApplicationKind.RELIEF),
            application("BCA", "HRIFA - child", ApplicationKind.RELIEF),
            application("BSP", "HRIFA - spouse", ApplicationKind.RELIEF),
            application("BUA", "HRIFA - unmarried son or daughter", ApplicationKind.RELIEF),
            application("CI", "HRIFA - child without parents", ApplicationKind.RELIEF),
            application("CII", "HRIFA - child orphaned", ApplicationKind.RELIEF),
            application("CIII", "HRIFA - child abandoned", ApplicationKind.RELIEF),
            application("CPC", "Coercive population control", ApplicationKind.RELIEF),
            application("d11", "Waiver for alien smuggling, 212(d)(11)", ApplicationKind.RELIEF),
            application("I881", "Suspension/cancellation under NACARA", ApplicationKind.RELIEF),
            application("PRMF", "Prima facie", ApplicationKind.ATTORNEY_REVIEW),
            application("SUSP", "Suspension of deportation", ApplicationKind.RELIEF),
            application("UNK", "Unknown", ApplicationKind.ATTORNEY_REVIEW),
            application("VD", "Voluntary departure", ApplicationKind.VOLUNTARY_DEPARTURE),
            application("WAIV", "Waiver under 237(a)(1)(H)(i)", ApplicationKind.RELIEF),
            application("WCAT", "Withholding/deferral under the Convention against Torture", ApplicationKind.PROTECTION),
            application("WD", "WD", ApplicationKind.ATTORNEY_REVIEW),
            application("WDL", "Withdrawal of request for admission", ApplicationKind.RELIEF));

    private static Map.Entry<String, ApplicationCode> application(String code, String description,
            ApplicationKind kind) {
        return Map.entry(code, new ApplicationCode(description, kind));
    }

    /** What a tblLookupCourtAppDecisions code says about an application. */
    public enum ApplicationDecision {
        GRANTED,
        /** Denied, abandoned, withdrawn, not adjudicated: the application changed nothing. */
        NOT_GRANTED,
        /** Reserved, administratively closed, transferred: not decided. */
        NOT_DECIDED,
        /** "Other": attorney review. */
        ATTORNEY_REVIEW
    }

    public record ApplicationDecisionCode(String description, ApplicationDecision decision) {
    }

    public static final Map<String, ApplicationDecisionCode> APPLICATION_DECISIONS = Map.ofEntries(
            applicationDecision("A", "Abandonment", ApplicationDecision.NOT_GRANTED),
            applicationDecision("C", "Conditional grant", ApplicationDecision.GRANTED),
            applicationDecision("D", "Deny", ApplicationDecision.NOT_GRANTED),
            applicationDecision("F", "Full grant", ApplicationDecision.GRANTED),
            applicationDecision("G", "Grant", ApplicationDecision.GRANTED),
            applicationDecision("I", "In-court stipulated grant", ApplicationDecision.GRANTED),
            applicationDecision("L", "Grant WCAT", ApplicationDecision.GRANTED),
            applicationDecision("M", "Not adjudicated", ApplicationDecision.NOT_GRANTED),
            applicationDecision("O", "Other", ApplicationDecision.ATTORNEY_REVIEW),
            applicationDecision("P", "Paper stipulated grant", ApplicationDecision.GRANTED),
            applicationDecision("R", "Reserved", ApplicationDecision.NOT_DECIDED),
            applicationDecision("S", "Admin closure", ApplicationDecision.NOT_DECIDED),
            applicationDecision("T", "Change of venue / transfer", ApplicationDecision.NOT_DECIDED),
            applicationDecision("W", "Withdrawn", ApplicationDecision.NOT_GRANTED));

    private static Map.Entry<String, ApplicationDecisionCode> applicationDecision(String code, String description,
            ApplicationDecision decision) {
        return Map.entry(code, new ApplicationDecisionCode(description, decision));
    }

    // ---- tblLookupFedCourtDecision (tblAppealFedCourts.strFedCourtDecision) ---------------------------------------

    /** What a federal court of appeals decided on a petition for review. */
    public enum PetitionOutcome {
        /** Remanded (or the petition granted): the BIA's decision is vacated until it decides again. */
        REMANDED,
        /** Dismissed: the BIA's decision stands. */
        DISMISSED,
        ATTORNEY_REVIEW
    }

    public record PetitionCode(String description, PetitionOutcome outcome) {
    }

    public static final Map<String, PetitionCode> PETITION_DECISIONS = Map.ofEntries(
            Map.entry("DIS", new PetitionCode("Dismiss", PetitionOutcome.DISMISSED)),
            Map.entry("FCD", new PetitionCode("Federal court decision #1", PetitionOutcome.ATTORNEY_REVIEW)),
            Map.entry("REM", new PetitionCode("Remand", PetitionOutcome.REMANDED)),
            Map.entry("SUS", new PetitionCode("Sustain", PetitionOutcome.REMANDED)));

    // ---- IJ decisions (DEC_CODE by CASE_TYPE, strDecType C) and other completions (OTHER_COMP, strDecType O) -------

    /** What the immigration judge's decision is, for the gate. */
    public enum IjOrder {
        REMOVAL,
        VOLUNTARY_DEPARTURE,
        /** Terminated, relief granted, admitted, reviews and other decisions that are no order of removal. */
        NO_ORDER
    }

    public record IjDecisionCode(String description, IjOrder order) {
    }

    /** Keyed {@code CASE_TYPE/DEC_CODE}, every strDecType {@code C} row of decision_codes_by_case_type.csv. */
    public static final Map<String, IjDecisionCode> IJ_DECISIONS = Map.ofEntries(
            ij("AOC/A", "Abandonment", IjOrder.NO_ORDER), ij("AOC/C", "Conditional grant", IjOrder.NO_ORDER),
            ij("AOC/D", "Deny", IjOrder.NO_ORDER), ij("AOC/G", "Grant", IjOrder.NO_ORDER),
            ij("AOC/J", "Jurisdiction transferred to the BIA", IjOrder.NO_ORDER), ij("AOC/O", "Other", IjOrder.NO_ORDER),
            ij("AOC/W", "Withdraw", IjOrder.NO_ORDER),
            ij("CDR/D", "Dismissed", IjOrder.NO_ORDER), ij("CDR/G", "Grant", IjOrder.NO_ORDER),
            ij("CDR/J", "Jurisdiction transferred to the BIA", IjOrder.NO_ORDER), ij("CDR/O", "Other", IjOrder.NO_ORDER),
            ij("CFR/A", "Affirmed - DHS decision and no credible fear", IjOrder.NO_ORDER),
            ij("CFR/J", "Jurisdiction transferred to the BIA", IjOrder.NO_ORDER), ij("CFR/O", "Other", IjOrder.NO_ORDER),
            ij("CFR/V", "Vacate - DHS decision and credible fear", IjOrder.NO_ORDER),
            ij("CSR/A", "Affirmed - DHS decision", IjOrder.NO_ORDER),
            ij("CSR/J", "Jurisdiction transferred to the BIA", IjOrder.NO_ORDER), ij("CSR/O", "Other", IjOrder.NO_ORDER),
            ij("CSR/V", "Vacate - DHS decision and claimed status valid", IjOrder.NO_ORDER),
            ij("DCC/J", "Jurisdiction transferred to the BIA", IjOrder.NO_ORDER), ij("DCC/K", "Revoke", IjOrder.NO_ORDER),
            ij("DCC/N", "Recommend final", IjOrder.NO_ORDER), ij("DCC/S", "Reserve", IjOrder.NO_ORDER),
            ij("DEP/D", "Deport", IjOrder.REMOVAL),
            ij("DEP/I", "Prosecutorial discretion - terminated", IjOrder.NO_ORDER),
            ij("DEP/J", "Jurisdiction transferred to the BIA", IjOrder.NO_ORDER),
            ij("DEP/R", "Relief granted", IjOrder.NO_ORDER), ij("DEP/T", "Terminate", IjOrder.NO_ORDER),
            ij("DEP/V", "Voluntary departure", IjOrder.VOLUNTARY_DEPARTURE),
            ij("EXC/A", "Admit", IjOrder.NO_ORDER), ij("EXC/E", "Exclude", IjOrder.REMOVAL),
            ij("EXC/I", "Prosecutorial discretion - terminated", IjOrder.NO_ORDER),
            ij("EXC/J", "Jurisdiction transferred to the BIA", IjOrder.NO_ORDER), ij("EXC/O", "Other", IjOrder.NO_ORDER),
            ij("EXC/T", "Terminate", IjOrder.NO_ORDER),
            ij("NAC/A", "Abandonment", IjOrder.NO_ORDER), ij("NAC/C", "Conditional grant", IjOrder.NO_ORDER),
            ij("NAC/D", "Deny", IjOrder.NO_ORDER), ij("NAC/G", "Grant", IjOrder.NO_ORDER),
            ij("NAC/J", "Jurisdiction transferred to the BIA", IjOrder.NO_ORDER), ij("NAC/O", "Other", IjOrder.NO_ORDER),
            ij("NAC/W", "Withdraw", IjOrder.NO_ORDER),
            ij("REC/I", "Prosecutorial discretion - terminated", IjOrder.NO_ORDER),
            ij("REC/J", "Jurisdiction transferred to the BIA", IjOrder.NO_ORDER), ij("REC/O", "Other", IjOrder.NO_ORDER),
            ij("REC/R", "Rescind", IjOrder.NO_ORDER), ij("REC/S", "Sustain", IjOrder.NO_ORDER),
            ij("REC/T", "Terminate", IjOrder.NO_ORDER),
            ij("RFR/A", "DHS decision and no reasonable fear", IjOrder.NO_ORDER),
            ij("RFR/J", "Jurisdiction transferred to the BIA", IjOrder.NO_ORDER), ij("RFR/O", "Other", IjOrder.NO_ORDER),
            ij("RFR/V", "DHS decision and reasonable fear", IjOrder.NO_ORDER),
            ij("RMV/I", "Prosecutorial discretion - terminated", IjOrder.NO_ORDER),
            ij("RMV/J", "Jurisdiction transferred to the BIA", IjOrder.NO_ORDER), ij("RMV/O", "Other", IjOrder.NO_ORDER),
            ij("RMV/R", "Relief granted", IjOrder.NO_ORDER), ij("RMV/T", "Terminated", IjOrder.NO_ORDER),
            ij("RMV/V", "Voluntary departure", IjOrder.VOLUNTARY_DEPARTURE), ij("RMV/X", "Remove", IjOrder.REMOVAL),
            ij("WHO/A", "Abandonment", IjOrder.NO_ORDER), ij("WHO/C", "Conditional grant", IjOrder.NO_ORDER),
            ij("WHO/D", "Deny", IjOrder.NO_ORDER), ij("WHO/G", "Grant", IjOrder.NO_ORDER),
            ij("WHO/J", "Jurisdiction transferred to the BIA", IjOrder.NO_ORDER), ij("WHO/O", "Other", IjOrder.NO_ORDER),
            ij("WHO/W", "Withdraw", IjOrder.NO_ORDER));

    private static Map.Entry<String, IjDecisionCode> ij(String key, String description, IjOrder order) {
        return Map.entry(key, new IjDecisionCode(description, order));
    }

    /**
     * The letters of tblLookupCourtDecision, for a DEC_CODE that decision_codes_by_case_type does not list for the
     * proceeding's case type (EOIR writes, e.g., {@code U} "dismissed by IJ" on removal cases). None is an order of
     * removal: a letter only orders removal where the case-type table says so ({@code RMV/X}, {@code DEP/D},
     * {@code EXC/E}).
     */
    public static final Map<String, String> COURT_DECISION_LETTERS = Map.ofEntries(
            Map.entry("A", "abandonment / affirmed / administrative closing"),
            Map.entry("B", "administrative closing - failure to appear"),
            Map.entry("C", "conditional grant / change of venue"),
            Map.entry("D", "deny / dismissed"),
            Map.entry("E", "grant - INA withholding"),
            Map.entry("F", "failure to prosecute (DHS)"),
            Map.entry("G", "grant"),
            Map.entry("H", "grant - CAT deferral / Haitian"),
            Map.entry("J", "jurisdiction transferred to the BIA"),
            Map.entry("K", "administrative closure / revoke"),
            Map.entry("L", "lifted detained status"),
            Map.entry("M", "administrative closure in prosecutorial discretion"),
            Map.entry("N", "recommend final"),
            Map.entry("O", "other"),
            Map.entry("P", "Temporary Protected Status"),
            Map.entry("S", "reserve"),
            Map.entry("T", "terminated / transfer"),
            Map.entry("U", "dismissed by IJ"),
            Map.entry("V", "vacate"),
            Map.entry("W", "withdraw"),
            Map.entry("X", "zero bond"),
            Map.entry("Y", "prosecutorial discretion - administrative close"),
            Map.entry("Z", "grant - CAT withholding"));

    /** OTHER_COMP codes (strDecType O): the proceeding ended without a decision on the merits. */
    public static final Map<String, String> OTHER_COMPLETIONS = Map.ofEntries(
            Map.entry("A", "administratively closed (other)"),
            Map.entry("B", "administratively closed (failure to appear)"),
            Map.entry("C", "closed by a change of venue"),
            Map.entry("F", "failure to prosecute (DHS)"),
            Map.entry("H", "Haitian"),
            Map.entry("K", "administratively closed"),
            Map.entry("M", "administratively closed in prosecutorial discretion (in court)"),
            Map.entry("O", "other administrative completion"),
            Map.entry("P", "closed for Temporary Protected Status"),
            Map.entry("T", "transferred"),
            Map.entry("X", "zero bond"),
            Map.entry("Y", "administratively closed in prosecutorial discretion"));

    /** Case types whose meaning the gate knows (tblLookupCaseType). */
    public static final Set<String> CASE_TYPES = Set.of("AOC", "CDR", "CFR", "CSR", "DCC", "DDC", "DEP", "EXC", "NAC",
            "REC", "RFR", "RMV", "WHO");
}
