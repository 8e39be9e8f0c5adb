package org.caseops.legal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.caseops.legal.rules.AppealFacts;
import org.caseops.legal.rules.CaseFacts;
import org.caseops.legal.rules.HoldFacts;
import org.caseops.legal.rules.MotionFacts;
import org.caseops.legal.rules.PersonFacts;
import org.caseops.legal.rules.ProceedingFacts;
import org.caseops.legal.rules.StayFacts;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads what the docket and CaseOps's own records say about a case into the legal gate's facts: one case at a time,
 * or every case of a selection in IDNCASE order through server-side cursors (constant memory, one snapshot).
 */
@Component
class DocketFacts {

    static final String PROCEEDINGS = "select idncase, idnproceeding, osc_date, case_type, dec_code, other_comp, "
            + "comp_date, absentia, appeal_rsvd, appeal_not_filed from proceeding";
    static final String APPEALS = "select idncase, idnappeal, idnproceeding, appeal_filed, bia_decision, "
            + "bia_decision_date from appeal";
    static final String MOTIONS = "select idncase, idnmotion, idnproceeding, motion_recd_date, dec, comp_date, "
            + "stay_grant from court_motion";
    static final String STAYS = "select idncase, kind, from_date, until_date, lifted_on, reference from stay";
    // (the column order of each SELECT is what the positional row mappers below read)
    static final String HOLDS = "select idncase, placed_on, lifted_on, reason from legal_hold";

    private final JdbcClient jdbc;

    DocketFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A person's facts: their own case's, or "no case of their own" for a household member. */
    Optional<CaseFacts> ofPerson(long personId) {
        return Optional.ofNullable(ofPeople(List.of(personId)).get(personId));
    }

    /**
     * Several people's facts (a family's members) in six queries however many they are: the people, then each
     * child table for all their cases at once. No query runs inside another's row mapper, so a read holds one pooled
     * connection at a time. People who do not exist are absent from the map.
     */
    Map<Long, CaseFacts> ofPeople(Collection<Long> personIds) {
        if (personIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, PersonFacts> people = new LinkedHashMap<>();
        Map<Long, Long> caseOf = new HashMap<>();
        jdbc.sql("select id, idncase, us_citizen, lpr, citizenship_claim_open from person where id = any(?::bigint[])")
                .param(array(personIds)).query(rs -> {
                    long id = rs.getLong("id");
                    Long idncase = rs.getObject("idncase", Long.class);
                    people.put(id, new PersonFacts(rs.getBoolean("us_citizen"), rs.getBoolean("lpr"),
                            rs.getBoolean("citizenship_claim_open"), idncase != null));
                    if (idncase != null) {
                        caseOf.put(id, idncase);
                    }
                });
        String cases = array(caseOf.values());
        Map<Long, List<ProceedingFacts>> proceedings = byCase(PROCEEDINGS + " where idncase = any(?::bigint[])"
                + " order by idncase, idnproceeding", cases, DocketFacts::proceeding);
        Map<Long, List<AppealFacts>> appeals = byCase(APPEALS + " where idncase = any(?::bigint[])"
                + " order by idncase, idnappeal", cases, DocketFacts::appeal);
        Map<Long, List<MotionFacts>> motions = byCase(MOTIONS + " where not deleted and idncase = any(?::bigint[])"
                + " order by idncase, idnmotion", cases, DocketFacts::motion);
        Map<Long, List<StayFacts>> stays = byCase(STAYS + " where idncase = any(?::bigint[]) order by idncase, id",
                cases, DocketFacts::stay);
        Map<Long, List<HoldFacts>> holds = byCase(HOLDS + " where idncase = any(?::bigint[]) order by idncase, id",
                cases, DocketFacts::hold);
        Map<Long, CaseFacts> facts = new LinkedHashMap<>();
        people.forEach((id, person) -> {
            Long idncase = caseOf.get(id);
            facts.put(id, idncase == null ? CaseFacts.withoutOwnCase(person) : new CaseFacts(person, idncase,
                    proceedings.getOrDefault(idncase, List.of()), appeals.getOrDefault(idncase, List.of()),
                    motions.getOrDefault(idncase, List.of()), stays.getOrDefault(idncase, List.of()),
                    holds.getOrDefault(idncase, List.of()), null));
        });
        return facts;
    }

    /** A child table's rows for these cases, by case (idncase is column 1), in the query's order. */
    private <T> Map<Long, List<T>> byCase(String sql, String cases, RowMapper<T> mapper) {
        Map<Long, List<T>> rows = new HashMap<>();
        if (cases.equals("{}")) {
            return rows;
        }
        int[] n = {0};
        jdbc.sql(sql).param(cases).query(rs -> {
            rows.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(mapper.mapRow(rs, n[0]++));
        });
        return rows;
    }

    private static String array(Collection<Long> ids) {
        StringBuilder out = new StringBuilder("{");
        for (Long id : ids) {
            out.append(out.length() == 1 ? "" : ",").append(id);
        }
        return out.append('}').toString();
    }

    // Row mappers read by position, in the column order of the SELECTs above (idncase is column 1 of each):
    // whole-docket screening reads some hundred million values, and by-name lookups and generic date conversion
    // were most of its time.

    static ProceedingFacts proceeding(ResultSet rs, int n) throws SQLException {
        return new ProceedingFacts(rs.getLong(2), date(rs, 3), rs.getString(4), rs.getString(5), rs.getString(6),
                date(rs, 7), rs.getBoolean(8), rs.getString(9), "X".equals(rs.getString(10)));
    }

    static AppealFacts appeal(ResultSet rs, int n) throws SQLException {
        return new AppealFacts(rs.getLong(2), nullableLong(rs, 3), date(rs, 4), rs.getString(5), date(rs, 6));
    }

    static MotionFacts motion(ResultSet rs, int n) throws SQLException {
        return new MotionFacts(rs.getLong(2), nullableLong(rs, 3), date(rs, 4), rs.getString(5), date(rs, 6),
                rs.getString(7));
    }

    /** A stay lifted early ends on the day it was lifted. */
    static StayFacts stay(ResultSet rs, int n) throws SQLException {
        LocalDate until = date(rs, 4);
        LocalDate lifted = date(rs, 5);
        LocalDate end = lifted == null ? until : until == null || lifted.isBefore(until) ? lifted : until;
        return new StayFacts(StayFacts.Kind.valueOf(rs.getString(2)), date(rs, 3), true, end, rs.getString(6));
    }

    static HoldFacts hold(ResultSet rs, int n) throws SQLException {
        return new HoldFacts(date(rs, 2), date(rs, 3), rs.getString(4));
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    /** A date column as PostgreSQL sends it (ISO yyyy-MM-dd with DateStyle ISO, PgJDBC's setting). */
    static LocalDate date(ResultSet rs, int column) throws SQLException {
        String text = rs.getString(column);
        if (text == null) {
            return null;
        }
        if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
            return LocalDate.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10));
        }
        return rs.getObject(column, LocalDate.class);
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }

    /** One case of a whole-docket stream, with the field office it is heard in. */
    record Screened(CaseFacts facts, String fieldOffice) {
    }

    /**
     * Streams every case of {@code screen_cases} (a temporary table of idncase, field_office_code made by the caller
     * in the same transaction) with its facts, in IDNCASE order. Six cursors read in step; memory holds one case.
     */
    static void forEach(Connection connection, boolean wholeDocket, java.util.function.Consumer<Screened> consumer)
            throws SQLException {
        try (OrderedCursor cases = new OrderedCursor(connection, """
                select s.idncase, s.field_office_code, coalesce(p.us_citizen, false) as us_citizen,
                       coalesce(p.lpr, c.lpr, false) as lpr, coalesce(p.citizenship_claim_open, false)
                       as citizenship_claim_open
                from screen_cases s join eoir_case c on c.idncase = s.idncase
                left join person p on p.idncase = s.idncase order by s.idncase""");
             OrderedCursor proceedings = new OrderedCursor(connection, child(PROCEEDINGS, "t.idnproceeding desc", "", wholeDocket));
             OrderedCursor appeals = new OrderedCursor(connection, child(APPEALS, "t.idnappeal", "", wholeDocket));
             OrderedCursor motions = new OrderedCursor(connection, child(MOTIONS, "t.idnmotion", "not t.deleted", wholeDocket));
             OrderedCursor stays = new OrderedCursor(connection, child(STAYS, "t.id", "", wholeDocket));
             OrderedCursor holds = new OrderedCursor(connection, child(HOLDS, "t.id", "", wholeDocket))) {
            while (cases.next()) {
                ResultSet rs = cases.rows;
                long idncase = rs.getLong(1);
                PersonFacts person = new PersonFacts(rs.getBoolean(3), rs.getBoolean(4), rs.getBoolean(5), true);
                String fieldOffice = rs.getString(2);
                consumer.accept(new Screened(new CaseFacts(person, idncase, proceedings.rowsOf(idncase,
                        DocketFacts::proceeding), appeals.rowsOf(idncase, DocketFacts::appeal),
                        motions.rowsOf(idncase, DocketFacts::motion), stays.rowsOf(idncase, DocketFacts::stay),
                        holds.rowsOf(idncase, DocketFacts::hold), null), fieldOffice));
            }
        }
    }

    /**
     * One child table's rows in IDNCASE order: for the whole docket straight from the table (its idncase index gives
     * the order; rows of unselected cases cannot occur), for a selection joined to {@code screen_cases}.
     */
    private static String child(String select, String order, String filter, boolean wholeDocket) {
        String table = select.substring(select.lastIndexOf(" from ") + 6);
        String columns = select.substring("select ".length(), select.lastIndexOf(" from "));
        StringBuilder qualified = new StringBuilder();
        for (String column : columns.split(",")) {
            qualified.append(qualified.isEmpty() ? "" : ", ").append("t.").append(column.trim());
        }
        return "select " + qualified + " from " + table + " t"
                + (wholeDocket ? "" : " join screen_cases s on s.idncase = t.idncase")
                + (filter.isEmpty() ? "" : " where " + filter) + " order by t.idncase, " + order;
    }
}
