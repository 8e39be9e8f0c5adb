package org.caseops.docket;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The case timeline's one writer: every feature that records a change on a person's or a case's timeline calls it,
 * in the transaction of the change; no other class writes {@code case_event}. Events are only ever added — the
 * application's database role may not change or delete them (DESIGN invariant 9); a correction is a new event.
 * Each event carries the time the change happened ({@code occurred_at}: a custody change's own time, an arrest
 * recorded hours later) and the time it was written ({@code recorded_at}, the database's clock).
 */
@Service
public class Timeline {

    /**
     * One change to write: about a case ({@code idncase}), a person ({@code personId}), a family; {@code occurredAt}
     * null means now; {@code after} the changed record as JSON, or null.
     */
    public record Entry(Long idncase, Long personId, Long familyId, String kind, String actor, String summary,
            Instant occurredAt, String after) {

        public static Entry aboutCase(long idncase, String kind, String actor, String summary) {
            return new Entry(idncase, null, null, kind, actor, summary, null, null);
        }

        public static Entry aboutPerson(long personId, String kind, String actor, String summary) {
            return new Entry(null, personId, null, kind, actor, summary, null, null);
        }

        public Entry family(Long id) {
            return new Entry(idncase, personId, id, kind, actor, summary, occurredAt, after);
        }

        public Entry at(Instant when) {
            return new Entry(idncase, personId, familyId, kind, actor, summary, when, after);
        }

        public Entry after(String json) {
            return new Entry(idncase, personId, familyId, kind, actor, summary, occurredAt, json);
        }
    }

    private final JdbcClient jdbc;

    Timeline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Writes the event and answers its id. An event about a person without a case given is filed on the person's
     * case as well (the person's {@code idncase}), so that the case's timeline shows it too.
     */
    public long write(Entry e) {
        if (e.kind() == null || e.kind().isBlank() || e.actor() == null || e.summary() == null) {
            throw new IllegalArgumentException("a case event has its kind, actor and summary: " + e);
        }
        OffsetDateTime when = OffsetDateTime.ofInstant(e.occurredAt() == null ? Instant.now() : e.occurredAt(),
                ZoneOffset.UTC);
        return jdbc.sql("""
                insert into case_event (occurred_at, idncase, person_id, family_id, kind, actor, summary, after)
                values (?, coalesce(?, (select p.idncase from person p where p.id = ?)), ?, ?, ?, ?, ?,
                        cast(? as jsonb))
                returning id""")
                .params(when, e.idncase(), e.personId(), e.personId(), e.familyId(), e.kind(), e.actor(),
                        e.summary(), e.after())
                .query(Long.class).single();
    }

    /**
     * For the importer's set-based statements only, which write one event per row they merge inside the same SQL
     * statement: the head of the insert, {@code insert into case_event (columns)}, followed by the caller's
     * {@code select}. Kept here so that the table's writers stay in one place.
     */
    public static String bulkInsert(String columns) {
        return "insert into case_event (" + columns + ")";
    }
}
