package org.caseops.legal;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.caseops.access.Access;
import org.caseops.access.Allow;
import org.caseops.access.PageLayout;
import org.caseops.access.Role;
import org.caseops.access.WorkingDate;
import org.caseops.system.BadInput;
import org.caseops.system.Listing;
import org.caseops.system.Listing.Cell;
import org.caseops.system.Listing.Column;
import org.caseops.system.NotFound;
import org.caseops.system.Pages;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The screening pages (docs/web.md): the recent screenings with counsel's form to run one for a date and a field
 * office, and one screening's report with its verdicts case by case, by verdict and deciding rule, paged, sorted and
 * as CSV. The same service, rules and audit entry as {@code POST /api/screenings} and {@code GET /api/screenings/{id}}.
 */
@Controller
@Pages
@Allow({Role.ATTORNEY, Role.DIRECTOR, Role.SUPERVISOR, Role.AUDITOR})
class ScreeningPages {

    static final List<Column> COLUMNS = List.of(Column.sortable("case", "Case (IDNCASE)"),
            Column.sortable("office", "Field office"), Column.sortable("verdict", "Verdict"),
            Column.sortable("rule", "Deciding rule"), Column.plain("rules", "Every rule in the way"),
            Column.sortable("changes", "May change on"));
    static final List<String> VERDICTS = RuleMeanings.VERDICTS;
    private static final int CSV_MAX = 100_000;

    private final Screening screening;
    private final ScreeningResults results;
    private final Access access;
    private final WorkingDate workingDate;

    ScreeningPages(Screening screening, ScreeningResults results, Access access, WorkingDate workingDate) {
        this.screening = screening;
        this.results = results;
        this.access = access;
        this.workingDate = workingDate;
    }

    @GetMapping("/screenings")
    ModelAndView screenings() {
        return list(Map.of(), null, null);
    }

    /** Runs a screening (counsel), as {@code POST /api/screenings}; then shows its report. */
    @Allow(Role.ATTORNEY)
    @PostMapping("/screenings")
    ModelAndView run(@RequestParam(required = false) String asOf, @RequestParam(required = false) String fieldOffice) {
        Map<String, String> typed = Map.of("asOf", asOf == null ? "" : asOf, "fieldOffice",
                fieldOffice == null ? "" : fieldOffice);
        try {
            LocalDate date = asOf == null || asOf.isBlank() ? workingDate.get() : parse(asOf);
            String office = fieldOffice == null || fieldOffice.isBlank() ? null
                    : fieldOffice.trim().toUpperCase(Locale.ROOT);
            if (office != null && !office.matches("[A-Z]{3}")) {
                throw new BadInput("fieldOffice", "a field office code has three letters (e.g. HOU), not '"
                        + fieldOffice + "'");
            }
            Screening.Report report = screening.screen(date, office, access.actor().username());
            // The screening commits in its own transaction (docs/legal-rules.md); its audit entry follows it.
            access.audit("SCREENING_RUN", new Access.Subject("SCREENING", String.valueOf(report.screeningId()),
                    office), "as of " + date);
            RedirectView view = new RedirectView("/screenings/" + report.screeningId(), true);
            view.setExposeModelAttributes(false);
            return new ModelAndView(view);
        } catch (BadInput e) {
            ModelAndView page = list(typed, e.field(), e.getMessage());
            page.setStatus(HttpStatus.BAD_REQUEST);
            return page;
        }
    }

    @GetMapping("/screenings/{id}")
    ModelAndView report(@PathVariable long id, @RequestParam(required = false) String verdict,
            @RequestParam(required = false) String rule, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir, @RequestParam(required = false) String format,
            HttpServletResponse response) {
        ScreeningResults.Run run = results.run(id).orElseThrow(() -> new NotFound("no screening " + id));
        Screening.Report report = screening.report(id).orElseThrow(() -> new NotFound("screening " + id
                + " has not finished"));
        String v = verdict == null || verdict.isBlank() ? null : verdict.trim();
        if (v != null && !VERDICTS.contains(v)) {
            throw new BadInput("verdict", "'" + verdict + "' is not a verdict: one of " + VERDICTS);
        }
        String r = rule == null || rule.isBlank() ? null : rule.trim();
        Listing.Query query = Listing.Query.of(page, size, sort, dir, null, COLUMNS, "case", false);
        boolean links = access.actor().is(Role.ATTORNEY, Role.DIRECTOR, Role.SUPERVISOR);
        String path = path(id, v, r);
        String caption = "Cases" + (v == null ? "" : " " + PageLayout.label(v).toLowerCase(Locale.ROOT))
                + (r == null ? "" : " by " + PageLayout.label(r));
        if ("csv".equals(format)) {
            List<ScreeningResults.Result> all = results.page(run, v, r, query.sort(), query.descending(), 0, CSV_MAX);
            Listing.paged("verdicts", caption, path, COLUMNS, rows(all, false), all.size(), query)
                    .writeCsv(response, "screening-" + id);
            return null;
        }
        long total = results.count(run, v, r);
        List<ScreeningResults.Result> shown = results.page(run, v, r, query.sort(), query.descending(),
                (long) query.page() * query.size(), query.size());
        ModelAndView pageView = new ModelAndView("legal/screening");
        pageView.addObject("run", run);
        pageView.addObject("report", report);
        pageView.addObject("verdict", v);
        pageView.addObject("rule", r);
        pageView.addObject("verdicts", VERDICTS);
        List<String> rules = report.reasons().stream().map(Screening.ReasonCount::reason).distinct().sorted().toList();
        pageView.addObject("rules", rules);
        pageView.addObject("meanings", RuleMeanings.meanings(rules));
        pageView.addObject("table", Listing.paged("verdicts", caption, path, COLUMNS, rows(shown, links), total,
                query));
        return pageView;
    }

    private ModelAndView list(Map<String, String> typed, String errorField, String error) {
        ModelAndView page = new ModelAndView("legal/screenings");
        page.addObject("runs", results.recent(50));
        page.addObject("counsel", access.actor().is(Role.ATTORNEY));
        page.addObject("asOf", workingDate.get());
        page.addObject("typed", typed);
        page.addObject("errorField", errorField);
        page.addObject("error", error);
        return page;
    }

    /** A case links to the search, which opens its record for the roles that may read it (with their rules). */
    private static List<Listing.Row> rows(List<ScreeningResults.Result> found, boolean links) {
        return Listing.rows(found,
                x -> links ? Cell.link(x.idncase(), "/search?q=" + x.idncase()) : Cell.of(x.idncase()),
                x -> Cell.of(x.fieldOffice()),
                x -> Cell.of(PageLayout.label(x.verdict())),
                x -> Cell.of(RuleMeanings.ruleName(x.rule())),
                x -> Cell.of(String.join(", ", x.rules().stream().map(RuleMeanings::ruleName).toList())),
                x -> Cell.of(x.changesOn()));
    }

    private static String path(long id, String verdict, String rule) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath("/screenings/" + id);
        if (verdict != null) {
            url.queryParam("verdict", verdict);
        }
        if (rule != null) {
            url.queryParam("rule", java.net.URLEncoder.encode(rule, java.nio.charset.StandardCharsets.UTF_8));
        }
        return url.build(true).toUriString();
    }

    private static LocalDate parse(String value) {
        try {
            return LocalDate.parse(value.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw new BadInput("asOf", "'" + value + "' is not a date (yyyy-MM-dd)");
        }
    }
}
