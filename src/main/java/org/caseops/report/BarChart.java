package org.caseops.report;

import java.util.List;
import java.util.Map;

/**
 * A simple horizontal bar chart drawn on the server (docs/adr/011-monthly-report-charts-as-server-svg.md): each bar a
 * label, its value as text and an inline SVG rectangle scaled to the largest value. The page and the PDF draw the same
 * bars (openhtmltopdf draws the SVG with its Batik plugin; no script runs in either). The numbers stay text beside the
 * bars, so the chart reads without the picture.
 */
public record BarChart(String id, String title, List<Bar> bars) {

    /** The longest bar, in SVG units. */
    public static final int WIDTH = 200;
    public static final int HEIGHT = 12;

    public record Bar(String label, long value, int width) {
    }

    /** A chart of these labelled values, in their order; bars scaled so that the largest is {@link #WIDTH} long. */
    public static BarChart of(String id, String title, Map<String, Long> values) {
        long max = values.values().stream().mapToLong(Long::longValue).max().orElse(0);
        List<Bar> bars = values.entrySet().stream().map(e -> new Bar(e.getKey(), e.getValue(),
                max == 0 ? 0 : (int) Math.max(e.getValue() > 0 ? 1 : 0, Math.round((double) WIDTH * e.getValue() / max))))
                .toList();
        return new BarChart(id, title, bars);
    }

    public boolean empty() {
        return bars.stream().allMatch(b -> b.value() == 0);
    }

    /** One bar as SVG markup, for the PDF (the page draws the same in its template). */
    static String svg(Bar bar) {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + WIDTH + "\" height=\"" + HEIGHT
                + "\" viewBox=\"0 0 " + WIDTH + " " + HEIGHT + "\"><rect x=\"0\" y=\"0\" width=\"" + bar.width()
                + "\" height=\"" + HEIGHT + "\" fill=\"#1f5a96\"/></svg>";
    }
}
