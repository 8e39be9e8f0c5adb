package org.caseops.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The canonical serialization and hash, pinned to the worked example of docs/audit.md. */
class CanonicalTest {

    /** Entry number 7, chained at position 1: the number is not hashed, the position is. */
    static final AuditEntry EXAMPLE = new AuditEntry(7, 1L, Instant.parse("2026-11-05T14:03:07.1205Z"), "officer",
            "OFFICER", "HOU", "PERSON_READ", "PERSON", "991000001", null, "req-1", "café ✓", AuditEntry.GENESIS, null);

    @Test
    void serializes_the_documented_example_byte_for_byte() {
        assertThat(Canonical.form(EXAMPLE)).isEqualTo("caseops-audit-v1\u001F1:1\u001F27:2026-11-05T14:03:07.120500Z"
                + "\u001F7:officer\u001F7:OFFICER\u001F3:HOU\u001F11:PERSON_READ\u001F6:PERSON\u001F9:991000001"
                + "\u001F-\u001F5:req-1\u001F9:café ✓\u001F64:" + "0".repeat(64));
    }

    @Test
    void hashes_the_documented_example_to_the_documented_hash() {
        assertThat(Canonical.hash(EXAMPLE)).isEqualTo("5a6620044fdbaca7cc558667b29bf1041d001ca4ce8e1824a524388721ade3af");
    }

    @Test
    void tells_a_null_from_an_empty_text_and_a_separator_inside_a_value_from_two_fields() {
        AuditEntry empty = withDetail("");
        AuditEntry none = withDetail(null);
        AuditEntry separator = new AuditEntry(7, 1L, EXAMPLE.recordedAt(), "officer", "OFFICER", "HOU", "PERSON_READ",
                "PERSON", "991000001", null, "req-1\u001F9:café ✓", null, AuditEntry.GENESIS, null);

        assertThat(Canonical.hash(empty)).isNotEqualTo(Canonical.hash(none));
        assertThat(Canonical.hash(separator)).isNotEqualTo(Canonical.hash(EXAMPLE));
    }

    @Test
    void hashes_the_position_not_the_entry_number() {
        AuditEntry renumbered = new AuditEntry(8, 1L, EXAMPLE.recordedAt(), EXAMPLE.actor(), EXAMPLE.role(),
                EXAMPLE.fieldOffice(), EXAMPLE.action(), EXAMPLE.subjectType(), EXAMPLE.subjectId(), EXAMPLE.purpose(),
                EXAMPLE.requestId(), EXAMPLE.detail(), EXAMPLE.prevHash(), null);
        AuditEntry moved = new AuditEntry(7, 2L, EXAMPLE.recordedAt(), EXAMPLE.actor(), EXAMPLE.role(),
                EXAMPLE.fieldOffice(), EXAMPLE.action(), EXAMPLE.subjectType(), EXAMPLE.subjectId(), EXAMPLE.purpose(),
                EXAMPLE.requestId(), EXAMPLE.detail(), EXAMPLE.prevHash(), null);

        assertThat(Canonical.hash(renumbered)).isEqualTo(Canonical.hash(EXAMPLE));
        assertThat(Canonical.hash(moved)).isNotEqualTo(Canonical.hash(EXAMPLE));
    }

    @Test
    void writes_time_in_utc_with_six_fractional_digits() {
        assertThat(Canonical.time(Instant.parse("2026-01-02T03:04:05Z"))).isEqualTo("2026-01-02T03:04:05.000000Z");
        assertThat(Canonical.time(Instant.parse("2026-01-02T03:04:05.000001Z"))).isEqualTo("2026-01-02T03:04:05.000001Z");
    }

    @Test
    void stores_text_postgresql_cannot_hold_as_the_replacement_character() {
        AuditEvent event = new AuditEvent("officer", "OFFICER", null, "SEARCH", null, null, null, null,
                "a\u0000b\uD800c\uDC00d\uD83D\uDE00");
        assertThat(event.detail()).isEqualTo("a\uFFFDb\uFFFDc\uFFFDd\uD83D\uDE00");
    }

    @Test
    void an_event_names_its_actor_role_and_action() {
        assertThatThrownBy(() -> new AuditEvent(" ", "OFFICER", null, "SEARCH", null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("actor");
        assertThatThrownBy(() -> new AuditEvent("officer", null, null, "SEARCH", null, null, null, null, null))
                .hasMessageContaining("role");
        assertThatThrownBy(() -> new AuditEvent("officer", "OFFICER", null, "", null, null, null, null, null))
                .hasMessageContaining("action");
    }

    private static AuditEntry withDetail(String detail) {
        return new AuditEntry(7, 1L, EXAMPLE.recordedAt(), "officer", "OFFICER", "HOU", "PERSON_READ", "PERSON",
                "991000001", null, "req-1", detail, AuditEntry.GENESIS, null);
    }
}
