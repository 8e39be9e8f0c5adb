package org.caseops.access;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.caseops.access.AuthorizationMatrix.Row;
import org.caseops.access.AuthorizationMatrix.Value;
import org.caseops.docket.DocketImporter;
import org.caseops.docket.ImportReport;
import org.caseops.fixtures.Api;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Dockets;
import org.caseops.fixtures.EoirFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.server.PathContainer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The authorization matrix (issue acceptance criterion): every CaseOps endpoint × every role × a subject in the own
 * and in another field office, sent for real and compared with the reviewed matrix in
 * {@code src/test/resources/access/authorization-matrix.md} (its top says the format and how to add a row). The
 * endpoints come from the running application, so a new endpoint without a row fails
 * {@link #every_endpoint_has_a_row_and_every_row_an_endpoint}. A refusal is a 403 (or a 404 that the audit trail
 * records as {@code ACCESS_REFUSED}: a record the caller may not see answers as one that does not exist), a missing
 * sign-in a 401 (or, for
 * a page, a redirect to {@code /login}); anything else, 400, 404 and 409 included, means the access checks let the
 * request through. The statuses of every cell go to {@code target/authorization-matrix-results.md}.
 */
@CaseOpsTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {

    /** Who the matrix signs in as: the demo user of each role, plus a Chicago officer to mirror "own". */
    private record Caller(String username, Role role, String office) {
        @Override
        public String toString() {
            return username + " (" + role + (office == null ? "" : ", " + office) + ")";
        }
    }

    private static final String OWN = "HOU";
    private static final String OTHER = "CHI";
    private static final List<String> OFFICES = List.of(OWN, OTHER);

    /** The demo users (DemoUsers); the partner's agency has an agreement for HOU granting both scopes. */
    private static final List<Caller> CALLERS = List.of(
            new Caller("officer", Role.OFFICER, OWN),
            new Caller("supervisor", Role.SUPERVISOR, OWN),
            new Caller("director", Role.DIRECTOR, OWN),
            new Caller("attorney", Role.ATTORNEY, OWN),
            new Caller("auditor", Role.AUDITOR, null),
            new Caller("partner", Role.PARTNER, OWN),
            new Caller("admin", Role.ADMIN, null),
            new Caller("officer.chicago", Role.OFFICER, OTHER));

    /** Samples that name a subject in a field office: a row using one is sent for each office. */
    private static final Set<String> OFFICE_SAMPLES = Set.of("office", "person", "family", "stay", "agreement",
            "operation", "encounter", "task", "employer", "site", "nomination", "inspection", "supervision");
    private static final Pattern SAMPLE = Pattern.compile("\\$([A-Za-z]+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a request got, as far as access goes. */
    private enum Got {
        UNAUTHORIZED, LOGIN, DENIED, ALLOWED;

        static Got of(Outcome outcome) {
            if (outcome.status() == 401) {
                return UNAUTHORIZED;
            }
            if (outcome.status() / 100 == 3 && outcome.location() != null
                    && URI.create(outcome.location()).getPath().equals("/login")) {
                return LOGIN;
            }
            // a record the caller may not see answers as one that does not exist: a 404 audited as a refusal
            return outcome.status() == 403 || outcome.hidden() ? DENIED : ALLOWED;
        }

        String expectation() {
            return switch (this) {
                case UNAUTHORIZED -> "401";
                case LOGIN -> "a redirect to /login";
                case DENIED -> "403 (or a 404 audited as ACCESS_REFUSED: a hidden record)";
                case ALLOWED -> "allowed (not 401/403)";
            };
        }
    }

    private record Outcome(int status, String location, String body, boolean hidden) {
        @Override
        public String toString() {
            String shown = body == null ? "" : body.replaceAll("\\s+", " ");
            return status + (hidden ? " (hidden, audited as refused)" : "") + (location == null ? "" : " -> " + location)
                    + (shown.isEmpty() ? "" : " " + (shown.length() > 160 ? shown.substring(0, 160) + "…" : shown));
        }
    }

    /** One request of the matrix and what it got. {@code office} is null for a row without a subject office. */
    private record Cell(Row row, String who, String office, Got expected, Outcome outcome) {
        Got got() {
            return Got.of(outcome);
        }

        boolean serverError() {
            return outcome.status() >= 500;
        }

        boolean ok() {
            return got() == expected && !serverError();
        }

        boolean unexpectedAllow() {
            return expected != Got.ALLOWED && got() == Got.ALLOWED;
        }

        boolean unexpectedRefusal() {
            return expected == Got.ALLOWED && got() != Got.ALLOWED;
        }

        @Override
        public String toString() {
            return "line " + row.line() + " " + row.endpoint() + " as " + who
                    + (office == null ? "" : " on a subject in " + office) + ": expected " + expected.expectation()
                    + ", got " + outcome + (serverError() ? " (a server error: fix the request or the endpoint)" : "");
        }
    }

    @Autowired
    Api api;
    @Autowired
    DocketImporter importer;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;
    @LocalServerPort
    int port;

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private AuthorizationMatrix matrix;
    /** Sample name → field office → value. */
    private final Map<String, Map<String, String>> byOffice = new HashMap<>();
    private final Map<String, String> shared = new HashMap<>();
    private final List<Cell> cells = new ArrayList<>();

    @BeforeAll
    void subjectsInTwoFieldOffices() throws Exception {
        matrix = AuthorizationMatrix.read();
        ImportReport imported = Dockets.freshlyImported(EoirFiles.houstonFamilies().withChicagoFamily(), importer,
                jdbc);
        shared.put("import", String.valueOf(imported.importId()));
        sample("office", OWN, OTHER);
        sample("person", "991000001", "992000001");
        sample("family", "1001", "2001");
        for (String office : OFFICES) {
            String person = byOffice.get("person").get(office);
            JsonNode read = setUp("attorney", "GET", "/api/people/" + person, null, 200);
            if (!office.equals(read.path("removalCase").path("fieldOffice").asText())
                    || read.path("familyId").asLong() != Long.parseLong(byOffice.get("family").get(office))) {
                throw new IllegalStateException("the matrix needs " + person + " in family "
                        + byOffice.get("family").get(office) + " of field office " + office + ", but it is " + read);
            }
            int stays = setUp("attorney", "GET", "/api/cases/" + person + "/stays", null, 200).size();
            JsonNode stay = setUp("attorney", "POST", "/api/cases/" + person + "/stays",
                    "{\"kind\":\"JUDICIAL\",\"from\":\"2019-06-01\",\"reference\":\"matrix setup\","
                            + "\"version\":" + stays + "}", 201);
            byOffice.computeIfAbsent("stay", k -> new HashMap<>()).put(office, stay.path("id").asText());
        }
        shared.put("screening", setUp("attorney", "POST", "/api/screenings", "{\"asOf\":\"2019-06-23\"}", 201)
                .path("screeningId").asText());
        String partner = setUp("admin", "POST", "/api/partners",
                "{\"name\":\"Matrix test agency (synthetic)\",\"kind\":\"OTHER\",\"jurisdiction\":\"nowhere\"}", 201)
                .path("id").asText();
        shared.put("partner", partner);
        for (String office : OFFICES) {
            String agreement = setUp("admin", "POST", "/api/partners/" + partner + "/agreements",
                    "{\"fieldOffice\":\"" + office + "\",\"scopes\":[\"CASE_STATUS\"],\"reference\":\"MATRIX-" + office
                            + "\",\"effectiveFrom\":\"2019-01-01\"}", 201).path("id").asText();
            byOffice.computeIfAbsent("agreement", k -> new HashMap<>()).put(office, agreement);
        }
        setUp("admin", "POST", "/api/users", "{\"username\":\"matrix.target\",\"displayName\":\"Matrix target\","
                + "\"role\":\"OFFICER\",\"fieldOffice\":\"HOU\",\"password\":\"" + Api.PASSWORD + "\"}", 201);
        shared.put("user", "matrix.target");
        // a user makes their own tokens: an administrator only lists and revokes them
        shared.put("token", setUp("matrix.target", "POST", "/api/me/tokens",
                "{\"name\":\"matrix setup\",\"days\":1}", 201).path("id").asText());
        // an operation in each field office, planned by a supervisor of that office (the HOU one is the demo user)
        setUp("admin", "POST", "/api/users", "{\"username\":\"supervisor.chicago\",\"role\":\"SUPERVISOR\","
                + "\"fieldOffice\":\"" + OTHER + "\",\"password\":\"" + Api.PASSWORD + "\"}", 201);
        for (String office : OFFICES) {
            JsonNode operation = setUp(office.equals(OWN) ? "supervisor" : "supervisor.chicago", "POST",
                    "/api/operations", "{\"name\":\"Matrix operation " + office + "\",\"fieldOffices\":[\""
                            + office + "\"],\"windowStart\":\"2019-06-23\",\"windowEnd\":\"2019-06-25\"}", 201);
            byOffice.computeIfAbsent("operation", k -> new HashMap<>())
                    .put(office, operation.path("operation").path("id").asText());
        }
        // a GENERAL task for the field office's team in each office, created by hand by a supervisor of that office
        for (String office : OFFICES) {
            JsonNode task = setUp(office.equals(OWN) ? "supervisor" : "supervisor.chicago", "POST", "/api/tasks",
                    "{\"title\":\"Matrix task " + office + "\",\"team\":\"" + office + "\"}", 201);
            byOffice.computeIfAbsent("task", k -> new HashMap<>()).put(office, task.path("id").asText());
        }
        // a collateral encounter at each family's door, recorded by an officer of that field office
        for (String office : OFFICES) {
            JsonNode encounter = setUp(office.equals(OWN) ? "officer" : "officer.chicago", "POST", "/api/encounters",
                    "{\"familyId\":" + byOffice.get("family").get(office) + ",\"place\":\"matrix\",\"people\":[{"
                            + "\"describedAs\":\"matrix person (synthetic)\",\"kind\":\"COLLATERAL\","
                            + "\"outcome\":\"NOT_PRESENT\",\"legalBasisKind\":\"OTHER_AUTHORITY\","
                            + "\"legalBasis\":\"matrix set-up\"}]}", 201);
            byOffice.computeIfAbsent("encounter", k -> new HashMap<>())
                    .put(office, encounter.get(0).path("encounterId").asText());
        }
        // a synthetic employer with one site in each field office, its nomination and an I-9 inspection of the site
        for (String office : OFFICES) {
            String planner = office.equals(OWN) ? "supervisor" : "supervisor.chicago";
            JsonNode employer = setUp(planner, "POST", "/api/employers", "{\"name\":\"Matrix employer " + office
                    + " (synthetic)\",\"ein\":\"00-00000" + (office.equals(OWN) ? "10" : "20") + "\","
                    + "\"naics\":\"311615\",\"employees\":40,\"site\":{\"name\":\"Matrix plant " + office
                    + "\",\"address\":\"1 Matrix Road\",\"city\":\"Town\",\"state\":\"TX\","
                    + "\"fieldOffice\":\"" + office + "\"}}", 201);
            String site = employer.path("sites").get(0).path("id").asText();
            byOffice.computeIfAbsent("employer", k -> new HashMap<>())
                    .put(office, employer.path("employer").path("id").asText());
            byOffice.computeIfAbsent("site", k -> new HashMap<>()).put(office, site);
            byOffice.computeIfAbsent("nomination", k -> new HashMap<>()).put(office, setUp(planner, "POST",
                    "/api/nominations", "{\"siteId\":" + site + ",\"caseType\":\"I9_INSPECTION\","
                            + "\"basis\":\"matrix set-up nomination\",\"period\":\"2020-02-03\"}", 201)
                    .path("id").asText());
            byOffice.computeIfAbsent("inspection", k -> new HashMap<>()).put(office, setUp(planner, "POST",
                    "/api/inspections", "{\"siteId\":" + site + ",\"noticeServedOn\":\"2019-11-04\"}", 201)
                    .path("inspection").path("id").asText());
        }
        // an order of supervision of each office's $person, enrolled by an officer of that field office
        for (String office : OFFICES) {
            byOffice.computeIfAbsent("supervision", k -> new HashMap<>()).put(office, setUp(
                    office.equals(OWN) ? "officer" : "officer.chicago", "POST", "/api/people/"
                            + byOffice.get("person").get(office) + "/supervisions", "{\"kind\":\"OSUP\","
                            + "\"legalBasis\":\"INA 241(a)(3); 8 CFR 241.5\",\"startDate\":\"2019-05-28\","
                            + "\"reportEveryDays\":30,\"firstReport\":\"2019-06-03\",\"conditions\":[]}", 201)
                    .path("id").asText());
        }
        JsonNode grants = setUp("partner", "GET", "/api/me", null, 200).path("grants").path(OWN);
        if (!grants.toString().contains("CASE_STATUS") || !grants.toString().contains("PERSON_RECORD")) {
            throw new IllegalStateException("the matrix needs the demo partner to hold both scopes in " + OWN
                    + ", but its grants there are " + grants);
        }
    }

    @Test
    void every_endpoint_has_a_row_and_every_row_an_endpoint() {
        SortedSet<String> endpoints = endpoints();
        List<String> problems = new ArrayList<>();
        Set<String> rows = new TreeSet<>();
        for (Row row : matrix.rows()) {
            if (!rows.add(row.endpoint())) {
                problems.add("line " + row.line() + ": a second row for " + row.endpoint());
            }
            if (!endpoints.contains(row.endpoint())) {
                problems.add("line " + row.line() + ": " + row.endpoint() + " is no endpoint of the application "
                        + "(renamed or removed? remove or correct the row)");
            }
            problems.addAll(rowProblems(row));
        }
        endpoints.stream().filter(e -> !rows.contains(e))
                .forEach(e -> problems.add(e + " has no row: add one with every role's access"));
        for (Role role : Role.values()) {
            if (CALLERS.stream().noneMatch(c -> c.role() == role)) {
                problems.add(role + " has no user in AuthorizationMatrixTest.CALLERS: its column is never checked");
            }
        }
        if (!problems.isEmpty()) {
            fail(problems.size() + " problems between " + matrix.source() + " and the application's "
                    + endpoints.size() + " endpoints:\n  " + String.join("\n  ", problems));
        }
    }

    @TestFactory
    Stream<DynamicNode> every_role_gets_what_the_matrix_says_in_its_own_and_another_field_office() {
        Set<String> endpoints = endpoints();
        List<DynamicNode> nodes = new ArrayList<>();
        for (Row row : matrix.rows()) {
            if (!endpoints.contains(row.endpoint()) || !rowProblems(row).isEmpty()) {
                continue; // every_endpoint_has_a_row_and_every_row_an_endpoint reports it
            }
            List<DynamicNode> tests = new ArrayList<>();
            tests.add(dynamicTest("anonymous", () -> check(List.of(new Cell(row, "anonymous", null,
                    anonymousExpectation(row), send(row, null, OWN))))));
            for (Caller caller : CALLERS) {
                tests.add(dynamicTest(caller.toString(), () -> check(callerCells(row, caller))));
            }
            nodes.add(dynamicContainer(row.endpoint() + " (line " + row.line() + ")", tests));
        }
        nodes.add(dynamicTest("0 unexpected allows: every cell as the matrix says", this::everyCellAsTheMatrixSays));
        return nodes.stream();
    }

    private List<Cell> callerCells(Row row, Caller caller) throws IOException, InterruptedException {
        List<Cell> sent = new ArrayList<>();
        Value value = row.of(caller.role());
        if (!usesOfficeSamples(row)) {
            sent.add(new Cell(row, caller.toString(), null, value == Value.ALLOW ? Got.ALLOWED : Got.DENIED,
                    send(row, caller.username(), OWN)));
            return sent;
        }
        for (String office : OFFICES) {
            boolean allowed = value == Value.ALLOW || (value == Value.OWN && office.equals(caller.office()));
            sent.add(new Cell(row, caller.toString(), office, allowed ? Got.ALLOWED : Got.DENIED,
                    send(row, caller.username(), office)));
        }
        return sent;
    }

    private void check(List<Cell> sent) {
        cells.addAll(sent);
        List<Cell> wrong = sent.stream().filter(c -> !c.ok()).toList();
        if (!wrong.isEmpty()) {
            fail(wrong.stream().map(Cell::toString).collect(Collectors.joining("\n")));
        }
    }

    private void everyCellAsTheMatrixSays() throws IOException {
        writeResults();
        List<Cell> wrong = cells.stream().filter(c -> !c.ok()).toList();
        long allows = wrong.stream().filter(Cell::unexpectedAllow).count();
        long refusals = wrong.stream().filter(Cell::unexpectedRefusal).count();
        System.out.printf("Authorization matrix: %d endpoints, %d callers and anonymous, %d requests; %d unexpected "
                + "allows, %d unexpected refusals, %d other differences%n", matrix.rows().size(), CALLERS.size(),
                cells.size(), allows, refusals, wrong.size() - allows - refusals);
        if (!wrong.isEmpty()) {
            fail(allows + " unexpected allows, " + refusals + " unexpected refusals, "
                    + (wrong.size() - allows - refusals) + " other differences (wrong refusal or server error) in "
                    + cells.size() + " requests against " + matrix.source() + ":\n"
                    + wrong.stream().sorted((a, b) -> Boolean.compare(b.unexpectedAllow(), a.unexpectedAllow()))
                            .map(Cell::toString).collect(Collectors.joining("\n")));
        }
    }

    private static Got anonymousExpectation(Row row) {
        return switch (row.anonymous()) {
            case UNAUTHORIZED -> Got.UNAUTHORIZED;
            case LOGIN -> Got.LOGIN;
            case ALLOW -> Got.ALLOWED;
        };
    }

    /** What makes a row impossible to run as written. */
    private List<String> rowProblems(Row row) {
        List<String> problems = new ArrayList<>();
        String where = "line " + row.line() + " (" + row.endpoint() + "): ";
        Set<String> unknown = new TreeSet<>();
        for (String text : new String[] {row.request(), row.body()}) {
            Matcher m = SAMPLE.matcher(text == null ? "" : text);
            while (m.find()) {
                if (!OFFICE_SAMPLES.contains(m.group(1)) && !shared.containsKey(m.group(1))) {
                    unknown.add("$" + m.group(1));
                }
            }
        }
        if (!unknown.isEmpty()) {
            problems.add(where + "unknown samples " + unknown + "; the samples are " + sampleNames());
            return problems;
        }
        String path = resolve(row.requestPath(), OWN);
        if (!PathPatternParser.defaultInstance.parse(row.pattern()).matches(PathContainer.parsePath(path))) {
            problems.add(where + "the request path " + path + " does not match the endpoint's pattern");
        }
        for (Role role : Role.values()) {
            if (row.of(role) != Value.OWN) {
                continue;
            }
            if (!usesOfficeSamples(row)) {
                problems.add(where + role + " is 'own' but the request names no subject in a field office ("
                        + OFFICE_SAMPLES.stream().sorted().map(s -> "$" + s).toList() + ")");
            }
            if (CALLERS.stream().anyMatch(c -> c.role() == role && c.office() == null)) {
                problems.add(where + role + " is 'own' but its user has no field office");
            }
        }
        return problems;
    }

    private static boolean usesOfficeSamples(Row row) {
        for (String text : new String[] {row.request(), row.body()}) {
            Matcher m = SAMPLE.matcher(text == null ? "" : text);
            while (m.find()) {
                if (OFFICE_SAMPLES.contains(m.group(1))) {
                    return true;
                }
            }
        }
        return false;
    }

    private List<String> sampleNames() {
        return Stream.concat(OFFICE_SAMPLES.stream(), shared.keySet().stream()).sorted().map(s -> "$" + s).toList();
    }

    private String resolve(String text, String office) {
        if (text == null) {
            return null;
        }
        Matcher m = SAMPLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = OFFICE_SAMPLES.contains(name) ? byOffice.get(name).get(office) : shared.get(name);
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Every method and path pattern of a CaseOps controller (not springdoc's, actuator's or the error page's). */
    private SortedSet<String> endpoints() {
        SortedSet<String> endpoints = new TreeSet<>();
        context.getBeansOfType(RequestMappingHandlerMapping.class).values().forEach(mapping ->
                mapping.getHandlerMethods().forEach((info, method) -> {
                    if (!method.getBeanType().getName().startsWith("org.caseops.")) {
                        return;
                    }
                    Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                    for (String pattern : info.getPatternValues()) {
                        if (methods.isEmpty()) {
                            endpoints.add("ANY " + pattern);
                        }
                        methods.forEach(m -> endpoints.add(m.name() + " " + pattern));
                    }
                }));
        return endpoints;
    }

    private Outcome send(Row row, String username, String office) throws IOException, InterruptedException {
        String method = row.method().equals("ANY") ? "GET" : row.method();
        return send(username, method, resolve(row.request(), office), resolve(row.body(), office));
    }

    private Outcome send(String username, String method, String path, String body)
            throws IOException, InterruptedException {
        String requestId = "matrix-" + REQUESTS.incrementAndGet();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60)).header("X-Request-Id", requestId);
        if (username != null) {
            request.header("Authorization", "Bearer " + api.token(username)).header("X-Purpose", Api.PURPOSE);
        }
        HttpRequest.BodyPublisher content = HttpRequest.BodyPublishers.noBody();
        if (body != null && body.startsWith("multipart ")) {
            String[] part = body.substring("multipart ".length()).split("=", 2);
            String boundary = "matrix-" + System.nanoTime();
            content = HttpRequest.BodyPublishers.ofString("--" + boundary + "\r\n"
                    + "Content-Disposition: form-data; name=\"" + part[0] + "\"; filename=\"" + part[0] + "\"\r\n"
                    + "Content-Type: application/octet-stream\r\n\r\n" + part[1] + "\r\n--" + boundary + "--\r\n");
            request.header("Content-Type", "multipart/form-data; boundary=" + boundary);
        } else if (body != null) {
            content = HttpRequest.BodyPublishers.ofString(body);
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = client.send(request.method(method, content).build(),
                HttpResponse.BodyHandlers.ofString());
        boolean hidden = response.statusCode() == 404 && jdbc.sql("select exists (select 1 from audit_entry "
                + "where action = 'ACCESS_REFUSED' and request_id = ?)").param(requestId).query(Boolean.class)
                .single();
        return new Outcome(response.statusCode(), response.headers().firstValue("Location").orElse(null),
                response.body(), hidden);
    }

    private static final java.util.concurrent.atomic.AtomicLong REQUESTS = new java.util.concurrent.atomic.AtomicLong();

    /** A set-up request that must succeed with {@code status}; its JSON answer. */
    private JsonNode setUp(String username, String method, String path, String body, int status)
            throws IOException, InterruptedException {
        Outcome outcome = send(username, method, path, body);
        if (outcome.status() != status) {
            throw new IllegalStateException("setting up the matrix: " + method + " " + path + " as " + username
                    + " expected " + status + ", got " + outcome);
        }
        return JSON.readTree(outcome.body());
    }

    private void sample(String name, String own, String other) {
        byOffice.put(name, Map.of(OWN, own, OTHER, other));
    }

    /** The status each cell got, as a table a reviewer can hold against the matrix. */
    private void writeResults() throws IOException {
        Map<Row, Map<String, List<Cell>>> byRow = new LinkedHashMap<>();
        for (Cell cell : cells) {
            byRow.computeIfAbsent(cell.row(), r -> new LinkedHashMap<>())
                    .computeIfAbsent(cell.who(), w -> new ArrayList<>()).add(cell);
        }
        List<String> columns = new ArrayList<>();
        columns.add("anonymous");
        CALLERS.forEach(c -> columns.add(c.toString()));
        StringBuilder out = new StringBuilder("# Authorization matrix: what each cell got\n\n"
                + "Status per caller, for a subject in HOU / CHI where the row has one; `!` marks a cell that differs "
                + "from " + matrix.source() + ".\n\n| endpoint | " + String.join(" | ", columns) + " |\n|"
                + "---|".repeat(columns.size() + 1) + "\n");
        byRow.forEach((row, byWho) -> {
            out.append("| ").append(row.endpoint());
            for (String who : columns) {
                List<Cell> got = byWho.getOrDefault(who, List.of());
                out.append(" | ").append(got.stream().map(c -> c.outcome().status() + (c.ok() ? "" : "!"))
                        .collect(Collectors.joining(" / ")));
            }
            out.append(" |\n");
        });
        Path file = Path.of("target", "authorization-matrix-results.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, out);
    }
}
