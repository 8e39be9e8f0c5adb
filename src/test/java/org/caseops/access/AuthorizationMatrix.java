package org.caseops.access;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The authorization matrix file ({@code src/test/resources/access/authorization-matrix.md}; its top says the format):
 * one row per endpoint with each role's expected answer, the anonymous answer and the request to send.
 */
record AuthorizationMatrix(String source, List<Row> rows) {

    static final String RESOURCE = "access/authorization-matrix.md";

    /** What a role may do with an endpoint. */
    enum Value {
        /** Not 401 or 403. */
        ALLOW,
        /** 403. */
        DENY,
        /** Allowed for a subject in the caller's own field office, 403 in another. */
        OWN
    }

    /** What an unauthenticated request gets. */
    enum Anonymous {
        /** 401 problem (the API). */
        UNAUTHORIZED("401"),
        /** A redirect to the sign-in page (pages). */
        LOGIN("login"),
        /** A public endpoint: neither refused nor sent to sign in. */
        ALLOW("allow");

        final String text;

        Anonymous(String text) {
            this.text = text;
        }
    }

    /**
     * One endpoint's row.
     *
     * @param line     the row's line in the file, for messages
     * @param method   {@code GET}, {@code POST}…
     * @param pattern  the path pattern as mapped, {@code /api/people/{aNumber}}
     * @param request  the path (with query) to send, with {@code $samples}
     * @param body     the body to send (JSON, or {@code multipart name=text}), {@code null} for none
     */
    record Row(int line, String method, String pattern, Map<Role, Value> roles, Anonymous anonymous, String request,
            String body) {

        /** {@code METHOD pattern}, as the endpoints are named. */
        String endpoint() {
            return method + " " + pattern;
        }

        Value of(Role role) {
            return roles.get(role);
        }

        /** The path of the request, without its query. */
        String requestPath() {
            int query = request.indexOf('?');
            return query < 0 ? request : request.substring(0, query);
        }
    }

    static AuthorizationMatrix read() {
        try (InputStream in = AuthorizationMatrix.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("no " + RESOURCE + " on the test class path");
            }
            return parse(RESOURCE, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
    }

    /**
     * Reads the tables whose header starts with {@code endpoint}; other tables and text are for readers.
     *
     * @throws IllegalArgumentException naming the line, for a row the test cannot read
     */
    static AuthorizationMatrix parse(String source, String text) {
        List<Row> rows = new ArrayList<>();
        List<String> header = null;
        boolean inTable = false;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNumber = i + 1;
            String line = lines[i].strip();
            if (!line.startsWith("|")) {
                inTable = false;
                header = null;
                continue;
            }
            List<String> cells = cells(line);
            if (!inTable) {
                inTable = true;
                header = cells.get(0).equals("endpoint") ? header(source, lineNumber, cells) : null;
                continue;
            }
            if (header == null || cells.stream().allMatch(c -> c.matches(":?-+:?"))) {
                continue; // a table for readers, or the line under a header
            }
            rows.add(row(source, lineNumber, header, cells));
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(source + ": no table with an 'endpoint' header");
        }
        return new AuthorizationMatrix(source, List.copyOf(rows));
    }

    private static List<String> header(String source, int line, List<String> cells) {
        List<String> expected = new ArrayList<>();
        expected.add("endpoint");
        Arrays.stream(Role.values()).map(Role::name).forEach(expected::add);
        expected.add("anonymous");
        expected.add("request");
        if (!cells.containsAll(expected) || cells.size() != expected.size()) {
            throw new IllegalArgumentException(source + ":" + line + ": the header needs exactly the columns "
                    + expected + " (in any order), not " + cells);
        }
        return cells;
    }

    private static Row row(String source, int line, List<String> header, List<String> cells) {
        String where = source + ":" + line + ": ";
        if (cells.size() != header.size()) {
            throw new IllegalArgumentException(where + header.size() + " cells expected, found " + cells.size());
        }
        Map<Role, Value> roles = new EnumMap<>(Role.class);
        String endpoint = null;
        Anonymous anonymous = null;
        String request = null;
        for (int c = 0; c < header.size(); c++) {
            String column = header.get(c);
            String cell = cells.get(c);
            switch (column) {
                case "endpoint" -> endpoint = cell;
                case "anonymous" -> anonymous = Arrays.stream(Anonymous.values()).filter(a -> a.text.equals(cell))
                        .findFirst().orElseThrow(() -> new IllegalArgumentException(where + "anonymous is 401, login "
                                + "or allow, not '" + cell + "'"));
                case "request" -> request = cell;
                default -> roles.put(Role.valueOf(column), value(where + column, cell));
            }
        }
        String[] methodAndPattern = endpoint.split(" ");
        if (methodAndPattern.length != 2 || !methodAndPattern[0].matches("[A-Z]+")
                || !methodAndPattern[1].startsWith("/")) {
            throw new IllegalArgumentException(where + "an endpoint is 'METHOD /path/{pattern}', not '" + endpoint
                    + "'");
        }
        if (!request.startsWith("/")) {
            throw new IllegalArgumentException(where + "a request starts with its path, not '" + request + "'");
        }
        int space = request.indexOf(' ');
        String path = space < 0 ? request : request.substring(0, space);
        String body = space < 0 ? null : request.substring(space + 1).strip();
        return new Row(line, methodAndPattern[0], methodAndPattern[1], roles, anonymous, path, body);
    }

    private static Value value(String where, String cell) {
        try {
            return Value.valueOf(cell.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + " is allow, deny or own, not '" + cell + "'");
        }
    }

    private static List<String> cells(String line) {
        String inner = line.substring(1, line.endsWith("|") && line.length() > 1 ? line.length() - 1 : line.length());
        return Arrays.stream(inner.split("\\|", -1)).map(String::strip).toList();
    }
}
