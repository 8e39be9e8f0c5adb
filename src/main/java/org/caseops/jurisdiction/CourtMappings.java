package org.caseops.jurisdiction;

import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;
import org.caseops.access.Access;
import org.caseops.system.BadInput;
import org.caseops.system.Conflict;
import org.caseops.system.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An administrator's mapping of a court — a hearing location or a base city — to a field office (docs/reference-data.md,
 * "Courts without a field office"): a conditional update on the court's mapping version (a form read before someone
 * else's change gets a 409 naming who changed it, never an overwrite), kept as method {@code manual} across later loads
 * of the reference files, appended to {@code court_mapping_edit}, audited {@code COURT_MAPPING_CHANGED}, and the
 * court's cases moved to the office at once (the docket's {@code docket_follow_court_mapping}, V123) — one transaction.
 */
@Service
public class CourtMappings {

    /** The two kinds of court EOIR's cases name, with their table. */
    public enum Kind {
        HEARING_LOCATION("hearing_location", "Hearing location"), BASE_CITY("base_city", "Base city");

        final String table;
        final String label;

        Kind(String table, String label) {
            this.table = table;
            this.label = label;
        }

        public String label() {
            return label;
        }

        static Kind parse(String text) {
            String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
            for (Kind k : values()) {
                if (k.name().equals(t)) {
                    return k;
                }
            }
            throw new BadInput("kind", "'" + text + "' is no kind of court: hearing_location or base_city");
        }

        /** {@code Hearing location} (as {@link ReferenceData.Mapping#kind()} says it) → the kind. */
        static Kind ofLabel(String label) {
            for (Kind k : values()) {
                if (k.label.equals(label)) {
                    return k;
                }
            }
            throw new IllegalArgumentException(label);
        }
    }

    /** A court's mapping now: its field office (null: unmapped), how it was mapped, and its version. */
    public record Current(Kind kind, String code, String name, String fieldOffice, String method, int version) {
    }

    /** What a change did: the office before and now, the new version, and how many cases moved. */
    public record Changed(Kind kind, String code, String officeBefore, String fieldOffice, int version,
            int casesMoved) {
    }

    private final JdbcClient jdbc;
    private final ReferenceData reference;
    private final Access access;

    CourtMappings(JdbcClient jdbc, ReferenceData reference, Access access) {
        this.jdbc = jdbc;
        this.reference = reference;
        this.access = access;
    }

    public Optional<Current> current(String kindText, String code) {
        Kind kind = Kind.parse(kindText);
        return jdbc.sql("select code, name, field_office_code, field_office_method, mapping_version from " + kind.table
                + " where code = ?").param(code == null ? "" : code.trim().toUpperCase(Locale.ROOT))
                .query((rs, n) -> new Current(kind, rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getInt(5))).optional();
    }

    /**
     * Maps the court to {@code fieldOffice} if its mapping is still at {@code version}; audited, in one transaction.
     *
     * @throws BadInput naming the field ({@code kind}, {@code fieldOffice}, {@code version}, {@code reason})
     * @throws NotFound when there is no such court
     * @throws Conflict when the mapping changed since {@code version} was read
     */
    @Transactional
    public Changed map(String kindText, String codeText, String fieldOffice, Integer version, String reason) {
        Kind kind = Kind.parse(kindText);
        String office = fieldOffice == null ? "" : fieldOffice.trim().toUpperCase(Locale.ROOT);
        if (office.isEmpty()) {
            throw new BadInput("fieldOffice", "choose the field office the court's cases go to");
        }
        if (reference.fieldOffice(office).isEmpty()) {
            throw new BadInput("fieldOffice", "there is no field office '" + fieldOffice + "'");
        }
        if (version == null) {
            throw new BadInput("version", "the mapping's version as read is required (reload the page)");
        }
        if (reason == null || reason.isBlank()) {
            throw new BadInput("reason", "say why the court maps to this field office (a source, a decision)");
        }
        String code = codeText == null ? "" : codeText.trim().toUpperCase(Locale.ROOT);
        Current before = current(kind.name(), code).orElseThrow(() -> new NotFound("no " + kind.label.toLowerCase(
                Locale.ROOT) + " with code " + code));
        int rows = jdbc.sql("update " + kind.table + " set field_office_code = ?, field_office_method = 'manual',"
                + " mapping_version = mapping_version + 1 where code = ? and mapping_version = ?")
                .params(office, code, version).update();
        if (rows == 0) {
            String by = jdbc.sql("select edited_by, edited_at from court_mapping_edit where kind = ? and code = ?"
                    + " order by id desc limit 1").params(kind.name(), code)
                    .query((rs, n) -> " by " + rs.getString(1) + " at " + rs.getObject(2, OffsetDateTime.class)
                            .toInstant().toString().substring(0, 16).replace('T', ' ') + " UTC").optional()
                    .orElse("");
            throw new Conflict(kind.label + " " + code + " was changed" + by + " since version " + version
                    + " was read: it now maps to " + (before.fieldOffice() == null ? "no field office"
                    : before.fieldOffice()) + " (version " + before.version() + "); nothing was changed");
        }
        jdbc.sql("""
                insert into court_mapping_edit (kind, code, office_before, method_before, field_office_code, reason,
                                                edited_by, version)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(kind.name(), code, before.fieldOffice(), before.method(), office, reason.trim(),
                        access.actor().username(), version + 1).update();
        int moved = jdbc.sql("select docket_follow_court_mapping(?, ?)").params(kind.name(), code)
                .query(Integer.class).single();
        access.audit("COURT_MAPPING_CHANGED", new Access.Subject("COURT", kind.name() + ":" + code, office),
                kind.label + " " + code + ": " + (before.fieldOffice() == null ? "unmapped" : before.fieldOffice())
                        + " → " + office + " (" + moved + " cases moved): " + reason.trim());
        return new Changed(kind, code, before.fieldOffice(), office, version + 1, moved);
    }
}
