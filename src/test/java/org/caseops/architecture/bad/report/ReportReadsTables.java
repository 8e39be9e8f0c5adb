package org.caseops.architecture.bad.report;

/** Breaks the report's rule: it counts custody's ledger itself, and reads a view nobody made for readers. */
public class ReportReadsTables {

    static final String SQL = """
            select count(*) from custody_event c join report_private_counts p on p.id = c.id""";

    String sql() {
        return SQL;
    }
}
