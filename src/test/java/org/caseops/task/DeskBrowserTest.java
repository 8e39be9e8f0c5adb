package org.caseops.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.caseops.access.Users;
import org.caseops.docket.DocketImporter;
import org.caseops.fixtures.Api;
import org.caseops.fixtures.Browser;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Database;
import org.caseops.fixtures.Dockets;
import org.caseops.fixtures.EoirFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The desk pages in a real Chromium, as each role works: sign in, reach the page from the menu, act, see the result.
 * Every page is checked with axe-core (no violations) and photographed at 1280 and 400 px
 * ({@code target/screenshots/} with {@code -Dcaseops.screenshots=true}, a few kept in docs/screenshots/).
 */
@CaseOpsTest
class DeskBrowserTest {

    @RegisterExtension
    static Browser browser = new Browser();

    @Autowired
    Api api;
    @Autowired
    Tasks tasks;
    @Autowired
    Users users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DocketImporter importer;

    TasksApi taskApi;

    /**
     * The Houston families, once for the class: no test here changes the docket's tables (tasks, operations and the
     * audit trail are not the docket's and were never reset by the import), except counsel's legal hold, which every
     * test removes first.
     */
    @BeforeAll
    static void docket(@Autowired DocketImporter importer, @Autowired JdbcClient jdbc) throws Exception {
        Dockets.freshlyImported(EoirFiles.houstonFamilies(), importer, jdbc);
    }

    @BeforeEach
    void data() throws Exception {
        try (Database.Owner owner = Database.owner(jdbc)) {
            owner.jdbc().sql("delete from legal_hold").update();
        }
        taskApi = new TasksApi(api, tasks, users, jdbc);
        browser.width(1280, 1000);
    }


    private WebElement menu(String label) {
        return browser.driver().findElement(By.cssSelector("nav.menu")).findElement(By.linkText(label));
    }

    /** Follows a link to another page and waits until that page has replaced this one. */
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

    private static By sortedBy(String label, String direction) {
        return By.xpath("//section[@id='results']//th[@aria-sort='" + direction + "']/a[text()='" + label + "']");
    }

    @Test
    void an_officer_starts_a_team_task_from_the_queue() {
        long id = taskApi.houstonTeamTask();
        taskApi.houstonTaskOf("officer");
        browser.signIn("officer");
        browser.checked("home-officer");

        click(menu("Queues"));
        click(browser.driver().findElement(By.id("tab-team")));
        browser.checked("queues-team");
        browser.submit(browser.driver().findElement(By.id("start-" + id)));

        browser.waitUntil(d -> !d.findElements(By.id("queue-message")).isEmpty());
        assertThat(browser.driver().findElement(By.id("queue-message")).getText()).contains("Task " + id + " started");
        assertThat(taskApi.task(id).assigneeUser()).isEqualTo("officer");
    }

    @Test
    void a_supervisor_selects_two_tasks_and_puts_them_on_hold_with_a_reason() {
        long a = taskApi.houstonTeamTask();
        long b = taskApi.houstonTaskOf("officer");
        String until = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(5).toString();
        browser.signIn("supervisor");

        click(menu("Queues"));
        click(browser.driver().findElement(By.id("tab-team")));
        click(browser.driver().findElement(By.id("show-unassigned")));
        browser.driver().findElement(By.cssSelector("input[form='bulk'][value^='" + a + "@']")).click();
        click(browser.driver().findElement(By.id("show-assigned")));
        browser.checked("queues-team-assigned");
        browser.driver().findElement(By.cssSelector("input[form='bulk'][value^='" + b + "@']")).click();
        browser.driver().findElement(By.id("bulk-hold")).click();
        browser.submit(browser.driver().findElement(By.id("bulk")));
        browser.waitUntil(d -> !d.findElements(By.id("bulk-reason-error")).isEmpty());
        browser.checked("queues-bulk-problem");
        assertThat(taskApi.status(b)).isEqualTo(TaskStatus.ASSIGNED);

        browser.driver().findElement(By.cssSelector("input[form='bulk'][value^='" + b + "@']")).click();
        browser.driver().findElement(By.id("bulk-reason")).sendKeys("the court file is missing");
        browser.script("arguments[0].value = arguments[1]", browser.driver().findElement(By.id("bulk-until")), until);
        browser.submit(browser.driver().findElement(By.id("bulk")));
        browser.waitUntil(d -> !d.findElements(By.id("queue-message")).isEmpty());
        assertThat(browser.driver().findElement(By.id("queue-message")).getText())
                .contains("1 task put on hold until " + until);
        assertThat(taskApi.status(b)).isEqualTo(TaskStatus.ON_HOLD);

        click(browser.driver().findElement(By.id("show-on_hold")));
        assertThat(browser.driver().findElement(By.id("queue")).getText()).contains("the court file is missing");
        browser.checked("queues-on-hold");
    }

    @Test
    void counsel_clears_an_operations_legal_review_from_the_menu() {
        long id = api.as("supervisor").postForEntity("/api/operations", Map.of("name", "Browser review op",
                "fieldOffices", List.of("HOU"), "windowStart", "2019-06-23", "windowEnd", "2019-06-25"),
                com.fasterxml.jackson.databind.JsonNode.class).getBody().path("operation").path("id").asLong();
        assertThat(api.as("supervisor").postForEntity("/api/operations/" + id + "/targets", Map.of("familyId", 1001),
                String.class).getStatusCode().value()).isEqualTo(201);
        assertThat(api.as("supervisor").postForEntity("/api/operations/" + id + "/submit", Map.of(), String.class)
                .getStatusCode().value()).isEqualTo(200);
        browser.signIn("attorney");

        click(menu("Legal reviews"));
        browser.checked("legal-reviews");
        browser.driver().findElement(By.id("clear-" + id + "-note")).sendKeys("orders final, no stays");
        browser.submit(browser.driver().findElement(By.id("clear-" + id)));

        browser.waitUntil(d -> !d.findElements(By.id("review-message")).isEmpty());
        assertThat(browser.driver().findElement(By.id("review-message")).getText())
                .contains("Legal review of operation " + id + " cleared");
        browser.checked("legal-reviews-cleared");
    }

    @Test
    void an_officer_finds_a_person_by_name_and_reads_the_person_the_case_and_the_family() {
        browser.signIn("officer");
        WebElement form = browser.driver().findElement(By.id("find-person"));
        form.findElement(By.name("q")).sendKeys("lopez");
        browser.submit(form);
        browser.checked("search");

        click(browser.driver().findElement(By.linkText("Sofia Lopez")));
        assertThat(browser.driver().findElement(By.id("a-number")).getText()).isEqualTo("991000002");
        browser.checked("person");

        click(browser.driver().findElement(By.id("case-link")));
        assertThat(browser.driver().findElement(By.id("verdict-status")).getText()).isNotBlank();
        assertThat(browser.driver().findElements(By.cssSelector("#findings tbody tr"))).isNotEmpty();
        browser.checked("case");

        click(browser.driver().findElement(By.linkText("Family 1001")));
        assertThat(browser.driver().findElements(By.cssSelector("#members tr.member"))).hasSize(3);
        browser.checked("family");
    }

    @Test
    void sorting_the_search_results_by_a_header_swaps_the_table_and_says_so() {
        browser.signIn("officer");
        browser.open("/search?q=lopez");
        WebElement born = browser.driver().findElement(By.linkText("Born"));

        born.click();
        browser.waitUntil(d -> !d.findElements(sortedBy("Born", "ascending")).isEmpty());
        browser.driver().findElement(sortedBy("Born", "ascending")).click();
        browser.waitUntil(d -> !d.findElements(sortedBy("Born", "descending")).isEmpty());

        List<String> names = browser.driver().findElements(By.cssSelector("#results tbody tr td:first-child"))
                .stream().map(WebElement::getText).toList();
        assertThat(names).containsExactly("Mateo Lopez", "Sofia Lopez", "Ana Lopez");
        assertThat(browser.driver().getCurrentUrl()).contains("sort=born", "dir=desc");
    }

    @Test
    void counsel_places_a_legal_hold_and_the_verdict_says_not_executable() {
        browser.signIn("attorney");
        browser.open("/cases/991000001");
        WebElement form = browser.driver().findElement(By.id("place-hold"));
        form.findElement(By.name("reason")).sendKeys("Motion to reopen under review");
        browser.submit(form);

        assertThat(browser.driver().findElement(By.id("verdict-status")).getText()).isEqualTo("Not executable");
        assertThat(browser.driver().findElement(By.cssSelector("tr.hold")).getText())
                .contains("Motion to reopen under review", "open");
        browser.checked("case-attorney");
    }

    @Test
    void the_working_date_set_in_the_top_bar_changes_the_ages_shown() {
        browser.signIn("officer");
        browser.open("/people/991000002");
        WebElement date = browser.driver().findElement(By.id("as-of"));
        browser.script("arguments[0].value = '2019-06-02'", date);
        browser.submit(browser.driver().findElement(By.id("working-date")));

        assertThat(browser.driver().findElement(By.id("working-date-chosen")).getText()).isEqualTo("not today");
        assertThat(browser.driver().findElement(By.id("person")).getText()).contains("age 6", "(minor)");
    }

    @Test
    void a_supervisor_sees_the_team_counts_and_their_chart() {
        taskApi.houstonTeamTask();
        browser.signIn("supervisor");

        browser.waitUntil(d -> "yes".equals(d.findElement(By.cssSelector("canvas.chart")).getAttribute("data-drawn")));
        browser.checked("home-supervisor");
    }

    @Test
    void auditors_partners_and_administrators_see_their_own_home_pages() {
        for (String user : List.of("auditor", "partner", "admin")) {
            browser.driver().manage().deleteAllCookies();
            browser.signIn(user);
            assertThat(browser.driver().findElements(By.cssSelector("section.panel"))).as(user).isNotEmpty();
            browser.checked("home-" + user);
        }
        browser.driver().manage().deleteAllCookies();
        browser.signIn("admin");
        click(menu("Unmapped courts"));
        browser.checked("unmapped");
        click(menu("Imports"));
        browser.checked("imports");
    }

    @Test
    void an_auditor_opens_a_persons_audit_entries_through_a_case_review_from_the_home_page() {
        // a read of the person, for the review to show
        assertThat(api.as("officer").getForEntity("/api/people/991000001", String.class).getStatusCode().value())
                .isEqualTo(200);
        browser.signIn("auditor");
        click(browser.driver().findElement(By.linkText("Open a case review")));
        browser.driver().findElement(By.id("review-a-number")).sendKeys("A-991-000-001");
        browser.driver().findElement(By.id("review-reason")).sendKeys("OIG complaint 2019-0142 (synthetic)");
        browser.checked("case-review-new");
        browser.submit(browser.driver().findElement(By.id("case-review")));
        long review = jdbc.sql("select max(seq) from audit_entry where action = 'CASE_REVIEW' and actor = 'auditor'")
                .query(Long.class).single();
        assertThat(browser.driver().findElement(By.id("revealed")).getText()).contains("991000001");
        assertThat(browser.driver().findElement(By.id("entries")).getText()).contains("PERSON 991000001");
        browser.checked("audit-case-review");
        // and from the home page again, through the review now listed there
        browser.open("/");
        click(browser.driver().findElement(By.partialLinkText("Case review " + review + ":")));
        assertThat(browser.driver().findElement(By.id("revealed")).getText()).contains("991000001");
    }

    @Test
    void the_sign_in_and_problem_pages_pass_axe() {
        browser.open("/login");
        browser.checked("login");
        browser.signIn("officer");
        browser.open("/people/999999999");
        assertThat(browser.driver().findElement(By.id("problem")).getText()).contains("no person");
        browser.checked("problem");
        assertThat(Map.of()).isEmpty();
    }
}
