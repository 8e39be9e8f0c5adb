package org.caseops.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.caseops.access.Users;
import org.caseops.audit.AuditVerifications;
import org.caseops.fixtures.AuditChecks;
import org.caseops.docket.DocketImporter;
import org.caseops.fixtures.Api;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Database;
import org.caseops.fixtures.Dockets;
import org.caseops.fixtures.EoirFiles;
import org.caseops.fixtures.FormSession;
import org.caseops.fixtures.TestUsers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The monthly report (issue 18, docs/oversight.md "The monthly report") over HTTP, on a month constructed in the
 * record — November 2023 in Houston: custody moves around a weekend, Veterans Day (observed Friday 10 November) and
 * Thanksgiving (Thursday 23 November), some entered days late; a staging stay past its limit, a minor held past the
 * Flores limit, an adult held past the custody review; releases of every reason; a launched operation with a target
 * arrested and a collateral encounter reviewed, another collateral encounter without review. Each figure is checked
 * against a count taken here from the record's own tables, and against what the construction makes it. Access
 * outside one's office is counted with its purpose; the report is the director's (own office) and oversight's.
 */
@CaseOpsTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonthlyReportPagesTest {

    @Autowired
    Api api;
    @Autowired
    DocketImporter importer;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Environment environment;
    @Autowired
    Users users;
    @Autowired
    AuditVerifications verifications;
    long operation;
    /** Where the check made before the report ended: the report shows it or a newer one. */
    long verifiedBefore;

    @BeforeAll
    void aMonthInHouston() throws Exception {
        Dockets.freshlyImported(EoirFiles.houstonFamilies(), importer, jdbc);
        // a read that is audited (the report of another month), chained, then a check kept of the trail so far
        FormSession.signIn(environment, "auditor").get("/reports/monthly?format=csv&month=2023-10");
        verifiedBefore = AuditChecks.checkWhenChained(verifications, jdbc).verifiedUpTo();
        long ana = person("Ana");
        long sofia = person("Sofia");
        long jose = person("Jose");
        try (Database.Owner owner = Database.owner(jdbc)) {
            JdbcClient db = owner.jdbc();
            operation = db.sql("""
                    insert into operation (name, state, field_offices, window_start, window_end, created_by)
                    values ('Monthly report test op', 'ACTIVE', '{HOU}', date '2023-11-21', date '2023-11-23', 'test')
                    returning id""").query(Long.class).single();
            db.sql("insert into operation_target (operation_id, family_id, status, added_by) values (?, 1001, "
                    + "'TARGET', 'test')").param(operation).update();
            db.sql("""
                    insert into operation_member (operation_id, family_id, person_id, standing, minor)
                    values (?, 1001, ?, 'TARGET', false), (?, 1001, ?, 'NOT_A_TARGET', true)""")
                    .params(operation, ana, operation, sofia).update();
            // Ana: arrested Friday 3 Nov, staged for 24 hours (the default limit is 12), released on ATD
            move(db, ana, 1001, "AT_LARGE", "IN_CUSTODY", null, null, "2023-11-03 08:00", "2023-11-07 09:00");
            move(db, ana, 1001, "IN_CUSTODY", "STAGED", null, null, "2023-11-03 10:00", "2023-11-08 09:00");
            move(db, ana, 1001, "STAGED", "RELEASED", "ATD", null, "2023-11-04 10:00", "2023-11-04 12:00");
            // ... and again in the operation, the day before Thanksgiving: released on an order of supervision
            move(db, ana, 1001, "RELEASED", "IN_CUSTODY", null, operation, "2023-11-22 12:00", "2023-11-27 10:00");
            move(db, ana, 1001, "IN_CUSTODY", "RELEASED", "ORDER_OF_SUPERVISION", operation, "2023-11-22 13:00",
                    "2023-11-28 10:00");
            // Sofia (11): held 24 days, past the Flores limit of 20, released on humanitarian grounds
            move(db, sofia, 1001, "AT_LARGE", "IN_CUSTODY", null, null, "2023-11-01 00:00", "2023-11-01 01:00");
            move(db, sofia, 1001, "IN_CUSTODY", "RELEASED", "HUMANITARIAN", null, "2023-11-25 00:00",
                    "2023-11-25 01:00");
            // Jose: held since 10 August (the custody review falls due 8 November), staged the day before Veterans
            // Day observed for six hours, released
            move(db, jose, 1003, "AT_LARGE", "IN_CUSTODY", null, null, "2023-08-10 10:00", "2023-08-10 11:00");
            move(db, jose, 1003, "IN_CUSTODY", "STAGED", null, null, "2023-11-09 12:00", "2023-11-14 09:00");
            move(db, jose, 1003, "STAGED", "RELEASED", "OTHER", null, "2023-11-09 18:00", "2023-11-15 09:00");
            db.sql("""
                    insert into encounter (operation_id, family_id, person_id, kind, outcome, occurred_at, officer,
                        place, adult)
                    values (?, 1001, ?, 'TARGET', 'ARRESTED', timestamptz '2023-11-22 11:00Z', 'test', 'home', true)""")
                    .params(operation, ana).update();
            long reviewed = db.sql("""
                    insert into encounter (operation_id, family_id, described_as, kind, outcome, occurred_at, officer,
                        place, adult, legal_basis_kind, legal_basis)
                    values (?, 1001, 'a visitor (synthetic)', 'COLLATERAL', 'ARRESTED', timestamptz '2023-11-22 11:30Z',
                            'test', 'home', true, 'WARRANT', 'warrant (synthetic)') returning id""")
                    .param(operation).query(Long.class).single();
            db.sql("""
                    insert into encounter (family_id, described_as, kind, outcome, occurred_at, officer, place, adult,
                        legal_basis_kind, legal_basis)
                    values (1003, 'a neighbour (synthetic)', 'COLLATERAL', 'ENROLLED_ATD',
                            timestamptz '2023-11-06 15:00Z', 'test', 'home', true, 'OTHER_AUTHORITY', 'test')""")
                    .update();
            db.sql("""
                    insert into task (type, status, title, assignee_team, field_office_code, subject_type, subject_id,
                        operation_id, created_by, closed_at, closed_by, resolution)
                    values ('COLLATERAL_REVIEW', 'COMPLETED', 'monthly report test: review', 'HOU', 'HOU', 'ENCOUNTER',
                            ?, ?, 'test', timestamptz '2023-11-23 09:00Z', 'supervisor', 'basis checked')""")
                    .params(String.valueOf(reviewed), operation).update();
        }
    }

    private long person(String givenName) {
        return jdbc.sql("select id from person where given_name = ?").param(givenName).query(Long.class).single();
    }

    private static void move(JdbcClient db, long person, long family, String from, String to, String reason,
            Long operation, String occurred, String recorded) {
        db.sql("""
                insert into custody_event (person_id, family_id, from_state, to_state, release_reason, occurred_at,
                    recorded_at, changed_by, operation_id)
                values (?, ?, ?, ?, ?, cast(? as timestamptz), cast(? as timestamptz), 'test', ?)""")
                .params(person, family, from, to, reason, occurred + "Z", recorded + "Z", operation).update();
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    /** The CSV's value of one figure: section, field office, operation, item. */
    private static String figure(String csv, String section, String office, String operation, String item) {
        String prefix = "2023-11," + section + "," + office + "," + operation + "," + item + ",";
        return Arrays.stream(csv.split("\r?\n")).filter(l -> l.startsWith(prefix)).map(l -> l.substring(
                prefix.length()).split(",")[0]).findFirst().orElse("absent");
    }

    private static final String NOV = " >= timestamptz '2023-11-01 00:00Z' and %s < timestamptz '2023-12-01 00:00Z'";

    @Test
    void each_figure_equals_a_count_taken_from_the_record() {
        HttpResponse<String> response = FormSession.signIn(environment, "auditor")
                .get("/reports/monthly?month=2023-11&office=HOU&format=csv");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        String csv = response.body();

        // the funnel of the operation, in Houston
        String op = String.valueOf(operation);
        assertThat(figure(csv, "funnel", "HOU", op, "targeted")).isEqualTo("1").isEqualTo(String.valueOf(count(
                "select count(*) from operation_member where operation_id = ? and standing = 'TARGET'", operation)));
        assertThat(figure(csv, "funnel", "HOU", op, "encountered")).isEqualTo("2").isEqualTo(String.valueOf(
                count("select count(*) from encounter where operation_id = ?", operation)));
        assertThat(figure(csv, "funnel", "HOU", op, "arrested_targets")).isEqualTo("1");
        assertThat(figure(csv, "funnel", "HOU", op, "arrested_collateral")).isEqualTo("1");
        assertThat(figure(csv, "funnel", "HOU", op, "released")).isEqualTo("1").isEqualTo(String.valueOf(count(
                "select count(distinct person_id) from custody_event where operation_id = ? and to_state = 'RELEASED'",
                operation)));

        // collateral encounters and their reviews
        assertThat(figure(csv, "collateral", "HOU", op, "encounters")).isEqualTo("1");
        assertThat(figure(csv, "collateral", "HOU", op, "review_completed")).isEqualTo("1");
        assertThat(figure(csv, "collateral", "HOU", "", "encounters")).isEqualTo("1");
        assertThat(figure(csv, "collateral", "HOU", "", "not_arrested")).isEqualTo("1");
        // without a review task, counted from the record: encounter ids restart when other classes truncate, and their
        // review tasks (keyed by the encounter's id) stay, so a constant would depend on which classes ran before
        assertThat(figure(csv, "collateral", "HOU", "", "no_review")).isEqualTo(String.valueOf(count("""
                select count(*) from encounter e where e.kind = 'COLLATERAL' and e.operation_id is null
                and e.occurred_at""" + NOV.formatted("e.occurred_at") + """
                 and not exists (select 1 from task t where t.type = 'COLLATERAL_REVIEW'
                                 and t.subject_type = 'ENCOUNTER' and t.subject_id = e.id::text)""")));
        assertThat(count("select count(*) from encounter where kind = 'COLLATERAL' and occurred_at"
                + NOV.formatted("occurred_at"))).isEqualTo(2);

        // releases by reason
        for (String reason : List.of("ATD", "ORDER_OF_SUPERVISION", "HUMANITARIAN", "OTHER")) {
            long released = count("select count(*) from custody_event where release_reason = ? and occurred_at"
                    + NOV.formatted("occurred_at"), reason);
            assertThat(released).as(reason).isEqualTo(1);
            String operationOf = reason.equals("ORDER_OF_SUPERVISION") ? op : "";
            assertThat(figure(csv, "releases", "HOU", operationOf, "released_" + reason)).as(reason)
                    .isEqualTo(String.valueOf(released));
        }

        // custody clocks: Ana's 24 hours staged, Sofia's 24 days held at 11, Jose's custody review on 8 November
        assertThat(figure(csv, "clocks_breached", "HOU", "", "STAGING_HOURS")).isEqualTo("1");
        assertThat(figure(csv, "clocks_breached", "HOU", "", "FLORES_DAYS")).isEqualTo("1");
        assertThat(figure(csv, "clocks_breached", "HOU", "", "CUSTODY_REVIEW")).isEqualTo("1");

        // locator timeliness: 9 moves in November, 3 shown late (Wednesday 8 after a Friday, Wednesday 15 after the
        // Thursday before Veterans Day observed, Tuesday 28 after the day before Thanksgiving); a plain count of
        // weekdays would also call late the moves recorded on Tuesday 14 and Monday 27
        assertThat(figure(csv, "timeliness", "HOU", "", "custody_moves")).isEqualTo("9").isEqualTo(String.valueOf(
                count("select count(*) from custody_event where occurred_at" + NOV.formatted("occurred_at"))));
        assertThat(figure(csv, "timeliness", "HOU", "", "locator_late")).isEqualTo("3");
        // entered late: recorded more than 24 hours after the move
        assertThat(figure(csv, "timeliness", "HOU", "", "entered_late")).isEqualTo("6").isEqualTo(String.valueOf(
                count("select count(*) from custody_event where recorded_at > occurred_at + interval '24 hours' "
                        + "and occurred_at" + NOV.formatted("occurred_at"))));

        // the audit chain as its newest kept check found it (made in @BeforeAll, or a later scheduled one): up to an
        // entry the chain holds, the check the newest kept (other classes of this JVM may have broken the chain on
        // purpose, so whether it is intact is not asserted here)
        assertThat(figure(csv, "audit_chain", "", "", "checked")).isEqualTo("true");
        assertThat(figure(csv, "audit_chain", "", "", "intact")).isIn("true", "false");
        long upTo = Long.parseLong(figure(csv, "audit_chain", "", "", "verified_up_to_entry"));
        assertThat(upTo).isPositive().isLessThanOrEqualTo(count("select count(*) from audit_chain"));
        assertThat(upTo).isGreaterThanOrEqualTo(verifiedBefore);
        assertThat(figure(csv, "audit_chain", "", "", "check_kind")).isIn("FULL", "SINCE");
        assertThat(count("select count(*) from audit_verification where verified_up_to = " + upTo)).isPositive();
        assertThat(count("select count(*) from audit_entry where actor = 'auditor' and action = "
                + "'MONTHLY_REPORT_READ' and subject_id = 'monthly 2023-11'")).isPositive();
    }

    @Test
    void access_outside_the_own_office_is_counted_with_its_purpose() {
        String outside = "monthly report test: complaint 4711";
        String inside = "monthly report test: own office";
        String counsel = TestUsers.chicagoAttorney(users);
        assertThat(api.as(counsel, outside).getForEntity("/api/people/991000001", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(api.as("director", inside).getForEntity("/api/people/991000001", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        // the month the entry was recorded in, as the database's clock gave it
        String month = jdbc.sql("select to_char(max(recorded_at) at time zone 'UTC', 'YYYY-MM') from audit_entry "
                + "where purpose = ?").param(outside).query(String.class).single();
        String csv = FormSession.signIn(environment, "auditor").get("/reports/monthly?format=csv&month=" + month)
                .body();
        long counted = count("select count(*) from audit_entry where purpose = ? and subject_type in "
                + "('PERSON', 'CASE', 'FAMILY')", outside);
        assertThat(counted).isEqualTo(1);
        assertThat(csv).contains(month + ",access_outside_office,CHI,,ATTORNEY PERSON_READ for: " + outside + ","
                + counted + ",");
        assertThat(csv).as("a read inside the reader's own office is not outside it").doesNotContain(inside);

        String page = FormSession.signIn(environment, "auditor").get("/reports/monthly?month=" + month).body();
        assertThat(page).contains(outside)
                .contains("href=\"/audit?action=PERSON_READ&amp;purpose=monthly%20report%20test");
    }

    @Test
    void the_page_shows_the_figures_with_their_sources_and_links_only_where_the_reader_may_go() {
        FormSession director = FormSession.signIn(environment, "director");
        HttpResponse<String> page = director.get("/reports/monthly?month=2023-11");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Monthly report<span>, 2023-11, field office HOU</span>", "Custody clocks breached",
                "Held at a staging site beyond its limit (STAGING_HOURS)", "href=\"/operations/" + operation
                        + "/funnel\"", "href=\"/dashboards/collateral\"", "from report_custody_entry",
                "<svg viewBox=\"0 0 200 12\"")
                .as("the audit page is oversight's: a director reads where the figure comes from, no link")
                .doesNotContain("href=\"/audit?verify=true\"");
        assertThat(director.get("/").body()).contains("href=\"/reports/monthly\"");
        assertThat(director.get("/reports/monthly?month=2023-11&office=CHI").statusCode()).isEqualTo(403);
        assertThat(director.get("/reports/monthly?month=11%2F2023").statusCode()).isEqualTo(400);
        assertThat(director.get("/reports/monthly?month=2023-11&office=H0U").statusCode()).isEqualTo(400);

        assertThat(FormSession.signIn(environment, "auditor").get("/reports/monthly?month=2023-11").body())
                .contains("Monthly report<span>, 2023-11, all field offices</span>", "href=\"/audit?verify=true\"");

        for (String role : List.of("supervisor", "officer", "attorney", "admin")) {
            FormSession other = FormSession.signIn(environment, role);
            assertThat(other.get("/").body()).as(role).doesNotContain("href=\"/reports/monthly\"");
            assertThat(other.get("/reports/monthly?month=2023-11").statusCode()).as(role).isEqualTo(403);
            assertThat(other.getBytes("/reports/monthly.pdf?month=2023-11").statusCode()).as(role).isEqualTo(403);
        }
    }

    @Test
    void the_pdf_holds_the_charts_and_the_figures_as_text() throws Exception {
        HttpResponse<byte[]> pdf = FormSession.signIn(environment, "auditor")
                .getBytes("/reports/monthly.pdf?month=2023-11&office=HOU");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/pdf");
        String text;
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
        assertThat(text).contains("CaseOps monthly report, 2023-11, field office HOU", "Custody clocks breached",
                "Held at a staging site beyond its limit 1", "Shown late (after 2 business days) 3",
                "Entered more than 24 h after the move 6", "Alternatives to detention (ATD) 1",
                "Monthly report test op", "Audit chain")
                .containsPattern("(Intact: verified up to entry \\d+ by|Broken: first broken position)");

        // a month with no custody move: its share late is a dash, written as text (XHTML knows no HTML entity)
        HttpResponse<byte[]> empty = FormSession.signIn(environment, "auditor")
                .getBytes("/reports/monthly.pdf?month=2023-10");
        assertThat(empty.statusCode()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(empty.body())) {
            assertThat(new PDFTextStripper().getText(document)).contains("–");
        }
    }
}
