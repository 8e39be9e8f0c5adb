package org.caseops.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Who may come in (docs/access.md). One filter chain:
 * <ul>
 * <li>Browsers sign in with a form; the session id changes at sign-in; CSRF tokens guard every state change made
 *     with the session cookie; repeated wrong passwords lock sign-in for a while ({@link ThrottledSignIn}).</li>
 * <li>Scripts send {@code Authorization: Bearer} with a CaseOps token ({@link Tokens}) or, when
 *     {@code caseops.auth.oidc.issuer-uri} is set, a JWT of that provider whose user name claim names a CaseOps
 *     user. Bearer requests carry no cookie, so they need no CSRF token.</li>
 * <li>Whatever signed the user in, {@link ActorFilter} reads the user from the database on every request and
 *     {@link AccessInterceptor} checks the endpoint's {@link Allow}.</li>
 * </ul>
 * Under {@code /api}, a missing or bad sign-in is a 401 and a refusal a 403, both as RFC 9457 problem details;
 * pages send the browser to the sign-in form instead.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfig {

    private static final RequestMatcher API = new AntPathRequestMatcher("/api/**");
    private static final RequestMatcher SIGN_IN = new AntPathRequestMatcher("/login", "POST");
    private static final RequestMatcher SWAGGER = new AntPathRequestMatcher("/swagger-ui/**");

    /**
     * Pages load scripts and styles from CaseOps only, never inline (templates carry no inline script or style), and
     * no page may be framed.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    /** Swagger UI sets inline styles; it runs no inline script either. */
    static final String SWAGGER_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY
            .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

    @Bean
    PasswordEncoder passwordEncoder() {
        // BCrypt today, recognisable by its {bcrypt} prefix, so a later encoder (Argon2) can take over on re-hash.
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService userDetailsService(Users users) {
        return username -> users.credentials(username)
                .filter(c -> c.passwordHash() != null)
                .map(c -> User.withUsername(c.username()).password(c.passwordHash())
                        .disabled(!c.enabled()).accountLocked(c.locked(java.time.Instant.now()))
                        .authorities(c.role().authority()).build())
                .orElseThrow(() -> new UsernameNotFoundException("no user " + username));
    }

    /** Passwords (form and {@code POST /api/auth/token}), throttled. */
    @Bean
    AuthenticationManager authenticationManager(UserDetailsService details, PasswordEncoder encoder, Users users,
            Access access) {
        return new ProviderManager(new ThrottledSignIn(details, encoder, users, access));
    }

    /**
     * A request the firewall refuses (an encoded NUL, {@code ..} or {@code //} in its path, a malformed header): a
     * 400 problem detail, written here, since an error page would be refused by the same firewall.
     */
    @Bean
    RequestRejectedHandler requestRejected(ObjectMapper json) {
        return (request, response, e) -> {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "the request is malformed: " + e.getMessage());
            problem.setTitle("Bad input");
            problem.setType(java.net.URI.create("https://caseops.example/problems/bad-input"));
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), problem);
        };
    }

    @Bean
    AccessInterceptor accessInterceptor(Access access) {
        return new AccessInterceptor(access);
    }

    @Bean
    WebMvcConfigurer accessChecks(AccessInterceptor interceptor) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(interceptor);
            }

            @Override
            public void extendHandlerExceptionResolvers(
                    List<org.springframework.web.servlet.HandlerExceptionResolver> resolvers) {
                resolvers.add(0, interceptor.new RefusalAudit());
            }
        };
    }

    @Bean
    SecurityFilterChain filterChain(HttpSecurity http, AuthenticationManager passwords, Tokens tokens, Users users,
            AuthProperties settings, ObjectMapper json, Access access,
            @org.springframework.beans.factory.annotation.Value("${caseops.auth.refusals-audited-per-minute:20}")
            int refusalsPerMinute) throws Exception {
        Refusals refusals = new Refusals(access, refusalsPerMinute);
        AuthenticationEntryPoint apiEntry = (request, response, e) -> {
            refusals.refused(request, HttpStatus.UNAUTHORIZED.value(), e.getMessage());
            problem(json, response, HttpStatus.UNAUTHORIZED,
                    "Sign in: send Authorization: Bearer <token> (POST /api/auth/token)", true);
        };
        AuthenticationEntryPoint pageEntry = new LoginUrlAuthenticationEntryPoint("/login");
        AuthenticationEntryPoint entry = (request, response, e) -> (API.matches(request) ? apiEntry : pageEntry)
                .commence(request, response, e);
        AccessDeniedHandler pageDenied = new AccessDeniedHandlerImpl();
        AccessDeniedHandler denied = (request, response, e) -> {
            refusals.refused(request, HttpStatus.FORBIDDEN.value(), e.getMessage());
            if (API.matches(request)) {
                problem(json, response, HttpStatus.FORBIDDEN, e.getMessage(), false);
            } else {
                pageDenied.handle(request, response, e);
            }
        };
        AuthenticationManager bearer = bearerManager(tokens, settings);
        SimpleUrlAuthenticationFailureHandler failed = new SimpleUrlAuthenticationFailureHandler("/login?error");

        HttpSessionRequestCache pagesOnly = new HttpSessionRequestCache();
        pagesOnly.setRequestMatcher(new NegatedRequestMatcher(API));

        http.authorizeHttpRequests(authorize -> authorize
                        // the second dispatch of a streamed or failed response: the first one was authorized
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                        .requestMatchers("/login", "/error", "/api/auth/token", "/api/locator", "/locator",
                                "/api/reports/public-statistics", "/public/statistics", "/actuator/health/**",
                                "/actuator/health", "/v3/api-docs/**", "/v3/api-docs", "/swagger-ui/**",
                                "/swagger-ui.html", "/css/**", "/js/**", "/webjars/**", "/favicon.ico").permitAll()
                        .anyRequest().authenticated())
                .authenticationManager(passwords)
                .formLogin(form -> form.loginPage("/login").failureHandler(failed)
                        .successHandler(new SignedIn()).permitAll())
                .requestCache(cache -> cache.requestCache(pagesOnly))
                .logout(logout -> logout.logoutSuccessUrl("/login?signedOut"))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                // CSRF guards what a browser sends with its session cookie
                .csrf(csrf -> csrf.ignoringRequestMatchers(SecurityConfig::withoutAmbientCredentials,
                        new AntPathRequestMatcher("/api/auth/token", "POST")))
                .oauth2ResourceServer(resource -> resource.authenticationManagerResolver(request -> bearer)
                        .authenticationEntryPoint(apiEntry).accessDeniedHandler(denied))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entry)
                        .accessDeniedHandler(denied))
                // nosniff, X-Frame-Options DENY and no-store are Spring Security's defaults; HSTS goes out on
                // requests that came over TLS (directly, or through a proxy's X-Forwarded-Proto: see
                // server.forward-headers-strategy), never over plain HTTP
                .headers(headers -> headers
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true)
                                .maxAgeInSeconds(365L * 24 * 3600))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(SWAGGER),
                                new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(SWAGGER,
                                new ContentSecurityPolicyHeaderWriter(SWAGGER_CONTENT_SECURITY_POLICY))))
                .addFilterBefore(new ActorFilter(users, entry), AuthorizationFilter.class);
        return http.build();
    }

    /**
     * Requests CSRF cannot abuse: those signed in by an {@code Authorization} header (a browser never adds one by
     * itself), and those with no session at all (nothing ambient to ride on) — except the sign-in form, which keeps
     * its token so that nobody can sign a victim's browser into another account.
     */
    private static boolean withoutAmbientCredentials(jakarta.servlet.http.HttpServletRequest request) {
        return request.getHeader("Authorization") != null
                || (request.getRequestedSessionId() == null && !SIGN_IN.matches(request));
    }

    /** CaseOps tokens first; OIDC JWTs when a provider is configured. */
    private static AuthenticationManager bearerManager(Tokens tokens, AuthProperties settings) {
        List<AuthenticationProvider> providers = new ArrayList<>();
        providers.add(new TokenSignIn(tokens));
        if (settings.oidc().enabled()) {
            JwtAuthenticationProvider jwt = new JwtAuthenticationProvider(
                    NimbusJwtDecoder.withIssuerLocation(settings.oidc().issuerUri()).build());
            JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
            converter.setPrincipalClaimName(settings.oidc().claim());
            jwt.setJwtAuthenticationConverter(converter);
            providers.add(jwt);
        }
        return new ProviderManager(providers);
    }

    /**
     * Accepts {@code cop_} tokens; leaves anything else to the next provider (a JWT, when OIDC is on). The token, its
     * user and a partner's grants are one query, on the request's one connection.
     */
    private record TokenSignIn(Tokens tokens) implements AuthenticationProvider {
        @Override
        public Authentication authenticate(Authentication authentication) {
            String token = ((BearerTokenAuthenticationToken) authentication).getToken();
            if (!token.startsWith(Tokens.PREFIX)) {
                return null;
            }
            Tokens.Bearer bearer = tokens.bearer(token)
                    .orElseThrow(() -> new BadCredentialsException("the token is unknown, expired or revoked"));
            if (!bearer.enabled()) {
                throw new DisabledException("user " + bearer.actor().username() + " is unknown or disabled");
            }
            // the user as this request's actor, read in the token's query: ActorFilter does not read it again
            return new ActorAuthentication(bearer.actor(), true);
        }

        @Override
        public boolean supports(Class<?> type) {
            return BearerTokenAuthenticationToken.class.isAssignableFrom(type);
        }
    }

    static void problem(ObjectMapper json, HttpServletResponse response, HttpStatus status, String detail,
            boolean challenge) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status == HttpStatus.UNAUTHORIZED ? "Not signed in" : "Forbidden");
        response.setStatus(status.value());
        if (challenge) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    /**
     * After a sign-in, on to the page asked for (or the start page) with the session's new CSRF token made now, in the
     * sign-in's own request. Spring Security makes it lazily, on the first page with a form: the first pages a browser
     * loads at once after the sign-in (tabs, a page and its fragments) each made one, the last saved won, and a form
     * of another of them was refused (SessionAttributesTest).
     */
    static final class SignedIn extends SavedRequestAwareAuthenticationSuccessHandler {
        @Override
        public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                Authentication authentication) throws ServletException, IOException {
            if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
                token.getToken();
            }
            super.onAuthenticationSuccess(request, response, authentication);
        }
    }
}
