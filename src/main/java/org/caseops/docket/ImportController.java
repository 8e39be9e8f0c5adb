package org.caseops.docket;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.caseops.access.Access;
import org.caseops.access.Allow;
import org.caseops.access.Role;
import org.caseops.system.BadInput;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

@RestController
@RequestMapping("/api/imports")
class ImportController {

    private final DocketImporter importer;
    private final ImportHistory history;
    private final Access access;

    ImportController(DocketImporter importer, ImportHistory history, Access access) {
        this.importer = importer;
        this.history = history;
        this.access = access;
    }

    /**
     * Imports a zip of EOIR tables ({@code eoir}) and/or a person file ({@code persons}); returns the report.
     * {@code asOfRelease} (ISO date) is the release date of the EOIR snapshot; without it, it is told from the files.
     */
    @Allow(Role.ATTORNEY)
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ImportReport> importFiles(@RequestPart(name = "eoir", required = false) MultipartFile eoir,
            @RequestPart(name = "persons", required = false) MultipartFile persons,
            @RequestParam(name = "asOfRelease", required = false)
            @org.springframework.format.annotation.DateTimeFormat(iso =
                    org.springframework.format.annotation.DateTimeFormat.ISO.DATE) java.time.LocalDate asOfRelease)
            throws IOException {
        if ((eoir == null || eoir.isEmpty()) && (persons == null || persons.isEmpty())) {
            throw new ImportRejected("send a zip of EOIR tables as 'eoir', a person file as 'persons', or both",
                    "eoir");
        }
        Path work = Files.createTempDirectory("caseops-import");
        try {
            Path eoirPath = save(eoir, work, "eoir.zip", "eoir");
            Path personsPath = save(persons, work, "persons.csv", "persons");
            ImportReport report = importer.importFiles(eoirPath, personsPath, access.actor().username(),
                    ImportProgress.NONE, asOfRelease);
            // The import commits in its own transaction; its audit entry follows it.
            access.audit("DOCKET_IMPORTED", new Access.Subject("IMPORT", String.valueOf(report.importId()), null),
                    report.tables().stream().map(t -> t.table() + " +" + t.inserted() + " ~" + t.updated() + " !"
                            + t.quarantined()).reduce((a, b) -> a + ", " + b).orElse(""));
            return ResponseEntity.created(URI.create("/api/imports/" + report.importId())).body(report);
        } finally {
            // only the two files this request wrote, then its own folder
            Files.deleteIfExists(work.resolve("eoir.zip"));
            Files.deleteIfExists(work.resolve("persons.csv"));
            Files.deleteIfExists(work);
        }
    }

    /**
     * Saves an upload under a fixed name in the import's own folder: the name the client gave is never used as a
     * path ({@code ..}, {@code /} or {@code .} would point outside the folder); it is kept only in messages.
     */
    private static Path save(MultipartFile part, Path work, String fixedName, String field) throws IOException {
        if (part == null || part.isEmpty()) {
            return null;
        }
        Path target = work.resolve(fixedName);
        try (InputStream in = part.getInputStream()) {
            Files.copy(in, target);
        }
        if (field.equals("eoir") && !looksLikeZip(target)) {
            throw new ImportRejected("'eoir' must be a zip of EOIR tables (" + shown(part.getOriginalFilename())
                    + " is not a zip file)", field);
        }
        return target;
    }

    /** An upload's own name as a message may show it: printable, at most 100 characters. */
    private static String shown(String name) {
        if (name == null || name.isBlank()) {
            return "the upload";
        }
        String printable = name.replaceAll("[^\\p{Print}]", "?");
        return "'" + (printable.length() > 100 ? printable.substring(0, 100) + "…" : printable) + "'";
    }

    private static boolean looksLikeZip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K';
        }
    }

    @Allow({Role.ATTORNEY, Role.AUDITOR, Role.ADMIN})
    @GetMapping
    List<ImportReport> recent(@RequestParam(defaultValue = "20") int limit) {
        return history.recent(Math.max(1, Math.min(limit, 200)));
    }

    @Allow({Role.ATTORNEY, Role.AUDITOR, Role.ADMIN})
    @GetMapping("/{id}")
    ImportReport report(@PathVariable long id) {
        return history.report(id).orElseThrow(() -> notFound(id));
    }

    /** Quarantined rows hold people's data as received: counsel only. */
    @Allow(Role.ATTORNEY)
    @GetMapping("/{id}/quarantine")
    ImportHistory.QuarantinePage quarantine(@PathVariable long id, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        if (history.report(id).isEmpty()) {
            throw notFound(id);
        }
        if (page < 0) {
            throw new BadInput("page", "must be 0 or more");
        }
        if (size < 1 || size > 1000) {
            throw new BadInput("size", "must be between 1 and 1000");
        }
        access.audit("QUARANTINE_READ", new Access.Subject("IMPORT", String.valueOf(id), null), "page " + page);
        return history.quarantine(id, page, size);
    }

    private static ResponseStatusException notFound(long id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no import " + id);
    }
}
