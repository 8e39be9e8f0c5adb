package org.caseops.supervision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.caseops.access.Acting;
import org.caseops.access.Actor;
import org.caseops.access.Role;
import org.caseops.docket.Docket;
import org.caseops.docket.DocketViews;
import org.caseops.system.Conflict;
import org.caseops.system.DemoInBackground;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo mode ({@code serve --demo}): a few voluntary departures of the family-op-2019 scenario (issue 16), once, in
 * the background after the demo docket: for a few people whose court granted voluntary departure in spring 2019 (the
 * docket's decision {@code V}), the grant recorded with the period the legal gate finds, the bond posted, and the
 * departure verified by a travel record three weeks later, closing the case. As each field office's supervisor
 * {@code demo}.
 */
@Component
@ConditionalOnProperty(name = "caseops.demo", havingValue = "true")
@Order(11) // after the demo docket (DemoData, order 1)
class DepartureDemo implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DepartureDemo.class);
    static final int AT_MOST = 5;

    private final JdbcClient jdbc;
    private final Docket docket;
    private final VoluntaryDepartures departures;

    DepartureDemo(JdbcClient jdbc, Docket docket, VoluntaryDepartures departures) {
        this.jdbc = jdbc;
        this.docket = docket;
        this.departures = departures;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("select exists (select 1 from voluntary_departure where created_by = 'demo')")
                .query(Boolean.class).single()) {
            return;
        }
        DemoInBackground.play("demo-departures", log, "the voluntary departures", this::play,
                departed -> departed + " voluntary departures played");
    }

    int play() {
        List<String> offices = jdbc.sql("""
                select distinct field_office_code from report_family_office where field_office_code is not null
                order by 1""").query(String.class).list();
        int departed = 0;
        for (String office : offices) {
            if (departed >= AT_MOST) {
                break;
            }
            Actor supervisor = new Actor(0, "demo", Role.SUPERVISOR, office, null, null);
            DocketViews.Page<DocketViews.CaseSummary> granted = Acting.as(supervisor, () -> docket.cases(
                    new DocketViews.CaseFilter(office, null, "VOLUNTARY_DEPARTURE", null, null, null, null), 0, 5));
            for (DocketViews.CaseSummary c : granted.items()) {
                if (c.aNumber() == null || c.orderDate() == null) {
                    continue;
                }
                try {
                    Acting.as(supervisor, () -> {
                        VoluntaryDepartures.Departure d = departures.grant(c.aNumber(), c.orderDate(),
                                new BigDecimal("1500"), null, null, null);
                        VoluntaryDepartures.Departure bonded = departures.postBond(c.aNumber(), d.id(),
                                c.orderDate().plusDays(2), "synthetic bond receipt", d.version());
                        LocalDate left = c.orderDate().plusDays(21).isAfter(d.lastDay()) ? d.lastDay()
                                : c.orderDate().plusDays(21);
                        return departures.depart(c.aNumber(), d.id(), left,
                                VoluntaryDepartures.ProofKind.TRAVEL_RECORD, "synthetic travel record", "IAH",
                                bonded.version());
                    });
                    departed++;
                    break;
                } catch (Conflict | org.caseops.system.BadInput e) {
                    // the gate finds no period running for this one (or it departed already): the next
                }
            }
        }
        return departed;
    }
}
