package org.caseops.custody;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.caseops.access.Access;
import org.caseops.access.Allow;
import org.caseops.access.PageLayout;
import org.caseops.access.Role;
import org.caseops.access.WorkingDate;
import org.caseops.supervision.VoluntaryDepartures;
import org.caseops.system.Listing;
import org.caseops.system.Listing.Cell;
import org.caseops.system.Listing.Column;
import org.caseops.system.Paged;
import org.caseops.system.Pages;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The field office's open voluntary-departure grants and its removals in progress (issue 16; docs/removal.md, "Desk
 * pages"; docs/web.md), each paged in the database and linking to its desk page — the person's voluntary departure,
 * the family's removal — where the forms are. Officers, supervisors and directors of the office.
 */
@Controller
@Pages
@Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR})
class DepartureListPages {

    static final List<Column> GRANTS = List.of(Column.plain("person", "Person"),
            Column.plain("granted", "Granted on"), Column.plain("lastDay", "Last day"),
            Column.plain("bond", "Bond"), Column.plain("status", "Status"));

    static final List<Column> REMOVALS = List.of(Column.plain("family", "Family"),
            Column.plain("country", "Country (consulate)"), Column.plain("requested", "Requested on"),
            Column.plain("status", "Status"), Column.plain("itinerary", "Departure planned"),
            Column.plain("members", "Members travelling"));

    private final VoluntaryDepartures departures;
    private final Removals removals;
    private final Access access;
    private final WorkingDate workingDate;

    DepartureListPages(VoluntaryDepartures departures, Removals removals, Access access, WorkingDate workingDate) {
        this.departures = departures;
        this.removals = removals;
        this.access = access;
        this.workingDate = workingDate;
    }

    @GetMapping("/departures")
    ModelAndView page(@RequestParam(required = false) String show, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, @RequestParam(required = false) String format,
            HttpServletResponse response) {
        String office = access.actor().fieldOffice();
        boolean showRemovals = "removals".equals(show);
        java.time.LocalDate day = workingDate.get();
        boolean csv = "csv".equals(format);
        // the CSV: the first Listing.MAX_SIZE rows in the same order
        Listing.Query query = Listing.Query.of(csv ? Integer.valueOf(0) : page,
                csv ? Integer.valueOf(Listing.MAX_SIZE) : size, null, null, null,
                showRemovals ? REMOVALS : GRANTS, null, false);
        Listing table;
        if (showRemovals) {
            Paged<Removals.InProgress> shown = removals.inProgress(office, query.page(), query.size());
            table = Listing.paged("removals", "Removals in progress in field office " + office + ", the oldest "
                    + "request first", "/departures?show=removals", REMOVALS, Listing.rows(shown.items(),
                    r -> Cell.link("Family " + r.familyId(), "/families/" + r.familyId() + "/removals"),
                    r -> Cell.of(r.country() + " (" + r.consulate() + ")"), r -> Cell.of(r.requestedOn()),
                    r -> Cell.of(PageLayout.label(r.status().name())),
                    r -> Cell.of(r.itineraryDate() == null ? "not yet" : r.itineraryDate()),
                    r -> Cell.of(r.members())), shown.total(), query);
        } else {
            Paged<VoluntaryDepartures.OpenGrant> shown = departures.openIn(office, query.page(), query.size());
            table = Listing.paged("grants", "Open grants of voluntary departure in field office " + office
                    + ", the nearest last day first", "/departures", GRANTS, Listing.rows(shown.items(),
                    g -> Cell.link("A-" + g.aNumber(), "/people/" + g.aNumber() + "/departure"),
                    g -> Cell.of(g.grantedOn()), g -> Cell.of(g.lastDay()),
                    g -> Cell.of(g.bondPostedOn() != null ? "posted on " + g.bondPostedOn()
                            : (day.isAfter(g.bondDue()) ? "not posted by " : "due by ") + g.bondDue()),
                    g -> Cell.of(g.status() == VoluntaryDepartures.Status.OVERSTAYED ? "Overstayed"
                            : day.isAfter(g.lastDay()) ? "Last day passed (not yet marked by the sweep)"
                            : "To depart by " + g.lastDay())), shown.total(), query);
        }
        if (csv) {
            table.writeCsv(response, "caseops-" + (showRemovals ? "removals-" : "voluntary-departures-") + office);
            return null;
        }
        ModelAndView view = new ModelAndView("custody/departures");
        view.addObject("table", table);
        view.addObject("removals", showRemovals);
        view.addObject("office", office);
        view.addObject("day", day);
        return view;
    }
}
