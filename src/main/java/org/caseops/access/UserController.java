package org.caseops.access;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.List;
import org.caseops.system.ReplicaRead;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Users, and oversight of their tokens: the administrator's work. An administrator lists and revokes tokens but never
 * creates one for someone else, since a token acts, and is audited, as its user ({@code POST /api/me/tokens}).
 */
@RestController
@Allow(Role.ADMIN)
class UserController {

    private final Users users;
    private final Tokens tokens;
    private final UserAdministration administration;

    UserController(Users users, Tokens tokens, UserAdministration administration) {
        this.users = users;
        this.tokens = tokens;
        this.administration = administration;
    }

    /** Users by user name, paged: {@code page} from 0, {@code size} 1 to 500 (default 50). */
    @ReplicaRead
    @GetMapping("/api/users")
    Users.UserPage list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        if (page < 0) {
            throw new org.caseops.system.BadInput("page", "must be 0 or more");
        }
        if (size < 1 || size > 500) {
            throw new org.caseops.system.BadInput("size", "must be between 1 and 500");
        }
        return users.page(page, size);
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/users")
    ResponseEntity<Users.User> add(@RequestBody Users.NewUser request) {
        Users.User user = administration.add(request);
        return ResponseEntity.created(URI.create("/api/users/" + user.username())).body(user);
    }

    @GetMapping("/api/users/{username}")
    Users.User get(@PathVariable String username) {
        return users.find(username).orElseThrow(() -> new org.caseops.system.NotFound("no user " + username));
    }

    /** Disables a user: their open sessions and tokens are refused from their next request on. */
    @PostMapping("/api/users/{username}/disable")
    Users.User disable(@PathVariable String username) {
        return administration.setEnabled(username, false);
    }

    /** What {@code POST /api/users/{username}/role} takes: the role and its field office or partner agency. */
    record Place(@NotNull Role role, String fieldOffice, Long partnerId) {
    }

    /**
     * Gives a user another role, field office or partner agency, from their next request on; not one's own, and
     * never the last enabled administrator's (409).
     */
    @PostMapping("/api/users/{username}/role")
    Users.User change(@PathVariable String username, @RequestBody(required = false) Place place) {
        if (place == null) {
            throw new org.caseops.system.BadInput("role", "a role is required: one of "
                    + java.util.EnumSet.allOf(Role.class));
        }
        return administration.change(username, place.role(),
                place.fieldOffice() == null || place.fieldOffice().isBlank() ? null
                        : place.fieldOffice().trim().toUpperCase(java.util.Locale.ROOT), place.partnerId());
    }

    @PostMapping("/api/users/{username}/enable")
    Users.User enable(@PathVariable String username) {
        return administration.setEnabled(username, true);
    }

    @GetMapping("/api/users/{username}/tokens")
    List<Tokens.Listed> tokens(@PathVariable String username) {
        get(username);
        return tokens.of(username);
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PostMapping("/api/tokens/{id}/revoke")
    ResponseEntity<Void> revoke(@PathVariable long id) {
        administration.revokeToken(id);
        return ResponseEntity.noContent().build();
    }
}
