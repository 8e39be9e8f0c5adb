package org.caseops.worksite;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.caseops.access.Access;
import org.caseops.access.Actor;
import org.caseops.access.Role;
import org.caseops.docket.Docket;
import org.caseops.docket.DocketViews;
import org.caseops.legal.LegalGate;
import org.caseops.legal.rules.Status;
import org.caseops.operation.OperationState;
import org.caseops.system.BadInput;
import org.caseops.system.Conflict;
import org.caseops.system.Forbidden;
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

/**
 * The people detained at a launched worksite action, their humanitarian screening and its outcome (issue 17,
 * docs/worksite.md "Worksite actions"; ICE's humanitarian guidelines for worksite operations, 2007):
 * <ul>
 *   <li>each person's identity, whether they have a removal case, and the gate's verdict on the action's date: only an
 *   EXECUTABLE final order is processed as one; anyone else is processed under other authority, recorded as such; a
 *   U.S. citizen or LPR has no authority to hold and is released;</li>
 *   <li>a screening for every person before any transfer: minor, sole caregiver, pregnant or nursing, medical needs,
 *   a claim to citizenship, and the children they name, each child with a child-welfare task due within hours;</li>
 *   <li>an outcome with its reason: released on humanitarian grounds, released on other grounds, transferred, or (a
 *   minor) referred to HHS. Never transferred: a citizen, LPR or claimant, a minor, a sole caregiver; of a child's
 *   two parents at most one.</li>
 * </ul>
 * The database holds each of these rules too (V132), so that no path around this service breaks them.
 */
@Service
public class WorksiteDetainees {

    public enum Outcome { RELEASED_HUMANITARIAN, RELEASED_OTHER, TRANSFERRED, HHS_REFERRAL }

    public enum ChildLocation { SCHOOL, HOME, CHILDCARE, WITH_RELATIVE, OTHER, UNKNOWN }

    public record Screening(Instant screenedAt, String screenedBy, String interpreterLanguage, boolean minor,
            boolean soleCaregiver, boolean pregnantOrNursing, String medicalNeeds, boolean citizenshipClaim,
            String notes) {
    }

    public record Detainee(long id, long actionId, long siteId, String aNumber, String familyName, String givenName,
            YearMonth birthMonth, String nationality, String gateVerdict, String gateLabel, String authority,
            String authorityBasis, boolean citizenOrLpr, Instant detainedAt, String detainedBy, Screening screening,
            Outcome outcome, String outcomeReason, String releaseConditions, Instant decidedAt, String decidedBy,
            String criminalCharge, List<Long> childIds, int version) {
    }

    public record Child(long id, long actionId, String name, int age, ChildLocation location, String caregiverName,
            long welfareTaskId, List<Long> parentIds) {
    }

    /** What the screening suggests, and why; the supervisor decides. */
    public record Recommendation(Outcome outcome, List<String> reasons, List<Outcome> allowed) {
    }

    public record SiteReport(long siteId, String siteName, String employerName, long detained, long screened,
            long releasedHumanitarian, long releasedOther, long transferred, long referredToHhs, long undecided,
            long charged, long finalOrders, long otherAuthority, long children) {
    }

    record NewDetainee(Long siteId, String aNumber, String familyName, String givenName, String birthMonth,
            String nationality) {
    }

    record NamedChild(Long childId, String name, Integer age, String location, String caregiverName) {
    }

    record ScreeningRequest(String interpreterLanguage, Boolean minor, Boolean soleCaregiver,
            Boolean pregnantOrNursing, String medicalNeeds, Boolean citizenshipClaim, String notes,
            List<NamedChild> children, Integer version) {
    }

    record DecisionRequest(Outcome outcome, String reason, String conditions, Integer version) {
    }

    private final JdbcClient jdbc;
    private final Access access;
    private final WorksiteLog log;
    private final WorksiteActions actions;
    private final Docket docket;
    private final LegalGate gate;
    private final Tasks tasks;
    private final Duration childWelfareDeadline;

    WorksiteDetainees(JdbcClient jdbc, Access access, WorksiteLog log, WorksiteActions actions, Docket docket,
            LegalGate gate, Tasks tasks, @Value("${caseops.encounters.child-welfare-hours:4}") int childWelfareHours) {
        this.jdbc = jdbc;
        this.access = access;
        this.log = log;
        this.actions = actions;
        this.docket = docket;
        this.gate = gate;
        this.tasks = tasks;
        this.childWelfareDeadline = Duration.ofHours(childWelfareHours);
    }

    // --- reading ----------------------------------------------------------------------------------------------

    private static final String COLUMNS = """
            d.id, d.action_id, d.site_id, d.a_number, d.family_name, d.given_name, d.birth_month, d.nationality,
            d.gate_verdict, d.gate_label, d.authority, d.authority_basis, d.citizen_or_lpr, d.detained_at,
            d.detained_by, d.screened_at, d.screened_by, d.interpreter_language, d.minor, d.sole_caregiver,
            d.pregnant_or_nursing, d.medical_needs, d.citizenship_claim, d.screening_notes, d.outcome,
            d.outcome_reason, d.release_conditions, d.decided_at, d.decided_by, d.criminal_charge, d.version,
            coalesce((select array_agg(p.child_id order by p.child_id) from worksite_child_parent p
                      where p.detainee_id = d.id), '{}')
            from worksite_detainee d""";

    private static Detainee row(ResultSet rs, int n) throws SQLException {
        LocalDate birth = rs.getObject(7, LocalDate.class);
        Screening screening = rs.getObject(16) == null ? null : new Screening(WorksiteActions.instant(rs, 16),
                rs.getString(17), rs.getString(18), rs.getBoolean(19), rs.getBoolean(20), rs.getBoolean(21),
                rs.getString(22), rs.getBoolean(23), rs.getString(24));
        Long[] children = (Long[]) rs.getArray(32).getArray();
        return new Detainee(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                rs.getString(6), birth == null ? null : YearMonth.from(birth), rs.getString(8), rs.getString(9),
                rs.getString(10), rs.getString(11), rs.getString(12), rs.getBoolean(13),
                WorksiteActions.instant(rs, 14), rs.getString(15), screening,
                rs.getString(25) == null ? null : Outcome.valueOf(rs.getString(25)), rs.getString(26),
                rs.getString(27), WorksiteActions.instant(rs, 28), rs.getString(29), rs.getString(30),
                List.of(children), rs.getInt(31));
    }

    /** Every person detained in the action, by site and order of detention; one audited read of person data. */
    List<Detainee> list(long actionId) {
        WorksiteActions.Action action = actions.visible(actionId);
        requireFieldStaffOrOversight(action);
        List<Detainee> all = jdbc.sql("select " + COLUMNS + " where d.action_id = ? order by d.site_id, d.id")
                .param(actionId).query(WorksiteDetainees::row).list();
        access.audit("WORKSITE_DETAINEES_READ", WorksiteActions.subject(action), all.size()
                + " people detained in worksite action " + actionId);
        return all;
    }

    Detainee get(long id) {
        Detainee detainee = find(id).orElseThrow(() -> new NotFound("no detainee " + id));
        WorksiteActions.Action action = actions.visible(detainee.actionId());
        requireFieldStaffOrOversight(action);
        access.audit("WORKSITE_DETAINEE_READ", detaineeSubject(action, id), "detainee " + id + " of worksite action "
                + action.id());
        return detainee;
    }

    private Optional<Detainee> find(long id) {
        return jdbc.sql("select " + COLUMNS + " where d.id = ?").param(id).query(WorksiteDetainees::row).optional();
    }

    List<Child> children(long actionId) {
        WorksiteActions.Action action = actions.visible(actionId);
        requireFieldStaffOrOversight(action);
        return jdbc.sql("""
                select c.id, c.action_id, c.name, c.age, c.location, c.caregiver_name, c.welfare_task_id,
                       coalesce((select array_agg(p.detainee_id order by p.detainee_id) from worksite_child_parent p
                                 where p.child_id = c.id), '{}')
                from worksite_child c where c.action_id = ? order by c.id""").param(actionId)
                .query((rs, n) -> new Child(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4),
                        ChildLocation.valueOf(rs.getString(5)), rs.getString(6), rs.getLong(7),
                        List.of((Long[]) rs.getArray(8).getArray()))).list();
    }

    /** The action's report by site: detained, screened, released (humanitarian, other), transferred, charged. */
    public List<SiteReport> report(long actionId) {
        WorksiteActions.Action action = actions.visible(actionId);
        access.audit("WORKSITE_ACTION_REPORT_READ", WorksiteActions.subject(action), "report of worksite action "
                + actionId + " (counts only)");
        return jdbc.sql("""
                select s.id, s.name, e.name, count(d.id), count(d.screened_at),
                       count(*) filter (where d.outcome = 'RELEASED_HUMANITARIAN'),
                       count(*) filter (where d.outcome = 'RELEASED_OTHER'),
                       count(*) filter (where d.outcome = 'TRANSFERRED'),
                       count(*) filter (where d.outcome = 'HHS_REFERRAL'),
                       count(d.id) filter (where d.outcome is null),
                       count(d.criminal_charge),
                       count(*) filter (where d.authority = 'FINAL_ORDER'),
                       count(*) filter (where d.authority = 'OTHER_AUTHORITY'),
                       (select count(distinct p.child_id) from worksite_child_parent p
                        join worksite_detainee x on x.id = p.detainee_id
                        where x.action_id = a.action_id and x.site_id = a.site_id)
                from worksite_action_site a join employer_site s on s.id = a.site_id
                join employer e on e.id = s.employer_id
                left join worksite_detainee d on d.action_id = a.action_id and d.site_id = a.site_id
                where a.action_id = ? group by a.action_id, a.site_id, s.id, s.name, e.name order by s.id""")
                .param(actionId)
                .query((rs, n) -> new SiteReport(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10),
                        rs.getLong(11), rs.getLong(12), rs.getLong(13), rs.getLong(14))).list();
    }

    private void requireFieldStaffOrOversight(WorksiteActions.Action action) {
        Actor actor = access.actor();
        if (!actor.is(Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY, Role.AUDITOR)) {
            throw new Forbidden("the people detained are read by field staff, counsel and oversight");
        }
    }

    private static Access.Subject detaineeSubject(WorksiteActions.Action action, long id) {
        return new Access.Subject("WORKSITE_DETAINEE", String.valueOf(id), action.fieldOffice());
    }

    private Actor fieldStaff(WorksiteActions.Action action, Role... roles) {
        Actor actor = access.actor();
        if (!actor.is(roles) || !action.fieldOffice().equals(actor.fieldOffice())) {
            throw new Forbidden("this is done by " + List.of(roles).stream().map(r -> r.name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(" or ")) + "s of the action's field office (" + action.fieldOffice()
                    + ")");
        }
        return actor;
    }

    // --- detaining --------------------------------------------------------------------------------------------

    /**
     * Records a person detained at one of the action's sites, while it is ACTIVE. With an A-number the docket's
     * person is found and the gate asked on the action's date: only EXECUTABLE makes the authority a final order;
     * a U.S. citizen or LPR on the record has none. Without a case the person is processed under other authority.
     */
    @Transactional
    Detainee detain(long actionId, NewDetainee request) {
        WorksiteActions.Action action = actions.visible(actionId);
        Actor actor = fieldStaff(action, Role.OFFICER, Role.SUPERVISOR);
        if (action.state() != OperationState.ACTIVE) {
            throw new Conflict("worksite action " + actionId + " is " + action.state() + ": nobody is detained "
                    + "before it is launched");
        }
        if (request.siteId() == null || action.sites().stream().noneMatch(s -> s.siteId() == request.siteId())) {
            throw new BadInput("siteId", "name one of the action's sites: " + action.sites().stream()
                    .map(s -> s.siteId() + " (" + s.siteName() + ")").collect(Collectors.joining(", ")));
        }
        String aNumber = request.aNumber() == null || request.aNumber().isBlank() ? null
                : Docket.aNumber(request.aNumber());
        YearMonth birth = birthMonth(request.birthMonth());
        LocalDate day = action.actionDate();
        String family = request.familyName();
        String given = request.givenName();
        String nationality = request.nationality();
        String verdict;
        String label;
        String authority;
        String basis;
        boolean citizenOrLpr = false;
        if (aNumber != null) {
            DocketViews.Person person = docket.person(aNumber, day)
                    .orElseThrow(() -> new BadInput("aNumber", "no person with A-number " + aNumber + " on the "
                            + "docket; record the person without one (processed under other authority)"));
            family = blankOr(family, person.familyName());
            given = blankOr(given, person.givenName());
            nationality = blankOr(nationality, person.nationality());
            if (birth == null && person.birthDate() != null) {
                birth = YearMonth.from(person.birthDate());
            }
            citizenOrLpr = person.usCitizen() || person.lpr();
            Optional<LegalGate.CaseVerdict> caseVerdict = gate.ofPerson(aNumber, day);
            verdict = caseVerdict.map(v -> v.verdict().name()).orElse(LegalGate.NOT_SUBJECT_TO_REMOVAL);
            label = caseVerdict.map(LegalGate.CaseVerdict::label).orElse("no removal case of their own");
            if (citizenOrLpr) {
                authority = "NONE";
                basis = (person.usCitizen() ? "a U.S. citizen" : "a lawful permanent resident") + " on the record: "
                        + "no authority to hold; release (DESIGN invariant 2)";
            } else if (caseVerdict.isPresent() && caseVerdict.get().verdict() == Status.EXECUTABLE) {
                authority = "FINAL_ORDER";
                basis = "final order of removal executable on " + day + " (" + label + ")";
            } else {
                authority = "OTHER_AUTHORITY";
                basis = "removal case not executable on " + day + " (" + label + "): processed under other "
                        + "authority (INA 236(a); 8 U.S.C. 1226(a)), never as an executable order";
            }
        } else {
            verdict = "NO_CASE";
            label = "no removal case on record";
            authority = "OTHER_AUTHORITY";
            basis = "no removal case on record: arrest under INA 287(a)(2) (8 U.S.C. 1357(a)(2)) and processing "
                    + "under other authority (a Notice to Appear, INA 239), never as an executable order";
        }
        if (family == null || family.isBlank()) {
            throw new BadInput("familyName", "the family name is required (as the person gives it)");
        }
        if (given == null || given.isBlank()) {
            throw new BadInput("givenName", "the given name is required (as the person gives it)");
        }
        if (aNumber != null && jdbc.sql("select exists (select 1 from worksite_detainee where action_id = ? and "
                + "a_number = ?)").params(actionId, aNumber).query(Boolean.class).single()) {
            throw new Conflict("A-number " + aNumber + " is recorded in worksite action " + actionId + " already");
        }
        long id = jdbc.sql("""
                insert into worksite_detainee (action_id, site_id, a_number, family_name, given_name, birth_month,
                    nationality, gate_verdict, gate_label, authority, authority_basis, citizen_or_lpr, detained_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict do nothing returning id""")
                .params(actionId, request.siteId(), aNumber, family.trim(), given.trim(),
                        birth == null ? null : birth.atDay(1), nationality == null ? null : nationality.trim(),
                        verdict, label, authority, basis, citizenOrLpr, actor.username())
                .query(Long.class).optional()
                .orElseThrow(() -> new Conflict("A-number " + aNumber + " was recorded in worksite action "
                        + actionId + " meanwhile"));
        log.event("ACTION", actionId, action.fieldOffice(), "DETAINED", "person " + id + " detained at site "
                + request.siteId() + ": gate " + verdict + ", authority " + authority);
        return find(id).orElseThrow();
    }

    private static String blankOr(String given, String recorded) {
        return given == null || given.isBlank() ? recorded : given;
    }

    private static YearMonth birthMonth(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return YearMonth.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new BadInput("birthMonth", "a birth month is yyyy-MM, as EOIR records births ('" + text + "')");
        }
    }

    // --- screening --------------------------------------------------------------------------------------------

    /**
     * The humanitarian screening, once per person, before any outcome: each question answered yes or no, the
     * children named (a new child, or one another detained parent named already), each new child with a
     * child-welfare task due within hours.
     */
    @Transactional
    Detainee screen(long detaineeId, ScreeningRequest request) {
        Detainee detainee = find(detaineeId).orElseThrow(() -> new NotFound("no detainee " + detaineeId));
        WorksiteActions.Action action = actions.visible(detainee.actionId());
        Actor actor = fieldStaff(action, Role.OFFICER, Role.SUPERVISOR);
        if (request.version() != null && request.version() != detainee.version()) {
            throw new Conflict("detainee " + detaineeId + " is at version " + detainee.version() + ", not "
                    + request.version() + ": reload and try again");
        }
        if (detainee.screening() != null) {
            throw new Conflict("detainee " + detaineeId + " was screened by " + detainee.screening().screenedBy()
                    + " at " + detainee.screening().screenedAt() + "; a screening is recorded once");
        }
        if (action.state() != OperationState.ACTIVE) {
            throw new Conflict("worksite action " + action.id() + " is " + action.state()
                    + ": screenings are recorded while it is active");
        }
        requireAnswer(request.minor(), "minor", "is the person under 18?");
        requireAnswer(request.soleCaregiver(), "soleCaregiver", "is the person the sole caregiver of a child?");
        requireAnswer(request.pregnantOrNursing(), "pregnantOrNursing", "is the person pregnant or nursing?");
        requireAnswer(request.citizenshipClaim(), "citizenshipClaim", "does the person claim U.S. citizenship or "
                + "lawful status?");
        List<NamedChild> named = request.children() == null ? List.of() : request.children();
        if (request.soleCaregiver() && named.isEmpty()) {
            throw new BadInput("children", "a sole caregiver names the children in their care, so that each is "
                    + "checked on");
        }
        if (detainee.birthMonth() != null && !request.minor()
                && Docket.minor(detainee.birthMonth().atDay(1), action.actionDate())
                && Docket.minor(detainee.birthMonth().atEndOfMonth(), action.actionDate())) {
            throw new BadInput("minor", "born " + detainee.birthMonth() + ", the person is under 18 on "
                    + action.actionDate());
        }
        int updated = jdbc.sql("""
                update worksite_detainee set screened_at = now(), screened_by = ?, interpreter_language = ?,
                       minor = ?, sole_caregiver = ?, pregnant_or_nursing = ?, medical_needs = ?,
                       citizenship_claim = ?, screening_notes = ?, version = version + 1
                where id = ? and version = ? and screened_at is null""")
                .params(actor.username(), trimmed(request.interpreterLanguage()), request.minor(),
                        request.soleCaregiver(), request.pregnantOrNursing(), trimmed(request.medicalNeeds()),
                        request.citizenshipClaim(), trimmed(request.notes()), detaineeId, detainee.version())
                .update();
        if (updated == 0) {
            throw new Conflict("detainee " + detaineeId + " was screened or changed meanwhile; reload and try again");
        }
        int newChildren = 0;
        for (int i = 0; i < named.size(); i++) {
            NamedChild child = named.get(i);
            String field = "children[" + i + "]";
            long childId;
            if (child.childId() != null) {
                Long existing = jdbc.sql("select id from worksite_child where id = ? and action_id = ?")
                        .params(child.childId(), action.id()).query(Long.class).optional()
                        .orElseThrow(() -> new BadInput(field + ".childId", "no child " + child.childId()
                                + " named in this action"));
                childId = existing;
            } else {
                childId = newChild(action, detainee, child, field, actor);
                newChildren++;
            }
            jdbc.sql("insert into worksite_child_parent (child_id, detainee_id) values (?, ?) on conflict do nothing")
                    .params(childId, detaineeId).update();
        }
        log.event("ACTION", action.id(), action.fieldOffice(), "SCREENED", "person " + detaineeId + " screened by "
                + actor.username() + ": " + flags(request) + "; " + named.size() + " children named ("
                + newChildren + " new, each with a child-welfare check)");
        return find(detaineeId).orElseThrow();
    }

    private long newChild(WorksiteActions.Action action, Detainee parent, NamedChild child, String field,
            Actor actor) {
        if (child.name() == null || child.name().isBlank()) {
            throw new BadInput(field + ".name", "name the child (as the parent gives it)");
        }
        if (child.age() == null || child.age() < 0 || child.age() > 17) {
            throw new BadInput(field + ".age", "a child's age is 0 to 17");
        }
        ChildLocation location;
        try {
            location = ChildLocation.valueOf(child.location() == null ? "UNKNOWN"
                    : child.location().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadInput(field + ".location", "where the child is now: one of "
                    + List.of(ChildLocation.values()));
        }
        String office = action.fieldOffice();
        long task = tasks.create(NewTask.of(TaskType.CHILD_WELFARE_CHECK, "Confirm " + child.name().trim()
                        + " (" + child.age() + ", " + location.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                        + "), child of a person detained at worksite action " + action.id()
                        + ", is with a caregiver or reunited", office, Assignee.ofTeam(office))
                .about(SubjectType.WORKSITE, "action-" + action.id())
                .due(Instant.now().plus(childWelfareDeadline))).id();
        return jdbc.sql("""
                insert into worksite_child (action_id, name, age, location, caregiver_name, welfare_task_id,
                                            recorded_by)
                values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(action.id(), child.name().trim(), child.age(), location.name(), trimmed(child.caregiverName()),
                        task, actor.username()).query(Long.class).single();
    }

    private static String flags(ScreeningRequest r) {
        List<String> yes = new ArrayList<>();
        if (r.minor()) {
            yes.add("minor");
        }
        if (r.soleCaregiver()) {
            yes.add("sole caregiver");
        }
        if (r.pregnantOrNursing()) {
            yes.add("pregnant or nursing");
        }
        if (r.medicalNeeds() != null && !r.medicalNeeds().isBlank()) {
            yes.add("medical needs");
        }
        if (r.citizenshipClaim()) {
            yes.add("claims citizenship or status");
        }
        return yes.isEmpty() ? "no humanitarian factor" : String.join(", ", yes);
    }

    private static void requireAnswer(Boolean answer, String field, String question) {
        if (answer == null) {
            throw new BadInput(field, "answer yes or no: " + question);
        }
    }

    private static String trimmed(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    // --- deciding ---------------------------------------------------------------------------------------------

    /**
     * What the screening suggests: release a minor (to HHS when unaccompanied), a sole caregiver, a person pregnant
     * or nursing or with medical needs, a citizen, LPR or claimant, and one of two detained parents of a child whose
     * other parent is transferred or held; otherwise transfer is allowed.
     */
    Recommendation recommend(Detainee d, Map<Long, Detainee> others, Map<Long, List<Long>> parentsByChild) {
        if (d.screening() == null) {
            return new Recommendation(null, List.of("not screened yet: screen before any outcome"), List.of());
        }
        Screening s = d.screening();
        List<String> reasons = new ArrayList<>();
        List<Outcome> allowed = new ArrayList<>(List.of(Outcome.RELEASED_HUMANITARIAN, Outcome.RELEASED_OTHER));
        boolean protectedFromTransfer = false;
        if (d.citizenOrLpr() || "NONE".equals(d.authority())) {
            reasons.add("a U.S. citizen or LPR on the record: no authority to hold");
            protectedFromTransfer = true;
        }
        if (s.citizenshipClaim()) {
            reasons.add("claims U.S. citizenship or lawful status: verify before anything else");
            protectedFromTransfer = true;
        }
        if (s.minor()) {
            reasons.add("a minor: released to a parent or guardian, or referred to HHS if unaccompanied "
                    + "(8 U.S.C. 1232(b)(3))");
            protectedFromTransfer = true;
            allowed.add(Outcome.HHS_REFERRAL);
        }
        if (s.soleCaregiver()) {
            reasons.add("the sole caregiver of a child");
            protectedFromTransfer = true;
        }
        boolean otherParentTransferred = false;
        for (Long child : d.childIds()) {
            for (Long parent : parentsByChild.getOrDefault(child, List.of())) {
                Detainee other = others.get(parent);
                if (parent != d.id() && other != null && other.outcome() == Outcome.TRANSFERRED) {
                    otherParentTransferred = true;
                }
            }
        }
        if (otherParentTransferred) {
            reasons.add("the other parent of a child they named is transferred: one parent is released");
            protectedFromTransfer = true;
        } else if (d.childIds().stream().anyMatch(c -> parentsByChild.getOrDefault(c, List.of()).size() > 1)) {
            reasons.add("both parents of a child are detained: release one of them");
        }
        boolean humanitarian = s.pregnantOrNursing() || (s.medicalNeeds() != null && !s.medicalNeeds().isBlank());
        if (s.pregnantOrNursing()) {
            reasons.add("pregnant or nursing");
        }
        if (s.medicalNeeds() != null && !s.medicalNeeds().isBlank()) {
            reasons.add("medical needs: " + s.medicalNeeds());
        }
        if (!protectedFromTransfer) {
            allowed.add(Outcome.TRANSFERRED);
        }
        Outcome suggested = s.minor() ? Outcome.HHS_REFERRAL
                : protectedFromTransfer || humanitarian || !reasons.isEmpty() ? Outcome.RELEASED_HUMANITARIAN
                : Outcome.TRANSFERRED;
        if (reasons.isEmpty()) {
            reasons.add("no humanitarian factor found");
        }
        return new Recommendation(suggested, List.copyOf(reasons), List.copyOf(allowed));
    }

    /** The recommendation for every detainee of the action, in one read. */
    Map<Long, Recommendation> recommendations(List<Detainee> detainees, List<Child> children) {
        Map<Long, Detainee> byId = detainees.stream().collect(Collectors.toMap(Detainee::id, d -> d));
        Map<Long, List<Long>> parents = children.stream().collect(Collectors.toMap(Child::id, Child::parentIds));
        Map<Long, Recommendation> result = new LinkedHashMap<>();
        for (Detainee d : detainees) {
            result.put(d.id(), recommend(d, byId, parents));
        }
        return result;
    }

    /** What the screening suggests for one person, read with the other parents of the children they named. */
    Recommendation recommendation(long detaineeId) {
        return recommendationFor(get(detaineeId));
    }

    private Recommendation recommendationFor(Detainee detainee) {
        Map<Long, Detainee> related = new java.util.HashMap<>();
        Map<Long, List<Long>> parents = new java.util.HashMap<>();
        if (!detainee.childIds().isEmpty()) {
            jdbc.sql("select child_id, detainee_id from worksite_child_parent where child_id = any(?)")
                    .param(detainee.childIds().toArray(Long[]::new))
                    .query((rs, n) -> parents.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(rs.getLong(2))).list();
            List<Long> ids = parents.values().stream().flatMap(List::stream).distinct().toList();
            jdbc.sql("select " + COLUMNS + " where d.id = any(?)").param(ids.toArray(Long[]::new))
                    .query(WorksiteDetainees::row).list().forEach(d -> related.put(d.id(), d));
        }
        return recommend(detainee, related, parents);
    }

    /** A supervisor of the action's office decides the outcome, once, with its reason; never before screening. */
    @Transactional
    Detainee decide(long detaineeId, DecisionRequest request) {
        Detainee detainee = find(detaineeId).orElseThrow(() -> new NotFound("no detainee " + detaineeId));
        WorksiteActions.Action action = actions.visible(detainee.actionId());
        Actor actor = fieldStaff(action, Role.SUPERVISOR);
        if (request.outcome() == null) {
            throw new BadInput("outcome", "the outcome is one of " + List.of(Outcome.values()));
        }
        if (request.reason() == null || request.reason().isBlank()) {
            throw new BadInput("reason", "say why: the screening's findings the decision rests on");
        }
        if (request.version() != null && request.version() != detainee.version()) {
            throw new Conflict("detainee " + detaineeId + " is at version " + detainee.version() + ", not "
                    + request.version() + ": reload and try again");
        }
        if (detainee.outcome() != null) {
            throw new Conflict("detainee " + detaineeId + " was " + detainee.outcome() + " already, by "
                    + detainee.decidedBy());
        }
        if (detainee.screening() == null) {
            throw new Conflict("detainee " + detaineeId + " is not screened: nobody is transferred or released "
                    + "unscreened");
        }
        Recommendation recommendation = recommendationFor(detainee);
        if (!recommendation.allowed().contains(request.outcome())) {
            throw new Conflict("detainee " + detaineeId + " cannot be " + request.outcome() + ": "
                    + String.join("; ", recommendation.reasons()));
        }
        if (action.state() != OperationState.ACTIVE) {
            throw new Conflict("worksite action " + action.id() + " is " + action.state()
                    + ": outcomes are decided while it is active");
        }
        int updated = jdbc.sql("""
                update worksite_detainee set outcome = ?, outcome_reason = ?, release_conditions = ?,
                       decided_at = now(), decided_by = ?, version = version + 1
                where id = ? and version = ? and outcome is null and screened_at is not null""")
                .params(request.outcome().name(), request.reason().trim(), trimmed(request.conditions()),
                        actor.username(), detaineeId, detainee.version()).update();
        if (updated == 0) {
            throw new Conflict("detainee " + detaineeId + " was decided or changed meanwhile; reload and try again");
        }
        log.event("ACTION", action.id(), action.fieldOffice(), request.outcome().name(), "person " + detaineeId
                + " " + request.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " by "
                + actor.username() + ": " + request.reason().trim());
        return find(detaineeId).orElseThrow();
    }

    /** A criminal charge brought against a detained person (e.g. 18 U.S.C. 1546), recorded once. */
    @Transactional
    Detainee charge(long detaineeId, String charge, Integer version) {
        Detainee detainee = find(detaineeId).orElseThrow(() -> new NotFound("no detainee " + detaineeId));
        WorksiteActions.Action action = actions.visible(detainee.actionId());
        Actor actor = fieldStaff(action, Role.SUPERVISOR);
        if (charge == null || charge.isBlank()) {
            throw new BadInput("charge", "name the charge and its statute");
        }
        int updated = jdbc.sql("""
                update worksite_detainee set criminal_charge = ?, charged_by = ?, version = version + 1
                where id = ? and version = ? and criminal_charge is null""")
                .params(charge.trim(), actor.username(), detaineeId, version == null ? detainee.version() : version)
                .update();
        if (updated == 0) {
            throw new Conflict("detainee " + detaineeId + " is charged already or changed meanwhile");
        }
        log.event("ACTION", action.id(), action.fieldOffice(), "CHARGED", "person " + detaineeId + " charged: "
                + charge.trim());
        return find(detaineeId).orElseThrow();
    }
}
