package org.caseops.worksite;

import java.time.LocalDate;
import java.util.List;
import org.caseops.access.Acting;
import org.caseops.access.Actor;
import org.caseops.access.Role;
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
 * With them, Houston's worksite casework as the demo's supervisor and director record it through the services
 * ({@link #casework}): two I-9 inspections (one whose forms were reviewed and a notice of technical failures served,
 * its 10-business-day correction period running; one whose forms are due) and two nominations for the first period
 * of the nomination policy (one approved by the director, one waiting for the director's decision).
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
    private final Inspections inspections;
    private final Nominations nominations;

    WorksiteDemoData(JdbcClient jdbc, AuditLog audit, PlatformTransactionManager transactions,
            Inspections inspections, Nominations nominations) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
        this.inspections = inspections;
        this.nominations = nominations;
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
        if (added > 0) {
            casework();
        }
        return added;
    }

    /** The demo's Houston supervisor and director. */
    static final Actor SUPERVISOR = new Actor(0, "supervisor", Role.SUPERVISOR, "HOU", null, null);
    static final Actor DIRECTOR = new Actor(0, "director", Role.DIRECTOR, "HOU", null, null);

    /**
     * Houston's worksite casework on the demo employers' sites, through the services (their rules, events and audit
     * entries), dated around the demo's working date in June 2019; nothing when Houston has fewer than two sites.
     */
    void casework() {
        List<Long> sites = jdbc.sql("""
                select s.id from employer_site s join employer e on e.id = s.employer_id
                where e.created_by = ? and s.field_office_code = 'HOU' order by s.id""").param(ACTOR)
                .query(Long.class).list();
        if (sites.size() < 2) {
            return;
        }
        Acting.as(SUPERVISOR, () -> {
            // forms produced on the third business day and reviewed; technical failures notified on 17 June 2019,
            // to be corrected within 10 business days (8 U.S.C. 1324a(b)(6)(B))
            Inspections.Detail reviewed = inspections.open(new Inspections.NewInspection(sites.get(0),
                    LocalDate.of(2019, 6, 10), null));
            long id = reviewed.inspection().id();
            int version = reviewed.inspection().version();
            List<List<Inspections.Finding>> forms = List.of(List.of(),
                    List.of(new Inspections.Finding(Inspections.Part.SECTION_1, Inspections.FindingKind.TECHNICAL,
                            "the employee's address lacks the ZIP code (synthetic)")),
                    List.of(new Inspections.Finding(Inspections.Part.SECTION_2, Inspections.FindingKind.TECHNICAL,
                            "the document's expiration date is not entered (synthetic)")),
                    List.of(new Inspections.Finding(Inspections.Part.SECTION_2, Inspections.FindingKind.SUBSTANTIVE,
                            "section 2 completed 9 days after the hire (synthetic)")));
            for (int i = 0; i < forms.size(); i++) {
                version = inspections.recordForm(id, new Inspections.NewForm("employee " + (i + 1),
                        LocalDate.of(2018, 3 + i, 5), LocalDate.of(2019, 6, 13), forms.get(i), version))
                        .inspection().version();
            }
            inspections.serveNotice(id, new Inspections.NewNotice(Inspections.NoticeKind.TECHNICAL_FAILURES,
                    LocalDate.of(2019, 6, 17), List.of(), version));
            // a Notice of Inspection served on 20 June 2019: the forms are due on the third business day
            inspections.open(new Inspections.NewInspection(sites.get(1), LocalDate.of(2019, 6, 20), null));
            return null;
        });
        // the first period of the nomination policy (from 1 October 2019): two sites nominated, one approved
        Nominations.Nomination approved = Acting.as(SUPERVISOR, () -> nominations.nominate(
                new Nominations.NewNomination(sites.get(0), Nominations.CaseType.I9_INSPECTION, "technical failures "
                        + "notified in June 2019; a follow-up inspection of the corrections (synthetic)",
                        LocalDate.of(2019, 10, 1))));
        Acting.as(SUPERVISOR, () -> nominations.nominate(new Nominations.NewNomination(sites.get(1),
                Nominations.CaseType.I9_INSPECTION, "the inspection of June 2019 is open; its outcome decides "
                + "whether a second is warranted (synthetic)", LocalDate.of(2019, 10, 1))));
        Acting.as(DIRECTOR, () -> nominations.decide(approved.id(), Nominations.Status.APPROVED,
                "approved for the first quarter of the policy (synthetic)", approved.version()));
    }
}
