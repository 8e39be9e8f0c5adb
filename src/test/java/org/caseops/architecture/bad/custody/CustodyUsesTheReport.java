package org.caseops.architecture.bad.custody;

import org.caseops.architecture.bad.report.ReportReadsItsViews;

/** Breaks the floors: custody, below the report, calls up into it. */
public class CustodyUsesTheReport {

    String sql() {
        return new ReportReadsItsViews().sql();
    }
}
