package org.caseops.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a dashboard page shows (templates/layout/dashboard.html, docs/web.md "Dashboards"): a bar chart with one or
 * more series, the same numbers in a table of records beside it (sortable, filterable, CSV), and, for a dashboard of
 * a date, the dates to choose from. Counts only: a dashboard names nobody.
 *
 * @param labels  the chart's labels as JSON (one per bar group)
 * @param series  the chart's series as JSON ({@code [{"label": ..., "data": [...]}, ...]})
 * @param dates   the dates to choose from, newest first, or {@code null} for a dashboard without a date
 */
public record Dashboard(String title, String intro, String chartTitle, String labels, String series, Listing table,
        List<String> dates, String asOf, boolean empty, String emptyText) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A dashboard whose chart has a bar per label for each series ({@code series}: label → one count per label, in
     * order); {@code emptyText} is shown instead of the chart when there is nothing to count.
     */
    public static Dashboard of(String title, String intro, String chartTitle, List<String> labels,
            Map<String, List<Long>> series, Listing table, String emptyText) {
        List<Map<String, Object>> sets = new ArrayList<>();
        series.forEach((label, data) -> {
            if (data.size() != labels.size()) {
                throw new IllegalArgumentException(label + ": " + data.size() + " counts for " + labels.size()
                        + " labels");
            }
            Map<String, Object> set = new LinkedHashMap<>();
            set.put("label", label);
            set.put("data", data);
            sets.add(set);
        });
        return new Dashboard(title, intro, chartTitle, json(labels), json(sets), table, null, null, labels.isEmpty(),
                emptyText);
    }

    /** The same dashboard for one of these dates (newest first), {@code asOf} the one shown. */
    public Dashboard forDate(List<String> choices, String shown) {
        return new Dashboard(title, intro, chartTitle, labels, series, table, choices, shown, empty, emptyText);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
