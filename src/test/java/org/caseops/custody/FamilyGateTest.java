package org.caseops.custody;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** No minor alone, judged in Java before the database judges the same at commit. */
class FamilyGateTest {

    static final LocalDate DAY = LocalDate.of(2019, 6, 24);
    static final FamilyGate.Member MOTHER = new FamilyGate.Member(1, LocalDate.of(1990, 1, 1));
    static final FamilyGate.Member DAUGHTER = new FamilyGate.Member(2, LocalDate.of(2013, 1, 1));
    static final FamilyGate.Member SON = new FamilyGate.Member(3, LocalDate.of(2017, 1, 1));
    static final List<FamilyGate.Member> FAMILY = List.of(MOTHER, DAUGHTER, SON);

    private static Custody.Status at(FamilyGate.Member m, CustodyState state, String site) {
        return new Custody.Status(m.personId(), 1001, state, site, null, null, Instant.parse("2019-06-24T07:00:00Z"),
                "officer", null, 1);
    }

    private static java.util.Optional<String> judge(Map<Long, Custody.Status> where, Set<Long> caregiven) {
        return FamilyGate.minorAlone(1001, FAMILY, where, caregiven, DAY);
    }

    @Test
    void a_mother_held_with_her_daughter_and_her_son_with_a_caregiver_is_lawful() {
        Map<Long, Custody.Status> where = new HashMap<>();
        where.put(1L, at(MOTHER, CustodyState.IN_CUSTODY, "Hotel A"));
        where.put(2L, at(DAUGHTER, CustodyState.IN_CUSTODY, "Hotel A"));

        assertThat(judge(where, Set.of(3L))).isEmpty();
    }

    @Test
    void a_child_held_after_the_mother_is_released_is_refused_though_a_caregiver_is_on_record() {
        Map<Long, Custody.Status> where = new HashMap<>();
        where.put(1L, at(MOTHER, CustodyState.RELEASED, null));
        where.put(2L, at(DAUGHTER, CustodyState.IN_CUSTODY, "Hotel A"));

        assertThat(judge(where, Set.of(2L, 3L))).get().asString().contains("minor 2 of family 1001 would be held")
                .contains("a caregiver record does not make it lawful to hold a child alone");
    }

    @Test
    void a_child_held_at_another_site_than_every_parent_is_refused() {
        Map<Long, Custody.Status> where = new HashMap<>();
        where.put(1L, at(MOTHER, CustodyState.IN_CUSTODY, "Hotel A"));
        where.put(2L, at(DAUGHTER, CustodyState.IN_CUSTODY, "Hotel B"));

        assertThat(judge(where, Set.of(3L))).get().asString().contains("minor 2");
    }

    @Test
    void a_child_at_home_without_a_caregiver_while_the_mother_is_held_is_refused_and_nobody_held_is_lawful() {
        Map<Long, Custody.Status> where = new HashMap<>();
        where.put(1L, at(MOTHER, CustodyState.IN_CUSTODY, "Hotel A"));
        where.put(2L, at(DAUGHTER, CustodyState.IN_CUSTODY, "Hotel A"));

        assertThat(judge(where, Set.of())).get().asString()
                .contains("minor 3 of family 1001 would be without a parent or a recorded caregiver");
        assertThat(judge(Map.of(), Set.of())).isEmpty();
    }
}
