package org.caseops.legal.rules;

/**
 * The rules of the legal gate, in the order their findings appear in a {@link Verdict}. The order also decides which
 * blocking finding is reported as the {@link Verdict#reason() reason}: the most specific first. See
 * {@code docs/legal-rules.md} for what each rule reads and decides.
 */
public enum Rule {
    OWN_CASE("INA 240(a)(3)"),
    US_CITIZEN("INA 240(a)(1); ICE Directive 16001.2"),
    CITIZENSHIP_CLAIM("ICE Directive 16001.2"),
    LPR_STATUS("8 CFR 1001.1(p)"),
    LEGAL_HOLD("CaseOps legal hold (agency counsel)"),
    PROTECTION("INA 244(a)(1)(A); INA 237(d)(1); INA 242(b)(3)(B); INA 241(a)(4)(A); 8 CFR 1003.2(f); "
            + "8 CFR 1003.23(b)(1)(v)"),
    LATEST_PROCEEDING("EOIR B_TblProceeding: highest IDNPROCEEDING governs"),
    REMOVAL_ORDER("8 CFR 1241.1; 8 CFR 1240.12"),
    WITHHOLDING_OR_CAT("INA 241(b)(3)(A); 8 CFR 1208.16(f); 8 CFR 1208.17"),
    MOTION_REOPENED("8 CFR 1003.23(b)"),
    APPEAL_TYPE("8 CFR 1003.1(b); 8 CFR 1003.19(f); 8 CFR 1003.2(f)"),
    APPEAL_PENDING("8 CFR 1003.6(a)"),
    APPEAL_WINDOW("8 CFR 1003.6(a); 8 CFR 1003.38(b); 5 U.S.C. 6103"),
    PETITION_FOR_REVIEW("INA 242(b)(3)(B)"),
    GRANTED_STAY("8 CFR 241.6 (Form I-246); INA 242(b)(3)"),
    MOTION_STAY_GRANTED("8 CFR 1003.23(b)(1)(v)"),
    MOTION_STAY_IN_ABSENTIA("8 CFR 1003.23(b)(4)(ii); INA 240(b)(5)(C)"),
    FAMILY_FILING("8 CFR 1003.6(a); 8 CFR 1003.23(b) (a family's filing recorded on the lead case)"),
    VOLUNTARY_DEPARTURE("INA 240B; 8 CFR 1240.26; 8 CFR 1241.1(f)"),
    FINALITY("8 CFR 1241.1"),
    BIA_DECISION("8 CFR 1241.1(a); 8 CFR 1003.4; 8 CFR 1003.2"),
    DATA_FRESHNESS("CaseOps invariant 8 (DESIGN.md); 8 CFR 1003.6(a); 8 CFR 1003.23(b)(4)(ii)"),
    IN_ABSENTIA_RESCISSION("INA 240(b)(5)(C); 8 CFR 1003.23(b)(4)(ii)");

    private final String citation;

    Rule(String citation) {
        this.citation = citation;
    }

    public String citation() {
        return citation;
    }
}
