package org.caseops.legal;

import java.time.LocalDate;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.caseops.access.Access;
import org.caseops.access.PartnerScope;
import org.caseops.access.WorkingDate;
import org.caseops.docket.Docket;
import org.caseops.legal.rules.DepartureDeadlineFacts;
import org.caseops.legal.rules.Determination;
import org.caseops.legal.rules.ProtectionFacts;
import org.caseops.system.BadInput;
import org.caseops.system.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's legal records by A-number — holds, stays, protections, determinations, voluntary-departure deadlines —
 * as use cases: reads check and audit the read, changes check that the actor may change the case and audit the
 * change beside its case event, each in one transaction. The API ({@code LegalRecordsController}) and the pages
 * (docs/web.md) both call these, so that neither repeats the rules.
 */
@Service
public class CaseRecords {

    private final LegalRecords records;
    private final Docket docket;
    private final Access access;
    private final WorkingDate workingDate;

    CaseRecords(LegalRecords records, Docket docket, Access access, WorkingDate workingDate) {
        this.records = records;
        this.docket = docket;
        this.access = access;
        this.workingDate = workingDate;
    }

    /** The case's legal holds, newest first as the records keep them; audited as {@code HOLDS_READ}. */
    @Transactional
    public List<LegalRecords.Hold> holds(String aNumber) {
        return records.holds(idncase(reading(aNumber, "HOLDS_READ")));
    }

    /** The case's recorded stays; audited as {@code STAYS_READ}. */
    @Transactional
    public List<LegalRecords.Stay> stays(String aNumber) {
        return records.staysOf(idncase(reading(aNumber, "STAYS_READ")));
    }

    /** The case's protections from removal EOIR does not record; audited as {@code PROTECTIONS_READ}. */
    @Transactional
    public List<LegalRecords.Protection> protections(String aNumber) {
        return records.protections(idncase(reading(aNumber, "PROTECTIONS_READ")));
    }

    /** The attorneys' determinations on the case; audited as {@code DETERMINATIONS_READ}. */
    @Transactional
    public List<LegalRecords.AttorneyDetermination> determinations(String aNumber) {
        return records.determinations(idncase(reading(aNumber, "DETERMINATIONS_READ")));
    }

    /** The case's voluntary-departure deadlines; audited as {@code DEPARTURE_DEADLINES_READ}. */
    @Transactional
    public List<LegalRecords.DepartureDeadline> departureDeadlines(String aNumber) {
        return records.departureDeadlines(idncase(reading(aNumber, "DEPARTURE_DEADLINES_READ")));
    }

    /**
     * Places an attorney's legal hold on the person's case, as {@code POST /api/cases/{aNumber}/holds}.
     * {@code version} is required: the version of the case's holds the client read (how many it has had).
     */
    @Transactional
    public LegalRecords.Hold placeHold(String aNumber, Integer version, LocalDate on, String reason) {
        return change(aNumber, "LEGAL_HOLD_PLACED", (idncase, actor) -> records.placeHold(idncase,
                required(version, "the case's holds"), orToday(on), reason, actor), hold -> reason);
    }

    /**
     * Lifts the open legal hold, as {@code POST /api/cases/{aNumber}/holds/lift}. {@code version} is required: the
     * version of the case's holds the client read.
     */
    @Transactional
    public LegalRecords.Hold liftHold(String aNumber, Integer version, LocalDate on, String reason) {
        return change(aNumber, "LEGAL_HOLD_LIFTED", (idncase, actor) -> records.liftHold(idncase,
                required(version, "the case's holds"), orToday(on), reason, actor), hold -> reason);
    }

    /**
     * Records a stay of removal granted outside the court record, as {@code POST /api/cases/{aNumber}/stays}.
     * {@code version} is required: the version of the case's stays the client read (how many it has had).
     */
    @Transactional
    public LegalRecords.Stay recordStay(String aNumber, Integer version, LegalRecords.StayKind kind, LocalDate from,
            LocalDate until, String reference) {
        return change(aNumber, "STAY_RECORDED", (idncase, actor) -> records.recordStay(idncase,
                required(version, "the case's stays"), kind, from, until, reference, actor),
                stay -> stay.kind() + " stay " + stay.id());
    }

    /**
     * Lifts a recorded stay, as {@code POST /api/stays/{id}/lift}: a stay of a case the actor may not change answers
     * as one that does not exist. {@code version} is required: the stay's version the client read.
     */
    @Transactional
    public LegalRecords.Stay liftStay(long stayId, Integer version, LocalDate on) {
        LegalRecords.Stay stay = records.findStay(stayId).orElseThrow(() -> new NotFound("no stay " + stayId));
        Access.Subject subject = docket.caseSubject(stay.idncase()).orElseThrow();
        access.mayChange(subject, "no stay " + stayId);
        LegalRecords.Stay lifted = records.liftStay(stayId, required(version, "the stay"), orToday(on),
                access.actor().username());
        access.audit("STAY_LIFTED", subject, "stay " + stayId);
        return lifted;
    }

    /** Lifts a stay from its case's page: a stay of another case answers as one that does not exist. */
    @Transactional
    public LegalRecords.Stay liftStay(String aNumber, long stayId, Integer version, LocalDate on) {
        long idncase = idncase(changing(aNumber));
        records.findStay(stayId).filter(s -> s.idncase() == idncase)
                .orElseThrow(() -> new NotFound("no stay " + stayId + " on this case"));
        return liftStay(stayId, version, on);
    }

    /** Records a protection EOIR does not record, with its evidence. */
    @Transactional
    public LegalRecords.Protection recordProtection(String aNumber, ProtectionFacts.Kind kind, LocalDate from,
            LocalDate until, String evidence) {
        return change(aNumber, "PROTECTION_RECORDED", (idncase, actor) -> records.recordProtection(idncase, kind,
                from, until, evidence, actor), p -> p.kind() + " protection " + p.id() + ": " + p.evidence());
    }

    /** Ends a protection from a day on, with a reason. */
    @Transactional
    public LegalRecords.Protection endProtection(String aNumber, long protectionId, LocalDate on, String reason) {
        return change(aNumber, "PROTECTION_ENDED", (idncase, actor) -> records.endProtection(idncase, protectionId,
                orToday(on), reason, actor), p -> "protection " + protectionId + ": " + reason);
    }

    /** Records what a code or a filing the gate cannot read means for the case. */
    @Transactional
    public LegalRecords.AttorneyDetermination recordDetermination(String aNumber, String about,
            Determination.Meaning meaning, String reason, LocalDate on) {
        return change(aNumber, "DETERMINATION_RECORDED", (idncase, actor) -> records.recordDetermination(idncase,
                about, meaning, reason, orToday(on), actor), d -> d.subject() + " means " + d.meaning() + ": "
                + d.reason());
    }

    /** Records a voluntary-departure deadline from the order that set it. */
    @Transactional
    public LegalRecords.DepartureDeadline recordDepartureDeadline(String aNumber, LocalDate lastDay,
            DepartureDeadlineFacts.Source source, LocalDate orderedOn, String reference) {
        return change(aNumber, "DEPARTURE_DEADLINE_RECORDED", (idncase, actor) -> records.recordDepartureDeadline(
                idncase, lastDay, source, orderedOn, reference, actor), d -> "until " + d.lastDay() + " ("
                + d.source() + ")");
    }

    /**
     * The one shape of every change to a case's legal records: check the actor may change the case, write the record
     * (the records write its case event), and audit the change as {@code action} in the same transaction.
     */
    private <T> T change(String aNumber, String action, BiFunction<Long, String, T> write,
            Function<T, String> detail) {
        Access.Subject subject = changing(aNumber);
        T written = write.apply(idncase(subject), access.actor().username());
        access.audit(action, subject, detail.apply(written));
        return written;
    }

    /** The version the client read, which a change of holds or stays requires (400 naming {@code version}). */
    private static int required(Integer version, String of) {
        if (version == null) {
            throw new BadInput("version", "send the version of " + of + " you read (GET it first); a change made "
                    + "meanwhile is then refused instead of overwritten");
        }
        return version;
    }

    /** The date given, or today where the attorney works (a hold placed or lifted "now" is today there). */
    private LocalDate orToday(LocalDate date) {
        return date == null ? workingDate.today() : date;
    }

    /** The person's case as the subject of a change, after checking the actor may change it. */
    Access.Subject changing(String aNumber) {
        Access.Subject subject = caseOf(aNumber);
        access.mayChange(subject, noCase(aNumber));
        return subject;
    }

    /** The person's case as the subject of a read, checked and audited as {@code action}. */
    Access.Subject reading(String aNumber, String action) {
        Access.Subject subject = caseOf(aNumber);
        // a case the caller may not see answers as one that does not exist (issue 13)
        access.read(action, subject, PartnerScope.CASE_STATUS, noCase(aNumber));
        return subject;
    }

    private Access.Subject caseOf(String aNumber) {
        long idncase = docket.caseOf(Docket.aNumber(aNumber)).orElseThrow(() -> new NotFound(noCase(aNumber)));
        return docket.caseSubject(idncase).orElseThrow(() -> new NotFound(noCase(aNumber)));
    }

    private static String noCase(String aNumber) {
        return "no case for A-number " + Docket.aNumber(aNumber);
    }

    static long idncase(Access.Subject caseSubject) {
        return Long.parseLong(caseSubject.id());
    }
}
