package org.caseops.access;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.oas.models.media.Schema;
import java.util.Iterator;
import org.springframework.stereotype.Component;

/**
 * Names every CaseOps record nested in a class by its Java name, {@code Supervisions.CheckIn}, in the OpenAPI
 * document. Springdoc names a schema by the class's simple name alone, so records of one name in different classes
 * (the check-in a supervision records and the check-in request a caller sends, a voluntary departure and a removal's
 * departure) shared one schema and the document described the wrong body.
 */
@Component
class ApiSchemaNames implements ModelConverter {

    @Override
    public Schema<?> resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        if (type.getName() == null && type.getType() != null) {
            JavaType java = TypeFactory.defaultInstance().constructType(type.getType());
            Class<?> raw = java.getRawClass();
            if (raw.getEnclosingClass() != null && !raw.isEnum() && java.getBindings().isEmpty()
                    && raw.getPackageName().startsWith("org.caseops")) {
                type.name(raw.getEnclosingClass().getSimpleName() + "." + raw.getSimpleName());
            }
        }
        return chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
    }
}
