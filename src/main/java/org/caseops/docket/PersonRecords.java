package org.caseops.docket;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.caseops.access.Access;
import org.caseops.access.PartnerScope;
import org.caseops.access.Role;
import org.caseops.system.NotFound;
import org.springframework.stereotype.Service;

/**
 * Reading a person's record as a user: the person with their case and the birth date the court record gives, and
 * their timeline with only the events the reader may read. Each read is audited ({@link Access#read}).
 */
@Service
public class PersonRecords {

    /** Who may read what CaseOps itself records about a case: the roles of the endpoints that show those records. */
    static final Set<Role> CASE_RECORD_READERS = Set.of(Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR,
            Role.ATTORNEY);

    /**
     * Timeline events CaseOps records itself, by the prefix of their kind, and the roles that may read the record
     * behind them — the same as the endpoint that shows that record: holds and stays ({@code GET
     * /api/cases/{a}/holds}, {@code /stays}), custody, call-in responses, case notes. A timeline shows an event only
     * to a role that may read its record, so that nobody reads through the timeline what they may not read directly.
     * Events of the court record (imports) show to everyone who may read the timeline; an event of a kind not listed
     * here shows only to the roles that read CaseOps' own records.
     */
    static final Map<String, Set<Role>> READERS_BY_KIND = Map.of(
            "LEGAL_HOLD_", CASE_RECORD_READERS,
            "STAY_", CASE_RECORD_READERS,
            "CUSTODY_", CASE_RECORD_READERS,
            "CALL_IN_", CASE_RECORD_READERS,
            "CASE_NOTE_", CASE_RECORD_READERS);

    /** A person, and the birth date their case's court record gives ({@code null} when it gives none). */
    public record PersonRecord(DocketViews.Person person, DocketViews.CourtRecordBirth courtRecordBirth) {
    }

    private final Docket docket;
    private final Access access;
    private final CourtRecordBirths births;

    PersonRecords(Docket docket, Access access, CourtRecordBirths births) {
        this.docket = docket;
        this.access = access;
        this.births = births;
    }

    /** The person by A-number, with their case and ages as of {@code asOf} (today when null); the read is audited. */
    public PersonRecord person(String aNumber, LocalDate asOf) {
        String a = Docket.aNumber(aNumber);
        access.read("PERSON_READ", docket.personSubject(a).orElseThrow(() -> notFound(a)),
                PartnerScope.PERSON_RECORD);
        LocalDate day = asOf == null ? LocalDate.now() : asOf;
        DocketViews.Person person = docket.person(a, day).orElseThrow(() -> notFound(a));
        return new PersonRecord(person, births.view(person, day).orElse(null));
    }

    /**
     * Everything that happened to the person and their case that the signed-in user may read, oldest first: events
     * of records they may not read directly are left out ({@link #READERS_BY_KIND}); the read is audited.
     */
    public List<DocketViews.Event> timeline(String aNumber) {
        String a = Docket.aNumber(aNumber);
        access.read("TIMELINE_READ", docket.personSubject(a).orElseThrow(() -> notFound(a)),
                PartnerScope.PERSON_RECORD);
        DocketViews.Person person = docket.person(a, LocalDate.now()).orElseThrow(() -> notFound(a));
        Role role = access.actor().role();
        return docket.timeline(person.id(), person.removalCase() == null ? null : person.removalCase().idncase())
                .stream().filter(event -> visible(role, event)).toList();
    }

    /** Whether a reader of {@code role} may see the event on a timeline. */
    static boolean visible(Role role, DocketViews.Event event) {
        if (event.importId() != null) {
            return true;
        }
        String kind = Optional.ofNullable(event.kind()).orElse("");
        for (Map.Entry<String, Set<Role>> rule : READERS_BY_KIND.entrySet()) {
            if (kind.startsWith(rule.getKey())) {
                return rule.getValue().contains(role);
            }
        }
        return CASE_RECORD_READERS.contains(role);
    }

    private static NotFound notFound(String a) {
        return new NotFound("no person with A-number " + a);
    }
}
