package org.caseops.worksite;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.caseops.access.DeskForms;
import org.caseops.access.PageLayout;
import org.caseops.system.BadInput;
import org.springframework.web.servlet.ModelAndView;

/**
 * What the worksite pages do with a form (as {@code access.DeskForms}, docs/web.md): run the service call the API
 * makes; on success go back with what was done; on bad input draw the page again with 400, the problem next to its
 * field ({@code errorField} = form:field) and what was typed kept; on a conflict show it at the top of the form with
 * 409. The page is told which form failed, so a row's button can show its problem next to its own text box.
 */
final class WorksiteForms {

    /** The form that failed ({@link DeskForms.Failure}): the worksite pages' name for it. */
    record Failure(String form, String field, String problem, Map<String, String> typed) {

        static final Failure NONE = new Failure(null, null, null, Map.of());

        boolean of(String formId) {
            return formId.equals(form);
        }
    }

    private WorksiteForms() {
    }

    /** {@link DeskForms#changeShowing}: the desk pages' handling of a form, a database refusal included (409). */
    static ModelAndView change(HttpServletRequest request, String form, String back, Supplier<String> action,
            Function<Failure, ModelAndView> page) {
        return DeskForms.changeShowing(request, form, back, action,
                f -> page.apply(new Failure(f.form(), f.field(), f.problem(), f.typed())));
    }

    /** An enum's values as form choices: name → its words. */
    static <E extends Enum<E>> Map<String, String> options(E[] values) {
        return Arrays.stream(values).collect(Collectors.toMap(Enum::name, v -> PageLayout.label(v.name()),
                (x, y) -> x, LinkedHashMap::new));
    }

    /** A whole number typed in a form; empty is null. */
    static Integer whole(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw new BadInput(field, "'" + value + "' is not a whole number");
        }
    }
}
