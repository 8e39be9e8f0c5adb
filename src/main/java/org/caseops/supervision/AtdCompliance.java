package org.caseops.supervision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.caseops.access.Access;
import org.caseops.access.Role;
import org.caseops.system.BadInput;
import org.caseops.system.Conflict;
import org.caseops.system.Forbidden;
import org.caseops.system.NotFound;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * ATD compliance (issue 16, docs/supervision.md): the contract's reported events judged by versioned rules, alerts
 * for a person's officer to look at. CaseOps records what the contract reports (an event's kind and time), never a
 * location. A rule set is drafted, then published with the date it takes effect, and never changed after; each
 * evaluation keeps the version it used, so a later version never changes a past evaluation. No data is an alert, not
 * a silent pass; at most one open alert per supervision and rule (the database's index), however often evaluations
 * run. An alert asks an officer to contact the person or their counsel: never a referral for arrest.
 */
@Service
public class AtdCompliance {

    private static final ObjectMapper JSON = new ObjectMapper();

    public enum EventKind {
        CHECK_IN, APP_CHECK_IN, DEVICE_OK, DEVICE_TAMPER, DEVICE_NO_SIGNAL, BATTERY_DEAD, MISSED_APP_CHECK_IN
    }

    /** {@code NO_EVENT_WITHIN}: none of the kinds within {@code maxDays}; {@code EVENT_REPORTED}: one was reported. */
    public enum RuleKind { NO_EVENT_WITHIN, EVENT_REPORTED }

    public enum Severity { LOW, MEDIUM, HIGH }

    public record Rule(String code, RuleKind kind, List<EventKind> eventKinds, Integer maxDays, Severity severity) {
    }

    public record RuleSet(int version, String status, String note, LocalDate effectiveFrom, String createdBy,
            String publishedBy, List<Rule> rules) {
    }

    public record Alert(long id, long supervisionId, String aNumber, String fieldOffice, String ruleCode,
            int ruleVersion, Severity severity, String reason, LocalDate asOf, Instant openedAt, String status,
            String closedBy, String resolution, int version) {
    }

    /** An evaluation run: supervisions judged, alerts opened now, alerts that were open already. */
    public record Evaluated(String fieldOffice, LocalDate asOf, int ruleVersion, int supervisions, int alertsOpened,
            int alreadyOpen) {
    }

    private final JdbcClient jdbc;
    private final Access access;
    private final Supervisions supervisions;

    AtdCompliance(JdbcClient jdbc, Access access, Supervisions supervisions) {
        this.jdbc = jdbc;
        this.access = access;
        this.supervisions = supervisions;
    }

    // ---- rule sets ----------------------------------------------------------------------------------------------

    /** Drafts the next version of the rules (directors: the rules are the agency's policy). */
    @Transactional
    public RuleSet draft(String note, List<Rule> rules) {
        director("draft ATD compliance rules");
        if (note == null || note.trim().length() < 3) {
            throw new BadInput("note", "note is required: what this version changes and why");
        }
        if (rules == null || rules.isEmpty()) {
            throw new BadInput("rules", "rules are required: at least one");
        }
        for (int i = 0; i < rules.size(); i++) {
            check(rules.get(i), "rules[" + i + "]");
        }
        if (rules.stream().map(Rule::code).distinct().count() != rules.size()) {
            throw new BadInput("rules", "each rule's code appears once");
        }
        int version = jdbc.sql("select coalesce(max(version), 0) + 1 from atd_rule_set").query(Integer.class).single();
        String actor = access.actor().username();
        try {
            jdbc.sql("insert into atd_rule_set (version, note, created_by) values (?, ?, ?)")
                    .params(version, note.trim(), actor).update();
        } catch (DuplicateKeyException e) {
            throw new Conflict("another ATD rule set was drafted at the same time as version " + version
                    + "; send it again");
        }
        for (Rule r : rules) {
            jdbc.sql("""
                    insert into atd_rule (version, code, kind, event_kinds, max_days, severity)
                    values (?, ?, ?, ?::text[], ?, ?)""").params(version, r.code(), r.kind().name(),
                    "{" + String.join(",", r.eventKinds().stream().map(Enum::name).toList()) + "}", r.maxDays(),
                    r.severity().name()).update();
        }
        access.audit("ATD_RULES_DRAFTED", new Access.Subject("ATD_RULE_SET", String.valueOf(version), null),
                note.trim());
        return ruleSet(version);
    }

    /** Publishes a draft, in effect from {@code effectiveFrom}: from then on it never changes. */
    @Transactional
    public RuleSet publish(int version, LocalDate effectiveFrom) {
        director("publish ATD compliance rules");
        if (effectiveFrom == null) {
            throw new BadInput("effectiveFrom", "effectiveFrom is required: the first day the rules judge");
        }
        int changed = jdbc.sql("""
                update atd_rule_set set status = 'PUBLISHED', effective_from = ?, published_by = ?,
                       published_at = now()
                where version = ? and status = 'DRAFT'""").params(effectiveFrom, access.actor().username(), version)
                .update();
        if (changed != 1) {
            RuleSet set = ruleSet(version);
            throw new Conflict("ATD rule set " + version + " is " + set.status().toLowerCase(Locale.ROOT)
                    + ": only a draft is published");
        }
        access.audit("ATD_RULES_PUBLISHED", new Access.Subject("ATD_RULE_SET", String.valueOf(version), null),
                "in effect from " + effectiveFrom);
        return ruleSet(version);
    }

    /** Every rule set, newest first. */
    public List<RuleSet> ruleSets() {
        return jdbc.sql("select version from atd_rule_set order by version desc limit 100").query(Integer.class)
                .list().stream().map(this::ruleSet).toList();
    }

    public RuleSet ruleSet(int version) {
        List<Rule> rules = jdbc.sql("""
                select code, kind, event_kinds, max_days, severity from atd_rule where version = ? order by code""")
                .param(version).query((rs, n) -> new Rule(rs.getString(1), RuleKind.valueOf(rs.getString(2)),
                        java.util.Arrays.stream((String[]) rs.getArray(3).getArray()).map(EventKind::valueOf)
                                .toList(), (Integer) rs.getObject(4), Severity.valueOf(rs.getString(5)))).list();
        return jdbc.sql("""
                select version, status, note, effective_from, created_by, published_by from atd_rule_set
                where version = ?""").param(version).query((rs, n) -> new RuleSet(rs.getInt(1), rs.getString(2),
                        rs.getString(3), rs.getObject(4, LocalDate.class), rs.getString(5), rs.getString(6), rules))
                .optional().orElseThrow(() -> new NotFound("no ATD rule set " + version));
    }

    // ---- events ---------------------------------------------------------------------------------------------------

    /** Records an event the contract reported for an active ATD supervision (its kind and time only). */
    @Transactional
    public long record(long supervisionId, EventKind kind, Instant occurredAt, String detail) {
        Access.Subject subject = atd(supervisionId);
        access.mayChange(subject);
        if (kind == null) {
            throw new BadInput("kind", "kind is required: one of " + java.util.Arrays.toString(EventKind.values()));
        }
        if (occurredAt == null || occurredAt.isAfter(Instant.now())) {
            throw new BadInput("occurredAt", "occurredAt is required and not in the future");
        }
        if (detail != null && detail.length() > 2000) {
            throw new BadInput("detail", "detail has at most 2000 characters");
        }
        String actor = access.actor().username();
        long id = jdbc.sql("""
                insert into atd_event (supervision_id, kind, occurred_at, detail, recorded_by)
                values (?, ?, ?, ?, ?) returning id""").params(supervisionId, kind.name(),
                OffsetDateTime.ofInstant(occurredAt, ZoneOffset.UTC), detail, actor).query(Long.class).single();
        supervisions.event(supervisionId, "ATD_EVENT_RECORDED", actor, "ATD event " + kind.name() + " at "
                + occurredAt);
        access.audit("ATD_EVENT_RECORDED", subject, kind.name() + " at " + occurredAt);
        return id;
    }

    // ---- evaluation -----------------------------------------------------------------------------------------------

    /**
     * Judges every active ATD supervision of the field office as of {@code asOf} by the rule set in effect that
     * day; keeps each evaluation with its version and opens the alerts not open already.
     */
    @Transactional
    public Evaluated evaluate(String fieldOffice, LocalDate asOf) {
        String office = Sweeps.office(access, fieldOffice, asOf, "ATD evaluations");
        return evaluate(office, asOf, Sweeps.By.user(access), false);
    }

    /** The field offices with an active ATD enrolment, for the scheduled evaluation. */
    List<String> officesEnrolling() {
        return jdbc.sql("select distinct field_office_code from supervision where kind = 'ATD' and status = 'ACTIVE' "
                + "order by 1").query(String.class).list();
    }

    /** Whether a rule set is in effect on {@code asOf} (the scheduled evaluation skips a day without one). */
    boolean anyInEffect(LocalDate asOf) {
        return jdbc.sql("select count(*) from atd_rule_set where status = 'PUBLISHED' and effective_from <= ?")
                .param(asOf).query(Long.class).single() > 0;
    }

    /**
     * {@link #evaluate(String, LocalDate)} for an office checked already, by a user or the schedule; {@code
     * onceADay}: leave out the enrolments evaluated as of {@code asOf} already (the schedule runs again the same day).
     */
    Evaluated evaluate(String office, LocalDate asOf, Sweeps.By by, boolean onceADay) {
        RuleSet rules = inEffect(asOf);
        record Enrolled(long id, LocalDate start) {
        }
        List<Enrolled> enrolled = jdbc.sql("""
                select id, start_date from supervision
                where field_office_code = ? and kind = 'ATD' and status = 'ACTIVE' and start_date <= ?
                  and (not ? or not exists (select 1 from atd_evaluation e where e.supervision_id = supervision.id
                                                                            and e.as_of = ?))
                order by id""")
                .params(office, asOf, onceADay, asOf).query((rs, n) -> new Enrolled(rs.getLong(1), rs.getObject(2, LocalDate.class)))
                .list();
        Long[] ids = enrolled.stream().map(Enrolled::id).toArray(Long[]::new);
        Instant end = asOf.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        // every event up to the end of asOf, and each supervision's last evaluation before asOf: two queries
        record Ev(long supervision, EventKind kind, Instant at) {
        }
        Map<Long, List<Ev>> events = new HashMap<>();
        jdbc.sql("""
                select supervision_id, kind, occurred_at from atd_event
                where supervision_id = any (?) and occurred_at < ? order by occurred_at""")
                .params(ids, OffsetDateTime.ofInstant(end, ZoneOffset.UTC))
                .query((rs, n) -> new Ev(rs.getLong(1), EventKind.valueOf(rs.getString(2)),
                        rs.getObject(3, OffsetDateTime.class).toInstant())).list()
                .forEach(e -> events.computeIfAbsent(e.supervision(), k -> new ArrayList<>()).add(e));
        Map<Long, LocalDate> lastEvaluated = new HashMap<>();
        jdbc.sql("""
                select supervision_id, max(as_of) from atd_evaluation
                where supervision_id = any (?) and as_of < ? group by 1""").params(ids, asOf)
                .query(rs -> {
                    lastEvaluated.put(rs.getLong(1), rs.getObject(2, LocalDate.class));
                });
        String actor = by.name();
        int opened = 0;
        int already = 0;
        for (Enrolled s : enrolled) {
            List<Ev> mine = events.getOrDefault(s.id(), List.of());
            LocalDate since = lastEvaluated.getOrDefault(s.id(), s.start().minusDays(1));
            List<Map<String, Object>> findings = new ArrayList<>();
            for (Rule r : rules.rules()) {
                String why = null;
                if (r.kind() == RuleKind.NO_EVENT_WITHIN) {
                    LocalDate windowStart = asOf.minusDays(r.maxDays());
                    Instant last = mine.stream().filter(e -> r.eventKinds().contains(e.kind())).map(Ev::at)
                            .reduce((a, b) -> b).orElse(null);
                    if (last == null && !s.start().isAfter(windowStart)) {
                        why = "no " + kinds(r) + " reported since the enrolment on " + s.start() + " (no data is "
                                + "an alert, not a pass)";
                    } else if (last != null && last.isBefore(windowStart.atStartOfDay().toInstant(ZoneOffset.UTC))) {
                        why = "the last " + kinds(r) + " was on " + last.atOffset(ZoneOffset.UTC).toLocalDate()
                                + ", more than " + r.maxDays() + " days before " + asOf;
                    }
                } else {
                    Instant after = since.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
                    List<Ev> reported = mine.stream().filter(e -> r.eventKinds().contains(e.kind())
                            && !e.at().isBefore(after)).toList();
                    if (!reported.isEmpty()) {
                        why = reported.size() + " " + kinds(r) + " reported after " + since + ", the last on "
                                + reported.get(reported.size() - 1).at().atOffset(ZoneOffset.UTC).toLocalDate();
                    }
                }
                Map<String, Object> finding = new LinkedHashMap<>();
                finding.put("rule", r.code());
                finding.put("outcome", why == null ? "OK" : "ALERT");
                if (why != null) {
                    finding.put("why", why);
                    int inserted = jdbc.sql("""
                            insert into atd_alert (supervision_id, field_office_code, rule_code, rule_version,
                                                   severity, reason, as_of)
                            values (?, ?, ?, ?, ?, ?, ?)
                            on conflict (supervision_id, rule_code) where status = 'OPEN' do nothing""")
                            .params(s.id(), office, r.code(), rules.version(), r.severity().name(), why, asOf)
                            .update();
                    if (inserted == 1) {
                        opened++;
                    } else {
                        already++;
                    }
                }
                findings.add(finding);
            }
            jdbc.sql("""
                    insert into atd_evaluation (supervision_id, as_of, rule_version, findings, evaluated_by)
                    values (?, ?, ?, ?::jsonb, ?)""").params(s.id(), asOf, rules.version(), json(findings), actor)
                    .update();
        }
        by.audit(access, "ATD_EVALUATED", new Access.Subject("FIELD_OFFICE", office, office), enrolled.size()
                + " ATD supervisions as of " + asOf + " by rule set " + rules.version() + ": " + opened
                + " alerts opened, " + already + " open already");
        return new Evaluated(office, asOf, rules.version(), enrolled.size(), opened, already);
    }

    /** The rule set in effect on {@code day}: the newest published one effective on or before it. */
    private RuleSet inEffect(LocalDate day) {
        Integer version = jdbc.sql("""
                select version from atd_rule_set where status = 'PUBLISHED' and effective_from <= ?
                order by effective_from desc, version desc limit 1""").param(day).query(Integer.class).optional()
                .orElseThrow(() -> new Conflict("no ATD rule set is in effect on " + day + ": a director publishes "
                        + "one first"));
        return ruleSet(version);
    }

    // ---- the triage queue -----------------------------------------------------------------------------------------

    /** A field office's alerts ({@code status} OPEN or CLOSED), most severe first, then oldest; paged; audited. */
    @Transactional
    public org.caseops.system.Paged<Alert> alerts(String fieldOffice, String status, int page, int size) {
        String office = officeToRead(fieldOffice);
        String state = status == null || status.isBlank() ? "OPEN" : status.trim().toUpperCase(Locale.ROOT);
        if (!state.equals("OPEN") && !state.equals("CLOSED")) {
            throw new BadInput("status", "status is OPEN or CLOSED, not '" + status + "'");
        }
        if (page < 0 || size < 1 || size > 200) {
            throw new BadInput(size < 1 || size > 200 ? "size" : "page", "page from 0, size 1 to 200");
        }
        List<Alert> items = jdbc.sql(SELECT_ALERT + """
                where a.field_office_code = ? and a.status = ?
                order by case a.severity when 'HIGH' then 0 when 'MEDIUM' then 1 else 2 end, a.opened_at, a.id
                limit ? offset ?""").params(office, state, size, (long) page * size).query(AtdCompliance::alert)
                .list();
        long total = jdbc.sql("select count(*) from atd_alert where field_office_code = ? and status = ?")
                .params(office, state).query(Long.class).single();
        access.audit("ATD_ALERTS_READ", new Access.Subject("FIELD_OFFICE", office, office), state + " page " + page);
        return new org.caseops.system.Paged<>(items, page, size, total);
    }

    /** Closes an open alert with what was done, at the version read; 409 when stale or closed already. */
    @Transactional
    public Alert close(long id, String resolution, Integer version) {
        Alert alert = jdbc.sql(SELECT_ALERT + " where a.id = ?").param(id).query(AtdCompliance::alert).optional()
                .orElseThrow(() -> new NotFound("no ATD alert " + id));
        access.mayChange(new Access.Subject("ATD_ALERT", String.valueOf(id), alert.fieldOffice()),
                "no ATD alert " + id);
        if (resolution == null || resolution.trim().length() < 3 || resolution.length() > 2000) {
            throw new BadInput("resolution", "resolution is required: what was done (3 to 2000 characters)");
        }
        if (version == null) {
            throw new BadInput("version", "version is required: the alert's version as last read");
        }
        int changed = jdbc.sql("""
                update atd_alert set status = 'CLOSED', closed_by = ?, closed_at = now(), resolution = ?,
                       version = version + 1
                where id = ? and status = 'OPEN' and version = ?""").params(access.actor().username(),
                resolution.trim(), id, version).update();
        if (changed != 1) {
            throw new Conflict("ATD alert " + id + " is " + alert.status().toLowerCase(Locale.ROOT) + " at version "
                    + alert.version() + "; not closed from version " + version);
        }
        supervisions.event(alert.supervisionId(), "ATD_ALERT_CLOSED", access.actor().username(), "ATD alert " + id
                + " (" + alert.ruleCode() + ") closed: " + resolution.trim());
        access.audit("ATD_ALERT_CLOSED", new Access.Subject("ATD_ALERT", String.valueOf(id), alert.fieldOffice()),
                resolution.trim());
        return jdbc.sql(SELECT_ALERT + " where a.id = ?").param(id).query(AtdCompliance::alert).single();
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private static final String SELECT_ALERT = """
            select a.id, a.supervision_id, s.a_number, a.field_office_code, a.rule_code, a.rule_version, a.severity,
                   a.reason, a.as_of, a.opened_at, a.status, a.closed_by, a.resolution, a.version
            from atd_alert a join supervision s on s.id = a.supervision_id
            """;

    private static Alert alert(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Alert(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getInt(6), Severity.valueOf(rs.getString(7)), rs.getString(8), rs.getObject(9, LocalDate.class),
                rs.getObject(10, OffsetDateTime.class).toInstant(), rs.getString(11), rs.getString(12),
                rs.getString(13), rs.getInt(14));
    }

    private void director(String what) {
        if (!access.actor().is(Role.DIRECTOR)) {
            throw new Forbidden(access.actor().username() + " (" + access.actor().role() + ") may not " + what
                    + ": field-office directors do");
        }
    }

    private String officeToRead(String fieldOffice) {
        if (fieldOffice == null || fieldOffice.isBlank()) {
            throw new BadInput("fieldOffice", "fieldOffice is required");
        }
        String office = fieldOffice.trim().toUpperCase(Locale.ROOT);
        if (!access.actor().mayChange(office)) {
            throw new Forbidden(access.actor().username() + " may not read the ATD alerts of " + office);
        }
        return office;
    }

    /** The supervision's subject, when it is an active ATD enrolment. */
    private Access.Subject atd(long supervisionId) {
        record S(String office, String kind, String status) {
        }
        S s = jdbc.sql("select field_office_code, kind, status from supervision where id = ?").param(supervisionId)
                .query((rs, n) -> new S(rs.getString(1), rs.getString(2), rs.getString(3))).optional()
                .orElseThrow(() -> new NotFound("no supervision " + supervisionId));
        Access.Subject subject = new Access.Subject("SUPERVISION", String.valueOf(supervisionId), s.office());
        if (!"ATD".equals(s.kind()) || !"ACTIVE".equals(s.status())) {
            access.mayChange(subject, "no supervision " + supervisionId);
            throw new Conflict("supervision " + supervisionId + " is " + ("ATD".equals(s.kind()) ? "ended"
                    : "an order of supervision, not ATD") + ": ATD events are recorded for an active ATD enrolment");
        }
        return subject;
    }

    private void check(Rule r, String field) {
        if (r == null || r.code() == null || !r.code().matches("[A-Z][A-Z0-9_]{1,39}")) {
            throw new BadInput(field + ".code", "a rule's code is 2 to 40 capitals, digits and underscores");
        }
        if (r.kind() == null) {
            throw new BadInput(field + ".kind", "kind is required: NO_EVENT_WITHIN or EVENT_REPORTED");
        }
        if (r.eventKinds() == null || r.eventKinds().isEmpty() || r.eventKinds().size() > 10
                || r.eventKinds().contains(null)) {
            throw new BadInput(field + ".eventKinds", "eventKinds: 1 to 10 of "
                    + java.util.Arrays.toString(EventKind.values()));
        }
        if ((r.kind() == RuleKind.NO_EVENT_WITHIN) != (r.maxDays() != null)
                || r.maxDays() != null && (r.maxDays() < 1 || r.maxDays() > 365)) {
            throw new BadInput(field + ".maxDays", "maxDays (1 to 365) is for NO_EVENT_WITHIN, and only for it");
        }
        if (r.severity() == null) {
            throw new BadInput(field + ".severity", "severity is required: LOW, MEDIUM or HIGH");
        }
    }

    private static String kinds(Rule r) {
        return String.join(" or ", r.eventKinds().stream().map(k -> k.name().toLowerCase(Locale.ROOT)
                .replace('_', ' ')).toList());
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
