package org.caseops.operation;

import java.net.URI;
import org.caseops.access.Allow;
import org.caseops.access.Role;
import org.caseops.system.ReplicaRead;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** An operation's congressional notification package (JSON, PDF) and its record as sent ({@link CongressionalNotifications}). */
@RestController
class NotificationController {

    private final CongressionalNotifications notifications;

    NotificationController(CongressionalNotifications notifications) {
        this.notifications = notifications;
    }

    @Allow({Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY, Role.AUDITOR})
    @ReplicaRead
    @GetMapping("/api/operations/{id}/congressional-notification")
    CongressionalNotifications.Package read(@PathVariable long id) {
        return notifications.read(id);
    }

    @Allow({Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY, Role.AUDITOR})
    @ReplicaRead
    @GetMapping("/api/operations/{id}/congressional-notification.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"operation-" + id
                        + "-congressional-notification.pdf\"")
                .body(notifications.pdf(id));
    }

    @Allow({Role.SUPERVISOR, Role.DIRECTOR})
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/operations/{id}/congressional-notification/sent")
    ResponseEntity<CongressionalNotifications.Package> sent(@PathVariable long id,
            @RequestBody(required = false) CongressionalNotifications.NewSent request) {
        return ResponseEntity.created(URI.create("/api/operations/" + id + "/congressional-notification"))
                .body(notifications.recordSent(id, request));
    }
}
