package org.caseops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code caseops user ...}: how an installation without demo users gets its first administrator. */
class UserCommandTest {

    @TempDir
    Path home;

    @Test
    void adds_an_administrator_with_a_generated_password_lists_it_and_refuses_bad_input() throws Exception {
        // the four commands one after another in one JVM (Commands), each with its own context and database start
        List<Commands.Run> runs = Commands.run(Map.of("CASEOPS_HOME", home.toString()), Duration.ofMinutes(2),
                List.of("user", "add", "chief", "--role", "ADMIN"),
                List.of("user", "add", "line.officer", "--role", "OFFICER", "--field-office", "XYZ"),
                List.of("user", "token", "chief", "--days", "7"),
                List.of("user", "list"));
        Commands.Run added = runs.get(0);
        assertThat(added.exit()).as(added.output()).isZero();
        Matcher password = Pattern.compile("Password \\(shown once\\): (\\S+)").matcher(added.output());
        assertThat(password.find()).as(added.output()).isTrue();
        assertThat(password.group(1)).hasSize(20);

        Commands.Run refused = runs.get(1);
        assertThat(refused.exit()).isEqualTo(UserCommand.REFUSED);
        assertThat(refused.output()).contains("Refused: no field office with code 'XYZ'");

        Commands.Run token = runs.get(2);
        assertThat(token.exit()).as(token.output()).isZero();
        assertThat(token.output()).containsPattern("cop_[A-Za-z0-9_-]{43}");

        Commands.Run listed = runs.get(3);
        assertThat(listed.output()).containsPattern("chief\\s+ADMIN\\s+-\\s+enabled").doesNotContain("line.officer");
    }
}
