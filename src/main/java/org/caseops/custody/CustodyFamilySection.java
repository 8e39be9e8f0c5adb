package org.caseops.custody;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.caseops.access.Access;
import org.caseops.access.PageLayout;
import org.caseops.access.PartnerScope;
import org.caseops.docket.DocketViews;
import org.caseops.docket.FamilySection;
import org.caseops.docket.PersonSection;
import org.caseops.system.Listing.Cell;
import org.springframework.stereotype.Component;

/**
 * The family page's custody: each member's custody status (held where and since when, released and why, or at large)
 * and the caregiver records of the family's minors, from the custody ledger — two queries for the whole family
 * (statuses, caregiver records), never one per member. Audited {@code CUSTODY_READ} on the family, as
 * {@code GET /api/families/{id}/custody} is.
 */
@Component
class CustodyFamilySection implements FamilySection {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final Custody custody;
    private final Access access;

    CustodyFamilySection(Custody custody, Access access) {
        this.custody = custody;
        this.access = access;
    }

    @Override
    public Optional<PersonSection.Section> section(Shown family, LocalDate workingDate) {
        access.read("CUSTODY_READ", family.subject(), PartnerScope.PERSON_RECORD);
        List<Long> ids = family.members().stream().map(DocketViews.FamilyMember::personId).toList();
        Map<Long, Custody.Status> statuses = custody.statuses(ids);
        Map<Long, List<Custody.Caregiver>> caregivers = custody.caregivers(ids).stream()
                .collect(Collectors.groupingBy(Custody.Caregiver::personId));
        List<List<Cell>> rows = new ArrayList<>();
        for (DocketViews.FamilyMember m : family.members()) {
            Custody.Status s = statuses.get(m.personId());
            String name = m.givenName() + " " + m.familyName() + (m.minor() ? " (minor)" : "");
            rows.add(List.of(m.aNumber() == null ? Cell.of(name) : Cell.link(name, "/people/" + m.aNumber()),
                    Cell.of(s == null ? "At large (no custody record)" : label(s.state().name())
                            + (s.releaseReason() == null ? "" : " (" + label(s.releaseReason().name()) + ")")),
                    Cell.of(s == null ? "" : s.destination() != null ? s.destination()
                            : s.site() == null ? "" : s.site()),
                    Cell.of(s == null || s.since() == null ? "" : WHEN.format(s.since()) + " by " + s.changedBy()),
                    Cell.of(caregivers.getOrDefault(m.personId(), List.of()).stream().map(CustodyFamilySection::care)
                            .collect(Collectors.joining("; ")))));
        }
        return Optional.of(new PersonSection.Section(20, "custody", "Custody and caregivers", List.of("Member",
                "Custody now", "Where", "Since (UTC)", "Caregiver records"), rows, "No members.",
                "From the custody ledger; a caregiver record never makes it lawful to hold a child alone."));
    }

    private static String care(Custody.Caregiver c) {
        return c.caregiverName() + " (" + c.relationship() + (c.location() == null ? "" : ", " + label(c.location()))
                + "), recorded " + WHEN.format(c.recordedAt()) + " by " + c.recordedBy()
                + (c.endedAt() == null ? "" : ", ended " + WHEN.format(c.endedAt()));
    }

    private static String label(String code) {
        return code == null ? "" : PageLayout.label(code);
    }
}
