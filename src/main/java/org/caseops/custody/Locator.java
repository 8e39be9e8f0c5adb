package org.caseops.custody;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.caseops.access.Access;
import org.caseops.docket.Docket;
import org.caseops.system.BadInput;
import org.caseops.system.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The detainee locator, as ICE's works: anyone may ask, with a person's A-number and country of birth, exact match
 * only, where that person is held. Nothing about anyone who is not held, and the same answer (404) for no such person
 * and for a person not in custody. Published the moment custody changes (the view reads the ledger); the lag between
 * the change and its publication is shown and audited, against the policy's two business days.
 */
@Service
public class Locator {

    private final JdbcClient jdbc;
    private final Access access;

    Locator(JdbcClient jdbc, Access access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    public record Located(String aNumber, String givenName, String familyName, String countryOfBirth, String status,
            String location, Instant since, Instant publishedAt, long publicationLagSeconds) {
    }

    /** Finds a person held by A-number and country of birth, exactly; every search is audited. */
    public Located locate(String aNumber, String countryOfBirth) {
        String a = Docket.aNumber(aNumber);
        if (countryOfBirth == null || countryOfBirth.isBlank()) {
            throw new BadInput("countryOfBirth", "the country of birth, as a code (GT) or a name (Guatemala)");
        }
        Located located = jdbc.sql("""
                select p.a_number, p.given_name, p.family_name, coalesce(n.description, p.nationality), s.state,
                       coalesce(s.site, s.destination), s.since,
                       (select e.recorded_at from custody_event e where e.person_id = p.person_id
                        order by e.id desc limit 1)
                from person_reference p join custody_status s on s.person_id = p.person_id
                left join eoir_code n on n.code_table = 'nationality' and n.code = p.nationality
                where p.a_number = ? and (upper(p.nationality) = upper(?) or upper(n.description) = upper(?))
                  and s.state in ('IN_CUSTODY', 'STAGED', 'TRANSPORTED')""")
                .params(a, countryOfBirth.trim(), countryOfBirth.trim())
                .query((rs, n) -> {
                    Instant since = rs.getObject(7, OffsetDateTime.class).toInstant();
                    Instant published = rs.getObject(8, OffsetDateTime.class).toInstant();
                    return new Located(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            "In ICE custody", rs.getString(6), since, published,
                            Math.max(0, Duration.between(since, published).toSeconds()));
                }).optional().orElse(null);
        access.recordPublic("LOCATOR_SEARCH", new Access.Subject("PERSON", a, null),
                located == null ? "no match" : "match, publication lag " + located.publicationLagSeconds() + " s");
        if (located == null) {
            throw new NotFound("no person in custody matches that A-number and country of birth exactly");
        }
        return located;
    }
}
