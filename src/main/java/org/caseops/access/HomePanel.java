package org.caseops.access;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A part of the start page (docs/web.md): what one feature has for the signed-in user today — counts of their
 * queues and the items that need them first. Features implement it as Spring beans; the start page (in this package)
 * shows every panel a role gets, in {@link Panel#order()}, without depending on the features.
 */
public interface HomePanel {

    /** The panel for this actor as of the working date, empty when the role has nothing here. */
    Optional<Panel> panel(Actor actor, LocalDate workingDate);

    /** A heading, counts (each linking to its list), items (each linking to its record) and a link to the rest. */
    record Panel(int order, String id, String title, List<Count> counts, List<Item> items, String empty,
            String moreHref, String moreLabel) {

        /** The counts' labels as a JSON array, for the panel's chart (static/js/caseops.js). */
        public String chartLabels() {
            return counts.stream().map(c -> "\"" + c.label().replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                    .collect(java.util.stream.Collectors.joining(",", "[", "]"));
        }

        public String chartValues() {
            return counts.stream().map(c -> String.valueOf(c.value()))
                    .collect(java.util.stream.Collectors.joining(",", "[", "]"));
        }
    }

    record Count(String label, long value, String href) {
    }

    /** An item; {@code urgent} marks one that is late. */
    record Item(String text, String href, String note, boolean urgent) {
    }
}
