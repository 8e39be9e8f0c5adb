package org.caseops.access;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Password sign-in with throttling: after {@code caseops.auth.max-failed-logins} wrong passwords in a row the account
 * refuses sign-in for {@code caseops.auth.lock-duration}, right password or not (the lock is checked before the
 * password, so a locked account tells nothing about guesses). Every failure and lock is audited.
 */
final class ThrottledSignIn extends DaoAuthenticationProvider {

    private final Users users;
    private final Access access;

    ThrottledSignIn(UserDetailsService details, PasswordEncoder encoder, Users users, Access access) {
        super(encoder);
        setUserDetailsService(details);
        this.users = users;
        this.access = access;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName();
        if (authentication.getCredentials() instanceof String password && Users.tooLong(password)) {
            // BCrypt refuses to hash it: a wrong password like any other (the form), never a 500
            authentication = org.springframework.security.authentication.UsernamePasswordAuthenticationToken
                    .unauthenticated(username, "\u0000" + "x".repeat(Users.MAX_PASSWORD_BYTES - 1));
        }
        try {
            Authentication signedIn = super.authenticate(authentication);
            users.loginSucceeded(username);
            access.recordAnonymous(username, "SIGNED_IN", null);
            return signedIn;
        } catch (BadCredentialsException e) {
            boolean locked = users.loginFailed(username);
            access.recordAnonymous(username, locked ? "SIGN_IN_LOCKED" : "SIGN_IN_FAILED", null);
            throw e;
        } catch (LockedException e) {
            access.recordAnonymous(username, "SIGN_IN_REFUSED_LOCKED", null);
            throw e;
        }
    }
}
