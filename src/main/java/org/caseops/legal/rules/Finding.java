package org.caseops.legal.rules;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What one rule found on the as-of date.
 *
 * <p>The explanation is written when someone reads it: a page, the API or a report asks for {@link #detail()} and gets
 * the same text every time, while a whole-docket screening, which stores only the status, the deciding rule and the
 * change date, never pays for building some thirty sentences per case (docs/legal-rules.md, "Screening").
 *
 * <ul>
 *   <li>{@code ruleId}: the rule's stable id ({@link Rule#name()}), e.g. {@code APPEAL_WINDOW}</li>
 *   <li>{@code citation}: short legal citation, e.g. {@code 8 CFR 1003.38(b)}</li>
 *   <li>{@code holds}: true when this finding stands in the way of removal (effect BLOCKS or FREEZES); false when
 *       the rule allows removal or only informs</li>
 *   <li>{@code effect}: what the finding does to the verdict</li>
 *   <li>{@code detail}: plain English for an attorney, with the dates and EOIR ids it relied on</li>
 *   <li>{@code until}: the first day on which this finding no longer stands as stated (exclusive end), when known:
 *       e.g. the day after the appeal deadline, the day a stay expires, the day after the 180-day window</li>
 * </ul>
 */
@JsonAutoDetect(getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE,
        fieldVisibility = Visibility.NONE)
@JsonPropertyOrder({"ruleId", "citation", "holds", "effect", "detail", "until"})
public final class Finding {

    private final String ruleId;
    private final String citation;
    private final boolean holds;
    private final Effect effect;
    private final Optional<LocalDate> until;
    private Supplier<String> explanation;
    private String detail;

    public Finding(String ruleId, String citation, boolean holds, Effect effect, String detail,
            Optional<LocalDate> until) {
        this(ruleId, citation, holds, effect, (Supplier<String>) null, until);
        this.detail = Objects.requireNonNull(detail, "detail");
    }

    private Finding(String ruleId, String citation, boolean holds, Effect effect, Supplier<String> explanation,
            Optional<LocalDate> until) {
        this.ruleId = Objects.requireNonNull(ruleId, "ruleId");
        this.citation = Objects.requireNonNull(citation, "citation");
        this.effect = Objects.requireNonNull(effect, "effect");
        this.until = Objects.requireNonNull(until, "until");
        if (holds != effect.standsInTheWay()) {
            throw new IllegalArgumentException("holds must be true exactly for BLOCKS and FREEZES");
        }
        this.holds = holds;
        this.explanation = explanation;
    }

    static Finding of(Rule rule, Effect effect, String detail) {
        return new Finding(rule.name(), rule.citation(), effect.standsInTheWay(), effect, detail, Optional.empty());
    }

    static Finding of(Rule rule, Effect effect, Supplier<String> detail) {
        return new Finding(rule.name(), rule.citation(), effect.standsInTheWay(), effect, detail, Optional.empty());
    }

    static Finding of(Rule rule, Effect effect, Supplier<String> detail, LocalDate until) {
        return new Finding(rule.name(), rule.citation(), effect.standsInTheWay(), effect, detail,
                Optional.ofNullable(until));
    }

    static Finding of(Rule rule, String citation, Effect effect, Supplier<String> detail, LocalDate until) {
        return new Finding(rule.name(), citation, effect.standsInTheWay(), effect, detail, Optional.ofNullable(until));
    }

    @JsonProperty("ruleId")
    public String ruleId() {
        return ruleId;
    }

    @JsonProperty("citation")
    public String citation() {
        return citation;
    }

    @JsonProperty("holds")
    public boolean holds() {
        return holds;
    }

    @JsonProperty("effect")
    public Effect effect() {
        return effect;
    }

    /** The explanation, written on first use (the rules' text reads only immutable facts, so it never differs). */
    @JsonProperty("detail")
    public synchronized String detail() {
        if (detail == null) {
            detail = Objects.requireNonNull(explanation.get(), "detail");
            explanation = null;
        }
        return detail;
    }

    @JsonProperty("until")
    public Optional<LocalDate> until() {
        return until;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Finding f && holds == f.holds && ruleId.equals(f.ruleId) && citation.equals(f.citation)
                && effect == f.effect && until.equals(f.until) && detail().equals(f.detail());
    }

    @Override
    public int hashCode() {
        return Objects.hash(ruleId, citation, holds, effect, detail(), until);
    }

    @Override
    public String toString() {
        return "Finding[ruleId=" + ruleId + ", citation=" + citation + ", holds=" + holds + ", effect=" + effect
                + ", detail=" + detail() + ", until=" + until + "]";
    }
}
