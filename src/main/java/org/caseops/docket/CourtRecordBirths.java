package org.caseops.docket;

import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The birth date EOIR's case record gives ({@code C_BIRTHDATE}), usually to the month only. */
@Service
class CourtRecordBirths {

    private final JdbcClient jdbc;

    CourtRecordBirths(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<BirthDate> of(long idncase) {
        return jdbc.sql("select birth_year, birth_month, birth_date, birth_precision from eoir_case where idncase = ?")
                .param(idncase)
                .query((rs, n) -> Optional.ofNullable(BirthDate.fromColumns(rs.getObject(1, Integer.class),
                        rs.getObject(2, Integer.class), rs.getObject(3, LocalDate.class), rs.getString(4))))
                .optional().flatMap(b -> b);
    }

    /** As the API and pages show it, as of {@code asOf}. */
    Optional<DocketViews.CourtRecordBirth> view(DocketViews.Person person, LocalDate asOf) {
        if (person.removalCase() == null) {
            return Optional.empty();
        }
        return of(person.removalCase().idncase()).map(b -> DocketViews.CourtRecordBirth.of(b, asOf));
    }
}
