package org.caseops.legal.rules;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * An attorney's determination of what a code or a filing the gate cannot read by itself means for this case: an
 * unknown code, a code the lookup leaves open, a motion filed on the order's date, a family appeal recorded only on
 * the lead. It is a fact the rules read like any docket fact; it is never an override. It only applies where a rule
 * would otherwise answer "attorney review": for a code whose meaning the gate knows, the gate's meaning stands. The
 * latest determination of a subject recorded on or before the as-of date applies.
 *
 * @param subject    what it is about, as {@link Subject} writes it (e.g. {@code strBIADecision=XYZ},
 *                   {@code motion:7001})
 * @param meaning    what the attorney determined it means
 * @param recordedOn the day it was recorded (it applies from that day)
 * @param reason     the attorney's reason
 */
public record Determination(String subject, Meaning meaning, LocalDate recordedOn, String reason) {

    public Determination {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(meaning, "meaning");
        Objects.requireNonNull(recordedOn, "recordedOn");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("A determination needs a reason");
        }
        if (!meaning.appliesTo(subject)) {
            throw new IllegalArgumentException(meaning + " is not a meaning for " + subject);
        }
    }

    /** The subjects an attorney may determine, by the column or filing they are about. */
    public enum Kind {
        BIA_DECISION("strBIADecision="),
        APPEAL_TYPE("strAppealType="),
        MOTION_DECISION("DEC="),
        IJ_DECISION("DEC_CODE="),
        PETITION_DECISION("strFedCourtDecision="),
        MOTION("motion:"),
        APPLICATION("application:"),
        LEAD_APPEAL("lead-appeal:"),
        LEAD_MOTION("lead-motion:");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }

        public String prefix() {
            return prefix;
        }

        public static Kind of(String subject) {
            for (Kind k : values()) {
                if (subject != null && subject.startsWith(k.prefix) && subject.length() > k.prefix.length()) {
                    return k;
                }
            }
            return null;
        }
    }

    /** Subject keys, as the rules look them up and as findings name them. */
    public static final class Subject {
        private Subject() {
        }

        public static String biaDecision(String code) {
            return Kind.BIA_DECISION.prefix + code;
        }

        public static String appealType(String code) {
            return Kind.APPEAL_TYPE.prefix + code;
        }

        public static String motionDecision(String code) {
            return Kind.MOTION_DECISION.prefix + code;
        }

        /** An IJ decision code for a case type, e.g. {@code DEC_CODE=RMV/Q}. */
        public static String ijDecision(String caseType, String code) {
            return Kind.IJ_DECISION.prefix + caseType + "/" + code;
        }

        public static String petitionDecision(String code) {
            return Kind.PETITION_DECISION.prefix + code;
        }

        public static String motion(long idnMotion) {
            return Kind.MOTION.prefix + idnMotion;
        }

        public static String application(long idnProceedingAppln) {
            return Kind.APPLICATION.prefix + idnProceedingAppln;
        }

        public static String leadAppeal(long idnAppeal) {
            return Kind.LEAD_APPEAL.prefix + idnAppeal;
        }

        public static String leadMotion(long idnMotion) {
            return Kind.LEAD_MOTION.prefix + idnMotion;
        }
    }

    /** What an attorney may determine a subject means; each meaning belongs to one or more kinds of subject. */
    public enum Meaning {
        BIA_DISMISSED(Kind.BIA_DECISION),
        BIA_DENIED(Kind.BIA_DECISION),
        BIA_NO_FINAL_ORDER(Kind.BIA_DECISION),
        BIA_NOT_DECIDED(Kind.BIA_DECISION),
        BIA_WITHDRAWN(Kind.BIA_DECISION),
        BIA_NO_APPEAL_TAKEN(Kind.BIA_DECISION),
        BIA_VOLUNTARY_DEPARTURE_30(Kind.BIA_DECISION),
        BIA_VOLUNTARY_DEPARTURE_60(Kind.BIA_DECISION),
        CASE_APPEAL(Kind.APPEAL_TYPE),
        MOTION_APPEAL(Kind.APPEAL_TYPE),
        BIA_MOTION(Kind.APPEAL_TYPE),
        NOT_ABOUT_THE_ORDER(Kind.APPEAL_TYPE),
        MOTION_GRANTED(Kind.MOTION_DECISION),
        MOTION_NOT_GRANTED(Kind.MOTION_DECISION),
        MOTION_NOT_DECIDED(Kind.MOTION_DECISION),
        ORDER_OF_REMOVAL(Kind.IJ_DECISION),
        VOLUNTARY_DEPARTURE_ORDER(Kind.IJ_DECISION),
        NO_ORDER_OF_REMOVAL(Kind.IJ_DECISION),
        PETITION_REMANDED(Kind.PETITION_DECISION),
        PETITION_NO_EFFECT(Kind.PETITION_DECISION),
        REOPENS(Kind.MOTION),
        DOES_NOT_REOPEN(Kind.MOTION),
        PROTECTION_GRANTED(Kind.APPLICATION),
        RELIEF_GRANTED(Kind.APPLICATION),
        NO_EFFECT_ON_THE_ORDER(Kind.APPLICATION),
        COVERS_RIDER(Kind.LEAD_APPEAL, Kind.LEAD_MOTION),
        LEAD_ONLY(Kind.LEAD_APPEAL, Kind.LEAD_MOTION);

        private final Set<Kind> kinds;

        Meaning(Kind first, Kind... more) {
            this.kinds = EnumSet.of(first, more);
        }

        public boolean appliesTo(String subject) {
            Kind kind = Kind.of(subject);
            return kind != null && kinds.contains(kind);
        }

        public Set<Kind> kinds() {
            return kinds;
        }
    }
}
