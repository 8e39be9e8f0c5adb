package org.caseops.access;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.caseops.system.BadInput;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Signing in from scripts, and who the caller is. */
@RestController
class AuthController {

    private final AuthenticationManager passwords;
    private final Tokens tokens;
    private final AuthProperties settings;
    private final Access access;
    private final UserAdministration administration;

    AuthController(AuthenticationManager passwords, Tokens tokens, AuthProperties settings, Access access,
            UserAdministration administration) {
        this.passwords = passwords;
        this.tokens = tokens;
        this.settings = settings;
        this.access = access;
        this.administration = administration;
    }

    /** The password: at most 72 bytes in UTF-8 (BCrypt reads no more), so at most 72 characters. */
    record Credentials(@Size(min = 1, max = 64) @NotBlank String username, @Size(min = 1,
            max = 72) @NotEmpty String password) {
    }

    record TokenResponse(String token, String tokenType, Instant expiresAt) {
    }

    /**
     * Exchanges a user name and password for a short-lived bearer token ({@code caseops.auth.session-token},
     * default one hour). Wrong passwords count towards the sign-in lock like the form's. A wrong password is a 401.
     */
    @Public
    @PostMapping("/api/auth/token")
    TokenResponse token(@RequestBody Credentials credentials) {
        if (credentials.username() == null || credentials.username().isBlank()) {
            throw new BadInput("username", "username is required");
        }
        if (credentials.password() == null || credentials.password().isEmpty()) {
            throw new BadInput("password", "password is required");
        }
        if (credentials.username().length() > 64) {
            throw new BadInput("username", "a user name has at most 64 characters");
        }
        if (Users.tooLong(credentials.password())) {
            throw new BadInput("password", "a password has at most " + Users.MAX_PASSWORD_BYTES
                    + " bytes in UTF-8");
        }
        Authentication signedIn = passwords.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated(credentials.username(), credentials.password()));
        Tokens.Issued issued = tokens.issue(signedIn.getName(), Tokens.Kind.SESSION, "api/auth/token",
                settings.sessionToken());
        return new TokenResponse(issued.token(), "Bearer", issued.expiresAt());
    }

    record NewToken(@Size(max = 200) String name, Integer days) {
    }

    /**
     * Creates a personal access token for the caller (scripts, nightly imports); shown once. Only the caller makes
     * their own: a token acts, and is audited, as its user.
     */
    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.ATTORNEY, Role.DIRECTOR, Role.AUDITOR, Role.PARTNER, Role.ADMIN})
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/me/tokens")
    ResponseEntity<Tokens.Issued> issue(@RequestBody NewToken request) {
        Tokens.Issued issued = administration.issuePersonalToken(request.name(), request.days());
        return ResponseEntity.created(URI.create("/api/me/tokens")).body(issued);
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.ATTORNEY, Role.DIRECTOR, Role.AUDITOR, Role.PARTNER, Role.ADMIN})
    @GetMapping("/api/me/tokens")
    java.util.List<Tokens.Listed> myTokens() {
        return tokens.of(access.actor().username());
    }

    record Me(String username, Role role, String fieldOffice, Long partnerId, Map<String, Set<PartnerScope>> grants) {
    }

    /** The caller as CaseOps sees them on this request: role, field office, and a partner's grants in force. */
    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.ATTORNEY, Role.DIRECTOR, Role.AUDITOR, Role.PARTNER, Role.ADMIN})
    @GetMapping("/api/me")
    Me me() {
        Actor actor = access.actor();
        return new Me(actor.username(), actor.role(), actor.fieldOffice(), actor.partnerId(), actor.grants());
    }
}
