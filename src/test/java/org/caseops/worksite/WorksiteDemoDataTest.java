package org.caseops.worksite;

import static org.assertj.core.api.Assertions.assertThat;

import org.caseops.audit.AuditLog;
import org.caseops.fixtures.CaseOpsTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The demo's synthetic employers: loaded once, with their events and audit entries, and not again. */
@CaseOpsTest
class WorksiteDemoDataTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditLog audit;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    Inspections inspections;
    @Autowired
    Nominations nominations;

    @Test
    void the_demo_employers_are_added_once() {
        WorksiteDemoData demo = new WorksiteDemoData(jdbc, audit, transactions, inspections, nominations);
        TransactionTemplate tx = new TransactionTemplate(transactions);

        int first = tx.execute(s -> demo.load());
        int second = tx.execute(s -> demo.load());

        assertThat(first).isEqualTo(WorksiteDemoData.EMPLOYERS);
        assertThat(second).isZero();
        assertThat(jdbc.sql("select count(*) from employer where created_by = 'demo' and ein like '00-%' "
                + "and name like '%(synthetic)'").query(Long.class).single()).isEqualTo(WorksiteDemoData.EMPLOYERS);
        assertThat(jdbc.sql("select count(distinct s.field_office_code) from employer_site s join employer e "
                + "on e.id = s.employer_id where e.created_by = 'demo'").query(Long.class).single())
                .isGreaterThanOrEqualTo(1L);
        assertThat(jdbc.sql("select count(*) from worksite_event where actor = 'demo' and kind = 'CREATED'")
                .query(Long.class).single()).isEqualTo(WorksiteDemoData.EMPLOYERS);
        // Houston's casework, recorded once through the services
        assertThat(jdbc.sql("select string_agg(status, ',' order by notice_served_on) from i9_inspection i "
                + "join employer_site s on s.id = i.site_id join employer e on e.id = s.employer_id "
                + "where e.created_by = 'demo'").query(String.class).single()).isEqualTo("NOTICES_SERVED,NOTICE_SERVED");
        assertThat(jdbc.sql("select string_agg(status, ',' order by status) from nomination n "
                + "join employer_site s on s.id = n.site_id join employer e on e.id = s.employer_id "
                + "where e.created_by = 'demo'").query(String.class).single()).isEqualTo("APPROVED,PROPOSED");
        assertThat(jdbc.sql("select count(*) from audit_entry where actor in ('supervisor', 'director') "
                + "and action like 'WORKSITE%'").query(Long.class).single()).isGreaterThanOrEqualTo(5L);
    }
}
