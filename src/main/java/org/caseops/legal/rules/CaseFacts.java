package org.caseops.legal.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Everything the gate reads about ONE person and their OWN case. A household member without a case of their own has
 * {@code idnCase == null} and empty lists: they are judged on their own facts, never on the family's orders.
 *
 * @param person             the person's flags
 * @param idnCase            the person's own EOIR case (IDNCASE), null when they have none
 * @param proceedings        the case's proceedings, any order
 * @param appeals            the case's BIA appeals and motions at the BIA ({@code tblAppeal})
 * @param motions            the case's motions before the immigration court (deleted rows left out)
 * @param stays              stays of removal recorded in CaseOps (I-246 administrative, judicial)
 * @param holds              attorneys' legal holds on the case
 * @param applications       applications for relief and their decisions ({@code tbl_Court_Appln})
 * @param petitions          petitions for review in a federal court ({@code tblAppealFedCourts})
 * @param protections        protections EOIR does not record (TPS, deferred action, U/T visa stays, ...)
 * @param departureDeadlines voluntary-departure deadlines recorded in CaseOps (IJ order, BIA order, DHS extension)
 * @param determinations     attorneys' determinations of what a code or filing means for this case
 * @param family             the case as a rider on a lead case, with the lead's filings; null when not a rider
 * @param dataAsOf           the release date of the docket data these facts come from ("judged on data as of")
 * @param departureBonds     voluntary-departure bonds recorded in CaseOps, each with its due date and posting
 */
public record CaseFacts(PersonFacts person, Long idnCase, List<ProceedingFacts> proceedings,
        List<AppealFacts> appeals, List<MotionFacts> motions, List<StayFacts> stays, List<HoldFacts> holds,
        List<ApplicationFacts> applications, List<PetitionFacts> petitions, List<ProtectionFacts> protections,
        List<DepartureDeadlineFacts> departureDeadlines, List<Determination> determinations, FamilyFacts family,
        LocalDate dataAsOf, List<DepartureBondFacts> departureBonds) {

    /** The facts without a recorded voluntary-departure bond. */
    public CaseFacts(PersonFacts person, Long idnCase, List<ProceedingFacts> proceedings, List<AppealFacts> appeals,
            List<MotionFacts> motions, List<StayFacts> stays, List<HoldFacts> holds,
            List<ApplicationFacts> applications, List<PetitionFacts> petitions, List<ProtectionFacts> protections,
            List<DepartureDeadlineFacts> departureDeadlines, List<Determination> determinations, FamilyFacts family,
            LocalDate dataAsOf) {
        this(person, idnCase, proceedings, appeals, motions, stays, holds, applications, petitions, protections,
                departureDeadlines, determinations, family, dataAsOf, List.of());
    }

    public CaseFacts {
        Objects.requireNonNull(person, "person");
        proceedings = List.copyOf(proceedings);
        appeals = List.copyOf(appeals);
        motions = List.copyOf(motions);
        stays = List.copyOf(stays);
        holds = List.copyOf(holds);
        applications = List.copyOf(applications);
        petitions = List.copyOf(petitions);
        protections = List.copyOf(protections);
        departureDeadlines = List.copyOf(departureDeadlines);
        determinations = List.copyOf(determinations);
        departureBonds = departureBonds == null ? List.of() : List.copyOf(departureBonds);
        Objects.requireNonNull(dataAsOf, "dataAsOf: a verdict says which docket data it was judged on");
    }

    /** The EOIR docket's facts of a case and CaseOps's stays and holds, with nothing else recorded. */
    public static CaseFacts of(PersonFacts person, Long idnCase, List<ProceedingFacts> proceedings,
            List<AppealFacts> appeals, List<MotionFacts> motions, List<StayFacts> stays, List<HoldFacts> holds,
            LocalDate dataAsOf) {
        return new CaseFacts(person, idnCase, proceedings, appeals, motions, stays, holds, List.of(), List.of(),
                List.of(), List.of(), List.of(), null, dataAsOf);
    }

    /** A household member with no court case of their own. */
    public static CaseFacts withoutOwnCase(PersonFacts person, LocalDate dataAsOf) {
        return of(new PersonFacts(person.usCitizen(), person.lpr(), person.citizenshipClaimOpen(), false), null,
                List.of(), List.of(), List.of(), List.of(), List.of(), dataAsOf);
    }

    public CaseFacts withPerson(PersonFacts p) {
        return new CaseFacts(p, idnCase, proceedings, appeals, motions, stays, holds, applications, petitions,
                protections, departureDeadlines, determinations, family, dataAsOf, departureBonds);
    }

    public CaseFacts withoutOwnCase() {
        PersonFacts p = new PersonFacts(person.usCitizen(), person.lpr(), person.citizenshipClaimOpen(), false);
        return new CaseFacts(p, null, proceedings, appeals, motions, stays, holds, applications, petitions,
                protections, departureDeadlines, determinations, family, dataAsOf, departureBonds);
    }

    public CaseFacts withDocket(List<ProceedingFacts> newProceedings, List<AppealFacts> newAppeals,
            List<MotionFacts> newMotions) {
        return new CaseFacts(person, idnCase, newProceedings, newAppeals, newMotions, stays, holds, applications,
                petitions, protections, departureDeadlines, determinations, family, dataAsOf, departureBonds);
    }

    public CaseFacts withRecords(List<StayFacts> newStays, List<HoldFacts> newHolds,
            List<ProtectionFacts> newProtections, List<DepartureDeadlineFacts> newDeadlines,
            List<Determination> newDeterminations) {
        return new CaseFacts(person, idnCase, proceedings, appeals, motions, newStays, newHolds, applications,
                petitions, newProtections, newDeadlines, newDeterminations, family, dataAsOf, departureBonds);
    }

    public CaseFacts withApplications(List<ApplicationFacts> newApplications, List<PetitionFacts> newPetitions) {
        return new CaseFacts(person, idnCase, proceedings, appeals, motions, stays, holds, newApplications,
                newPetitions, protections, departureDeadlines, determinations, family, dataAsOf, departureBonds);
    }

    public CaseFacts withFamily(FamilyFacts newFamily) {
        return new CaseFacts(person, idnCase, proceedings, appeals, motions, stays, holds, applications, petitions,
                protections, departureDeadlines, determinations, newFamily, dataAsOf, departureBonds);
    }

    public CaseFacts withDepartureBonds(List<DepartureBondFacts> bonds) {
        return new CaseFacts(person, idnCase, proceedings, appeals, motions, stays, holds, applications, petitions,
                protections, departureDeadlines, determinations, family, dataAsOf, bonds);
    }

    public CaseFacts withDataAsOf(LocalDate date) {
        return new CaseFacts(person, idnCase, proceedings, appeals, motions, stays, holds, applications, petitions,
                protections, departureDeadlines, determinations, family, date, departureBonds);
    }
}
