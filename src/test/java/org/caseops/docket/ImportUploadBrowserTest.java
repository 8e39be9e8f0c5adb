package org.caseops.docket;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;
import org.caseops.fixtures.Browser;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Database;
import org.caseops.fixtures.Dockets;
import org.caseops.fixtures.EoirFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Counsel uploads an import in a real Chromium (issue 14): from the menu to the imports page, the upload form (a
 * problem next to its field first), the progress bar while the import waits and runs, and the report at the end —
 * htmx polls the bar and goes on by itself. axe-core at 1280 and 400 px, screenshots.
 */
@CaseOpsTest
class ImportUploadBrowserTest {

    @RegisterExtension
    static Browser browser = new Browser();

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;



    private WebElement id(String id) {
        return browser.driver().findElement(By.id(id));
    }

    private void click(WebElement link) {
        link.click();
        browser.waitUntil(d -> {
            try {
                link.isEnabled();
                return false;
            } catch (org.openqa.selenium.WebDriverException e) {
                return "complete".equals(browser.script("return document.readyState"));
            }
        });
    }

    @Test
    void counsel_uploads_the_files_watches_the_progress_and_lands_on_the_report() throws Exception {
        Database.clearDocket(jdbc);
        Path dir = Files.createTempDirectory("caseops-browser-upload");
        EoirFiles files = EoirFiles.houstonFamilies();
        Path zip = files.writeZip(dir.resolve("eoir.zip"));
        Path persons = files.writePersons(dir.resolve("persons.csv"));
        browser.width(1280, 1000);
        browser.signIn("attorney");
        click(browser.driver().findElement(By.cssSelector("nav.menu")).findElement(By.linkText("Imports")));
        click(id("upload-link"));

        // the person file given as the EOIR zip: the problem next to the field
        id("upload-eoir").sendKeys(persons.toString());
        browser.submit(id("upload-import"));
        assertThat(id("upload-eoir-error").getText()).contains("zip file");
        assertThat(id("upload-eoir").getAttribute("aria-describedby")).isEqualTo("upload-eoir-error");
        browser.checked("import-upload-problem", By.id("upload-eoir-error"));

        id("upload-eoir").sendKeys(zip.toString());
        id("upload-persons").sendKeys(persons.toString());
        browser.script("arguments[0].value = arguments[1]", id("upload-release"), Dockets.release().toString());
        // another import holds the importer's lock: this one waits, and its page shows it
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (Statement lock = other.createStatement()) {
                lock.execute("select pg_advisory_xact_lock(hashtext('caseops.import'))");
            }
            browser.submit(id("upload-import"));
            assertThat(browser.driver().getCurrentUrl()).contains("/imports/uploads/");
            assertThat(id("upload-bar").getAttribute("max")).isEqualTo("100");
            browser.waitUntil(d -> d.findElement(By.id("upload-status")).getText().contains("% read"));
            browser.checked("import-upload-progress", null);
            other.rollback();
        }
        browser.waitUntil(d -> d.getCurrentUrl().matches(".*/imports/[0-9]+$"));
        browser.waitUntil(d -> "complete".equals(browser.script("return document.readyState")));
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).contains("Import");
        assertThat(jdbc.sql("select count(*) from eoir_case").query(Long.class).single()).isPositive();
        browser.checked("import-uploaded-report", null);
    }
}
