package org.caseops.legal.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Fluent fixtures for one person's own case: {@code aRespondent().withOrder(inAbsentia(on(2019, 1, 7))).build()}. */
final class ADocket {

    static final long CASE = 10_000_001L;
    static final long MAIN = 20_000_002L;

    private PersonFacts person = PersonFacts.respondent();
    private Long idnCase = CASE;
    private final List<ProceedingFacts> proceedings = new ArrayList<>();
    private final List<AppealFacts> appeals = new ArrayList<>();
    private final List<MotionFacts> motions = new ArrayList<>();
    private final List<StayFacts> stays = new ArrayList<>();
    private final List<HoldFacts> holds = new ArrayList<>();
    private final List<ApplicationFacts> applications = new ArrayList<>();
    private final List<PetitionFacts> petitions = new ArrayList<>();
    private final List<ProtectionFacts> protections = new ArrayList<>();
    private final List<DepartureDeadlineFacts> deadlines = new ArrayList<>();
    private final List<Determination> determinations = new ArrayList<>();
    private final List<DepartureBondFacts> bonds = new ArrayList<>();
    private FamilyFacts family;
    /** The docket data's release date; far ahead unless a test is about freshness. */
    private LocalDate dataAsOf = LocalDate.of(2100, 1, 1);
    private long nextId = 30_000_000L;

    static ADocket aRespondent() {
        return new ADocket();
    }

    static LocalDate on(int year, int month, int day) {
        return LocalDate.of(year, month, day);
    }

    /** A removal order (RMV/X) made in absentia on {@code date} in the main proceeding. */
    static ProceedingFacts inAbsentia(LocalDate date) {
        return new ProceedingFacts(MAIN, date.minusDays(200), "RMV", "X", "", date, true, "", false);
    }

    /** A removal order made in person, appeal reserved by the respondent ({@code A}). */
    static ProceedingFacts inPersonAppealReserved(LocalDate date) {
        return new ProceedingFacts(MAIN, date.minusDays(200), "RMV", "X", "", date, false, "A", false);
    }

    /**
     * A removal order made in person, appeal waived by the respondent: APPEAL_RSVD {@code I}, only DHS reserved (the
     * record EOIR keeps of a respondent's waiver; a blank is not proof of one).
     */
    static ProceedingFacts inPersonAppealWaived(LocalDate date) {
        return new ProceedingFacts(MAIN, date.minusDays(200), "RMV", "X", "", date, false, "I", true);
    }

    /** A removal order made in person with APPEAL_RSVD blank: the record does not show a waiver. */
    static ProceedingFacts inPersonAppealNotRecorded(LocalDate date) {
        return new ProceedingFacts(MAIN, date.minusDays(200), "RMV", "X", "", date, false, "", false);
    }

    /**
     * Voluntary departure (RMV/V) at the conclusion of proceedings: the respondent reserved appeal, so the grant is
     * the one at the end of proceedings, up to 60 days (INA 240B(b)(2)).
     */
    static ProceedingFacts voluntaryDepartureGranted(LocalDate date) {
        return new ProceedingFacts(MAIN, date.minusDays(200), "RMV", "V", "", date, false, "A", true);
    }

    /** Voluntary departure (RMV/V) with APPEAL_RSVD blank: possibly before the conclusion, up to 120 days. */
    static ProceedingFacts voluntaryDepartureKindNotRecorded(LocalDate date) {
        return new ProceedingFacts(MAIN, date.minusDays(200), "RMV", "V", "", date, false, "", false);
    }

    static ProceedingFacts decided(String decCode, LocalDate date) {
        return new ProceedingFacts(MAIN, date.minusDays(200), "RMV", decCode, "", date, false, "", true);
    }

    static ProceedingFacts pendingProceeding(long idn, LocalDate opened) {
        return new ProceedingFacts(idn, opened, "RMV", "", "", null, false, "", false);
    }

    ADocket withOrder(ProceedingFacts p) {
        proceedings.add(p);
        return this;
    }

    ADocket usCitizen() {
        person = new PersonFacts(true, person.lpr(), person.citizenshipClaimOpen(), person.hasOwnCase());
        return this;
    }

    ADocket lpr() {
        person = new PersonFacts(person.usCitizen(), true, person.citizenshipClaimOpen(), person.hasOwnCase());
        return this;
    }

    ADocket citizenshipClaimOpen() {
        person = new PersonFacts(person.usCitizen(), person.lpr(), true, person.hasOwnCase());
        return this;
    }

    ADocket withoutOwnCase() {
        person = new PersonFacts(person.usCitizen(), person.lpr(), person.citizenshipClaimOpen(), false);
        idnCase = null;
        return this;
    }

    ADocket appeal(LocalDate filed, String decision, LocalDate decided) {
        appeals.add(new AppealFacts(nextId++, MAIN, filed, decision, decided));
        return this;
    }

    /** An appeal (or BIA motion) of the given strAppealType. */
    ADocket appeal(String type, LocalDate filed, String decision, LocalDate decided) {
        appeals.add(new AppealFacts(nextId++, MAIN, filed, decision, decided, type, "A"));
        return this;
    }

    /** The id the next appeal, motion or application will get. */
    long nextId() {
        return nextId;
    }

    ADocket motion(LocalDate received, String decision, LocalDate decided, String stayGrant) {
        motions.add(new MotionFacts(nextId++, MAIN, received, decision, decided, stayGrant));
        return this;
    }

    /** A motion of the given REC_TYPE. */
    ADocket motion(String type, LocalDate received, String decision, LocalDate decided) {
        motions.add(new MotionFacts(nextId++, MAIN, received, decision, decided, null, type, "A"));
        return this;
    }

    /** An application in the main proceeding. */
    ADocket application(String code, String decision) {
        applications.add(new ApplicationFacts(nextId++, MAIN, code, null, decision));
        return this;
    }

    ADocket petition(long idnAppeal, LocalDate requested, String decision, LocalDate decided) {
        petitions.add(new PetitionFacts(nextId++, idnAppeal, requested, decided, decision));
        return this;
    }

    ADocket protection(ProtectionFacts.Kind kind, LocalDate from, LocalDate until, LocalDate endedOn) {
        protections.add(new ProtectionFacts(kind, from, until, endedOn, "EVIDENCE-" + nextId++));
        return this;
    }

    /** The voluntary-departure bond of the order of {@code orderedOn}, due on {@code due}, posted on {@code posted}. */
    ADocket departureBond(LocalDate orderedOn, LocalDate due, LocalDate posted) {
        bonds.add(new DepartureBondFacts(orderedOn, due, posted));
        return this;
    }

    ADocket departureDeadline(LocalDate last, DepartureDeadlineFacts.Source source, LocalDate orderedOn) {
        deadlines.add(new DepartureDeadlineFacts(last, source, orderedOn, "ORDER-" + nextId++));
        return this;
    }

    ADocket determination(String subject, Determination.Meaning meaning, LocalDate recordedOn) {
        determinations.add(new Determination(subject, meaning, recordedOn, "counsel read the file"));
        return this;
    }

    ADocket rider(FamilyFacts f) {
        family = f;
        return this;
    }

    ADocket dataAsOf(LocalDate date) {
        dataAsOf = date;
        return this;
    }

    ADocket stay(StayFacts.Kind kind, LocalDate decidedOn, boolean granted, LocalDate until) {
        stays.add(new StayFacts(kind, decidedOn, granted, until, "TEST-" + nextId++));
        return this;
    }

    ADocket hold(LocalDate placed, LocalDate lifted) {
        holds.add(new HoldFacts(placed, lifted, "Possible U-visa eligibility under review"));
        return this;
    }

    /** A deadline recorded from the IJ's order (ordered on the order's date). */
    ADocket voluntaryDepartureUntil(LocalDate last) {
        LocalDate ordered = proceedings.isEmpty() || proceedings.get(proceedings.size() - 1).compDate() == null
                ? last.minusDays(60) : proceedings.get(proceedings.size() - 1).compDate();
        deadlines.add(new DepartureDeadlineFacts(last, DepartureDeadlineFacts.Source.IJ_ORDER, ordered, "IJ order"));
        return this;
    }

    CaseFacts build() {
        return new CaseFacts(person, idnCase, proceedings, appeals, motions, stays, holds, applications, petitions,
                protections, deadlines, determinations, family, dataAsOf, bonds);
    }

    Verdict asOf(LocalDate date) {
        return Executability.evaluate(build(), date, PolicySet.defaults());
    }
}
