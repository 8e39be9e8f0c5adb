package org.caseops.report;

import java.time.YearMonth;
import org.caseops.access.Public;
import org.caseops.system.Pages;
import org.caseops.system.ReplicaRead;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** The public statistics as a page anyone may read, with links to the same figures as CSV and JSON. */
@Controller
@Pages
class PublicStatisticsPages {

    private final PublicStatistics statistics;

    PublicStatisticsPages(PublicStatistics statistics) {
        this.statistics = statistics;
    }

    @Public
    @ReplicaRead
    @GetMapping("/public/statistics")
    ModelAndView page(@RequestParam(required = false) String month) {
        ModelAndView view = new ModelAndView("report/public-statistics");
        if (month == null || month.isBlank()) {
            view.addObject("month", "");
            return view;
        }
        YearMonth parsed = PublicStatistics.month(month);
        view.addObject("month", parsed.toString());
        view.addObject("publication", statistics.publish(parsed));
        return view;
    }
}
