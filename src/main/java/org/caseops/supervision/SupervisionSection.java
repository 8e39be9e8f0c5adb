package org.caseops.supervision;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.caseops.access.Access;
import org.caseops.access.PageLayout;
import org.caseops.access.PartnerScope;
import org.caseops.docket.PersonSection;
import org.caseops.system.Listing.Cell;
import org.springframework.stereotype.Component;

/**
 * The person page's supervision: each order of supervision or ATD enrollment, newest first, with its legal basis,
 * reporting, conditions (each with its legal basis and next review), check-ins and an ATD enrolment's device history
 * (assigned, replaced, removed, with dates and reasons; never a location), as
 * {@code GET /api/supervisions/{id}} shows them; audited {@code SUPERVISION_READ} like it, on the person.
 */
@Component
class SupervisionSection implements PersonSection {

    private final Supervisions supervisions;
    private final Devices devices;
    private final Access access;

    SupervisionSection(Supervisions supervisions, Devices devices, Access access) {
        this.supervisions = supervisions;
        this.devices = devices;
        this.access = access;
    }

    @Override
    public Optional<Section> section(Shown person, LocalDate workingDate) {
        access.read("SUPERVISION_READ", person.subject(), PartnerScope.CASE_STATUS);
        List<Supervisions.Supervision> held = supervisions.ofPerson(person.aNumber());
        java.util.Map<Long, List<Devices.Device>> history = devices.of(held.stream().map(Supervisions.Supervision::id)
                .toList());
        List<List<Cell>> rows = held.stream().map(s -> List.of(
                Cell.of(s.id() + " " + (s.kind() == Supervisions.Kind.OSUP ? "Order of supervision (I-220B)"
                        : "Alternatives to detention")),
                Cell.of(PageLayout.label(s.status()) + ", from " + s.startDate()),
                Cell.of(s.legalBasis()),
                Cell.of("every " + s.reportEveryDays() + " days" + (s.nextReportDue() == null ? ""
                        : ", next by " + s.nextReportDue() + (s.nextReportDue().isBefore(workingDate)
                        && "ACTIVE".equals(s.status()) ? " (missed)" : ""))),
                Cell.of(s.conditions().isEmpty() ? "none" : String.join("; ", s.conditions().stream()
                        .map(c -> PageLayout.label(c.kind().name()) + (c.detail() == null ? "" : " (" + c.detail()
                                + ")") + ", " + c.legalBasis() + (c.endedOn() != null ? ", ended " + c.endedOn()
                                : c.reviewDue() == null ? "" : ", review by " + c.reviewDue())).toList())),
                Cell.of(s.checkIns().isEmpty() ? "none" : s.checkIns().size() + ", last on "
                        + s.checkIns().get(s.checkIns().size() - 1).onDate()),
                Cell.of(s.kind() == Supervisions.Kind.ATD ? Devices.describe(history.get(s.id())) : "not ATD")))
                .toList();
        return Optional.of(new Section(30, "supervision", "Supervision", List.of("Supervision", "Status",
                "Legal basis", "Reporting", "Conditions", "Check-ins", "Device history"), rows,
                "No order of supervision or ATD enrollment.", null));
    }
}
