package org.caseops.docket;

import java.time.Instant;
import java.util.List;
import org.caseops.access.Access;
import org.caseops.access.PartnerScope;
import org.caseops.system.BadInput;
import org.caseops.system.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notes users write on a person's record. Adding one and reading them are each one transaction that checks access,
 * does the work and writes the audit entry, so that the API and the person page cannot differ on who may do what.
 *
 * <p>A note may say anything a caseworker knows, so its text stays out of everything shown more widely: the case
 * event on the timeline (which partners may see) and the audit entry (kept forever) name the note, never its text.
 */
@Service
class CaseNotes {

    /** Longest note, in characters (Unicode code points, as PostgreSQL's {@code length} counts them). */
    static final int MAX_LENGTH = 10_000;

    /** A note as shown: its text exactly as typed. */
    record Note(long id, String aNumber, String text, String author, Instant createdAt) {
    }

    private record PersonRow(long id, Long idncase) {
    }

    private final JdbcClient jdbc;
    private final Docket docket;
    private final Access access;
    private final Timeline timeline;

    CaseNotes(JdbcClient jdbc, Docket docket, Access access, Timeline timeline) {
        this.timeline = timeline;
        this.jdbc = jdbc;
        this.docket = docket;
        this.access = access;
    }

    /**
     * Adds a note by the signed-in user, who must be allowed to change the person's record, and writes the
     * {@code CASE_NOTE_ADDED} case event and audit entry with it.
     *
     * @throws NotFound  when there is no such person
     * @throws BadInput  ({@code text}) when the text is blank or too long
     */
    @Transactional
    Note add(String aNumber, String text) {
        String a = Docket.aNumber(aNumber);
        Access.Subject subject = subject(a);
        access.mayChange(subject);
        check(text);
        PersonRow person = jdbc.sql("select id, idncase from person where a_number = ?").param(a)
                .query((rs, n) -> new PersonRow(rs.getLong(1), rs.getObject(2, Long.class))).single();
        String author = access.actor().username();
        long id = jdbc.sql("insert into case_note (person_id, body, author) values (?, ?, ?) returning id")
                .params(person.id(), text, author).query(Long.class).single();
        timeline.write(new Timeline.Entry(person.idncase(), person.id(), null, "CASE_NOTE_ADDED", author,
                "Case note " + id + " added", null, null));
        access.audit("CASE_NOTE_ADDED", subject, "case note " + id);
        return note(id);
    }

    /** The person's notes, oldest first, after {@link Access#read} allowed it and audited it. */
    @Transactional
    List<Note> read(String aNumber) {
        String a = Docket.aNumber(aNumber);
        access.read("CASE_NOTES_READ", subject(a), PartnerScope.PERSON_RECORD);
        return jdbc.sql("""
                select n.id, p.a_number, n.body, n.author, n.created_at from case_note n
                join person p on p.id = n.person_id where p.a_number = ? order by n.id""").param(a)
                .query(CaseNotes::note).list();
    }

    private Access.Subject subject(String a) {
        return docket.personSubject(a).orElseThrow(() -> new NotFound("no person with A-number " + a));
    }

    private Note note(long id) {
        return jdbc.sql("""
                select n.id, p.a_number, n.body, n.author, n.created_at from case_note n
                join person p on p.id = n.person_id where n.id = ?""").param(id).query(CaseNotes::note).single();
    }

    private static Note note(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Note(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getTimestamp(5).toInstant());
    }

    /** The rules of the {@code case_note.body} column, checked first so that a user learns which field to correct. */
    static void check(String text) {
        if (text == null || text.isBlank()) {
            throw new BadInput("text", "a note needs text");
        }
        int length = text.codePointCount(0, text.length());
        if (length > MAX_LENGTH) {
            throw new BadInput("text", "a note has at most " + MAX_LENGTH + " characters; this one has " + length);
        }
        if (text.indexOf('\0') >= 0) {
            throw new BadInput("text", "a note cannot contain NUL characters");
        }
    }
}
