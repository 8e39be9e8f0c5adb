package org.caseops.architecture.bad.report;

/** Keeps the report's rule: views made for it and the catalogue; words after "from" in prose are not tables. */
public class ReportReadsItsViews {

    static final String SQL = """
            select s.measure, f.name from report_stat_custody s join field_office f on f.code = s.field_office_code""";
    static final String PROSE = "computed from the record";

    public String sql() {
        return SQL + PROSE;
    }
}
