package org.caseops.docket;

import org.caseops.access.Allow;
import org.caseops.access.Role;
import org.caseops.system.BadInput;
import org.caseops.system.NotFound;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The rows an import kept with a warning (an unknown code, a court without a field office), each with its file, line,
 * key, column and value. Codes and keys only, no one's personal data: the same readers as the import report.
 */
@RestController
@RequestMapping("/api/imports")
@Allow({Role.ATTORNEY, Role.AUDITOR, Role.ADMIN})
class ImportWarningController {

    private final ImportHistory history;

    ImportWarningController(ImportHistory history) {
        this.history = history;
    }

    @GetMapping("/{id}/warnings")
    ImportHistory.WarningPage warnings(@PathVariable long id, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        if (history.report(id).isEmpty()) {
            throw new NotFound("no import " + id);
        }
        if (page < 0) {
            throw new BadInput("page", "must be 0 or more");
        }
        if (size < 1 || size > 1000) {
            throw new BadInput("size", "must be between 1 and 1000");
        }
        return history.warnings(id, page, size);
    }
}
