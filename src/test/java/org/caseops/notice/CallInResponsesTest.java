package org.caseops.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.caseops.notice.CallInResponses.Kind.DEPARTED;
import static org.caseops.notice.CallInResponses.Kind.REPORTED;

import java.time.LocalDate;
import java.util.List;
import org.caseops.docket.DocketImporter;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Dockets;
import org.caseops.fixtures.EoirFiles;
import org.caseops.system.NotFound;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link CallInResponses#familiesThatComplied}: family 1001 is Ana (lead, 991000001), her rider daughter Sofia
 * (991000002) and her U.S.-citizen son Mateo (no case); family 1003 is Jose (991000003) alone.
 */
@CaseOpsTest
class CallInResponsesTest {

    private static final LocalDate JUNE_20 = LocalDate.of(2019, 6, 20);
    private static final List<Long> BOTH = List.of(1001L, 1003L);

    @Autowired
    CallInResponses responses;
    @Autowired
    DocketImporter importer;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void docket() throws Exception {
        Dockets.freshlyImported(EoirFiles.houstonFamilies(), importer, jdbc);
    }

    @Test
    void a_family_complied_when_every_member_with_a_case_reported_or_departed_by_the_date() {
        responses.record("991000001", REPORTED, JUNE_20, null, "officer");
        responses.record("991000002", DEPARTED, JUNE_20.plusDays(1), null, "officer");

        assertThat(responses.familiesThatComplied(BOTH, JUNE_20)).as("Sofia had not yet responded").isEmpty();
        assertThat(responses.familiesThatComplied(BOTH, JUNE_20.plusDays(1)))
                .as("Mateo, a U.S. citizen without a case, is not asked to respond").containsExactly(1001L);
    }

    @Test
    void one_member_reporting_is_not_the_family_complying() {
        responses.record("991000001", REPORTED, JUNE_20, null, "officer");

        assertThat(responses.familiesThatComplied(BOTH, JUNE_20.plusDays(30))).isEmpty();
    }

    @Test
    void a_family_of_one_complies_by_its_own_response_and_families_not_asked_about_are_left_out() {
        responses.record("991000003", DEPARTED, JUNE_20, "Left from IAH", "officer");
        responses.record("991000001", REPORTED, JUNE_20, null, "officer");
        responses.record("991000002", REPORTED, JUNE_20, null, "officer");

        assertThat(responses.familiesThatComplied(List.of(1003L), JUNE_20)).containsExactly(1003L);
        assertThat(responses.familiesThatComplied(BOTH, JUNE_20)).containsExactlyInAnyOrder(1001L, 1003L);
        assertThat(responses.familiesThatComplied(List.of(), JUNE_20)).isEmpty();
    }

    @Test
    void a_rider_or_unknown_id_is_no_family() {
        responses.record("991000002", REPORTED, JUNE_20, null, "officer");

        assertThat(responses.familiesThatComplied(List.of(1002L, 4242L), JUNE_20)).isEmpty();
    }

    @Test
    void responses_of_a_person_come_back_in_the_order_they_happened_and_an_unknown_person_is_not_found() {
        responses.record("991000003", DEPARTED, JUNE_20, null, "officer");
        responses.record("A-991-000-003", REPORTED, JUNE_20.minusDays(3), null, "attorney");

        assertThat(responses.of("991000003")).extracting(CallInResponses.Response::kind)
                .containsExactly(REPORTED, DEPARTED);
        assertThatThrownBy(() -> responses.of("999999999")).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> responses.record("999999999", REPORTED, JUNE_20, null, "officer"))
                .isInstanceOf(NotFound.class);
    }
}
