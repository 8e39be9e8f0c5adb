package org.caseops.encounter;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.caseops.access.Access;
import org.caseops.custody.Custody;
import org.caseops.docket.Docket;
import org.caseops.docket.DocketViews;
import org.caseops.legal.LegalDays;
import org.caseops.legal.LegalGate;
import org.caseops.legal.rules.Status;
import org.caseops.operation.Operation;
import org.caseops.operation.OperationState;
import org.caseops.operation.Operations;
import org.caseops.operation.Targets;
import org.caseops.system.BadInput;
import org.caseops.system.Conflict;
import org.caseops.system.NotFound;
import org.caseops.task.Assignee;
import org.caseops.task.NewTask;
import org.caseops.task.SubjectType;
import org.caseops.task.TaskType;
import org.caseops.task.Tasks;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A visit's encounters, one per person met, recorded in one transaction: the legal gate asked again at the moment of
 * each arrest; every adult screened for children and dependants (an encounter does not close without it); every
 * child not present gets a child-welfare task with its deadline and, when a caregiver was named, a caregiver record;
 * every collateral encounter has its own legal basis and a supervisor's review task; those arrested are taken into
 * custody together, under the family gate — through the {@link Custody} service, which writes the ledger, the
 * person's timeline (with the arrest's own time) and the audit entry. CaseOps never proposes or lists collateral
 * people. Everything is judged before anything is written: a refusal (a U.S. citizen, an order not executable) is
 * audited and nothing of the visit is kept.
 */
@Service
public class Encounters {

    public enum Kind { TARGET, COLLATERAL }

    public enum Outcome {
        ARRESTED, NOT_PRESENT, MOVED, REFUSED_ENTRY, INSTRUCTED_TO_DEPART, RELEASED_HUMANITARIAN, ENROLLED_ATD
    }

    public enum BasisKind { FINAL_ORDER, WARRANT, OTHER_AUTHORITY }

    public enum ChildLocation { PRESENT, HOME, SCHOOL, DAY_CARE, CAMP, FRIEND, RELATIVE, OTHER }

    public record Child(Long personId, String name, Integer age, ChildLocation location, String caregiverName,
            String caregiverContact) {
    }

    public record Screening(Boolean minorChildren, Boolean otherDependants, Boolean soleCaregiver, String medicalNeeds,
            Boolean pregnantOrNursing, List<Child> children) {
    }

    public record Met(String aNumber, Long personId, String describedAs, Boolean adult, Kind kind, Outcome outcome,
            BasisKind legalBasisKind, String legalBasis, LocalDate departBy, Screening screening) {
    }

    public record Visit(Long operationId, Long familyId, Instant occurredAt, String place, String custodySite,
            List<Met> people) {
    }

    public record Recorded(long encounterId, Long personId, Kind kind, Outcome outcome, boolean closed,
            List<Long> taskIds) {
    }

    private final JdbcClient jdbc;
    private final Docket docket;
    private final LegalGate gate;
    private final Operations operations;
    private final Targets targets;
    private final Custody custody;
    private final Tasks tasks;
    private final Access access;
    /** How far ahead of this server's clock a device's clock may be. */
    private static final Duration SKEW = Duration.ofMinutes(5);
    private final Duration childWelfareDeadline;
    private final TransactionTemplate transaction;
    private final com.fasterxml.jackson.databind.ObjectMapper json;

    Encounters(JdbcClient jdbc, Docket docket, LegalGate gate, Operations operations, Targets targets,
            Custody custody, Tasks tasks, Access access, TransactionTemplate transaction,
            com.fasterxml.jackson.databind.ObjectMapper json,
            @Value("${caseops.encounters.child-welfare-hours:4}") int childWelfareHours) {
        this.json = json;
        this.transaction = transaction;
        this.jdbc = jdbc;
        this.docket = docket;
        this.gate = gate;
        this.operations = operations;
        this.targets = targets;
        this.custody = custody;
        this.tasks = tasks;
        this.access = access;
        this.childWelfareDeadline = Duration.ofHours(childWelfareHours);
    }

    /** A person met, as judged before anything is written. */
    private record Judged(Met met, Kind kind, DocketViews.Person person, boolean adult) {
    }

    public List<Recorded> record(Visit visit) {
        return record(visit, null).recorded();
    }

    /** What {@link #record(Visit, String)} answers: the encounters, and whether they were recorded before. */
    public record Answer(List<Recorded> recorded, boolean replayed) {
    }

    /**
     * Records a visit once per idempotency {@code key} (null: no key). The key is stored in the transaction that
     * records the visit, with a digest of the request: the same key again, by the same user for the same visit,
     * records nothing and answers as the first time ({@code replayed}); for another visit or by another user it is
     * refused (409). Of two submissions at once, the second's transaction collides on the key, rolls back whole and
     * answers with the first one's result.
     */
    public Answer record(Visit visit, String key) {
        if (key == null) {
            return judgeAndWrite(visit, null, null);
        }
        String k = key.trim();
        if (k.length() < 8 || k.length() > 200 || !k.matches("[A-Za-z0-9._:-]+")) {
            throw new BadInput("Idempotency-Key", "8 to 200 letters, digits, '.', '_', ':' or '-' (e.g. a UUID)");
        }
        String digest = digest(visit);
        java.util.Optional<List<Recorded>> earlier = earlier(k, digest);
        if (earlier.isPresent()) {
            return new Answer(earlier.get(), true);
        }
        try {
            return judgeAndWrite(visit, k, digest);
        } catch (org.springframework.dao.DuplicateKeyException e) {
            // the key's lock makes this unlikely; should two inserts still meet, the second wrote nothing
            return new Answer(earlier(k, digest).orElseThrow(() -> e), true);
        }
    }

    private java.util.Optional<List<Recorded>> earlier(String key, String digest) {
        record Stored(String actor, String digest, String answer) {
        }
        return jdbc.sql("select actor, request_digest, answer::text from encounter_visit_key where key = ?")
                .param(key).query((rs, n) -> new Stored(rs.getString(1), rs.getString(2), rs.getString(3)))
                .optional().map(stored -> {
                    if (!stored.actor().equals(actor())) {
                        throw new Conflict("the Idempotency-Key " + key + " was used by another user; make a new one "
                                + "for each visit");
                    }
                    if (!stored.digest().equals(digest)) {
                        throw new Conflict("the Idempotency-Key " + key + " was used for another visit; make a new "
                                + "one for each visit");
                    }
                    try {
                        return List.of(json.readValue(stored.answer(), Recorded[].class));
                    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                        throw new IllegalStateException("the stored answer of key " + key + " is unreadable", e);
                    }
                });
    }

    private String digest(Visit visit) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(visit));
            return java.util.HexFormat.of().formatHex(hash);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Answer judgeAndWrite(Visit visit, String key, String digest) {
        if (visit.people() == null || visit.people().isEmpty()) {
            throw new BadInput("people", "an encounter per person met");
        }
        if (visit.place() == null || visit.place().isBlank()) {
            throw new BadInput("place", "where the encounter happened");
        }
        Instant now = Instant.now();
        Instant at = visit.occurredAt() == null ? now : visit.occurredAt();
        if (at.isAfter(now.plus(SKEW))) {
            // as a custody change (Custody): a time to come would be judged on days that have not come yet
            throw new BadInput("occurredAt", "an encounter is recorded once it has happened; " + at
                    + " is in the future (a time typed in the wrong time zone?)");
        }
        // every day the instant falls on in the United States: the order must be executable on each (LegalDays)
        LegalDays days = LegalDays.of(at);
        LocalDate day = days.first();
        Operation op = visit.operationId() == null ? null : operations.get(visit.operationId());
        if (op != null) {
            operations.requireNeedToKnow(op);
            if (op.state() != OperationState.ACTIVE) {
                throw new Conflict("operation " + op.id() + " is " + op.state() + ": encounters are recorded while "
                        + "it is ACTIVE");
            }
        }
        if (visit.familyId() != null) {
            access.mayChange(docket.familySubject(visit.familyId())
                    .orElseThrow(() -> new NotFound("no family " + visit.familyId())));
        }
        String office = office(visit);
        List<Judged> judged = new ArrayList<>();
        for (Met met : visit.people()) {
            DocketViews.Person person = person(met, day);
            if (person != null) {
                access.mayChange(docket.personSubject(person.aNumber()).orElseThrow());
            }
            Kind kind = met.kind() == null ? Kind.TARGET : met.kind();
            check(met, kind, person, op, days);
            boolean adult = person != null ? !Docket.minor(person.birthDate(), day) : !Boolean.FALSE.equals(met.adult());
            judged.add(new Judged(met, kind, person, adult));
        }
        if (judged.stream().anyMatch(j -> j.met().outcome() == Outcome.ARRESTED && j.person() != null)
                && (visit.custodySite() == null || visit.custodySite().isBlank())) {
            throw new BadInput("custodySite", "where those arrested are taken");
        }
        return transaction.execute(tx -> {
            if (key != null) {
                // one submission of a key at a time: a second one sent at once waits here, then finds the first's
                jdbc.sql("select pg_advisory_xact_lock(hashtextextended('encounter_visit_key:' || ?, 0))").param(key)
                        .query((rs, n) -> 1).single();
                java.util.Optional<List<Recorded>> earlier = earlier(key, digest);
                if (earlier.isPresent()) {
                    return new Answer(earlier.get(), true);
                }
            }
            List<Recorded> recorded = write(visit, at, office, judged);
            if (key != null) {
                try {
                    jdbc.sql("""
                            insert into encounter_visit_key (key, actor, request_digest, encounter_ids, answer)
                            values (?, ?, ?, ?::bigint[], ?::jsonb)""")
                            .params(key, actor(), digest, "{" + recorded.stream()
                                    .map(r -> String.valueOf(r.encounterId()))
                                    .collect(java.util.stream.Collectors.joining(",")) + "}",
                                    json.writeValueAsString(recorded)).update();
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            }
            return new Answer(recorded, false);
        });
    }

    private List<Recorded> write(Visit visit, Instant at, String office, List<Judged> judged) {
        List<Recorded> recorded = new ArrayList<>();
        java.util.Map<Long, List<Long>> arrestedByFamily = new java.util.LinkedHashMap<>();
        for (Judged j : judged) {
            Met met = j.met();
            Kind kind = j.kind();
            DocketViews.Person person = j.person();
            boolean adult = j.adult();
            long id = jdbc.sql("""
                    insert into encounter (operation_id, family_id, person_id, described_as, kind, outcome,
                                           occurred_at, officer, place, adult, legal_basis_kind, legal_basis,
                                           depart_by)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                    .params(visit.operationId(), person == null ? visit.familyId() : person.familyId(),
                            person == null ? null : person.id(), met.describedAs(), kind.name(), met.outcome().name(),
                            OffsetDateTime.ofInstant(at, ZoneOffset.UTC), actor(), visit.place().trim(), adult,
                            met.legalBasisKind() == null ? null : met.legalBasisKind().name(), met.legalBasis(),
                            met.departBy())
                    .query(Long.class).single();
            List<Long> taskIds = new ArrayList<>();
            boolean closed = false;
            if (met.screening() != null) {
                taskIds.addAll(screen(id, met.screening(), at, office, visit.operationId()));
                closed = adult;
            }
            if (!adult) {
                closed = true;
            }
            if (closed) {
                jdbc.sql("update encounter set closed_at = now(), closed_by = ? where id = ?").params(actor(), id)
                        .update();
            }
            if (kind == Kind.COLLATERAL) {
                taskIds.add(task(NewTask.of(TaskType.COLLATERAL_REVIEW, "Review collateral encounter " + id + " ("
                        + met.legalBasisKind() + ": " + met.legalBasis() + ")", office, Assignee.ofTeam(office))
                        .about(SubjectType.ENCOUNTER, String.valueOf(id)), visit.operationId()));
            }
            if (met.outcome() == Outcome.ARRESTED && person != null) {
                arrestedByFamily.computeIfAbsent(person.familyId(), f -> new ArrayList<>()).add(person.id());
            }
            access.audit("ENCOUNTER_RECORDED", new Access.Subject("ENCOUNTER", String.valueOf(id), office),
                    kind + " " + met.outcome() + (person == null ? " (" + met.describedAs() + ")" : ""));
            recorded.add(new Recorded(id, person == null ? null : person.id(), kind, met.outcome(), closed, taskIds));
        }
        // those arrested are taken into custody together, family by family, through the one custody service
        arrestedByFamily.forEach((family, ids) -> custody.take(family, null, ids, visit.custodySite().trim(), at,
                visit.operationId(), "arrested"));
        return recorded;
    }

    private void check(Met met, Kind kind, DocketViews.Person person, Operation op, LegalDays days) {
        if (met.outcome() == null) {
            throw new BadInput("outcome", "outcome is one of " + List.of(Outcome.values()));
        }
        if (person == null && (met.describedAs() == null || met.describedAs().isBlank())) {
            throw new BadInput("aNumber", "say who was met: an A-number, a person id, or (collateral) a description");
        }
        if ((met.outcome() == Outcome.INSTRUCTED_TO_DEPART) != (met.departBy() != null)) {
            throw new BadInput("departBy", met.departBy() == null ? "an instruction to depart has its deadline"
                    : "a deadline to depart goes only with the outcome INSTRUCTED_TO_DEPART");
        }
        if (kind == Kind.COLLATERAL) {
            if (met.legalBasisKind() == null || met.legalBasis() == null || met.legalBasis().isBlank()) {
                throw new BadInput("legalBasis", "a collateral encounter is recorded only with its own legal basis: "
                        + "which order or authority");
            }
        } else {
            if (person == null) {
                throw new BadInput("aNumber", "a target is a person on record");
            }
            if (op == null || !targetOf(op, person.id())) {
                throw new Conflict("person " + person.aNumber() + " is not a target of "
                        + (op == null ? "an active operation" : "operation " + op.id())
                        + ": record the encounter as COLLATERAL with its legal basis");
            }
        }
        if (met.outcome() == Outcome.ARRESTED && person != null) {
            if (person.usCitizen()) {
                refuse(person.familyId(), "person " + person.id() + " is a U.S. citizen and is never arrested on an "
                        + "order");
            }
            boolean onOrder = kind == Kind.TARGET || met.legalBasisKind() == BasisKind.FINAL_ORDER;
            if (onOrder) {
                LegalGate.DayVerdict verdict = gate.atInstant(person.id(), days).orElseThrow();
                if (verdict.status() != Status.EXECUTABLE) {
                    throw new Conflict("person " + person.aNumber() + "'s order is " + verdict.status() + " on "
                            + verdict.day() + (days.oneDay() ? "" : ", one of the days the encounter's time falls "
                            + "on in the United States (" + days + ")") + " " + verdict.reasons()
                            + ": not recorded as arrested on it");
                }
            }
        }
    }

    /** A refused arrest: audited before anything of the visit is written (so it stays on record), then a 409. */
    private void refuse(long familyId, String reason) {
        Access.Subject subject = docket.familySubject(familyId)
                .orElse(new Access.Subject("FAMILY", String.valueOf(familyId), null));
        access.audit("ENCOUNTER_REFUSED", subject, reason);
        throw new Conflict("refused: " + reason);
    }

    private boolean targetOf(Operation op, long personId) {
        return targets.isTargetMember(op.id(), personId);
    }

    private List<Long> screen(long encounterId, Screening s, Instant at, String office,
            Long operationId) {
        if (s.minorChildren() == null) {
            throw new BadInput("screening.minorChildren", "are there minor children: true or false");
        }
        if (s.otherDependants() == null || s.soleCaregiver() == null || s.pregnantOrNursing() == null) {
            throw new BadInput("screening", "the screening answers every question: otherDependants, soleCaregiver, "
                    + "pregnantOrNursing");
        }
        List<Child> children = s.children() == null ? List.of() : s.children();
        if (s.minorChildren() && children.isEmpty()) {
            throw new BadInput("screening.children", "name each minor child and where they are now");
        }
        jdbc.sql("""
                insert into parental_screening (encounter_id, minor_children, other_dependants, sole_caregiver,
                                                medical_needs, pregnant_or_nursing, screened_by)
                values (?, ?, ?, ?, ?, ?, ?)""").params(encounterId, s.minorChildren(), s.otherDependants(),
                s.soleCaregiver(), s.medicalNeeds(), s.pregnantOrNursing(), actor()).update();
        List<Long> taskIds = new ArrayList<>();
        for (Child c : children) {
            if (c.location() == null || c.name() == null || c.name().isBlank()) {
                throw new BadInput("screening.children", "each child has a name and where they are now");
            }
            boolean present = c.location() == ChildLocation.PRESENT;
            jdbc.sql("""
                    insert into screening_child (encounter_id, person_id, name, age, present, location,
                                                 caregiver_name, caregiver_contact)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""").params(encounterId, c.personId(), c.name().trim(), c.age(),
                    present, c.location().name(), c.caregiverName(), c.caregiverContact()).update();
            if (present) {
                continue;
            }
            if (c.personId() != null && c.caregiverName() != null && !c.caregiverName().isBlank()) {
                custody.recordCaregiver(null, c.personId(), c.caregiverName(), "named at the encounter",
                        c.caregiverContact(), c.location().name());
            }
            NewTask check = NewTask.of(TaskType.CHILD_WELFARE_CHECK, "Confirm " + c.name() + " ("
                    + c.location() + ") is with a caregiver or reunited", office, Assignee.ofTeam(office));
            taskIds.add(task(aboutChild(check, c, encounterId).due(at.plus(childWelfareDeadline)), operationId));
        }
        return taskIds;
    }

    /** Closes an adult's encounter: only once the parental and humanitarian screening is recorded. */
    @Transactional
    public void close(long encounterId, Screening screening) {
        var row = jdbc.sql("select adult, closed_at is not null as closed, person_id, operation_id, family_id "
                + "from encounter where id = ?").param(encounterId).query().listOfRows().stream().findFirst()
                .orElseThrow(() -> new NotFound("no encounter " + encounterId));
        if (Boolean.TRUE.equals(row.get("closed"))) {
            throw new Conflict("encounter " + encounterId + " is closed");
        }
        boolean screened = jdbc.sql("select exists (select 1 from parental_screening where encounter_id = ?)")
                .param(encounterId).query(Boolean.class).single();
        if (!screened && screening == null && Boolean.TRUE.equals(row.get("adult"))) {
            throw new Conflict("encounter " + encounterId + " cannot be closed: the parental and humanitarian "
                    + "screening of the adult is not recorded");
        }
        if (!screened && screening != null) {
            screen(encounterId, screening, Instant.now(), access.actor().fieldOffice(),
                    (Long) row.get("operation_id"));
        }
        int closed = jdbc.sql("update encounter set closed_at = now(), closed_by = ? where id = ? "
                + "and closed_at is null").params(actor(), encounterId).update();
        if (closed == 0) {
            throw new Conflict("encounter " + encounterId + " was closed meanwhile");
        }
        access.audit("ENCOUNTER_CLOSED", new Access.Subject("ENCOUNTER", String.valueOf(encounterId), null), null);
    }

    /**
     * A welfare check is about the child by a reference anyone on the case can open: their A-number; a child on
     * record without one (a U.S. citizen) through their family's lead case, named in the title; a child not on
     * record through the encounter that named them. Never an internal person id.
     */
    private NewTask aboutChild(NewTask task, Child c, long encounterId) {
        if (c.personId() == null) {
            return task.about(SubjectType.ENCOUNTER, String.valueOf(encounterId));
        }
        Docket.PersonReference ref = docket.reference(c.personId())
                .orElseThrow(() -> new BadInput("screening.children", "no person " + c.personId()));
        return ref.hasANumber() ? task.about(SubjectType.PERSON, ref.aNumber())
                : task.about(SubjectType.FAMILY, String.valueOf(ref.familyId()));
    }

    private long task(NewTask task, Long operationId) {
        return tasks.create(operationId == null ? task : task.operation(operationId)).id();
    }

    private DocketViews.Person person(Met met, LocalDate day) {
        if (met.aNumber() != null && !met.aNumber().isBlank()) {
            return docket.person(Docket.aNumber(met.aNumber()), LocalDate.now())
                    .orElseThrow(() -> new NotFound("no person with A-number " + met.aNumber()));
        }
        if (met.personId() != null) {
            // a person without an A-number is a row whose a_number is null: read it as such, not as no row
            Docket.PersonReference ref = docket.reference(met.personId())
                    .orElseThrow(() -> new NotFound("no person " + met.personId()));
            String a = ref.aNumber();
            if (a == null && met.outcome() == Outcome.ARRESTED) {
                // a person without an A-number has no removal order: a U.S.-citizen child is the usual case
                long family = ref.familyId();
                boolean citizen = docket.family(family, day).stream().flatMap(f -> f.people().stream())
                        .anyMatch(p -> p.personId() == met.personId() && p.usCitizen());
                refuse(family, "person " + met.personId() + (citizen ? " is a U.S. citizen and" : " has no removal "
                        + "case and") + " is never arrested on an order");
            }
            if (a == null) {
                throw new BadInput("personId", "a person without an A-number (a citizen) is never an encounter's "
                        + "subject on an order; describe them in the screening instead");
            }
            return docket.person(a, LocalDate.now()).orElseThrow();
        }
        return null;
    }

    /** An encounter as recorded, with its screening and the children named in it. */
    public record Detail(long id, Long operationId, Long familyId, Long personId, String describedAs, String kind,
            String outcome, Instant occurredAt, String officer, String place, boolean adult, String legalBasisKind,
            String legalBasis, LocalDate departBy, Instant closedAt, java.util.Map<String, Object> screening,
            List<java.util.Map<String, Object>> children, String fieldOffice) {
    }

    public Detail detail(long id) {
        Detail d = jdbc.sql("""
                select e.id, e.operation_id, e.family_id, e.person_id, e.described_as, e.kind, e.outcome,
                       e.occurred_at, e.officer, e.place, e.adult, e.legal_basis_kind, e.legal_basis, e.depart_by,
                       e.closed_at, ci.field_office_code
                from encounter e left join report_family_office ci on ci.family_id = e.family_id where e.id = ?""")
                .param(id)
                .query((rs, n) -> new Detail(rs.getLong(1), (Long) rs.getObject(2), (Long) rs.getObject(3),
                        (Long) rs.getObject(4), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getObject(8, OffsetDateTime.class).toInstant(), rs.getString(9), rs.getString(10),
                        rs.getBoolean(11), rs.getString(12), rs.getString(13), rs.getObject(14, LocalDate.class),
                        rs.getObject(15, OffsetDateTime.class) == null ? null
                                : rs.getObject(15, OffsetDateTime.class).toInstant(), null, null, rs.getString(16)))
                .optional().orElseThrow(() -> new NotFound("no encounter " + id));
        var screening = jdbc.sql("select minor_children, other_dependants, sole_caregiver, medical_needs, "
                + "pregnant_or_nursing, screened_by from parental_screening where encounter_id = ?").param(id)
                .query().listOfRows().stream().findFirst().orElse(null);
        var children = jdbc.sql("select person_id, name, age, location, caregiver_name from screening_child "
                + "where encounter_id = ? order by id").param(id).query().listOfRows();
        return new Detail(d.id(), d.operationId(), d.familyId(), d.personId(), d.describedAs(), d.kind(), d.outcome(),
                d.occurredAt(), d.officer(), d.place(), d.adult(), d.legalBasisKind(), d.legalBasis(), d.departBy(),
                d.closedAt(), screening, children, d.fieldOffice());
    }

    private String office(Visit visit) {
        if (visit.familyId() != null) {
            return docket.familySubject(visit.familyId()).map(Access.Subject::fieldOffice)
                    .orElseThrow(() -> new NotFound("no family " + visit.familyId()));
        }
        return access.actor().fieldOffice();
    }

    private String actor() {
        return access.actor().username();
    }
}
