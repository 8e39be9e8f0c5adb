package org.caseops.access;

import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
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
    private final Access access;
    UserController(Users users, Tokens tokens, Access access) {
        this.users = users;
        this.tokens = tokens;
        this.access = access;
    }

    @GetMapping("/api/users")
    List<Users.User> list() {
        return users.list();
    }

    @PostMapping("/api/users")
    @Transactional
    ResponseEntity<Users.User> add(@RequestBody Users.NewUser request) {
        Users.User user = users.add(request, access.actor().username());
        access.audit("USER_ADDED", new Access.Subject("USER", user.username(), user.fieldOffice()),
                "role " + user.role());
        return ResponseEntity.created(URI.create("/api/users/" + user.username())).body(user);
    }

    @GetMapping("/api/users/{username}")
    Users.User get(@PathVariable String username) {
        return users.find(username).orElseThrow(() -> new org.caseops.system.NotFound("no user " + username));
    }

    /** Disables a user: their open sessions and tokens are refused from their next request on. */
    @PostMapping("/api/users/{username}/disable")
    @Transactional
    Users.User disable(@PathVariable String username) {
        Users.User user = users.setEnabled(username, false);
        access.audit("USER_DISABLED", new Access.Subject("USER", username, user.fieldOffice()), null);
        return user;
    }

    @PostMapping("/api/users/{username}/enable")
    @Transactional
    Users.User enable(@PathVariable String username) {
        Users.User user = users.setEnabled(username, true);
        access.audit("USER_ENABLED", new Access.Subject("USER", username, user.fieldOffice()), null);
        return user;
    }

    @GetMapping("/api/users/{username}/tokens")
    List<Tokens.Listed> tokens(@PathVariable String username) {
        get(username);
        return tokens.of(username);
    }

    @PostMapping("/api/tokens/{id}/revoke")
    @Transactional
    ResponseEntity<Void> revoke(@PathVariable long id) {
        tokens.revoke(id);
        access.audit("TOKEN_REVOKED", new Access.Subject("TOKEN", String.valueOf(id), null), null);
        return ResponseEntity.noContent().build();
    }
}
