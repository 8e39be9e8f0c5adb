package org.caseops.report;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import org.caseops.access.Access;
import org.caseops.access.Actor;
import org.caseops.access.Allow;
import org.caseops.access.Navigation;
import org.caseops.access.Role;
import org.caseops.access.WorkingDate;
import org.caseops.system.Pages;
import org.caseops.system.ReplicaRead;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The monthly report (issue 18, docs/oversight.md "The monthly report") as a page, a CSV ({@code format=csv}) and a
 * PDF with charts: for directors (their own field office) and oversight (any field office, or all). Each figure's
 * section says where it comes from and links to the page that lists it when the reader may open that page.
 */
@Controller
@Pages
@Allow({Role.DIRECTOR, Role.AUDITOR})
@ReplicaRead
class MonthlyReportPages {

    private final MonthlyReports reports;
    private final Access access;
    private final WorkingDate workingDate;
    private final Navigation navigation;

    MonthlyReportPages(MonthlyReports reports, Access access, WorkingDate workingDate, Navigation navigation) {
        this.reports = reports;
        this.access = access;
        this.workingDate = workingDate;
        this.navigation = navigation;
    }

    @GetMapping("/reports/monthly")
    String page(@RequestParam(required = false) String month, @RequestParam(required = false) String office,
            @RequestParam(required = false) String format, Model model, HttpServletResponse response)
            throws IOException {
        Actor actor = access.actor();
        String scope = MonthlyReports.office(actor, office);
        if (format != null && !format.equals("html") && !format.equals("csv")) {
            throw new org.caseops.system.BadInput("format", "format is html or csv (the PDF is /reports/monthly.pdf)");
        }
        model.addAttribute("officeScoped", actor.role().officeScoped());
        model.addAttribute("office", scope == null ? "" : scope);
        if (month == null || month.isBlank()) {
            model.addAttribute("month", YearMonth.from(workingDate.get()).toString());
            return "report/monthly";
        }
        YearMonth parsed = PublicStatistics.month(month);
        MonthlyReports.Report report = reports.report(parsed, scope, workingDate.get());
        if ("csv".equals(format)) {
            response.setContentType("text/csv;charset=UTF-8");
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"caseops-monthly-report-"
                    + report.month() + (scope == null ? "" : "-" + scope) + ".csv\"");
            response.getOutputStream().write(MonthlyReportDocuments.csv(report).getBytes(StandardCharsets.UTF_8));
            return null;
        }
        model.addAttribute("month", report.month());
        model.addAttribute("report", report);
        model.addAttribute("charts", MonthlyReportDocuments.charts(report));
        model.addAttribute("links", links(actor.role(), report));
        return "report/monthly";
    }

    @GetMapping("/reports/monthly.pdf")
    ResponseEntity<byte[]> pdf(@RequestParam(required = false) String month,
            @RequestParam(required = false) String office) {
        String scope = MonthlyReports.office(access.actor(), office);
        MonthlyReports.Report report = reports.report(PublicStatistics.month(month), scope, workingDate.get());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"caseops-monthly-report-"
                        + report.month() + (scope == null ? "" : "-" + scope) + ".pdf\"")
                .body(MonthlyReportDocuments.pdf(report));
    }

    /** Each section's page, when the reader's role may open it (the menu's own rule); otherwise none. */
    private Map<String, String> links(Role role, MonthlyReports.Report report) {
        Map<String, String> links = new LinkedHashMap<>();
        report.sources().forEach((section, source) -> {
            if (source.href() != null && navigation.allows(role, source.href())) {
                links.put(section, source.href());
            }
        });
        return links;
    }
}
