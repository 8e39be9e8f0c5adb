package org.caseops.legal;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caseops.access.PageLayout;
import org.caseops.legal.rules.Rule;

/** The legal gate's verdicts and rules as pages show them: a rule's name and citation (legal/rules/Rule). */
final class RuleMeanings {

    /** The verdicts a screening stores, in the order pages list them. */
    static final List<String> VERDICTS = List.of("EXECUTABLE", "NOT_EXECUTABLE", "FROZEN");

    private RuleMeanings() {
    }

    /** A rule of the legal gate with its name and citation, for a page. */
    record RuleMeaning(String code, String name, String citation) {
    }

    /** {@code APPEAL_WINDOW} → {@code Appeal window}; a code that is no rule (an older screening's) as words. */
    static String ruleName(String code) {
        return code == null ? "" : PageLayout.label(code);
    }

    /** Every rule's name and citation, by its code; a code that is no rule (any more) gets its words only. */
    static Map<String, RuleMeaning> meanings(Collection<String> codes) {
        Map<String, RuleMeaning> meanings = new LinkedHashMap<>();
        for (String code : codes) {
            String citation = Arrays.stream(Rule.values()).filter(r -> r.name().equals(code)).map(Rule::citation)
                    .findFirst().orElse("");
            meanings.put(code, new RuleMeaning(code, ruleName(code), citation));
        }
        return meanings;
    }
}
