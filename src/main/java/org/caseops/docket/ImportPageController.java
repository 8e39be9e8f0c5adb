package org.caseops.docket;

import org.caseops.access.Allow;
import org.caseops.access.Role;
import org.caseops.system.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/** The pages of the imports: the recent ones, and one import's report with its warnings. */
@Controller
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

    @GetMapping("/imports")
    ModelAndView recent() {
        ModelAndView page = new ModelAndView("imports");
        page.addObject("imports", history.recent(50).stream().map(r -> new ImportLine(r.importId(), r.finishedAt(),
                r.releaseDate(), r.total(ImportReport.TableReport::rows),
                r.total(ImportReport.TableReport::quarantined), r.warnings())).toList());
        return page;
    }

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
