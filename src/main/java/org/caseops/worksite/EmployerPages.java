package org.caseops.worksite;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.caseops.access.Access;
import org.caseops.access.Allow;
import org.caseops.access.DeskForms;
import org.caseops.access.Navigation;
import org.caseops.access.PageLayout;
import org.caseops.access.Role;
import org.caseops.access.WorkingDate;
import org.caseops.system.Listing;
import org.caseops.system.Listing.Cell;
import org.caseops.system.Listing.Column;
import org.caseops.system.Pages;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The worksite pages' start and the employers (docs/worksite.md, "Pages"; docs/web.md): the employers a user may see
 * (paged, sortable, filtered by name or field office), an employer with its sites, history, inspections and
 * nominations, and the forms to add an employer, a site and a history entry — each the {@link Employers} call the
 * API makes ({@code /api/employers...}), with the same roles.
 */
@Controller
@Pages
@Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY, Role.AUDITOR})
class EmployerPages {

    static final List<Column> COLUMNS = List.of(Column.sortable("name", "Employer"), Column.sortable("ein", "EIN"),
            Column.sortable("naics", "NAICS industry"), Column.sortable("employees", "Employees (size)"),
            Column.sortable("offices", "Field offices"));

    private final Employers employers;
    private final Inspections inspections;
    private final Nominations nominations;
    private final Access access;
    private final Navigation navigation;
    private final WorkingDate workingDate;

    EmployerPages(Employers employers, Inspections inspections, Nominations nominations, Access access,
            Navigation navigation, WorkingDate workingDate) {
        this.employers = employers;
        this.inspections = inspections;
        this.nominations = nominations;
        this.access = access;
        this.navigation = navigation;
        this.workingDate = workingDate;
    }

    /** The menu's "Worksite": the worksite pages the role may open. */
    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY, Role.AUDITOR, Role.ADMIN})
    @GetMapping("/worksite")
    ModelAndView start() {
        Role role = access.actor().role();
        ModelAndView page = new ModelAndView("worksite/start");
        page.addObject("employers", navigation.allows(role, "/worksite/employers"));
        page.addObject("nominations", navigation.allows(role, "/worksite/nominations"));
        page.addObject("inspections", navigation.allows(role, "/worksite/inspections"));
        page.addObject("calculator", navigation.allows(role, "/worksite/fine-calculator"));
        page.addObject("policies", navigation.allows(role, "/worksite/nomination-policies"));
        page.addObject("actions", navigation.allows(role, "/worksite-actions"));
        return page;
    }

    @GetMapping("/worksite/employers")
    ModelAndView list(@RequestParam(required = false) String office, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir, @RequestParam(required = false) String filter,
            @RequestParam(required = false) String format, HttpServletResponse response) {
        return list(office, page, size, sort, dir, filter, format, response, WorksiteForms.Failure.NONE);
    }

    private ModelAndView list(String office, Integer page, Integer size, String sort, String dir, String filter,
            String format, HttpServletResponse response, WorksiteForms.Failure failure) {
        String code = office == null || office.isBlank() ? null : office.trim().toUpperCase(Locale.ROOT);
        List<Employers.Employer> all = employers.visible(code);
        Listing table = Listing.of("employers", "Employers" + (code == null ? "" : " with a site in " + code),
                "/worksite/employers" + (code == null ? "" : "?office=" + code), COLUMNS, Listing.rows(all,
                        e -> Cell.link(e.name(), "/worksite/employers/" + e.id()), e -> Cell.of(e.ein()),
                        e -> Cell.of(e.naics()), e -> Cell.of(e.employees() + " (" + PageLayout.label(e.size())
                                + ")"),
                        e -> Cell.of(String.join(", ", e.fieldOffices()))),
                Listing.Query.of(page, size, sort, dir, filter, COLUMNS, "name", false));
        if ("csv".equals(format)) {
            table.writeCsv(response, "caseops-employers");
            return null;
        }
        Role role = access.actor().role();
        ModelAndView view = new ModelAndView("worksite/employers");
        view.addObject("table", table);
        view.addObject("office", code);
        view.addObject("wide", access.actor().is(Role.ATTORNEY, Role.AUDITOR));
        view.addObject("mayAdd", role == Role.SUPERVISOR || role == Role.DIRECTOR || role == Role.ATTORNEY);
        view.addObject("ownOffice", access.actor().fieldOffice());
        return view;
    }

    /** Adds an employer with its first site, as {@code POST /api/employers}. */
    @Allow({Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY})
    @PostMapping("/worksite/employers")
    ModelAndView add(@RequestParam(required = false) String name, @RequestParam(required = false) String ein,
            @RequestParam(required = false) String naics, @RequestParam(required = false) String employees,
            @RequestParam(name = "site.name", required = false) String siteName,
            @RequestParam(name = "site.address", required = false) String address,
            @RequestParam(name = "site.city", required = false) String city,
            @RequestParam(name = "site.state", required = false) String state,
            @RequestParam(name = "site.fieldOffice", required = false) String fieldOffice,
            @RequestParam(name = "site.workers", required = false) String workers, HttpServletRequest request,
            HttpServletResponse response) {
        long[] created = new long[1];
        ModelAndView answer = WorksiteForms.change(request, "add-employer", "/worksite/employers", () -> {
            Employers.Detail d = employers.create(new Employers.NewEmployer(name, ein, naics,
                    WorksiteForms.whole("employees", employees), new Employers.NewSite(siteName, address, city,
                            state, fieldOffice, WorksiteForms.whole("site.workers", workers))));
            created[0] = d.employer().id();
            return "Employer " + d.employer().name() + " (EIN " + d.employer().ein() + ") recorded with its site "
                    + d.sites().get(0).name() + ".";
        }, failure -> list(null, null, null, null, null, null, null, response, failure));
        if (answer.getView() instanceof org.springframework.web.servlet.view.RedirectView redirect) {
            redirect.setUrl("/worksite/employers/" + created[0]);
        }
        return answer;
    }

    @GetMapping("/worksite/employers/{id}")
    ModelAndView employer(@PathVariable long id) {
        return employer(id, WorksiteForms.Failure.NONE);
    }

    private ModelAndView employer(long id, WorksiteForms.Failure failure) {
        Employers.Detail detail = employers.detail(id);
        Role role = access.actor().role();
        ModelAndView view = new ModelAndView("worksite/employer");
        view.addObject("employer", detail.employer());
        view.addObject("sites", detail.sites());
        view.addObject("history", detail.history());
        view.addObject("inspections", inspections.ofEmployer(id));
        view.addObject("nominations", nominations.ofEmployer(id));
        boolean mayChange = role == Role.ATTORNEY || (role == Role.SUPERVISOR || role == Role.DIRECTOR)
                && detail.employer().fieldOffices().contains(access.actor().fieldOffice());
        view.addObject("mayChange", mayChange);
        view.addObject("ownOffice", access.actor().fieldOffice());
        view.addObject("kinds", Employers.HISTORY_KINDS.stream().collect(java.util.stream.Collectors.toMap(k -> k,
                PageLayout::label, (a, b) -> a, java.util.LinkedHashMap::new)));
        view.addObject("asOf", workingDate.get());
        return view;
    }

    /** Adds a site, as {@code POST /api/employers/{id}/sites}, at the employer's version as read. */
    @Allow({Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY})
    @PostMapping("/worksite/employers/{id}/sites")
    ModelAndView addSite(@PathVariable long id, @RequestParam(required = false) String name,
            @RequestParam(required = false) String address, @RequestParam(required = false) String city,
            @RequestParam(required = false) String state, @RequestParam(required = false) String fieldOffice,
            @RequestParam(required = false) String workers, @RequestParam(required = false) String version,
            HttpServletRequest request) {
        return WorksiteForms.change(request, "add-site", "/worksite/employers/" + id, () -> {
            Employers.Site site = employers.addSite(id, new Employers.NewSite(name, address, city, state,
                    fieldOffice, WorksiteForms.whole("workers", workers)), DeskForms.version(version));
            return "Site " + site.name() + " (" + site.city() + ", " + site.state() + ", field office "
                    + site.fieldOffice() + ") added.";
        }, failure -> employer(id, failure));
    }

    /** Records a history entry, as {@code POST /api/employers/{id}/history}. */
    @Allow({Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY})
    @PostMapping("/worksite/employers/{id}/history")
    ModelAndView addHistory(@PathVariable long id, @RequestParam(required = false) String occurredOn,
            @RequestParam(required = false) String kind, @RequestParam(required = false) String summary,
            @RequestParam(required = false) String amount, HttpServletRequest request) {
        return WorksiteForms.change(request, "add-history", "/worksite/employers/" + id, () -> {
            Employers.HistoryEntry entry = employers.addHistory(id, new Employers.NewHistory(
                    DeskForms.date("occurredOn", occurredOn, null), kind, summary,
                    DeskForms.dollars("amount", amount)));
            return PageLayout.label(entry.kind()) + " of " + entry.occurredOn() + " recorded in the history.";
        }, failure -> employer(id, failure));
    }
}
