package org.caseops.worksite;

import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.caseops.access.Access;
import org.caseops.access.Actor;
import org.caseops.access.Role;
import org.caseops.legal.rules.BusinessCalendar;
import org.caseops.system.BadInput;
import org.caseops.system.Conflict;
import org.caseops.system.Forbidden;
import org.caseops.system.NotFound;
import org.caseops.worksite.rules.Direction;
import org.caseops.worksite.rules.Factor;
import org.caseops.worksite.rules.FineCalculator;
import org.caseops.worksite.rules.I9Clocks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Form I-9 inspections (8 CFR 274a; docs/worksite.md): the Notice of Inspection and the production deadline, the
 * forms reviewed with their findings, the notices with their deadlines, the fine of a notice of intent to fine as the
 * calculator sets it, and the outcome (hearing requested, settlement, final order). Deadlines are on the federal
 * calendar and stored with their rule. Every change is a conditional update on the inspection's version (409 on a
 * lost race) with its worksite event and audit entry.
 */
@Service
public class Inspections {

    public enum FindingKind { TECHNICAL, SUBSTANTIVE, UNAUTHORIZED }

    public enum Part { SECTION_1, SECTION_2, SECTION_3, DOCUMENTS, DATES }

    public enum NoticeKind { COMPLIANCE_LETTER, TECHNICAL_FAILURES, SUSPECT_DOCUMENTS, WARNING, INTENT_TO_FINE }

    public record Inspection(long id, long employerId, String employerName, long siteId, String siteName,
            String fieldOffice, Long nominationId, LocalDate noticeServedOn, LocalDate productionDue,
            String productionRule, LocalDate formsProducedOn, boolean producedLate, InspectionState state,
            String openedBy, int version) {
    }

    /**
     * One finding on a form; {@code id} and {@code correction} are the stored finding's (a form posted to the API gives
     * part, kind and detail only).
     */
    public record Finding(Part part, FindingKind kind, String detail, Long id, Correction correction) {
        public Finding(Part part, FindingKind kind, String detail) {
            this(part, kind, detail, null, null);
        }

        /** A technical or procedural failure the employer did not correct by the deadline: a violation. */
        public boolean uncorrected() {
            return kind == FindingKind.TECHNICAL && correction != null && !correction.corrected();
        }
    }

    /**
     * Whether the employer corrected a technical or procedural failure within the 10 business days after the notice
     * of technical or procedural failures (8 U.S.C. 1324a(b)(6)(B)): corrected on a day by the deadline, or not
     * corrected by it (recorded once the deadline has passed).
     */
    public record Correction(long id, long noticeId, boolean corrected, LocalDate on, LocalDate dueOn, String note,
            String recordedBy) {
    }

    public record Form(long id, String employeeLabel, LocalDate hiredOn, String reviewedBy, List<Finding> findings) {
    }

    public record FactorEntry(Factor factor, Direction direction, String justification) {
    }

    public record StoredFine(long id, int scheduleId, int formsReviewed, int violations, BigDecimal errorRatePercent,
            BigDecimal baseAmount, int adjustmentPercent, BigDecimal perViolation, BigDecimal total,
            List<FactorEntry> factors) {
    }

    public record Notice(long id, NoticeKind kind, LocalDate servedOn, LocalDate dueOn, String dueRule,
            String servedBy, StoredFine fine) {
    }

    /** Forms reviewed, and how many have each kind of finding; violations are what a fine counts. */
    public record Counts(int forms, int withTechnicalOnly, int withSubstantive, int withUnauthorized,
            int withUncorrectedTechnical, int violations) {
    }

    record Detail(Inspection inspection, List<InspectionState> next, Counts counts, List<Form> forms,
            List<Notice> notices) {
    }

    record NewInspection(Long siteId, @NotNull LocalDate noticeServedOn, Long nominationId) {
    }

    record NewForm(String employeeLabel, LocalDate hiredOn, LocalDate receivedOn, List<Finding> findings,
            Integer version) {
    }

    record NewNotice(NoticeKind kind, @NotNull LocalDate servedOn, List<FineCalculator.Adjustment> factors,
            Integer version) {
    }

    record NewCorrection(Long findingId, Boolean corrected, LocalDate on, String note, Integer version) {
    }

    record Outcome(InspectionState to, @NotNull LocalDate on, BigDecimal amount, String note, Integer version) {
    }

    private final JdbcClient jdbc;
    private final Access access;
    private final Employers employers;
    private final PenaltySchedules schedules;
    private final WorksiteLog log;
    private final BusinessCalendar calendar = BusinessCalendar.usFederal();

    Inspections(JdbcClient jdbc, Access access, Employers employers, PenaltySchedules schedules, WorksiteLog log) {
        this.jdbc = jdbc;
        this.access = access;
        this.employers = employers;
        this.schedules = schedules;
        this.log = log;
    }

    private static final String COLUMNS = """
            i.id, i.employer_id, e.name, i.site_id, s.name, i.field_office_code, i.nomination_id, i.notice_served_on,
            i.production_due, i.production_rule, i.forms_produced_on, i.status, i.opened_by, i.version
            from i9_inspection i join employer e on e.id = i.employer_id join employer_site s on s.id = i.site_id""";

    private static Inspection row(ResultSet rs, int n) throws SQLException {
        LocalDate due = rs.getObject(9, LocalDate.class);
        LocalDate produced = rs.getObject(11, LocalDate.class);
        return new Inspection(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                rs.getString(6), (Long) rs.getObject(7), rs.getObject(8, LocalDate.class), due, rs.getString(10),
                produced, produced != null && produced.isAfter(due), InspectionState.valueOf(rs.getString(12)),
                rs.getString(13), rs.getInt(14));
    }

    Inspection visible(long id) {
        Inspection inspection = jdbc.sql("select " + COLUMNS + " where i.id = ?").param(id)
                .query(Inspections::row).optional().orElseThrow(() -> new NotFound("no inspection " + id));
        Actor actor = access.actor();
        if (!actor.is(Role.ATTORNEY, Role.AUDITOR) && !inspection.fieldOffice().equals(actor.fieldOffice())) {
            throw access.hidden(new Access.Subject("INSPECTION", String.valueOf(id), inspection.fieldOffice()),
                    "inspection refused: " + actor.role() + " of " + actor.fieldOffice() + ", an inspection of "
                            + inspection.fieldOffice(), "no inspection " + id);
        }
        return inspection;
    }

    /** The inspection for a change by its own field office (counsel too, where the endpoint allows it). */
    private Inspection changeable(long id, Integer version) {
        Inspection inspection = visible(id);
        Actor actor = access.actor();
        if (!actor.is(Role.ATTORNEY) && !inspection.fieldOffice().equals(actor.fieldOffice())) {
            throw new Forbidden(actor.username() + " may not change inspection " + id);
        }
        if (version != null && version != inspection.version()) {
            throw new Conflict("inspection " + id + " is " + inspection.state() + " at version "
                    + inspection.version() + ", not " + version + ": it was changed meanwhile; reload it and try again");
        }
        return inspection;
    }

    List<Inspection> list(String office) {
        Actor actor = access.actor();
        String scope = actor.is(Role.ATTORNEY, Role.AUDITOR) ? office : actor.fieldOffice();
        if (office != null && scope != null && !office.equalsIgnoreCase(scope)) {
            throw new Forbidden(actor.username() + " sees the inspections of " + actor.fieldOffice() + " only");
        }
        String code = scope == null ? null : scope.toUpperCase(Locale.ROOT);
        return jdbc.sql("select " + COLUMNS + " where (?::text is null or i.field_office_code = ?) order by i.id")
                .params(code, code).query(Inspections::row).list();
    }

    /**
     * The inspections of an employer the actor may see (the employer page): of the actor's field office, all for
     * counsel and oversight. The caller has checked the employer is visible.
     */
    List<Inspection> ofEmployer(long employerId) {
        Actor actor = access.actor();
        String code = actor.is(Role.ATTORNEY, Role.AUDITOR) ? null : actor.fieldOffice();
        return jdbc.sql("select " + COLUMNS + " " + """
                 where i.employer_id = ? and (?::text is null or i.field_office_code = ?) order by i.id""")
                .params(employerId, code, code).query(Inspections::row).list();
    }

    Detail detail(long id) {
        Inspection inspection = visible(id);
        access.audit("WORKSITE_INSPECTION_READ", new Access.Subject("INSPECTION", String.valueOf(id),
                inspection.fieldOffice()), "forms and notices of inspection " + id);
        return detail(inspection);
    }

    private Detail detail(Inspection inspection) {
        List<Form> forms = forms(inspection.id());
        return new Detail(inspection, List.copyOf(inspection.state().next()), counts(forms), forms,
                notices(inspection.id()));
    }

    List<WorksiteLog.Event> events(long id) {
        visible(id);
        return log.events("INSPECTION", id);
    }

    /**
     * What a fine counts: a form with a substantive or unauthorized-worker finding is one violation, and so is a form
     * with a technical or procedural failure the employer did not correct within the 10 business days after the
     * notice of technical or procedural failures (8 U.S.C. 1324a(b)(6)(B): the good-faith defence of (b)(6)(A) then
     * does not apply). A form with technical failures only, corrected or still within the period, is not.
     */
    static Counts counts(List<Form> forms) {
        int technicalOnly = 0;
        int substantive = 0;
        int unauthorized = 0;
        int uncorrected = 0;
        int violations = 0;
        for (Form f : forms) {
            boolean s = f.findings().stream().anyMatch(x -> x.kind() == FindingKind.SUBSTANTIVE);
            boolean u = f.findings().stream().anyMatch(x -> x.kind() == FindingKind.UNAUTHORIZED);
            boolean t = f.findings().stream().anyMatch(x -> x.kind() == FindingKind.TECHNICAL);
            boolean late = f.findings().stream().anyMatch(Finding::uncorrected);
            substantive += s ? 1 : 0;
            unauthorized += u ? 1 : 0;
            technicalOnly += t && !s && !u ? 1 : 0;
            uncorrected += late && !s && !u ? 1 : 0;
            violations += s || u || late ? 1 : 0;
        }
        return new Counts(forms.size(), technicalOnly, substantive, unauthorized, uncorrected, violations);
    }

    private List<Form> forms(long inspectionId) {
        Map<Long, List<Finding>> findings = new HashMap<>();
        jdbc.sql("""
                select f.form_id, f.part, f.kind, f.detail, f.id, c.id, c.notice_id, c.corrected, c.on_date, c.due_on,
                       c.note, c.recorded_by
                from i9_finding f join i9_form o on o.id = f.form_id left join i9_correction c on c.finding_id = f.id
                where o.inspection_id = ? order by f.id""").param(inspectionId)
                .query(rs -> {
                    Long correctionId = (Long) rs.getObject(6);
                    Correction correction = correctionId == null ? null : new Correction(correctionId,
                            rs.getLong(7), rs.getBoolean(8), rs.getObject(9, LocalDate.class),
                            rs.getObject(10, LocalDate.class), rs.getString(11), rs.getString(12));
                    findings.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Finding(
                            Part.valueOf(rs.getString(2)), FindingKind.valueOf(rs.getString(3)), rs.getString(4),
                            rs.getLong(5), correction));
                });
        record Row(long id, String label, LocalDate hired, String by) {
        }
        return jdbc.sql("""
                select id, employee_label, hired_on, reviewed_by from i9_form where inspection_id = ? order by id""")
                .param(inspectionId)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getString(4))).list().stream()
                .map(r -> new Form(r.id(), r.label(), r.hired(), r.by(), findings.getOrDefault(r.id(), List.of())))
                .toList();
    }

    private List<Notice> notices(long inspectionId) {
        Map<Long, List<FactorEntry>> factors = new HashMap<>();
        jdbc.sql("""
                select ff.fine_id, ff.factor, ff.direction, ff.justification from i9_fine_factor ff
                join i9_fine f on f.id = ff.fine_id join i9_notice n on n.id = f.notice_id
                where n.inspection_id = ? order by ff.factor""").param(inspectionId)
                .query(rs -> {
                    factors.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new FactorEntry(
                            Factor.valueOf(rs.getString(2)), Direction.valueOf(rs.getString(3)), rs.getString(4)));
                });
        return jdbc.sql("""
                select n.id, n.kind, n.served_on, n.due_on, n.due_rule, n.served_by,
                       f.id, f.schedule_id, f.forms_reviewed, f.violations, f.error_rate_percent, f.base_amount,
                       f.adjustment_percent, f.per_violation, f.total
                from i9_notice n left join i9_fine f on f.notice_id = n.id
                where n.inspection_id = ? order by n.served_on, n.id""").param(inspectionId)
                .query((rs, n) -> {
                    Long fineId = (Long) rs.getObject(7);
                    StoredFine fine = fineId == null ? null : new StoredFine(fineId, rs.getInt(8), rs.getInt(9),
                            rs.getInt(10), rs.getBigDecimal(11), rs.getBigDecimal(12), rs.getInt(13),
                            rs.getBigDecimal(14), rs.getBigDecimal(15), factors.getOrDefault(fineId, List.of()));
                    return new Notice(rs.getLong(1), NoticeKind.valueOf(rs.getString(2)),
                            rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class), rs.getString(5),
                            rs.getString(6), fine);
                }).list();
    }

    @Transactional
    Detail open(NewInspection request) {
        if (request.siteId() == null) {
            throw new BadInput("siteId", "name the employer's site inspected");
        }
        if (request.noticeServedOn() == null) {
            throw new BadInput("noticeServedOn", "the date the Notice of Inspection was served is required "
                    + "(yyyy-MM-dd)");
        }
        Employers.Site site = employers.site(request.siteId())
                .orElseThrow(() -> new BadInput("siteId", "no employer site " + request.siteId()));
        Actor actor = access.actor();
        if (!site.fieldOffice().equals(actor.fieldOffice())) {
            throw new Forbidden("an inspection is opened by the field office that works the site ("
                    + site.fieldOffice() + "); " + actor.username() + " is in " + actor.fieldOffice());
        }
        if (request.nominationId() != null && !jdbc.sql("""
                select exists (select 1 from nomination where id = ? and site_id = ? and status = 'APPROVED'
                               and case_type = 'I9_INSPECTION')""").params(request.nominationId(), site.id())
                .query(Boolean.class).single()) {
            throw new BadInput("nominationId", "nomination " + request.nominationId() + " is no approved I-9 "
                    + "inspection nomination of site " + site.id());
        }
        I9Clocks.Deadline due = I9Clocks.production(request.noticeServedOn(), calendar);
        long id = jdbc.sql("""
                insert into i9_inspection (employer_id, site_id, field_office_code, nomination_id, notice_served_on,
                                           production_due, production_rule, status, opened_by)
                values (?, ?, ?, ?, ?, ?, ?, 'NOTICE_SERVED', ?) returning id""")
                .params(site.employerId(), site.id(), site.fieldOffice(), request.nominationId(),
                        request.noticeServedOn(), due.due(), due.rule(), actor.username())
                .query(Long.class).single();
        Employers.Employer employer = employers.visible(site.employerId());
        employers.recordHistory(employer, request.noticeServedOn(), "INSPECTION", "Notice of Inspection served "
                + "(inspection " + id + ", site " + site.name() + ")", null);
        log.event("INSPECTION", id, site.fieldOffice(), "NOTICE_OF_INSPECTION", "Notice of Inspection served on "
                + request.noticeServedOn() + " at " + site.name() + "; forms due " + due.due() + " (" + due.rule()
                + ")");
        return detail(visible(id));
    }

    @Transactional
    Detail recordForm(long id, NewForm request) {
        if (request.employeeLabel() == null || request.employeeLabel().isBlank()) {
            throw new BadInput("employeeLabel", "the form's employee as the employer's list names them (a number "
                    + "or label; no person record is made)");
        }
        List<Finding> findings = request.findings() == null ? List.of() : request.findings();
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            if (f == null || f.part() == null) {
                throw new BadInput("findings[" + i + "].part", "the part is one of " + List.of(Part.values()));
            }
            if (f.kind() == null) {
                throw new BadInput("findings[" + i + "].kind", "the kind is one of " + List.of(FindingKind.values()));
            }
            if (f.detail() == null || f.detail().isBlank()) {
                throw new BadInput("findings[" + i + "].detail", "say what is wrong on the form");
            }
        }
        Inspection inspection = changeable(id, request.version());
        if (!inspection.state().takesForms()) {
            throw new Conflict("inspection " + id + " is " + inspection.state() + ": forms are recorded until the "
                    + "first notice of the review is served");
        }
        String label = request.employeeLabel().trim();
        LocalDate received = request.receivedOn() != null ? request.receivedOn() : inspection.formsProducedOn();
        if (inspection.state() == InspectionState.NOTICE_SERVED && received == null) {
            throw new BadInput("receivedOn", "the date the employer produced the forms is required with the first "
                    + "form");
        }
        if (received != null && received.isBefore(inspection.noticeServedOn())) {
            throw new BadInput("receivedOn", "forms are produced on or after the Notice of Inspection ("
                    + inspection.noticeServedOn() + ")");
        }
        int updated = jdbc.sql("""
                update i9_inspection set status = 'FORMS_RECEIVED', version = version + 1,
                       forms_produced_on = coalesce(forms_produced_on, ?)
                where id = ? and version = ? and status in ('NOTICE_SERVED', 'FORMS_RECEIVED')""")
                .params(received, id, inspection.version()).update();
        if (updated == 0) {
            throw new Conflict("inspection " + id + " was changed meanwhile; reload it and try again");
        }
        long formId = jdbc.sql("""
                insert into i9_form (inspection_id, employee_label, hired_on, reviewed_by) values (?, ?, ?, ?)
                on conflict (inspection_id, employee_label) do nothing returning id""")
                .params(id, label, request.hiredOn(), access.actor().username()).query(Long.class).optional()
                .orElseThrow(() -> new Conflict("the form of '" + label + "' is recorded already in inspection "
                        + id + " (a review is history: record a correction as a new finding on a new form label)"));
        for (Finding f : findings) {
            jdbc.sql("insert into i9_finding (form_id, part, kind, detail) values (?, ?, ?, ?)")
                    .params(formId, f.part().name(), f.kind().name(), f.detail().trim()).update();
        }
        log.event("INSPECTION", id, inspection.fieldOffice(), "FORM_REVIEWED", "form of " + label + ": "
                + (findings.isEmpty() ? "no findings" : findings.size() + " findings "
                        + findings.stream().map(f -> f.kind() + " in " + f.part()).toList()));
        return detail(visible(id));
    }

    @Transactional
    Detail serveNotice(long id, NewNotice request) {
        if (request.kind() == null) {
            throw new BadInput("kind", "the notice is one of " + List.of(NoticeKind.values()));
        }
        if (request.servedOn() == null) {
            throw new BadInput("servedOn", "the date the notice was served is required (yyyy-MM-dd)");
        }
        Inspection inspection = changeable(id, request.version());
        if (!inspection.state().takesNotices()) {
            throw new Conflict("inspection " + id + " is " + inspection.state() + ": notices are served after the "
                    + "forms are reviewed and before a hearing, settlement or final order");
        }
        if (request.servedOn().isBefore(inspection.noticeServedOn())) {
            throw new BadInput("servedOn", "a notice is served on or after the Notice of Inspection ("
                    + inspection.noticeServedOn() + ")");
        }
        List<Form> forms = forms(id);
        Counts counts = counts(forms);
        I9Clocks.Deadline due = switch (request.kind()) {
            case TECHNICAL_FAILURES -> I9Clocks.correction(request.servedOn(), calendar);
            case INTENT_TO_FINE -> I9Clocks.hearingRequest(request.servedOn(), calendar);
            default -> null;
        };
        if (request.kind() == NoticeKind.TECHNICAL_FAILURES && counts.withTechnicalOnly() == 0
                && forms.stream().noneMatch(f -> f.findings().stream().anyMatch(x -> x.kind() == FindingKind.TECHNICAL))) {
            throw new Conflict("inspection " + id + " has no technical or procedural failures to notify");
        }
        if (request.kind() == NoticeKind.SUSPECT_DOCUMENTS && counts.withUnauthorized() == 0) {
            throw new Conflict("inspection " + id + " has no form with a finding of suspect documents "
                    + "(UNAUTHORIZED)");
        }
        FineCalculator.Fine fine = null;
        if (request.kind() == NoticeKind.INTENT_TO_FINE) {
            if (counts.violations() == 0) {
                throw new Conflict("inspection " + id + " has no substantive or unauthorized-worker violation to "
                        + "fine (" + counts.forms() + " forms reviewed)");
            }
            try {
                fine = FineCalculator.compute(new FineCalculator.Input(request.servedOn(), counts.forms(),
                        counts.violations(), request.factors()), schedules.all());
            } catch (FineCalculator.InvalidInput e) {
                throw new BadInput(e.field().equals("noticeDate") ? "servedOn" : e.field(), e.getMessage());
            }
        }
        int updated = jdbc.sql("""
                update i9_inspection set status = 'NOTICES_SERVED', version = version + 1
                where id = ? and version = ? and status in ('FORMS_RECEIVED', 'NOTICES_SERVED')""")
                .params(id, inspection.version()).update();
        if (updated == 0) {
            throw new Conflict("inspection " + id + " was changed meanwhile; reload it and try again");
        }
        long noticeId = jdbc.sql("""
                insert into i9_notice (inspection_id, kind, served_on, due_on, due_rule, served_by)
                values (?, ?, ?, ?, ?, ?) returning id""")
                .params(id, request.kind().name(), request.servedOn(), due == null ? null : due.due(),
                        due == null ? null : due.rule(), access.actor().username()).query(Long.class).single();
        String summary = request.kind() + " served on " + request.servedOn()
                + (due == null ? "" : "; due " + due.due() + " (" + due.rule() + ")");
        if (fine != null) {
            long fineId = jdbc.sql("""
                    insert into i9_fine (notice_id, schedule_id, forms_reviewed, violations, error_rate_percent,
                                         base_amount, adjustment_percent, per_violation, total)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                    .params(noticeId, fine.schedule().id(), fine.formsReviewed(), fine.violations(),
                            fine.errorRatePercent(), fine.band().baseAmount(), fine.adjustmentPercent(),
                            fine.perViolation(), fine.total()).query(Long.class).single();
            for (FineCalculator.Adjustment a : fine.adjustments()) {
                jdbc.sql("insert into i9_fine_factor (fine_id, factor, direction, justification) values (?, ?, ?, ?)")
                        .params(fineId, a.factor().name(), a.direction().name(), a.justification()).update();
            }
            summary += "; fine " + fine.total() + " (" + fine.violations() + " violations of " + fine.formsReviewed()
                    + " forms, " + fine.errorRatePercent() + " %, " + fine.perViolation() + " each, schedule "
                    + fine.schedule().id() + ")";
        }
        employers.recordHistory(employers.visible(inspection.employerId()), request.servedOn(), "NOTICE",
                request.kind() + " (inspection " + id + ")", fine == null ? null : fine.total());
        log.event("INSPECTION", id, inspection.fieldOffice(), "NOTICE_" + request.kind(), summary);
        return detail(visible(id));
    }

    /**
     * Records whether the employer corrected one technical or procedural failure within the 10 business days after the
     * first notice of technical or procedural failures (8 U.S.C. 1324a(b)(6)(B)): corrected on a day within the
     * period, or not corrected by its end (recorded after the deadline). Once per finding; an uncorrected failure
     * counts as a violation in the fine of a later notice of intent to fine.
     */
    @Transactional
    Detail recordCorrection(long id, NewCorrection request) {
        if (request.findingId() == null) {
            throw new BadInput("findingId", "name the technical or procedural failure (the finding) corrected or not");
        }
        if (request.corrected() == null) {
            throw new BadInput("corrected", "say whether the employer corrected it by the deadline (true or false)");
        }
        if (request.on() == null) {
            throw new BadInput("on", request.corrected() ? "the date it was corrected is required (yyyy-MM-dd)"
                    : "the date the deadline was found passed is required (yyyy-MM-dd)");
        }
        Inspection inspection = changeable(id, request.version());
        Finding finding = forms(id).stream().flatMap(f -> f.findings().stream())
                .filter(f -> request.findingId().equals(f.id())).findFirst()
                .orElseThrow(() -> new BadInput("findingId", "inspection " + id + " has no finding "
                        + request.findingId()));
        if (finding.kind() != FindingKind.TECHNICAL) {
            throw new BadInput("findingId", "finding " + finding.id() + " is " + finding.kind() + ": only a "
                    + "technical or procedural failure has a period to be corrected (8 U.S.C. 1324a(b)(6))");
        }
        Notice notice = notices(id).stream().filter(n -> n.kind() == NoticeKind.TECHNICAL_FAILURES).findFirst()
                .orElseThrow(() -> new Conflict("inspection " + id + " has no notice of technical or procedural "
                        + "failures: the 10 business days to correct run from that notice"));
        if (request.corrected()) {
            if (request.on().isBefore(notice.servedOn())) {
                throw new BadInput("on", "a correction counted here is made on or after the notice of technical or "
                        + "procedural failures (" + notice.servedOn() + ")");
            }
            if (request.on().isAfter(notice.dueOn())) {
                throw new BadInput("on", "corrected on " + request.on() + ", after the deadline of " + notice.dueOn()
                        + " (" + notice.dueRule() + "): record it as not corrected by the deadline");
            }
        } else if (!request.on().isAfter(notice.dueOn())) {
            throw new BadInput("on", "the employer has until " + notice.dueOn() + " to correct it (" + notice.dueRule()
                    + "); record it as not corrected after that day");
        }
        if (!inspection.state().takesNotices()) {
            throw new Conflict("inspection " + id + " is " + inspection.state() + ": corrections are recorded while "
                    + "notices are being served, before a hearing, settlement or final order");
        }
        int updated = jdbc.sql("""
                update i9_inspection set version = version + 1
                where id = ? and version = ? and status in ('FORMS_RECEIVED', 'NOTICES_SERVED')""")
                .params(id, inspection.version()).update();
        if (updated == 0) {
            throw new Conflict("inspection " + id + " was changed meanwhile; reload it and try again");
        }
        String note = request.note() == null || request.note().isBlank() ? null : request.note().trim();
        jdbc.sql("""
                insert into i9_correction (finding_id, notice_id, corrected, on_date, due_on, note, recorded_by)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (finding_id) do nothing returning id""")
                .params(finding.id(), notice.id(), request.corrected(), request.on(), notice.dueOn(), note,
                        access.actor().username()).query(Long.class).optional()
                .orElseThrow(() -> new Conflict("finding " + finding.id() + " has its correction recorded already "
                        + "(a record is history)"));
        log.event("INSPECTION", id, inspection.fieldOffice(), "CORRECTION_RECORDED", "finding " + finding.id()
                + " (" + finding.part() + ": " + finding.detail() + ") " + (request.corrected() ? "corrected on "
                + request.on() : "not corrected by " + notice.dueOn() + ": a violation") + " (" + notice.dueRule()
                + ")" + (note == null ? "" : ": " + note));
        return detail(visible(id));
    }

    @Transactional
    Detail outcome(long id, Outcome request) {
        if (request.to() == null) {
            throw new BadInput("to", "the outcome is one of HEARING_REQUESTED, SETTLED, FINAL_ORDER, CLOSED");
        }
        if (request.on() == null) {
            throw new BadInput("on", "the date of the outcome is required (yyyy-MM-dd)");
        }
        if (request.amount() != null && request.amount().signum() < 0) {
            throw new BadInput("amount", "an amount is 0 or more");
        }
        Inspection inspection = changeable(id, request.version());
        if (!inspection.state().allows(request.to())) {
            throw new Conflict("inspection " + id + " is " + inspection.state() + "; it cannot go to " + request.to()
                    + " (from " + inspection.state() + ": " + inspection.state().next() + ")");
        }
        if (request.to() == InspectionState.HEARING_REQUESTED) {
            Notice nif = notices(id).stream().filter(n -> n.kind() == NoticeKind.INTENT_TO_FINE)
                    .reduce((a, b) -> b)
                    .orElseThrow(() -> new Conflict("a hearing is requested on a notice of intent to fine; "
                            + "inspection " + id + " has none"));
            if (request.on().isAfter(nif.dueOn())) {
                throw new Conflict("the request for a hearing was due by " + nif.dueOn() + " (" + nif.dueRule()
                        + "); one made on " + request.on() + " is late");
            }
        }
        if ((request.to() == InspectionState.SETTLED || request.to() == InspectionState.FINAL_ORDER)
                && request.amount() == null) {
            throw new BadInput("amount", "a settlement or final order states the amount (0 when none)");
        }
        int updated = jdbc.sql("update i9_inspection set status = ?, version = version + 1 where id = ? and version = ?")
                .params(request.to().name(), id, inspection.version()).update();
        if (updated == 0) {
            throw new Conflict("inspection " + id + " was changed meanwhile; reload it and try again");
        }
        String note = request.note() == null ? "" : request.note().trim();
        String kind = switch (request.to()) {
            case SETTLED -> "SETTLEMENT";
            case FINAL_ORDER -> "FINAL_ORDER";
            default -> "INSPECTION";
        };
        employers.recordHistory(employers.visible(inspection.employerId()), request.on(), kind,
                request.to() + " (inspection " + id + ")" + (note.isEmpty() ? "" : ": " + note), request.amount());
        log.event("INSPECTION", id, inspection.fieldOffice(), request.to().name(), request.to() + " on "
                + request.on() + (request.amount() == null ? "" : ", amount " + request.amount())
                + (note.isEmpty() ? "" : ": " + note));
        return detail(visible(id));
    }

    /** The calculator on its own (a preview: nothing is stored). */
    FineCalculator.Fine preview(FineCalculator.Input input) {
        try {
            return FineCalculator.compute(input, schedules.all());
        } catch (FineCalculator.InvalidInput e) {
            throw new BadInput(e.field(), e.getMessage());
        }
    }

    List<org.caseops.worksite.rules.PenaltySchedule> schedules() {
        return schedules.all();
    }
}
