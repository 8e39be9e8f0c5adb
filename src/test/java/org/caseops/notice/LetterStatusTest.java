package org.caseops.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The letter's one transition table, over every pair of statuses. */
class LetterStatusTest {

    private static final Set<String> ALLOWED = Set.of("PRINTED->SENT", "SENT->DELIVERED", "SENT->RETURNED");

    @Test
    void only_printed_to_sent_and_sent_to_delivered_or_returned_are_allowed() {
        for (LetterStatus from : LetterStatus.values()) {
            for (LetterStatus to : LetterStatus.values()) {
                assertThat(to.mayFollow(from)).as(from + "->" + to).isEqualTo(ALLOWED.contains(from + "->" + to));
            }
        }
    }

    @Test
    void each_language_with_a_template_is_chosen_by_its_eoir_code_and_any_other_gets_spanish_with_an_interpreter() {
        for (LetterLanguage language : LetterLanguage.values()) {
            assertThat(LetterLanguage.of(language.eoirCode()))
                    .isEqualTo(new LetterLanguage.Choice(language, false));
        }
        for (String other : new String[] {"QUI", "MAM", "KAN", "", null, " sp"}) {
            LetterLanguage.Choice choice = LetterLanguage.of(other);
            assertThat(choice.template()).as(other).isEqualTo(LetterLanguage.SPANISH);
            assertThat(choice.interpreter()).as(other).isEqualTo(!" sp".equals(other));
        }
    }
}
