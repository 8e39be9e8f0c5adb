package org.caseops.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.caseops.docket.DocketImporter;
import org.caseops.fixtures.Api;
import org.caseops.fixtures.Browser;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Dockets;
import org.caseops.fixtures.EoirFiles;
import org.caseops.fixtures.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What sign-in and the session protect, checked in a real browser: CSRF tokens on state changes made with the session
 * cookie, the sign-in lock after repeated wrong passwords, a new session id at sign-in, and notes shown as text.
 */
@CaseOpsTest
class BrowserProtectionTest {

    @RegisterExtension
    static Browser browser = new Browser();

    @Autowired
    DocketImporter importer;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Users users;
    @Autowired
    AuthProperties settings;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void docket() throws Exception {
        Dockets.freshlyImported(EoirFiles.houstonFamilies(), importer, jdbc);
    }

    private List<String> notes() {
        return jdbc.sql("select body from case_note order by id").query(String.class).list();
    }

    /** The notes on the page, as the browser renders them. */
    private List<WebElement> shownNotes() {
        return browser.driver().findElements(By.cssSelector("#notes .note-body"));
    }

    /** Adds a note with the person page's own form, as a person would. */
    private String addNoteThroughThePage(String aNumber, String text) {
        browser.open("/people/" + aNumber);
        WebElement form = browser.driver().findElement(By.id("add-note"));
        form.findElement(By.name("text")).sendKeys(text);
        return browser.submit(form);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder withSession(String path, String sessionId) {
        return HttpRequest.newBuilder(URI.create(browser.url(path))).header("Cookie", "JSESSIONID=" + sessionId);
    }

    @Test
    void a_change_sent_with_the_session_cookie_but_without_the_csrf_token_is_refused_and_changes_nothing()
            throws Exception {
        browser.signIn("officer");
        String session = browser.cookie("JSESSIONID");
        assertThat(session).isNotBlank();

        HttpResponse<String> form = send(withSession("/people/991000001/notes", session)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("text=forged+from+another+site")));
        HttpResponse<String> forgedToken = send(withSession("/people/991000001/notes", session)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("text=forged&_csrf=not-the-token")));
        HttpResponse<String> json = send(withSession("/api/people/991000001/notes", session)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"forged from a script\"}")));

        assertThat(form.statusCode()).isEqualTo(403);
        assertThat(forgedToken.statusCode()).isEqualTo(403);
        assertThat(json.statusCode()).isEqualTo(403);
        assertThat(notes()).isEmpty();
        // the cookie itself was good: the same session reads, so the refusals were for the missing token
        assertThat(send(withSession("/api/people/991000001/notes", session).GET()).statusCode()).isEqualTo(200);

        String landed = addNoteThroughThePage("991000001", "Added with the page's own form");

        assertThat(landed).endsWith("/people/991000001#notes");
        assertThat(notes()).containsExactly("Added with the page's own form");
        assertThat(shownNotes()).extracting(WebElement::getText).containsExactly("Added with the page's own form");
    }

    @Test
    void after_repeated_wrong_passwords_even_the_right_password_is_refused_for_a_while() {
        String user = TestUsers.ensure(users, "browser.throttled", Role.OFFICER, "HOU");
        jdbc.sql("update app_user set failed_logins = 0, locked_until = null where username = ?").param(user)
                .update();
        long auditBefore = jdbc.sql("select coalesce(max(seq), 0) from audit_entry").query(Long.class).single();

        for (int i = 1; i <= settings.maxFailedLogins(); i++) {
            String landed = browser.trySignIn(user, "wrong-password-" + i);
            assertThat(landed).as("wrong password %d", i).endsWith("/login?error");
            assertThat(browser.driver().findElements(By.id("sign-in-error"))).hasSize(1);
        }
        String landed = browser.trySignIn(user, Api.PASSWORD);

        assertThat(landed).endsWith("/login?error");
        assertThat(browser.driver().findElement(By.id("sign-in-error")).isDisplayed()).isTrue();
        assertThat(browser.driver().findElements(By.id("signed-in-as"))).isEmpty();
        OffsetDateTime lockedUntil = jdbc.sql("select locked_until from app_user where username = ?").param(user)
                .query(OffsetDateTime.class).single();
        assertThat(lockedUntil).isNotNull();
        assertThat(Duration.between(OffsetDateTime.now(), lockedUntil))
                .isBetween(settings.lockDuration().minusMinutes(1), settings.lockDuration());
        assertThat(jdbc.sql("select action from audit_entry where actor = ? and seq > ? order by seq").params(user,
                auditBefore).query(String.class).list()).endsWith("SIGN_IN_LOCKED", "SIGN_IN_REFUSED_LOCKED");
    }

    @Test
    void signing_in_gives_a_new_session_id_and_the_old_one_stays_signed_out() throws Exception {
        browser.open("/login");
        String before = browser.cookie("JSESSIONID");
        assertThat(before).as("a session exists before sign-in (it holds the CSRF token)").isNotBlank();

        browser.signIn("officer");
        String after = browser.cookie("JSESSIONID");

        assertThat(after).isNotBlank().isNotEqualTo(before);
        HttpResponse<String> withOld = send(withSession("/api/me", before).GET());
        HttpResponse<String> pageWithOld = send(withSession("/people/991000001", before).GET());
        HttpResponse<String> withNew = send(withSession("/api/me", after).GET());
        assertThat(withOld.statusCode()).isEqualTo(401);
        assertThat(pageWithOld.statusCode()).isEqualTo(302);
        assertThat(pageWithOld.headers().firstValue("Location").orElse("")).endsWith("/login");
        assertThat(withNew.statusCode()).isEqualTo(200);
        assertThat(withNew.body()).contains("\"username\":\"officer\"");
    }

    @Test
    void a_note_is_shown_as_the_text_that_was_typed_and_nothing_in_it_runs() {
        String text = "<script>window.__xss=1</script><b>bold</b><img src=x onerror=\"window.__xss=2\">";
        browser.signIn("officer");

        addNoteThroughThePage("991000001", text);
        browser.open("/people/991000001");

        assertThat(notes()).containsExactly(text);
        List<WebElement> shown = shownNotes();
        assertThat(shown).hasSize(1);
        assertThat(shown.get(0).getText()).isEqualTo(text);
        assertThat(shown.get(0).findElements(By.cssSelector("b, script, img"))).isEmpty();
        assertThat(browser.script("return typeof window.__xss")).isEqualTo("undefined");
    }
}
