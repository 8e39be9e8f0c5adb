package org.caseops.docket;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.caseops.access.Access;

/**
 * A section of the family page (docs/web.md), as {@link PersonSection} is of the person page: what one feature holds
 * about the family's members — custody, caregiver records — as one table under its own heading. Features above the
 * docket implement it as Spring beans, so the family page (in {@code legal}) depends on none of them. A section is
 * asked only after the page's own access check and its {@code FAMILY_READ} entry; it audits its own read as the
 * feature's API does, with the purpose the page was opened for, and reads all members at once (no query per member).
 */
public interface FamilySection {

    /** The section for the family's members as of the working date; empty when the feature has nothing to show. */
    Optional<PersonSection.Section> section(Shown family, LocalDate workingDate);

    /** The family the page shows: its id (the lead case), its members in the page's order, and its subject. */
    record Shown(long familyId, List<DocketViews.FamilyMember> members, Access.Subject subject) {
    }
}
