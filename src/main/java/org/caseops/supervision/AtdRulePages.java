package org.caseops.supervision;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.caseops.access.Access;
import org.caseops.access.Allow;
import org.caseops.access.DeskForms;
import org.caseops.access.PageLayout;
import org.caseops.access.Role;
import org.caseops.access.WorkingDate;
import org.caseops.system.BadInput;
import org.caseops.system.Pages;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The ATD compliance rule sets (docs/supervision.md, "ATD compliance"; docs/web.md): every version with its status,
 * the day it takes effect and its rules; a director drafts the next version (rules with their parameters) and
 * publishes a draft with its first day; a published set is shown read-only. The same service, checks and audit
 * entries as {@code GET/POST /api/atd/rule-sets} and {@code POST /api/atd/rule-sets/{version}/publish}, and the same
 * roles: directors draft and publish, field staff, counsel and auditors read.
 */
@Controller
@Pages
@Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY, Role.AUDITOR})
class AtdRulePages {

    /** Rule rows the draft form offers; blank rows are left out. */
    static final int ROWS = 4;

    /** A rule row of the draft form, as typed or as the newest version has it. */
    record RuleRow(int index, String code, String kind, Set<String> eventKinds, String maxDays, String severity) {
    }

    /** A version as the table shows it: each rule in words. */
    record SetView(AtdCompliance.RuleSet set, List<String> rules) {
    }

    private final AtdCompliance compliance;
    private final Access access;
    private final WorkingDate workingDate;

    AtdRulePages(AtdCompliance compliance, Access access, WorkingDate workingDate) {
        this.compliance = compliance;
        this.access = access;
        this.workingDate = workingDate;
    }

    @GetMapping("/atd/rules")
    ModelAndView page(HttpServletRequest request) {
        return page(request, false);
    }

    private ModelAndView page(HttpServletRequest request, boolean typed) {
        List<AtdCompliance.RuleSet> sets = compliance.ruleSets();
        ModelAndView page = new ModelAndView("supervision/atd-rules");
        page.addObject("sets", sets.stream().map(s -> new SetView(s, s.rules().stream().map(AtdRulePages::describe)
                .toList())).toList());
        page.addObject("director", access.actor().is(Role.DIRECTOR));
        page.addObject("today", workingDate.get().toString());
        page.addObject("rows", typed ? typedRows(request) : startingRows(sets));
        page.addObject("kinds", options(AtdCompliance.RuleKind.values(), k -> PageLayout.label(k.name())));
        page.addObject("eventKinds", options(AtdCompliance.EventKind.values(),
                k -> PageLayout.label(k.name())));
        page.addObject("severities", options(AtdCompliance.Severity.values(),
                k -> PageLayout.label(k.name())));
        return page;
    }

    /** Drafts the next version, as {@code POST /api/atd/rule-sets}. */
    @Allow(Role.DIRECTOR)
    @PostMapping("/atd/rules")
    ModelAndView draft(@RequestParam(required = false) String note, HttpServletRequest request) {
        return DeskForms.change(request, "draft", "/atd/rules", () -> {
            AtdCompliance.RuleSet set = compliance.draft(note, rules(request));
            return "Version " + set.version() + " drafted with " + set.rules().size() + " rules; publish it with "
                    + "the day it takes effect.";
        }, () -> page(request, true));
    }

    /** Publishes a draft from its first day, as {@code POST /api/atd/rule-sets/{version}/publish}. */
    @Allow(Role.DIRECTOR)
    @PostMapping("/atd/rules/{version}/publish")
    ModelAndView publish(@PathVariable int version, @RequestParam(required = false) String effectiveFrom,
            HttpServletRequest request) {
        return DeskForms.change(request, "publish-" + version, "/atd/rules", () -> {
            AtdCompliance.RuleSet set = compliance.publish(version, DeskForms.date("effectiveFrom", effectiveFrom,
                    null));
            return "Version " + set.version() + " published: in effect from " + set.effectiveFrom() + ".";
        }, () -> page(request, false));
    }

    /** The rules of the form's filled rows; a row's fields named as the API names them ({@code rules[0].maxDays}). */
    static List<AtdCompliance.Rule> rules(HttpServletRequest request) {
        List<AtdCompliance.Rule> rules = new ArrayList<>();
        for (RuleRow row : typedRows(request)) {
            if (row.code().isBlank() && row.kind().isBlank() && row.eventKinds().isEmpty() && row.maxDays().isBlank()
                    && row.severity().isBlank()) {
                continue;
            }
            String field = "rules[" + row.index() + "]";
            Integer maxDays = null;
            if (!row.maxDays().isBlank()) {
                try {
                    maxDays = Integer.valueOf(row.maxDays().trim());
                } catch (NumberFormatException e) {
                    throw new BadInput(field + ".maxDays", "'" + row.maxDays() + "' is not a number of days");
                }
            }
            List<AtdCompliance.EventKind> kinds = new ArrayList<>();
            for (String k : row.eventKinds()) {
                kinds.add(DeskForms.choice(AtdCompliance.EventKind.class, field + ".eventKinds", k, false));
            }
            rules.add(new AtdCompliance.Rule(row.code().isBlank() ? null : row.code().trim().toUpperCase(Locale.ROOT),
                    DeskForms.choice(AtdCompliance.RuleKind.class, field + ".kind", row.kind(), true), kinds, maxDays,
                    DeskForms.choice(AtdCompliance.Severity.class, field + ".severity", row.severity(), true)));
        }
        return rules;
    }

    private static List<RuleRow> typedRows(HttpServletRequest request) {
        List<RuleRow> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            String field = "rules[" + i + "]";
            String[] kinds = request.getParameterValues(field + ".eventKinds");
            rows.add(new RuleRow(i, param(request, field + ".code"), param(request, field + ".kind"),
                    kinds == null ? Set.of() : Set.copyOf(Arrays.stream(kinds).filter(k -> !k.isBlank()).toList()),
                    param(request, field + ".maxDays"), param(request, field + ".severity")));
        }
        return rows;
    }

    /** The newest version's rules as the starting point of the next, then blank rows. */
    private static List<RuleRow> startingRows(List<AtdCompliance.RuleSet> sets) {
        List<AtdCompliance.Rule> newest = sets.isEmpty() ? List.of() : sets.get(0).rules();
        List<RuleRow> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            if (i < newest.size()) {
                AtdCompliance.Rule r = newest.get(i);
                rows.add(new RuleRow(i, r.code(), r.kind().name(), Set.copyOf(r.eventKinds().stream().map(Enum::name)
                        .toList()), r.maxDays() == null ? "" : r.maxDays().toString(), r.severity().name()));
            } else {
                rows.add(new RuleRow(i, "", "", Set.of(), "", ""));
            }
        }
        return rows;
    }

    private static <E extends Enum<E>> java.util.Map<String, String> options(E[] values,
            java.util.function.Function<E, String> text) {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        for (E e : values) {
            out.put(e.name(), text.apply(e));
        }
        return out;
    }

    private static String param(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return value == null ? "" : value;
    }

    /** A rule in words, for the table: what it looks for, within how many days, and its severity. */
    static String describe(AtdCompliance.Rule r) {
        String kinds = String.join(" or ", r.eventKinds().stream().map(k -> k.name().toLowerCase(Locale.ROOT)
                .replace('_', ' ')).toList());
        return r.code() + ": " + (r.kind() == AtdCompliance.RuleKind.NO_EVENT_WITHIN ? "no " + kinds + " within "
                + r.maxDays() + " days" : kinds + " reported") + " (severity " + PageLayout.label(r.severity().name())
                + ")";
    }
}
