package org.caseops.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.caseops.access.Role;
import org.caseops.access.Tokens;
import org.caseops.access.Users;
import org.caseops.audit.AuditEvent;
import org.caseops.audit.AuditLog;
import org.caseops.system.BadInput;
import org.caseops.system.Conflict;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Users from the command line, for whoever runs the server: the first administrator of an installation is created
 * here, since outside demo mode there are no default users. Each change is audited as {@code cli:<os user>}.
 */
@Command(name = "user", mixinStandardHelpOptions = true,
        description = "Add, list and disable users; create personal access tokens (docs/access.md).",
        subcommands = {UserCommand.Add.class, UserCommand.List.class, UserCommand.Disable.class,
                UserCommand.Token.class})
final class UserCommand implements Runnable {

    /** Exit code when the input is refused (bad role, unknown field office, existing user). */
    static final int REFUSED = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    static String operator() {
        return Operator.name();
    }

    static void audit(ConfigurableApplicationContext context, String action, String username, String detail) {
        context.getBean(AuditLog.class).record(new AuditEvent(operator(), "CLI", null, action, "USER", username, null,
                null, detail));
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Create a user. Prints a generated "
            + "password once unless --password-stdin is given.")
    static final class Add implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "USERNAME", description = "lower-case letters, digits, '.', '_', '-'")
        String username;

        @Option(names = "--role", required = true, description = "one of ${COMPLETION-CANDIDATES}")
        Role role;

        @Option(names = "--field-office", paramLabel = "CODE", description = "e.g. HOU; required for OFFICER, "
                + "SUPERVISOR and DIRECTOR")
        String fieldOffice;

        @Option(names = "--partner-id", paramLabel = "ID", description = "the partner agency of a PARTNER user")
        Long partnerId;

        @Option(names = "--display-name", paramLabel = "NAME")
        String displayName;

        @Option(names = "--password-stdin", description = "read the password from the first line of standard input")
        boolean passwordFromStdin;

        @Option(names = "--no-password", description = "no password: the user signs in only through the OIDC "
                + "provider (docs/access.md)")
        boolean noPassword;

        @Override
        public Integer call() throws IOException {
            String password = noPassword ? null : passwordFromStdin
                    ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine()
                    : Users.randomPassword(20);
            try (ConfigurableApplicationContext context = Spring.startWithoutWeb()) {
                Users.User user = context.getBean(TransactionTemplate.class).execute(status -> {
                    Users.User added = context.getBean(Users.class).add(new Users.NewUser(username, displayName,
                            role, fieldOffice == null ? null : fieldOffice.toUpperCase(), partnerId, password),
                            operator());
                    audit(context, "USER_ADDED", added.username(), "role " + added.role());
                    return added;
                });
                System.out.printf("Added %s (%s%s)%n", user.username(), user.role(),
                        user.fieldOffice() == null ? "" : ", field office " + user.fieldOffice());
                if (password != null && !passwordFromStdin) {
                    System.out.println("Password (shown once): " + password);
                }
                return 0;
            } catch (BadInput | Conflict e) {
                System.err.println("Refused: " + e.getMessage());
                return REFUSED;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List users with role and field office.")
    static final class List implements Callable<Integer> {
        @Override
        public Integer call() {
            try (ConfigurableApplicationContext context = Spring.startWithoutWeb()) {
                for (Users.User user : context.getBean(Users.class).list()) {
                    System.out.printf("%-24s %-10s %-4s %s%n", user.username(), user.role(),
                            user.fieldOffice() == null ? "-" : user.fieldOffice(),
                            user.enabled() ? "enabled" : "disabled");
                }
                return 0;
            }
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true,
            description = "Disable a user: their sessions and tokens are refused from their next request on.")
    static final class Disable implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "USERNAME")
        String username;

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext context = Spring.startWithoutWeb()) {
                context.getBean(TransactionTemplate.class).executeWithoutResult(status -> {
                    context.getBean(Users.class).setEnabled(username, false);
                    audit(context, "USER_DISABLED", username, null);
                });
                System.out.println("Disabled " + username);
                return 0;
            } catch (org.caseops.system.NotFound e) {
                System.err.println("Refused: " + e.getMessage());
                return REFUSED;
            }
        }
    }

    @Command(name = "token", mixinStandardHelpOptions = true,
            description = "Create a personal access token for a user; printed once.")
    static final class Token implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "USERNAME")
        String username;

        @Option(names = "--days", defaultValue = "90", description = "lifetime in days (default ${DEFAULT-VALUE})")
        int days;

        @Option(names = "--name", description = "what the token is for")
        String name;

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext context = Spring.startWithoutWeb()) {
                Tokens.Issued issued = context.getBean(TransactionTemplate.class).execute(status -> {
                    Tokens.Issued token = context.getBean(Tokens.class).issue(username, Tokens.Kind.PERSONAL, name,
                            Duration.ofDays(days));
                    audit(context, "TOKEN_ISSUED", username, "personal token " + token.id());
                    return token;
                });
                System.out.println(issued.token());
                System.err.printf("Token %d for %s, valid until %s (shown once)%n", issued.id(), username,
                        issued.expiresAt());
                return 0;
            } catch (BadInput | org.caseops.system.NotFound e) {
                System.err.println("Refused: " + e.getMessage());
                return REFUSED;
            }
        }
    }

}
