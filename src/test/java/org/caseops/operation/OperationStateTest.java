package org.caseops.operation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The transition table, over every pair of states: written out here independently of the enum's own table. */
class OperationStateTest {

    static final Map<OperationState, Set<OperationState>> EXPECTED = Map.of(
            OperationState.DRAFT, EnumSet.of(OperationState.LEGAL_REVIEW, OperationState.CANCELLED),
            OperationState.LEGAL_REVIEW, EnumSet.of(OperationState.APPROVED, OperationState.DRAFT,
                    OperationState.POSTPONED, OperationState.CANCELLED),
            OperationState.APPROVED, EnumSet.of(OperationState.ACTIVE, OperationState.POSTPONED,
                    OperationState.CANCELLED),
            OperationState.ACTIVE, EnumSet.of(OperationState.CLOSED),
            OperationState.CLOSED, EnumSet.noneOf(OperationState.class),
            OperationState.POSTPONED, EnumSet.of(OperationState.DRAFT, OperationState.LEGAL_REVIEW,
                    OperationState.CANCELLED),
            OperationState.CANCELLED, EnumSet.noneOf(OperationState.class));

    @Test
    void allows_exactly_the_transitions_of_the_table_for_every_pair_of_states() {
        int pairs = 0;
        for (OperationState from : OperationState.values()) {
            for (OperationState to : OperationState.values()) {
                assertThat(from.allows(to)).as(from + " -> " + to).isEqualTo(EXPECTED.get(from).contains(to));
                pairs++;
            }
        }
        assertThat(pairs).isEqualTo(49);
    }

    @Test
    void nothing_moves_to_itself_and_closed_and_cancelled_are_final() {
        for (OperationState state : OperationState.values()) {
            assertThat(state.allows(state)).as(state.name()).isFalse();
        }
        assertThat(OperationState.CLOSED.next()).isEmpty();
        assertThat(OperationState.CANCELLED.next()).isEmpty();
    }

    @Test
    void only_a_draft_is_editable_and_targets_are_need_to_know_until_launch() {
        assertThat(EnumSet.allOf(OperationState.class).stream().filter(OperationState::editable))
                .containsExactly(OperationState.DRAFT);
        assertThat(OperationState.APPROVED.beforeLaunch()).isTrue();
        assertThat(OperationState.ACTIVE.beforeLaunch()).isFalse();
    }
}
