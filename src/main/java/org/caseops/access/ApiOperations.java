package org.caseops.access;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every operation of the OpenAPI document described for an integrator who has nothing else (issue 14, "Swagger"):
 * a summary, the responses it really gives, and a readable operation id.
 *
 * <ul>
 *   <li><b>Summary</b>: derived from the handler and its address ("List the notes of a person", "Cancel a task");
 *   where that reads poorly, {@link #SUMMARIES} says it in the domain's words. A key there that names no operation
 *   fails the document, so the table cannot rot.</li>
 *   <li><b>Responses</b>: the success status the handler gives ({@code @ResponseStatus} where it is not 200), as
 *   JSON unless the handler says otherwise ({@link #MEDIA}); 400 when it takes a body or parameters; 401 and 403
 *   when it signs in (401 also for the token exchange, on a wrong password); 404 when its address names a record;
 *   409 when it changes state (every change is a conditional write that counts its rows, and database rules refuse
 *   with 409 too) unless it changes nothing ({@link #CHANGES_NOTHING}); 413 and 415 when it takes a body. Every
 *   error refers to one {@code ProblemDetail} schema (RFC 9457 with the project's {@code field}).</li>
 *   <li><b>Operation id</b>: the handler's method name when no other handler has it, otherwise the name and the
 *   record it acts on, from its address ({@link #operationId}: {@code approveOperation}, {@code approveNomination},
 *   {@code listUsers}, {@code operationEvents}); never springdoc's {@code _1}, {@code _2}, which depend on the order
 *   handlers are scanned.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class ApiOperations {

    static final String PROBLEM = "ProblemDetail";
    private static final String HANDLER = "x-caseops-handler";
    private static final String CONTROLLER = "x-caseops-controller";

    /** What a derived summary cannot say well, in the domain's words (method and address, as in the document). */
    static final Map<String, String> SUMMARIES = Map.ofEntries(
            Map.entry("PUT /api/field-offices/{code}/report-hours",
                    "Set a field office's report hours and capacities for call-in appointments"),
            Map.entry("GET /api/field-offices/{code}/report-hours",
                    "List a field office's report hours and capacities for call-in appointments"),
            Map.entry("POST /api/voluntary-departures/overstays",
                    "Mark a field office's overstayed voluntary departures as of a date"),
            Map.entry("POST /api/users/{username}/role", "Change a user's role, field office or partner agency"),
            Map.entry("POST /api/tasks/{id}/release", "Release a task back to its team (unassign it)"),
            Map.entry("POST /api/tasks/{id}/priority", "Change a task's priority"),
            Map.entry("POST /api/reference/mappings/{kind}/{code}",
                    "Map a court (hearing location or base city) to a field office"),
            Map.entry("POST /api/supervisions/{id}/atd-events", "Record an event the ATD contract reported"),
            Map.entry("POST /api/atd/evaluations", "Judge a field office's ATD enrolments by the rules in effect"),
            Map.entry("POST /api/tasks/{id}/hold", "Place a task on hold, with a reason"),
            Map.entry("POST /api/tasks/bulk/reassign", "Reassign several tasks at once"),
            Map.entry("POST /api/tasks/bulk/hold", "Place several tasks on hold at once, with one reason"),
            Map.entry("POST /api/supervisions/{id}/conditions", "Add a condition to a supervision"),
            Map.entry("POST /api/supervisions/{id}/conditions/{conditionId}/reviews",
                    "Review a condition of a supervision (continue, step down or end it)"),
            Map.entry("POST /api/supervisions/{id}/check-ins", "Record a check-in under a supervision"),
            Map.entry("POST /api/supervisions/missed-check-ins",
                    "Record a field office's missed check-ins as of a date"),
            Map.entry("POST /api/stays/{id}/lift", "Lift a stay of removal"),
            Map.entry("POST /api/screenings",
                    "Screen every case (or one field office's) as of a date and store the verdicts"),
            Map.entry("GET /api/screenings/{id}", "Read a stored screening's report"),
            Map.entry("POST /api/people/{aNumber}/voluntary-departures", "Grant a person voluntary departure"),
            Map.entry("POST /api/people/{aNumber}/voluntary-departures/{id}/departure",
                    "Record a person's proof of departure under a voluntary departure"),
            Map.entry("POST /api/people/{aNumber}/voluntary-departures/{id}/bond",
                    "Record that the voluntary departure bond was posted"),
            Map.entry("POST /api/people/{aNumber}/supervisions",
                    "Enrol a person in supervision (order of supervision or ATD)"),
            Map.entry("POST /api/people/{aNumber}/protected-area-flags",
                    "Flag a person's address of record as at or near a protected area"),
            Map.entry("POST /api/people/{aNumber}/custody/release", "Release a person from custody"),
            Map.entry("GET /api/partners", "List partner agencies"),
            Map.entry("POST /api/partners", "Add a partner agency"),
            Map.entry("GET /api/partners/{id}/agreements", "List a partner agency's data-sharing agreements"),
            Map.entry("POST /api/partners/{id}/agreements", "Add a data-sharing agreement with a partner agency"),
            Map.entry("POST /api/operations/{id}/teams", "Add a team to an operation"),
            Map.entry("POST /api/operations/{id}/targets", "Add a family unit to an operation's targets"),
            Map.entry("POST /api/operations/{id}/targets/{familyId}/exclude",
                    "Exclude a family unit from an operation's targets, with a reason"),
            Map.entry("POST /api/operations/{id}/targets/matching",
                    "Add every eligible family unit a filter selects to an operation's targets"),
            Map.entry("POST /api/operations/{id}/staging-sites", "Add a staging site to an operation"),
            Map.entry("POST /api/operations/{id}/roster", "Add people to an operation's need-to-know roster"),
            Map.entry("POST /api/operations/{id}/submit", "Submit an operation for legal review"),
            Map.entry("POST /api/operations/{id}/protected-area-approvals",
                    "Approve acting at a flagged protected-area address on a day (a supervisor)"),
            Map.entry("GET /api/operations/{id}/plan", "Read an operation's stored plan"),
            Map.entry("POST /api/operations/{id}/plan",
                    "Plan an operation: a day, slot, team and staging site for every target unit"),
            Map.entry("POST /api/operations/{id}/legal-review/return",
                    "Return an operation from legal review to draft, with the reasons"),
            Map.entry("POST /api/operations/{id}/legal-review/clear", "Clear an operation's legal review"),
            Map.entry("POST /api/operations/{id}/dry-run",
                    "Dry-run an operation's plan day by day and list every conflict"),
            Map.entry("POST /api/operations/{id}/congressional-notification/sent",
                    "Record that an operation's congressional notification was sent"),
            Map.entry("GET /api/operations/{id}/congressional-notification.pdf",
                    "An operation's congressional notification package as a PDF"),
            Map.entry("POST /api/operations/{id}/care-arrangements",
                    "Record a care arrangement for a member of a target family who is not taken"),
            Map.entry("POST /api/nominations", "Nominate a worksite for enforcement (a field office's quota)"),
            Map.entry("GET /api/nomination-policies", "List the worksite nomination policies (quota versions)"),
            Map.entry("POST /api/nomination-policies", "Add a worksite nomination policy version"),
            Map.entry("GET /api/nominations/quota", "Each field office's nomination quota and how much is used"),
            Map.entry("GET /api/me/tokens", "List the caller's own tokens"),
            Map.entry("POST /api/me/tokens", "Issue a personal access token for the caller"),
            Map.entry("POST /api/letters/{reference}/status",
                    "Record that a call-in letter was sent, delivered or returned"),
            Map.entry("POST /api/letters/{reference}/did-not-report",
                    "Record that the people a call-in letter named did not report"),
            Map.entry("POST /api/letters/{reference}/appointments", "Book an appointment for a call-in letter"),
            Map.entry("POST /api/letter-batches",
                    "Print the call-in letters of a field office's executable families as one batch"),
            Map.entry("GET /api/letters/{reference}/pdf", "A call-in letter as a PDF"),
            Map.entry("GET /api/letter-batches/{id}/pdf", "A batch of call-in letters as one printable PDF"),
            Map.entry("GET /api/letter-batches/{id}/csv", "A batch of call-in letters as CSV for a mail house"),
            Map.entry("POST /api/inspections", "Open a Form I-9 inspection of an employer"),
            Map.entry("POST /api/inspections/{id}/outcome", "Record the outcome of an I-9 inspection"),
            Map.entry("POST /api/inspections/{id}/notices", "Record a notice served in an I-9 inspection"),
            Map.entry("POST /api/inspections/{id}/forms", "Record an I-9 form reviewed in an inspection"),
            Map.entry("POST /api/inspections/{id}/corrections",
                    "Record whether a technical or procedural I-9 failure was corrected by the deadline"),
            Map.entry("GET /api/imports", "List the most recent imports"),
            Map.entry("POST /api/imports",
                    "Import a zip of EOIR tables and/or a person file (multipart: eoir, persons)"),
            Map.entry("POST /api/fine-calculator", "Calculate an I-9 fine from the penalty schedule (changes nothing)"),
            Map.entry("POST /api/field-offices/{code}/cooperation-policies",
                    "Record a jurisdiction's local cooperation policy in a field office's area"),
            Map.entry("GET /api/field-offices/{code}/cooperation-policies",
                    "List the local cooperation policy of each jurisdiction in a field office's area"),
            Map.entry("POST /api/families/{id}/custody/transport",
                    "Transport a whole held family from its staging site to one destination"),
            Map.entry("POST /api/families/{id}/custody/take",
                    "Take members of a family into custody together, at one site"),
            Map.entry("POST /api/families/{id}/custody/stage",
                    "Bring every member of a family in custody to one staging site"),
            Map.entry("POST /api/families/{id}/custody/remove", "Record a family's removal, whole"),
            Map.entry("POST /api/families/{id}/custody/release",
                    "Release every held member of a family together"),
            Map.entry("POST /api/families/{id}/caregivers",
                    "Record who cares for a minor of a family who is not with a parent"),
            Map.entry("POST /api/families/{familyId}/removals", "Request a family's removal (travel to a country)"),
            Map.entry("POST /api/families/{familyId}/removals/{id}/travel-documents",
                    "Record a travel document for a family's removal"),
            Map.entry("POST /api/families/{familyId}/removals/{id}/itinerary",
                    "Set the itinerary of a family's removal"),
            Map.entry("POST /api/families/{familyId}/removals/{id}/departure",
                    "Record the departure of a family's removal"),
            Map.entry("POST /api/families/{familyId}/removals/{id}/cancel", "Cancel a family's removal"),
            Map.entry("POST /api/encounters", "Record a visit: the encounters with each person met"),
            Map.entry("POST /api/encounters/{id}/close", "Close an adult's encounter"),
            Map.entry("POST /api/employers/{id}/sites", "Add a worksite to an employer"),
            Map.entry("POST /api/employers/{id}/history", "Add an entry to an employer's history"),
            Map.entry("POST /api/custody/timers/check",
                    "Run custody's clocks now and open the escalation tasks due"),
            Map.entry("POST /api/check-ins", "Check in a call-in letter's people at the office"),
            Map.entry("POST /api/cases/{aNumber}/stays", "Record a stay of removal granted outside the court record"),
            Map.entry("POST /api/cases/{aNumber}/stay-requests", "Receive a stay request (Form I-246) for a case"),
            Map.entry("POST /api/cases/{aNumber}/stay-requests/{id}/decision",
                    "Decide a stay request (the director)"),
            Map.entry("POST /api/cases/{aNumber}/protections",
                    "Record a protection against removal EOIR does not record (TPS, deferred action...)"),
            Map.entry("POST /api/cases/{aNumber}/protections/{id}/end", "End a protection against removal"),
            Map.entry("GET /api/cases/{aNumber}/holds", "List the legal holds of a case"),
            Map.entry("POST /api/cases/{aNumber}/holds", "Place an attorney's legal hold on a case"),
            Map.entry("POST /api/cases/{aNumber}/holds/lift", "Lift the legal hold on a case"),
            Map.entry("GET /api/cases/{aNumber}/determinations", "List the attorney determinations of a case"),
            Map.entry("POST /api/cases/{aNumber}/determinations",
                    "Record an attorney's determination of what a code or filing means for a case"),
            Map.entry("POST /api/cases/{aNumber}/departure-deadlines",
                    "Record a voluntary-departure deadline from the order that set it"),
            Map.entry("POST /api/case-reviews",
                    "Record a case review and read the person's record and timeline (auditors)"),
            Map.entry("POST /api/auth/token", "Exchange a user name and password for a bearer token"),
            Map.entry("POST /api/audit/checkpoints", "Sign a checkpoint of the audit chain now"),
            Map.entry("GET /api/audit/checkpoints/latest", "Read the latest signed audit checkpoint"),
            Map.entry("GET /api/audit/public-key", "Read the public key audit checkpoints are signed with"),
            Map.entry("GET /api/audit/verify", "Verify the audit chain (the result and the first broken entry)"),
            Map.entry("GET /api/audit/export", "Export the whole audit trail as NDJSON"),
            Map.entry("GET /api/audit/entries", "List the newest audit entries, newest first"),
            Map.entry("POST /api/appointments/{id}/no-show", "Record that nobody came to an appointment"),
            Map.entry("POST /api/agreements/{id}/revoke", "Revoke a data-sharing agreement now"),
            Map.entry("GET /api/users/{username}/tokens", "List a user's tokens"),
            Map.entry("GET /api/reports/public-statistics",
                    "Read a month's public statistics (JSON or CSV, small cells suppressed)"),
            Map.entry("GET /api/reference/unmapped",
                    "List courts and base cities that belong to no field office yet"),
            Map.entry("GET /api/queues/team/{team}", "A team's queue of tasks, one tab, paged"),
            Map.entry("GET /api/queues/overdue", "The caller's team's overdue tasks, paged"),
            Map.entry("GET /api/queues/operation/{operationId}", "An operation's tasks, paged"),
            Map.entry("GET /api/queues/mine", "The caller's own queue of tasks, one tab, paged"),
            Map.entry("GET /api/people/{aNumber}", "Read a person by A-number, with ages as of a date"),
            Map.entry("GET /api/people/{aNumber}/timeline", "A person's timeline, oldest first"),
            Map.entry("GET /api/people/{aNumber}/custody", "A person's custody status, ledger and caregivers"),
            Map.entry("GET /api/families/{id}/custody", "A family's custody version and its members' custody"),
            Map.entry("GET /api/operations/{id}/funnel", "An operation's screening funnel by city"),
            Map.entry("GET /api/me", "Who the caller is: role, field office, partner and grants"),
            Map.entry("GET /api/locator", "The public detainee locator: find a person in custody"),
            Map.entry("GET /api/imports/{id}", "Read an import's report"),
            Map.entry("GET /api/imports/{id}/warnings", "An import's warnings, paged"),
            Map.entry("GET /api/imports/{id}/quarantine", "An import's quarantined rows with their problems, paged"),
            Map.entry("GET /api/field-offices/{code}/appointments", "A field office's desk day: visits and conflicts"),
            Map.entry("GET /api/families/{id}", "Read a family unit by its lead case's IDNCASE"),
            Map.entry("GET /api/families/{id}/executability",
                    "Each family member's own verdict on executability as of a date"),
            Map.entry("GET /api/cases", "Search cases by field office, hearing location, order, nationality..., paged"),
            Map.entry("GET /api/cases/{aNumber}/executability",
                    "Is the person's removal order executable on a date: the verdict, rule by rule"),
            Map.entry("GET /api/penalty-schedules", "List the I-9 civil penalty schedules"),
            Map.entry("GET /api/protected-area-policies", "List the protected-area policy versions"));

    /** Successes that are not JSON. */
    static final Map<String, List<String>> MEDIA = Map.of(
            "GET /api/letters/{reference}/pdf", List.of("application/pdf"),
            "GET /api/letter-batches/{id}/pdf", List.of("application/pdf"),
            "GET /api/letter-batches/{id}/csv", List.of("text/csv"),
            "GET /api/operations/{id}/congressional-notification.pdf", List.of("application/pdf"),
            "GET /api/audit/export", List.of("application/x-ndjson"),
            "GET /api/reports/public-statistics", List.of("application/json", "text/csv"));

    /** State-changing methods that change nothing (so no 409). */
    static final Set<String> CHANGES_NOTHING = Set.of("POST /api/fine-calculator", "POST /api/auth/token");

    /** Remembers the handler on the operation for {@link #describeOperations()}, which sees the address. */
    @Bean
    OperationCustomizer rememberTheHandler() {
        return (operation, handler) -> {
            operation.addExtension(HANDLER, handler.getMethod().getName());
            operation.addExtension(CONTROLLER, handler.getBeanType().getSimpleName().replace("Controller", ""));
            return operation;
        };
    }

    @Bean
    OpenApiCustomizer describeOperations() {
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getComponents().addSchemas(PROBLEM, problemDetail());
            Set<String> used = new HashSet<>();
            Map<String, List<Operation>> byName = new LinkedHashMap<>();
            Map<Operation, String> controllers = new HashMap<>();
            Map<Operation, String> nouns = new HashMap<>();
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                String key = method + " " + path;
                Map<String, Object> extensions = operation.getExtensions() == null ? Map.of()
                        : operation.getExtensions();
                String handler = (String) extensions.getOrDefault(HANDLER, operation.getOperationId());
                String controller = (String) extensions.getOrDefault(CONTROLLER, "");
                if (operation.getExtensions() != null) {
                    operation.getExtensions().remove(HANDLER);
                    operation.getExtensions().remove(CONTROLLER);
                    if (operation.getExtensions().isEmpty()) {
                        operation.setExtensions(null);
                    }
                }
                if (SUMMARIES.containsKey(key)) {
                    used.add(key);
                    operation.setSummary(SUMMARIES.get(key));
                } else if (operation.getSummary() == null || operation.getSummary().isBlank()) {
                    operation.setSummary(summary(method, path, handler, returnsList(operation)));
                }
                operation.setResponses(responses(method, path, operation, key));
                operation.setOperationId(handler);
                controllers.put(operation, controller);
                nouns.put(operation, operationId(method, path, handler));
                byName.computeIfAbsent(handler, h -> new ArrayList<>()).add(operation);
            }));
            List<String> stale = SUMMARIES.keySet().stream().filter(k -> !used.contains(k)).sorted().toList();
            if (!stale.isEmpty()) {
                throw new IllegalStateException("ApiOperations.SUMMARIES names no operation: " + stale);
            }
            if (openApi.getComponents().getSchemas() != null) {
                openApi.getComponents().getSchemas().remove("StreamingResponseBody");
            }
            Set<String> ids = new HashSet<>();
            byName.forEach((name, operations) -> operations.forEach(operation -> {
                String id = operations.size() == 1 ? name : nouns.get(operation);
                if (!ids.add(id)) {
                    id = name + controllers.get(operation);
                    if (!ids.add(id)) {
                        throw new IllegalStateException("two operations would have the id " + id);
                    }
                }
                operation.setOperationId(id);
            }));
        };
    }

    /**
     * A handler's name with the record it acts on, for a name several handlers share: {@code approveOperation},
     * {@code approveNomination}, {@code listUsers}, {@code operationEvents}, {@code revokeToken}.
     */
    static String operationId(PathItem.HttpMethod method, String path, String handler) {
        List<String> literals = java.util.Arrays.stream(path.split("/"))
                .filter(s -> !s.isEmpty() && !s.equals("api") && !s.startsWith("{")).toList();
        String name = words(handler);
        boolean endsWithLiteral = !path.endsWith("}");
        int at = literals.size() - 1;
        String last = words(literals.get(at));
        if (last.equals(name) || name.startsWith(last) || last.startsWith(name) && !last.endsWith(name)) {
            if (method == PathItem.HttpMethod.GET && endsWithLiteral && last.equals(name) && at > 0) {
                return camel(singular(literals.get(at - 1))) + capital(handler);
            }
            at--;
        } else if (last.endsWith(" " + name)) {
            return camel(last);
        }
        if (at < 0) {
            return handler;
        }
        String noun = method == PathItem.HttpMethod.GET && endsWithLiteral && at == literals.size() - 1
                ? words(literals.get(at)) : singular(literals.get(at));
        String[] nounWords = noun.split(" ");
        if (name.endsWith(nounWords[nounWords.length - 1]) && at > 0) {
            noun = singular(literals.get(at - 1));
        }
        return handler + capital(camel(noun));
    }

    private static String camel(String words) {
        String[] parts = words.split(" ");
        StringBuilder out = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            out.append(capital(parts[i]));
        }
        return out.toString();
    }

    private static boolean returnsList(Operation operation) {
        if (operation.getResponses() == null) {
            return false;
        }
        return operation.getResponses().values().stream().filter(r -> r.getContent() != null)
                .flatMap(r -> r.getContent().values().stream()).map(MediaType::getSchema)
                .anyMatch(s -> s != null && ("array".equals(s.getType())
                        || (s.getTypes() != null && s.getTypes().contains("array"))));
    }

    /** The responses the operation really gives. */
    private static ApiResponses responses(PathItem.HttpMethod method, String path, Operation operation, String key) {
        ApiResponses springdoc = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        String code = springdoc.keySet().stream().filter(c -> c.startsWith("2")).findFirst().orElse("200");
        ApiResponse found = springdoc.get(code);
        Schema<?> schema = null;
        if (found != null && found.getContent() != null) {
            schema = found.getContent().values().stream().map(MediaType::getSchema).filter(s -> s != null)
                    .findFirst().orElse(null);
        }
        ApiResponse success = new ApiResponse().description(switch (code) {
            case "201" -> "Created: the new or changed record";
            case "204" -> "Done: nothing to return";
            default -> "OK";
        });
        if (!"204".equals(code) && schema != null) {
            Content content = new Content();
            for (String type : MEDIA.getOrDefault(key, List.of("application/json"))) {
                content.addMediaType(type, new MediaType().schema(type.equals("application/json") ? schema
                        : new StringSchema().format(type.endsWith("pdf") ? "binary" : null)));
            }
            success.setContent(content);
        }
        ApiResponses responses = new ApiResponses();
        responses.addApiResponse(code, success);
        boolean body = operation.getRequestBody() != null;
        boolean parameters = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> !Access.PURPOSE_HEADER.equalsIgnoreCase(p.getName()));
        boolean signsIn = operation.getSecurity() == null || !operation.getSecurity().isEmpty();
        boolean changes = method != PathItem.HttpMethod.GET && !CHANGES_NOTHING.contains(key);
        boolean multipart = body && operation.getRequestBody().getContent() != null
                && operation.getRequestBody().getContent().containsKey("multipart/form-data");
        if (body || parameters) {
            responses.addApiResponse("400", problem("Bad input: the problem's field names the body field, "
                    + "parameter or part at fault"));
        }
        if (signsIn) {
            responses.addApiResponse("401", problem("Not signed in: no token, or an expired, revoked or "
                    + "unknown one"));
            responses.addApiResponse("403", problem("Forbidden: the caller's role, field office or agreement "
                    + "does not allow this"));
        } else if ("POST /api/auth/token".equals(key)) {
            responses.addApiResponse("401", problem("Wrong user name or password, or the user is locked or "
                    + "disabled"));
        }
        if (path.contains("{")) {
            responses.addApiResponse("404", problem("Not found: no such record, or one the caller may not see"));
        }
        if (changes) {
            responses.addApiResponse("409", problem("Conflict: the record changed since it was read (a stale "
                    + "version), is not in a state that allows this, or a rule the database holds refused it"));
        }
        if (body) {
            responses.addApiResponse("413", problem(multipart ? "Request too large: the upload is larger than "
                    + "spring.servlet.multipart.max-file-size" : "Request too large: the body is larger than "
                    + "caseops.http.max-body-size (1 MB)"));
            responses.addApiResponse("415", problem("Unsupported media type: the body is not "
                    + (multipart ? "multipart/form-data" : "application/json")));
        }
        return responses;
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(
                "application/problem+json", new MediaType().schema(new Schema<>().$ref(
                        "#/components/schemas/" + PROBLEM))));
    }

    /** RFC 9457 as CaseOps writes it (system.ApiExceptionHandler, SecurityConfig). */
    static Schema<?> problemDetail() {
        Schema<?> schema = new ObjectSchema().description("An error, as an RFC 9457 problem detail "
                + "(application/problem+json)");
        schema.addProperty("type", new StringSchema().format("uri").description("What kind of problem: "
                + "https://caseops.example/problems/bad-input for a 400, .../too-large for a 413, otherwise "
                + "about:blank"));
        schema.addProperty("title", new StringSchema().maxLength(200).description("A short summary of the "
                + "kind of problem: Bad input, Not signed in, Forbidden, Not found, Conflict..."));
        schema.addProperty("status", new IntegerSchema().description("The HTTP status code"));
        schema.addProperty("detail", new StringSchema().maxLength(20_000).description("What is wrong in this "
                + "request, in words a person can act on"));
        schema.addProperty("instance", new StringSchema().format("uri").description("The request's path"));
        schema.addProperty("field", new StringSchema().maxLength(500).description("CaseOps' extension: the "
                + "body field (a dotted path for nested ones), query parameter or multipart part at fault; on "
                + "400s that concern one field"));
        schema.setRequired(List.of("type", "title", "status"));
        return schema;
    }

    /** A plain-English summary from the method, the address and the handler's name. */
    static String summary(PathItem.HttpMethod method, String path, String handler, boolean list) {
        List<String> segments = new ArrayList<>(List.of(path.split("/"))).stream()
                .filter(s -> !s.isEmpty() && !s.equals("api")).toList();
        String last = segments.get(segments.size() - 1);
        if (last.startsWith("{")) {
            String thing = singular(segments.get(segments.size() - 2));
            String owner = owner(segments, segments.size() - 2);
            String verb = method == PathItem.HttpMethod.GET ? "Read" : capital(words(handler));
            return verb + " " + article(thing) + (owner == null ? "" : " of " + article(owner));
        }
        int ownerAt = -1;
        for (int i = segments.size() - 2; i > 0; i--) {
            if (segments.get(i).startsWith("{") && !segments.get(i - 1).startsWith("{")) {
                ownerAt = i - 1;
                break;
            }
        }
        String owner = ownerAt < 0 ? null : singular(segments.get(ownerAt));
        List<String> between = ownerAt < 0 ? List.of() : segments.subList(ownerAt + 2, segments.size() - 1);
        String name = words(handler);
        if (method == PathItem.HttpMethod.GET) {
            if (owner == null) {
                return (list ? "List the " : "Read the ") + String.join(" ", segments.stream()
                        .map(ApiOperations::words).toList());
            }
            List<String> what = new ArrayList<>(between.stream().map(ApiOperations::words).toList());
            what.add(words(last));
            return (list ? "List the " : "Read the ") + String.join(" ", what) + " of " + article(owner);
        }
        if (owner == null) {
            return capital(name) + " " + article(singular(last));
        }
        if (last.endsWith("s")) {
            return capital(name) + " " + article(singular(last)) + " for " + article(owner);
        }
        List<String> what = between.stream().map(ApiOperations::words).toList();
        return capital(words(last)) + " " + (what.isEmpty() ? "" : "the " + String.join(" ", what) + " of ")
                + article(owner);
    }

    private static String owner(List<String> segments, int before) {
        for (int i = before - 1; i > 0; i--) {
            if (segments.get(i).startsWith("{") && !segments.get(i - 1).startsWith("{")) {
                return singular(segments.get(i - 1));
            }
        }
        return null;
    }

    static String words(String name) {
        return name.replaceAll("([a-z])([A-Z])", "$1 $2").replace('-', ' ').replace('.', ' ').toLowerCase(Locale.ROOT);
    }

    static String singular(String segment) {
        String w = words(segment);
        return switch (w) {
            case "people" -> "person";
            case "families" -> "family";
            case "cases" -> "case";
            default -> w.endsWith("ies") ? w.substring(0, w.length() - 3) + "y"
                    : w.endsWith("ches") || w.endsWith("sses") ? w.substring(0, w.length() - 2)
                    : w.endsWith("s") && !w.endsWith("ss") ? w.substring(0, w.length() - 1) : w;
        };
    }

    private static String article(String thing) {
        return ("aeio".indexOf(thing.charAt(0)) >= 0 ? "an " : "a ") + thing;
    }

    private static String capital(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
