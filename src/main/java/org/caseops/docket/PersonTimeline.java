package org.caseops.docket;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caseops.access.Access;
import org.caseops.access.PartnerScope;
import org.caseops.access.Role;
import org.caseops.system.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's timeline as the caller may read it, for {@code GET /api/people/{aNumber}/timeline} and the person page
 * alike: the read is checked and audited ({@code TIMELINE_READ}), and events of records the caller may not read
 * directly are left out ({@link #READERS_BY_KIND}).
 */
@Service
public class PersonTimeline {

    /** Who may read what CaseOps itself records about a case, by its endpoint's {@code @Allow}. */
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

    private final Docket docket;
    private final Access access;

    PersonTimeline(Docket docket, Access access) {
        this.docket = docket;
        this.access = access;
    }

    /** Everything that happened to the person and their case that the caller may read, oldest first. */
    @Transactional
    public List<DocketViews.Event> read(String aNumber) {
        String a = Docket.aNumber(aNumber);
        access.read("TIMELINE_READ", docket.personSubject(a).orElseThrow(() -> notFound(a)),
                PartnerScope.PERSON_RECORD);
        DocketViews.Person person = docket.person(a, LocalDate.now()).orElseThrow(() -> notFound(a));
        Role role = access.actor().role();
        return docket.timeline(person.id(), person.removalCase() == null ? null : person.removalCase().idncase())
                .stream().filter(event -> visible(role, event)).toList();
    }

    static boolean visible(Role role, DocketViews.Event event) {
        if (event.importId() != null) {
            return true;
        }
        String kind = event.kind() == null ? "" : event.kind();
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
