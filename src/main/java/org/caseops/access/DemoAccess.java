package org.caseops.access;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.caseops.system.CaseOpsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo mode: one user per role, named after the role ({@code officer} … {@code admin}), the field-office roles and
 * counsel in Houston, plus {@code officer.chicago}; {@code partner} belongs to a synthetic Houston police department
 * whose agreement grants case status and person records in Houston. Their password is {@code CASEOPS_DEMO_PASSWORD},
 * or else the one kept in {@code CASEOPS_HOME/demo-password} ({@link DemoPassword}: generated on the home's first
 * demo start, owner-only), so that it stays the same from one start of the home to the next (issue 14). It is printed
 * in a box once the server is ready, at every start. A demo user whose stored password is not the demo password (the
 * file was removed, the variable set or changed) gets it again; the others are left alone, which spares a start the
 * (deliberately slow) hashing. Outside demo mode there are no default users. (The demo's cooperation policies are
 * jurisdiction's: {@code DemoPolicies}.)
 */
@Component
@Order(0)
@ConditionalOnExpression("${caseops.demo:false} or ${caseops.demo-users:false}")
class DemoAccess implements ApplicationRunner, ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(DemoAccess.class);
    static final String PARTNER_AGENCY = "Houston Police Department (synthetic demo partner)";
    static final String HOME_OFFICE = "HOU";

    private record DemoUser(String username, Role role, String office) {
    }

    private static final List<DemoUser> USERS = List.of(
            new DemoUser("officer", Role.OFFICER, HOME_OFFICE),
            new DemoUser("supervisor", Role.SUPERVISOR, HOME_OFFICE),
            new DemoUser("attorney", Role.ATTORNEY, HOME_OFFICE),
            new DemoUser("director", Role.DIRECTOR, HOME_OFFICE),
            new DemoUser("auditor", Role.AUDITOR, null),
            new DemoUser("partner", Role.PARTNER, null),
            new DemoUser("admin", Role.ADMIN, null),
            new DemoUser("officer.chicago", Role.OFFICER, "CHI"));

    /** What a start did to the demo users: added, given the demo password again, left as they were. */
    record Outcome(List<String> added, List<String> reset, List<String> unchanged) {
    }

    private final Users users;
    private final Partners partners;
    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final AuthProperties settings;
    private final TransactionTemplate transaction;
    private final CaseOpsProperties properties;
    private final Environment environment;
    private volatile DemoPassword password;
    private volatile Outcome outcome;

    DemoAccess(Users users, Partners partners, JdbcClient jdbc, PasswordEncoder encoder, AuthProperties settings,
            TransactionTemplate transaction, CaseOpsProperties properties, Environment environment) {
        this.users = users;
        this.partners = partners;
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.settings = settings;
        this.transaction = transaction;
        this.properties = properties;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        DemoPassword demo = DemoPassword.resolve(settings.demoPassword(), properties.home());
        outcome = transaction.execute(status -> create(demo.password()));
        password = demo;
        log.info("Demo users: {} added, {} given the demo password again, {} unchanged{}", outcome.added().size(),
                outcome.reset().size(), outcome.unchanged().size(),
                demo.created() ? "; new demo password kept in " + demo.file() : "");
    }

    /** What the last run did (tests). */
    Outcome outcome() {
        return outcome;
    }

    /** Once the server answers: the address, the users and the password, in a box at the end of the start's log. */
    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        DemoPassword demo = password;
        if (demo == null) {
            return;
        }
        log.info(banner(demo, environment.getProperty("local.server.port")));
    }

    static String banner(DemoPassword demo, String port) {
        String rule = "=".repeat(100);
        StringBuilder text = new StringBuilder("\n").append(rule).append('\n');
        text.append(port == null ? "  CaseOps demo users are ready.\n"
                : "  CaseOps demo is ready: http://localhost:" + port + "/\n");
        text.append("  Sign in as ").append(String.join(", ", USERS.stream().map(DemoUser::username).toList()))
                .append('\n');
        if (demo.given()) {
            text.append("  with the password in CASEOPS_DEMO_PASSWORD.\n");
        } else {
            text.append("  with the password:   ").append(demo.password()).append('\n');
            text.append("  (kept in ").append(demo.file())
                    .append(", the same at every start of this home; set CASEOPS_DEMO_PASSWORD to choose one)\n");
        }
        return text.append(rule).toString();
    }

    private Outcome create(String password) {
        long partnerId = partners.agencies().stream().filter(a -> a.name().equals(PARTNER_AGENCY)).findFirst()
                .orElseGet(() -> {
                    Partners.Agency agency = partners.addAgency(PARTNER_AGENCY, Partners.Kind.POLICE, "Houston, TX");
                    partners.addAgreement(agency.id(), new Partners.NewAgreement(HOME_OFFICE,
                            EnumSet.allOf(PartnerScope.class), "DEMO-MOU-1", LocalDate.of(2019, 1, 1), null),
                            "demo");
                    return agency;
                }).id();
        String[] names = USERS.stream().map(DemoUser::username).toArray(String[]::new);
        Map<String, String> hashes = new HashMap<>();
        jdbc.sql("select username, password_hash from app_user where username = any(?::text[])").param(names)
                .query((rs, n) -> hashes.put(rs.getString(1), rs.getString(2))).list();
        List<String> added = new ArrayList<>();
        for (DemoUser user : USERS) {
            if (!hashes.containsKey(user.username())) {
                // without a password here: all of them get the one hash below
                users.add(new Users.NewUser(user.username(), "Demo " + user.role().name().toLowerCase(), user.role(),
                        user.office(), user.role() == Role.PARTNER ? partnerId : null, null), "demo");
                added.add(user.username());
            }
        }
        // One check per distinct stored hash (the demo users share one): a restart with the same password hashes
        // nothing; the users whose password is another get this one, with one (deliberately slow) hash for all.
        Map<String, Boolean> matches = new HashMap<>();
        List<String> reset = new ArrayList<>();
        List<String> toSet = new ArrayList<>(added);
        List<String> unchanged = new ArrayList<>();
        for (DemoUser user : USERS) {
            String hash = hashes.get(user.username());
            if (hash == null) {
                continue;
            }
            if (matches.computeIfAbsent(hash, h -> encoder.matches(password, h))) {
                unchanged.add(user.username());
            } else {
                reset.add(user.username());
            }
        }
        toSet.addAll(reset);
        if (!toSet.isEmpty()) {
            jdbc.sql("update app_user set password_hash = ? where username = any(?::text[])")
                    .params(encoder.encode(password), toSet.toArray(String[]::new)).update();
        }
        return new Outcome(List.copyOf(added), List.copyOf(reset), List.copyOf(unchanged));
    }
}
