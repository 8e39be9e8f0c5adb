package org.caseops.legal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
    static final String HOLDS = "select idncase, placed_on, lifted_on, reason from legal_hold";

    private final JdbcClient jdbc;

    DocketFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The facts of a case, with its respondent's citizenship facts when the person file links one. */
    Optional<CaseFacts> ofCase(long idncase) {
        Optional<PersonFacts> person = jdbc.sql("""
                select p.us_citizen, coalesce(p.lpr, c.lpr, false) as lpr, coalesce(p.citizenship_claim_open, false)
                       as citizenship_claim_open
                from eoir_case c left join person p on p.idncase = c.idncase where c.idncase = ?""")
                .param(idncase).query((rs, n) -> new PersonFacts(rs.getBoolean("us_citizen"), rs.getBoolean("lpr"),
                        rs.getBoolean("citizenship_claim_open"), true)).optional();
        return person.map(p -> new CaseFacts(p, idncase,
                jdbc.sql(PROCEEDINGS + " where idncase = ? order by idnproceeding").param(idncase)
                        .query(DocketFacts::proceeding).list(),
                jdbc.sql(APPEALS + " where idncase = ? order by idnappeal").param(idncase)
                        .query(DocketFacts::appeal).list(),
                jdbc.sql(MOTIONS + " where not deleted and idncase = ? order by idnmotion").param(idncase)
                        .query(DocketFacts::motion).list(),
                jdbc.sql(STAYS + " where idncase = ? order by id").param(idncase).query(DocketFacts::stay).list(),
                jdbc.sql(HOLDS + " where idncase = ? order by id").param(idncase).query(DocketFacts::hold).list(),
                null));
    }

    /** A person's facts: their own case's, or "no case of their own" for a household member. */
    Optional<CaseFacts> ofPerson(long personId) {
        return jdbc.sql("select idncase, us_citizen, lpr, citizenship_claim_open from person where id = ?")
                .param(personId).query((rs, n) -> {
                    PersonFacts person = new PersonFacts(rs.getBoolean("us_citizen"), rs.getBoolean("lpr"),
                            rs.getBoolean("citizenship_claim_open"), rs.getObject("idncase") != null);
                    Long idncase = rs.getObject("idncase", Long.class);
                    return idncase == null ? CaseFacts.withoutOwnCase(person)
                            : ofCase(idncase).map(c -> new CaseFacts(person, idncase, c.proceedings(), c.appeals(),
                                    c.motions(), c.stays(), c.holds(), null)).orElseThrow();
                }).optional();
    }

    static ProceedingFacts proceeding(ResultSet rs, int n) throws SQLException {
        return new ProceedingFacts(rs.getLong("idnproceeding"), date(rs, "osc_date"), rs.getString("case_type"),
                rs.getString("dec_code"), rs.getString("other_comp"), date(rs, "comp_date"),
                rs.getBoolean("absentia"), rs.getString("appeal_rsvd"), "X".equals(rs.getString("appeal_not_filed")));
    }

    static AppealFacts appeal(ResultSet rs, int n) throws SQLException {
        return new AppealFacts(rs.getLong("idnappeal"), rs.getObject("idnproceeding", Long.class),
                date(rs, "appeal_filed"), rs.getString("bia_decision"), date(rs, "bia_decision_date"));
    }

    static MotionFacts motion(ResultSet rs, int n) throws SQLException {
        return new MotionFacts(rs.getLong("idnmotion"), rs.getObject("idnproceeding", Long.class),
                date(rs, "motion_recd_date"), rs.getString("dec"), date(rs, "comp_date"), rs.getString("stay_grant"));
    }

    /** A stay lifted early ends on the day it was lifted. */
    static StayFacts stay(ResultSet rs, int n) throws SQLException {
        LocalDate until = date(rs, "until_date");
        LocalDate lifted = date(rs, "lifted_on");
        LocalDate end = lifted == null ? until : until == null || lifted.isBefore(until) ? lifted : until;
        return new StayFacts(StayFacts.Kind.valueOf(rs.getString("kind")), date(rs, "from_date"), true, end,
                rs.getString("reference"));
    }

    static HoldFacts hold(ResultSet rs, int n) throws SQLException {
        return new HoldFacts(date(rs, "placed_on"), date(rs, "lifted_on"), rs.getString("reason"));
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    /** One case of a whole-docket stream, with the field office it is heard in. */
    record Screened(CaseFacts facts, String fieldOffice) {
    }

    /**
     * Streams every case of {@code screen_cases} (a temporary table of idncase, field_office_code made by the caller
     * in the same transaction) with its facts, in IDNCASE order. Six cursors read in step; memory holds one case.
     */
    static void forEach(Connection connection, java.util.function.Consumer<Screened> consumer) throws SQLException {
        try (Cursor cases = new Cursor(connection, """
                select s.idncase, s.field_office_code, coalesce(p.us_citizen, false) as us_citizen,
                       coalesce(p.lpr, c.lpr, false) as lpr, coalesce(p.citizenship_claim_open, false)
                       as citizenship_claim_open
                from screen_cases s join eoir_case c on c.idncase = s.idncase
                left join person p on p.idncase = s.idncase order by s.idncase""");
             Cursor proceedings = new Cursor(connection, child(PROCEEDINGS, "t.idnproceeding", ""));
             Cursor appeals = new Cursor(connection, child(APPEALS, "t.idnappeal", ""));
             Cursor motions = new Cursor(connection, child(MOTIONS, "t.idnmotion", "not t.deleted"));
             Cursor stays = new Cursor(connection, child(STAYS, "t.id", ""));
             Cursor holds = new Cursor(connection, child(HOLDS, "t.id", ""))) {
            while (cases.next()) {
                ResultSet rs = cases.rows;
                long idncase = rs.getLong("idncase");
                PersonFacts person = new PersonFacts(rs.getBoolean("us_citizen"), rs.getBoolean("lpr"),
                        rs.getBoolean("citizenship_claim_open"), true);
                String fieldOffice = rs.getString("field_office_code");
                consumer.accept(new Screened(new CaseFacts(person, idncase, proceedings.rowsOf(idncase,
                        DocketFacts::proceeding), appeals.rowsOf(idncase, DocketFacts::appeal),
                        motions.rowsOf(idncase, DocketFacts::motion), stays.rowsOf(idncase, DocketFacts::stay),
                        holds.rowsOf(idncase, DocketFacts::hold), null), fieldOffice));
            }
        }
    }

    private static String child(String select, String order, String filter) {
        String table = select.substring(select.lastIndexOf(" from ") + 6);
        String columns = select.substring("select ".length(), select.lastIndexOf(" from "));
        StringBuilder qualified = new StringBuilder();
        for (String column : columns.split(",")) {
            qualified.append(qualified.isEmpty() ? "" : ", ").append("t.").append(column.trim());
        }
        return "select " + qualified + " from " + table + " t join screen_cases s on s.idncase = t.idncase"
                + (filter.isEmpty() ? "" : " where " + filter) + " order by t.idncase, " + order;
    }

    /** A forward-only server-side cursor that hands out the rows of one case at a time. */
    private static final class Cursor implements AutoCloseable {
        private final PreparedStatement statement;
        final ResultSet rows;
        private boolean pending;
        private boolean exhausted;

        Cursor(Connection connection, String sql) throws SQLException {
            statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(20_000);
            rows = statement.executeQuery();
        }

        boolean next() throws SQLException {
            return rows.next();
        }

        <T> List<T> rowsOf(long idncase, RowMapper<T> mapper) throws SQLException {
            List<T> found = new ArrayList<>(2);
            while (!exhausted) {
                if (!pending) {
                    if (!rows.next()) {
                        exhausted = true;
                        break;
                    }
                    pending = true;
                }
                long rowCase = rows.getLong("idncase");
                if (rowCase > idncase) {
                    break;
                }
                if (rowCase == idncase) {
                    found.add(mapper.mapRow(rows, found.size()));
                }
                pending = false;
            }
            return found;
        }

        @Override
        public void close() throws SQLException {
            rows.close();
            statement.close();
        }
    }
}
