package org.caseops.access;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in settings ({@code caseops.auth.*}, docs/access.md).
 *
 * @param maxFailedLogins  consecutive wrong passwords after which sign-in is refused for {@code lockDuration}
 * @param lockDuration     how long sign-in stays refused
 * @param sessionToken     lifetime of a token from {@code POST /api/auth/token}
 * @param personalToken    default lifetime of a personal access token an administrator creates
 * @param oidc             an OIDC provider whose JWTs are accepted as bearer tokens (off when the issuer is blank)
 * @param demoPassword     the demo users' password ({@code CASEOPS_DEMO_PASSWORD}); random when blank
 */
@ConfigurationProperties(prefix = "caseops.auth")
public record AuthProperties(Integer maxFailedLogins, Duration lockDuration, Duration sessionToken,
        Duration personalToken, Oidc oidc, String demoPassword) {

    public AuthProperties {
        maxFailedLogins = maxFailedLogins == null ? 5 : maxFailedLogins;
        lockDuration = lockDuration == null ? Duration.ofMinutes(15) : lockDuration;
        sessionToken = sessionToken == null ? Duration.ofHours(1) : sessionToken;
        personalToken = personalToken == null ? Duration.ofDays(90) : personalToken;
        oidc = oidc == null ? new Oidc(null, null) : oidc;
    }

    /**
     * @param issuerUri     e.g. {@code https://keycloak.example/realms/caseops}
     * @param usernameClaim the claim holding the CaseOps user name (default {@code preferred_username})
     */
    public record Oidc(String issuerUri, String usernameClaim) {
        public boolean enabled() {
            return issuerUri != null && !issuerUri.isBlank();
        }

        public String claim() {
            return usernameClaim == null || usernameClaim.isBlank() ? "preferred_username" : usernameClaim;
        }
    }
}
