package org.caseops.custody;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The custody ledger's transition table over every pair, written out independently of the enum. */
class CustodyStateTest {

    static final Map<CustodyState, Set<CustodyState>> EXPECTED = Map.of(
            CustodyState.AT_LARGE, EnumSet.of(CustodyState.IN_CUSTODY),
            CustodyState.IN_CUSTODY, EnumSet.of(CustodyState.STAGED, CustodyState.RELEASED),
            CustodyState.STAGED, EnumSet.of(CustodyState.TRANSPORTED, CustodyState.RELEASED),
            CustodyState.TRANSPORTED, EnumSet.of(CustodyState.REMOVED),
            CustodyState.REMOVED, EnumSet.noneOf(CustodyState.class),
            CustodyState.RELEASED, EnumSet.of(CustodyState.IN_CUSTODY));

    @Test
    void allows_exactly_the_moves_of_the_table_for_every_pair_of_states() {
        for (CustodyState from : CustodyState.values()) {
            for (CustodyState to : CustodyState.values()) {
                assertThat(from.allows(to)).as(from + " -> " + to).isEqualTo(EXPECTED.get(from).contains(to));
            }
        }
    }

    @Test
    void release_is_only_from_custody_or_staging_and_removal_is_final() {
        assertThat(EnumSet.allOf(CustodyState.class).stream().filter(s -> s.allows(CustodyState.RELEASED)))
                .containsExactlyInAnyOrder(CustodyState.IN_CUSTODY, CustodyState.STAGED);
        assertThat(CustodyState.REMOVED.next()).isEmpty();
        assertThat(EnumSet.allOf(CustodyState.class).stream().filter(CustodyState::held))
                .containsExactlyInAnyOrder(CustodyState.IN_CUSTODY, CustodyState.STAGED, CustodyState.TRANSPORTED);
    }
}
