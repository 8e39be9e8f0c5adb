package org.caseops.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.FormSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/** The shared layout of the pages: top bar, menu per role, working date, scripts from CaseOps only. */
@CaseOpsTest
class LayoutPagesTest {

    private static final Pattern SCRIPT = Pattern.compile("<script([^>]*)>");
    private static final Pattern HANDLER = Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);

    @Autowired
    Environment environment;

    private String home(String user) {
        return FormSession.signIn(environment, user).get("/").body();
    }

    @Test
    void the_top_bar_names_the_user_role_field_office_and_working_date() {
        String body = home("officer");

        assertThat(body).contains("id=\"signed-in-as\">officer<", "id=\"role\">Officer<",
                "Field office HOU", "id=\"working-date\"", "name=\"asOf\"",
                "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
                "aria-label=\"Breadcrumb\"", "aria-label=\"Main\"");
    }

    @Test
    void the_menu_shows_only_the_pages_the_role_may_open() {
        assertThat(home("officer")).contains("href=\"/search\"", "href=\"/queues\"")
                .doesNotContain("href=\"/imports\"", "href=\"/reference/unmapped\"");
        assertThat(home("attorney")).contains("href=\"/search\"", "href=\"/queues\"", "href=\"/imports\"")
                .doesNotContain("href=\"/reference/unmapped\"");
        assertThat(home("admin")).contains("href=\"/imports\"", "href=\"/reference/unmapped\"")
                .doesNotContain("href=\"/search\"", "href=\"/queues\"");
        assertThat(home("auditor")).contains("href=\"/imports\"").doesNotContain("href=\"/search\"");
        assertThat(home("partner")).doesNotContain("href=\"/search\"", "href=\"/queues\"", "href=\"/imports\"");
    }

    @Test
    void pages_carry_no_inline_script_and_no_event_handler_attributes() {
        for (String user : new String[] {"officer", "supervisor", "attorney", "auditor", "partner", "admin"}) {
            String body = home(user);
            Matcher scripts = SCRIPT.matcher(body);
            int count = 0;
            while (scripts.find()) {
                count++;
                assertThat(scripts.group(1)).as(user).contains("src=\"/");
            }
            assertThat(count).as(user).isGreaterThanOrEqualTo(2);
            assertThat(HANDLER.matcher(body).find()).as(user).isFalse();
        }
    }

    @Test
    void htmx_and_chart_js_are_served_by_caseops() {
        FormSession anyone = FormSession.anonymous(environment);

        HttpResponse<String> htmx = anyone.get("/webjars/htmx.org/2.0.10/dist/htmx.min.js");
        HttpResponse<String> chart = anyone.get("/webjars/chart.js/4.5.1/dist/chart.umd.min.js");

        assertThat(htmx.statusCode()).isEqualTo(200);
        assertThat(htmx.body()).contains("htmx");
        assertThat(chart.statusCode()).isEqualTo(200);
        assertThat(home("officer")).contains("src=\"/webjars/htmx.org/2.0.10/dist/htmx.min.js\"",
                "src=\"/webjars/chart.js/4.5.1/dist/chart.umd.min.js\"");
    }

    @Test
    void the_own_stylesheet_and_script_are_addressed_by_their_content_and_no_other_link_is_rewritten() {
        String body = home("officer");
        Matcher css = Pattern.compile("href=\"(/css/caseops-[0-9a-f]{32}\\.css)\"").matcher(body);
        Matcher js = Pattern.compile("src=\"(/js/caseops-[0-9a-f]{32}\\.js)\"").matcher(body);

        assertThat(css.find()).as("the stylesheet's address carries its hash").isTrue();
        assertThat(js.find()).as("the script's address carries its hash").isTrue();
        assertThat(body).doesNotContain("href=\"/css/caseops.css\"", "src=\"/js/caseops.js\"")
                .contains("href=\"/search\"", "href=\"/queues\"");
        FormSession anyone = FormSession.anonymous(environment);
        for (String address : new String[] {css.group(1), js.group(1)}) {
            HttpResponse<String> file = anyone.get(address);
            assertThat(file.statusCode()).as(address).isEqualTo(200);
            assertThat(file.headers().firstValue("Cache-Control").orElse("")).as(address)
                    .contains("max-age=31536000");
        }
    }

    @Test
    void the_working_date_is_kept_for_the_session_and_shown_as_not_today() {
        FormSession officer = FormSession.signIn(environment, "officer");

        HttpResponse<String> set = officer.postForm("/working-date", Map.of("asOf", "2019-06-02", "back", "/queues"));

        assertThat(set.statusCode()).isEqualTo(302);
        assertThat(set.headers().firstValue("Location").orElse("")).endsWith("/queues");
        assertThat(officer.get("/").body()).contains("value=\"2019-06-02\"", "id=\"working-date-chosen\"");
        assertThat(FormSession.signIn(environment, "officer").get("/").body())
                .doesNotContain("value=\"2019-06-02\"");
    }

    @Test
    void the_working_date_form_returns_only_to_a_page_of_caseops_and_refuses_a_bad_date() {
        FormSession officer = FormSession.signIn(environment, "officer");

        HttpResponse<String> away = officer.postForm("/working-date",
                Map.of("asOf", "2019-06-02", "back", "//evil.example/x"));
        HttpResponse<String> bad = officer.postForm("/working-date", Map.of("asOf", "June 2nd", "back", "/"));

        assertThat(away.headers().firstValue("Location").orElse("")).doesNotContain("evil");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("asOf");
    }

    @Test
    void the_working_date_form_needs_the_csrf_token() {
        FormSession officer = FormSession.signIn(environment, "officer");

        HttpResponse<String> forged = officer.postForm("/working-date", null, Map.of("asOf", "2019-06-02"));

        assertThat(forged.statusCode()).isEqualTo(403);
    }

    @Test
    void each_role_gets_its_own_panels_on_the_home_page() {
        assertThat(home("partner")).contains("id=\"panel-agreement\"");
        assertThat(home("auditor")).contains("id=\"panel-audit\"");
        assertThat(home("admin")).contains("id=\"panel-users\"");
        assertThat(home("officer")).contains("id=\"panel-tasks\"", "id=\"find-person\"");
    }
}
