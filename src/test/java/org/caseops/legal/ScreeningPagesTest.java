package org.caseops.legal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.springframework.web.util.HtmlUtils;
import org.caseops.docket.DocketImporter;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Dockets;
import org.caseops.fixtures.EoirFiles;
import org.caseops.fixtures.FormSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The screening pages: run one (counsel), its report and its verdicts by verdict and rule, CSV (docs/web.md). */
@CaseOpsTest
class ScreeningPagesTest {

    @Autowired
    Environment environment;
    @Autowired
    DocketImporter importer;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void docket() throws Exception {
        Dockets.freshlyImported(EoirFiles.houstonFamilies(), importer, jdbc);
    }

    private String run(FormSession counsel) {
        HttpResponse<String> ran = counsel.postForm("/screenings", Map.of("asOf", "2019-06-23", "fieldOffice", ""));
        assertThat(ran.statusCode()).isEqualTo(302);
        return ran.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
    }

    @Test
    void counsel_runs_a_screening_of_all_offices_and_it_is_audited() {
        FormSession counsel = FormSession.signIn(environment, "attorney");

        String report = run(counsel);

        assertThat(report).matches("/screenings/[0-9]+");
        assertThat(counsel.get(report).body()).contains("all field offices", "id=\"verdict-counts\"",
                "Download CSV", "aria-sort=\"ascending\"");
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'SCREENING_RUN'").query(Long.class)
                .single()).isPositive();
        assertThat(counsel.get("/screenings").body()).contains("href=\"" + report + "\"");
    }

    @Test
    void the_report_names_each_deciding_rule_with_its_citation_never_its_code() {
        FormSession counsel = FormSession.signIn(environment, "attorney");
        String report = run(counsel);

        String page = counsel.get(report).body();
        List<org.caseops.legal.rules.Rule> named = new java.util.ArrayList<>();
        for (org.caseops.legal.rules.Rule rule : org.caseops.legal.rules.Rule.values()) {
            String name = org.caseops.access.PageLayout.label(rule.name());
            assertThat(page).as(rule.name()).doesNotContain(">" + rule.name() + "<");
            if (page.contains(">" + name + "</a>")) {
                named.add(rule);
                assertThat(page).as(rule.name()).contains(">" + name + "</option>",
                        HtmlUtils.htmlEscape(rule.citation()));
            }
        }
        assertThat(named).as("the report's deciding rules").isNotEmpty();
        String code = named.get(0).name();
        String csv = counsel.get(report + "?rule=" + code + "&format=csv").body();
        assertThat(csv.lines().skip(1).toList()).isNotEmpty()
                .allSatisfy(line -> assertThat(line).contains(org.caseops.access.PageLayout.label(code))
                        .doesNotContain(code));
    }

    @Test
    void the_verdicts_filter_by_verdict_and_the_csv_holds_the_same_query() {
        FormSession counsel = FormSession.signIn(environment, "attorney");
        String report = run(counsel);
        long executable = jdbc.sql("select count(*) from case_verdict where as_of = '2019-06-23' "
                + "and status = 'EXECUTABLE'").query(Long.class).single();

        String csv = counsel.get(report + "?verdict=EXECUTABLE&format=csv").body();

        assertThat(csv.lines().skip(1).toList()).hasSize((int) executable)
                .allSatisfy(line -> assertThat(line).contains(",Executable,"));
    }

    @Test
    void a_verdict_that_is_none_is_refused_naming_it() {
        FormSession counsel = FormSession.signIn(environment, "attorney");
        String report = run(counsel);

        HttpResponse<String> page = counsel.get(report + "?verdict=MAYBE");

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("verdict: &#39;MAYBE&#39; is not a verdict");
    }

    @Test
    void a_supervisor_reads_but_may_not_run_and_an_officer_may_do_neither() {
        String report = run(FormSession.signIn(environment, "attorney"));
        FormSession supervisor = FormSession.signIn(environment, "supervisor");
        FormSession officer = FormSession.signIn(environment, "officer");

        assertThat(supervisor.get(report).statusCode()).isEqualTo(200);
        assertThat(supervisor.get("/screenings").body()).contains("href=\"/screenings\"")
                .doesNotContain("id=\"run-screening\"");
        assertThat(supervisor.postForm("/screenings", Map.of("asOf", "2019-06-23")).statusCode()).isEqualTo(403);
        assertThat(officer.get("/").body()).doesNotContain("href=\"/screenings\"");
        assertThat(officer.get("/screenings").statusCode()).isEqualTo(403);
        assertThat(officer.get(report).statusCode()).isEqualTo(403);
    }
}
