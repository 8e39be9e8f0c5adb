package org.caseops.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.caseops.docket.DocketImporter;
import org.caseops.docket.ImportProgress;
import org.caseops.docket.synthetic.Scenario;
import org.caseops.docket.synthetic.SyntheticDocketGenerator;
import org.caseops.fixtures.Api;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Database;
import org.caseops.fixtures.Problems;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * GET /api/reports/public-statistics and /public/statistics on the family-op-2019 docket (imported once) with a
 * month of activity written into the record: the published figures equal counts taken here, independently, from the
 * record's tables; every count from 1 to 10 is hidden; the differencing attack recovers nothing; no person-level field.
 */
@CaseOpsTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GetPublicStatisticsTest {

    @Autowired
    Api api;
    @Autowired
    DocketImporter importer;
    @Autowired
    JdbcClient jdbc;
    JsonNode june;

    @BeforeAll
    void familyOpWithAMonthOfActivity() throws Exception {
        Path dir = Files.createTempDirectory("family-op");
        SyntheticDocketGenerator.generate(Scenario.FAMILY_OP_2019, 0, 2019, dir);
        Database.clearDocket(jdbc);
        importer.importFiles(dir, dir.resolve("persons.csv"), "test", ImportProgress.NONE);
        try (Database.Owner owner = Database.owner(jdbc)) {
            JdbcClient db = owner.jdbc();
            db.sql("""
                    insert into letter_batch (field_office_code, print_date, report_by, created_by)
                    select distinct field_office_code, date '2019-06-03', date '2019-06-17', 'test' from case_index
                    where field_office_code is not null""").update();
            db.sql("""
                    insert into letter (reference, batch_id, family_id, field_office_code, print_date, report_by,
                        template_language, interpreter, addressee, mailing_address, in_absentia, status)
                    select 'CL-' || b.field_office_code || '-20190603-' || lpad(p.id::text, 6, '0'), b.id, p.idncase,
                           b.field_office_code, b.print_date, b.report_by, 'SPANISH', false, 'synthetic',
                           'synthetic', false, case when p.id % 3 = 0 then 'PRINTED' else 'SENT' end
                    from person p join case_index ci on ci.idncase = p.idncase
                    join letter_batch b on b.field_office_code = ci.field_office_code
                    where p.relationship = 'LEAD'""").update();
            db.sql("""
                    insert into call_in_response (person_id, kind, on_date, recorded_by)
                    select id, 'REPORTED', case when id % 7 = 0 then date '2019-07-02' else date '2019-06-10' end,
                           'test' from person where relationship = 'LEAD' and id % 4 = 0""").update();
            db.sql("""
                    insert into encounter (family_id, person_id, kind, outcome, occurred_at, officer, place, adult)
                    select idncase, id, 'TARGET', 'ARRESTED', timestamptz '2019-06-24 14:00Z', 'test', 'home', true
                    from person where relationship = 'LEAD' and id % 5 = 0""").update();
            db.sql("""
                    insert into encounter (family_id, described_as, kind, outcome, occurred_at, officer, place, adult,
                        legal_basis_kind, legal_basis)
                    select idncase, 'a neighbour (synthetic)', 'COLLATERAL', 'ARRESTED', timestamptz '2019-06-24 15:00Z',
                           'test', 'home', true, 'OTHER_AUTHORITY', 'test' from person
                    where relationship = 'LEAD' and id % 11 = 0""").update();
            db.sql("""
                    insert into custody_event (person_id, family_id, from_state, to_state, release_reason, occurred_at,
                        changed_by)
                    select id, idncase, 'IN_CUSTODY', case when id % 13 = 0 then 'REMOVED' else 'RELEASED' end,
                           case when id % 13 = 0 then null
                                else (array['ATD', 'ORDER_OF_SUPERVISION', 'HUMANITARIAN', 'OTHER'])[(id / 6) % 4 + 1] end,
                           timestamptz '2019-06-25 10:00Z', 'test'
                    from person where relationship = 'LEAD' and id % 6 = 0""").update();
        }
        june = api.anonymous().getForObject("/api/reports/public-statistics?month=2019-06", JsonNode.class);
    }

    /** The record's counts for a measure, by "office|operation|group", counted here from the feature's tables. */
    private Map<String, Long> counted(String measure) {
        String sql = switch (measure) {
            case "LETTERS_SENT" -> """
                    select l.field_office_code, null::bigint, p.nationality, count(*) from letter l
                    left join person p on p.idncase = l.family_id
                    where l.status <> 'PRINTED' and l.print_date >= date '2019-06-01' and l.print_date < date '2019-07-01'
                    group by 1, 3""";
            case "PEOPLE_REPORTING" -> """
                    select ci.field_office_code, null::bigint, p.nationality, count(distinct p.id)
                    from call_in_response r join person p on p.id = r.person_id
                    left join case_index ci on ci.idncase = coalesce(p.idncase, p.household_of)
                    where r.kind = 'REPORTED' and r.on_date between date '2019-06-01' and date '2019-06-30'
                    group by 1, 3""";
            case "ARRESTS_PLANNED", "ARRESTS_COLLATERAL" -> """
                    select ci.field_office_code, e.operation_id, p.nationality, count(*) from encounter e
                    left join person p on p.id = e.person_id left join case_index ci on ci.idncase = e.family_id
                    where e.outcome = 'ARRESTED' and e.kind = '%s' and e.occurred_at >= timestamptz '2019-06-01 00:00Z'
                      and e.occurred_at < timestamptz '2019-07-01 00:00Z'
                    group by 1, 2, 3""".formatted(measure.endsWith("PLANNED") ? "TARGET" : "COLLATERAL");
            // the ledger's removals, and those of a removal record's departure the ledger does not hold (V126)
            case "REMOVALS" -> """
                    select ci.field_office_code, c.operation_id, p.nationality, count(*) from custody_event c
                    join person p on p.id = c.person_id left join case_index ci on ci.idncase = c.family_id
                    where c.to_state = 'REMOVED'
                      and c.occurred_at >= timestamptz '2019-06-01 00:00Z' and c.occurred_at < timestamptz '2019-07-01 00:00Z'
                    group by 1, 2, 3
                    union all
                    select r.field_office_code, null::bigint, p.nationality, count(*) from removal r
                    join removal_member m on m.removal_id = r.id and m.role = 'REMOVED' join person p on p.id = m.person_id
                    where r.status = 'DEPARTED' and r.departed_on between date '2019-06-01' and date '2019-06-30'
                      and not exists (select 1 from custody_event c where c.person_id = m.person_id and c.to_state = 'REMOVED')
                    group by 1, 2, 3""";
            default -> """
                    select ci.field_office_code, c.operation_id, p.nationality, count(*) from custody_event c
                    join person p on p.id = c.person_id left join case_index ci on ci.idncase = c.family_id
                    where (c.to_state = 'REMOVED' and '%1$s' = 'REMOVALS' or 'RELEASES_' || c.release_reason = '%1$s')
                      and c.occurred_at >= timestamptz '2019-06-01 00:00Z' and c.occurred_at < timestamptz '2019-07-01 00:00Z'
                    group by 1, 2, 3""".formatted(measure);
        };
        Map<String, Long> out = new HashMap<>();
        jdbc.sql(sql).query((rs, i) -> out.merge(rs.getString(1) + "|" + rs.getObject(2) + "|"
                + nationalityGroup(rs.getString(3)), rs.getLong(4), Long::sum)).list();
        return out;
    }

    private static String nationalityGroup(String code) {
        return code == null ? "Not recorded" : Map.of("GT", "Guatemala", "HO", "Honduras", "ES", "El Salvador",
                "MX", "Mexico").getOrDefault(code, "Other");
    }

    private JsonNode table(String measure) {
        for (JsonNode t : june.path("tables")) {
            if (t.path("measure").asText().equals(measure)) {
                return t;
            }
        }
        throw new AssertionError("no table " + measure);
    }

    private static void assertShown(String what, String shown, long count) {
        if (count >= 1 && count <= 10) {
            assertThat(shown).as(what + " = " + count).isEqualTo("<11");
        } else if (shown.equals("x")) {
            assertThat(count).as(what + ": a withheld cell hides a count").isPositive();
        } else {
            assertThat(shown).as(what).isEqualTo(Long.toString(count));
        }
    }

    @Test
    void every_figure_equals_the_count_taken_from_the_record_with_small_counts_hidden() {
        for (String measure : List.of("LETTERS_SENT", "PEOPLE_REPORTING", "ARRESTS_PLANNED", "ARRESTS_COLLATERAL",
                "RELEASES_ATD", "RELEASES_ORDER_OF_SUPERVISION", "RELEASES_HUMANITARIAN", "RELEASES_OTHER",
                "REMOVALS")) {
            Map<String, Long> expected = counted(measure);
            assertThat(expected).as(measure + " has records in June").isNotEmpty();
            JsonNode t = table(measure);
            List<String> columns = java.util.stream.StreamSupport.stream(t.path("columns").spliterator(), false)
                    .map(JsonNode::asText).toList();
            long[] columnTotals = new long[columns.size()];
            Map<String, Long> seen = new HashMap<>();
            for (JsonNode row : t.path("rows")) {
                long rowTotal = 0;
                for (int j = 0; j < columns.size() - 1; j++) {
                    String key = row.path("fieldOffice").asText() + "|"
                            + (row.path("operationId").isNull() ? "null" : row.path("operationId").asText()) + "|"
                            + columns.get(j);
                    long count = expected.getOrDefault(key, 0L);
                    seen.put(key, count);
                    assertShown(measure + " " + key, row.path("values").get(j).asText(), count);
                    rowTotal += count;
                    columnTotals[j] += count;
                }
                assertShown(measure + " row total", row.path("values").get(columns.size() - 1).asText(), rowTotal);
                columnTotals[columns.size() - 1] += rowTotal;
            }
            expected.forEach((key, n) -> assertThat(seen).as(measure + ": every count is published").containsKey(key));
            for (int j = 0; j < columns.size(); j++) {
                assertShown(measure + " total " + columns.get(j), t.path("total").path("values").get(j).asText(),
                        columnTotals[j]);
            }
            assertThat(t.toString()).as(measure + ": some figure is suppressed and some published")
                    .contains("<11");
        }
    }

    @Test
    void totals_minus_the_visible_cells_recover_no_suppressed_count_in_any_table() {
        int hidden = 0;
        for (JsonNode t : june.path("tables")) {
            List<JsonNode> lines = new java.util.ArrayList<>();
            t.path("rows").forEach(lines::add);
            lines.add(t.path("total"));
            Long[][] grid = new Long[lines.size()][];
            for (int i = 0; i < lines.size(); i++) {
                JsonNode values = lines.get(i).path("values");
                grid[i] = new Long[values.size()];
                for (int j = 0; j < values.size(); j++) {
                    String v = values.get(j).asText();
                    grid[i][j] = v.equals("<11") || v.equals("x") ? null : Long.parseLong(v);
                    hidden += grid[i][j] == null ? 1 : 0;
                }
            }
            assertThat(DifferencingAttack.recover(grid)).as(t.path("measure").asText()).isEmpty();
        }
        assertThat(hidden).as("the month has suppressed cells to attack").isGreaterThan(10);
    }

    @Test
    void no_person_level_field_is_published_and_the_csv_holds_the_same_figures() {
        String csv = api.anonymous().getForObject("/api/reports/public-statistics?month=2019-06&format=csv",
                String.class);
        List<String> aNumbers = jdbc.sql("select a_number from person where a_number is not null and id % 50 = 0")
                .query(String.class).list();
        assertThat(aNumbers).isNotEmpty();
        for (String a : aNumbers) {
            assertThat(csv).doesNotContain(a);
            assertThat(june.toString()).doesNotContain(a);
        }
        assertThat(june.toString()).doesNotContain("personId", "aNumber", "givenName", "birth");
        assertThat(csv.lines().findFirst().orElseThrow())
                .isEqualTo("month,measure,field_office,operation_id,operation,nationality_group,value");
        String officeTotal = table("LETTERS_SENT").path("total").path("values").get(6).asText();
        assertThat(csv).contains("2019-06,LETTERS_SENT,Total,,,Total," + officeTotal);
    }

    @Test
    void a_month_that_is_not_a_month_is_a_problem_naming_the_field_and_the_page_is_public() {
        ResponseEntity<JsonNode> bad = api.anonymous().getForEntity("/api/reports/public-statistics?month=June",
                JsonNode.class);
        Problems.assertBadInput(bad, "month");
        Problems.assertBadInput(api.anonymous().getForEntity("/api/reports/public-statistics", JsonNode.class),
                "month");

        ResponseEntity<String> page = api.anonymous().getForEntity("/public/statistics?month=2019-06", String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("Call-in letters sent", "&lt;11", "format=csv");
        assertThat(api.anonymous().getForEntity("/public/statistics?month=13-2019", String.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }
}
