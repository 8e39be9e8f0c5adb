package org.caseops.access;

import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.caseops.system.BadInput;
import org.caseops.system.Conflict;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.servlet.view.RedirectView;

/**
 * What the desk pages of voluntary departure, removal and stay requests do with a form alike (docs/web.md): run the
 * service call the API makes; on success go back to the page with what was done; on bad input show the page again
 * with 400, the problem next to its field ({@code errorField} = form:field) and what was typed kept; on a conflict, or
 * a refusal by a rule the database holds (the family gate), show it at the top of the form with 409, in the service's
 * or the database's own words — never a 500.
 */
public final class DeskForms {

    private DeskForms() {
    }

    /** The form that failed, the field at fault ("" for the form as a whole), the problem and what was typed. */
    public record Failure(String form, String field, String problem, Map<String, String> typed) {

        public static final Failure NONE = new Failure(null, null, null, Map.of());

        /** Whether this is the failure of the form {@code formId}. */
        public boolean of(String formId) {
            return formId.equals(form);
        }
    }

    /** Runs {@code action} (answering what was done) for {@code form}; {@code page} draws the page again on a problem. */
    public static ModelAndView change(HttpServletRequest request, String form, String back, Supplier<String> action,
            Supplier<ModelAndView> page) {
        return changeShowing(request, form, back, action, failure -> page.get());
    }

    /**
     * As {@link #change}, the page told which form failed and how, so that a row's button can show its problem next
     * to its own text box.
     */
    public static ModelAndView changeShowing(HttpServletRequest request, String form, String back,
            Supplier<String> action, java.util.function.Function<Failure, ModelAndView> page) {
        String problemField;
        String problem;
        HttpStatus status;
        try {
            String done = action.get();
            RequestContextUtils.getOutputFlashMap(request).put("message", done);
            String purpose = Access.purpose();
            RedirectView view = new RedirectView(back + (purpose == null ? "" : (back.contains("?") ? "&" : "?")
                    + "purpose="
                    + java.net.URLEncoder.encode(purpose, java.nio.charset.StandardCharsets.UTF_8)), true);
            view.setExposeModelAttributes(false);
            return new ModelAndView(view);
        } catch (BadInput e) {
            problemField = form + ":" + e.field();
            problem = e.getMessage();
            status = HttpStatus.BAD_REQUEST;
        } catch (Conflict e) {
            problemField = form + ":";
            problem = e.getMessage();
            status = HttpStatus.CONFLICT;
        } catch (DataIntegrityViolationException e) {
            Throwable cause = e.getMostSpecificCause();
            problemField = form + ":";
            problem = "Refused by a rule the database holds: " + (cause.getMessage() == null ? "a database rule"
                    : cause.getMessage().replaceFirst("(?s)^ERROR: ", "")
                    .replaceFirst("(?s)\\n\\s*(Hint|Where|Detail):.*$", ""));
            status = HttpStatus.CONFLICT;
        }
        Map<String, String> typed = new LinkedHashMap<>();
        request.getParameterMap().forEach((k, v) -> {
            if (!"_csrf".equals(k) && v.length > 0) {
                typed.put(k, v[0]);
            }
        });
        ModelAndView again = page.apply(new Failure(form, problemField.substring(form.length() + 1), problem, typed));
        again.addObject("typed", typed);
        again.addObject("errorForm", form);
        again.addObject("errorField", problemField);
        again.addObject("error", problem);
        again.setStatus(status);
        return again;
    }

    /** The stated purpose as a query for links ({@code ?purpose=…}), or nothing. */
    public static String keep() {
        String purpose = Access.purpose();
        return purpose == null ? "" : "?purpose=" + java.net.URLEncoder.encode(purpose,
                java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The purpose page, when the record is outside the user's field office and no purpose was given; else null. */
    public static ModelAndView purposePrompt(Access access, Access.Subject subject, String action, String what) {
        Actor actor = access.actor();
        if (Access.purpose() == null && actor.mayRead(subject.fieldOffice(), PartnerScope.PERSON_RECORD)
                && actor.needsPurposeFor(subject.fieldOffice())) {
            ModelAndView prompt = new ModelAndView("person-purpose");
            prompt.addObject("aNumber", what);
            prompt.addObject("purposeAction", action);
            prompt.addObject("fieldOffice", subject.fieldOffice());
            return prompt;
        }
        return null;
    }

    /** A date typed in a form (yyyy-MM-dd); empty is {@code otherwise}. */
    public static LocalDate date(String field, String value, LocalDate otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw new BadInput(field, "'" + value + "' is not a date (yyyy-MM-dd)");
        }
    }

    /** One of an enum's values chosen in a form; empty is {@code null} when {@code optional}, otherwise names the field. */
    public static <E extends Enum<E>> E choice(Class<E> type, String field, String value, boolean optional) {
        if (value == null || value.isBlank()) {
            if (optional) {
                return null;
            }
            throw new BadInput(field, "choose one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            throw new BadInput(field, "'" + value + "' is not one of " + java.util.Arrays.toString(
                    type.getEnumConstants()));
        }
    }

    /** An amount of dollars typed in a form ({@code 1500}, {@code 1,500.00}); empty is null. */
    public static BigDecimal dollars(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.trim().replace(",", "").replaceFirst("^\\$", ""));
        } catch (NumberFormatException e) {
            throw new BadInput(field, "'" + value + "' is not an amount in dollars (1500 or 1500.00)");
        }
    }

    /** A whole number typed in a form; empty is null. */
    public static Long number(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw new BadInput(field, "'" + value + "' is not a whole number");
        }
    }

    /** The version a form posts back (the record's version as the page read it). */
    public static Integer version(String value) {
        Long v = number("version", value);
        return v == null ? null : v.intValue();
    }
}
