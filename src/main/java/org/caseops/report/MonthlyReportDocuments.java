package org.caseops.report;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caseops.report.MonthlyReports.Report;

/**
 * The monthly report as charts, CSV (one line per figure, with where it comes from) and a PDF with the charts
 * (openhtmltopdf, fonts embedded as the notices and the notification package embed them; bars as inline SVG drawn by
 * the Batik plugin).
 */
final class MonthlyReportDocuments {

    private MonthlyReportDocuments() {
    }

    static final Map<String, String> RELEASE_REASONS = Map.of("ATD", "Alternatives to detention",
            "ORDER_OF_SUPERVISION", "Order of supervision", "HUMANITARIAN", "Humanitarian", "OTHER", "Other");

    static String reason(String code) {
        return RELEASE_REASONS.getOrDefault(code, code) + " (" + code + ")";
    }

    /** The charts of a report: the funnel in total, releases by reason, clocks breached, locator lateness, access. */
    static List<BarChart> charts(Report r) {
        List<BarChart> charts = new ArrayList<>();
        Map<String, Long> funnel = new LinkedHashMap<>();
        funnel.put("Targeted", r.funnel().stream().mapToLong(MonthlyReports.FunnelRow::targeted).sum());
        funnel.put("Encountered", r.funnel().stream().mapToLong(MonthlyReports.FunnelRow::encountered).sum());
        funnel.put("Arrested (targets)", r.funnel().stream().mapToLong(MonthlyReports.FunnelRow::arrestedTargets)
                .sum());
        funnel.put("Arrested (collateral)", r.funnel().stream()
                .mapToLong(MonthlyReports.FunnelRow::arrestedCollateral).sum());
        funnel.put("Released", r.funnel().stream().mapToLong(MonthlyReports.FunnelRow::released).sum());
        funnel.put("Removed", r.funnel().stream().mapToLong(MonthlyReports.FunnelRow::removed).sum());
        funnel.put("Departed voluntarily", r.funnel().stream()
                .mapToLong(MonthlyReports.FunnelRow::departedVoluntarily).sum());
        charts.add(BarChart.of("chart-funnel", "The funnel, all operations of the month", funnel));
        Map<String, Long> releases = new LinkedHashMap<>();
        for (String code : List.of("ATD", "ORDER_OF_SUPERVISION", "HUMANITARIAN", "OTHER")) {
            releases.put(reason(code), r.releases().stream().filter(x -> x.reason().equals(code))
                    .mapToLong(MonthlyReports.ReleaseRow::released).sum());
        }
        charts.add(BarChart.of("chart-releases", "Releases by reason", releases));
        Map<String, Long> clocks = new LinkedHashMap<>();
        for (MonthlyReports.Clock c : MonthlyReports.Clock.values()) {
            clocks.put(c.label, r.clocks().stream().filter(x -> x.clock() == c)
                    .mapToLong(MonthlyReports.ClockRow::breached).sum());
        }
        charts.add(BarChart.of("chart-clocks", "Custody clocks breached", clocks));
        Map<String, Long> late = new LinkedHashMap<>();
        late.put("Shown in the locator on time", r.timelinessTotal().changes() - r.timelinessTotal().late());
        late.put("Shown late (after 2 business days)", r.timelinessTotal().late());
        late.put("Entered more than 24 h after the move", r.timelinessTotal().enteredLate());
        charts.add(BarChart.of("chart-timeliness", "Custody moves of the month", late));
        Map<String, Long> purposes = new LinkedHashMap<>();
        r.access().forEach(a -> purposes.merge(a.purpose(), a.entries(), Long::sum));
        charts.add(BarChart.of("chart-access", "Access outside the reader's field office, by purpose", purposes));
        return charts;
    }

    /** One line per figure: section, field office, operation, item, value, and where it comes from. */
    static String csv(Report r) {
        StringWriter text = new StringWriter();
        try (CsvWriter csv = CsvWriter.builder().build(text)) {
            csv.writeRecord("month", "section", "field_office", "operation_id", "item", "value", "source");
            String m = r.month();
            String src;
            src = r.sources().get("funnel").query();
            for (MonthlyReports.FunnelRow f : r.funnel()) {
                String op = String.valueOf(f.operationId());
                csv.writeRecord(m, "funnel", f.city(), op, "targeted", n(f.targeted()), src);
                csv.writeRecord(m, "funnel", f.city(), op, "encountered", n(f.encountered()), src);
                csv.writeRecord(m, "funnel", f.city(), op, "arrested_targets", n(f.arrestedTargets()), src);
                csv.writeRecord(m, "funnel", f.city(), op, "arrested_collateral", n(f.arrestedCollateral()), src);
                csv.writeRecord(m, "funnel", f.city(), op, "released", n(f.released()), src);
                csv.writeRecord(m, "funnel", f.city(), op, "removed", n(f.removed()), src);
                csv.writeRecord(m, "funnel", f.city(), op, "departed_voluntarily", n(f.departedVoluntarily()), src);
            }
            src = r.sources().get("collateral").query();
            for (MonthlyReports.CollateralRow c : r.collateral()) {
                String op = c.operationId() == null ? "" : c.operationId().toString();
                csv.writeRecord(m, "collateral", c.fieldOffice(), op, "encounters", n(c.encounters()), src);
                csv.writeRecord(m, "collateral", c.fieldOffice(), op, "arrested", n(c.arrested()), src);
                csv.writeRecord(m, "collateral", c.fieldOffice(), op, "not_arrested", n(c.notArrested()), src);
                csv.writeRecord(m, "collateral", c.fieldOffice(), op, "review_completed", n(c.reviewed()), src);
                csv.writeRecord(m, "collateral", c.fieldOffice(), op, "review_open", n(c.reviewOpen()), src);
                csv.writeRecord(m, "collateral", c.fieldOffice(), op, "review_cancelled", n(c.reviewCancelled()),
                        src);
                csv.writeRecord(m, "collateral", c.fieldOffice(), op, "no_review", n(c.noReview()), src);
            }
            src = r.sources().get("releases").query();
            for (MonthlyReports.ReleaseRow x : r.releases()) {
                csv.writeRecord(m, "releases", x.fieldOffice(), x.operationId() == null ? "" : x.operationId()
                        .toString(), "released_" + x.reason(), n(x.released()), src);
            }
            src = r.sources().get("clocks").query();
            for (MonthlyReports.ClockRow c : r.clocks()) {
                csv.writeRecord(m, "clocks_breached", c.fieldOffice(), "", c.clock().name(), n(c.breached()), src);
            }
            src = r.sources().get("timeliness").query();
            List<MonthlyReports.TimelinessRow> rows = new ArrayList<>(r.timeliness());
            rows.add(r.timelinessTotal());
            for (MonthlyReports.TimelinessRow t : rows) {
                csv.writeRecord(m, "timeliness", t.fieldOffice(), "", "custody_moves", n(t.changes()), src);
                csv.writeRecord(m, "timeliness", t.fieldOffice(), "", "locator_late", n(t.late()), src);
                csv.writeRecord(m, "timeliness", t.fieldOffice(), "", "entered_late", n(t.enteredLate()), src);
            }
            src = r.sources().get("audit").query();
            MonthlyReports.AuditChain a = r.auditChain();
            csv.writeRecord(m, "audit_chain", "", "", "checked", String.valueOf(a.checked()), src);
            csv.writeRecord(m, "audit_chain", "", "", "intact", a.checked() ? String.valueOf(a.intact()) : "", src);
            if (a.checked()) {
                csv.writeRecord(m, "audit_chain", "", "", "check_kind", a.kind(), src);
                csv.writeRecord(m, "audit_chain", "", "", "checked_at", a.checkedAt().toString(), src);
                csv.writeRecord(m, "audit_chain", "", "", "checked_from_entry", n(a.fromPosition()), src);
                csv.writeRecord(m, "audit_chain", "", "", "verified_up_to_entry", n(a.verifiedUpTo()), src);
                csv.writeRecord(m, "audit_chain", "", "", "pending", n(a.pending()), src);
            }
            if (a.wholeChainCheckedAt() != null) {
                csv.writeRecord(m, "audit_chain", "", "", "whole_chain_checked_at", a.wholeChainCheckedAt().toString(),
                        src);
            }
            if (a.firstBrokenPosition() != null) {
                csv.writeRecord(m, "audit_chain", "", "", "first_broken_position", n(a.firstBrokenPosition()), src);
            }
            if (a.checkpointPosition() != null) {
                csv.writeRecord(m, "audit_chain", "", "", "latest_checkpoint_position", n(a.checkpointPosition()),
                        src);
            }
            src = r.sources().get("access").query();
            for (MonthlyReports.AccessRow x : r.access()) {
                csv.writeRecord(m, "access_outside_office", x.actorOffice(), "", neutralised(x.role() + " "
                        + x.action() + " for: " + x.purpose()), n(x.entries()), src);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static String n(long v) {
        return String.valueOf(v);
    }

    /** Free text a spreadsheet would run as a formula starts with a quote instead (CSV injection). */
    static String neutralised(String text) {
        return text == null ? "" : !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    /** The report as a PDF: its sections as tables, each chart as bars (SVG) with the numbers beside them. */
    static byte[] pdf(Report r) {
        StringBuilder h = new StringBuilder();
        h.append("<html><head><meta charset=\"utf-8\"/><title>Monthly report ").append(e(r.month()))
                .append("</title><style>").append(CSS).append("</style></head><body>");
        h.append("<h1>CaseOps monthly report, ").append(e(r.month())).append(", ")
                .append(e(r.fieldOffice() == null ? "all field offices" : "field office " + r.fieldOffice()))
                .append("</h1>");
        h.append("<p>Counted from the record (views made for the report) on ").append(e(r.asOf().toString()))
                .append(" (clocks up to the end of the month or that date); counts only, nobody named. Days and months "
                        + "are UTC.</p>");
        h.append("<h2>Charts</h2>");
        for (BarChart chart : charts(r)) {
            h.append("<table class=\"chart\"><caption>").append(e(chart.title())).append("</caption>");
            for (BarChart.Bar bar : chart.bars()) {
                h.append("<tr><th>").append(e(bar.label())).append("</th><td class=\"bar\">")
                        .append(BarChart.svg(bar)).append("</td><td class=\"n\">").append(bar.value())
                        .append("</td></tr>");
            }
            if (chart.bars().isEmpty()) {
                h.append("<tr><td>Nothing recorded.</td></tr>");
            }
            h.append("</table>");
        }
        h.append("<h2>Funnel per operation and city</h2>");
        table(h, List.of("Operation", "City", "Targeted", "Encountered", "Arrested (targets)",
                "Arrested (collateral)", "Released", "Removed", "Departed voluntarily"),
                r.funnel().stream().map(f -> List.of(f.operationId() + " " + f.operation(), f.city(),
                        n(f.targeted()), n(f.encountered()), n(f.arrestedTargets()), n(f.arrestedCollateral()),
                        n(f.released()), n(f.removed()), n(f.departedVoluntarily()))).toList());
        h.append("<h2>Collateral encounters and their reviews</h2>");
        table(h, List.of("Field office", "Operation", "Encounters", "Arrested", "Not arrested", "Review completed",
                "Review open", "Review cancelled", "No review"),
                r.collateral().stream().map(c -> List.of(c.fieldOffice(), c.operationId() == null ? "none"
                        : c.operationId().toString(), n(c.encounters()), n(c.arrested()), n(c.notArrested()),
                        n(c.reviewed()), n(c.reviewOpen()), n(c.reviewCancelled()), n(c.noReview()))).toList());
        h.append("<h2>Releases and their reasons</h2>");
        table(h, List.of("Field office", "Operation", "Reason", "Released"), r.releases().stream().map(x -> List.of(
                x.fieldOffice(), x.operationId() == null ? "none" : x.operationId().toString(), reason(x.reason()),
                n(x.released()))).toList());
        h.append("<h2>Custody clocks breached</h2>");
        table(h, List.of("Field office", "Clock", "Breached"), r.clocks().stream().map(c -> List.of(c.fieldOffice(),
                c.label() + " (" + c.clock().name() + ")", n(c.breached()))).toList());
        h.append("<h2>Locator timeliness and custody records entered late</h2>");
        List<MonthlyReports.TimelinessRow> rows = new ArrayList<>(r.timeliness());
        rows.add(r.timelinessTotal());
        table(h, List.of("Field office", "Custody moves", "Shown late in the locator", "Share late",
                "Entered late"), rows.stream().map(t -> List.of(t.fieldOffice(), n(t.changes()), n(t.late()),
                        t.percentLate(), n(t.enteredLate()))).toList());
        h.append("<h2>Audit chain</h2>");
        MonthlyReports.AuditChain a = r.auditChain();
        h.append("<p>").append(e(a.state() + ": " + a.summary())).append(".</p>");
        h.append("<h2>Access to person records outside one's field office, by purpose</h2>");
        table(h, List.of("Reader's office", "Role", "Action", "Purpose", "Entries"), r.access().stream()
                .map(x -> List.of(x.actorOffice(), x.role(), x.action(), x.purpose(), n(x.entries()))).toList());
        h.append("<h2>Where each figure comes from</h2><ul>");
        r.sources().forEach((k, s) -> h.append("<li>").append(e(k)).append(": ").append(e(s.query()))
                .append("</li>"));
        h.append("</ul></body></html>");
        return toPdf(h.toString());
    }

    private static void table(StringBuilder h, List<String> head, List<List<String>> rows) {
        h.append("<table><thead><tr>");
        head.forEach(c -> h.append("<th>").append(e(c)).append("</th>"));
        h.append("</tr></thead><tbody>");
        for (List<String> row : rows) {
            h.append("<tr>");
            row.forEach(c -> h.append("<td>").append(e(c)).append("</td>"));
            h.append("</tr>");
        }
        if (rows.isEmpty()) {
            h.append("<tr><td colspan=\"").append(head.size()).append("\">Nothing recorded.</td></tr>");
        }
        h.append("</tbody></table>");
    }

    /** XML's five characters only: the renderer parses XHTML, which knows no HTML entity such as {@code &ndash;}. */
    private static String e(String text) {
        return org.caseops.system.PdfDocuments.escape(text);
    }

    private static byte[] toPdf(String html) {
        return org.caseops.system.PdfDocuments.render(html, "the monthly report");
    }

    private static final String CSS = """
            @page { size: letter landscape; margin: 1.5cm; }
            body { font-family: 'DejaVu Sans'; font-size: 9pt; line-height: 1.3; }
            h1 { font-size: 14pt; } h2 { font-size: 11pt; margin-top: 12pt; }
            table { width: 100%; border-collapse: collapse; margin-bottom: 8pt; }
            caption { text-align: left; font-weight: bold; padding: 2pt 0; }
            th { text-align: left; font-weight: bold; vertical-align: top; }
            th, td { border-bottom: 0.5pt solid #999; padding: 2pt 4pt; }
            table.chart th { width: 40%; font-weight: normal; }
            table.chart td.bar { width: 210pt; }
            td.n { text-align: right; }
            """;
}
