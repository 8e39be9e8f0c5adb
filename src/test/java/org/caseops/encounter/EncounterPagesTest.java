package org.caseops.encounter;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.caseops.docket.DocketImporter;
import org.caseops.fixtures.Api;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Dockets;
import org.caseops.fixtures.EoirFiles;
import org.caseops.fixtures.FormSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The encounter form for the field over HTTP (issue 15): the gate asked again for each target member with only the
 * outcomes it allows; the screening required for every adult met (the problem next to the question, what was typed
 * kept); a child not present only with who cares for them; a collateral encounter only with its legal basis; a
 * resubmission with the form's key records nothing twice; only the roster may open it.
 */
@CaseOpsTest
class EncounterPagesTest {

    @Autowired
    Environment environment;
    @Autowired
    Api api;
    @Autowired
    DocketImporter importer;
    @Autowired
    JdbcClient jdbc;
    long operation;
    long ana;
    long sofia;
    long mateo;
    String path;

    @BeforeEach
    void launchedOperation() throws Exception {
        Dockets.freshlyImported(EoirFiles.houstonFamilies(), importer, jdbc);
        ana = id("Ana");
        sofia = id("Sofia");
        mateo = id("Mateo");
        operation = new LaunchedOperation(api).houstonFamily1001(mateo);
        path = "/operations/" + operation + "/visits/1001";
    }

    private long id(String given) {
        return jdbc.sql("select id from person where given_name = ?").param(given).query(Long.class).single();
    }

    private FormSession officerOn(String day) {
        FormSession officer = FormSession.signIn(environment, "officer");
        officer.postForm("/working-date", Map.of("asOf", day, "back", "/"));
        return officer;
    }

    private static String key(String page) {
        Matcher m = Pattern.compile("name=\"key\" value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).as("the form carries its idempotency key").isTrue();
        return m.group(1);
    }

    private Map<String, String> visit(String key) {
        Map<String, String> form = new HashMap<>();
        form.put("key", key);
        form.put("occurredAt", "2019-06-24T07:00");
        form.put("place", "address of record (synthetic)");
        form.put("custodySite", "Houston field office");
        form.put("outcome-" + ana, "ARRESTED");
        form.put("outcome-" + sofia, "ARRESTED");
        form.put("location-" + sofia, "PRESENT");
        form.put("location-" + mateo, "DAY_CARE");
        form.put("caregiver-" + mateo, "Day-care director (synthetic)");
        form.put("c-described", "adult man at the door (synthetic)");
        form.put("c-adult", "yes");
        form.put("c-basisKind", "OTHER_AUTHORITY");
        form.put("c-basis", "INA 287(a)(2)");
        form.put("c-outcome", "ENROLLED_ATD");
        for (String prefix : new String[] {String.valueOf(ana), "c"}) {
            form.put("minorChildren-" + prefix, prefix.equals("c") ? "no" : "yes");
            form.put("otherDependants-" + prefix, "no");
            form.put("soleCaregiver-" + prefix, prefix.equals("c") ? "no" : "yes");
            form.put("pregnantOrNursing-" + prefix, "no");
        }
        return form;
    }

    private long encounters() {
        return jdbc.sql("select count(*) from encounter where operation_id = ?").param(operation).query(Long.class)
                .single();
    }

    @Test
    void the_form_asks_the_gate_again_and_offers_an_arrest_only_where_the_order_is_executable_that_day() {
        String page = officerOn("2019-06-24").get(path).body();

        assertThat(page).contains("Ana Lopez", "Sofia Lopez (minor)", "The legal gate, asked now: Executable on "
                + "2019-06-24", "id=\"outcome-" + ana + "\"", "Mateo Lopez (U.S. citizen)", "id=\"c-basisKind\"",
                "data-keep=\"caseops-visit-" + operation + "-1001\"", "id=\"minorChildren-" + ana + "-yes\"");
        assertThat(page).as("a minor is screened through an adult, not on their own")
                .doesNotContain("id=\"minorChildren-" + sofia + "-yes\"");
        assertThat(page.substring(page.indexOf("id=\"outcome-" + ana + "\""))).contains("value=\"ARRESTED\"");

        String later = officerOn("2019-06-23").get(path).body();
        assertThat(later).contains("asked now: Executable on 2019-06-23");
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'ENCOUNTER_FORM_READ' and actor = 'officer' "
                + "and subject_id = '1001'").query(Long.class).single()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void an_adult_met_without_the_screening_or_a_collateral_without_its_legal_basis_is_refused_next_to_the_field() {
        FormSession officer = officerOn("2019-06-24");
        String key = key(officer.get(path).body());

        Map<String, String> unscreened = visit(key);
        unscreened.remove("soleCaregiver-" + ana);
        HttpResponse<String> refused = officer.postForm(path, unscreened);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"soleCaregiver-" + ana + "-error\"",
                "the screening is required for every adult met", "value=\"Day-care director (synthetic)\"",
                "name=\"key\" value=\"" + key + "\"");

        Map<String, String> noBasis = visit(key);
        noBasis.remove("c-basis");
        assertThat(officer.postForm(path, noBasis).body()).contains("id=\"c-basis-error\"",
                "aria-describedby=\"c-basis-error\"");

        Map<String, String> noCaregiver = visit(key);
        noCaregiver.remove("caregiver-" + mateo);
        assertThat(officer.postForm(path, noCaregiver).body()).contains("id=\"caregiver-" + mateo + "-error\"");
        assertThat(encounters()).isZero();
    }

    @Test
    void a_visit_sent_again_after_a_lost_answer_is_recorded_once() {
        FormSession officer = officerOn("2019-06-24");
        String key = key(officer.get(path).body());

        HttpResponse<String> first = officer.postForm(path, visit(key));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(302);
        String recorded = officer.get(path).body();
        assertThat(recorded).contains("The visit is recorded.", ": Collateral, ",
                "data-forget=\"caseops-visit-" + operation + "-1001\"").doesNotContain("name=\"key\" value=\"" + key);
        assertThat(encounters()).isEqualTo(3);
        assertThat(occurredAt()).as("07:00 typed, in Houston's zone (Central daylight time)")
                .containsExactly(java.time.Instant.parse("2019-06-24T12:00:00Z"));

        HttpResponse<String> again = officer.postForm(path, visit(key));
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(officer.get(path).body()).contains("already recorded", "nothing was recorded twice");
        assertThat(encounters()).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from task where type = 'COLLATERAL_REVIEW' and operation_id = ?")
                .param(operation).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void more_people_met_and_a_child_not_on_record_are_added_to_the_form_and_recorded_with_it() {
        FormSession officer = officerOn("2019-06-24");
        String key = key(officer.get(path).body());

        // "Add another person met": the form again with a second collateral person, what was typed kept, nothing
        // recorded
        Map<String, String> typed = visit(key);
        typed.put("add", "collateral");
        HttpResponse<String> more = officer.postForm(path, typed);
        assertThat(more.statusCode()).isEqualTo(200);
        assertThat(more.body()).contains("id=\"c2-described\"", "id=\"minorChildren-c2-yes\"",
                "name=\"collaterals\" value=\"2\"", "value=\"adult man at the door (synthetic)\"",
                "name=\"key\" value=\"" + key + "\"");
        typed.remove("add");
        typed.put("collaterals", "2");
        typed.put("add", "child");
        HttpResponse<String> child = officer.postForm(path, typed);
        assertThat(child.body()).contains("id=\"n1-name\"", "name=\"newChildren\" value=\"1\"",
                "id=\"c2-described\"");
        assertThat(encounters()).isZero();

        Map<String, String> visit = visit(key);
        visit.put("collaterals", "2");
        visit.put("newChildren", "1");
        visit.put("c2-described", "adult woman from next door (synthetic)");
        visit.put("c2-adult", "yes");
        visit.put("c2-basisKind", "OTHER_AUTHORITY");
        visit.put("c2-basis", "INA 287(a)(2)");
        visit.put("c2-outcome", "INSTRUCTED_TO_DEPART");
        visit.put("departBy-c2", "2019-07-24");
        for (String q : new String[] {"minorChildren", "otherDependants", "soleCaregiver", "pregnantOrNursing"}) {
            visit.put(q + "-c2", "no");
        }
        visit.put("n1-name", "Luz (synthetic)");
        visit.put("n1-age", "1");
        visit.put("n1-location", "FRIEND");
        HttpResponse<String> noCaregiver = officer.postForm(path, visit);
        assertThat(noCaregiver.statusCode()).isEqualTo(400);
        assertThat(noCaregiver.body()).contains("id=\"n1-caregiver-error\"", "who cares for Luz (synthetic) now",
                "value=\"adult woman from next door (synthetic)\"");

        visit.put("n1-caregiver", "Neighbour (synthetic)");
        HttpResponse<String> recorded = officer.postForm(path, visit);
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(302);
        assertThat(encounters()).isEqualTo(4);
        assertThat(jdbc.sql("select count(*) from task where type = 'COLLATERAL_REVIEW' and operation_id = ?")
                .param(operation).query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select depart_by::text from encounter where operation_id = ? and described_as like "
                + "'adult woman%'").param(operation).query(String.class).single()).isEqualTo("2019-07-24");
        assertThat(jdbc.sql("select c.name || ' ' || c.age || ' ' || c.location || ' ' || c.caregiver_name "
                + "from screening_child c join encounter e on e.id = c.encounter_id where e.operation_id = ? "
                + "and c.person_id is null").param(operation).query(String.class).list())
                .containsExactly("Luz (synthetic) 1 FRIEND Neighbour (synthetic)");
    }

    /**
     * The officer types the time as the clock at the door shows it: in the family's field office's zone (Houston:
     * Central, daylight time in June) unless another is chosen; an unknown zone and a time the clocks skipped are
     * refused next to their fields, nothing recorded.
     */
    @Test
    void the_time_typed_is_local_time_in_the_field_offices_zone_or_the_one_chosen() {
        FormSession officer = officerOn("2019-06-24");
        String page = officer.get(path).body();
        assertThat(page).contains("When (local time)",
                "<option value=\"America/Chicago\" selected=\"selected\">Central",
                "<option value=\"Pacific/Guam\">Chamorro (Guam, Northern Mariana Islands)",
                "Default: Central, the zone of the field office");

        Map<String, String> unknown = visit(key(page));
        unknown.put("zone", "Europe/Paris");
        HttpResponse<String> refused = officer.postForm(path, unknown);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"zone-error\"", "is not a time zone of the United States");
        Map<String, String> skipped = visit(key(page));
        skipped.put("occurredAt", "2019-03-10T02:30");
        HttpResponse<String> gap = officer.postForm(path, skipped);
        assertThat(gap.statusCode()).isEqualTo(400);
        assertThat(gap.body()).contains("id=\"occurredAt-error\"", "2019-03-10 02:30 does not exist in the Central");
        assertThat(encounters()).isZero();

        // 02:00 on the 25th in Guam is 16:00 UTC on the 24th (the form's default zone: the other tests, 07:00
        // Central = 12:00 UTC)
        Map<String, String> guam = visit(key(page));
        guam.put("zone", "Pacific/Guam");
        guam.put("occurredAt", "2019-06-25T02:00");
        HttpResponse<String> recorded = officer.postForm(path, guam);
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(302);
        assertThat(occurredAt()).containsExactly(java.time.Instant.parse("2019-06-24T16:00:00Z"));
    }

    private List<java.time.Instant> occurredAt() {
        return jdbc.sql("select distinct occurred_at from encounter where operation_id = ?").param(operation)
                .query(java.time.OffsetDateTime.class).list().stream().map(java.time.OffsetDateTime::toInstant)
                .toList();
    }

    @Test
    void only_the_roster_records_a_visit() {
        assertThat(FormSession.signIn(environment, "officer.chicago").get(path).statusCode()).isEqualTo(403);
        assertThat(FormSession.signIn(environment, "attorney").get(path).statusCode()).isEqualTo(403);
        assertThat(FormSession.signIn(environment, "supervisor").get(path).statusCode()).isEqualTo(200);
    }
}
