package org.caseops.access;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document behind Swagger UI (docs/operations.md, "The API"): the bearer scheme, so that Swagger UI's
 * <em>Authorize</em> sends {@code Authorization: Bearer <token>} with every call (a token from
 * {@code POST /api/auth/token}; a bearer call needs no CSRF token, since a browser never adds the header by itself);
 * every operation tagged by its feature (the controller's package) instead of its controller's class name; and the
 * {@code X-Purpose} header documented on every operation that signs in.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocs {

    static final String SCHEME = "bearer";

    /** Each feature's tag: the package's name, and what it holds. */
    static final Map<String, String> FEATURES = Map.ofEntries(
            Map.entry("access", "Sign-in, tokens, users, partner agencies, audit trail and checkpoints"),
            Map.entry("audit", "The hash-chained audit trail"),
            Map.entry("jurisdiction", "Field offices, cooperation policies, reference data"),
            Map.entry("task", "Tasks and queues"),
            Map.entry("docket", "The EOIR docket: imports, people, families, cases, notes, search"),
            Map.entry("legal", "The legal gate: executability, holds, stays, protections, screenings"),
            Map.entry("notice", "Call-in letters, appointments, check-ins"),
            Map.entry("supervision", "Orders of supervision and ATD"),
            Map.entry("operation", "Operations: planning, targets, legal review, approval"),
            Map.entry("worksite", "Worksite enforcement: employers, nominations, I-9 inspections"),
            Map.entry("encounter", "Encounters and screening funnels"),
            Map.entry("custody", "The custody ledger and the locator"),
            Map.entry("system", "Health and system endpoints"));

    @Bean
    OpenAPI caseOpsOpenApi() {
        return new OpenAPI()
                .info(new Info().title("CaseOps API").description("Sign in with Authorize: a token from POST "
                        + "/api/auth/token ({\"username\", \"password\"}), or an OIDC access token. Calls with a "
                        + "bearer token need no CSRF token. Reading a person of another field office needs a "
                        + "stated purpose (X-Purpose)."))
                .components(new Components().addSecuritySchemes(SCHEME, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("CaseOps token (cop_...) or JWT")
                        .description("A token from POST /api/auth/token, or an OIDC access token")))
                .addSecurityItem(new SecurityRequirement().addList(SCHEME));
    }

    /** The feature's tag, the bearer requirement (none for a public endpoint) and the purpose header. */
    @Bean
    OperationCustomizer featureTagsAndSignIn() {
        return (operation, handler) -> {
            String name = handler.getBeanType().getPackageName();
            String feature = name.substring(name.lastIndexOf('.') + 1);
            operation.setTags(new ArrayList<>(List.of(feature)));
            boolean open = handler.hasMethodAnnotation(Public.class)
                    || handler.getBeanType().isAnnotationPresent(Public.class);
            if (open) {
                operation.setSecurity(List.of());
            } else if (operation.getParameters() == null || operation.getParameters().stream()
                    .noneMatch(p -> Access.PURPOSE_HEADER.equalsIgnoreCase(p.getName()))) {
                operation.addParametersItem(new HeaderParameter().name(Access.PURPOSE_HEADER).required(false)
                        .schema(new StringSchema().maxLength(500)).description("Why the record is read: needed "
                                + "to read a person of another field office (counsel, partners), recorded in the "
                                + "audit entry"));
            }
            return operation;
        };
    }

    /** The feature tags described, in the order of DESIGN.md's floors. */
    @Bean
    OpenApiCustomizer featureTagDescriptions() {
        List<String> order = List.of("access", "audit", "jurisdiction", "task", "docket", "legal", "notice",
                "supervision", "operation", "worksite", "encounter", "custody", "system");
        return openApi -> {
            List<String> used = new ArrayList<>();
            if (openApi.getPaths() != null) {
                openApi.getPaths().values().forEach(path -> path.readOperations().forEach(op -> {
                    if (op.getTags() != null) {
                        op.getTags().stream().filter(t -> !used.contains(t)).forEach(used::add);
                    }
                }));
            }
            used.sort(Comparator.comparingInt(t -> order.contains(t) ? order.indexOf(t) : order.size()));
            openApi.setTags(used.stream().map(t -> new Tag().name(t).description(FEATURES.get(t))).toList());
        };
    }
}
