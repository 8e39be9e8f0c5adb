package org.caseops.legal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.caseops.docket.Docket;
import org.caseops.docket.DocketViews;
import org.caseops.legal.rules.CaseFacts;
import org.caseops.legal.rules.Executability;
import org.caseops.legal.rules.Finding;
import org.caseops.legal.rules.PolicySet;
import org.caseops.legal.rules.Status;
import org.caseops.legal.rules.Verdict;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The legal gate: is this person's removal order executable on this date? Everything that acts on a person asks it
 * first, with the date of the action. It reads the facts fresh each time; a stored screening is never a permission.
 */
@Service
public class LegalGate {

    /** How a household member with no case of their own is shown: never a target. */
    public static final String NOT_SUBJECT_TO_REMOVAL = "NOT_SUBJECT_TO_REMOVAL";

    private final DocketFacts facts;
    private final Docket docket;
    private final PolicySet policies;

    LegalGate(DocketFacts facts, Docket docket,
            @Value("${caseops.legal.data-stale-after-days:7}") int dataStaleAfterDays) {
        this.facts = facts;
        this.docket = docket;
        this.policies = PolicySet.defaults().withDataStaleAfterDays(dataStaleAfterDays);
    }

    public PolicySet policies() {
        return policies;
    }

    /** One person's verdict; {@code dataAsOf} is the release date of the docket data it was judged on. */
    public record CaseVerdict(String aNumber, Long idncase, LocalDate asOf, Status verdict, String label,
            Optional<LocalDate> changesOn, String policyVersion, LocalDate dataAsOf, List<Finding> findings) {
    }

    public record MemberVerdict(long personId, String aNumber, String givenName, String familyName, String role,
            String relationship, int age, boolean minor, boolean usCitizen, Long idncase, Status verdict, String label,
            List<String> reasons) {
    }

    public record FamilyVerdict(long familyId, LocalDate asOf, LocalDate dataAsOf, int executable,
            int notExecutable, int frozen, int notSubjectToRemoval, List<MemberVerdict> members) {
    }

    public Verdict evaluate(CaseFacts caseFacts, LocalDate asOf) {
        return Executability.evaluate(caseFacts, asOf, policies);
    }

    /** The verdict on a person's own case, by A-number. Empty when nobody has that A-number. */
    public Optional<CaseVerdict> ofPerson(String aNumber, LocalDate asOf) {
        return docket.person(aNumber, asOf).flatMap(person -> facts.ofPerson(person.id()).map(f -> {
            Verdict verdict = evaluate(f, asOf);
            return new CaseVerdict(person.aNumber(), f.idnCase(), asOf, verdict.status(), label(f, verdict),
                    verdict.changesOn(), verdict.policyVersion(), verdict.dataAsOf(), verdict.findings());
        }));
    }

    /** Each member of a family judged on their own case; a member with no case is not subject to removal. */
    public Optional<FamilyVerdict> ofFamily(long familyId, LocalDate asOf) {
        return docket.family(familyId, asOf).map(family -> {
            java.util.Map<Long, CaseFacts> all = facts.ofPeople(family.people().stream()
                    .map(DocketViews.FamilyMember::personId).toList());
            List<MemberVerdict> members = family.people().stream()
                    .map(m -> member(m, all.get(m.personId()), asOf)).toList();
            // the data date the members were judged on (read once with their facts); the docket's when none has facts
            LocalDate dataAsOf = all.values().stream().findFirst().map(CaseFacts::dataAsOf)
                    .orElseGet(facts::dataAsOf);
            return new FamilyVerdict(familyId, asOf, dataAsOf, count(members, "EXECUTABLE"),
                    count(members, "NOT_EXECUTABLE"),
                    count(members, "FROZEN"), count(members, NOT_SUBJECT_TO_REMOVAL), members);
        });
    }

    /** A person's verdict on one day: status and the rules standing in the way. */
    public record DayVerdict(LocalDate day, Status status, List<String> reasons) {
    }

    /**
     * The verdict on a person's own case for each day from {@code first} to {@code last}, the facts read once. A
     * person with no case of their own is NOT_EXECUTABLE every day. Empty when there is no such person.
     */
    public Optional<List<DayVerdict>> overDays(long personId, LocalDate first, LocalDate last) {
        return facts.ofPerson(personId).map(f -> first.datesUntil(last.plusDays(1)).map(day -> {
            Verdict verdict = evaluate(f, day);
            return new DayVerdict(day, verdict.status(), reasons(verdict));
        }).toList());
    }

    /**
     * The verdict on a person's own case at an instant ({@link LegalDays}): the first of its days on which the order
     * is not executable, or, when it is executable on each of them, the last day's verdict (EXECUTABLE). Empty when
     * there is no such person.
     */
    public Optional<DayVerdict> atInstant(long personId, LegalDays days) {
        return overDays(personId, days.first(), days.last()).map(verdicts -> verdicts.stream()
                .filter(v -> v.status() != Status.EXECUTABLE).findFirst()
                .orElse(verdicts.get(verdicts.size() - 1)));
    }

    /**
     * {@link #overDays(long, LocalDate, LocalDate)} for many people at once: their facts read in a fixed number of
     * queries however many they are (an operation's thousands of members judged in one pass, not one read each).
     * People who do not exist are absent from the map.
     */
    public java.util.Map<Long, List<DayVerdict>> overDays(java.util.Collection<Long> personIds, LocalDate first,
            LocalDate last) {
        java.util.Map<Long, List<DayVerdict>> out = new java.util.HashMap<>();
        facts.ofPeople(new java.util.LinkedHashSet<>(personIds)).forEach((id, f) -> out.put(id,
                first.datesUntil(last.plusDays(1)).map(day -> {
                    Verdict verdict = evaluate(f, day);
                    return new DayVerdict(day, verdict.status(), reasons(verdict));
                }).toList()));
        return out;
    }

    private MemberVerdict member(DocketViews.FamilyMember m, CaseFacts f, LocalDate asOf) {
        java.util.Objects.requireNonNull(f, "facts of family member");
        Verdict verdict = evaluate(f, asOf);
        return new MemberVerdict(m.personId(), m.aNumber(), m.givenName(), m.familyName(), m.role(),
                m.relationship(), m.age(), m.minor(), m.usCitizen(), m.idncase(), verdict.status(), label(f, verdict),
                reasons(verdict));
    }

    private static int count(List<MemberVerdict> members, String label) {
        return (int) members.stream().filter(m -> m.label().equals(label)).count();
    }

    static String label(CaseFacts f, Verdict verdict) {
        return f.idnCase() == null ? NOT_SUBJECT_TO_REMOVAL : verdict.status().name();
    }

    /** The rules that stand in the way of removal (blocking or freezing), in the order the gate found them. */
    static List<String> reasons(Verdict verdict) {
        List<String> reasons = new java.util.ArrayList<>(4);
        for (Finding f : verdict.findings()) {
            if (f.holds() && !reasons.contains(f.ruleId())) {
                reasons.add(f.ruleId());
            }
        }
        return reasons;
    }
}
