package org.caseops.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Issue 14: ages and minority as of the date the user is working on — by default today, and in the demo the demo
 * scenario's date — never silently as of the machine's clock.
 */
class WorkingDateTest {

    private static final Clock DECEMBER = Clock.fixed(java.time.Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate SCENARIO = LocalDate.of(2019, 6, 23);

    /** Houston and Los Angeles, as the jurisdiction module says (AreaOfResponsibility). */
    private static final OfficeTimeZones OFFICES = code -> java.util.Optional.ofNullable(java.util.Map.of(
            "HOU", java.time.ZoneId.of("America/Chicago"), "LOS", java.time.ZoneId.of("America/Los_Angeles"))
            .get(code));

    private static WorkingDate outsideTheDemo() {
        return outsideTheDemo(DECEMBER);
    }

    private static WorkingDate outsideTheDemo(Clock clock) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("offices", OFFICES);
        return new WorkingDate(beans.getBeanProvider(DefaultWorkingDate.class),
                beans.getBeanProvider(OfficeTimeZones.class), clock);
    }

    private static WorkingDate inTheDemo() {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("demoData", (DefaultWorkingDate) () -> SCENARIO);
        beans.addBean("offices", OFFICES);
        return new WorkingDate(beans.getBeanProvider(DefaultWorkingDate.class),
                beans.getBeanProvider(OfficeTimeZones.class), DECEMBER);
    }

    private static void signedInAs(String fieldOffice) {
        SecurityContextHolder.getContext().setAuthentication(new ActorAuthentication(new Actor(1, "someone",
                fieldOffice == null ? Role.AUDITOR : Role.OFFICER, fieldOffice, null, java.util.Map.of())));
    }

    private static MockHttpServletRequest signedIn() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.getSession(true);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        return request;
    }

    @AfterEach
    void no_request() {
        RequestContextHolder.resetRequestAttributes();
        SecurityContextHolder.clearContext();
    }

    /**
     * 03:00 UTC on 2 December is still the 1st in Houston (21:00) and Los Angeles (19:00): their officers work on the
     * 1st, not on the server's date; someone without a field office, and anything outside a request, on the server's.
     */
    @Test
    void today_is_the_date_in_the_users_field_office() {
        WorkingDate date = outsideTheDemo(Clock.fixed(java.time.Instant.parse("2026-12-02T03:00:00Z"),
                ZoneOffset.UTC));
        assertThat(date.today()).as("outside a request: the server's date").isEqualTo(LocalDate.of(2026, 12, 2));
        signedIn();
        signedInAs("LOS");
        assertThat(date.get()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(date.chosen()).as("the 1st is today in Los Angeles").isFalse();
        assertThat(date.latestRecordable()).isEqualTo(LocalDate.of(2026, 12, 1));
        signedInAs("HOU");
        assertThat(date.today()).isEqualTo(LocalDate.of(2026, 12, 1));
        signedInAs(null);
        assertThat(date.today()).as("no field office: the server's date").isEqualTo(LocalDate.of(2026, 12, 2));
        signedInAs("ZZZ");
        assertThat(date.today()).as("an office none knows: the server's date").isEqualTo(LocalDate.of(2026, 12, 2));
    }

    @Test
    void outside_the_demo_it_is_today_until_the_user_chooses_a_date() {
        WorkingDate date = outsideTheDemo();
        MockHttpServletRequest request = signedIn();
        assertThat(date.get()).isEqualTo(LocalDate.of(2026, 12, 2));
        assertThat(date.chosen()).isFalse();

        date.set(request.getSession(), LocalDate.of(2019, 6, 2));
        assertThat(date.get()).isEqualTo(LocalDate.of(2019, 6, 2));
        assertThat(date.chosen()).as("the bar says: not today").isTrue();

        date.clear(request.getSession());
        assertThat(date.get()).isEqualTo(LocalDate.of(2026, 12, 2));
    }

    @Test
    void in_the_demo_it_is_the_scenarios_date_until_the_user_chooses_another() {
        WorkingDate date = inTheDemo();
        assertThat(date.get()).as("outside a request too").isEqualTo(SCENARIO);
        MockHttpServletRequest request = signedIn();
        assertThat(date.get()).isEqualTo(SCENARIO);
        assertThat(date.byDefault()).isEqualTo(SCENARIO);
        assertThat(date.chosen()).as("not today, and the bar says so").isTrue();

        date.set(request.getSession(), LocalDate.of(2019, 7, 1));
        assertThat(date.get()).isEqualTo(LocalDate.of(2019, 7, 1));

        date.clear(request.getSession());
        assertThat(date.get()).as("back to the scenario's date, not the machine's").isEqualTo(SCENARIO);
    }

    @Test
    void the_latest_recordable_day_is_the_working_date_and_never_after_today() {
        WorkingDate date = inTheDemo();
        assertThat(date.latestRecordable()).as("the demo's day, not the machine's").isEqualTo(SCENARIO);
        MockHttpServletRequest request = signedIn();
        date.set(request.getSession(), LocalDate.of(2027, 1, 5));
        assertThat(date.latestRecordable()).as("a future working date records nothing yet to come")
                .isEqualTo(LocalDate.of(2026, 12, 2));
    }
}
