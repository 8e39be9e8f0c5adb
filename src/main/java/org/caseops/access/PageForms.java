package org.caseops.access;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.caseops.system.BadInput;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/** What the administration pages ({@link AdminPages}, {@link PartnerPages}) read from their forms alike. */
final class PageForms {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneOffset.UTC);

    private PageForms() {
    }

    static ModelAndView redirect(String to) {
        RedirectView view = new RedirectView(to, true);
        view.setExposeModelAttributes(false);
        return new ModelAndView(view);
    }

    static <E extends Enum<E>> E choice(Class<E> type, String field, String value, String what) {
        if (value == null || value.isBlank()) {
            throw new BadInput(field, "choose " + what);
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            throw new BadInput(field, "'" + value + "' is not one of " + java.util.Arrays.toString(
                    type.getEnumConstants()));
        }
    }

    static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    static String text(String value) {
        return value == null ? "" : value;
    }
}
