package org.caseops.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.caseops.docket.DocketImporter;
import org.caseops.fixtures.Browser;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Database;
import org.caseops.fixtures.Dockets;
import org.caseops.fixtures.EoirFiles;
import org.caseops.docket.ImportReport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The desk tools in a real Chromium (issue 14, part 2): the page for an unknown address, counsel's stays, protections
 * and determinations, screenings, the imports with their quarantine, and the audit pages. One test per role's main
 * path, signed in once: reach the page from the menu, act, see the result. Every page is checked with axe-core (no
 * violations) at 1280 and 400 px and photographed ({@code target/screenshots/}, a few kept in docs/screenshots/).
 */
@CaseOpsTest
class DeskToolsBrowserTest {

    @RegisterExtension
    static Browser browser = new Browser();

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DocketImporter importer;
    @Autowired
    org.caseops.fixtures.Api api;

    @BeforeEach
    void data() throws Exception {
        Dockets.freshlyImported(EoirFiles.houstonFamilies(), importer, jdbc);
        try (Database.Owner owner = Database.owner(jdbc)) {
            owner.jdbc().sql("delete from legal_hold").update();
        }
        browser.width(1280, 1000);
    }

    /** axe-core finds nothing on the page shown, at 1280 px and at 400 px (nothing scrolls sideways); screenshots. */


    private WebElement menu(String label) {
        return browser.driver().findElement(By.cssSelector("nav.menu")).findElement(By.linkText(label));
    }

    private List<String> menuLabels() {
        return browser.driver().findElements(By.cssSelector("nav.menu a")).stream().map(WebElement::getText).toList();
    }

    private WebElement id(String id) {
        return browser.driver().findElement(By.id(id));
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

    /** The text at {@code url}, fetched by the page's own browser (its cookie), as a download would get it. */
    private Object fetched(String url) {
        return ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0]).then(r => r.text()).then(done)", url);
    }

    @Test
    void an_unknown_address_shows_the_not_found_page_and_the_menu_leads_on() {
        browser.signIn("officer");
        browser.open("/no/such/page");

        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Page not found");
        assertThat(id("problem-detail").getText()).contains("CaseOps has no page at /no/such/page");
        assertThat(browser.driver().getTitle()).isEqualTo("Page not found · CaseOps");
        browser.checked("not-found");

        click(menu("Search"));
        assertThat(browser.driver().getCurrentUrl()).endsWith("/search");
    }

    /** From the menu: Search, a name, the person, their case. */
    private void openCaseOf(String name, String aNumber) {
        click(menu("Search"));
        WebElement form = id("search");
        form.findElement(By.name("q")).sendKeys(name);
        browser.submit(form);
        if (!browser.driver().findElements(By.id("purpose-needed")).isEmpty()) {
            // counsel searches every field office: the search asks why first, and the audit trail keeps it
            WebElement again = id("search");
            again.findElement(By.name("purpose")).sendKeys("Motion review");
            browser.submit(again);
        }
        click(browser.driver().findElement(By.linkText(name)));
        click(id("case-link"));
        assertThat(browser.driver().getCurrentUrl()).contains("/cases/" + aNumber);
    }

    @Test
    void counsel_records_a_protection_ends_it_and_records_a_determination_from_the_case_page() {
        browser.signIn("attorney");
        openCaseOf("Ana Lopez", "991000001");

        // a protection that ends before it starts: the problem is shown next to the field, what was typed stays
        WebElement form = id("record-protection");
        new Select(form.findElement(By.name("kind"))).selectByVisibleText("Temporary Protected Status");
        browser.script("arguments[0].value = '2019-03-01'", id("protection-from"));
        browser.script("arguments[0].value = '2019-02-01'", id("protection-until"));
        id("protection-evidence").sendKeys("USCIS I-797 approval notice EAC1990000001");
        browser.submit(form);
        assertThat(id("protection-until-error").getText()).contains("cannot end (2019-02-01) before it starts");
        assertThat(id("protection-until").getAttribute("aria-describedby")).isEqualTo("protection-until-error");
        assertThat(id("protection-evidence").getAttribute("value")).isEqualTo("USCIS I-797 approval notice EAC1990000001");
        assertThat(new Select(id("protection-kind")).getFirstSelectedOption().getText())
                .isEqualTo("Temporary Protected Status");
        browser.checked("case-protection-problem", By.id("protection-until-error"));

        browser.script("arguments[0].value = ''", id("protection-until"));
        browser.submit(id("record-protection"));
        assertThat(browser.driver().getCurrentUrl()).endsWith("#protections");
        assertThat(browser.driver().findElement(By.cssSelector("tr.protection")).getText())
                .contains("Temporary Protected Status", "INA 244(a)(1)(A)", "2019-03-01", "until ended",
                        "EAC1990000001", "in force");
        assertThat(id("verdict-status").getText()).isEqualTo("Not executable");
        assertThat(id("findings").getText()).contains("Temporary Protected Status");

        WebElement determination = id("record-determination");
        determination.findElement(By.name("subject")).sendKeys("strBIADecision=XQZ");
        new Select(determination.findElement(By.name("meaning"))).selectByValue("BIA_NO_FINAL_ORDER");
        determination.findElement(By.name("reason")).sendKeys("The Board's letter: the appeal was never decided");
        browser.submit(determination);
        assertThat(browser.driver().findElement(By.cssSelector("tr.determination")).getText())
                .contains("strBIADecision=XQZ", "BIA no final order", "never decided", "attorney");
        browser.checked("case-attorney-tools", By.id("protections"));

        WebElement end = browser.driver().findElement(By.cssSelector("form[id^=end-protection-]"));
        assertThat(end.findElement(By.tagName("h3")).getText())
                .isEqualTo("End the protection: Temporary Protected Status from 2019-03-01");
        end.findElement(By.name("reason")).sendKeys("TPS designation for the country ended");
        browser.submit(end);
        assertThat(browser.driver().findElement(By.cssSelector("tr.protection")).getText())
                .contains("by attorney: TPS designation for the country ended");
        assertThat(browser.driver().findElements(By.cssSelector("form[id^=end-protection-]"))).isEmpty();
    }

    @Test
    void a_director_records_a_judicial_stay_and_lifts_it_but_has_no_counsel_forms() {
        browser.signIn("director");
        openCaseOf("Ana Lopez", "991000001");
        assertThat(browser.driver().findElements(By.id("record-protection"))).isEmpty();
        assertThat(browser.driver().findElements(By.id("record-determination"))).isEmpty();
        assertThat(browser.driver().findElements(By.id("place-hold"))).isEmpty();

        WebElement form = id("record-stay");
        new Select(form.findElement(By.name("kind"))).selectByVisibleText("Judicial stay");
        browser.script("arguments[0].value = '2019-05-01'", id("stay-from"));
        id("stay-reference").sendKeys("5th Cir. No. 19-60001, order of 2019-05-01");
        browser.submit(form);

        assertThat(browser.driver().findElement(By.cssSelector("tr.stay")).getText())
                .contains("Judicial", "2019-05-01", "until lifted", "19-60001", "in force");
        assertThat(id("verdict-status").getText()).isEqualTo("Not executable");
        browser.checked("case-director-stay", By.id("stays"));

        browser.submit(browser.driver().findElement(By.cssSelector("form[id^=lift-stay-]")));
        assertThat(browser.driver().findElement(By.cssSelector("tr.stay")).getText()).contains("by director");
        assertThat(browser.driver().findElements(By.cssSelector("form[id^=lift-stay-]"))).isEmpty();
    }

    @Test
    void an_officer_reads_stays_protections_and_determinations_without_any_form() {
        browser.signIn("officer");
        openCaseOf("Ana Lopez", "991000001");

        assertThat(id("protections").getText()).contains("No protection recorded.");
        assertThat(id("determinations").getText()).contains("No determination recorded.");
        assertThat(browser.driver().findElements(By.cssSelector("#content form"))).isEmpty();
    }

    @Test
    void counsel_runs_a_screening_and_browses_its_verdicts_by_verdict_and_rule() {
        browser.signIn("attorney");
        click(menu("Screenings"));

        WebElement form = id("run-screening");
        browser.script("arguments[0].value = '2019-06-23'", id("screen-as-of"));
        id("screen-office").sendKeys("Houston");
        browser.submit(form);
        assertThat(id("screen-office-error").getText()).contains("three letters");
        assertThat(id("screen-office").getAttribute("value")).isEqualTo("Houston");
        assertThat(id("screen-as-of").getAttribute("value")).isEqualTo("2019-06-23");
        browser.checked("screenings-problem", By.id("screen-office-error"));

        id("screen-office").clear();
        id("screen-office").sendKeys("hou");
        browser.submit(id("run-screening"));
        assertThat(browser.driver().findElement(By.tagName("h2")).getText())
                .isEqualTo("As of 2019-06-23, field office HOU");
        long cases = jdbc.sql("select count(*) from case_verdict where as_of = '2019-06-23' "
                + "and field_office_code = 'HOU'").query(Long.class).single();
        assertThat(cases).isPositive();
        assertThat(id("verdicts").findElement(By.tagName("caption")).getText()).contains("of " + cases + ")");
        browser.checked("screening");

        // the first deciding rule of the report: the table keeps only its cases
        WebElement reason = browser.driver().findElement(By.cssSelector("#reasons tr.reason"));
        String rule = reason.findElement(By.tagName("a")).getText();
        String count = reason.findElements(By.tagName("td")).get(2).getText();
        click(reason.findElement(By.tagName("a")));
        assertThat(id("verdicts").findElement(By.tagName("caption")).getText()).contains("of " + count + ")");
        List<String> rules = browser.driver().findElements(By.cssSelector("#verdicts tbody tr td:nth-child(4)"))
                .stream().map(WebElement::getText).distinct().toList();
        assertThat(rules).containsExactly(rule);
        assertThat(new Select(id("browse-rule")).getFirstSelectedOption().getText()).isEqualTo(rule);

        String csv = id("verdicts").findElement(By.linkText("Download CSV")).getAttribute("href");
        Object text = fetched(csv);
        assertThat(text.toString().lines().toList()).hasSize(Integer.parseInt(count) + 1)
                .first().asString().startsWith("Case (IDNCASE),Field office,Verdict,Deciding rule");
    }

    @Test
    void oversight_opens_the_monthly_report_from_the_menu_with_its_charts_and_sources() {
        browser.signIn("auditor");
        click(menu("Monthly report"));
        assertThat(id("monthly-form").findElement(By.id("monthly-month")).getAttribute("value")).matches("\\d{4}-\\d{2}");
        browser.open("/reports/monthly?month=2019-06");
        assertThat(browser.driver().findElement(By.tagName("h1")).getText())
                .isEqualTo("Monthly report, 2019-06, all field offices");
        assertThat(id("chart-funnel").findElements(By.tagName("svg"))).hasSize(7);
        assertThat(id("monthly-audit-state").getText()).containsPattern("^(Intact|Broken|Not checked yet): ");
        browser.checked("monthly-report", By.id("monthly-charts"));
    }

    @Test
    void an_officer_sees_no_screenings_and_may_not_open_them() {
        browser.signIn("officer");
        assertThat(menuLabels()).doesNotContain("Screenings", "Audit");
        browser.open("/screenings");
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Not allowed");
    }

    /** The Houston families with three rows the importer must keep out, each for its own reasons. */
    private long importWithBadRows() throws Exception {
        EoirFiles files = EoirFiles.houstonFamilies();
        files.raw("A_TblCase", EoirFiles.tab("1x", "GT", "SP", "X", "TX", "1", "RMV", "F", "0", "", "", "", "N", ""));
        files.raw("A_TblCase", EoirFiles.tab(2, "GT", "SP", "X", "TX", "1", "RMV", "F", "0", "", "", "maybe", "N", ""));
        files.raw("A_TblCase", EoirFiles.tab(3, "GT", "SP", "X", "TX", "1", "RMV", "F", "0", "1999-13-01", "", "maybe",
                "N", ""));
        ImportReport report = Dockets.freshlyImported(files, importer, jdbc);
        return report.importId();
    }

    @Test
    void counsel_reads_the_import_history_a_report_and_browses_its_quarantine() throws Exception {
        long id = importWithBadRows();
        browser.signIn("attorney");
        click(menu("Imports"));
        assertThat(id("imports").findElement(By.tagName("caption")).getText()).contains("Imports");
        browser.checked("imports-history");

        click(id("imports").findElement(By.linkText(String.valueOf(id))));
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Import " + id);
        click(id("tables").findElement(By.linkText("3")));
        assertThat(browser.driver().getCurrentUrl()).contains("/imports/" + id + "/quarantine", "table=A_TblCase");
        assertThat(id("quarantined").findElement(By.tagName("caption")).getText()).contains("(1–3 of 3)");
        List<WebElement> cells = browser.driver().findElements(By.cssSelector("#quarantined tbody tr:nth-child(3) td"));
        assertThat(cells.get(0).getText()).isEqualTo("A_TblCase");
        assertThat(cells.get(2).getText()).as("the first column at fault").isEqualTo("C_BIRTHDATE");
        List<String> problems = cells.get(3).getText().lines().toList();
        assertThat(problems).as("every problem of the row, one a line").hasSize(2);
        assertThat(problems.get(0)).startsWith("C_BIRTHDATE: ");
        assertThat(problems.get(1)).startsWith("DATE_OF_ENTRY: ");
        assertThat(cells.get(4).getText()).contains("1999-13-01", "maybe");
        browser.checked("quarantine");

        WebElement filter = id("quarantine-filter");
        filter.findElement(By.name("reason")).sendKeys("IDNCASE");
        browser.submit(filter);
        assertThat(browser.driver().findElements(By.cssSelector("#quarantined tbody tr"))).hasSize(1);
        assertThat(browser.driver().findElement(By.cssSelector("#quarantined tbody tr")).getText()).contains("1x");
        String csv = id("quarantined").findElement(By.linkText("Download CSV")).getAttribute("href");
        assertThat(fetched(csv).toString().lines().toList()).hasSize(2)
                .first().asString().isEqualTo("Table,Line,Column,Problems,Raw text");
    }

    @Test
    void an_auditor_reads_the_imports_but_not_the_quarantine() throws Exception {
        long id = importWithBadRows();
        browser.signIn("auditor");
        click(menu("Imports"));
        click(id("imports").findElement(By.linkText(String.valueOf(id))));
        assertThat(browser.driver().findElements(By.id("quarantine-link"))).isEmpty();
        assertThat(id("tables").findElements(By.tagName("a"))).isEmpty();
        browser.checked("import-auditor");

        browser.open("/imports/" + id + "/quarantine");
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Not allowed");
    }

    @Test
    void an_auditor_verifies_the_chain_and_finds_counsel_s_hold_in_the_entries() {
        org.springframework.http.ResponseEntity<String> placed = api.as("attorney").postForEntity(
                "/api/cases/991000001/holds", org.caseops.fixtures.LegalVersions.with(java.util.Map.of("reason",
                        "Audit page check"), org.caseops.fixtures.LegalVersions.holds(api.as("attorney"),
                        "991000001")), String.class);
        assertThat(placed.getStatusCode().value()).isEqualTo(201);
        browser.signIn("auditor");
        assertThat(menuLabels()).contains("Audit", "Screenings", "Imports").doesNotContain("Search", "Queues");
        click(menu("Audit"));

        browser.submit(id("verify-chain"));
        browser.waitUntil(d -> !d.findElements(By.id("chain-status")).isEmpty());
        assertThat(id("chain-status").getText()).isEqualTo("Intact");
        assertThat(id("verify-result").getText()).contains("chained entries checked");
        browser.checked("audit-verified", By.id("verify-result"));

        WebElement filter = id("audit-filter");
        filter.findElement(By.name("actor")).sendKeys("attorney");
        filter.findElement(By.name("action")).sendKeys("LEGAL_HOLD_PLACED");
        browser.submit(filter);
        List<WebElement> rows = browser.driver().findElements(By.cssSelector("#entries tbody tr"));
        // the trail keeps every test's entries: only counsel's holds are shown, this one among them
        assertThat(rows).isNotEmpty().allSatisfy(row -> assertThat(row.getText())
                .contains("attorney (Attorney", "LEGAL_HOLD_PLACED", "CASE "));
        assertThat(rows.get(0).getText()).as("newest first").contains("CASE 1001", "Audit page check");
        browser.checked("audit");

        String export = id("export").getAttribute("href");
        String first = fetched(export).toString().lines().findFirst().orElse("");
        assertThat(first).startsWith("{").contains("\"seq\":", "\"hash\":");

        click(menu("Audit checkpoints"));
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Audit checkpoints");
        browser.checked("audit-checkpoints");
    }

    @Test
    void a_supervisor_walks_the_removal_desk_pages_with_a_problem_next_to_its_field() {
        browser.signIn("supervisor");
        browser.open("/people/991000001");
        click(id("departure-link"));
        WebElement grant = id("grant");
        grant.findElement(By.name("bondAmount")).sendKeys("fifteen hundred");
        browser.submit(grant);
        assertThat(id("grant-bondAmount-error").getText()).contains("is not an amount in dollars");
        assertThat(id("grant-bondAmount").getAttribute("aria-describedby")).isEqualTo("grant-bondAmount-error");
        assertThat(id("grant-bondAmount").getAttribute("value")).isEqualTo("fifteen hundred");
        browser.checked("departure-grant-problem", By.id("grant-bondAmount-error"));

        browser.open("/families/1001");
        click(id("removal-link"));
        assertThat(id("request").getText()).contains("Ana", "Sofia");
        browser.checked("removal-desk", By.id("request"));

        browser.open("/cases/991000001");
        click(browser.driver().findElement(By.cssSelector("#stay-requests-link a")));
        assertThat(id("receive").isDisplayed()).isTrue();
        browser.checked("stay-requests-desk");
    }

    @Test
    void an_officer_reads_the_person_pages_sections_address_custody_supervision_and_tasks() {
        java.util.Map<String, Object> osup = new java.util.HashMap<>();
        osup.put("kind", "OSUP");
        osup.put("legalBasis", "INA 241(a)(3); 8 CFR 241.5");
        osup.put("startDate", "2019-05-28");
        osup.put("reportEveryDays", 30);
        osup.put("firstReport", "2019-06-03");
        osup.put("conditions", List.of(java.util.Map.of("kind", "REPORT_IN_PERSON", "legalBasis",
                "8 CFR 241.5(a)(1)")));
        api.as("officer").postForEntity("/api/people/991000001/supervisions", osup, String.class);
        browser.signIn("officer");

        browser.open("/people/991000001");

        for (String section : List.of("addresses", "custody", "supervision", "tasks")) {
            assertThat(id(section + "-heading").getTagName()).isEqualTo("h2");
        }
        assertThat(id("addresses").getText()).contains("12 Elm St, Apt 4", "address of record");
        browser.checked("person-sections", By.id("supervision"));
    }
}
