package org.caseops.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14: the demo password does not change on every restart of the same home; CASEOPS_DEMO_PASSWORD wins. */
class DemoPasswordTest {

    @TempDir
    Path home;

    @Test
    void the_first_demo_start_of_a_home_keeps_a_new_password_owner_only_and_the_next_reads_it() throws Exception {
        DemoPassword first = DemoPassword.resolve(null, home);
        assertThat(first.created()).isTrue();
        assertThat(first.given()).isFalse();
        assertThat(first.password()).hasSize(16);
        assertThat(first.file()).isEqualTo(home.resolve("demo-password"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(first.file()))).isEqualTo("rw-------");

        DemoPassword again = DemoPassword.resolve("", home);
        assertThat(again.created()).isFalse();
        assertThat(again.password()).isEqualTo(first.password());
        assertThat(again.toString()).doesNotContain(first.password());
    }

    @Test
    void the_variable_wins_and_leaves_the_home_alone() {
        DemoPassword given = DemoPassword.resolve("chosen-by-me-2019", home);
        assertThat(given.given()).isTrue();
        assertThat(given.password()).isEqualTo("chosen-by-me-2019");
        assertThat(home.resolve("demo-password")).doesNotExist();
    }

    @Test
    void a_file_others_could_read_is_made_owner_only_and_an_empty_one_gets_a_new_password() throws Exception {
        Files.writeString(home.resolve("demo-password"), "kept-from-before\n");
        Files.setPosixFilePermissions(home.resolve("demo-password"), PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(DemoPassword.resolve(null, home).password()).isEqualTo("kept-from-before");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("demo-password"))))
                .isEqualTo("rw-------");

        Files.writeString(home.resolve("demo-password"), "\n");
        DemoPassword fresh = DemoPassword.resolve(null, home);
        assertThat(fresh.created()).isTrue();
        assertThat(fresh.password()).hasSize(16);
    }

    @Test
    void the_banner_names_the_address_the_users_and_the_password_or_where_it_comes_from() {
        DemoPassword kept = DemoPassword.resolve(null, home);
        String banner = DemoAccess.banner(kept, "8080");
        assertThat(banner).contains("http://localhost:8080/", "officer, supervisor, attorney, director, auditor, "
                + "partner, admin, officer.chicago", kept.password(), home.resolve("demo-password").toString(),
                "CASEOPS_DEMO_PASSWORD");
        String given = DemoAccess.banner(DemoPassword.resolve("chosen-by-me-2019", home), "8080");
        assertThat(given).contains("the password in CASEOPS_DEMO_PASSWORD").doesNotContain("chosen-by-me-2019");
    }
}
