package org.caseops.docket;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.caseops.access.Access;
import org.caseops.system.Listing;

/**
 * A section of the person page (docs/web.md): what one feature holds about the person — address history, custody,
 * supervision, open tasks — as a table under its own heading. Features above the docket implement it as Spring beans,
 * so the person page depends on none of them. A section is asked only after the page's own access check and its
 * {@code PERSON_READ} entry; it audits its own read as the feature's API does ({@code CUSTODY_READ}, ...), on the
 * person's subject, with the purpose the page was opened for.
 */
public interface PersonSection {

    /** The section for this person as of the working date; empty when the feature has nothing to show here. */
    Optional<Section> section(Shown person, LocalDate workingDate);

    /** The person the page shows: A-number, internal id, family, and the subject whose field office decides. */
    record Shown(String aNumber, long personId, long familyId, Access.Subject subject) {
    }

    /**
     * A heading ({@code title}, its element id {@code id}), a table ({@code headers}, {@code rows} of cells, a cell
     * may link), what to say when there are no rows, and a note under the table ({@code null}: none).
     */
    record Section(int order, String id, String title, List<String> headers, List<List<Listing.Cell>> rows,
            String empty, String note) {
    }
}
