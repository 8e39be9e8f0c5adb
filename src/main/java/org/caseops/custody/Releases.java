package org.caseops.custody;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.caseops.docket.Docket;
import org.caseops.legal.LegalDays;
import org.caseops.system.BadInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Release to supervision: a person held is released on alternatives to detention (ATD) or an order of supervision,
 * with the conditions recorded — the check-in schedule and, for ATD, the technology. Devices are for adults only.
 */
@Service
public class Releases {

    public enum Program { ATD, ORDER_OF_SUPERVISION }

    public enum Technology { GPS_ANKLE_MONITOR, SMARTPHONE_CHECK_IN, TELEPHONE }

    public record Conditions(Program program, Technology technology, Integer checkInEveryDays, LocalDate firstCheckIn,
            String reportingOffice) {
    }

    public record Condition(long id, long personId, Program program, Technology technology, int checkInEveryDays,
            LocalDate firstCheckIn, String reportingOffice, Instant releasedAt, String recordedBy) {
    }

    private final JdbcClient jdbc;

    Releases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Condition record(long personId, LocalDate birthDate, Conditions c, Instant releasedAt, String officer) {
        if (c == null || c.program() == null) {
            throw new BadInput("conditions.program", "ATD or ORDER_OF_SUPERVISION");
        }
        // minority as of the first of the days the release falls on in the United States (LegalDays)
        LocalDate day = LegalDays.of(releasedAt).first();
        if (c.program() == Program.ATD) {
            if (c.technology() == null) {
                throw new BadInput("conditions.technology", "ATD has its technology: GPS_ANKLE_MONITOR, "
                        + "SMARTPHONE_CHECK_IN or TELEPHONE");
            }
            if (Docket.minor(birthDate, day)) {
                throw new BadInput("conditions.technology", "ATD devices are for adults only; a minor is released "
                        + "with a parent or caregiver");
            }
        }
        if (c.checkInEveryDays() == null || c.checkInEveryDays() < 1 || c.checkInEveryDays() > 365) {
            throw new BadInput("conditions.checkInEveryDays", "how often to check in, 1 to 365 days");
        }
        if (c.firstCheckIn() == null || c.firstCheckIn().isBefore(day)) {
            throw new BadInput("conditions.firstCheckIn", "the first check-in, on or after the day of release");
        }
        if (c.reportingOffice() == null || c.reportingOffice().isBlank()) {
            throw new BadInput("conditions.reportingOffice", "where to report");
        }
        long id = jdbc.sql("""
                insert into release_condition (person_id, program, technology, check_in_every_days, first_check_in,
                                               reporting_office, released_at, recorded_by)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(personId, c.program().name(), c.technology() == null ? null : c.technology().name(),
                        c.checkInEveryDays(), c.firstCheckIn(), c.reportingOffice().trim(),
                        OffsetDateTime.ofInstant(releasedAt, ZoneOffset.UTC), officer)
                .query(Long.class).single();
        return of(personId).stream().filter(x -> x.id() == id).findFirst().orElseThrow();
    }

    public List<Condition> of(long personId) {
        return jdbc.sql("""
                select id, person_id, program, technology, check_in_every_days, first_check_in, reporting_office,
                       released_at, recorded_by from release_condition where person_id = ? order by id""")
                .param(personId).query((rs, n) -> new Condition(rs.getLong(1), rs.getLong(2),
                        Program.valueOf(rs.getString(3)), rs.getString(4) == null ? null
                        : Technology.valueOf(rs.getString(4)), rs.getInt(5), rs.getObject(6, LocalDate.class),
                        rs.getString(7), rs.getObject(8, OffsetDateTime.class).toInstant(), rs.getString(9))).list();
    }
}
