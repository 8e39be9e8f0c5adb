package org.caseops.docket;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Map;
import org.caseops.access.Allow;
import org.caseops.access.Role;
import org.caseops.system.BadInput;
import org.caseops.system.NotFound;
import org.caseops.system.Pages;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Counsel uploads the EOIR zip and the person file from the imports page and watches the import's progress (a bar
 * the page polls with htmx, {@link ImportUploads}); a finished import lands on its report. The same importer and audit
 * entry as {@code POST /api/imports}.
 */
@Controller
@Pages
@Allow(Role.ATTORNEY)
class ImportUploadPages {

    private final ImportUploads uploads;

    ImportUploadPages(ImportUploads uploads) {
        this.uploads = uploads;
    }

    @GetMapping("/imports/upload")
    ModelAndView form() {
        return form(Map.of(), null, null);
    }

    @PostMapping("/imports/upload")
    ModelAndView upload(@RequestParam(required = false) MultipartFile eoir,
            @RequestParam(required = false) MultipartFile persons,
            @RequestParam(required = false) String asOfRelease) throws IOException {
        Map<String, String> typed = Map.of("asOfRelease", asOfRelease == null ? "" : asOfRelease);
        String id;
        try {
            LocalDate release = release(asOfRelease);
            try (InputStream eoirIn = given(eoir) ? eoir.getInputStream() : null;
                    InputStream personsIn = given(persons) ? persons.getInputStream() : null) {
                id = uploads.start(eoirIn, given(eoir) ? eoir.getOriginalFilename() : null, personsIn, release);
            }
        } catch (BadInput e) {
            ModelAndView view = form(typed, e.field(), e.getMessage());
            view.setStatus(HttpStatus.BAD_REQUEST);
            return view;
        }
        return redirect("/imports/uploads/" + id);
    }

    /** The upload's progress; a finished upload goes on to its import's report. */
    @GetMapping("/imports/uploads/{id}")
    ModelAndView progressPage(@PathVariable String id) {
        ImportUploads.Upload upload = find(id);
        if (upload.state() == ImportUploads.State.DONE) {
            return redirect("/imports/" + upload.importId());
        }
        ModelAndView view = new ModelAndView("docket/upload-progress");
        view.addObject("upload", upload);
        return view;
    }

    /** The progress bar alone, for the page's polling; once done, htmx goes on to the report (HX-Redirect). */
    @GetMapping("/imports/uploads/{id}/progress")
    ModelAndView progress(@PathVariable String id, HttpServletResponse response) {
        ImportUploads.Upload upload = find(id);
        if (upload.state() == ImportUploads.State.DONE) {
            response.setHeader("HX-Redirect", "/imports/" + upload.importId());
        }
        ModelAndView view = new ModelAndView("docket/upload-progress :: progress");
        view.addObject("upload", upload);
        return view;
    }

    private ImportUploads.Upload find(String id) {
        return uploads.find(id).orElseThrow(() -> new NotFound("no upload " + id + " of yours"));
    }

    private static ModelAndView form(Map<String, String> typed, String errorField, String error) {
        ModelAndView view = new ModelAndView("docket/upload");
        view.addObject("typed", typed);
        view.addObject("errorField", errorField);
        view.addObject("error", error);
        return view;
    }

    private static boolean given(MultipartFile file) {
        return file != null && !file.isEmpty();
    }

    private static LocalDate release(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw new BadInput("asOfRelease", "'" + value + "' is not a date (yyyy-MM-dd)");
        }
    }

    private static ModelAndView redirect(String to) {
        RedirectView view = new RedirectView(to, true);
        view.setExposeModelAttributes(false);
        return new ModelAndView(view);
    }
}
