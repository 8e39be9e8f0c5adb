package org.caseops.system;

import de.siegmar.fastcsv.writer.CsvWriter;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A table of records on a page (templates/layout/table.html, docs/web.md): one page of rows of a query, the columns
 * it may be sorted by with their sort state, a filter, and the same query as CSV. Pages build one from the rows a
 * service returns: {@link #of} pages, sorts and filters a list the service read; {@link #paged} shows a page the
 * service already cut.
 */
public final class Listing {

    public static final int DEFAULT_SIZE = 25;
    public static final int MAX_SIZE = 200;

    /** A column: {@code key} names it in the address ({@code sort=key}). */
    public record Column(String key, String label, boolean sortable) {

        public static Column sortable(String key, String label) {
            return new Column(key, label, true);
        }

        public static Column plain(String key, String label) {
            return new Column(key, label, false);
        }
    }

    /**
     * A cell: its text, the page it links to ({@code null}: none), buttons that post a form, and a check box that
     * selects the row for a form elsewhere on the page ({@code null}: none).
     */
    public record Cell(String text, String href, List<Action> actions, Select select) {

        public Cell(String text, String href, List<Action> actions) {
            this(text, href, actions, null);
        }

        /** A check box of the form {@code form} (its id on the page), named {@code name}, sending {@code value}. */
        public static Cell select(String form, String name, String value, String label) {
            return new Cell("", null, List.of(), new Select(form, name, value, label));
        }

        public static Cell of(Object value) {
            return new Cell(value == null ? "" : value.toString(), null, List.of());
        }

        public static Cell link(Object value, String href) {
            return new Cell(value == null ? "" : value.toString(), href, List.of());
        }

        /** Buttons, each posting its form (with the CSRF token); the cell's text is what the CSV shows. */
        public static Cell actions(String text, Action... actions) {
            return new Cell(text, null, List.of(actions));
        }
    }

    /**
     * A button posting to {@code href}; with a {@code field}, a labelled text box of that name goes with it (a
     * resolution, a reason), {@code required} or not; with {@code choices} (value → label) a labelled list to choose
     * from instead, {@code typed} chosen. {@code id} is unique on the page.
     */
    public record Action(String id, String label, String href, String field, String fieldLabel, boolean required,
            java.util.Map<String, String> hidden, String typed, String error, java.util.Map<String, String> choices) {

        public static Action button(String id, String label, String href, java.util.Map<String, String> hidden) {
            return new Action(id, label, href, null, null, false, hidden, null, null, null);
        }

        public static Action withText(String id, String label, String href, String field, String fieldLabel,
                boolean required, java.util.Map<String, String> hidden) {
            return new Action(id, label, href, field, fieldLabel, required, hidden, null, null, null);
        }

        /** A button with a list to choose from ({@code choices}: value → label, in order), {@code chosen} chosen. */
        public static Action withChoice(String id, String label, String href, String field, String fieldLabel,
                java.util.Map<String, String> choices, String chosen, java.util.Map<String, String> hidden) {
            return new Action(id, label, href, field, fieldLabel, true, hidden, chosen, null, choices);
        }

        /** The same button after its form failed: the problem shown next to its text box, what was typed kept. */
        public Action failed(String typedText, String problem) {
            return new Action(id, label, href, field, fieldLabel, required, hidden, typedText, problem, choices);
        }
    }

    /** A row's check box for a form elsewhere on the page (the HTML {@code form} attribute), with its label. */
    public record Select(String form, String name, String value, String label) {
    }

    public record Row(List<Cell> cells) {

        public static Row of(Cell... cells) {
            return new Row(List.of(cells));
        }

        String text() {
            StringBuilder all = new StringBuilder();
            cells.forEach(c -> all.append(c.text()).append('\u0000'));
            return all.toString().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * What the address asks for: {@code page} (from 0), {@code size} (1–200), {@code sort} (a sortable column's key),
     * {@code dir} ({@code asc}/{@code desc}), {@code filter} (text every shown row contains, any case).
     */
    public record Query(int page, int size, String sort, boolean descending, String filter) {

        /**
         * Reads and checks the query of a table.
         *
         * @throws BadInput naming {@code page}, {@code size}, {@code sort} or {@code dir}
         */
        public static Query of(Integer page, Integer size, String sort, String dir, String filter,
                List<Column> columns, String defaultSort, boolean defaultDescending) {
            int p = page == null ? 0 : page;
            int s = size == null ? DEFAULT_SIZE : size;
            if (p < 0) {
                throw new BadInput("page", "must be 0 or more");
            }
            if (s < 1 || s > MAX_SIZE) {
                throw new BadInput("size", "must be between 1 and " + MAX_SIZE);
            }
            String key = sort == null || sort.isBlank() ? defaultSort : sort.trim();
            if (key != null && columns.stream().noneMatch(c -> c.sortable() && c.key().equals(key))) {
                throw new BadInput("sort", "'" + sort + "' is not a column to sort by; one of "
                        + columns.stream().filter(Column::sortable).map(Column::key).toList());
            }
            boolean descending;
            if (dir == null || dir.isBlank()) {
                descending = key != null && key.equals(defaultSort) && defaultDescending;
            } else if (dir.equalsIgnoreCase("asc") || dir.equalsIgnoreCase("desc")) {
                descending = dir.equalsIgnoreCase("desc");
            } else {
                throw new BadInput("dir", "'" + dir + "' is not a direction: asc or desc");
            }
            String text = filter == null || filter.isBlank() ? null : filter.trim();
            if (text != null && text.length() > 200) {
                throw new BadInput("filter", "at most 200 characters");
            }
            return new Query(p, s, key, descending, text);
        }
    }

    private final String id;
    private final String caption;
    private final String path;
    private final List<Column> columns;
    private final List<Row> rows;
    private final List<Row> all;
    private final long total;
    private final Query query;
    private final boolean filterable;

    private Listing(String id, String caption, String path, List<Column> columns, List<Row> rows, List<Row> all,
            long total, Query query, boolean filterable) {
        this.filterable = filterable;
        this.id = id;
        this.caption = caption;
        this.path = path;
        this.columns = List.copyOf(columns);
        this.rows = List.copyOf(rows);
        this.all = all;
        this.total = total;
        this.query = query;
    }

    /**
     * A table of all the rows a service read: filtered, sorted (numbers as numbers, the rest as text; ISO dates sort
     * as text) and cut to the asked page here.
     *
     * @param path the page's address with the parameters that are not the table's (a tab, a kind)
     */
    public static Listing of(String id, String caption, String path, List<Column> columns, List<Row> rows,
            Query query) {
        List<Row> kept = new ArrayList<>(query.filter() == null ? rows
                : rows.stream().filter(r -> r.text().contains(query.filter().toLowerCase(Locale.ROOT))).toList());
        if (query.sort() != null) {
            int index = indexOf(columns, query.sort());
            Comparator<Row> order = Comparator.comparing((Row r) -> r.cells().get(index).text(), Listing::compare);
            kept.sort(query.descending() ? order.reversed() : order);
        }
        int from = (int) Math.min((long) query.page() * query.size(), kept.size());
        int to = Math.min(from + query.size(), kept.size());
        return new Listing(id, caption, path, columns, kept.subList(from, to), kept, kept.size(), query, true);
    }

    /** A page the service already cut, of {@code total} rows; its CSV is {@code allRows}, read when asked. */
    public static Listing paged(String id, String caption, String path, List<Column> columns, List<Row> pageRows,
            long total, Query query) {
        return new Listing(id, caption, path, columns, pageRows, null, total, query, false);
    }

    private static int indexOf(List<Column> columns, String key) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).key().equals(key)) {
                return i;
            }
        }
        throw new BadInput("sort", "no column " + key);
    }

    private static int compare(String a, String b) {
        if (a.matches("-?[0-9]{1,18}") && b.matches("-?[0-9]{1,18}")) {
            return Long.compare(Long.parseLong(a), Long.parseLong(b));
        }
        return a.compareToIgnoreCase(b);
    }

    /** Writes every row of the query (all pages) as CSV, a header row first. */
    public void writeCsv(HttpServletResponse response, String fileName) {
        writeCsv(response, fileName, all == null ? rows : all);
    }

    /** Writes these rows (the whole query, read by the page) as CSV with this table's header. */
    public void writeCsv(HttpServletResponse response, String fileName, List<Row> everything) {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + ".csv\"");
        try (Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
                CsvWriter csv = CsvWriter.builder().build(out)) {
            csv.writeRecord(columns.stream().map(Column::label).toList());
            for (Row row : everything) {
                csv.writeRecord(row.cells().stream().map(c -> neutralised(c.text())).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A cell a spreadsheet would run as a formula starts with a quote instead (CSV injection). */
    private static String neutralised(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !text.matches("-?[0-9.]+")
                ? "'" + text : text;
    }

    // ---- read by the template -----------------------------------------------------------------------------------

    /** Whether the table's own filter box applies (a page the service cut is filtered by the page's form). */
    public boolean isFilterable() {
        return filterable;
    }

    public String getId() {
        return id;
    }

    public String getCaption() {
        return caption;
    }

    public List<Column> getColumns() {
        return columns;
    }

    public List<Row> getRows() {
        return rows;
    }

    public long getTotal() {
        return total;
    }

    public Query getQuery() {
        return query;
    }

    public int getPages() {
        return (int) Math.max(1, (total + query.size() - 1) / query.size());
    }

    public long getFirst() {
        return total == 0 ? 0 : (long) query.page() * query.size() + 1;
    }

    public long getLast() {
        return Math.min(total, (long) (query.page() + 1) * query.size());
    }

    public boolean isHasPrevious() {
        return query.page() > 0;
    }

    public boolean isHasNext() {
        return (long) (query.page() + 1) * query.size() < total;
    }

    /** {@code ascending}/{@code descending} on the sorted column, {@code none} on the other sortable ones. */
    public String ariaSort(Column column) {
        if (!column.sortable()) {
            return null;
        }
        if (!column.key().equals(query.sort())) {
            return "none";
        }
        return query.descending() ? "descending" : "ascending";
    }

    /** The address sorting by this column: ascending first, then the other way. */
    public String sortHref(Column column) {
        boolean descending = column.key().equals(query.sort()) && !query.descending();
        return href(0, column.key(), descending, query.filter(), false);
    }

    public String pageHref(int page) {
        return href(page, query.sort(), query.descending(), query.filter(), false);
    }

    /** The same query as CSV: every page, as sorted and filtered. */
    public String getCsvHref() {
        return href(0, query.sort(), query.descending(), query.filter(), true);
    }

    /** The page's address without the table's own parameters, for the filter form. */
    public String getPath() {
        return UriComponentsBuilder.fromUriString(path).build().getPath();
    }

    /** The page's own parameters (a tab, a kind) the filter form keeps, as name → value. */
    public java.util.Map<String, String> getFixed() {
        java.util.Map<String, String> fixed = new java.util.LinkedHashMap<>();
        UriComponentsBuilder.fromUriString(path).build().getQueryParams()
                .forEach((k, v) -> fixed.put(k, v.isEmpty() ? "" : v.get(0)));
        return fixed;
    }

    private String href(int page, String sort, boolean descending, String filter, boolean csv) {
        UriComponentsBuilder url = UriComponentsBuilder.fromUriString(path);
        if (page > 0) {
            url.queryParam("page", page);
        }
        if (query.size() != DEFAULT_SIZE) {
            url.queryParam("size", query.size());
        }
        if (sort != null) {
            url.queryParam("sort", enc(sort)).queryParam("dir", descending ? "desc" : "asc");
        }
        if (filter != null) {
            url.queryParam("filter", enc(filter));
        }
        if (csv) {
            url.queryParam("format", "csv");
        }
        return url.build(true).toUriString();
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Rows from records: one function per column, in column order. */
    @SafeVarargs
    public static <T> List<Row> rows(List<T> items, Function<T, Cell>... cells) {
        List<Row> rows = new ArrayList<>(items.size());
        for (T item : items) {
            List<Cell> row = new ArrayList<>(cells.length);
            for (Function<T, Cell> cell : cells) {
                row.add(Objects.requireNonNull(cell.apply(item)));
            }
            rows.add(new Row(row));
        }
        return rows;
    }
}
