package org.caseops.custody;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.caseops.access.Access;
import org.caseops.access.PageLayout;
import org.caseops.access.PartnerScope;
import org.caseops.docket.PersonSection;
import org.caseops.system.Listing.Cell;
import org.springframework.stereotype.Component;

/**
 * The person page's custody: where the person is now, the custody ledger (every move, oldest first) and the caregiver
 * records of a minor, as {@code GET /api/people/{aNumber}/custody} shows them; audited {@code CUSTODY_READ} like it.
 */
@Component
class CustodySection implements PersonSection {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final Custody custody;
    private final Access access;

    CustodySection(Custody custody, Access access) {
        this.custody = custody;
        this.access = access;
    }

    @Override
    public Optional<Section> section(Shown person, LocalDate workingDate) {
        access.read("CUSTODY_READ", person.subject(), PartnerScope.PERSON_RECORD);
        Custody.Status now = custody.status(person.personId());
        List<List<Cell>> rows = new ArrayList<>();
        for (Custody.Event e : custody.ledger(person.personId())) {
            rows.add(List.of(Cell.of(WHEN.format(e.occurredAt())),
                    Cell.of((e.fromState() == null ? "" : label(e.fromState()) + " → ") + label(e.toState())
                            + (e.releaseReason() == null ? "" : " (" + label(e.releaseReason()) + ")")),
                    Cell.of(e.destination() != null ? e.destination() : e.site()),
                    Cell.of(e.changedBy()),
                    Cell.of(e.note())));
        }
        for (Custody.Caregiver c : custody.caregivers(person.personId())) {
            rows.add(List.of(Cell.of(WHEN.format(c.recordedAt())),
                    Cell.of("Caregiver: " + c.caregiverName() + " (" + c.relationship() + ")"
                            + (c.endedAt() == null ? "" : ", ended " + WHEN.format(c.endedAt()))),
                    Cell.of(c.location()), Cell.of(c.recordedBy()), Cell.of(c.contact())));
        }
        String where = now.destination() != null ? " to " + now.destination() : now.site() != null ? " at "
                + now.site() : "";
        String note = "Now: " + label(now.state().name()) + where + (now.releaseReason() == null ? ""
                : " (" + label(now.releaseReason().name()) + ")") + (now.since() == null ? ""
                : " since " + WHEN.format(now.since()) + " UTC, by " + now.changedBy()) + ".";
        return Optional.of(new Section(20, "custody", "Custody", List.of("When (UTC)", "What", "Where", "By",
                "Note or contact"), rows, "No custody record: at large.", note));
    }

    private static String label(String code) {
        return code == null ? "" : PageLayout.label(code);
    }
}
