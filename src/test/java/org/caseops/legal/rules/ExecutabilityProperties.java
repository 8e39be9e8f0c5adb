package org.caseops.legal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** The issue's statements about the gate, checked on generated dockets. */
class ExecutabilityProperties {

    static final LocalDate BASE = LocalDate.of(2017, 1, 1);
    static final PolicySet POLICIES = PolicySet.defaults();
    /** The docket data's date in generated dockets: after every generated date, so never stale. */
    static final LocalDate FRESH = BASE.plusDays(5000);

    // ---- statements -----------------------------------------------------------------------------------------------

    /**
     * "No pending appeal, no pending in-absentia motion, no stay, not citizen, no claim, order RMV/X more than 30 days
     * old (past the business-day-adjusted window) or in absentia → EXECUTABLE".
     */
    @Property(tries = 500)
    void a_final_unstayed_removal_order_of_a_non_citizen_is_executable(@ForAll("cleanOrders") CaseFacts facts,
            @ForAll("days") int daysAfterOrder) {
        ProceedingFacts order = facts.proceedings().get(facts.proceedings().size() - 1);
        LocalDate asOf = order.compDate().plusDays(daysAfterOrder);
        LocalDate lastDayToAppeal = POLICIES.calendar().onOrNextBusinessDay(order.compDate().plusDays(30));
        boolean pastWindow = asOf.isAfter(lastDayToAppeal);
        Statistics.label("statement applies").collect(order.absentia() || pastWindow);
        if (order.absentia() || pastWindow) {
            Verdict v = Executability.evaluate(facts, asOf, POLICIES);
            assertThat(v.status()).as(v.toString()).isEqualTo(Status.EXECUTABLE);
            assertThat(v.findings()).noneMatch(Finding::holds);
        }
    }

    /** "Any pending automatic stay → NOT_EXECUTABLE" (and so do granted stays and legal holds). */
    @Property(tries = 500)
    void any_pending_stay_or_hold_makes_the_case_not_executable(@ForAll("dockets") CaseFacts facts,
            @ForAll("asOfDates") LocalDate asOf, @ForAll("stayKinds") String stay) {
        CaseFacts stayed = withStay(facts, asOf, stay);
        Verdict v = Executability.evaluate(stayed, asOf, POLICIES);
        assertThat(v.status()).as(stay + " " + v).isEqualTo(Status.NOT_EXECUTABLE);
    }

    /** An in-absentia order with a motion against it pending on the date is never executable. */
    @Property(tries = 300)
    void a_pending_motion_against_an_in_absentia_order_stays_removal(@ForAll("cleanOrders") CaseFacts facts,
            @ForAll("days") int receivedAfter, @ForAll("days") int asOfAfter) {
        ProceedingFacts order = facts.proceedings().get(facts.proceedings().size() - 1);
        ProceedingFacts inAbsentia = new ProceedingFacts(order.idnProceeding(), order.oscDate(), order.caseType(),
                order.decCode(), "", order.compDate(), true, "", false);
        LocalDate received = order.compDate().plusDays(receivedAfter);
        LocalDate asOf = received.plusDays(asOfAfter);
        List<MotionFacts> motions = new ArrayList<>(facts.motions());
        motions.add(new MotionFacts(99, order.idnProceeding(), received, null, null, null));
        CaseFacts f = CaseFacts.of(facts.person(), facts.idnCase(), List.of(inAbsentia), facts.appeals(), motions,
                List.of(), List.of(), facts.dataAsOf());
        assertThat(Executability.evaluate(f, asOf, POLICIES).status()).isEqualTo(Status.NOT_EXECUTABLE);
    }

    /** "The verdict as of date d depends only on facts dated on or before d": strip everything dated after d. */
    @Property(tries = 500)
    void the_verdict_as_of_a_date_ignores_facts_dated_after_it(@ForAll("dockets") CaseFacts facts,
            @ForAll("asOfDates") LocalDate asOf) {
        Verdict full = Executability.evaluate(facts, asOf, POLICIES);
        Verdict stripped = Executability.evaluate(strip(facts, asOf), asOf, POLICIES);
        assertThat(stripped).isEqualTo(full);
    }

    /** The same, by moving every event dated after d further into the future. */
    @Property(tries = 500)
    void the_verdict_as_of_a_date_does_not_move_when_later_events_move(@ForAll("dockets") CaseFacts facts,
            @ForAll("asOfDates") LocalDate asOf, @ForAll("days") int shift) {
        UnaryOperator<LocalDate> later = d -> d != null && d.isAfter(asOf) ? d.plusDays(shift + 1) : d;
        Verdict full = Executability.evaluate(facts, asOf, POLICIES);
        Verdict shifted = Executability.evaluate(shift(facts, later), asOf, POLICIES);
        assertThat(shifted).isEqualTo(full);
    }

    @Property(tries = 500)
    void a_us_citizen_is_never_executable(@ForAll("dockets") CaseFacts facts, @ForAll("asOfDates") LocalDate asOf) {
        PersonFacts p = facts.person();
        CaseFacts citizen = facts.withPerson(new PersonFacts(true, p.lpr(), p.citizenshipClaimOpen(),
                p.hasOwnCase()));
        Verdict v = Executability.evaluate(citizen, asOf, POLICIES);
        assertThat(v.status()).isEqualTo(Status.NOT_EXECUTABLE);
        assertThat(v.findings()).anyMatch(f -> f.ruleId().equals("US_CITIZEN") && f.holds());
    }

    @Property(tries = 500)
    void a_person_without_a_case_of_their_own_is_never_executable(@ForAll("dockets") CaseFacts facts,
            @ForAll("asOfDates") LocalDate asOf) {
        PersonFacts p = facts.person();
        CaseFacts noCase = facts.withoutOwnCase();
        Verdict v = Executability.evaluate(noCase, asOf, POLICIES);
        assertThat(v.status()).isEqualTo(Status.NOT_EXECUTABLE);
        assertThat(v.notSubjectToRemoval()).isTrue();
    }

    @Property(tries = 500)
    void the_verdict_is_deterministic_and_ignores_the_order_of_rows(@ForAll("dockets") CaseFacts facts,
            @ForAll("asOfDates") LocalDate asOf, @ForAll long seed) {
        Verdict first = Executability.evaluate(facts, asOf, POLICIES);
        assertThat(Executability.evaluate(facts, asOf, POLICIES)).isEqualTo(first);
        Random random = new Random(seed);
        List<ProceedingFacts> proceedings = new ArrayList<>(facts.proceedings());
        List<AppealFacts> appeals = new ArrayList<>(facts.appeals());
        List<MotionFacts> motions = new ArrayList<>(facts.motions());
        Collections.shuffle(proceedings, random);
        Collections.shuffle(appeals, random);
        Collections.shuffle(motions, random);
        CaseFacts shuffled = facts.withDocket(proceedings, appeals, motions);
        assertThat(Executability.evaluate(shuffled, asOf, POLICIES)).isEqualTo(first);
    }

    /** The precedence: BLOCKS → NOT_EXECUTABLE, else FREEZES → FROZEN, else EXECUTABLE; every rule reports. */
    @Property(tries = 500)
    void the_status_follows_the_precedence_and_every_rule_reports(@ForAll("dockets") CaseFacts facts,
            @ForAll("asOfDates") LocalDate asOf) {
        Verdict v = Executability.evaluate(facts, asOf, POLICIES);
        Statistics.label("status").collect(v.status());
        Statistics.label("reason").collect(v.reason().ruleId());
        boolean blocks = v.findings().stream().anyMatch(f -> f.effect() == Effect.BLOCKS);
        boolean freezes = v.findings().stream().anyMatch(f -> f.effect() == Effect.FREEZES);
        assertThat(v.status()).isEqualTo(blocks ? Status.NOT_EXECUTABLE : freezes ? Status.FROZEN
                : Status.EXECUTABLE);
        if (v.status() == Status.FROZEN) {
            assertThat(facts.person().citizenshipClaimOpen()).isTrue();
        }
        if (v.status() == Status.EXECUTABLE) {
            assertThat(v.findings()).anyMatch(f -> f.ruleId().equals("REMOVAL_ORDER") && f.effect() == Effect.ALLOWS);
            assertThat(v.findings()).anyMatch(f -> f.ruleId().equals("FINALITY") && f.effect() == Effect.ALLOWS);
            assertThat(v.changesOn()).isEmpty();
        }
        for (Rule rule : Rule.values()) {
            assertThat(v.findings()).anyMatch(f -> f.ruleId().equals(rule.name()));
        }
        v.changesOn().ifPresent(d -> assertThat(d).isAfter(asOf));
    }

    /** DESIGN invariant 8: docket data older than the bound never yields EXECUTABLE. */
    @Property(tries = 300)
    void stale_docket_data_never_yields_executable(@ForAll("cleanOrders") CaseFacts facts,
            @ForAll("days") int daysAfterOrder, @ForAll("days") int staleBy) {
        ProceedingFacts order = facts.proceedings().get(facts.proceedings().size() - 1);
        LocalDate asOf = order.compDate().plusDays(daysAfterOrder);
        CaseFacts old = facts.withDataAsOf(asOf.minusDays(PolicySet.DEFAULT_DATA_STALE_AFTER_DAYS + 1 + staleBy));
        Verdict v = Executability.evaluate(old, asOf, POLICIES);
        assertThat(v.status()).isEqualTo(Status.NOT_EXECUTABLE);
        assertThat(v.findings()).anyMatch(f -> f.ruleId().equals("DATA_FRESHNESS") && f.holds());
    }

    /** "A bond appeal, a visa-petition appeal, a fines appeal never make an order final or non-final." */
    @Property(tries = 300)
    void appeals_not_about_the_order_never_change_the_verdict(@ForAll("dockets") CaseFacts facts,
            @ForAll("asOfDates") LocalDate asOf, @ForAll("notAboutTheOrder") AppealFacts other) {
        Verdict without = Executability.evaluate(facts, asOf, POLICIES);
        List<AppealFacts> appeals = new ArrayList<>(facts.appeals());
        appeals.add(other);
        Verdict with = Executability.evaluate(facts.withDocket(facts.proceedings(), appeals, facts.motions()), asOf,
                POLICIES);
        assertThat(with.status()).isEqualTo(without.status());
    }

    /** A determination is never an override: one about a code whose meaning the tables give changes nothing. */
    @Property(tries = 300)
    void a_determination_of_a_known_code_changes_nothing(@ForAll("dockets") CaseFacts facts,
            @ForAll("asOfDates") LocalDate asOf, @ForAll("knownCodeDeterminations") Determination determination) {
        Verdict without = Executability.evaluate(facts, asOf, POLICIES);
        CaseFacts with = facts.withRecords(facts.stays(), facts.holds(), facts.protections(),
                facts.departureDeadlines(), List.of(determination));
        assertThat(Executability.evaluate(with, asOf, POLICIES).status()).isEqualTo(without.status());
    }

    /** The last day to appeal is never before day 30 and is always a day the BIA accepts filings. */
    @Property(tries = 300)
    void the_last_day_to_appeal_is_a_bia_filing_day_on_or_after_day_30(@ForAll("asOfDates") LocalDate order) {
        LocalDate deadline = POLICIES.calendar().onOrNextBusinessDay(order.plusDays(30));
        assertThat(deadline).isAfterOrEqualTo(order.plusDays(30));
        assertThat(BusinessCalendar.biaFiling().isBusinessDay(deadline)).isTrue();
        assertThat(BusinessCalendar.usFederal().isBusinessDay(deadline)).isTrue();
    }

    // ---- generators -----------------------------------------------------------------------------------------------

    @Provide
    Arbitrary<Integer> days() {
        return Arbitraries.integers().between(0, 400);
    }

    @Provide
    Arbitrary<LocalDate> asOfDates() {
        return Arbitraries.integers().between(0, 1600).map(BASE::plusDays);
    }

    @Provide
    Arbitrary<String> stayKinds() {
        return Arbitraries.of("APPEAL", "ADMINISTRATIVE", "JUDICIAL", "HOLD");
    }

    @Provide
    Arbitrary<AppealFacts> notAboutTheOrder() {
        return Combinators.combine(Arbitraries.of("Bond Appeal", "DD Visa", "DD Fines", "DD 212", "Zero Bond Appeal",
                        "Bond MTR Reo", "CDR"), date(), Arbitraries.of("DIS", "REM", "SUS", "WDL", "D30", "OTH", "ZZZ")
                        .injectNull(0.4), gap())
                .as((type, filed, dec, g) -> new AppealFacts(77, null, filed, dec, dec == null ? null
                        : filed.plusDays(g), type, "A"));
    }

    @Provide
    Arbitrary<Determination> knownCodeDeterminations() {
        return Combinators.combine(Arbitraries.of(Determination.Subject.biaDecision("DIS"),
                        Determination.Subject.biaDecision("REM"), Determination.Subject.biaDecision("SUS"),
                        Determination.Subject.biaDecision("WDL"), Determination.Subject.appealType("Case Appeal"),
                        Determination.Subject.appealType("Bond Appeal"), Determination.Subject.motionDecision("G"),
                        Determination.Subject.motionDecision("D"), Determination.Subject.ijDecision("RMV", "X"),
                        Determination.Subject.ijDecision("RMV", "T")), date())
                .as((subject, on) -> {
                    Determination.Meaning meaning = java.util.Arrays.stream(Determination.Meaning.values())
                            .filter(m -> m.appliesTo(subject)).findFirst().orElseThrow();
                    return new Determination(subject, meaning, on, "property");
                });
    }

    private static Arbitrary<LocalDate> date() {
        return Arbitraries.integers().between(0, 1500).map(BASE::plusDays);
    }

    private static Arbitrary<Integer> gap() {
        return Arbitraries.integers().between(0, 200);
    }

    @Provide
    Arbitrary<CaseFacts> dockets() {
        Arbitrary<PersonFacts> person = Combinators.combine(Arbitraries.integers().between(0, 9),
                Arbitraries.integers().between(0, 9), Arbitraries.integers().between(0, 9),
                Arbitraries.integers().between(0, 9))
                .as((c, l, claim, own) -> new PersonFacts(c == 0, l == 0, claim == 0, own != 0)).withoutEdgeCases();
        Arbitrary<List<ProceedingFacts>> proceedings = proceeding().list().ofMinSize(1).ofMaxSize(3).map(list -> {
            List<ProceedingFacts> out = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                ProceedingFacts p = list.get(i);
                out.add(new ProceedingFacts(i + 1, p.oscDate(), p.caseType(), p.decCode(), p.otherComp(),
                        p.compDate(), p.absentia(), p.appealRsvd(), p.appealNotFiled()));
            }
            return out;
        });
        Arbitrary<List<AppealFacts>> appeals = Combinators.combine(Arbitraries.longs().between(1, 3).injectNull(0.2),
                date(), Arbitraries.of("DIS", "SAF", "REM", "SUS", "DUT", "WDL", "D30", "DVD", "OTH", "GRN", "DEN",
                        "CON", "ZZZ").injectNull(0.4), gap(),
                Arbitraries.of("Case Appeal", "Case Appeal", "Bond Appeal", "MTR BIA", "Appeal of IJ MTR", "DD Visa",
                        "Circuit Court Remand", "XX Unknown").injectNull(0.2))
                .as((proc, filed, dec, g, type) -> new AppealFacts(0, proc, filed, dec, dec == null ? null
                        : filed.plusDays(g), type, "A"))
                .list().ofMaxSize(2).map(ExecutabilityProperties::numberAppeals);
        Arbitrary<List<MotionFacts>> motions = Combinators.combine(Arbitraries.longs().between(1, 3).injectNull(0.2),
                date(), Arbitraries.of("G", "D", "W", "M", "Q").injectNull(0.4), gap(),
                Arbitraries.of("G", "Y", "D", "N").injectNull(0.6),
                Arbitraries.of("MA", "O", "CO", "WC", "MU", "TP", "ZQ").injectNull(0.4))
                .as((proc, received, dec, g, stay, type) -> new MotionFacts(0, proc, received, dec,
                        dec == null ? null : received.plusDays(g), stay, type, "A"))
                .list().ofMaxSize(2).map(ExecutabilityProperties::numberMotions);
        Arbitrary<List<StayFacts>> stays = Combinators.combine(Arbitraries.of(StayFacts.Kind.class), date(),
                Arbitraries.of(true, false), gap().injectNull(0.3))
                .as((kind, decided, granted, length) -> new StayFacts(kind, decided, granted,
                        length == null ? null : decided.plusDays(length), "S"))
                .list().ofMaxSize(1);
        Arbitrary<List<HoldFacts>> holds = Combinators.combine(date(), gap().injectNull(0.4))
                .as((placed, length) -> new HoldFacts(placed, length == null ? null : placed.plusDays(length + 1),
                        "review"))
                .list().ofMaxSize(1);
        Arbitrary<LocalDate> vdDeadline = date().injectNull(0.8);
        return Combinators.combine(person, proceedings, appeals, motions, stays, holds, vdDeadline)
                .as((p, procs, apps, mots, sts, hls, vd) -> CaseFacts.of(p, p.hasOwnCase() ? 10L : null, procs, apps,
                        mots, sts, hls, FRESH).withRecords(sts, hls, List.of(), vd == null ? List.of()
                        : List.of(new DepartureDeadlineFacts(vd, DepartureDeadlineFacts.Source.IJ_ORDER,
                                vd.minusDays(30), "IJ")), List.of()));
    }

    private static Arbitrary<ProceedingFacts> proceeding() {
        return Combinators.combine(date().injectNull(0.1), Arbitraries.of("RMV", "RMV", "DEP", "EXC"),
                Arbitraries.of("", "X", "X", "V", "T", "R", "D", "E"), Arbitraries.of("", "", "", "C", "A"), gap(),
                Arbitraries.of(true, false), Arbitraries.of("", "A", "B", "I", "O"), Arbitraries.of(true, false))
                .as((osc, type, dec, other, g, absentia, rsvd, notFiled) -> new ProceedingFacts(0, osc, type, dec,
                        other, dec.isEmpty() && other.isEmpty() ? null
                                : (osc == null ? BASE : osc).plusDays(g), absentia, rsvd, notFiled));
    }

    /**
     * A respondent (not a citizen, no claim, no hold) whose latest proceeding is a removal order, with only appeals
     * that were dismissed and motions that were denied or (for an order made in person) are pending without a stay.
     */
    @Provide
    Arbitrary<CaseFacts> cleanOrders() {
        Arbitrary<ProceedingFacts> order = Combinators.combine(date(), Arbitraries.of("RMV/X", "DEP/D", "EXC/E"),
                Arbitraries.of(true, false), Arbitraries.of("", "A", "B", "I", "O"))
                .as((compDate, code, absentia, rsvd) -> new ProceedingFacts(7, compDate.minusDays(100),
                        code.substring(0, 3), code.substring(4), "", compDate, absentia, absentia ? "" : rsvd,
                        false));
        return Combinators.combine(order, Arbitraries.of(true, false), Arbitraries.of(true, false),
                Arbitraries.of(true, false), gap(), gap(), Arbitraries.of(true, false))
                .as((o, lpr, dismissed, denied, g1, g2, pendingInPerson) -> {
                    List<AppealFacts> appeals = new ArrayList<>();
                    if (dismissed && !o.absentia()) {
                        LocalDate filed = o.compDate().plusDays(g1 % 30);
                        appeals.add(new AppealFacts(1, 7L, filed, "DIS", filed));
                    }
                    List<MotionFacts> motions = new ArrayList<>();
                    if (denied) {
                        LocalDate received = o.compDate().plusDays(g2 % 20);
                        motions.add(new MotionFacts(1, 7L, received, "D", received, "D"));
                    }
                    if (pendingInPerson && !o.absentia()) {
                        motions.add(new MotionFacts(2, 7L, o.compDate().plusDays(g2 % 20), null, null, null));
                    }
                    return CaseFacts.of(new PersonFacts(false, lpr, false, true), 10L,
                            List.of(new ProceedingFacts(3, o.compDate().minusDays(700), o.caseType(), "", "C",
                                    o.compDate().minusDays(400), false, "", false), o),
                            appeals, motions, List.of(), List.of(), FRESH);
                });
    }

    private static List<AppealFacts> numberAppeals(List<AppealFacts> list) {
        List<AppealFacts> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            AppealFacts a = list.get(i);
            out.add(new AppealFacts(i + 1, a.idnProceeding(), a.filed(), a.biaDecision(), a.biaDecisionDate(),
                    a.appealType(), a.filedBy()));
        }
        return out;
    }

    private static List<MotionFacts> numberMotions(List<MotionFacts> list) {
        List<MotionFacts> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            MotionFacts m = list.get(i);
            out.add(new MotionFacts(i + 1, m.idnProceeding(), m.receivedDate(), m.decision(), m.decisionDate(),
                    m.stayGrant(), m.motionType(), m.filingParty()));
        }
        return out;
    }

    // ---- transformations ------------------------------------------------------------------------------------------

    private static CaseFacts withStay(CaseFacts f, LocalDate asOf, String stay) {
        List<AppealFacts> appeals = new ArrayList<>(f.appeals());
        List<StayFacts> stays = new ArrayList<>(f.stays());
        List<HoldFacts> holds = new ArrayList<>(f.holds());
        switch (stay) {
            case "APPEAL" -> appeals.add(new AppealFacts(99, null, asOf, null, null));
            case "ADMINISTRATIVE" -> stays.add(new StayFacts(StayFacts.Kind.ADMINISTRATIVE, asOf, true, asOf, "I-246"));
            case "JUDICIAL" -> stays.add(new StayFacts(StayFacts.Kind.JUDICIAL, asOf.minusDays(5), true, null, "CA5"));
            default -> holds.add(new HoldFacts(asOf, null, "review"));
        }
        return f.withDocket(f.proceedings(), appeals, f.motions()).withRecords(stays, holds, f.protections(),
                f.departureDeadlines(), f.determinations());
    }

    private static boolean after(LocalDate date, LocalDate asOf) {
        return date != null && date.isAfter(asOf);
    }

    /** The facts as they could have been known on {@code asOf}: later events removed or undone. */
    static CaseFacts strip(CaseFacts f, LocalDate asOf) {
        List<ProceedingFacts> proceedings = f.proceedings().stream().filter(p -> !after(p.oscDate(), asOf))
                .map(p -> after(p.compDate(), asOf)
                        ? new ProceedingFacts(p.idnProceeding(), p.oscDate(), p.caseType(), "", "", null, false, "",
                                false)
                        : p).toList();
        List<AppealFacts> appeals = f.appeals().stream().filter(a -> !after(a.filed(), asOf))
                .map(a -> after(a.biaDecisionDate(), asOf)
                        ? new AppealFacts(a.idnAppeal(), a.idnProceeding(), a.filed(), null, null, a.appealType(),
                                a.filedBy()) : a).toList();
        List<MotionFacts> motions = f.motions().stream().filter(m -> !after(m.receivedDate(), asOf))
                .map(m -> after(m.decisionDate(), asOf)
                        ? new MotionFacts(m.idnMotion(), m.idnProceeding(), m.receivedDate(), null, null,
                                m.stayGrant(), m.motionType(), m.filingParty())
                        : m).toList();
        List<StayFacts> stays = f.stays().stream().filter(s -> !after(s.decidedOn(), asOf)).toList();
        List<HoldFacts> holds = f.holds().stream().filter(h -> !after(h.placedOn(), asOf))
                .map(h -> after(h.liftedOn(), asOf) ? new HoldFacts(h.placedOn(), null, h.reason()) : h).toList();
        List<DepartureDeadlineFacts> deadlines = f.departureDeadlines().stream()
                .filter(r -> !after(r.orderedOn(), asOf)).toList();
        List<ProtectionFacts> protections = f.protections().stream().filter(p -> !after(p.from(), asOf))
                .map(p -> after(p.endedOn(), asOf) ? new ProtectionFacts(p.kind(), p.from(), p.until(), null,
                        p.evidence()) : p).toList();
        List<Determination> determinations = f.determinations().stream().filter(x -> !after(x.recordedOn(), asOf))
                .toList();
        return f.withDocket(proceedings, appeals, motions).withRecords(stays, holds, protections, deadlines,
                determinations);
    }

    /** Every event date moved by {@code move} (durations fixed at decision time, like a stay's end, are kept). */
    static CaseFacts shift(CaseFacts f, UnaryOperator<LocalDate> move) {
        return f.withDocket(
                f.proceedings().stream().map(p -> new ProceedingFacts(p.idnProceeding(), move.apply(p.oscDate()),
                        p.caseType(), p.decCode(), p.otherComp(), move.apply(p.compDate()), p.absentia(),
                        p.appealRsvd(), p.appealNotFiled(), p.decType(), p.appealDueDate())).toList(),
                f.appeals().stream().map(a -> new AppealFacts(a.idnAppeal(), a.idnProceeding(), move.apply(a.filed()),
                        a.biaDecision(), move.apply(a.biaDecisionDate()), a.appealType(), a.filedBy())).toList(),
                f.motions().stream().map(m -> new MotionFacts(m.idnMotion(), m.idnProceeding(),
                        move.apply(m.receivedDate()), m.decision(), move.apply(m.decisionDate()), m.stayGrant(),
                        m.motionType(), m.filingParty())).toList())
                .withRecords(
                        f.stays().stream().map(s -> new StayFacts(s.kind(), move.apply(s.decidedOn()), s.granted(),
                                s.until(), s.reference())).toList(),
                        f.holds().stream().map(h -> new HoldFacts(move.apply(h.placedOn()), move.apply(h.liftedOn()),
                                h.reason())).toList(),
                        f.protections().stream().map(p -> new ProtectionFacts(p.kind(), move.apply(p.from()),
                                p.until(), move.apply(p.endedOn()), p.evidence())).toList(),
                        f.departureDeadlines().stream().map(r -> new DepartureDeadlineFacts(r.lastDay(), r.source(),
                                move.apply(r.orderedOn()), r.reference())).toList(),
                        f.determinations().stream().map(x -> new Determination(x.subject(), x.meaning(),
                                move.apply(x.recordedOn()), x.reason())).toList());
    }

}
