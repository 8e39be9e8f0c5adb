package org.caseops.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseops.operation.OperationsApi.ok;

import java.util.Map;
import org.caseops.docket.DocketImporter;
import org.caseops.fixtures.Api;
import org.caseops.fixtures.Browser;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Dockets;
import org.caseops.fixtures.EoirFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The operations pages in a real Chromium (issue 15): a supervisor opens the list from the menu, adds targets by a
 * filter shown first as it will be applied, plans, sees the plan's grid, the staging chart and the dry run, and
 * submits; counsel clears; the director finds approval disabled with its reason while the dry run finds a conflict,
 * and approves once the care arrangement is recorded. Every page checked with axe-core (no violations) at 1280 and
 * 400 px, nothing scrolling sideways at 400 px, and photographed ({@code target/screenshots/}).
 */
@CaseOpsTest
class OperationBrowserTest {

    @RegisterExtension
    static Browser browser = new Browser();

    @Autowired
    Api api;
    @Autowired
    DocketImporter importer;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Planner planner;



    private WebElement id(String id) {
        return browser.driver().findElement(By.id(id));
    }

    private void click(WebElement link) {
        link.click();
        browser.waitUntil(d -> stale(link) && "complete".equals(browser.script("return document.readyState")));
    }

    private static boolean stale(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.WebDriverException e) {
            return true;
        }
    }

    @Test
    void a_supervisor_plans_counsel_clears_and_the_director_approves_once_the_dry_run_is_clean() throws Exception {
        Dockets.freshlyImported(EoirFiles.houstonFamilies(), importer, jdbc);
        OperationsApi ops = new OperationsApi(api);
        long id = ops.houstonOperation();

        browser.signIn("supervisor");
        click(browser.driver().findElement(By.cssSelector("nav.menu")).findElement(By.linkText("Operations")));
        assertThat(id("operations").getText()).contains("Houston family op", "Draft");
        browser.checked("operations", null);
        click(id("operations").findElement(By.linkText(String.valueOf(id))));
        assertThat(id("op-state").getText()).isEqualTo("Draft");
        assertThat(id("step-submit").getText()).contains("Not now: the operation has no target units yet.");

        // the filter, shown as it will be applied before anything changes
        id("f-absentia").click();
        id("f-nat").sendKeys("GT HO");
        browser.submit(id("add-matching"));
        assertThat(id("filter-preview").getText()).contains("ordered in absentia only", "nationality GT or HO");
        browser.submit(id("add-matching"));
        assertThat(id("done").getText()).contains("family units added of 2 considered");
        assertThat(id("refusals").getText()).contains("not added");
        assertThat(id("unit-1001").getText()).contains("Ana Lopez", "Mateo Lopez", "Executable",
                "Missing: record who cares for them");
        browser.checked("operation-targets", By.id("targets"));

        // the plan runs in the background: the board follows it (htmx, every 2 s) and the supervisor cancels it; the
        // solver is held until the cancel comes, so that the progress is there to be seen
        planner.solveWithControl((input, control) -> {
            java.time.Instant until = java.time.Instant.now().plusSeconds(60);
            while (!control.cancelled() && java.time.Instant.now().isBefore(until)) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return org.caseops.operation.schedule.ScheduleSolver.solve(input, control);
        });
        try {
            id("plan-seconds").clear();
            id("plan-seconds").sendKeys("20");
            browser.submit(id("plan-form"));
            assertThat(id("done").getText()).startsWith("Plan run");
            assertThat(id("plan-run").getText()).contains("Planning: the solver is running", "Units placed");
            browser.checked("operation-plan-run", By.id("plan-run"));
            // htmx swaps the progress every 2 s: the button is looked up afresh until a click lands
            browser.waitUntil(d -> {
                try {
                    d.findElement(By.id("plan-run-cancel")).findElement(By.cssSelector("button[type=submit]")).click();
                    return true;
                } catch (org.openqa.selenium.StaleElementReferenceException e) {
                    return false;
                }
            });
            browser.waitUntil(d -> !d.findElements(By.id("plan-grid")).isEmpty());
        } finally {
            planner.realSolver();
        }
        assertThat(id("plan-run-outcome").getText()).startsWith("Cancelled: the best plan found by then has no hard");
        // the board as the supervisor comes back to it (without the #plan of the address shown, which would only
        // scroll): the board is read in one snapshot, so a page that shows the new plan carries the operation's
        // version that stored it (read statement by statement, the suite twice submitted the older one: 409)
        browser.open("/operations/" + id);
        assertThat(id("plan-run-outcome").getText()).startsWith("Cancelled: the best plan found by then has no hard");
        assertThat(id("plan-grid").getText()).contains("family 1001");
        browser.waitUntil(d -> browser.script("return document.querySelector('#plan canvas.chart').dataset.drawn")
                != null);
        assertThat(id("dry-run").getText()).contains("Care arrangement missing", "open family 1001");
        browser.checked("operation-plan", By.id("plan"));
        browser.submit(id("step-submit"));
        assertThat(id("op-state").getText()).as(() -> "the board after the submit says:\n"
                + browser.driver().findElement(By.tagName("body")).getText()).isEqualTo("Legal review");

        browser.signIn("attorney");
        browser.open("/operations/" + id);
        id("step-clear-reason").sendKeys("orders checked on every day of the window");
        browser.submit(id("step-clear"));
        assertThat(id("done").getText()).startsWith("Legal review cleared");

        browser.signIn("director");
        browser.open("/operations/" + id);
        WebElement approve = id("step-approve").findElement(By.tagName("button"));
        assertThat(approve.isEnabled()).isFalse();
        assertThat(id("step-approve-why").getText()).contains("the dry run finds 1 conflict");
        assertThat(approve.getAttribute("aria-describedby")).isEqualTo("step-approve-why");
        browser.checked("operation-approval-blocked", By.id("state"));

        // the conflict's link leads to the form that fixes it, on the same page
        long mateo = jdbc.sql("select id from person where given_name = 'Mateo'").query(Long.class).single();
        id("dry-run").findElement(By.linkText("record the care arrangement")).click();
        new org.openqa.selenium.support.ui.Select(id("care-" + mateo + "-kind")).selectByValue("OTHER_PARENT");
        id("care-" + mateo + "-name").sendKeys("Father (synthetic)");
        browser.submit(id("care-" + mateo));
        assertThat(id("done").getText()).contains("Care arrangement recorded for person " + mateo);
        assertThat(id("dry-run-summary").getText()).isEqualTo("No conflict: 1 visits.");
        browser.submit(id("step-approve"));
        assertThat(id("op-state").getText()).isEqualTo("Approved");
        assertThat(id("history").getText()).contains("approved by director");

        // the director's dashboard of the operation: nobody met yet, the funnel's chart and its table
        click(id("funnel-link"));
        assertThat(id("funnel").getText()).contains("All field offices", "HOU");
        browser.checked("operation-funnel", null);

        // the director's other dashboards, from the menu: screening verdicts of a date screened, overdue tasks
        ok(ops.post("attorney", "/api/screenings", Map.of("asOf", "2019-06-23", "fieldOffice", "HOU")),
                HttpStatus.CREATED);
        jdbc.sql("insert into task (type, status, title, assignee_team, field_office_code, due_at, created_by) "
                + "values ('GENERAL', 'ASSIGNED', 'Verify the address of family 1001 (synthetic)', 'HOU', 'HOU', "
                + "now() - interval '9 days', 'supervisor')").update();
        click(browser.driver().findElement(By.cssSelector("nav.menu")).findElement(By.linkText("Dashboards")));
        browser.checked("dashboards", null);
        click(id("dashboards").findElement(By.linkText("Screening results by verdict and rule")));
        assertThat(id("verdicts").getText()).contains("HOU");
        browser.checked("dashboard-screenings", null);
        browser.open("/dashboards/tasks");
        assertThat(id("queues").getText()).contains("team HOU");
        browser.checked("dashboard-tasks", null);
        browser.open("/dashboards/collateral");
        browser.checked("dashboard-collateral", null);
    }

    /**
     * The custody board from the menu, then the family: held together with a child not held and her caregiver, the
     * transport disabled with its reason (only part of the family is staged… none is), the family staged and then
     * released together on an order of supervision.
     */
    @Test
    void an_officer_reads_the_custody_board_stages_a_family_and_releases_it_together() throws Exception {
        Dockets.freshlyImported(EoirFiles.houstonFamilies(), importer, jdbc);
        org.springframework.boot.test.web.client.TestRestTemplate officer = api.as("officer");
        long ana = jdbc.sql("select id from person where given_name = 'Ana'").query(Long.class).single();
        long sofia = jdbc.sql("select id from person where given_name = 'Sofia'").query(Long.class).single();
        long mateo = jdbc.sql("select id from person where given_name = 'Mateo'").query(Long.class).single();
        for (Object[] move : new Object[][] {
                {"/api/families/1001/caregivers", java.util.Map.of("personId", mateo, "caregiverName",
                        "Aunt (synthetic)", "relationship", "aunt", "location", "HOME")},
                {"/api/families/1001/custody/take", java.util.Map.of("personIds", java.util.List.of(ana, sofia),
                        "site", "Houston field office")}}) {
            assertThat(officer.postForEntity((String) move[0], org.caseops.fixtures.CustodyVersions.read(officer,
                    (String) move[0], move[1]), com.fasterxml.jackson.databind.JsonNode.class).getStatusCode()
                    .is2xxSuccessful()).isTrue();
        }

        browser.signIn("officer");
        click(browser.driver().findElement(By.cssSelector("nav.menu")).findElement(By.linkText("Custody")));
        assertThat(id("held").getText()).contains("Ana Lopez", "Sofia Lopez (minor)", "Flores (minor held)",
                "2 of 3 held, together; not held: Mateo (minor)");
        browser.checked("custody-board", null);

        // what a family or a lawyer sees of it: the public locator, in Spanish
        browser.open("/locator?lang=es&aNumber=991000001&countryOfBirth=GT");
        assertThat(id("located").getText()).contains("Bajo custodia de ICE", "Ana Lopez", "Houston field office");
        browser.checked("locator-es", null);
        browser.driver().navigate().back();

        click(id("held").findElement(By.linkText("1001")));
        assertThat(id("transport-button").isEnabled()).isFalse();
        assertThat(id("transport-why").getText()).contains("the whole family moves from one staging site together");
        browser.checked("custody-family", By.id("moves"));

        id("stage-site").sendKeys("Hotel A");
        browser.submit(id("stage"));
        assertThat(id("custody-message").getText()).isEqualTo("2 members staged at Hotel A.");
        assertThat(id("transport-button").isEnabled()).isTrue();

        new org.openqa.selenium.support.ui.Select(id("release-reason")).selectByValue("ORDER_OF_SUPERVISION");
        new org.openqa.selenium.support.ui.Select(id("release-program")).selectByValue("ORDER_OF_SUPERVISION");
        browser.submit(id("release"));
        assertThat(id("custody-message").getText()).isEqualTo("2 members released together: Order of supervision.");
        assertThat(id("release-button").isEnabled()).isFalse();
        browser.checked("custody-family-released", By.id("custody-message"));

        // the office's ATD triage queue, from the menu: Jose Reyes on ATD with no check-in reported, evaluated for
        // the working date from the page
        OperationsApi ops = new OperationsApi(api);
        ok(ops.post("director", "/api/atd/rule-sets", Map.of("note", "browser test rules (synthetic)", "rules",
                java.util.List.of(Map.of("code", "NO_CHECK_IN", "kind", "NO_EVENT_WITHIN", "eventKinds",
                        java.util.List.of("CHECK_IN", "APP_CHECK_IN"), "maxDays", 14, "severity", "MEDIUM")))),
                HttpStatus.CREATED);
        int version = jdbc.sql("select max(version) from atd_rule_set").query(Integer.class).single();
        ok(ops.post("director", "/api/atd/rule-sets/" + version + "/publish", Map.of("effectiveFrom",
                "2019-01-01")), HttpStatus.OK);
        Map<String, Object> atd = new java.util.HashMap<>();
        atd.put("kind", "ATD");
        atd.put("legalBasis", "INA 236(a); ATD program terms");
        atd.put("startDate", "2019-05-28");
        atd.put("reportEveryDays", 30);
        atd.put("firstReport", "2019-06-03");
        atd.put("conditions", java.util.List.of(Map.of("kind", "SMARTPHONE_APP", "legalBasis", "8 CFR 241.5(a)",
                "reviewDue", "2019-08-26")));
        ok(ops.post("officer", "/api/people/991000003/supervisions", atd), HttpStatus.CREATED);
        browser.script("arguments[0].value = '2019-06-24'", id("as-of"));
        browser.submit(id("working-date"));
        click(browser.driver().findElement(By.cssSelector("nav.menu")).findElement(By.linkText("ATD alerts")));
        browser.submit(id("atd-evaluate"));
        assertThat(id("atd-message").getText()).contains("alerts opened");
        assertThat(id("alerts").getText()).contains("A-991000003", "No check in");
        browser.checked("atd-alerts", null);
    }

    /**
     * The worksite action board (issue 17): a launched action with one person screened, who named a child; the
     * supervisor opens it from the menu, reads the dry run, the report and the people detained, then the person's
     * screening and the outcome suggested, and records the release. Fiscal year 2046, where no other class nominates.
     */
    @Test
    void a_supervisor_reads_a_worksite_action_and_decides_a_screened_person_from_the_page() {
        org.caseops.worksite.WorksiteApi worksite = new org.caseops.worksite.WorksiteApi(api);
        String day = "2046-05-20";
        long site = worksite.siteOf(worksite.employer("supervisor", "HOU", "Browser Plant (synthetic)", 50));
        long nomination = org.caseops.worksite.WorksiteApi.ok(worksite.post("supervisor", "/api/nominations",
                Map.of("siteId", site, "caseType", "WORKSITE_ACTION", "basis", "criminal referral of the employer",
                        "period", day)), HttpStatus.CREATED).path("id").asLong();
        worksite.post("director", "/api/nominations/" + nomination + "/approve", Map.of());
        long action = org.caseops.worksite.WorksiteApi.ok(worksite.post("supervisor", "/api/worksite-actions",
                Map.of("name", "Browser action", "actionDate", day, "siteIds", java.util.List.of(site))),
                HttpStatus.CREATED).path("action").path("id").asLong();
        String at = java.time.Instant.now().minusSeconds(3600).toString();
        worksite.post("supervisor", "/api/worksite-actions/" + action + "/preparations", Map.of(
                "prosecutionCommitment", "USAO SDTX, synthetic ref 3", "socialServices", "county CPS",
                "socialServicesNotifiedAt", at, "schools", "the district", "schoolsNotifiedAt", at,
                "interpreters", 2, "interpreterLanguages", "Spanish, Mam", "medicalStaff", 1));
        worksite.post("supervisor", "/api/worksite-actions/" + action + "/submit", Map.of());
        worksite.post("attorney", "/api/worksite-actions/" + action + "/clear", Map.of());
        worksite.post("director", "/api/worksite-actions/" + action + "/approve", Map.of());
        worksite.post("supervisor", "/api/worksite-actions/" + action + "/launch", Map.of());
        long person = org.caseops.worksite.WorksiteApi.ok(worksite.post("officer", "/api/worksite-actions/" + action
                + "/detainees", Map.of("siteId", site, "familyName", "Navegador", "givenName", "Lucia",
                "birthMonth", "1991-07")), HttpStatus.CREATED).path("id").asLong();
        worksite.post("officer", "/api/worksite-detainees/" + person + "/screening", Map.of("interpreterLanguage",
                "Mam", "minor", false, "soleCaregiver", true, "pregnantOrNursing", false, "citizenshipClaim", false,
                "children", java.util.List.of(Map.of("name", "Nina Navegador", "age", 6, "location", "SCHOOL"))));

        browser.signIn("supervisor");
        click(browser.driver().findElement(By.cssSelector("nav.menu")).findElement(By.linkText("Worksite actions")));
        assertThat(id("worksite-actions").getText()).contains("Browser action", "Active");
        browser.checked("worksite-actions", null);
        click(id("worksite-actions").findElement(By.linkText("Browser action")));
        assertThat(id("action-state").getText()).isEqualTo("Active");
        assertThat(id("report").getText()).contains("Browser Plant (synthetic)");
        browser.checked("worksite-action", null);
        click(id("detainee-" + person).findElement(By.linkText("Lucia Navegador")));
        assertThat(id("reasons").getText()).contains("the sole caregiver of a child");
        assertThat(id("children").getText()).contains("Nina Navegador");
        browser.checked("worksite-detainee", By.id("decide"));
        id("decide-reason").sendKeys("sole caregiver of a six-year-old");
        browser.submit(id("decide"));
        assertThat(id("desk-message").getText()).contains("released humanitarian");
        assertThat(id("outcome").getText()).contains("Released humanitarian");
    }

    @Test
    void a_director_reads_the_atd_rules_and_an_officer_the_reviews_due_and_the_offices_departures() throws Exception {
        Dockets.freshlyImported(EoirFiles.houstonFamilies(), importer, jdbc);
        // Ana Lopez on ATD with an ankle monitor since 2019-05-28: her first supervision-level review is due 08-26
        Map<String, Object> atd = new java.util.HashMap<>();
        atd.put("kind", "ATD");
        atd.put("legalBasis", "INA 236(a); ATD program terms");
        atd.put("startDate", "2019-05-28");
        atd.put("reportEveryDays", 30);
        atd.put("firstReport", "2019-06-03");
        atd.put("conditions", java.util.List.of(Map.of("kind", "ANKLE_MONITOR", "legalBasis", "8 CFR 241.5(a)",
                "reviewDue", "2019-08-26")));
        assertThat(api.as("officer").postForEntity("/api/people/991000001/supervisions", atd,
                com.fasterxml.jackson.databind.JsonNode.class).getStatusCode().value()).isIn(201, 409);

        browser.signIn("director");
        click(browser.driver().findElement(By.cssSelector("nav.menu")).findElement(By.linkText("ATD rules")));
        assertThat(id("draft")).isNotNull();
        browser.checked("atd-rules", null);

        browser.driver().manage().deleteAllCookies();
        browser.signIn("officer");
        browser.script("arguments[0].value = '2019-09-02'", id("as-of"));
        browser.submit(id("working-date"));
        click(browser.driver().findElement(By.cssSelector("nav.menu")).findElement(By.linkText("ATD level reviews")));
        assertThat(id("reviews").getText()).contains("A-991000001");
        browser.checked("atd-reviews", null);
        click(browser.driver().findElement(By.cssSelector("nav.menu"))
                .findElement(By.linkText("Departures and removals")));
        assertThat(id("grants")).isNotNull();
        browser.checked("departures", null);
    }
}
