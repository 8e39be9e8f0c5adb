package org.caseops.legal;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.caseops.access.Access;
import org.caseops.access.Role;
import org.caseops.docket.Timeline;
import org.caseops.system.BadInput;
import org.caseops.system.Conflict;
import org.caseops.system.Forbidden;
import org.caseops.system.NotFound;
import org.caseops.task.Assignee;
import org.caseops.task.NewTask;
import org.caseops.task.SubjectType;
import org.caseops.task.Task;
import org.caseops.task.TaskType;
import org.caseops.task.Tasks;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Requests for a stay of removal (Form I-246, 8 CFR 241.6) as a workflow (docs/removal.md): the office receives the
 * request (who, grounds, documents) and a {@link TaskType#STAY_DECISION} task goes to the field office; the director
 * decides with a reason. A grant is recorded as an administrative stay through {@link LegalRecords#recordStay} — the
 * record the gate reads — for the period granted; the request keeps the link. One pending request per case; the
 * decision is a conditional update on the version read and on the request still pending (409 otherwise).
 */
@Service
public class StayRequests {

    public enum RequesterKind { PERSON, COUNSEL, FAMILY_MEMBER, OTHER }

    public enum Decision { GRANTED, DENIED }

    public record StayRequest(long id, String aNumber, String fieldOffice, LocalDate receivedOn, String requester,
            RequesterKind requesterKind, String grounds, List<String> documents, String status, Long taskId,
            LocalDate decidedOn, String decidedBy, String decisionReason, Long stayId, int version) {
    }

    private final JdbcClient jdbc;
    private final CaseRecords cases;
    private final LegalRecords records;
    private final Tasks tasks;
    private final Timeline timeline;
    private final Access access;

    StayRequests(JdbcClient jdbc, CaseRecords cases, LegalRecords records, Tasks tasks, Timeline timeline,
            Access access) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.records = records;
        this.tasks = tasks;
        this.timeline = timeline;
        this.access = access;
    }

    /** Receives a request at the office and gives the director a task to decide it. 409 when one is pending. */
    @Transactional
    public StayRequest receive(String aNumber, LocalDate receivedOn, String requester, RequesterKind kind,
            String grounds, List<String> documents) {
        Access.Subject subject = cases.changing(aNumber);
        long idncase = CaseRecords.idncase(subject);
        if (receivedOn == null || receivedOn.isAfter(LegalDays.now().last())) {
            throw new BadInput("receivedOn", "receivedOn is required and not in the future");
        }
        String who = text(requester, "requester", "who asked (the person, counsel, a family member)", 200);
        if (kind == null) {
            throw new BadInput("requesterKind", "requesterKind is required: " + Arrays.toString(RequesterKind.values()));
        }
        String why = text(grounds, "grounds", "the grounds given for the stay", 4000);
        List<String> docs = documents == null ? List.of() : documents.stream().map(d -> d == null ? "" : d.trim())
                .toList();
        if (docs.stream().anyMatch(d -> d.isEmpty() || d.length() > 300) || docs.size() > 50) {
            throw new BadInput("documents", "each document received is named in 1 to 300 characters, at most 50");
        }
        String a = subjectANumber(aNumber);
        String actor = access.actor().username();
        long id;
        try {
            id = jdbc.sql("""
                    insert into stay_request (idncase, a_number, field_office_code, received_on, requester,
                        requester_kind, grounds, documents, received_by)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                    .params(idncase, a, subject.fieldOffice(), receivedOn, who, kind.name(), why,
                            docs.toArray(String[]::new), actor).query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw new Conflict("case of " + a + " already has a stay request waiting for the director's decision");
        }
        Task task = tasks.create(NewTask.of(TaskType.STAY_DECISION, "Decide the stay request (I-246) of " + a
                + " received " + receivedOn + " from " + who + " (8 CFR 241.6)", subject.fieldOffice(),
                Assignee.ofTeam(subject.fieldOffice())).about(SubjectType.PERSON, a));
        jdbc.sql("update stay_request set task_id = ? where id = ?").params(task.id(), id).update();
        event(idncase, "STAY_REQUESTED", actor, "Stay of removal (I-246) requested on " + receivedOn + " by " + who
                + " (" + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + "): " + why
                + (docs.isEmpty() ? "" : "; documents: " + String.join(", ", docs)) + "; task " + task.id()
                + " for the field-office director");
        access.audit("STAY_REQUESTED", subject, "stay request " + id);
        return find(id);
    }

    /**
     * The field-office director's decision with its reason. A grant records an administrative stay from
     * {@code on} until {@code until} (null: until lifted), which the gate reads; the director's task is completed with
     * the decision.
     */
    @Transactional
    public StayRequest decide(String aNumber, long id, Decision decision, LocalDate on, String reason,
            LocalDate until, Integer version) {
        Access.Subject subject = cases.changing(aNumber);
        if (!access.actor().is(Role.DIRECTOR)) {
            throw new Forbidden("a stay of removal is decided by the field-office director (8 CFR 241.6(a))");
        }
        StayRequest r = find(id);
        if (!r.aNumber().equals(subjectANumber(aNumber))) {
            throw new NotFound("no stay request " + id + " of " + r.aNumber());
        }
        if (decision == null) {
            throw new BadInput("decision", "decision is required: GRANTED or DENIED");
        }
        if (on == null || on.isBefore(r.receivedOn()) || on.isAfter(LegalDays.now().last())) {
            throw new BadInput("on", "on is required: from the request's receipt, not in the future");
        }
        String why = text(reason, "reason", "the reason for the decision", 4000);
        if (until != null && (decision == Decision.DENIED || until.isBefore(on))) {
            throw new BadInput("until", decision == Decision.DENIED ? "a denial has no period"
                    : "the stay cannot end before it starts");
        }
        if (version == null) {
            throw new BadInput("version", "version is required: the request's version as last read");
        }
        String actor = access.actor().username();
        Long stayId = null;
        if (decision == Decision.GRANTED) {
            stayId = records.recordStay(CaseRecords.idncase(subject), null, LegalRecords.StayKind.ADMINISTRATIVE, on,
                    until, "I-246 stay request " + id, actor).id();
        }
        int changed = jdbc.sql("""
                update stay_request set status = ?, decided_on = ?, decided_by = ?, decision_reason = ?, stay_id = ?,
                    version = version + 1
                where id = ? and version = ? and status = 'PENDING'""")
                .params(decision.name(), on, actor, why, stayId, id, version).update();
        if (changed != 1) {
            StayRequest now = find(id);
            throw new Conflict("stay request " + id + " is " + now.status() + " at version " + now.version()
                    + "; not decided from version " + version);
        }
        if (r.taskId() != null && tasks.find(r.taskId()).map(t -> t.status().allows(
                org.caseops.task.TaskStatus.COMPLETED)).orElse(false)) {
            tasks.complete(r.taskId(), decision + " on " + on + ": " + why);
        }
        event(CaseRecords.idncase(subject), "STAY_REQUEST_" + decision.name(), actor, "Stay request " + id + " "
                + decision.name().toLowerCase(java.util.Locale.ROOT) + " on " + on + " by the field-office director: "
                + why + (decision == Decision.GRANTED ? "; administrative stay " + stayId + " from " + on
                + (until == null ? " until lifted" : " until " + until) : ""));
        access.audit("STAY_REQUEST_" + decision.name(), subject, "stay request " + id);
        return find(id);
    }

    /** The case's stay requests (checked and audited as a read). */
    @Transactional
    public List<StayRequest> ofCase(String aNumber) {
        long idncase = CaseRecords.idncase(cases.reading(aNumber, "STAY_REQUESTS_READ"));
        return jdbc.sql("select id from stay_request where idncase = ? order by id").param(idncase)
                .query(Long.class).list().stream().map(this::find).toList();
    }

    private static String subjectANumber(String aNumber) {
        return org.caseops.docket.Docket.aNumber(aNumber);
    }

    private void event(long idncase, String kind, String actor, String summary) {
        timeline.write(Timeline.Entry.aboutCase(idncase, kind, actor, summary));
    }

    private static String text(String value, String field, String what, int max) {
        if (value == null || value.isBlank() || value.trim().length() < 3) {
            throw new BadInput(field, field + " is required: " + what);
        }
        if (value.trim().length() > max) {
            throw new BadInput(field, field + " has at most " + max + " characters");
        }
        return value.trim();
    }

    private StayRequest find(long id) {
        return jdbc.sql("""
                select id, a_number, field_office_code, received_on, requester, requester_kind, grounds, documents,
                       status, task_id, decided_on, decided_by, decision_reason, stay_id, version
                from stay_request where id = ?""").param(id).query((rs, n) -> new StayRequest(rs.getLong(1),
                        rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class), rs.getString(5),
                        RequesterKind.valueOf(rs.getString(6)), rs.getString(7),
                        List.of((String[]) rs.getArray(8).getArray()), rs.getString(9), rs.getObject(10, Long.class),
                        rs.getObject(11, LocalDate.class), rs.getString(12), rs.getString(13),
                        rs.getObject(14, Long.class), rs.getInt(15)))
                .optional().orElseThrow(() -> new NotFound("no stay request " + id));
    }
}
