package org.caseops.encounter;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The encounter form in a real Chromium 400 px wide (issue 15): an officer records a visit with a child at day care
 * and a collateral person met; the answer of the first submission is lost (sent in the background, never shown), the
 * page is reloaded — what was typed and the form's key come back from the browser's storage — and sent again: the
 * visit is recorded once. axe-core finds nothing; nothing scrolls sideways.
 */
@CaseOpsTest
class EncounterBrowserTest {

    @RegisterExtension
    static Browser browser = new Browser();

    @Autowired
    Api api;
    @Autowired
    DocketImporter importer;
    @Autowired
    JdbcClient jdbc;

    private WebElement id(String id) {
        return browser.driver().findElement(By.id(id));
    }

    private long id(String table, String given) {
        return jdbc.sql("select id from " + table + " where given_name = ?").param(given).query(Long.class).single();
    }

    private void fitsAndPasses(String name) {
        assertThat(browser.axeViolations()).as("axe-core on " + name + " at 400 px").isEmpty();
        assertThat(browser.script("return document.documentElement.scrollWidth > window.innerWidth + 1"))
                .as(name + " fits 400 px without scrolling sideways").isEqualTo(false);
    }

    private long encounters(long operation) {
        return jdbc.sql("select count(*) from encounter where operation_id = ?").param(operation).query(Long.class)
                .single();
    }

    @Test
    void an_officer_records_a_visit_on_a_phone_and_a_resubmission_after_a_lost_answer_records_it_once()
            throws Exception {
        Dockets.freshlyImported(EoirFiles.houstonFamilies(), importer, jdbc);
        long ana = id("person", "Ana");
        long sofia = id("person", "Sofia");
        long mateo = id("person", "Mateo");
        long operation = new LaunchedOperation(api).houstonFamily1001(mateo);

        browser.width(400, 900);
        browser.signIn("officer");
        browser.open("/operations/" + operation);
        browser.script("arguments[0].value = '2019-06-24'", id("as-of"));
        browser.submit(id("working-date"));
        WebElement record = browser.driver().findElement(By.linkText("Record the visit to family 1001"));
        browser.script("arguments[0].click()", record);
        browser.waitUntil(d -> d.getCurrentUrl().endsWith("/visits/1001"));
        browser.script("localStorage.clear()");
        browser.open("/operations/" + operation + "/visits/1001");
        assertThat(id("gate-" + ana).getText()).startsWith("The legal gate, asked now: Executable");
        fitsAndPasses("visit");
        browser.photo("visit-400");

        id("custodySite").sendKeys("Houston field office");
        new Select(id("outcome-" + ana)).selectByValue("ARRESTED");
        new Select(id("outcome-" + sofia)).selectByValue("ARRESTED");
        for (String q : new String[] {"minorChildren-" + ana + "-yes", "otherDependants-" + ana + "-no",
                "soleCaregiver-" + ana + "-yes", "pregnantOrNursing-" + ana + "-no"}) {
            browser.script("arguments[0].click()", id(q));
        }
        new Select(id("location-" + sofia)).selectByValue("PRESENT");
        new Select(id("location-" + mateo)).selectByValue("DAY_CARE");
        id("caregiver-" + mateo).sendKeys("Day-care director (synthetic)");
        id("c-described").sendKeys("adult man at the door (synthetic)");
        new Select(id("c-basisKind")).selectByValue("OTHER_AUTHORITY");
        id("c-basis").sendKeys("INA 287(a)(2)");
        new Select(id("c-outcome")).selectByValue("ENROLLED_ATD");
        for (String q : new String[] {"c-adult-yes", "minorChildren-c-no", "otherDependants-c-no",
                "soleCaregiver-c-no", "pregnantOrNursing-c-no"}) {
            browser.script("arguments[0].click()", id(q));
        }
        // a child not on record: the form comes back with room for her, everything typed kept
        browser.script("arguments[0].click()", id("add-child"));
        browser.waitUntil(d -> !d.findElements(By.id("n1-name")).isEmpty());
        assertThat(id("c-described").getAttribute("value")).isEqualTo("adult man at the door (synthetic)");
        id("n1-name").sendKeys("Luz (synthetic)");
        id("n1-age").sendKeys("1");
        new Select(id("n1-location")).selectByValue("PRESENT");
        String key = id("visit").findElement(By.name("key")).getAttribute("value");
        fitsAndPasses("visit filled in");
        browser.script("arguments[0].scrollIntoView({block: 'start'})", id("children"));
        browser.photo("visit-filled-400");

        // the first submission's answer is lost: sent in the background and its answer (the redirect and the page
        // saying "recorded") fetched there too, never shown, so the page keeps the form and the browser what was typed.
        // (Had the redirect not been followed, the next load of the page would say "recorded" itself: the session
        // keeps that message for it, and the form would rightly forget what was typed.)
        // Wait for the whole answer, redirect included: the page it redirects to takes the session's "recorded"
        // message, and a reload before that would show the message itself and forget the form (CI saw this race).
        browser.script("window.lostAnswer = 'pending'; fetch(arguments[0].action, {method: 'POST', "
                + "body: new FormData(arguments[0]), redirect: 'follow', credentials: 'same-origin'})"
                + ".then(function (r) { return r.text(); })"
                + ".then(function () { window.lostAnswer = 'read'; }, function () { window.lostAnswer = 'failed'; })",
                id("visit"));
        browser.waitUntil(d -> !"pending".equals(browser.script("return window.lostAnswer")));
        assertThat(browser.script("return window.lostAnswer")).isEqualTo("read");
        assertThat(encounters(operation)).isEqualTo(3);

        // the officer opens the visit again (the page shown was the answer to "Add a child not on record"): the
        // draft has a child not on record, which the page as loaded has no room for, so the page asks for itself
        // with room for her (?newChildren=1) and restores the draft into that
        browser.open("/operations/" + operation + "/visits/1001");
        browser.waitUntil(d -> d.getCurrentUrl().contains("newChildren=1") && !d.findElements(By.id("n1-name"))
                .isEmpty() && "Luz (synthetic)".equals(d.findElement(By.id("n1-name")).getAttribute("value")));
        assertThat(id("visit").findElement(By.name("key")).getAttribute("value"))
                .as("the key comes back from the browser").isEqualTo(key);
        assertThat(id("caregiver-" + mateo).getAttribute("value")).isEqualTo("Day-care director (synthetic)");
        assertThat(id("soleCaregiver-" + ana + "-yes").isSelected()).isTrue();
        browser.submit(id("visit"));

        assertThat(id("done").getText()).contains("already recorded", "nothing was recorded twice");
        assertThat(encounters(operation)).isEqualTo(3);
        assertThat(id("visit").findElement(By.name("key")).getAttribute("value")).isNotEqualTo(key);
        assertThat(browser.script("return localStorage.getItem('caseops-visit-" + operation + "-1001')"))
                .asString().doesNotContain(key);
        fitsAndPasses("visit recorded");
        browser.photo("visit-recorded-400");
    }
}
