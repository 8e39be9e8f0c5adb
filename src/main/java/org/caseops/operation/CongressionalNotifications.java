package org.caseops.operation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caseops.access.Access;
import org.caseops.jurisdiction.CooperationPolicies;
import org.caseops.system.BadInput;
import org.caseops.system.Conflict;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The congressional notification package of an operation before launch (issue 18, docs/oversight.md): its scope,
 * counsel's review and the approval chain with their dates, the safeguards applied, the detention and staging it
 * expects, the local cooperation policies of its field offices; as JSON and as a PDF; and its record as sent. A
 * versioned policy ({@code notification_policy}) says which operations need it; {@link Lifecycle#launch} refuses
 * such an operation until a package of its current version is recorded as sent.
 */
@Service
public class CongressionalNotifications {

    private final Operations operations;
    private final CooperationPolicies cooperation;
    private final JdbcClient jdbc;
    private final Access access;

    CongressionalNotifications(Operations operations, CooperationPolicies cooperation, JdbcClient jdbc,
            Access access) {
        this.operations = operations;
        this.cooperation = cooperation;
        this.jdbc = jdbc;
        this.access = access;
    }

    public record Policy(int version, LocalDate effectiveFrom, boolean required, int minFamilyUnits, String basis) {
    }

    /** Whether the operation needs the notification, under which policy version, and why. */
    public record Requirement(boolean required, int familyUnits, Policy policy) {
    }

    public record Scope(List<String> fieldOffices, LocalDate windowStart, LocalDate windowEnd, int familyUnits,
            int people, int targetAdults, int targetChildren, int othersAdults, int othersChildren, int children,
            Map<String, Integer> notTakenBecause) {
    }

    public record Step(Instant at, String actor, String kind, String summary) {
    }

    public record Safeguards(String executability, int membersJudged, int memberDaysExecutable,
            int careArrangementsNeeded, int careArrangementsRecorded, int protectedAreaApprovals) {
    }

    public record Needs(int stagingSites, int stagingPeople, int stagingFamilyRooms, int longestStagingHours,
            int teams, int officers, int plannedVisits) {
    }

    public record Sent(long id, int operationVersion, int policyVersion, String sentTo, LocalDate sentOn,
            String recordedBy, Instant recordedAt) {
    }

    public record Package(long operationId, String name, String objective, String state, int operationVersion,
            Requirement requirement, Scope scope, String legalClearedBy, Instant legalClearedAt, String approvedBy,
            Instant approvedAt, List<Step> approvalChain, Safeguards safeguards, Needs needs,
            List<CooperationPolicies.Policy> cooperationPolicies, List<Sent> sent) {
    }

    public record NewSent(String sentTo, LocalDate sentOn, Integer version) {
    }

    /** The policy in force on {@code day}: the highest version effective by then. */
    Policy policy(LocalDate day) {
        return jdbc.sql("""
                select version, effective_from, required, min_family_units, basis from notification_policy
                where effective_from <= ? order by version desc limit 1""").param(day)
                .query((rs, n) -> new Policy(rs.getInt(1), rs.getObject(2, LocalDate.class), rs.getBoolean(3),
                        rs.getInt(4), rs.getString(5))).optional().orElse(null);
    }

    Requirement requirement(Operation op) {
        int units = jdbc.sql("select count(*) from operation_target where operation_id = ? and status = 'TARGET'")
                .param(op.id()).query(Integer.class).single();
        Policy policy = policy(op.windowStart());
        return new Requirement(policy != null && policy.required() && units >= policy.minFamilyUnits(), units,
                policy);
    }

    List<Sent> sent(long operationId) {
        return jdbc.sql("""
                select id, operation_version, policy_version, sent_to, sent_on, recorded_by, recorded_at
                from operation_notification where operation_id = ? order by id""").param(operationId)
                .query((rs, n) -> new Sent(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class), rs.getString(6),
                        rs.getObject(7, OffsetDateTime.class).toInstant())).list();
    }

    /**
     * Called by {@link Lifecycle#launch} in its transaction: an operation the policy covers launches only with a
     * package of its current version recorded as sent.
     */
    void requireSentIfRequired(Operation op) {
        Requirement requirement = requirement(op);
        if (!requirement.required()) {
            return;
        }
        boolean sent = jdbc.sql("""
                select exists (select 1 from operation_notification where operation_id = ? and operation_version = ?)""")
                .params(op.id(), op.version()).query(Boolean.class).single();
        if (!sent) {
            throw new Conflict("operation " + op.id() + " cannot launch: its congressional notification package "
                    + "has not been recorded as sent for version " + op.version() + " (notification policy version "
                    + requirement.policy().version() + ": " + requirement.familyUnits() + " target family units, "
                    + "the policy covers " + requirement.policy().minFamilyUnits() + " or more); record it with POST "
                    + "/api/operations/" + op.id() + "/congressional-notification/sent");
        }
    }

    /** The package as it stands, for whoever may know of the operation. */
    @Transactional(readOnly = true)
    public Package read(long id) {
        Operation op = operations.get(id);
        operations.requireVisible(op);
        return build(op);
    }

    private Package build(Operation op) {
        long id = op.id();
        Map<String, Object> counts = jdbc.sql("""
                select count(distinct m.family_id) as units, count(*) as people,
                       count(*) filter (where m.standing = 'TARGET' and not m.minor) as target_adults,
                       count(*) filter (where m.standing = 'TARGET' and m.minor) as target_children,
                       count(*) filter (where m.standing <> 'TARGET' and not m.minor) as others_adults,
                       count(*) filter (where m.standing <> 'TARGET' and m.minor) as others_children,
                       coalesce(sum(cardinality(m.executable_days)), 0) as member_days,
                       count(*) filter (where m.standing <> 'TARGET') as care_needed,
                       (select count(*) from care_arrangement c where c.operation_id = t.operation_id) as care,
                       (select count(*) from protected_area_approval a where a.operation_id = t.operation_id)
                           as protected_approvals
                from operation_target t
                join operation_member m on m.operation_id = t.operation_id and m.family_id = t.family_id
                where t.operation_id = ? and t.status = 'TARGET'
                group by t.operation_id""").param(id).query().listOfRows().stream().findFirst().orElse(Map.of());
        Map<String, Integer> because = new LinkedHashMap<>();
        jdbc.sql("""
                select r, count(*) from operation_target t
                join operation_member m on m.operation_id = t.operation_id and m.family_id = t.family_id
                cross join unnest(m.reasons) r
                where t.operation_id = ? and t.status = 'TARGET' and m.standing <> 'TARGET'
                group by r order by r""").param(id)
                .query((rs, n) -> because.put(rs.getString(1), rs.getInt(2))).list();
        Scope scope = new Scope(op.fieldOffices(), op.windowStart(), op.windowEnd(), n(counts, "units"),
                n(counts, "people"), n(counts, "target_adults"), n(counts, "target_children"),
                n(counts, "others_adults"), n(counts, "others_children"),
                n(counts, "target_children") + n(counts, "others_children"), because);
        List<Step> chain = operations.events(id).stream()
                .filter(e -> e.kind().matches("CREATED|SUBMITTED_FOR_LEGAL_REVIEW|LEGAL_REVIEW_CLEARED|APPROVED|"
                        + "RETURNED_TO_DRAFT|POSTPONED|RESUMED|CONGRESSIONAL_NOTIFICATION_SENT|LAUNCHED"))
                .map(e -> new Step(e.occurredAt(), e.actor(), e.kind(), e.summary())).toList();
        Safeguards safeguards = new Safeguards("every member judged by the legal gate for every day of the window "
                + "(docs/legal-rules.md); a member not executable on a day is not a target that day",
                n(counts, "people"), n(counts, "member_days"), n(counts, "care_needed"), n(counts, "care"),
                n(counts, "protected_approvals"));
        Map<String, Object> staging = jdbc.sql("""
                select (select count(*) from staging_site where operation_id = :id) as sites,
                       (select coalesce(sum(capacity_people), 0) from staging_site where operation_id = :id) as people,
                       (select coalesce(sum(capacity_family_rooms), 0) from staging_site where operation_id = :id)
                           as rooms,
                       (select coalesce(max(max_hours), 0) from staging_site where operation_id = :id) as hours,
                       (select count(*) from operation_team where operation_id = :id) as teams,
                       (select coalesce(sum(size), 0) from operation_team where operation_id = :id) as officers,
                       (select count(*) from plan_visit where operation_id = :id) as visits""").param("id", id)
                .query().singleRow();
        Needs needs = new Needs(n(staging, "sites"), n(staging, "people"), n(staging, "rooms"), n(staging, "hours"),
                n(staging, "teams"), n(staging, "officers"), n(staging, "visits"));
        List<CooperationPolicies.Policy> policies = new ArrayList<>();
        for (String office : op.fieldOffices()) {
            policies.addAll(cooperation.inForce(office, op.windowStart()));
        }
        return new Package(id, op.name(), op.objective(), op.state().name(), op.version(), requirement(op), scope,
                op.legalClearedBy(), op.legalClearedAt(), op.approvedBy(), op.approvedAt(), chain, safeguards, needs,
                policies, sent(id));
    }

    private static int n(Map<String, Object> row, String key) {
        Object v = row.get(key);
        return v == null ? 0 : ((Number) v).intValue();
    }

    /**
     * Records the package as sent: to whom and on which day, by one of the operation's planners, once it is
     * approved (the package then describes the plan that launches). Appended, never changed.
     */
    @Transactional
    public Package recordSent(long id, NewSent request) {
        Operation op = operations.get(id, request == null ? null : request.version());
        operations.requirePlanner(op);
        if (request == null || request.sentTo() == null || request.sentTo().isBlank()) {
            throw new BadInput("sentTo", "sentTo names the committees or offices the package was sent to");
        }
        if (request.sentTo().length() > 500) {
            throw new BadInput("sentTo", "sentTo is at most 500 characters");
        }
        if (request.sentOn() == null) {
            throw new BadInput("sentOn", "sentOn is the day the package was sent (YYYY-MM-DD)");
        }
        if (op.state() != OperationState.APPROVED) {
            throw new Conflict("operation " + id + " is " + op.state() + ": its notification package is recorded as "
                    + "sent once the operation is approved and before it launches");
        }
        Requirement requirement = requirement(op);
        if (requirement.policy() == null) {
            throw new Conflict("no notification policy is in force on " + op.windowStart());
        }
        // the package describes this version: the version is re-read in the same statement, so a change made
        // meanwhile makes the record name the version it was made against, or none
        if (jdbc.sql("""
                insert into operation_notification (operation_id, operation_version, policy_version, sent_to, sent_on,
                    recorded_by)
                select id, version, ?, ?, ?, ? from operation where id = ? and version = ?""")
                .params(requirement.policy().version(), request.sentTo().trim(), request.sentOn(),
                        access.actor().username(), id, op.version()).update() == 0) {
            throw operations.changedMeanwhile(op);
        }
        operations.event(op, "CONGRESSIONAL_NOTIFICATION_SENT", null, null, "notification package (version "
                + op.version() + ") sent to " + request.sentTo().trim() + " on " + request.sentOn());
        return build(op);
    }

    /** The package as a PDF, rendered as the notices feature renders its letters (openhtmltopdf, fonts embedded). */
    @Transactional(readOnly = true)
    public byte[] pdf(long id) {
        Package p = read(id);
        StringBuilder html = new StringBuilder("<html lang=\"en\"><head><meta charset=\"utf-8\"/><style>")
                .append(CSS).append("</style></head><body>");
        html.append("<h1>Congressional notification: ").append(e(p.name())).append("</h1>");
        html.append("<p>Operation ").append(p.operationId()).append(", version ").append(p.operationVersion())
                .append(", ").append(e(p.state())).append(". ").append(e(p.objective())).append("</p>");
        Scope s = p.scope();
        html.append("<h2>Scope</h2><table>")
                .append(row("Field offices", String.join(", ", s.fieldOffices())))
                .append(row("Window", s.windowStart() + " to " + s.windowEnd()))
                .append(row("Family units", s.familyUnits())).append(row("People in those units", s.people()))
                .append(row("Targets: adults", s.targetAdults())).append(row("Targets: children", s.targetChildren()))
                .append(row("Not taken: adults", s.othersAdults()))
                .append(row("Not taken: children", s.othersChildren())).append(row("Children in all", s.children()));
        s.notTakenBecause().forEach((k, v) -> html.append(row("Not taken because " + k, v)));
        html.append("</table><h2>Legal review and approval</h2><table>")
                .append(row("Counsel cleared", p.legalClearedBy() == null ? "not yet"
                        : p.legalClearedBy() + " at " + p.legalClearedAt()))
                .append(row("Approved", p.approvedBy() == null ? "not yet" : p.approvedBy() + " at " + p.approvedAt()));
        for (Step step : p.approvalChain()) {
            html.append(row(step.at() + " " + step.kind(), step.actor() + ": " + step.summary()));
        }
        Safeguards g = p.safeguards();
        html.append("</table><h2>Safeguards applied</h2><table>").append(row("Executability", g.executability()))
                .append(row("Members judged", g.membersJudged()))
                .append(row("Member-days executable", g.memberDaysExecutable()))
                .append(row("Care arrangements needed / recorded", g.careArrangementsNeeded() + " / "
                        + g.careArrangementsRecorded()))
                .append(row("Protected-area approvals", g.protectedAreaApprovals()));
        Needs d = p.needs();
        html.append("</table><h2>Expected detention and staging</h2><table>")
                .append(row("Staging sites", d.stagingSites())).append(row("Staging capacity (people)", d.stagingPeople()))
                .append(row("Family rooms", d.stagingFamilyRooms()))
                .append(row("Longest staging (hours)", d.longestStagingHours()))
                .append(row("Teams / officers", d.teams() + " / " + d.officers()))
                .append(row("Visits planned", d.plannedVisits()));
        html.append("</table><h2>Local cooperation policies</h2><table>");
        for (CooperationPolicies.Policy c : p.cooperationPolicies()) {
            html.append(row(c.fieldOffice() + " " + c.jurisdiction(), "detainers " + (c.honoursDetainers()
                    ? "honoured" : "not honoured") + "; 287(g) " + (c.agreement287g() ? "yes" : "no")
                    + "; shares databases " + (c.sharesDatabases() ? "yes" : "no") + " (from " + c.effectiveFrom()
                    + ")"));
        }
        if (p.cooperationPolicies().isEmpty()) {
            html.append(row("None recorded", ""));
        }
        Requirement r = p.requirement();
        html.append("</table><h2>Notification policy</h2><p>")
                .append(r.policy() == null ? "none in force" : "Version " + r.policy().version() + ": "
                        + e(r.policy().basis()))
                .append(r.required() ? " This operation needs the notification." : " Not required for this operation.")
                .append("</p></body></html>");
        return toPdf(html.toString());
    }

    private static String row(String label, Object value) {
        return "<tr><th>" + e(label) + "</th><td>" + e(String.valueOf(value)) + "</td></tr>";
    }

    private static String e(String text) {
        return org.caseops.system.PdfDocuments.escape(text);
    }

    private static byte[] toPdf(String html) {
        return org.caseops.system.PdfDocuments.render(html, "the notification package");
    }

    private static final String CSS = """
            @page { size: letter; margin: 2cm; }
            body { font-family: 'DejaVu Sans'; font-size: 10pt; line-height: 1.35; }
            h1 { font-size: 14pt; } h2 { font-size: 11pt; margin-top: 12pt; }
            table { width: 100%; border-collapse: collapse; }
            th { text-align: left; width: 40%; font-weight: bold; vertical-align: top; }
            th, td { border-bottom: 0.5pt solid #999; padding: 2pt 4pt; }
            """;
}
