package org.caseops.worksite;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.caseops.access.Access;
import org.caseops.access.Actor;
import org.caseops.access.Role;
import org.caseops.operation.OperationState;
import org.caseops.system.BadInput;
import org.caseops.system.Conflict;
import org.caseops.system.Forbidden;
import org.caseops.system.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Worksite actions (issue 17, docs/worksite.md "Worksite actions"), planned as operations are, with the same chain
 * and states ({@link OperationState}): a supervisor or director of the field office drafts it on sites that rest on
 * approved WORKSITE_ACTION nominations and records what must be in place before anyone is detained; counsel clears
 * it; the office's director approves it once the {@link #readiness dry run} finds nothing missing; it is launched,
 * and only then are people detained ({@link WorksiteDetainees}). The database holds the same rules (V132).
 */
@Service
public class WorksiteActions {

    public record ActionSite(long siteId, String siteName, String employerName, String city, String state,
            Long nominationId) {
    }

    /** What must be on the record before anyone is detained, as recorded. */
    public record Preparations(String prosecutionCommitment, Instant prosecutionRecordedAt, String socialServices,
            Instant socialServicesNotifiedAt, String schools, Instant schoolsNotifiedAt, Integer interpreters,
            String interpreterLanguages, Integer medicalStaff) {
    }

    public record Action(long id, String name, String fieldOffice, LocalDate actionDate, OperationState state,
            Preparations preparations, List<ActionSite> sites, String legalClearedBy, Instant legalClearedAt,
            String approvedBy, Instant approvedAt, String createdBy, Instant createdAt, int version) {
    }

    /** One thing the dry run finds missing or wrong: a code, and what to do about it. */
    public record Finding(String code, String detail) {
    }

    record NewAction(String name, LocalDate actionDate, List<Long> siteIds) {
    }

    record PreparationsRequest(String prosecutionCommitment, String socialServices, Instant socialServicesNotifiedAt,
            String schools, Instant schoolsNotifiedAt, Integer interpreters, String interpreterLanguages,
            Integer medicalStaff, Integer version) {
    }

    private final JdbcClient jdbc;
    private final Access access;
    private final WorksiteLog log;

    WorksiteActions(JdbcClient jdbc, Access access, WorksiteLog log) {
        this.jdbc = jdbc;
        this.access = access;
        this.log = log;
    }

    // --- reading ----------------------------------------------------------------------------------------------

    private static final String COLUMNS = """
            id, name, field_office_code, action_date, state, prosecution_commitment, prosecution_recorded_at,
            social_services, social_services_notified_at, schools, schools_notified_at, interpreters,
            interpreter_languages, medical_staff, legal_cleared_by, legal_cleared_at, approved_by, approved_at,
            created_by, created_at, version from worksite_action""";

    private static Action row(ResultSet rs, List<ActionSite> sites) throws SQLException {
        return new Action(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                OperationState.valueOf(rs.getString(5)), new Preparations(rs.getString(6), instant(rs, 7),
                        rs.getString(8), instant(rs, 9), rs.getString(10), instant(rs, 11),
                        (Integer) rs.getObject(12), rs.getString(13), (Integer) rs.getObject(14)), sites,
                rs.getString(15), instant(rs, 16), rs.getString(17), instant(rs, 18), rs.getString(19),
                instant(rs, 20), rs.getInt(21));
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private Map<Long, List<ActionSite>> sitesOf(List<Long> actionIds) {
        if (actionIds.isEmpty()) {
            return Map.of();
        }
        record Row(long actionId, ActionSite site) {
        }
        return jdbc.sql("""
                select a.action_id, s.id, s.name, e.name, s.city, s.state, a.nomination_id
                from worksite_action_site a join employer_site s on s.id = a.site_id
                join employer e on e.id = s.employer_id
                where a.action_id = any(?) order by a.action_id, s.id""")
                .param(actionIds.toArray(Long[]::new))
                .query((rs, n) -> new Row(rs.getLong(1), new ActionSite(rs.getLong(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), (Long) rs.getObject(7)))).list().stream()
                .collect(Collectors.groupingBy(Row::actionId, Collectors.mapping(Row::site, Collectors.toList())));
    }

    private Optional<Action> find(long id) {
        List<Action> found = read(" where id = ?", id);
        return found.stream().findFirst();
    }

    private List<Action> read(String where, Object... params) {
        List<Long> ids = new ArrayList<>();
        // two queries for any number of actions: the actions, then all their sites
        List<Action> bare = jdbc.sql("select " + COLUMNS + where).params(params)
                .query((rs, n) -> row(rs, List.of())).list();
        bare.forEach(a -> ids.add(a.id()));
        Map<Long, List<ActionSite>> sites = sitesOf(ids);
        return bare.stream().map(a -> new Action(a.id(), a.name(), a.fieldOffice(), a.actionDate(), a.state(),
                a.preparations(), sites.getOrDefault(a.id(), List.of()), a.legalClearedBy(), a.legalClearedAt(),
                a.approvedBy(), a.approvedAt(), a.createdBy(), a.createdAt(), a.version())).toList();
    }

    /** The action, if the actor may see it: its field office's staff, counsel and oversight. */
    public Action visible(long id) {
        Action action = find(id).orElseThrow(() -> new NotFound("no worksite action " + id));
        Actor actor = access.actor();
        if (!actor.is(Role.ATTORNEY, Role.AUDITOR) && !action.fieldOffice().equals(actor.fieldOffice())) {
            throw access.hidden(subject(action), "worksite action refused: " + actor.role() + " of "
                    + actor.fieldOffice() + ", an action of " + action.fieldOffice(), "no worksite action " + id);
        }
        return action;
    }

    static Access.Subject subject(Action action) {
        return new Access.Subject("WORKSITE_ACTION", String.valueOf(action.id()), action.fieldOffice());
    }

    /** The actions the actor may see: their field office's, or all for counsel and oversight; newest first. */
    List<Action> list(String office) {
        Actor actor = access.actor();
        String scope = actor.is(Role.ATTORNEY, Role.AUDITOR) ? office : actor.fieldOffice();
        if (office != null && scope != null && !office.equalsIgnoreCase(scope)) {
            throw new Forbidden(actor.username() + " sees the worksite actions of " + actor.fieldOffice() + " only");
        }
        String code = scope == null ? null : scope.toUpperCase(Locale.ROOT);
        return read(" where (?::text is null or field_office_code = ?) order by action_date desc, id desc", code,
                code);
    }

    /** The sites of a field office a new action may name, with whether each has a nomination for the date. */
    record OfficeSite(long siteId, String siteName, String employerName, String city) {
    }

    List<OfficeSite> officeSites(String office) {
        return jdbc.sql("""
                select s.id, s.name, e.name, s.city from employer_site s join employer e on e.id = s.employer_id
                where s.field_office_code = ? order by e.name, s.id limit 500""").param(office)
                .query((rs, n) -> new OfficeSite(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    List<WorksiteLog.Event> events(long id) {
        visible(id);
        return log.events("ACTION", id);
    }

    // --- drafting ---------------------------------------------------------------------------------------------

    private Actor planner(Action action) {
        Actor actor = access.actor();
        if (!actor.is(Role.SUPERVISOR, Role.DIRECTOR) || !action.fieldOffice().equals(actor.fieldOffice())) {
            throw new Forbidden("a worksite action is planned by the supervisors and director of its field office ("
                    + action.fieldOffice() + ")");
        }
        return actor;
    }

    /**
     * A new action in the actor's field office, as a draft, on sites of that office, each resting on an approved
     * WORKSITE_ACTION nomination whose period holds the action's date (once a nomination policy is in force).
     */
    @Transactional
    Action create(NewAction request) {
        Actor actor = access.actor();
        if (!actor.is(Role.SUPERVISOR, Role.DIRECTOR) || actor.fieldOffice() == null) {
            throw new Forbidden("worksite actions are planned by a field office's supervisors and director");
        }
        if (request.name() == null || request.name().isBlank() || request.name().trim().length() > 200) {
            throw new BadInput("name", "an action has a name of 1 to 200 characters");
        }
        if (request.actionDate() == null) {
            throw new BadInput("actionDate", "the date of the action is required (yyyy-MM-dd)");
        }
        if (request.siteIds() == null || request.siteIds().isEmpty()) {
            throw new BadInput("siteIds", "name at least one employer site");
        }
        if (request.siteIds().stream().distinct().count() != request.siteIds().size()) {
            throw new BadInput("siteIds", "a site is named once");
        }
        Map<Long, Long> nominations = nominationsFor(request.siteIds(), request.actionDate(), actor.fieldOffice());
        long id = jdbc.sql("""
                insert into worksite_action (name, field_office_code, action_date, created_by)
                values (?, ?, ?, ?) returning id""")
                .params(request.name().trim(), actor.fieldOffice(), request.actionDate(), actor.username())
                .query(Long.class).single();
        for (Long siteId : request.siteIds()) {
            jdbc.sql("insert into worksite_action_site (action_id, site_id, nomination_id) values (?, ?, ?)")
                    .params(id, siteId, nominations.get(siteId)).update();
        }
        log.event("ACTION", id, actor.fieldOffice(), "DRAFTED", "worksite action '" + request.name().trim()
                + "' on " + request.actionDate() + " at " + request.siteIds().size() + " sites");
        return find(id).orElseThrow();
    }

    /**
     * Each site's approved WORKSITE_ACTION nomination whose period holds the date; a 400 naming the site if none while
     * a nomination policy is in force on the date (null before the first policy).
     */
    private Map<Long, Long> nominationsFor(List<Long> siteIds, LocalDate date, String office) {
        record Found(long siteId, String office, Long nominationId) {
        }
        Map<Long, Found> found = jdbc.sql("""
                select s.id, s.field_office_code,
                       (select n.id from nomination n where n.site_id = s.id and n.case_type = 'WORKSITE_ACTION'
                          and n.status = 'APPROVED' and ? between n.period_start and n.period_end
                        order by n.id limit 1)
                from employer_site s where s.id = any(?)""")
                .params(date, siteIds.toArray(Long[]::new))
                .query((rs, n) -> new Found(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3))).list().stream()
                .collect(Collectors.toMap(Found::siteId, f -> f));
        // the rule comes with the nomination policy: an action before its first version had no nomination to rest on
        boolean nominationRequired = jdbc.sql(
                "select exists (select 1 from nomination_policy where effective_from <= ?)").param(date).query(Boolean.class).single();
        Map<Long, Long> nominations = new java.util.HashMap<>();
        for (Long siteId : siteIds) {
            Found f = found.get(siteId);
            if (f == null) {
                throw new BadInput("siteIds", "no employer site " + siteId);
            }
            if (!f.office().equals(office)) {
                throw new BadInput("siteIds", "site " + siteId + " is worked by " + f.office() + ", not " + office);
            }
            if (f.nominationId() == null && nominationRequired) {
                throw new BadInput("siteIds", "site " + siteId + " has no approved worksite-action nomination for "
                        + "a period holding " + date + ": nominate it and have the director approve it first");
            }
            nominations.put(siteId, f.nominationId());
        }
        return nominations;
    }

    /**
     * Records what must be in place before anyone is detained, while the action is not launched: each field given
     * replaces the recorded one (a notification time is when it was made, never in the future).
     */
    @Transactional
    Action prepare(long id, PreparationsRequest request) {
        Action action = visible(id);
        Actor actor = planner(action);
        requireVersion(action, request.version());
        if (!EnumSetOf.BEFORE_LAUNCH.contains(action.state())) {
            throw new Conflict("worksite action " + id + " is " + action.state() + ": preparations are recorded "
                    + "before it is launched");
        }
        Instant now = Instant.now();
        Preparations p = action.preparations();
        String prosecution = text(request.prosecutionCommitment(), p.prosecutionCommitment());
        String social = text(request.socialServices(), p.socialServices());
        Instant socialAt = time(request.socialServicesNotifiedAt(), p.socialServicesNotifiedAt(),
                "socialServicesNotifiedAt", now);
        String schools = text(request.schools(), p.schools());
        Instant schoolsAt = time(request.schoolsNotifiedAt(), p.schoolsNotifiedAt(), "schoolsNotifiedAt", now);
        if ((social == null) != (socialAt == null)) {
            throw new BadInput(social == null ? "socialServices" : "socialServicesNotifiedAt",
                    "name the social services notified and when, together");
        }
        if ((schools == null) != (schoolsAt == null)) {
            throw new BadInput(schools == null ? "schools" : "schoolsNotifiedAt",
                    "name the schools or school district notified and when, together");
        }
        Integer interpreters = count(request.interpreters(), p.interpreters(), "interpreters");
        Integer medical = count(request.medicalStaff(), p.medicalStaff(), "medicalStaff");
        String languages = text(request.interpreterLanguages(), p.interpreterLanguages());
        boolean newCommitment = prosecution != null && !prosecution.equals(p.prosecutionCommitment());
        int updated = jdbc.sql("""
                update worksite_action set prosecution_commitment = ?,
                       prosecution_recorded_at = case when ? then now() else prosecution_recorded_at end,
                       social_services = ?, social_services_notified_at = ?, schools = ?, schools_notified_at = ?,
                       interpreters = ?, interpreter_languages = ?, medical_staff = ?, version = version + 1
                where id = ? and version = ? and state in ('DRAFT', 'LEGAL_REVIEW', 'APPROVED', 'POSTPONED')""")
                .params(prosecution, newCommitment, social, ts(socialAt), schools, ts(schoolsAt), interpreters,
                        languages, medical, id, action.version()).update();
        if (updated == 0) {
            throw changedMeanwhile(action);
        }
        log.event("ACTION", id, action.fieldOffice(), "PREPARED", "preparations recorded by " + actor.username()
                + ": prosecution commitment " + (prosecution == null ? "missing" : "on record")
                + ", social services " + (social == null ? "not notified" : "notified " + socialAt)
                + ", schools " + (schools == null ? "not notified" : "notified " + schoolsAt)
                + ", " + (interpreters == null ? 0 : interpreters) + " interpreters, "
                + (medical == null ? 0 : medical) + " medical staff");
        return find(id).orElseThrow();
    }

    private static final class EnumSetOf {
        static final java.util.Set<OperationState> BEFORE_LAUNCH = java.util.EnumSet.of(OperationState.DRAFT,
                OperationState.LEGAL_REVIEW, OperationState.APPROVED, OperationState.POSTPONED);
    }

    private static OffsetDateTime ts(Instant t) {
        return t == null ? null : t.atOffset(ZoneOffset.UTC);
    }

    private static String text(String given, String recorded) {
        if (given == null) {
            return recorded;
        }
        return given.isBlank() ? null : given.trim();
    }

    private static Instant time(Instant given, Instant recorded, String field, Instant now) {
        if (given == null) {
            return recorded;
        }
        if (given.isAfter(now.plusSeconds(60))) {
            throw new BadInput(field, "a notification is recorded when it was made, not ahead of time (" + given
                    + " is in the future)");
        }
        return given;
    }

    private static Integer count(Integer given, Integer recorded, String field) {
        if (given == null) {
            return recorded;
        }
        if (given < 0 || given > 1000) {
            throw new BadInput(field, field + " is a number from 0 to 1000");
        }
        return given;
    }

    /**
     * The dry run: what stands between the action and its launch. Empty when it may be approved and launched; each
     * finding names what to record. The database refuses a launch with any of the first five missing (V132).
     */
    public List<Finding> readiness(Action action) {
        List<Finding> findings = new ArrayList<>();
        Preparations p = action.preparations();
        if (p.prosecutionCommitment() == null) {
            findings.add(new Finding("NO_PROSECUTION_COMMITMENT", "record the commitment to prosecute the employer "
                    + "(U.S. Attorney's office and reference): worksite actions pursue employers first (ICE worksite "
                    + "enforcement strategy, 30 April 2009)"));
        }
        if (p.socialServicesNotifiedAt() == null) {
            findings.add(new Finding("SOCIAL_SERVICES_NOT_NOTIFIED", "notify the local social services agency for "
                    + "the day and record whom and when"));
        }
        if (p.schoolsNotifiedAt() == null) {
            findings.add(new Finding("SCHOOLS_NOT_NOTIFIED", "notify the schools or school district for the day, so "
                    + "that no child goes home to an empty house, and record whom and when"));
        }
        if (p.interpreters() == null || p.interpreters() < 1) {
            findings.add(new Finding("NO_INTERPRETERS", "put interpreters on the plan for the screening"));
        }
        if (p.medicalStaff() == null || p.medicalStaff() < 1) {
            findings.add(new Finding("NO_MEDICAL_STAFF", "put medical staff on the plan for the screening"));
        }
        if (action.sites().isEmpty()) {
            findings.add(new Finding("NO_SITES", "name at least one site"));
        }
        if (!action.sites().isEmpty()) {
            List<Long> lapsed = jdbc.sql("""
                    select a.site_id from worksite_action_site a join nomination n on n.id = a.nomination_id
                    where a.action_id = ? and (n.status <> 'APPROVED' or ? not between n.period_start and n.period_end)
                    order by a.site_id""").params(action.id(), action.actionDate()).query(Long.class).list();
            for (Long site : lapsed) {
                findings.add(new Finding("NOMINATION_LAPSED", "the nomination of site " + site
                        + " is no longer approved for the action's date"));
            }
        }
        return findings;
    }

    // --- the chain --------------------------------------------------------------------------------------------

    /** DRAFT → LEGAL_REVIEW: the plan goes to counsel. */
    @Transactional
    Action submit(long id, Integer version) {
        Action action = visible(id);
        planner(action);
        requireVersion(action, version);
        if (action.sites().isEmpty()) {
            throw new Conflict("worksite action " + id + " has no sites to review");
        }
        return transition(action, OperationState.LEGAL_REVIEW, "SUBMITTED_FOR_LEGAL_REVIEW",
                "submitted for legal review", "");
    }

    /** Counsel clears the legal review; the action stays in LEGAL_REVIEW until its director approves. */
    @Transactional
    Action clear(long id, String note, Integer version) {
        Action action = visible(id);
        Actor actor = access.actor();
        if (!actor.is(Role.ATTORNEY)) {
            throw new Forbidden("legal review is counsel's");
        }
        requireVersion(action, version);
        if (action.state() != OperationState.LEGAL_REVIEW) {
            throw new Conflict("worksite action " + id + " is " + action.state() + ", not in legal review");
        }
        if (jdbc.sql("""
                update worksite_action set legal_cleared_by = ?, legal_cleared_at = now(), version = version + 1
                where id = ? and version = ? and state = 'LEGAL_REVIEW' and legal_cleared_by is null""")
                .params(actor.username(), id, action.version()).update() == 0) {
            throw changedMeanwhile(action);
        }
        log.event("ACTION", id, action.fieldOffice(), "LEGAL_REVIEW_CLEARED", "legal review cleared by "
                + actor.username() + (note == null || note.isBlank() ? "" : ": " + note.trim()));
        return find(id).orElseThrow();
    }

    /** LEGAL_REVIEW → DRAFT: counsel sends the plan back with findings; a clearance lapses. */
    @Transactional
    Action returnToDraft(long id, String findings, Integer version) {
        Action action = visible(id);
        if (!access.actor().is(Role.ATTORNEY)) {
            throw new Forbidden("legal review is counsel's");
        }
        requireVersion(action, version);
        requireText(findings, "findings");
        return transition(action, OperationState.DRAFT, "RETURNED_TO_DRAFT", findings.trim(),
                ", legal_cleared_by = null, legal_cleared_at = null");
    }

    /** LEGAL_REVIEW → APPROVED, by the director of the action's field office, once cleared and ready. */
    @Transactional
    Action approve(long id, Integer version) {
        Action action = visible(id);
        Actor actor = access.actor();
        if (!actor.is(Role.DIRECTOR) || !action.fieldOffice().equals(actor.fieldOffice())) {
            throw new Forbidden("a worksite action is approved by the director of its field office ("
                    + action.fieldOffice() + ")");
        }
        requireVersion(action, version);
        if (action.state() != OperationState.LEGAL_REVIEW) {
            throw new Conflict("worksite action " + id + " is " + action.state() + ": only an action in legal "
                    + "review is approved");
        }
        if (action.legalClearedBy() == null) {
            throw new Conflict("counsel has not cleared worksite action " + id);
        }
        requireReady(action, "approved");
        if (jdbc.sql("update worksite_action set approved_by = ?, approved_at = now(), version = version + 1 "
                + "where id = ? and version = ? and state = 'LEGAL_REVIEW'")
                .params(actor.username(), id, action.version()).update() == 0) {
            throw changedMeanwhile(action);
        }
        return transition(find(id).orElseThrow(), OperationState.APPROVED, "APPROVED",
                "approved by " + actor.username(), "");
    }

    /** APPROVED → ACTIVE: from now on people may be detained at its sites. */
    @Transactional
    Action launch(long id, Integer version) {
        Action action = visible(id);
        planner(action);
        requireVersion(action, version);
        if (action.state() != OperationState.APPROVED) {
            throw new Conflict("worksite action " + id + " is " + action.state() + ": only an approved action is "
                    + "launched");
        }
        requireReady(action, "launched");
        return transition(action, OperationState.ACTIVE, "LAUNCHED", "launched", "");
    }

    /** ACTIVE → CLOSED: only when every person detained has been screened and has an outcome. */
    @Transactional
    Action close(long id, String summary, Integer version) {
        Action action = visible(id);
        planner(action);
        requireVersion(action, version);
        long open = jdbc.sql("select count(*) from worksite_detainee where action_id = ? and outcome is null")
                .param(id).query(Long.class).single();
        if (open > 0) {
            throw new Conflict("worksite action " + id + " has " + open + " people detained without an outcome: "
                    + "screen and decide each before closing");
        }
        return transition(action, OperationState.CLOSED, "CLOSED", summary == null || summary.isBlank() ? "closed"
                : summary.trim(), "");
    }

    @Transactional
    Action cancel(long id, String reason, Integer version) {
        Action action = visible(id);
        planner(action);
        requireVersion(action, version);
        requireText(reason, "reason");
        return transition(action, OperationState.CANCELLED, "CANCELLED", reason.trim(), "");
    }

    private void requireReady(Action action, String what) {
        List<Finding> findings = readiness(action);
        if (!findings.isEmpty()) {
            throw new Conflict("worksite action " + action.id() + " cannot be " + what + ": the dry run finds "
                    + findings.size() + " things missing, first: " + findings.get(0).detail());
        }
    }

    private Action transition(Action action, OperationState to, String kind, String summary, String alsoSet) {
        if (!action.state().allows(to)) {
            throw new Conflict("worksite action " + action.id() + " is " + action.state() + "; it cannot become "
                    + to);
        }
        int updated = jdbc.sql("update worksite_action set state = ?, version = version + 1" + alsoSet
                + " where id = ? and version = ? and state = ?")
                .params(to.name(), action.id(), action.version(), action.state().name()).update();
        if (updated == 0) {
            throw changedMeanwhile(action);
        }
        log.event("ACTION", action.id(), action.fieldOffice(), kind, action.state() + " → " + to + ": " + summary);
        return find(action.id()).orElseThrow();
    }

    private static void requireVersion(Action action, Integer version) {
        if (version != null && version != action.version()) {
            throw new Conflict("worksite action " + action.id() + " is at version " + action.version() + ", not "
                    + version + ": reload it and try again");
        }
    }

    private Conflict changedMeanwhile(Action action) {
        int now = find(action.id()).map(Action::version).orElse(action.version());
        return new Conflict("worksite action " + action.id() + " was changed meanwhile (now version " + now
                + "); reload it and try again");
    }

    private static void requireText(String text, String field) {
        if (text == null || text.isBlank()) {
            throw new BadInput(field, field + " is required");
        }
    }
}
