package org.caseops.system;

import io.swagger.v3.oas.models.media.Schema;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Writes the limits {@link InputLimits} holds for every request into the OpenAPI document: every text field without
 * a tighter limit of its own gets {@code maxLength} {@value InputLimits#MAX_TEXT}; every date, in a body or a query,
 * says the range it must lie in ({@code x-earliest}, {@code x-latest} and its description). Fields with their own
 * limits carry bean validation annotations ({@code @Size}), which springdoc writes itself.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiLimits {

    @Bean
    OpenApiCustomizer inputLimitsInTheSchema() {
        return openApi -> {
            if (openApi.getComponents() != null && openApi.getComponents().getSchemas() != null) {
                openApi.getComponents().getSchemas().values().forEach(OpenApiLimits::limit);
            }
            if (openApi.getPaths() != null) {
                openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
                    if (operation.getParameters() != null) {
                        operation.getParameters().forEach(parameter -> {
                            if (parameter.getSchema() != null) {
                                limit(parameter.getSchema());
                            }
                        });
                    }
                }));
            }
        };
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void limit(Schema schema) {
        if (schema.getProperties() != null) {
            ((Map<String, Schema>) schema.getProperties()).values().forEach(OpenApiLimits::limit);
        }
        if (schema.getItems() != null) {
            limit(schema.getItems());
        }
        boolean string = "string".equals(schema.getType())
                || (schema.getTypes() != null && schema.getTypes().contains("string"));
        if (!string || schema.getEnum() != null) {
            return;
        }
        if ("date".equals(schema.getFormat())) {
            schema.addExtension("x-earliest", InputLimits.EARLIEST.toString());
            schema.addExtension("x-latest", InputLimits.LATEST.toString());
            String range = "From " + InputLimits.EARLIEST + " to " + InputLimits.LATEST + ".";
            schema.setDescription(schema.getDescription() == null ? range : schema.getDescription() + " " + range);
        } else if (schema.getFormat() == null && schema.getMaxLength() == null) {
            schema.setMaxLength(InputLimits.MAX_TEXT);
        }
    }
}
