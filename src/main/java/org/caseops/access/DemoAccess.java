package org.caseops.access;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo mode: one user per role, named after the role ({@code officer} … {@code admin}), the field-office roles and
 * counsel in Houston, plus {@code officer.chicago}; {@code partner} belongs to a synthetic Houston police department
 * whose agreement grants case status and person records in Houston. The password is {@code CASEOPS_DEMO_PASSWORD},
 * or a random one printed once at this start (and set again at every start). Outside demo mode there are no default
 * users. (The demo's cooperation policies are jurisdiction's: {@code DemoPolicies}.)
 */
@Component
@Order(0)
@ConditionalOnExpression("${caseops.demo:false} or ${caseops.demo-users:false}")
class DemoAccess implements ApplicationRunner {

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

    private final Users users;
    private final Partners partners;
    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final AuthProperties settings;
    private final TransactionTemplate transaction;

    DemoAccess(Users users, Partners partners, JdbcClient jdbc, PasswordEncoder encoder, AuthProperties settings,
            TransactionTemplate transaction) {
        this.users = users;
        this.partners = partners;
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.settings = settings;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean given = settings.demoPassword() != null && !settings.demoPassword().isBlank();
        String password = given ? settings.demoPassword() : Users.randomPassword(16);
        transaction.executeWithoutResult(status -> create(password));
        if (given) {
            log.info("Demo users {} sign in with CASEOPS_DEMO_PASSWORD", USERS.stream().map(DemoUser::username).toList());
        } else {
            String line = "Demo users " + USERS.stream().map(DemoUser::username).toList()
                    + " sign in with the password " + password + " (this run only; set CASEOPS_DEMO_PASSWORD to choose one)";
            log.warn(line);
        }
    }

    private void create(String password) {
        long partnerId = partners.agencies().stream().filter(a -> a.name().equals(PARTNER_AGENCY)).findFirst()
                .orElseGet(() -> {
                    Partners.Agency agency = partners.addAgency(PARTNER_AGENCY, Partners.Kind.POLICE, "Houston, TX");
                    partners.addAgreement(agency.id(), new Partners.NewAgreement(HOME_OFFICE,
                            EnumSet.allOf(PartnerScope.class), "DEMO-MOU-1", LocalDate.of(2019, 1, 1), null),
                            "demo");
                    return agency;
                }).id();
        List<String> existing = new java.util.ArrayList<>();
        for (DemoUser user : USERS) {
            if (users.find(user.username()).isEmpty()) {
                users.add(new Users.NewUser(user.username(), "Demo " + user.role().name().toLowerCase(), user.role(),
                        user.office(), user.role() == Role.PARTNER ? partnerId : null, password), "demo");
            } else {
                existing.add(user.username());
            }
        }
        // The demo users share this run's password: one (deliberately slow) hash for all of them, not one each, so
        // that a restart on an existing demo home does not spend seconds hashing (issue 12, start-up)
        if (!existing.isEmpty()) {
            jdbc.sql("update app_user set password_hash = ? where username = any(?::text[])")
                    .params(encoder.encode(password), existing.toArray(String[]::new)).update();
        }
    }

}
