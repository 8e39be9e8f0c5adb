package org.caseops.access;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caseops.audit.AuditEntry;
import org.caseops.audit.AuditSearch;
import org.caseops.audit.AuditVerifier;
import org.caseops.audit.VerifyResult;
import org.caseops.system.BadInput;
import org.caseops.system.Listing;
import org.caseops.system.Listing.Cell;
import org.caseops.system.Listing.Column;
import org.caseops.system.Pages;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The auditor's page (docs/web.md): verify the chain (the result and the first broken entry), browse the entries by
 * actor, subject, action, date and purpose, and the NDJSON export of {@code GET /api/audit/export}. Browsing is
 * audited ({@code AUDIT_READ}) like {@code GET /api/audit/entries}: who looked at whom is person-level data.
 */
@Controller
@Pages
@Allow(Role.AUDITOR)
class AuditPages {

    static final List<Column> COLUMNS = List.of(Column.sortable("seq", "Entry"), Column.plain("position", "Chain"),
            Column.plain("recorded", "Recorded (UTC)"), Column.plain("actor", "Actor"),
            Column.plain("action", "Action"), Column.plain("subject", "Subject"), Column.plain("purpose", "Purpose"),
            Column.plain("detail", "Detail"));
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    private static final int CSV_MAX = 100_000;

    private final AuditSearch search;
    private final AuditVerifier verifier;
    private final Access access;
    private final PersonLevelAudit personLevel;

    AuditPages(AuditSearch search, AuditVerifier verifier, Access access, PersonLevelAudit personLevel) {
        this.search = search;
        this.verifier = verifier;
        this.access = access;
        this.personLevel = personLevel;
    }

    @GetMapping("/audit")
    ModelAndView audit(@RequestParam(required = false) String actor,
            @RequestParam(required = false) String subjectType, @RequestParam(required = false) String subjectId,
            @RequestParam(required = false) String action, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String purpose,
            @RequestParam(required = false) Boolean verify, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir, @RequestParam(required = false) String format,
            @RequestParam(required = false) String review, jakarta.servlet.http.HttpServletResponse response) {
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("actor", blank(actor));
        typed.put("subjectType", blank(subjectType));
        typed.put("subjectId", blank(subjectId));
        typed.put("action", blank(action));
        typed.put("from", blank(from));
        typed.put("to", blank(to));
        typed.put("purpose", blank(purpose));
        typed.put("review", blank(review));
        LocalDate fromDay;
        LocalDate toDay;
        try {
            fromDay = day("from", typed.get("from"));
            toDay = day("to", typed.get("to"));
            if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
                throw new BadInput("to", "the last day (" + toDay + ") is before the first (" + fromDay + ")");
            }
            if (typed.get("review") != null && !typed.get("review").matches("\\d{1,18}")) {
                throw new BadInput("review", "'" + typed.get("review") + "' is not an audit entry number");
            }
        } catch (BadInput e) {
            // shown next to the field, with what was typed; nothing is searched
            ModelAndView view = new ModelAndView("audit/audit");
            view.addObject("typed", typed);
            view.addObject("errorField", e.field());
            view.addObject("error", e.getMessage());
            view.setStatus(org.springframework.http.HttpStatus.BAD_REQUEST);
            return view;
        }
        AuditSearch.Filter filter = new AuditSearch.Filter(typed.get("actor"), typed.get("subjectType"),
                typed.get("subjectId"), typed.get("action"), fromDay, toDay, typed.get("purpose"));
        String revealed = typed.get("review") == null ? null
                : personLevel.reviewed(Long.parseLong(typed.get("review")));
        Listing.Query query = Listing.Query.of(page, size, sort, dir, null, COLUMNS, "seq", true);
        String path = path(typed);
        String criteria = typed.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + "=" + e.getValue()).reduce((a, b) -> a + " " + b).orElse("everything");
        if ("csv".equals(format)) {
            List<AuditEntry> all = search.page(filter, !query.descending(), 0, CSV_MAX);
            access.audit("AUDIT_READ", null, "page CSV: " + criteria + " (" + all.size() + " entries)");
            Listing.paged("entries", "Audit entries", path, COLUMNS, rows(all, revealed), all.size(), query)
                    .writeCsv(response, "caseops-audit-entries");
            return null;
        }
        long total = search.count(filter);
        List<AuditEntry> shown = search.page(filter, !query.descending(), (long) query.page() * query.size(),
                query.size());
        access.audit("AUDIT_READ", null, "page " + query.page() + ": " + criteria
                + (revealed == null ? "" : " (person-level entries of " + revealed + " through case review "
                + typed.get("review") + ")"));
        ModelAndView view = new ModelAndView("audit/audit");
        view.addObject("typed", typed);
        view.addObject("entries", Listing.paged("entries", "Audit entries", path, COLUMNS, rows(shown, revealed),
                total, query));
        view.addObject("revealed", revealed);
        view.addObject("hidden", shown.stream().anyMatch(e -> PersonLevelAudit.hidden(e, revealed)));
        if (Boolean.TRUE.equals(verify)) {
            VerifyResult result = verifier.verify();
            view.addObject("result", result);
        }
        return view;
    }

    private static List<Listing.Row> rows(List<AuditEntry> entries, String revealed) {
        return Listing.rows(entries,
                e -> Cell.of(e.seq()),
                e -> Cell.of(e.pending() ? "pending" : e.position()),
                e -> Cell.of(TIME.format(e.recordedAt())),
                e -> Cell.of(e.actor() + " (" + PageLayout.label(e.role()) + (e.fieldOffice() == null ? ""
                        : ", " + e.fieldOffice()) + ")"),
                e -> Cell.of(e.action()),
                e -> Cell.of(e.subjectType() == null ? ""
                        : PersonLevelAudit.hidden(e, revealed) ? "a person (hidden)"
                        : e.subjectType() + " " + e.subjectId()),
                e -> Cell.of(PersonLevelAudit.hidden(e, revealed) ? "" : e.purpose()),
                e -> Cell.of(PersonLevelAudit.hidden(e, revealed) ? PersonLevelAudit.HIDDEN : e.detail()));
    }

    private static String path(Map<String, String> typed) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath("/audit");
        typed.forEach((k, v) -> {
            if (v != null) {
                url.queryParam(k, java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8));
            }
        });
        return url.build(true).toUriString();
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static LocalDate day(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new BadInput(field, "'" + value + "' is not a date (yyyy-MM-dd)");
        }
    }
}
