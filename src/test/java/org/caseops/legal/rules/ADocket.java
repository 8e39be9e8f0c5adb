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
    private LocalDate voluntaryDepartureDeadline;
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

    /** A removal order made in person, appeal waived (APPEAL_RSVD blank). */
    static ProceedingFacts inPersonAppealWaived(LocalDate date) {
        return new ProceedingFacts(MAIN, date.minusDays(200), "RMV", "X", "", date, false, "", true);
    }

    /** Voluntary departure (RMV/V), appeal waived. */
    static ProceedingFacts voluntaryDepartureGranted(LocalDate date) {
        return new ProceedingFacts(MAIN, date.minusDays(200), "RMV", "V", "", date, false, "", true);
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

    ADocket motion(LocalDate received, String decision, LocalDate decided, String stayGrant) {
        motions.add(new MotionFacts(nextId++, MAIN, received, decision, decided, stayGrant));
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

    ADocket voluntaryDepartureUntil(LocalDate last) {
        voluntaryDepartureDeadline = last;
        return this;
    }

    CaseFacts build() {
        return new CaseFacts(person, idnCase, proceedings, appeals, motions, stays, holds,
                voluntaryDepartureDeadline);
    }

    Verdict asOf(LocalDate date) {
        return Executability.evaluate(build(), date, PolicySet.defaults());
    }
}
