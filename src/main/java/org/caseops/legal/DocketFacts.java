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
import org.caseops.legal.rules.ApplicationFacts;
import org.caseops.legal.rules.CaseFacts;
import org.caseops.legal.rules.DepartureBondFacts;
import org.caseops.legal.rules.DepartureDeadlineFacts;
import org.caseops.legal.rules.Determination;
import org.caseops.legal.rules.FamilyFacts;
import org.caseops.legal.rules.HoldFacts;
import org.caseops.legal.rules.MotionFacts;
import org.caseops.legal.rules.PersonFacts;
import org.caseops.legal.rules.PetitionFacts;
import org.caseops.legal.rules.ProceedingFacts;
import org.caseops.legal.rules.ProtectionFacts;
import org.caseops.legal.rules.StayFacts;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads what the docket and CaseOps's own records say about a case into the legal gate's facts: one case at a time,
 * or every case of a selection in IDNCASE order through server-side cursors (constant memory, one snapshot). Each
 * table is one query for the case (or one cursor for the docket); no query runs per row or inside a row mapper.
 */
@Component
class DocketFacts {

    static final String PROCEEDINGS = "select idncase, idnproceeding, osc_date, case_type, dec_code, other_comp, "
            + "comp_date, absentia, appeal_rsvd, appeal_not_filed, dec_type, date_appeal_due_status from gate_proceeding";
    static final String APPEALS = "select idncase, idnappeal, idnproceeding, appeal_filed, bia_decision, "
            + "bia_decision_date, appeal_type, filed_by from gate_appeal";
    static final String MOTIONS = "select idncase, idnmotion, idnproceeding, motion_recd_date, dec, comp_date, "
            + "stay_grant, rec_type, filing_party from gate_motion";
    static final String STAYS = "select idncase, kind, from_date, until_date, lifted_on, reference from stay";
    // (the column order of each SELECT is what the positional row mappers below read)
    static final String HOLDS = "select idncase, placed_on, lifted_on, reason from legal_hold";
    static final String APPLICATIONS = "select idncase, idnproceedingappln, idnproceeding, appl_code, appl_recd_date, "
            + "appl_dec from gate_application";
    static final String PROTECTIONS = "select idncase, kind, from_date, until_date, ended_on, evidence from protection";
    static final String DEADLINES = "select idncase, last_day, source, ordered_on, reference from departure_deadline";
    static final String BONDS = "select idncase, ordered_on, due_on, posted_on from departure_bond";
    static final String DETERMINATIONS = "select idncase, subject, meaning, recorded_on, reason "
            + "from attorney_determination";
    /** Petitions for review, by the case of the appeal they follow (the importer's idncase may be blank). */
    static final String PETITIONS = "select f.idncase, f.idnappealfedcourts, f.idnappeal, f.requested_by_oil, "
            + "f.fed_court_decision_date, f.fed_court_decision from gate_petition f";
    /** The rider's link to its lead, the active one first. */
    static final String RIDING = "select r.rider_case as idncase, r.lead_case, r.active, r.severed_on "
            + "from gate_lead_rider r";
    /** The lead's appeals, by rider case. */
    static final String LEAD_APPEALS = "select r.rider_case as idncase, a.idnappeal, a.idnproceeding, a.appeal_filed, "
            + "a.bia_decision, a.bia_decision_date, a.appeal_type, a.filed_by from gate_lead_rider r "
            + "join gate_appeal a on a.idncase = r.lead_case";
    /** The lead's motions, by rider case. */
    static final String LEAD_MOTIONS = "select r.rider_case as idncase, m.idnmotion, m.idnproceeding, "
            + "m.motion_recd_date, m.dec, m.comp_date, m.stay_grant, m.rec_type, m.filing_party from gate_lead_rider r "
            + "join gate_motion m on m.idncase = r.lead_case";
    /** The lead's proceedings, by rider case (which lead decision a lead filing is against). */
    static final String LEAD_PROCEEDINGS = "select r.rider_case as idncase, p.idnproceeding, p.osc_date, p.case_type, "
            + "p.dec_code, p.other_comp, p.comp_date, p.absentia, p.appeal_rsvd, p.appeal_not_filed, p.dec_type, "
            + "p.date_appeal_due_status from gate_lead_rider r join gate_proceeding p on p.idncase = r.lead_case";
    /**
     * The date of the docket data: the latest release date an import recorded, or for an import that recorded none
     * the day it ran (docs/legal-rules.md, "Data freshness").
     */
    static final String DATA_AS_OF = "select data_as_of from gate_data_release";
    /** With no import at all there is no docket data: every action date is past any bound. */
    static final LocalDate NO_DATA = LocalDate.of(1, 1, 1);

    private final JdbcClient jdbc;

    DocketFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A person's facts: their own case's, or "no case of their own" for a household member. */
    Optional<CaseFacts> ofPerson(long personId) {
        return Optional.ofNullable(ofPeople(List.of(personId)).get(personId));
    }

    /** The release date of the latest import (see {@link #DATA_AS_OF}). */
    LocalDate dataAsOf() {
        LocalDate date = jdbc.sql(DATA_AS_OF).query(LocalDate.class).optional().orElse(null);
        return date == null ? NO_DATA : date;
    }

    /**
     * Several people's facts (a family's members) in a fixed number of queries however many they are: the people,
     * then each table for all their cases at once. No query runs inside another's row mapper, so a read holds one
     * pooled connection at a time. People who do not exist are absent from the map.
     */
    Map<Long, CaseFacts> ofPeople(Collection<Long> personIds) {
        if (personIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, PersonFacts> people = new LinkedHashMap<>();
        Map<Long, Long> caseOf = new HashMap<>();
        jdbc.sql("select id, idncase, us_citizen, lpr, citizenship_claim_open from gate_person where id = any(?::bigint[])")
                .param(array(personIds)).query(rs -> {
                    long id = rs.getLong("id");
                    Long idncase = rs.getObject("idncase", Long.class);
                    people.put(id, new PersonFacts(rs.getBoolean("us_citizen"), rs.getBoolean("lpr"),
                            rs.getBoolean("citizenship_claim_open"), idncase != null));
                    if (idncase != null) {
                        caseOf.put(id, idncase);
                    }
                });
        if (people.isEmpty()) {
            return Map.of();
        }
        LocalDate dataAsOf = dataAsOf();
        String cases = array(caseOf.values());
        String any = " = any(?::bigint[])";
        var proceedings = byCase(PROCEEDINGS + " where idncase" + any + " order by idncase, idnproceeding", cases,
                DocketFacts::proceeding);
        var appeals = byCase(APPEALS + " where idncase" + any + " order by idncase, idnappeal", cases,
                DocketFacts::appeal);
        var motions = byCase(MOTIONS + " where idncase" + any + " order by idncase, idnmotion", cases,
                DocketFacts::motion);
        var stays = byCase(STAYS + " where idncase" + any + " order by idncase, id", cases, DocketFacts::stay);
        var holds = byCase(HOLDS + " where idncase" + any + " order by idncase, id", cases, DocketFacts::hold);
        var applications = byCase(APPLICATIONS + " where idncase" + any + " order by idncase, idnproceedingappln",
                cases, DocketFacts::application);
        var petitions = byCase(PETITIONS + " where f.idncase" + any + " order by f.idncase, f.idnappealfedcourts",
                cases, DocketFacts::petition);
        var protections = byCase(PROTECTIONS + " where idncase" + any + " order by idncase, id", cases,
                DocketFacts::protection);
        var deadlines = byCase(DEADLINES + " where idncase" + any + " order by idncase, id", cases,
                DocketFacts::deadline);
        var determinations = byCase(DETERMINATIONS + " where idncase" + any + " order by idncase, id", cases,
                DocketFacts::determination);
        var bonds = byCase(BONDS + " where idncase" + any + " order by idncase, id", cases, DocketFacts::bond);
        // each rider's governing link to a lead (the active one first), then the lead's filings for those links only
        Map<Long, FamilyRow> riding = new HashMap<>();
        byCase(RIDING + " where r.rider_case" + any + " order by r.rider_case, r.active desc, r.idnleadrider desc",
                cases, DocketFacts::riding).forEach((rider, rows) -> riding.put(rider, rows.get(0)));
        String riders = array(riding.keySet());
        String leads = array(riding.keySet().stream().map(r -> riding.get(r).leadCase()).toList());
        String link = " where (r.rider_case, r.lead_case) in (select unnest(?::bigint[]), unnest(?::bigint[]))";
        var leadAppeals = byCase(LEAD_APPEALS + link + " order by r.rider_case, a.idnappeal", riders, leads,
                DocketFacts::appeal);
        var leadMotions = byCase(LEAD_MOTIONS + link + " order by r.rider_case, m.idnmotion", riders, leads,
                DocketFacts::motion);
        var leadProceedings = byCase(LEAD_PROCEEDINGS + link + " order by r.rider_case, p.idnproceeding", riders, leads,
                DocketFacts::proceeding);
        Map<Long, CaseFacts> facts = new LinkedHashMap<>();
        people.forEach((id, person) -> {
            Long c = caseOf.get(id);
            if (c == null) {
                facts.put(id, CaseFacts.withoutOwnCase(person, dataAsOf));
                return;
            }
            FamilyRow r = riding.get(c);
            FamilyFacts family = r == null ? null : new FamilyFacts(r.leadCase(), r.active(), r.severedOn(),
                    leadAppeals.getOrDefault(c, List.of()), leadMotions.getOrDefault(c, List.of()),
                    leadProceedings.getOrDefault(c, List.of()));
            facts.put(id, new CaseFacts(person, c, proceedings.getOrDefault(c, List.of()),
                    appeals.getOrDefault(c, List.of()), motions.getOrDefault(c, List.of()),
                    stays.getOrDefault(c, List.of()), holds.getOrDefault(c, List.of()),
                    applications.getOrDefault(c, List.of()), petitions.getOrDefault(c, List.of()),
                    protections.getOrDefault(c, List.of()), deadlines.getOrDefault(c, List.of()),
                    determinations.getOrDefault(c, List.of()), family, dataAsOf, bonds.getOrDefault(c, List.of())));
        });
        return facts;
    }

    /** A table's rows for these cases, by case (idncase is column 1), in the query's order. */
    private <T> Map<Long, List<T>> byCase(String sql, String cases, RowMapper<T> mapper) {
        return byCase(sql, cases, null, mapper);
    }

    private <T> Map<Long, List<T>> byCase(String sql, String first, String second, RowMapper<T> mapper) {
        Map<Long, List<T>> rows = new HashMap<>();
        if (first.equals("{}")) {
            return rows;
        }
        int[] n = {0};
        var statement = second == null ? jdbc.sql(sql).param(first) : jdbc.sql(sql).params(first, second);
        statement.query(rs -> {
            rows.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(mapper.mapRow(rs, n[0]++));
        });
        return rows;
    }

    /** A PostgreSQL array literal of ids, in their order. */
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
                date(rs, 7), rs.getBoolean(8), rs.getString(9), "X".equals(rs.getString(10)), rs.getString(11),
                date(rs, 12));
    }

    static AppealFacts appeal(ResultSet rs, int n) throws SQLException {
        return new AppealFacts(rs.getLong(2), nullableLong(rs, 3), date(rs, 4), rs.getString(5), date(rs, 6),
                rs.getString(7), rs.getString(8));
    }

    static MotionFacts motion(ResultSet rs, int n) throws SQLException {
        return new MotionFacts(rs.getLong(2), nullableLong(rs, 3), date(rs, 4), rs.getString(5), date(rs, 6),
                rs.getString(7), rs.getString(8), rs.getString(9));
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

    static ApplicationFacts application(ResultSet rs, int n) throws SQLException {
        return new ApplicationFacts(rs.getLong(2), rs.getLong(3), rs.getString(4), date(rs, 5), rs.getString(6));
    }

    static PetitionFacts petition(ResultSet rs, int n) throws SQLException {
        return new PetitionFacts(rs.getLong(2), rs.getLong(3), date(rs, 4), date(rs, 5), rs.getString(6));
    }

    static ProtectionFacts protection(ResultSet rs, int n) throws SQLException {
        return new ProtectionFacts(ProtectionFacts.Kind.valueOf(rs.getString(2)), date(rs, 3), date(rs, 4),
                date(rs, 5), rs.getString(6));
    }

    static DepartureDeadlineFacts deadline(ResultSet rs, int n) throws SQLException {
        return new DepartureDeadlineFacts(date(rs, 2), DepartureDeadlineFacts.Source.valueOf(rs.getString(3)),
                date(rs, 4), rs.getString(5));
    }

    static DepartureBondFacts bond(ResultSet rs, int n) throws SQLException {
        return new DepartureBondFacts(date(rs, 2), date(rs, 3), date(rs, 4));
    }

    static Determination determination(ResultSet rs, int n) throws SQLException {
        return new Determination(rs.getString(2), Determination.Meaning.valueOf(rs.getString(3)), date(rs, 4),
                rs.getString(5));
    }

    record FamilyRow(long leadCase, boolean active, LocalDate severedOn) {
    }

    static FamilyRow riding(ResultSet rs, int n) throws SQLException {
        return new FamilyRow(rs.getLong(2), rs.getBoolean(3), date(rs, 4));
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    /** Days from 1970-01-01 to PostgreSQL's epoch, 2000-01-01 (a binary date counts days from it). */
    private static final long PG_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();

    /**
     * A date column as PostgreSQL sends it, read from its bytes: four bytes (days since 2000-01-01) in binary transfer,
     * which the screening's cursors use, or ISO {@code yyyy-MM-dd} text (DateStyle ISO, PgJDBC's setting). No string
     * is made: the screening reads some fifty million dates.
     */
    static LocalDate date(ResultSet rs, int column) throws SQLException {
        byte[] b = rs.getBytes(column);
        if (b == null) {
            return null;
        }
        if (b.length == 4) {
            int days = ((b[0] & 0xff) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff);
            if (days != Integer.MAX_VALUE && days != Integer.MIN_VALUE) {
                return LocalDate.ofEpochDay(PG_EPOCH_DAY + days);
            }
        } else if (b.length == 10 && b[4] == '-' && b[7] == '-') {
            return LocalDate.of(digits(b, 0, 4), digits(b, 5, 7), digits(b, 8, 10));
        }
        return rs.getObject(column, LocalDate.class);
    }

    private static int digits(byte[] text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (text[i] - '0');
        }
        return value;
    }

    /** One case of a whole-docket stream, with the field office it is heard in. */
    record Screened(CaseFacts facts, String fieldOffice) {
    }

    /**
     * Streams every case of the docket ({@code screening_case}), or with {@code wholeDocket} false every case of
     * {@code screen_cases} (a temporary table of idncase, field_office_code made by the caller in the same
     * transaction), with its facts, in IDNCASE order. The cursors read in step; memory holds one case.
     */
    static void forEach(Connection connection, boolean wholeDocket, java.util.function.Consumer<Screened> consumer)
            throws SQLException {
        LocalDate dataAsOf;
        try (PreparedStatement statement = connection.prepareStatement(DATA_AS_OF);
             ResultSet rs = statement.executeQuery()) {
            rs.next();
            LocalDate date = date(rs, 1);
            dataAsOf = date == null ? NO_DATA : date;
        }
        try (OrderedCursor cases = new OrderedCursor(connection, """
                select s.idncase, s.field_office_code, coalesce(p.us_citizen, false) as us_citizen,
                       coalesce(p.lpr, c.lpr, false) as lpr, coalesce(p.citizenship_claim_open, false)
                       as citizenship_claim_open
                from %s s join gate_case c on c.idncase = s.idncase
                left join gate_person p on p.idncase = s.idncase order by s.idncase"""
                .formatted(wholeDocket ? "screening_case" : "screen_cases"));
             OrderedCursor proceedings = new OrderedCursor(connection, child(PROCEEDINGS, "t.idnproceeding desc", "", wholeDocket));
             OrderedCursor appeals = new OrderedCursor(connection, child(APPEALS, "t.idnappeal", "", wholeDocket));
             OrderedCursor motions = new OrderedCursor(connection, child(MOTIONS, "t.idnmotion", "", wholeDocket));
             OrderedCursor stays = new OrderedCursor(connection, child(STAYS, "t.id", "", wholeDocket));
             OrderedCursor holds = new OrderedCursor(connection, child(HOLDS, "t.id", "", wholeDocket));
             OrderedCursor applications = new OrderedCursor(connection, child(APPLICATIONS, "t.idnproceedingappln", "",
                     wholeDocket));
             OrderedCursor protections = new OrderedCursor(connection, child(PROTECTIONS, "t.id", "", wholeDocket));
             OrderedCursor deadlines = new OrderedCursor(connection, child(DEADLINES, "t.id", "", wholeDocket));
             OrderedCursor determinations = new OrderedCursor(connection, child(DETERMINATIONS, "t.id", "",
                     wholeDocket));
             OrderedCursor bonds = new OrderedCursor(connection, child(BONDS, "t.id", "", wholeDocket));
             OrderedCursor petitions = new OrderedCursor(connection, joined(PETITIONS, "f.idncase",
                     "f.idncase, f.idnappealfedcourts", wholeDocket));
             OrderedCursor riding = new OrderedCursor(connection, joined(RIDING, "r.rider_case",
                     "r.rider_case, r.active desc, r.idnleadrider desc", wholeDocket));
             OrderedCursor leadAppeals = new OrderedCursor(connection, joined(LEAD_APPEALS, "r.rider_case",
                     "r.rider_case, r.lead_case, a.idnappeal", wholeDocket));
             OrderedCursor leadMotions = new OrderedCursor(connection, joined(LEAD_MOTIONS, "r.rider_case",
                     "r.rider_case, r.lead_case, m.idnmotion", wholeDocket));
             OrderedCursor leadProceedings = new OrderedCursor(connection, joined(LEAD_PROCEEDINGS, "r.rider_case",
                     "r.rider_case, r.lead_case, p.idnproceeding", wholeDocket))) {
            while (cases.next()) {
                ResultSet rs = cases.rows;
                long idncase = rs.getLong(1);
                PersonFacts person = new PersonFacts(rs.getBoolean(3), rs.getBoolean(4), rs.getBoolean(5), true);
                String fieldOffice = rs.getString(2);
                List<FamilyRow> rides = riding.rowsOf(idncase, DocketFacts::riding);
                List<LeadAppeal> ofLeadAppeals = leadAppeals.rowsOf(idncase, (r, n) -> new LeadAppeal(r.getLong(2),
                        appealOfLead(r)));
                List<LeadMotion> ofLeadMotions = leadMotions.rowsOf(idncase, (r, n) -> new LeadMotion(r.getLong(2),
                        motionOfLead(r)));
                List<LeadProceeding> ofLeadProceedings = leadProceedings.rowsOf(idncase,
                        (r, n) -> new LeadProceeding(r.getLong(2), proceedingOfLead(r)));
                FamilyFacts family = null;
                if (!rides.isEmpty()) {
                    FamilyRow f = rides.get(0);
                    family = new FamilyFacts(f.leadCase(), f.active(), f.severedOn(),
                            ofLeadAppeals.stream().filter(a -> a.lead() == f.leadCase()).map(LeadAppeal::appeal)
                                    .toList(),
                            ofLeadMotions.stream().filter(m -> m.lead() == f.leadCase()).map(LeadMotion::motion)
                                    .toList(),
                            ofLeadProceedings.stream().filter(p -> p.lead() == f.leadCase())
                                    .map(LeadProceeding::proceeding).toList());
                }
                consumer.accept(new Screened(new CaseFacts(person, idncase,
                        proceedings.rowsOf(idncase, DocketFacts::proceeding), appeals.rowsOf(idncase, DocketFacts::appeal),
                        motions.rowsOf(idncase, DocketFacts::motion), stays.rowsOf(idncase, DocketFacts::stay),
                        holds.rowsOf(idncase, DocketFacts::hold), applications.rowsOf(idncase, DocketFacts::application),
                        petitions.rowsOf(idncase, DocketFacts::petition),
                        protections.rowsOf(idncase, DocketFacts::protection),
                        deadlines.rowsOf(idncase, DocketFacts::deadline),
                        determinations.rowsOf(idncase, DocketFacts::determination), family, dataAsOf,
                        bonds.rowsOf(idncase, DocketFacts::bond)),
                        fieldOffice));
            }
        }
    }

    private record LeadAppeal(long lead, AppealFacts appeal) {
    }

    private record LeadMotion(long lead, MotionFacts motion) {
    }

    private record LeadProceeding(long lead, ProceedingFacts proceeding) {
    }

    private static ProceedingFacts proceedingOfLead(ResultSet rs) throws SQLException {
        return new ProceedingFacts(rs.getLong(3), date(rs, 4), rs.getString(5), rs.getString(6), rs.getString(7),
                date(rs, 8), rs.getBoolean(9), rs.getString(10), "X".equals(rs.getString(11)), rs.getString(12),
                date(rs, 13));
    }

    /** A lead appeal row of {@link #LEAD_APPEALS} with the lead case in column 2 (the streaming variant below). */
    private static AppealFacts appealOfLead(ResultSet rs) throws SQLException {
        return new AppealFacts(rs.getLong(3), nullableLong(rs, 4), date(rs, 5), rs.getString(6), date(rs, 7),
                rs.getString(8), rs.getString(9));
    }

    private static MotionFacts motionOfLead(ResultSet rs) throws SQLException {
        return new MotionFacts(rs.getLong(3), nullableLong(rs, 4), date(rs, 5), rs.getString(6), date(rs, 7),
                rs.getString(8), rs.getString(9), rs.getString(10));
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

    /**
     * A joined query's rows in IDNCASE order ({@code caseColumn} is column 1). The lead-filing streams add the lead
     * case as column 2, so each row says which lead it came from.
     */
    private static String joined(String select, String caseColumn, String order, boolean wholeDocket) {
        String sql = select;
        if (select == LEAD_APPEALS || select == LEAD_MOTIONS || select == LEAD_PROCEEDINGS) {
            sql = sql.replaceFirst("as idncase, ", "as idncase, r.lead_case, ");
        }
        return sql + (wholeDocket ? "" : " join screen_cases s on s.idncase = " + caseColumn) + " order by " + order;
    }
}
