package org.caseops.docket;

import org.caseops.access.Allow;
import org.caseops.access.Role;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.caseops.system.Listing;
import org.caseops.system.Listing.Cell;
import org.caseops.system.Listing.Column;
import org.caseops.system.NotFound;
import org.caseops.system.Pages;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** The pages of the imports: the recent ones, and one import's report with its warnings. */
@Controller
@Pages
@Allow({Role.ATTORNEY, Role.AUDITOR, Role.ADMIN})
class ImportPageController {

    private final ImportHistory history;

    ImportPageController(ImportHistory history) {
        this.history = history;
    }

    /** One line of the list of imports. */
    record ImportLine(long importId, java.time.Instant finishedAt, java.time.LocalDate releaseDate, long rows,
            long quarantined, long warnings) {
    }

    static final List<Column> COLUMNS = List.of(Column.sortable("import", "Import"),
            Column.sortable("finished", "Finished (UTC)"), Column.sortable("release", "Release date"),
            Column.sortable("rows", "Rows"), Column.sortable("quarantined", "Quarantined"),
            Column.sortable("warnings", "Warnings"));

    /** The import history as a table of records: sortable, filterable, paged, CSV (the latest 1,000 imports). */
    @GetMapping("/imports")
    ModelAndView recent(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
            @RequestParam(required = false) String filter, @RequestParam(required = false) String format,
            HttpServletResponse response) {
        Listing.Query query = Listing.Query.of(page, size, sort, dir, filter, COLUMNS, "import", true);
        List<ImportLine> lines = history.recent(1000).stream().map(r -> new ImportLine(r.importId(), r.finishedAt(),
                r.releaseDate(), r.total(ImportReport.TableReport::rows),
                r.total(ImportReport.TableReport::quarantined), r.warnings())).toList();
        Listing table = Listing.of("imports", "Imports", "/imports", COLUMNS, Listing.rows(lines,
                l -> Cell.link(l.importId(), "/imports/" + l.importId()),
                l -> Cell.of(l.finishedAt() == null ? "" : TIME.format(l.finishedAt())),
                l -> Cell.of(l.releaseDate() == null ? "not known" : l.releaseDate()),
                l -> Cell.of(l.rows()), l -> Cell.of(l.quarantined()), l -> Cell.of(l.warnings())), query);
        if ("csv".equals(format)) {
            table.writeCsv(response, "imports");
            return null;
        }
        ModelAndView view = new ModelAndView("imports");
        view.addObject("table", table);
        return view;
    }

    private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm").withZone(java.time.ZoneOffset.UTC);

    @GetMapping("/imports/{id}")
    ModelAndView report(@PathVariable long id) {
        ImportReport report = history.report(id).orElseThrow(() -> new NotFound("no import " + id));
        ModelAndView page = new ModelAndView("import");
        page.addObject("report", report);
        page.addObject("warnings", history.warnings(id, 0, 200));
        return page;
    }

    @ExceptionHandler(NotFound.class)
    ModelAndView notFound(NotFound e) {
        ModelAndView page = new ModelAndView("problem");
        page.addObject("status", HttpStatus.NOT_FOUND.value());
        page.addObject("title", "Not found");
        page.addObject("detail", e.getMessage());
        page.setStatus(HttpStatus.NOT_FOUND);
        return page;
    }
}
