package org.caseops.access;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.caseops.system.BadInput;
import org.caseops.system.Conflict;
import org.caseops.system.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Partner agencies and their data-sharing agreements. An agreement grants scopes for one field office from a date;
 * revoking it takes effect on the partner's very next request ({@link Users#actor} reads agreements per request).
 */
@Service
public class Partners {

    public enum Kind { POLICE, SHERIFF, STATE_AGENCY, FEDERAL_AGENCY, OTHER }

    public record Agency(long id, String name, Kind kind, String jurisdiction) {
    }

    public record NewAgreement(String fieldOffice, Set<PartnerScope> scopes, String reference, LocalDate effectiveFrom,
            LocalDate expiresOn) {
    }

    public record Agreement(long id, long partnerId, String fieldOffice, Set<PartnerScope> scopes, String reference,
            LocalDate effectiveFrom, LocalDate expiresOn, Instant createdAt, String createdBy, Instant revokedAt,
            String revokedBy, String revokedReason) {
        public boolean inForce(LocalDate day) {
            return revokedAt == null && !effectiveFrom.isAfter(day) && (expiresOn == null || !expiresOn.isBefore(day));
        }
    }

    private static final String AGREEMENT_COLUMNS = """
            id, partner_id, field_office_code, scopes, reference, effective_from, expires_on, created_at, created_by,
            revoked_at, revoked_by, revoked_reason""";

    private final JdbcClient jdbc;

    Partners(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public Agency addAgency(String name, Kind kind, String jurisdiction) {
        if (name == null || name.isBlank()) {
            throw new BadInput("name", "a partner agency has a name");
        }
        if (kind == null) {
            throw new BadInput("kind", "kind is one of " + EnumSet.allOf(Kind.class));
        }
        if (jdbc.sql("select exists (select 1 from partner_agency where name = ?)").param(name.trim())
                .query(Boolean.class).single()) {
            throw new Conflict("a partner agency named " + name.trim() + " exists");
        }
        long id = jdbc.sql("insert into partner_agency (name, kind, jurisdiction) values (?, ?, ?) returning id")
                .params(name.trim(), kind.name(), jurisdiction).query(Long.class).single();
        return agency(id);
    }

    public Agency agency(long id) {
        return jdbc.sql("select id, name, kind, jurisdiction from partner_agency where id = ?").param(id)
                .query((rs, n) -> new Agency(rs.getLong(1), rs.getString(2), Kind.valueOf(rs.getString(3)),
                        rs.getString(4))).optional().orElseThrow(() -> new NotFound("no partner agency " + id));
    }

    public List<Agency> agencies() {
        return jdbc.sql("select id, name, kind, jurisdiction from partner_agency order by name")
                .query((rs, n) -> new Agency(rs.getLong(1), rs.getString(2), Kind.valueOf(rs.getString(3)),
                        rs.getString(4))).list();
    }

    @Transactional
    public Agreement addAgreement(long partnerId, NewAgreement terms, String createdBy) {
        agency(partnerId);
        if (terms.fieldOffice() == null || !jdbc.sql("select exists (select 1 from field_office where code = ?)")
                .param(terms.fieldOffice()).query(Boolean.class).single()) {
            throw new BadInput("fieldOffice", "an agreement names an existing field office, not '"
                    + terms.fieldOffice() + "'");
        }
        if (terms.scopes() == null || terms.scopes().isEmpty() || terms.scopes().contains(null)) {
            throw new BadInput("scopes", "an agreement grants at least one of " + EnumSet.allOf(PartnerScope.class));
        }
        if (terms.effectiveFrom() == null) {
            throw new BadInput("effectiveFrom", "an agreement takes effect on a date");
        }
        if (terms.expiresOn() != null && terms.expiresOn().isBefore(terms.effectiveFrom())) {
            throw new BadInput("expiresOn", "an agreement cannot expire before it takes effect");
        }
        long id = jdbc.sql("""
                insert into sharing_agreement (partner_id, field_office_code, scopes, reference, effective_from,
                                               expires_on, created_by)
                values (?, ?, ?::text[], ?, ?, ?, ?) returning id""")
                .params(partnerId, terms.fieldOffice(), "{" + terms.scopes().stream().map(Enum::name).sorted()
                        .collect(Collectors.joining(",")) + "}", terms.reference(), terms.effectiveFrom(),
                        terms.expiresOn(), createdBy)
                .query(Long.class).single();
        return agreement(id);
    }

    public Agreement agreement(long id) {
        return jdbc.sql("select " + AGREEMENT_COLUMNS + " from sharing_agreement where id = ?").param(id)
                .query(Partners::agreement).optional().orElseThrow(() -> new NotFound("no agreement " + id));
    }

    public List<Agreement> agreementsOf(long partnerId) {
        agency(partnerId);
        return jdbc.sql("select " + AGREEMENT_COLUMNS + " from sharing_agreement where partner_id = ? order by id")
                .param(partnerId).query(Partners::agreement).list();
    }

    /** Every agency's agreements, by id, in one query. */
    public List<Agreement> agreements() {
        return jdbc.sql("select " + AGREEMENT_COLUMNS + " from sharing_agreement order by id")
                .query(Partners::agreement).list();
    }

    /** Ends an agreement now. A second revocation is a conflict: the first one's record stands. */
    @Transactional
    public Agreement revoke(long id, String reason, String revokedBy) {
        if (reason == null || reason.isBlank()) {
            throw new BadInput("reason", "a revocation states its reason");
        }
        agreement(id);
        if (jdbc.sql("""
                update sharing_agreement set revoked_at = now(), revoked_by = ?, revoked_reason = ?
                where id = ? and revoked_at is null""").params(revokedBy, reason.trim(), id).update() == 0) {
            Agreement first = agreement(id);
            throw new Conflict("agreement " + id + " was revoked at " + first.revokedAt() + " by "
                    + first.revokedBy());
        }
        return agreement(id);
    }

    private static Agreement agreement(ResultSet rs, int n) throws SQLException {
        Array scopes = rs.getArray(4);
        Set<PartnerScope> granted = Arrays.stream((String[]) scopes.getArray()).map(PartnerScope::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(PartnerScope.class)));
        return new Agreement(rs.getLong(1), rs.getLong(2), rs.getString(3), granted, rs.getString(5),
                rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class),
                Users.instant(rs.getObject(8, OffsetDateTime.class)), rs.getString(9),
                Users.instant(rs.getObject(10, OffsetDateTime.class)), rs.getString(11), rs.getString(12));
    }
}
