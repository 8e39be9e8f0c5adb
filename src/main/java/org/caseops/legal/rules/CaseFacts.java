package org.caseops.legal.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Everything the gate reads about ONE person and their OWN case. A household member without a case of their own has
 * {@code idnCase == null} and empty lists: they are judged on their own facts, never on the family's orders.
 *
 * @param person                     the person's flags
 * @param idnCase                    the person's own EOIR case (IDNCASE), null when they have none
 * @param proceedings                the case's proceedings, any order
 * @param appeals                    the case's BIA appeals
 * @param motions                    the case's motions (deleted rows left out)
 * @param stays                      stays of removal recorded in CaseOps
 * @param holds                      attorneys' legal holds on the case
 * @param voluntaryDepartureDeadline the recorded last day of a voluntary-departure period, when one is on file;
 *                                   null = the policy's default period after the order (EOIR does not carry it)
 */
public record CaseFacts(PersonFacts person, Long idnCase, List<ProceedingFacts> proceedings,
        List<AppealFacts> appeals, List<MotionFacts> motions, List<StayFacts> stays, List<HoldFacts> holds,
        LocalDate voluntaryDepartureDeadline) {

    public CaseFacts {
        Objects.requireNonNull(person, "person");
        proceedings = List.copyOf(proceedings);
        appeals = List.copyOf(appeals);
        motions = List.copyOf(motions);
        stays = List.copyOf(stays);
        holds = List.copyOf(holds);
    }

    /** A household member with no court case of their own. */
    public static CaseFacts withoutOwnCase(PersonFacts person) {
        return new CaseFacts(new PersonFacts(person.usCitizen(), person.lpr(), person.citizenshipClaimOpen(), false),
                null, List.of(), List.of(), List.of(), List.of(), List.of(), null);
    }
}
