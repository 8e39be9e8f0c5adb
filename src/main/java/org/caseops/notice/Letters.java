package org.caseops.notice;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.caseops.access.Access;
import org.caseops.access.Actor;
import org.caseops.access.PartnerScope;
import org.caseops.access.WorkingDate;
import org.caseops.docket.Docket;
import org.caseops.docket.DocketViews;
import org.caseops.docket.Timeline;
import org.caseops.jurisdiction.FieldOffice;
import org.caseops.jurisdiction.ReferenceData;
import org.caseops.legal.LegalGate;
import org.caseops.system.BadInput;
import org.caseops.system.Conflict;
import org.caseops.system.Forbidden;
import org.caseops.system.NotFound;
import org.caseops.task.Assignee;
import org.caseops.task.NewTask;
import org.caseops.task.SubjectType;
import org.caseops.task.TaskType;
import org.caseops.task.Tasks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Call-in letters (docs/notices.md): a mailing batch per field office and print date, a letter per family naming the
 * members it concerns, each asked of the legal gate on the print date and on the report-by date; delivery status by
 * conditional updates. Every step writes the members' case events and an audit entry in its transaction.
 */
@Service
public class Letters {

    /** The longest a letter may give to report (the database only checks that the date is after printing). */
    public static final int MAX_DAYS_TO_REPORT = 90;

    public record Batch(long id, String fieldOffice, LocalDate printDate, LocalDate reportBy, List<Letter> letters,
            List<Skipped> skipped) {
    }

    /** A family of the field office that got no letter, and why. */
    public record Skipped(long familyId, String reason) {
    }

    public record Letter(String reference, long batchId, long familyId, String fieldOffice, LocalDate printDate,
            LocalDate reportBy, String eoirLanguage, LetterLanguage templateLanguage, boolean interpreter,
            List<String> concerned, LetterStatus status, LocalDate statusOn, int version, String outcome,
            LocalDate outcomeOn) {
    }

    private final JdbcClient jdbc;
    private final Docket docket;
    private final LegalGate gate;
    private final ReferenceData reference;
    private final Timeline timeline;
    private final Access access;
    private final Tasks tasks;
    private final LetterRenderer renderer;
    private final WorkingDate workingDate;

    Letters(JdbcClient jdbc, Docket docket, LegalGate gate, ReferenceData reference, Timeline timeline,
            Access access, Tasks tasks, LetterRenderer renderer, WorkingDate workingDate) {
        this.jdbc = jdbc;
        this.docket = docket;
        this.gate = gate;
        this.reference = reference;
        this.timeline = timeline;
        this.access = access;
        this.tasks = tasks;
        this.renderer = renderer;
        this.workingDate = workingDate;
    }

    /**
     * Prints the call-in letters of a field office's families on {@code printDate}, asking them to report by
     * {@code reportBy}: a letter per family with at least one member executable on both dates, naming those members
     * only. U.S. citizens, household members without a case and members not executable on either date are never
     * named; a family with none, or without an address of record, gets no letter and is listed as skipped.
     *
     * @throws BadInput  ({@code fieldOffice}, {@code printDate}, {@code reportBy})
     * @throws Forbidden when the actor may not act for the field office
     * @throws Conflict  when the field office already has a batch printed on that date
     */
    @Transactional
    public Batch print(String fieldOffice, LocalDate printDate, LocalDate reportBy) {
        if (fieldOffice == null || fieldOffice.isBlank()) {
            throw new BadInput("fieldOffice", "fieldOffice is required: the code of the field office (HOU)");
        }
        String office = fieldOffice.trim().toUpperCase(java.util.Locale.ROOT);
        FieldOffice fo = reference.fieldOffice(office)
                .orElseThrow(() -> new BadInput("fieldOffice", "no field office with code '" + fieldOffice + "'"));
        if (printDate == null) {
            throw new BadInput("printDate", "printDate is required: the date the letters are printed");
        }
        if (reportBy == null || !reportBy.isAfter(printDate)) {
            throw new BadInput("reportBy", "reportBy is required and must be after the print date " + printDate);
        }
        if (reportBy.isAfter(printDate.plusDays(MAX_DAYS_TO_REPORT))) {
            throw new BadInput("reportBy", "a letter gives at most " + MAX_DAYS_TO_REPORT + " days to report");
        }
        Actor actor = access.actor();
        if (!actor.mayChange(office)) {
            throw new Forbidden(actor.username() + " may not print letters for field office " + office);
        }
        if (jdbc.sql("select count(*) from letter_batch where field_office_code = ? and print_date = ?")
                .params(office, printDate).query(Long.class).single() > 0) {
            throw new Conflict("field office " + office + " already has a batch of letters printed on " + printDate);
        }
        long batchId = jdbc.sql("""
                insert into letter_batch (field_office_code, print_date, report_by, created_by)
                values (?, ?, ?, ?) returning id""").params(office, printDate, reportBy, actor.username())
                .query(Long.class).single();
        List<Skipped> skipped = new ArrayList<>();
        int n = 0;
        List<Long> families = docket.familiesWithAnOrder(new Docket.FamilyFilter(List.of(office), null, null, null,
                null, null, null, null));
        for (long familyId : families) {
            List<LegalGate.MemberVerdict> concerned = concerned(familyId, printDate, reportBy);
            if (concerned.isEmpty()) {
                skipped.add(new Skipped(familyId, "no member executable on both " + printDate + " and " + reportBy));
                continue;
            }
            LegalGate.MemberVerdict first = concerned.stream().filter(m -> "LEAD".equals(m.role())).findFirst()
                    .orElse(concerned.get(0));
            DocketViews.Person addressee = docket.person(first.aNumber(), printDate).orElseThrow();
            List<String> address = mailingAddress(addressee.address());
            if (address.isEmpty()) {
                skipped.add(new Skipped(familyId, "no address of record for " + addressee.aNumber()));
                continue;
            }
            n++;
            String ref = String.format("CL-%s-%s-%06d", office, printDate.toString().replace("-", ""), n);
            DocketViews.CaseSummary removalCase = addressee.removalCase();
            String lang = removalCase != null && removalCase.language() != null ? removalCase.language()
                    : addressee.language();
            LetterLanguage.Choice choice = LetterLanguage.of(lang);
            long letterId = jdbc.sql("""
                    insert into letter (reference, batch_id, family_id, field_office_code, print_date, report_by,
                        eoir_language, template_language, interpreter, addressee, mailing_address, order_date,
                        in_absentia)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                    .params(ref, batchId, familyId, office, printDate, reportBy, lang, choice.template().name(),
                            choice.interpreter(), addressee.givenName() + " " + addressee.familyName(),
                            String.join("\n", address), removalCase == null ? null : removalCase.orderDate(),
                            removalCase != null && removalCase.inAbsentia())
                    .query(Long.class).single();
            for (LegalGate.MemberVerdict m : concerned) {
                jdbc.sql("insert into letter_member (letter_id, person_id, idncase) values (?, ?, ?)")
                        .params(letterId, m.personId(), m.idncase()).update();
                timeline.write(new Timeline.Entry(m.idncase(), m.personId(), familyId, "CALL_IN_LETTER_PRINTED",
                        actor.username(), "Call-in letter " + ref + " printed on " + printDate + " ("
                        + choice.template().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                        + (choice.interpreter() ? ", interpreter in " + lang : "") + "): report to " + fo.name()
                        + " by " + reportBy, null, null));
            }
        }
        access.audit("CALL_IN_LETTERS_PRINTED", new Access.Subject("FIELD_OFFICE", office, office),
                "batch " + batchId + ": " + n + " letters printed on " + printDate + ", report by " + reportBy + "; "
                        + skipped.size() + " families skipped");
        return new Batch(batchId, office, printDate, reportBy, lettersOf(batchId), skipped);
    }

    /**
     * The members of the family a letter may name: each with a case of their own, not a U.S. citizen, and
     * EXECUTABLE on both dates; in the gate's member order.
     */
    List<LegalGate.MemberVerdict> concerned(long familyId, LocalDate printDate, LocalDate reportBy) {
        Optional<LegalGate.FamilyVerdict> onPrint = gate.ofFamily(familyId, printDate);
        Optional<LegalGate.FamilyVerdict> onReport = gate.ofFamily(familyId, reportBy);
        if (onPrint.isEmpty() || onReport.isEmpty()) {
            return List.of();
        }
        Map<Long, LegalGate.MemberVerdict> later = new LinkedHashMap<>();
        onReport.get().members().forEach(m -> later.put(m.personId(), m));
        List<LegalGate.MemberVerdict> out = new ArrayList<>();
        for (LegalGate.MemberVerdict m : onPrint.get().members()) {
            LegalGate.MemberVerdict then = later.get(m.personId());
            if (m.idncase() != null && !m.usCitizen() && m.aNumber() != null && "EXECUTABLE".equals(m.label())
                    && then != null && "EXECUTABLE".equals(then.label())) {
                out.add(m);
            }
        }
        return out;
    }

    private static List<String> mailingAddress(DocketViews.Address a) {
        if (a == null || a.line() == null || a.line().isBlank()) {
            return List.of();
        }
        String cityLine = String.join(" ", java.util.stream.Stream.of(
                a.city() == null ? null : a.city() + ",", a.state(), a.zip())
                .filter(s -> s != null && !s.isBlank()).toList());
        return cityLine.isBlank() ? List.of(a.line()) : List.of(a.line(), cityLine);
    }

    /** The use case: a batch and its letters, after checking the actor may see the field office's records. */
    @Transactional
    public Batch batch(long id) {
        String office = jdbc.sql("select field_office_code from letter_batch where id = ?").param(id)
                .query(String.class).optional().orElseThrow(() -> new NotFound("no batch of letters " + id));
        Access.Subject subject = new Access.Subject("LETTER_BATCH", String.valueOf(id), office);
        access.read("CALL_IN_BATCH_READ", subject, PartnerScope.CASE_STATUS, "no batch of letters " + id);
        return jdbc.sql("select id, field_office_code, print_date, report_by from letter_batch where id = ?")
                .param(id).query((rs, k) -> new Batch(rs.getLong(1), rs.getString(2),
                        rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class), lettersOf(id), List.of()))
                .single();
    }

    /** The batch's letters as one PDF, each from a new page (checked and audited as {@link #batch}). */
    @Transactional
    public byte[] batchPdf(long id) {
        Batch batch = batch(id);
        return renderer.pdf(batch.letters().stream().map(l -> content(l.reference())).toList());
    }

    /**
     * The batch as a mail house takes it: one line per letter with the reference, addressee, address lines,
     * language and page order; cells a spreadsheet would run as a formula are quoted.
     */
    @Transactional
    public String batchCsv(long id) {
        batch(id);
        StringBuilder csv = new StringBuilder("reference,addressee,address_line,city_line,language,interpreter\r\n");
        jdbc.sql("""
                select reference, addressee, mailing_address, template_language, interpreter from letter
                where batch_id = ? order by reference""").param(id).query((rs, k) -> {
                    String[] lines = rs.getString(3).split("\n", 2);
                    return String.join(",", cell(rs.getString(1)), cell(rs.getString(2)), cell(lines[0]),
                            cell(lines.length > 1 ? lines[1] : ""), cell(rs.getString(4)),
                            rs.getBoolean(5) ? "yes" : "no");
                }).list().forEach(line -> csv.append(line).append("\r\n"));
        return csv.toString();
    }

    private static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }

    /** The use case: one letter, after checking the actor may see its field office's records. */
    @Transactional
    public Letter read(String ref) {
        Letter letter = find(ref);
        access.read("CALL_IN_LETTER_READ", new Access.Subject("LETTER", letter.reference(), letter.fieldOffice()),
                PartnerScope.CASE_STATUS, "no letter " + ref);
        return letter;
    }

    /** One letter's PDF (checked and audited as {@link #read}). */
    @Transactional
    public byte[] pdf(String ref) {
        return renderer.pdf(content(read(ref).reference()));
    }

    /**
     * Records a letter's delivery status as of {@code on}, if it still has {@code version} and may move there from
     * where it is (one conditional update; 409 otherwise). A returned letter opens a task to verify the address.
     */
    @Transactional
    public Letter setStatus(String ref, LetterStatus to, LocalDate on, Integer version) {
        Letter letter = find(ref);
        Access.Subject subject = new Access.Subject("LETTER", letter.reference(), letter.fieldOffice());
        access.mayChange(subject, "no letter " + ref);
        if (to == null || to == LetterStatus.PRINTED) {
            throw new BadInput("status", "status is required: SENT, DELIVERED or RETURNED");
        }
        if (on == null) {
            throw new BadInput("on", "on is required: the date the letter was sent, delivered or returned");
        }
        LocalDate latest = workingDate.latestRecordable();
        if (on.isBefore(letter.printDate()) || on.isAfter(latest)) {
            throw new BadInput("on", "the date must be between the print date " + letter.printDate()
                    + " and today (the working date " + latest + ")");
        }
        if (version == null) {
            throw new BadInput("version", "version is required: the letter's version as last read");
        }
        String actor = access.actor().username();
        int changed = jdbc.sql("""
                update letter set status = ?, status_on = ?, status_by = ?, version = version + 1
                where reference = ? and version = ? and status = any (?::text[])""")
                .params(to.name(), on, actor, letter.reference(), version,
                        "{" + String.join(",", to.from().stream().map(Enum::name).toList()) + "}")
                .update();
        if (changed != 1) {
            throw new Conflict("letter " + letter.reference() + " is " + letter.status() + " at version "
                    + letter.version() + "; it cannot move to " + to + " from version " + version);
        }
        for (Member m : members(letter.reference())) {
            timeline.write(new Timeline.Entry(m.idncase(), m.personId(), letter.familyId(), "CALL_IN_LETTER_" + to,
                    actor, "Call-in letter " + letter.reference() + " " + to.name().toLowerCase(java.util.Locale.ROOT)
                    + " on " + on, null, null));
        }
        if (to == LetterStatus.RETURNED) {
            tasks.create(NewTask.of(TaskType.ADDRESS_VERIFICATION, "Verify the address of family "
                    + letter.familyId() + " through lawful channels: call-in letter " + letter.reference()
                    + " was returned on " + on, letter.fieldOffice(), Assignee.ofTeam(letter.fieldOffice()))
                    .about(SubjectType.FAMILY, String.valueOf(letter.familyId())));
        }
        access.audit("CALL_IN_LETTER_" + to, subject, "letter " + letter.reference() + " " + to + " on " + on);
        return find(ref);
    }

    record Member(long personId, Long idncase, String name, String aNumber) {
    }

    List<Member> members(String ref) {
        return jdbc.sql("""
                select p.person_id, lm.idncase, p.given_name || ' ' || p.family_name, p.a_number
                from letter l join letter_member lm on lm.letter_id = l.id
                join person_reference p on p.person_id = lm.person_id
                where l.reference = ? order by p.birth_date, p.person_id""").param(ref)
                .query((rs, k) -> new Member(rs.getLong(1), rs.getObject(2, Long.class), rs.getString(3),
                        rs.getString(4))).list();
    }

    /** What the letter says, from its row, its members and the field office's reference data. */
    LetterContent content(String ref) {
        Letter letter = find(ref);
        record Row(String addressee, String address, LocalDate orderDate, boolean absentia) {
        }
        Row row = jdbc.sql("select addressee, mailing_address, order_date, in_absentia from letter where reference = ?")
                .param(ref).query((rs, k) -> new Row(rs.getString(1), rs.getString(2),
                        rs.getObject(3, LocalDate.class), rs.getBoolean(4))).single();
        Optional<FieldOffice> office = reference.fieldOffice(letter.fieldOffice());
        String officeAddress = office.map(FieldOffice::address).filter(a -> !a.isBlank()).orElse(null);
        String interpreter = !letter.interpreter() ? null : letter.eoirLanguage() == null
                ? "?" : reference.description("language", letter.eoirLanguage())
                        .map(d -> d + " (" + letter.eoirLanguage() + ")").orElse(letter.eoirLanguage());
        return new LetterContent(letter.reference(), letter.templateLanguage(), interpreter, letter.printDate(),
                letter.reportBy(), row.orderDate(), row.absentia(), row.addressee(), List.of(row.address().split("\n")),
                members(ref).stream().map(m -> new LetterContent.Member(m.name(), m.aNumber() == null ? null
                        : "A-" + m.aNumber().substring(0, 3) + "-" + m.aNumber().substring(3, 6) + "-"
                                + m.aNumber().substring(6))).toList(),
                office.map(FieldOffice::name).orElse(letter.fieldOffice()), officeAddress);
    }

    Letter find(String ref) {
        String r = ref == null ? "" : ref.trim().toUpperCase(java.util.Locale.ROOT);
        return jdbc.sql(SELECT + " where l.reference = ? group by l.id").param(r).query(this::letter).optional()
                .orElseThrow(() -> new NotFound("no letter " + ref));
    }

    private List<Letter> lettersOf(long batchId) {
        return jdbc.sql(SELECT + " where l.batch_id = ? group by l.id order by l.reference").param(batchId)
                .query(this::letter).list();
    }

    private static final String SELECT = """
            select l.reference, l.batch_id, l.family_id, l.field_office_code, l.print_date, l.report_by,
                   l.eoir_language, l.template_language, l.interpreter, l.status, l.status_on, l.version,
                   l.outcome, l.outcome_on,
                   array_agg(p.a_number order by p.birth_date, p.person_id) as concerned
            from letter l join letter_member lm on lm.letter_id = l.id
            join person_reference p on p.person_id = lm.person_id""";

    private Letter letter(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Letter(rs.getString("reference"), rs.getLong("batch_id"), rs.getLong("family_id"),
                rs.getString("field_office_code"), rs.getObject("print_date", LocalDate.class),
                rs.getObject("report_by", LocalDate.class), rs.getString("eoir_language"),
                LetterLanguage.valueOf(rs.getString("template_language")), rs.getBoolean("interpreter"),
                List.of((String[]) rs.getArray("concerned").getArray()), LetterStatus.valueOf(rs.getString("status")),
                rs.getObject("status_on", LocalDate.class), rs.getInt("version"), rs.getString("outcome"),
                rs.getObject("outcome_on", LocalDate.class));
    }
}
