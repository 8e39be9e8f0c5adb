package org.caseops.docket;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.caseops.access.Access;
import org.caseops.access.Allow;
import org.caseops.access.Role;
import org.caseops.system.Listing;
import org.caseops.system.Listing.Cell;
import org.caseops.system.Listing.Column;
import org.caseops.system.NotFound;
import org.caseops.system.Pages;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The quarantine browser of an import (docs/web.md): every row the import kept out, by table and by a text of its
 * reason, with its line, column, every problem and its raw text; paged, sorted and as CSV. Quarantined rows hold
 * people's data as received: counsel only, audited as {@code QUARANTINE_READ} like
 * {@code GET /api/imports/{id}/quarantine}.
 */
@Controller
@Pages
@Allow(Role.ATTORNEY)
class ImportPages {

    static final List<Column> COLUMNS = List.of(Column.sortable("table", "Table"), Column.sortable("line", "Line"),
            Column.sortable("column", "Column"), Column.plain("problems", "Problems"),
            Column.plain("raw", "Raw text"));
    private static final int CSV_MAX = 100_000;

    private final ImportHistory history;
    private final QuarantineBrowser quarantine;
    private final Access access;

    ImportPages(ImportHistory history, QuarantineBrowser quarantine, Access access) {
        this.history = history;
        this.quarantine = quarantine;
        this.access = access;
    }

    @GetMapping("/imports/{id}/quarantine")
    ModelAndView quarantine(@PathVariable long id, @RequestParam(required = false) String table,
            @RequestParam(required = false) String reason, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir, @RequestParam(required = false) String format,
            HttpServletResponse response) {
        ImportReport report = history.report(id).orElseThrow(() -> new NotFound("no import " + id));
        String t = table == null || table.isBlank() ? null : table.trim();
        String r = reason == null || reason.isBlank() ? null : reason.trim();
        if (r != null && r.length() > 200) {
            throw new org.caseops.system.BadInput("reason", "at most 200 characters");
        }
        Listing.Query query = Listing.Query.of(page, size, sort, dir, null, COLUMNS, "line", false);
        String path = path(id, t, r);
        String caption = "Quarantined rows" + (t == null ? "" : " of " + t) + (r == null ? "" : " about “" + r + "”");
        if ("csv".equals(format)) {
            List<QuarantineBrowser.Row> all = quarantine.page(id, t, r, query.sort(), query.descending(), 0, CSV_MAX);
            access.audit("QUARANTINE_READ", new Access.Subject("IMPORT", String.valueOf(id), null),
                    "CSV " + filter(t, r) + ": " + all.size() + " rows");
            Listing.paged("quarantined", caption, path, COLUMNS, rows(all), all.size(), query)
                    .writeCsv(response, "import-" + id + "-quarantine");
            return null;
        }
        long total = quarantine.count(id, t, r);
        List<QuarantineBrowser.Row> shown = quarantine.page(id, t, r, query.sort(), query.descending(),
                (long) query.page() * query.size(), query.size());
        access.audit("QUARANTINE_READ", new Access.Subject("IMPORT", String.valueOf(id), null),
                "page " + query.page() + " " + filter(t, r));
        ModelAndView view = new ModelAndView("docket/quarantine");
        view.addObject("report", report);
        view.addObject("tables", quarantine.tables(id));
        view.addObject("table", t);
        view.addObject("reason", r);
        view.addObject("rows", Listing.paged("quarantined", caption, path, COLUMNS, rows(shown), total, query));
        return view;
    }

    private static String filter(String table, String reason) {
        return "(table " + (table == null ? "any" : table) + ", reason " + (reason == null ? "any" : reason) + ")";
    }

    private static List<Listing.Row> rows(List<QuarantineBrowser.Row> found) {
        return Listing.rows(found,
                x -> Cell.of(x.table()),
                x -> Cell.of(x.line()),
                x -> Cell.of(x.column()),
                x -> Cell.of(String.join("\n", x.problems())),
                x -> Cell.of(x.raw()));
    }

    private static String path(long id, String table, String reason) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath("/imports/" + id + "/quarantine");
        if (table != null) {
            url.queryParam("table", enc(table));
        }
        if (reason != null) {
            url.queryParam("reason", enc(reason));
        }
        return url.build(true).toUriString();
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
