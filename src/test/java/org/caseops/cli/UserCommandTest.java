package org.caseops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.caseops.fixtures.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code caseops user ...}: how an installation without demo users gets its first administrator. */
class UserCommandTest {

    @TempDir
    Path home;

    @Test
    void adds_an_administrator_with_a_generated_password_lists_it_and_refuses_bad_input() throws Exception {
        Run added = caseops("user", "add", "chief", "--role", "ADMIN");
        assertThat(added.exit).as(added.output).isZero();
        Matcher password = Pattern.compile("Password \\(shown once\\): (\\S+)").matcher(added.output);
        assertThat(password.find()).as(added.output).isTrue();
        assertThat(password.group(1)).hasSize(20);

        Run refused = caseops("user", "add", "line.officer", "--role", "OFFICER", "--field-office", "XYZ");
        assertThat(refused.exit).isEqualTo(UserCommand.REFUSED);
        assertThat(refused.output).contains("Refused: no field office with code 'XYZ'");

        Run token = caseops("user", "token", "chief", "--days", "7");
        assertThat(token.exit).as(token.output).isZero();
        assertThat(token.output).containsPattern("cop_[A-Za-z0-9_-]{43}");

        Run listed = caseops("user", "list");
        assertThat(listed.output).containsPattern("chief\\s+ADMIN\\s+-\\s+enabled").doesNotContain("line.officer");
    }

    record Run(int exit, String output) {
    }

    private Run caseops(String... args) throws Exception {
        try (ChildJvm child = ChildJvm.start(Main.class, Map.of("CASEOPS_HOME", home.toString()), args)) {
            int exit = child.waitFor(Duration.ofMinutes(2));
            return new Run(exit, child.output());
        }
    }
}
