package org.caseops.custody;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.caseops.docket.Docket;

/**
 * No minor alone (DESIGN invariant 3), the same rule the database holds at commit ({@code custody_check_minors},
 * V36), judged here first to answer with a clear refusal: while anyone of the family is held, a minor who is held
 * is with an adult of the family held in the same state at the same place — a caregiver record does not make it
 * lawful to hold a child alone — and a minor who is not held has an open caregiver record. Minority is judged as of
 * the day of the change; a person without a birth date counts as neither minor nor adult, as in the database.
 */
final class FamilyGate {

    /** A member of the family: who, and born when. */
    record Member(long personId, LocalDate birthDate) {
        boolean minorOn(LocalDate day) {
            return birthDate != null && Docket.minor(birthDate, day);
        }

        boolean adultOn(LocalDate day) {
            return birthDate != null && !Docket.minor(birthDate, day);
        }
    }

    private FamilyGate() {
    }

    /**
     * The first problem with the family's minors, or empty when every minor is with an adult of the family or (not
     * held) with a recorded caregiver.
     *
     * @param where     each member's custody (members without a row are at large)
     * @param caregiven the members with an open caregiver record
     */
    static Optional<String> minorAlone(long familyId, List<Member> members, Map<Long, Custody.Status> where,
            Set<Long> caregiven, LocalDate day) {
        if (members.stream().noneMatch(m -> held(where.get(m.personId())))) {
            return Optional.empty();
        }
        for (Member m : members.stream().sorted(java.util.Comparator.comparingLong(Member::personId)).toList()) {
            if (!m.minorOn(day)) {
                continue;
            }
            Custody.Status s = where.get(m.personId());
            if (held(s)) {
                boolean withAnAdult = members.stream().filter(a -> a.adultOn(day)).map(a -> where.get(a.personId()))
                        .anyMatch(a -> held(a) && a.state() == s.state() && Objects.equals(place(a), place(s)));
                if (!withAnAdult) {
                    return Optional.of("family gate: minor " + m.personId() + " of family " + familyId
                            + " would be held without a parent or an adult of the family at the same place; a "
                            + "caregiver record does not make it lawful to hold a child alone");
                }
            } else if (!caregiven.contains(m.personId())) {
                return Optional.of("family gate: minor " + m.personId() + " of family " + familyId
                        + " would be without a parent or a recorded caregiver");
            }
        }
        return Optional.empty();
    }

    private static boolean held(Custody.Status s) {
        return s != null && s.state().held();
    }

    private static String place(Custody.Status s) {
        return s.site() != null ? s.site() : s.destination();
    }
}
