package org.caseops.docket;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.caseops.access.Access;
import org.caseops.access.Actor;
import org.caseops.access.Allow;
import org.caseops.access.PageLayout;
import org.caseops.access.PartnerScope;
import org.caseops.access.Role;
import org.caseops.access.WorkingDate;
import org.caseops.system.Listing;
import org.caseops.system.Listing.Cell;
import org.caseops.system.Listing.Column;
import org.caseops.system.Pages;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The search page (docs/web.md): an A-number (with or without dashes) or a case number opens that record; a name
 * (any case, any accent, parts of given and family name), a birth date or a family finds people, paged, in the
 * user's field office like the API's searches ({@link Access#searchScope}); a search outside it asks for a purpose,
 * which is audited with the search.
 */
@Controller
@Pages
@Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY})
class SearchPages {

    static final List<Column> COLUMNS = List.of(Column.sortable("name", "Name"),
            Column.sortable("aNumber", "A-number"), Column.sortable("born", "Born"), Column.plain("age", "Age"),
            Column.sortable("family", "Family"), Column.plain("office", "Field office"),
            Column.plain("order", "Order"));
    private static final int CSV_MAX = 2000;

    private final Docket docket;
    private final Access access;
    private final WorkingDate workingDate;

    SearchPages(Docket docket, Access access, WorkingDate workingDate) {
        this.docket = docket;
        this.access = access;
        this.workingDate = workingDate;
    }

    @GetMapping("/search")
    Object search(@RequestParam(required = false) String q,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate born,
            @RequestParam(required = false) Long family, @RequestParam(required = false) String fieldOffice,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
            @RequestParam(required = false) String format, HttpServletResponse response) {
        String text = q == null || q.isBlank() ? null : q.trim();
        ModelAndView form = new ModelAndView("docket/search");
        form.addObject("q", text);
        form.addObject("born", born);
        form.addObject("family", family);
        form.addObject("fieldOffice", fieldOffice);
        Actor actor = access.actor();
        form.addObject("wide", actor.is(Role.ATTORNEY));
        form.addObject("purpose", Access.purpose());
        if (text == null && born == null && family == null) {
            return form;
        }
        if (text != null && text.replaceAll("[\\s-]", "").matches("[Aa]?[0-9]{9}")) {
            return redirect("/people/" + Docket.aNumber(text.replaceAll("\\s", "")));
        }
        if (text != null && text.matches("[0-9]{1,18}")) {
            long idncase = Long.parseLong(text);
            return docket.aNumberOfCase(idncase).map(a -> (Object) redirect("/people/" + a))
                    .orElseGet(() -> docket.familySubject(idncase).isPresent()
                            ? redirect("/families/" + idncase) : notFoundPage(form, "no case " + idncase));
        }
        String office = access.searchScope(fieldOffice == null || fieldOffice.isBlank() ? null
                : fieldOffice.trim().toUpperCase(Locale.ROOT), PartnerScope.PERSON_RECORD);
        if (Access.purpose() == null && actor.needsPurposeFor(office)) {
            form.addObject("needsPurpose", true);
            form.addObject("office", office);
            return form;
        }
        Listing.Query query = Listing.Query.of(page, size, sort, dir, null, COLUMNS, "name", false);
        LocalDate asOf = workingDate.get();
        String criteria = "name " + text + ", born " + born + ", family " + family;
        if ("csv".equals(format)) {
            DocketViews.Page<Docket.PersonHit> all = docket.searchPeople(office, text, born, family, query.sort(),
                    query.descending(), 0, CSV_MAX, asOf);
            access.searched("PERSON_SEARCH", office, criteria + " (CSV): " + all.items().size() + " of "
                    + all.total() + " people");
            Listing.paged("results", "People found", path(text, born, family, fieldOffice), COLUMNS,
                    rows(all.items()), all.total(), query).writeCsv(response, "people");
            return null;
        }
        DocketViews.Page<Docket.PersonHit> found = docket.searchPeople(office, text, born, family, query.sort(),
                query.descending(), query.page(), query.size(), asOf);
        access.searched("PERSON_SEARCH", office, criteria + " page " + query.page() + ": " + found.items().size()
                + " of " + found.total() + " people");
        form.addObject("table", Listing.paged("results", "People found", path(text, born, family, fieldOffice),
                COLUMNS, rows(found.items()), found.total(), query));
        form.addObject("office", office);
        return form;
    }

    private static ModelAndView notFoundPage(ModelAndView form, String message) {
        form.addObject("notFound", message);
        form.setStatus(HttpStatus.NOT_FOUND);
        return form;
    }

    /** The search's own address, the purpose kept, without the table's parameters. */
    private static String path(String q, LocalDate born, Long family, String fieldOffice) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath("/search");
        List<Object[]> params = new ArrayList<>();
        params.add(new Object[] {"q", q});
        params.add(new Object[] {"born", born});
        params.add(new Object[] {"family", family});
        params.add(new Object[] {"fieldOffice", fieldOffice == null || fieldOffice.isBlank() ? null : fieldOffice});
        params.add(new Object[] {"purpose", Access.purpose()});
        for (Object[] p : params) {
            if (p[1] != null) {
                url.queryParam((String) p[0], java.net.URLEncoder.encode(p[1].toString(),
                        java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return url.build(true).toUriString();
    }

    private static List<Listing.Row> rows(List<Docket.PersonHit> hits) {
        String purpose = Access.purpose();
        String keep = purpose == null ? "" : "?purpose=" + java.net.URLEncoder.encode(purpose,
                java.nio.charset.StandardCharsets.UTF_8);
        return Listing.rows(hits,
                h -> h.aNumber() == null ? Cell.of(h.givenName() + " " + h.familyName())
                        : Cell.link(h.givenName() + " " + h.familyName(), "/people/" + h.aNumber() + keep),
                h -> Cell.of(h.aNumber() == null ? "none (household member)" : h.aNumber()),
                h -> Cell.of(h.birthDate()),
                h -> Cell.of(h.age() + (h.minor() ? " (minor)" : "")),
                h -> Cell.link(h.familyId(), "/families/" + h.familyId() + keep),
                h -> Cell.of(h.fieldOffice() == null ? "none" : h.fieldOffice()),
                h -> Cell.of(h.usCitizen() ? "U.S. citizen" : h.orderType() == null ? "No case of their own"
                        : PageLayout.label(h.orderType())));
    }

    private static RedirectView redirect(String to) {
        String purpose = Access.purpose();
        String url = purpose == null ? to : to + "?purpose=" + java.net.URLEncoder.encode(purpose,
                java.nio.charset.StandardCharsets.UTF_8);
        RedirectView view = new RedirectView(url, true);
        view.setExposeModelAttributes(false);
        return view;
    }
}
