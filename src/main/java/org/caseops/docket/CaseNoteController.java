package org.caseops.docket;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.caseops.access.Allow;
import org.caseops.access.Role;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Case notes through the API. Partners, auditors and administrators never see notes: a note is working material of
 * the field office and counsel, not part of what an agreement shares.
 */
@RestController
@RequestMapping("/api/people/{aNumber}/notes")
@Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY})
class CaseNoteController {

    private final CaseNotes notes;

    CaseNoteController(CaseNotes notes) {
        this.notes = notes;
    }

    record NewNote(@Size(min = 1, max = CaseNotes.MAX_LENGTH) @NotBlank String text) {
    }

    /** Adds a note (1 to 10,000 characters) in the caller's name; the caller must be allowed to change the record. */
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    ResponseEntity<CaseNotes.Note> add(@PathVariable String aNumber, @RequestBody NewNote request) {
        CaseNotes.Note note = notes.add(aNumber, request.text());
        return ResponseEntity.created(URI.create("/api/people/" + note.aNumber() + "/notes")).body(note);
    }

    /** The person's notes, oldest first; outside the caller's own field office, with a stated purpose. */
    @GetMapping
    List<CaseNotes.Note> list(@PathVariable String aNumber) {
        return notes.read(aNumber);
    }
}
