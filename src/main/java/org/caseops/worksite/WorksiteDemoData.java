package org.caseops.worksite;

import java.util.List;
import org.caseops.audit.AuditEvent;
import org.caseops.audit.AuditLog;
import org.caseops.worksite.synthetic.SyntheticEmployers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo mode ({@code serve --demo}): a few synthetic employers with sites in the demo's field office (Houston) and in
 * New Orleans, whose area holds Mississippi. Loaded once: a home that has the demo's employers gets none again (a few
 * inserts, so start-up stays fast). Written as the actor {@code demo}, with their worksite events and audit entries.
 */
@Component
@ConditionalOnProperty(name = "caseops.demo", havingValue = "true")
class WorksiteDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(WorksiteDemoData.class);
    static final long SEED = 2019_08_07L;
    static final int EMPLOYERS = 6;
    static final String ACTOR = "demo";

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final TransactionTemplate transaction;

    WorksiteDemoData(JdbcClient jdbc, AuditLog audit, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public void run(ApplicationArguments args) {
        int loaded = transaction.execute(status -> load());
        if (loaded > 0) {
            log.info("Demo mode: {} synthetic employers added", loaded);
        }
    }

    /** Adds the demo employers unless they are there; returns how many were added (one transaction). */
    int load() {
        if (jdbc.sql("select exists (select 1 from employer where created_by = ?)").param(ACTOR)
                .query(Boolean.class).single()) {
            return 0;
        }
        List<SyntheticEmployers.Place> places = jdbc.sql("""
                select code, city, state from field_office where code = 'HOU' or city ilike 'New Orleans'
                order by code = 'HOU' desc, code""")
                .query((rs, n) -> new SyntheticEmployers.Place(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
        if (places.isEmpty()) {
            return 0;
        }
        int added = 0;
        for (SyntheticEmployers.Employer e : SyntheticEmployers.generate(SEED, EMPLOYERS, places)) {
            java.util.Optional<Long> inserted = jdbc.sql("""
                    insert into employer (name, ein, naics, employees, created_by) values (?, ?, ?, ?, ?)
                    on conflict (ein) do nothing returning id""")
                    .params(e.name(), e.ein(), e.industry().naics(), e.employees(), ACTOR).query(Long.class)
                    .optional();
            if (inserted.isEmpty()) {
                continue; // an employer someone recorded has this EIN: the demo leaves it alone
            }
            long id = inserted.get();
            added++;
            for (SyntheticEmployers.Site s : e.sites()) {
                jdbc.sql("""
                        insert into employer_site (employer_id, name, address, city, state, field_office_code, workers)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                        .params(id, s.name(), s.address(), s.city(), s.state(), s.fieldOffice(), s.workers()).update();
            }
            String summary = "demo employer " + e.name() + " (EIN " + e.ein() + ", " + e.industry().label() + ", "
                    + e.employees() + " employees, " + e.sites().size() + " sites)";
            jdbc.sql("""
                    insert into worksite_event (subject_type, subject_id, actor, kind, summary)
                    values ('EMPLOYER', ?, ?, 'CREATED', ?)""").params(id, ACTOR, summary).update();
            audit.record(new AuditEvent(ACTOR, "NONE", null, "WORKSITE_EMPLOYER_CREATED", "EMPLOYER",
                    String.valueOf(id), null, null, summary));
        }
        return added;
    }
}
