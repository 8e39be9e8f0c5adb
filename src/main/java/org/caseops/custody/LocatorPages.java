package org.caseops.custody;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.caseops.access.Public;
import org.caseops.system.BadInput;
import org.caseops.system.NotFound;
import org.caseops.system.Pages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public locator page (docs/web.md): the same exact search as {@code GET /api/locator} — A-number and country of
 * birth, people in custody only, every search audited — for families and lawyers, in English or Spanish
 * ({@code lang=es}; texts in {@code locator/messages_*.properties}), with the time the information was last updated.
 */
@Controller
@Pages
class LocatorPages {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final Locator locator;

    LocatorPages(Locator locator) {
        this.locator = locator;
    }

    @Public
    @GetMapping("/locator")
    String locate(@RequestParam(required = false) String lang, @RequestParam(required = false) String aNumber,
            @RequestParam(required = false) String countryOfBirth, Model model) {
        String language = "es".equals(lang) ? "es" : "en";
        Map<String, String> t = texts(language);
        model.addAttribute("lang", language);
        model.addAttribute("other", language.equals("es") ? "en" : "es");
        model.addAttribute("t", t);
        model.addAttribute("aNumber", aNumber);
        model.addAttribute("countryOfBirth", countryOfBirth);
        if (aNumber == null && countryOfBirth == null) {
            return "locator";
        }
        try {
            if (aNumber == null || aNumber.isBlank()) {
                throw new BadInput("aNumber", t.get("aNumber"));
            }
            Locator.Located located = locator.locate(aNumber.trim(), countryOfBirth);
            model.addAttribute("located", located);
            model.addAttribute("since", WHEN.format(located.since()));
            model.addAttribute("updated", WHEN.format(located.publishedAt()));
            model.addAttribute("lag", java.text.MessageFormat.format(t.get("lag"),
                    span(Duration.ofSeconds(located.publicationLagSeconds()), language)));
        } catch (NotFound e) {
            model.addAttribute("noMatch", true);
        } catch (BadInput e) {
            model.addAttribute("errorField", e.field());
            model.addAttribute("error", e.field().equals("countryOfBirth") ? t.get("country") : t.get("aNumber"));
        }
        return "locator";
    }

    private static Map<String, String> texts(String language) {
        ResourceBundle bundle = ResourceBundle.getBundle("locator.messages", Locale.forLanguageTag(language),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Map<String, String> out = new HashMap<>();
        bundle.keySet().forEach(k -> out.put(k, bundle.getString(k)));
        return out;
    }

    private static String span(Duration d, String language) {
        boolean es = language.equals("es");
        if (d.toMinutes() < 1) {
            return es ? "menos de un minuto" : "less than a minute";
        }
        long n = d.toDays() >= 1 ? d.toDays() : d.toHours() >= 1 ? d.toHours() : d.toMinutes();
        String unit = d.toDays() >= 1 ? (es ? "día" : "day") : d.toHours() >= 1 ? (es ? "hora" : "hour")
                : (es ? "minuto" : "minute");
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
