package org.caseops.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.caseops.fixtures.ChildJvm;
import picocli.CommandLine;

/**
 * Several {@code caseops} commands run one after another in one child JVM, as an operator would type them one after
 * another: each command parses its own arguments, starts its own application context and embedded database on the
 * home and stops them, exactly as in a process of its own; only the JVM's start and class loading (most of a
 * command's 10-17 s) are paid once (issue 12, goal 7). The last command goes through {@link Main#main}, so the
 * process's exit code is the one {@code caseops} returns; the others' exit codes are printed after them.
 *
 * <pre>
 * List&lt;Commands.Run&gt; runs = Commands.run(env, List.of("audit", "verify"), List.of("audit", "export", "--out", f));
 * </pre>
 */
final class Commands {

    static final String SEPARATOR = "--and-then--";
    static final String ENDED = "### caseops command ended with exit code ";
    static final String BEGINS = "### caseops command begins: ";

    /** What one command printed (its own output only) and the exit code it returned. */
    record Run(int exit, String output) {
    }

    private Commands() {
    }

    /** The child's entry point: the commands, separated by {@link #SEPARATOR}. */
    public static void main(String[] args) {
        List<String[]> commands = split(args);
        for (int i = 0; i < commands.size(); i++) {
            String[] command = commands.get(i);
            System.out.println(BEGINS + String.join(" ", command));
            System.out.flush();
            if (i == commands.size() - 1) {
                Main.main(command); // the real entry point; a command that does not serve exits here
                return;
            }
            int exit = new CommandLine(new Main()).execute(command);
            System.out.flush();
            System.err.flush();
            System.out.println(ENDED + exit);
            System.out.flush();
        }
    }

    /** Runs {@code commands} in one child JVM with {@code env}; what each printed and returned, in order. */
    @SafeVarargs
    static List<Run> run(Map<String, String> env, Duration timeout, List<String>... commands) throws Exception {
        List<String> args = new ArrayList<>();
        for (List<String> command : commands) {
            if (!args.isEmpty()) {
                args.add(SEPARATOR);
            }
            args.addAll(command);
        }
        try (ChildJvm child = ChildJvm.start(Commands.class, env, args.toArray(String[]::new))) {
            int exit = child.waitFor(timeout.multipliedBy(commands.length));
            return runs(child.output(), exit, commands.length);
        }
    }

    private static List<Run> runs(String output, int lastExit, int expected) {
        List<Run> runs = new ArrayList<>();
        StringBuilder current = null;
        for (String line : output.split("\n", -1)) {
            if (line.startsWith(BEGINS)) {
                current = new StringBuilder();
            } else if (line.startsWith(ENDED) && current != null) {
                runs.add(new Run(Integer.parseInt(line.substring(ENDED.length()).strip()), current.toString()));
                current = null;
            } else if (current != null) {
                current.append(line).append('\n');
            }
        }
        if (current != null) {
            runs.add(new Run(lastExit, current.toString()));
        }
        if (runs.size() != expected) {
            throw new AssertionError("expected " + expected + " commands to run, " + runs.size()
                    + " did (exit " + lastExit + "); the child printed:\n" + output);
        }
        return runs;
    }

    private static List<String[]> split(String[] args) {
        List<String[]> commands = new ArrayList<>();
        int from = 0;
        for (int i = 0; i <= args.length; i++) {
            if (i == args.length || args[i].equals(SEPARATOR)) {
                commands.add(Arrays.copyOfRange(args, from, i));
                from = i + 1;
            }
        }
        return commands;
    }
}
