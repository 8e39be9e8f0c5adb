package org.caseops.notice;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.caseops.access.Acting;
import org.caseops.access.Actor;
import org.caseops.access.Role;
import org.caseops.legal.rules.BusinessCalendar;
import org.caseops.system.CaseOpsProperties;
import org.caseops.system.DemoInBackground;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo mode ({@code serve --demo}): the February 2019 call-in letters of the family-op-2019 scenario (issue 16), played
 * through the services as each field office's supervisor would, in the background once the demo docket is loaded:
 * a batch per field office printed on 11 February asking families to report by 11 March (the gate asked for each
 * member on both dates), its PDF written to {@code CASEOPS_HOME/demo-letters/}, the letters mailed, most delivered
 * and some returned; a few families book an appointment (some reschedule), most of those report, some do not come;
 * every family that did not report by the deadline is recorded as such, with its follow-up task and never an arrest.
 * The same seed gives the same story.
 */
@Component
@ConditionalOnProperty(name = "caseops.demo", havingValue = "true")
@Order(10) // after the demo docket (DemoData, order 1): the letters are printed from it
class FebruaryLettersDemo implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FebruaryLettersDemo.class);
    static final LocalDate PRINTED = LocalDate.of(2019, 2, 11);
    static final LocalDate REPORT_BY = LocalDate.of(2019, 3, 11);
    static final long SEED = 2019_02_11L;
    private static final BusinessCalendar CALENDAR = BusinessCalendar.usFederal();

    /** What happened to the letters, counted. */
    enum Outcome { RETURNED, REPORTED, RESCHEDULED, NO_SHOW, DID_NOT_REPORT }

    private final JdbcClient jdbc;
    private final Letters letters;
    private final Appointments appointments;
    private final CaseOpsProperties properties;

    FebruaryLettersDemo(JdbcClient jdbc, Letters letters, Appointments appointments, CaseOpsProperties properties) {
        this.jdbc = jdbc;
        this.letters = letters;
        this.appointments = appointments;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean printed = jdbc.sql("select exists (select 1 from letter_batch where created_by = 'demo')")
                .query(Boolean.class).single();
        if (printed) {
            return;
        }
        DemoInBackground.play("demo-february-letters", log, "the February 2019 call-in letters", this::play,
                counted -> "the February 2019 call-in letters played: " + counted);
    }

    Map<Outcome, Integer> play() throws IOException {
        List<String> offices = jdbc.sql("""
                select distinct field_office_code from report_family_office where field_office_code is not null
                order by 1""").query(String.class).list();
        Map<Outcome, Integer> counted = new EnumMap<>(Outcome.class);
        Random random = new Random(SEED);
        Path folder = Files.createDirectories(properties.home().resolve("demo-letters"));
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = PRINTED.plusDays(7); !d.isAfter(REPORT_BY.minusDays(1)); d = d.plusDays(1)) {
            if (CALENDAR.isBusinessDay(d)) {
                days.add(d);
            }
        }
        for (String office : offices) {
            Actor supervisor = new Actor(0, "demo", Role.SUPERVISOR, office, null, null);
            Letters.Batch batch = Acting.as(supervisor, () -> {
                appointments.setHours(office, List.of(new Appointments.Hour(9, 6), new Appointments.Hour(10, 6),
                        new Appointments.Hour(13, 6), new Appointments.Hour(14, 6)));
                return letters.print(office, PRINTED, REPORT_BY);
            });
            if (batch.letters().isEmpty()) {
                continue;
            }
            byte[] pdf = Acting.as(supervisor, () -> letters.batchPdf(batch.id()));
            Files.write(folder.resolve(office + "-" + PRINTED + ".pdf"), pdf);
            for (Letters.Letter letter : batch.letters()) {
                Outcome outcome = Acting.as(supervisor, () -> follow(letter, random, days));
                counted.merge(outcome, 1, Integer::sum);
            }
        }
        return counted;
    }

    /** One letter's story: mailed, delivered or returned, an appointment or none, reported or not by the deadline. */
    private Outcome follow(Letters.Letter letter, Random random, List<LocalDate> days) {
        String ref = letter.reference();
        Letters.Letter sent = letters.setStatus(ref, LetterStatus.SENT, PRINTED.plusDays(1), letter.version());
        if (random.nextDouble() < 0.08) {
            letters.setStatus(ref, LetterStatus.RETURNED, PRINTED.plusDays(11), sent.version());
            appointments.didNotReport(ref, REPORT_BY.plusDays(1));
            return Outcome.RETURNED;
        }
        letters.setStatus(ref, LetterStatus.DELIVERED, PRINTED.plusDays(4), sent.version());
        double roll = random.nextDouble();
        if (roll < 0.16) {
            int hour = List.of(9, 10, 13, 14).get(random.nextInt(4));
            LocalDate day = days.get(random.nextInt(days.size() - 3));
            Appointments.Appointment booked = appointments.book(ref, day, hour);
            Outcome outcome = Outcome.REPORTED;
            if (random.nextDouble() < 0.3) {
                LocalDate later = days.get(Math.min(days.size() - 1, days.indexOf(day) + 1 + random.nextInt(3)));
                booked = appointments.reschedule(booked.id(), later, hour, booked.version());
                outcome = Outcome.RESCHEDULED;
            }
            if (random.nextDouble() < 0.2) {
                appointments.noShow(booked.id(), booked.version());
                appointments.didNotReport(ref, REPORT_BY.plusDays(1));
                return Outcome.NO_SHOW;
            }
            appointments.checkIn(ref, booked.day());
            return outcome;
        }
        appointments.didNotReport(ref, REPORT_BY.plusDays(1));
        return Outcome.DID_NOT_REPORT;
    }
}
