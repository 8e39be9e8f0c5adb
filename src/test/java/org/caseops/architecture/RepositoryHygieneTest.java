package org.caseops.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What a merge can leave behind: conflict markers in a committed file, and a Flyway migration numbered below one a
 * home may already have applied (Flyway then refuses to start on that home). Reads the repository with git.
 */
class RepositoryHygieneTest {

    static final String MIGRATIONS = "src/main/resources/db/migration";
    static final Pattern VERSION = Pattern.compile("(?:^|/)V(\\d+)__[^/]*\\.sql$");
    /**
     * Commits on main before this check existed. Their history holds renames made before any release and the
     * encounters migration (V22) landing after tasks (V23); Flyway's out-of-order setting lets a home that applied V23
     * first still apply V22 (docs/operations.md).
     */
    static final String CHECKED_SINCE = "806eba4";

    @Test
    void no_tracked_file_holds_merge_conflict_markers() throws IOException {
        Path top = repository();
        List<String> found = new ArrayList<>();
        for (String file : git(top, "ls-files")) {
            Path path = top.resolve(file);
            if (!Files.isRegularFile(path) || Files.size(path) > 5_000_000) {
                continue;
            }
            List<String> lines = Files.readAllLines(path, StandardCharsets.ISO_8859_1);
            for (int i = 0; i < lines.size(); i++) {
                if (conflictMarker(lines.get(i))) {
                    found.add(file + ":" + (i + 1));
                }
            }
        }
        assertThat(found).as("merge-conflict markers").isEmpty();
    }

    @Test
    void every_migration_a_commit_adds_is_numbered_above_every_migration_before_it() {
        Path top = repository();
        assumeTrue(!git(top, "cat-file", "-t", CHECKED_SINCE).isEmpty(),
                "the clone does not hold commit " + CHECKED_SINCE + " (shallow clone?): history not checked");
        List<String> commits = git(top, "rev-list", "--first-parent", "--reverse", CHECKED_SINCE + "..HEAD");
        List<String> problems = new ArrayList<>();
        for (String commit : commits) {
            problems.addAll(migrationsBelowTheHighest(top, commit + "^", commit));
        }
        // Uncommitted and unmerged work counts too: what the working tree adds to HEAD.
        problems.addAll(workingTreeBelowTheHighest(top));
        assertThat(problems).as("migrations added below the highest already on main").isEmpty();
    }

    @Test
    void the_check_finds_a_migration_added_below_the_highest() {
        List<Integer> before = List.of(1, 2, 23);
        assertThat(addedBelow(before, List.of(1, 2, 23, 22))).containsExactly(22);
        assertThat(addedBelow(before, List.of(1, 2, 23, 24))).isEmpty();
        assertThat(conflictMarker("<<<<<<< HEAD")).isTrue();
        assertThat(conflictMarker(">>>>>>> tasks")).isTrue();
        assertThat(conflictMarker("<<<<<<<< not one")).isFalse();
    }

    static boolean conflictMarker(String line) {
        return line.matches("^(<<<<<<<|>>>>>>>)( .*)?$");
    }

    static List<Integer> addedBelow(List<Integer> before, List<Integer> after) {
        OptionalInt highest = before.stream().mapToInt(Integer::intValue).max();
        List<Integer> below = new ArrayList<>();
        for (int v : after) {
            if (!before.contains(v) && highest.isPresent() && v <= highest.getAsInt()) {
                below.add(v);
            }
        }
        return below;
    }

    private static List<String> migrationsBelowTheHighest(Path top, String parent, String commit) {
        List<Integer> before = versions(git(top, "ls-tree", "--name-only", parent, MIGRATIONS + "/"));
        List<Integer> after = versions(git(top, "ls-tree", "--name-only", commit, MIGRATIONS + "/"));
        return addedBelow(before, after).stream().map(v -> commit.substring(0, 10) + " adds V" + v).toList();
    }

    private static List<String> workingTreeBelowTheHighest(Path top) {
        List<Integer> before = versions(git(top, "ls-tree", "--name-only", "HEAD", MIGRATIONS + "/"));
        List<String> files = new ArrayList<>();
        try (var listing = Files.list(top.resolve(MIGRATIONS))) {
            listing.forEach(p -> files.add(MIGRATIONS + "/" + p.getFileName()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return addedBelow(before, versions(files)).stream().map(v -> "working tree adds V" + v).toList();
    }

    private static List<Integer> versions(List<String> files) {
        List<Integer> versions = new ArrayList<>();
        for (String file : files) {
            Matcher m = VERSION.matcher(file);
            if (m.find()) {
                versions.add(Integer.parseInt(m.group(1)));
            }
        }
        return versions;
    }

    private static Path repository() {
        List<String> top = git(Path.of("").toAbsolutePath(), "rev-parse", "--show-toplevel");
        assumeTrue(!top.isEmpty(), "not a git checkout (or no git): repository hygiene not checked");
        return Path.of(top.get(0));
    }

    private static List<String> git(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            List<String> out;
            try (var reader = process.inputReader(StandardCharsets.UTF_8)) {
                out = reader.lines().toList();
            }
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return List.of();
            }
            return out;
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }
}
