package org.caseops.notice;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.LocalDate;
import org.caseops.access.Allow;
import org.caseops.access.Role;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Call-in letters: print a field office's batch, read a batch (JSON, PDF, CSV) and a letter, record delivery. */
@RestController
class LetterController {

    private final Letters letters;

    LetterController(Letters letters) {
        this.letters = letters;
    }

    record PrintBatch(@NotBlank String fieldOffice, @NotNull LocalDate printDate, @NotNull LocalDate reportBy) {
    }

    record StatusChange(@NotNull LetterStatus status, @NotNull LocalDate on, @NotNull Integer version) {
    }

    /** Prints the letters of the field office's executable families (a supervisor or director of that office). */
    @Allow({Role.SUPERVISOR, Role.DIRECTOR})
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/letter-batches")
    ResponseEntity<Letters.Batch> print(@RequestBody PrintBatch request) {
        Letters.Batch batch = letters.print(request.fieldOffice(), request.printDate(), request.reportBy());
        return ResponseEntity.created(URI.create("/api/letter-batches/" + batch.id())).body(batch);
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY})
    @GetMapping("/api/letter-batches/{id}")
    Letters.Batch batch(@PathVariable long id) {
        return letters.batch(id);
    }

    /** The batch as one printable PDF. */
    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR})
    @GetMapping("/api/letter-batches/{id}/pdf")
    ResponseEntity<byte[]> batchPdf(@PathVariable long id) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "attachment; filename=\"letters-" + id + ".pdf\"")
                .body(letters.batchPdf(id));
    }

    /** The batch for a mail house: one CSV line per letter. */
    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR})
    @GetMapping("/api/letter-batches/{id}/csv")
    ResponseEntity<String> batchCsv(@PathVariable long id) {
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"letters-" + id + ".csv\"")
                .body(letters.batchCsv(id));
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY})
    @GetMapping("/api/letters/{reference}")
    Letters.Letter letter(@PathVariable String reference) {
        return letters.read(reference);
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY})
    @GetMapping("/api/letters/{reference}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String reference) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).body(letters.pdf(reference));
    }

    /** Records that the letter was sent, delivered or returned; 409 on a stale version or a repeated change. */
    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR})
    @PostMapping("/api/letters/{reference}/status")
    Letters.Letter status(@PathVariable String reference, @RequestBody StatusChange change) {
        return letters.setStatus(reference, change.status(), change.on(), change.version());
    }
}
