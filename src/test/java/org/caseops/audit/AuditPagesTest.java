package org.caseops.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Database;
import org.caseops.fixtures.FormSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The auditor's page (docs/web.md): verify the chain, browse the entries, the NDJSON export; auditors only. */
@CaseOpsTest
class AuditPagesTest {

    @Autowired
    Environment environment;
    @Autowired
    AuditLog log;
    @Autowired
    AuditSequencer sequencer;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditCheckpoints checkpoints;

    @Test
    void the_entries_filter_by_actor_action_subject_day_and_purpose_and_browsing_is_audited() {
        long before = jdbc.sql("select coalesce(max(seq), 0) from audit_entry").query(Long.class).single();
        List<AuditEntry> written = AuditTrail.write(log, sequencer, jdbc, 2);
        String subject = written.get(1).subjectId();
        String day = written.get(1).recordedAt().toString().substring(0, 10);
        FormSession auditor = FormSession.signIn(environment, "auditor");

        String page = auditor.get("/audit?actor=officer&action=PERSON_READ&subjectType=PERSON&subjectId=" + subject
                + "&from=" + day + "&to=" + day + "&purpose=REVIEW").body();

        // other tests of the suite write the same entries the same day: the page counts what the database holds
        long matching = jdbc.sql("""
                select count(*) from audit_entry where actor = 'officer' and action = 'PERSON_READ'
                  and subject_type = 'PERSON' and subject_id = ? and purpose ilike '%review%'
                  and (recorded_at at time zone 'UTC')::date = ?::date""").params(subject, day)
                .query(Long.class).single();
        assertThat(matching).isPositive();
        // the entries are about a person: outside a case review they are summarised, not whom, why or the detail
        assertThat(page).contains("(1–" + Math.min(matching, org.caseops.system.Listing.DEFAULT_SIZE) + " of " + matching + ")",
                "a person (hidden)", "id=\"hidden-reason\"", "value=\"" + subject + "\"")
                .doesNotContain("PERSON " + subject);
        // this page's read, one entry (other classes of the suite read the same A-numbers through the API before)
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'AUDIT_READ' and actor = 'auditor' "
                + "and detail like ? and seq > ?").params("%subjectId=" + subject + "%", before).query(Long.class)
                .single()).isOne();
        assertThat(auditor.get("/audit?actor=nobody.at.all").body()).contains("Nothing to show.");
    }

    /**
     * The export streamed to a browser session whose state has just changed: the session is saved when the response
     * is committed, which once happened inside the export's read-only transaction (an empty answer, now and then).
     */
    @Test
    void the_export_streams_whole_to_a_browser_session_that_has_just_changed() {
        AuditTrail.write(log, sequencer, jdbc, 1);
        FormSession auditor = FormSession.signIn(environment, "auditor");
        for (int day = 20; day < 25; day++) {
            auditor.postForm("/working-date", Map.of("asOf", "2019-06-" + day, "back", "/audit"));
            HttpResponse<String> export = auditor.get("/api/audit/export");
            assertThat(export.statusCode()).isEqualTo(200);
            assertThat(export.body()).as("export after the working date moved to 2019-06-" + day).startsWith("{")
                    .contains("\"hash\":");
        }
        assertThat(auditor.get("/audit").body()).as("the session kept its working date")
                .contains("value=\"2019-06-24\"");
    }

    private long caseReview(String auditor, String aNumber) {
        return log.record(new AuditEvent(auditor, "AUDITOR", null, "CASE_REVIEW", "PERSON", aNumber,
                "OIG complaint 2019-0142", java.util.UUID.randomUUID().toString(), null)).seq();
    }

    @Test
    void person_level_entries_show_in_full_only_from_the_auditors_own_case_review_naming_the_person() {
        List<AuditEntry> written = AuditTrail.write(log, sequencer, jdbc, 2);
        String reviewed = written.get(0).subjectId();
        String other = written.get(1).subjectId();
        long mine = caseReview("auditor", reviewed);
        long theirs = caseReview("auditor.elsewhere", reviewed);
        FormSession auditor = FormSession.signIn(environment, "auditor");

        String through = auditor.get("/audit?review=" + mine + "&subjectType=PERSON&subjectId=" + reviewed).body();
        assertThat(through).contains("id=\"revealed\"", "PERSON " + reviewed, "case review");
        String both = auditor.get("/audit?review=" + mine + "&action=PERSON_READ&actor=officer&size=200").body();
        assertThat(both).contains("PERSON " + reviewed, "a person (hidden)").doesNotContain("PERSON " + other);
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'AUDIT_READ' and actor = 'auditor' "
                + "and detail like ?").param("%through case review " + mine + ")%").query(Long.class).single())
                .isPositive();

        // refused on the server: another auditor's review, an entry that is no case review, a review that is no number
        HttpResponse<String> foreign = auditor.get("/audit?review=" + theirs);
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.body()).contains("auditor.elsewhere").doesNotContain("PERSON " + reviewed);
        assertThat(auditor.get("/audit?review=" + written.get(0).seq()).statusCode()).isEqualTo(403);
        HttpResponse<String> typo = auditor.get("/audit?review=12x");
        assertThat(typo.statusCode()).isEqualTo(400);
        assertThat(typo.body()).contains("id=\"audit-review-error\"", "value=\"12x\"");

        // the auditor's home lists their case reviews, each opening the person's entries through it
        assertThat(auditor.get("/").body()).contains("My case reviews", "Case review " + mine + ": A-number "
                + reviewed, "/audit?review=" + mine + "&amp;subjectType=PERSON&amp;subjectId=" + reviewed,
                "href=\"/audit?verify=true\"").doesNotContain("Case review " + theirs);
    }

    @Test
    void a_day_that_is_no_date_is_shown_next_to_its_field() {
        HttpResponse<String> page = FormSession.signIn(environment, "auditor").get("/audit?from=2019-02-30&actor=x");

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("id=\"audit-from-error\"", "aria-describedby=\"audit-from-error\"",
                "value=\"x\"");
    }

    @Test
    void verify_names_the_first_broken_entry_of_an_edited_trail() {
        List<AuditEntry> written = AuditTrail.write(log, sequencer, jdbc, 3);
        AuditEntry victim = written.get(1);
        FormSession auditor = FormSession.signIn(environment, "auditor");
        AuditTrail.chainAll(sequencer);
        assertThat(auditor.get("/audit?verify=true").body()).contains("id=\"chain-status\">Intact<");

        try (Database.Owner owner = Database.owner(jdbc)) {
            owner.jdbc().sql("set session_replication_role = replica").update();
            owner.jdbc().sql("update audit_entry set subject_id = '991999999' where seq = ?").param(victim.seq())
                    .update();
            try {
                String page = auditor.get("/audit?verify=true").body();

                assertThat(page).contains("id=\"chain-status\">Broken<",
                        "id=\"first-broken\">" + victim.position() + "<", "(edited)");
            } finally {
                owner.jdbc().sql("update audit_entry set subject_id = ? where seq = ?")
                        .params(victim.subjectId(), victim.seq()).update();
            }
        }
    }

    @Test
    void only_auditors_see_the_link_and_open_the_page() {
        for (String user : new String[] {"officer", "supervisor", "director", "attorney", "partner", "admin"}) {
            FormSession session = FormSession.signIn(environment, user);
            assertThat(session.get("/").body()).as(user).doesNotContain("href=\"/audit\"");
            assertThat(session.get("/audit").statusCode()).as(user).isEqualTo(403);
        }
        FormSession auditor = FormSession.signIn(environment, "auditor");
        assertThat(auditor.get("/").body()).contains("href=\"/audit\"");
        assertThat(auditor.get("/audit").body()).contains("href=\"/api/audit/export\"");
    }

    @Test
    void the_checkpoints_page_lists_each_signed_checkpoint_checked_against_the_chain_for_auditors_and_admins() {
        AuditTrail.write(log, sequencer, jdbc, 2);
        AuditTrail.chainAll(sequencer);
        Checkpoint signed = checkpoints.issue();
        FormSession auditor = FormSession.signIn(environment, "auditor");
        assertThat(auditor.get("/").body()).contains("href=\"/audit/checkpoints\"");

        String page = auditor.get("/audit/checkpoints?verify=true").body();

        assertThat(page).contains("<h1>Audit checkpoints</h1>", "id=\"key-id\">" + checkpoints.keyId() + "<",
                "<td>" + signed.position() + "</td>", signed.hash(), "verifies", "holds it",
                "(this installation&#39;s)", "id=\"chain-status\">Intact<", "aria-current=\"page\">Audit checkpoints")
                .doesNotContain("id=\"checkpoints-broken\"");
        assertThat(auditor.get("/audit/checkpoints?format=csv").body()).startsWith("Chain position,Signed (UTC),")
                .contains(signed.hash());
        assertThat(FormSession.signIn(environment, "admin").get("/audit/checkpoints").statusCode()).isEqualTo(200);
        for (String user : new String[] {"officer", "supervisor", "director", "attorney", "partner"}) {
            FormSession session = FormSession.signIn(environment, user);
            assertThat(session.get("/").body()).as(user).doesNotContain("href=\"/audit/checkpoints\"");
            assertThat(session.get("/audit/checkpoints").statusCode()).as(user).isEqualTo(403);
        }
    }
}
