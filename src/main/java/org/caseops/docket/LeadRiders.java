package org.caseops.docket;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A family's lead/rider history as EOIR's {@code tbl_Lead_Rider} was imported: every relation whose lead is the
 * family's lead case or whose rider is one of its cases — active, severed or inactive — with the person of each case
 * and the import that last changed the row (V122). One statement; the caller has checked access and audited the read.
 */
@Service
public class LeadRiders {

    /** One relation: which case led and which rode, whether it is active, when severed, and its provenance. */
    public record Relation(long id, long leadCase, String leadName, long riderCase, String riderName, boolean active,
            LocalDate severedOn, long importId, Instant importedAt) {
    }

    private final JdbcClient jdbc;

    LeadRiders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Relation> of(long familyId) {
        return jdbc.sql("""
                select r.idnleadrider, r.lead_case, (select p.given_name || ' ' || p.family_name from person p
                       where p.idncase = r.lead_case order by p.id limit 1),
                       r.rider_case, (select p.given_name || ' ' || p.family_name from person p
                       where p.idncase = r.rider_case order by p.id limit 1),
                       r.active, r.severed_on, coalesce(r.changed_by_import, r.import_id), i.started_at
                from lead_rider r join import_run i on i.id = coalesce(r.changed_by_import, r.import_id)
                where r.lead_case = :family
                   or r.rider_case in (select r2.rider_case from lead_rider r2 where r2.lead_case = :family)
                   or r.rider_case = :family
                order by r.idnleadrider""").param("family", familyId)
                .query((rs, n) -> new Relation(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5), rs.getBoolean(6), rs.getObject(7, LocalDate.class), rs.getLong(8),
                        rs.getObject(9, OffsetDateTime.class).toInstant())).list();
    }
}
