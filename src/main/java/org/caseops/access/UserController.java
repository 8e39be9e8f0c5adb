package org.caseops.access;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Users and their personal access tokens: the administrator's work. */
@RestController
@Allow(Role.ADMIN)
class UserController {

    private final Users users;
    private final Tokens tokens;
    private final Access access;
    private final AuthProperties settings;

    UserController(Users users, Tokens tokens, Access access, AuthProperties settings) {
        this.users = users;
        this.tokens = tokens;
        this.access = access;
        this.settings = settings;
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

    record NewToken(String name, Integer days) {
    }

    /** Creates a personal access token for a user; the token is in this response only. */
    @PostMapping("/api/users/{username}/tokens")
    @Transactional
    ResponseEntity<Tokens.Issued> issue(@PathVariable String username, @RequestBody NewToken request) {
        Duration lifetime = request.days() == null ? settings.personalToken() : Duration.ofDays(request.days());
        Tokens.Issued issued = tokens.issue(username, Tokens.Kind.PERSONAL, request.name(), lifetime);
        access.audit("TOKEN_ISSUED", new Access.Subject("USER", username, null),
                "personal token " + issued.id() + " until " + issued.expiresAt());
        return ResponseEntity.created(URI.create("/api/users/" + username + "/tokens")).body(issued);
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
