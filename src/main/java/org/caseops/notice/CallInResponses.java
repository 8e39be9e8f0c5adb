package org.caseops.notice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.caseops.access.Access;
import org.caseops.access.PartnerScope;
import org.caseops.access.WorkingDate;
import org.caseops.docket.Docket;
import org.caseops.docket.Timeline;
import org.caseops.system.BadInput;
import org.caseops.system.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What people did about their call-in letters: reported as the letter asked, or departed the United States. Users
 * record each response; responses are kept as a history, never changed, and each writes its case event in the same
 * transaction. Operations take a family out of their targets once it complied ({@link #familiesThatComplied}).
 */
@Service
public class CallInResponses {

    /** The longest note kept with a response (the database checks it too). */
    public static final int MAX_NOTE = 10_000;

    public enum Kind {
        /** Reported to the field office as the letter asked. */
        REPORTED,
        /** Departed the United States. */
        DEPARTED
    }

    public record Response(long id, String aNumber, Kind kind, LocalDate onDate, String note, String recordedBy,
            Instant recordedAt) {
    }

    private final JdbcClient jdbc;
    private final Timeline timeline;
    private final Docket docket;
    private final Access access;
    private final WorkingDate workingDate;

    CallInResponses(JdbcClient jdbc, Timeline timeline, Docket docket, Access access, WorkingDate workingDate) {
        this.timeline = timeline;
        this.jdbc = jdbc;
        this.docket = docket;
        this.access = access;
        this.workingDate = workingDate;
    }

    /**
     * The use case: records that the person with this A-number reported or departed on {@code onDate}, as the
     * signed-in actor, who must be allowed to change the person's record (404 or 403 before any check of the input);
     * writes the case event and the audit entry in the same transaction.
     */
    @Transactional
    public Response record(String aNumber, Kind kind, LocalDate onDate, String note) {
        Access.Subject subject = subject(Docket.aNumber(aNumber));
        access.mayChange(subject);
        Response response = record(aNumber, kind, onDate, note, access.actor().username());
        access.audit("CALL_IN_RESPONSE_RECORDED", subject, response.kind() + " on " + response.onDate()
                + " (response " + response.id() + ")");
        return response;
    }

    /**
     * Records that the person with this A-number reported or departed on {@code onDate}, and writes the
     * {@code CALL_IN_REPORTED} or {@code CALL_IN_DEPARTED} event on their timeline (the caller checks access and
     * audits).
     *
     * @throws BadInput ({@code kind}, {@code onDate}, {@code note}) when one is missing or wrong; a date in the
     *                  future is refused: a response is recorded once it happened
     * @throws NotFound when no person has this A-number
     */
    @Transactional
    public Response record(String aNumber, Kind kind, LocalDate onDate, String note, String actor) {
        if (kind == null) {
            throw new BadInput("kind", "kind is required: REPORTED or DEPARTED");
        }
        if (onDate == null) {
            throw new BadInput("onDate", "onDate is required: the date the person reported or departed");
        }
        LocalDate latest = workingDate.latestRecordable();
        if (onDate.isAfter(latest)) {
            throw new BadInput("onDate", "a response is recorded once it happened; " + onDate + " is in the future"
                    + " (the working date " + latest + ")");
        }
        String text = note == null || note.isBlank() ? null : note.trim();
        if (text != null && text.length() > MAX_NOTE) {
            throw new BadInput("note", "a note has at most " + MAX_NOTE + " characters");
        }
        Docket.PersonKeys person = person(aNumber);
        long id = jdbc.sql("""
                insert into call_in_response (person_id, kind, on_date, note, recorded_by)
                values (?, ?, ?, ?, ?) returning id""")
                .params(person.personId(), kind.name(), onDate, text, actor).query(Long.class).single();
        String summary = (kind == Kind.REPORTED ? "Reported as the call-in letter asked on " + onDate
                : "Departed the United States on " + onDate) + (text == null ? "" : ": " + text);
        String after = jdbc.sql("select to_jsonb(r)::text from call_in_response r where r.id = ?").param(id)
                .query(String.class).single();
        timeline.write(new Timeline.Entry(person.idncase(), person.personId(), person.familyId(),
                "CALL_IN_" + kind.name(), actor, summary, null, after));
        return jdbc.sql(SELECT + " where r.id = ?").param(id).query(response(Docket.aNumber(aNumber))).single();
    }

    /** The use case: the person's responses, as {@link #of}, after checking and auditing the read. */
    @Transactional
    public List<Response> read(String aNumber) {
        access.read("CALL_IN_RESPONSES_READ", subject(Docket.aNumber(aNumber)), PartnerScope.CASE_STATUS);
        return of(aNumber);
    }

    /** The person's responses, in the order they happened. */
    public List<Response> of(String aNumber) {
        Docket.PersonKeys person = person(aNumber);
        return jdbc.sql(SELECT + " where r.person_id = ? order by r.on_date, r.id").param(person.personId())
                .query(response(Docket.aNumber(aNumber))).list();
    }

    /**
     * The families, of those given (by lead case, as {@code family_member.family_id}), that complied with their
     * call-in letters as of {@code asOf}.
     *
     * <p>A family complied when every member <em>with a case of their own</em> — the lead and its active riders,
     * persons with an IDNCASE — has a {@code REPORTED} or {@code DEPARTED} response dated on or before {@code
     * asOf}. Household members without a case (a U.S.-citizen child, an LPR grandparent) are not subject to removal
     * and are not asked to respond. A family with no member with a case in CaseOps never counts as complied, nor
     * does an id that is no family's lead. Members are the docket's ({@link Docket#membersWithACase}: the case
     * index's lead/rider rule, by index).
     */
    public Set<Long> familiesThatComplied(Collection<Long> familyIds, LocalDate asOf) {
        if (asOf == null) {
            throw new BadInput("asOf", "say as of which date");
        }
        if (familyIds.isEmpty()) {
            return Set.of();
        }
        Map<Long, List<Long>> members = docket.membersWithACase(familyIds);
        Long[] people = members.values().stream().flatMap(List::stream).toArray(Long[]::new);
        Set<Long> responded = people.length == 0 ? Set.of() : jdbc.sql("""
                select distinct person_id from call_in_response where person_id = any (?) and on_date <= ?""")
                .params(people, asOf).query(Long.class).set();
        return members.entrySet().stream().filter(family -> responded.containsAll(family.getValue()))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    /**
     * A family's call-in standing as of a date: its latest call-in letter printed by then (none: {@code letter} is
     * null) with its delivery status, report-by date and outcome, and how many of its members with a case of their
     * own had reported or departed by then.
     */
    public record CallInStanding(long familyId, String letter, LocalDate printDate, LocalDate reportBy,
            String letterStatus, LocalDate statusOn, String outcome, LocalDate outcomeOn, int membersWithACase,
            int responded) {

        /** Every member with a case reported or departed ({@link #familiesThatComplied}'s rule). */
        public boolean complied() {
            return membersWithACase > 0 && responded == membersWithACase;
        }

        /** The report-by date passed with no report recorded, or the letter's outcome says so. */
        public boolean didNotReport(LocalDate asOf) {
            return !complied() && ("DID_NOT_REPORT".equals(outcome)
                    || (letter != null && outcome == null && asOf.isAfter(reportBy)));
        }

        /** In words, as of {@code asOf}. */
        public String summary(LocalDate asOf) {
            String responses = responded + " of " + membersWithACase + " members with a case reported or departed";
            if (letter == null) {
                return "No call-in letter; " + responses;
            }
            String sent = "Letter " + letter + " printed " + printDate + ", " + letterStatus.toLowerCase(
                    java.util.Locale.ROOT) + (statusOn == null ? "" : " " + statusOn) + "; report by " + reportBy
                    + ": ";
            String standing = complied() ? "complied" : "REPORTED".equals(outcome) ? "reported " + outcomeOn
                    : "DID_NOT_REPORT".equals(outcome) ? "DID NOT REPORT after the deadline (recorded " + outcomeOn
                            + ")"
                    : asOf.isAfter(reportBy) ? "DID NOT REPORT: the deadline passed with no report recorded"
                    : "deadline not passed yet";
            return sent + standing + "; " + responses;
        }
    }

    /**
     * {@link CallInStanding} of many families at once, as of {@code asOf}: three reads in all (their latest letters,
     * their members with a case through the docket's public query API, those members' responses), never one per
     * family.
     */
    public Map<Long, CallInStanding> standings(Collection<Long> familyIds, LocalDate asOf) {
        if (familyIds.isEmpty()) {
            return Map.of();
        }
        Long[] families = familyIds.stream().distinct().toArray(Long[]::new);
        record LetterRow(long familyId, String reference, LocalDate printDate, LocalDate reportBy, String status,
                LocalDate statusOn, String outcome, LocalDate outcomeOn) {
        }
        Map<Long, LetterRow> letters = jdbc.sql("""
                select distinct on (family_id) family_id, reference, print_date, report_by, status, status_on,
                       outcome, outcome_on
                from letter where family_id = any (?) and print_date <= ?
                order by family_id, print_date desc, id desc""").params(families, asOf)
                .query((rs, n) -> new LetterRow(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalDate.class), rs.getString(5), rs.getObject(6, LocalDate.class),
                        rs.getString(7), rs.getObject(8, LocalDate.class))).list().stream()
                .collect(Collectors.toMap(LetterRow::familyId, r -> r));
        Map<Long, List<Long>> members = docket.membersWithACase(familyIds);
        Long[] people = members.values().stream().flatMap(List::stream).toArray(Long[]::new);
        Set<Long> responded = people.length == 0 ? Set.of() : jdbc.sql("""
                select distinct person_id from call_in_response where person_id = any (?) and on_date <= ?""")
                .params(people, asOf).query(Long.class).set();
        Map<Long, CallInStanding> out = new java.util.HashMap<>();
        for (Long family : families) {
            LetterRow l = letters.get(family);
            List<Long> withCase = members.getOrDefault(family, List.of());
            int answered = (int) withCase.stream().filter(responded::contains).count();
            out.put(family, l == null ? new CallInStanding(family, null, null, null, null, null, null, null,
                    withCase.size(), answered)
                    : new CallInStanding(family, l.reference(), l.printDate(), l.reportBy(), l.status(), l.statusOn(),
                            l.outcome(), l.outcomeOn(), withCase.size(), answered));
        }
        return out;
    }

    private static final String SELECT = """
            select r.id, r.kind, r.on_date, r.note, r.recorded_by, r.recorded_at from call_in_response r""";

    /** A response row of the person with this A-number. */
    private static org.springframework.jdbc.core.RowMapper<Response> response(String aNumber) {
        return (rs, n) -> new Response(rs.getLong("id"), aNumber, Kind.valueOf(rs.getString("kind")),
                rs.getObject("on_date", LocalDate.class), rs.getString("note"), rs.getString("recorded_by"),
                rs.getTimestamp("recorded_at").toInstant());
    }

    private Access.Subject subject(String aNumber) {
        return docket.personSubject(aNumber).orElseThrow(() -> new NotFound("no person with A-number " + aNumber));
    }

    /** The person's internal id, case and family, through the docket's public query API. */
    private Docket.PersonKeys person(String aNumber) {
        String a = Docket.aNumber(aNumber);
        return docket.keys(a).orElseThrow(() -> new NotFound("no person with A-number " + a));
    }
}
