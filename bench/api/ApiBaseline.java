import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;

/**
 * The raw-JDBC baseline of the API benchmark (bench/README.md, "API benchmark"): the JDK's HttpServer, HikariCP and
 * PgJDBC answering CaseOps' three measured reads with the SQL CaseOps runs for them, and nothing else — no sign-in,
 * no access rules, no legal rules, no framework. Each read writes one audit row (a plain insert into
 * {@code bench_api.audit_row}, no chain, no queue) in the same transaction as the read, and returns the rows as JSON
 * written by hand.
 *
 * <ul>
 *   <li>{@code GET /api/people/{a}}: one query for the person with their case, their access subject's field office
 *       and their case record's birth date (Docket.personRecord, as PersonReads runs it), then the audit row.</li>
 *   <li>{@code GET /api/cases?fieldOffice=X&page=N&size=S}: the count and the page (Docket.cases), the audit row.</li>
 *   <li>{@code GET /api/families/{id}/executability}: the family's subject, the audit row, its members
 *       (Docket.family), the lead case's summary, the members' facts (DocketFacts.ofPeople: people, data date,
 *       ten tables by case, riding links, the leads' filings); the rows, not verdicts.</li>
 * </ul>
 *
 * <p>Arguments: JDBC URL, user, password, HTTP port, pool size, HTTP threads.
 */
public class ApiBaseline {

    static final String PERSON_CASE_COLUMNS = """
            s.idncase as c_idncase, p.a_number as c_a_number, s.nat as c_nat, s.lang as c_lang,
            s.case_type as c_case_type, s.order_type as c_order_type, s.absentia as c_absentia,
            s.comp_date as c_comp_date, s.dec_code as c_dec_code, s.hearing_loc_code as c_hearing_loc_code,
            hl.name as c_hearing_name, s.field_office_code as c_field_office_code, s.family_id as c_family_id,
            s.represented as c_represented, c.e28_date as c_e28_date, c.atty_nbr as c_atty_nbr,
            c.idncase as c_case""";
    /** Docket.personRecord: the person, their access subject's field office and their case record's birth. */
    static final String PERSON_RECORD = "select p.*, m.family_id, m.role, fam.field_office_code as subject_field_office, "
            + "c.birth_year as c_birth_year, c.birth_month as c_birth_month, c.birth_date as c_birth_date, "
            + "c.birth_precision as c_birth_precision, " + PERSON_CASE_COLUMNS + """
             from person p join family_member m on m.person_id = p.id
            left join case_index s on s.idncase = p.idncase
            left join eoir_case c on c.idncase = s.idncase
            left join hearing_location hl on hl.code = s.hearing_loc_code
            left join case_index fam on fam.idncase = m.family_id
            where p.a_number = ?""";
    static final String CASE_COLUMNS = """
            s.idncase, p.a_number, s.nat, s.lang, s.case_type, s.order_type, s.absentia, s.comp_date, s.dec_code,
            s.hearing_loc_code, hl.name as hearing_name, s.field_office_code, s.family_id, s.represented,
            c.e28_date, c.atty_nbr""";
    static final String CASE_FROM = " from case_index s join eoir_case c on c.idncase = s.idncase"
            + " left join person p on p.idncase = s.idncase left join hearing_location hl on hl.code = s.hearing_loc_code";
    static final String CASE_COUNT = "select count(*) from case_index s where s.field_office_code = ?";
    /** Docket.cases: the page's cases from the case index alone, then their columns. */
    static final String CASE_PAGE = "select " + CASE_COLUMNS + " from (select s.idncase from case_index s"
            + " where s.field_office_code = ? order by s.idncase limit ? offset ?) pg"
            + CASE_FROM.replaceFirst("^ from case_index s", " join case_index s on s.idncase = pg.idncase")
            + " order by s.idncase";
    static final String FAMILY_SUBJECT = "select field_office_code from case_index where idncase = ? "
            + "and family_id = idncase";
    static final String FAMILY = """
            with member_ids as (
                select id from person where idncase = :family and lead_of(idncase) is null
                union select id from person where household_of = :family
                union select p.id from lead_rider r join person p on p.idncase = r.rider_case
                      where r.lead_case = :family and r.active and r.severed_on is null
                        and lead_of(r.rider_case) = :family)
            select p.*, m.role, s.order_type, s.absentia, s.field_office_code
            from member_ids i join person p on p.id = i.id
            join family_member m on m.person_id = p.id
            left join case_index s on s.idncase = p.idncase
            order by case m.role when 'LEAD' then 0 when 'RIDER' then 1 else 2 end, p.birth_date, p.id"""
            .replace(":family", "?::bigint");
    static final String CASE_SUMMARY = "select " + CASE_COLUMNS + CASE_FROM + " where s.idncase = ?";
    /** DocketFacts.ofPeople: the people, the data date, then each fact table (the gate_* views of V66) by case. */
    static final String FACT_PEOPLE = "select id, idncase, us_citizen, lpr, citizenship_claim_open from gate_person "
            + "where id = any(?::bigint[])";
    static final String DATA_AS_OF = "select data_as_of from gate_data_release";
    static final String ANY = " = any(?::bigint[])";
    /** DocketFacts' per-table reads, by case (org.caseops.legal.DocketFacts, same order and SQL). */
    static final List<String> FACTS = List.of(
            "select idncase, idnproceeding, osc_date, case_type, dec_code, other_comp, comp_date, absentia, "
                    + "appeal_rsvd, appeal_not_filed, dec_type, date_appeal_due_status from gate_proceeding where idncase"
                    + ANY + " order by idncase, idnproceeding",
            "select idncase, idnappeal, idnproceeding, appeal_filed, bia_decision, bia_decision_date, appeal_type, "
                    + "filed_by from gate_appeal where idncase" + ANY + " order by idncase, idnappeal",
            "select idncase, idnmotion, idnproceeding, motion_recd_date, dec, comp_date, stay_grant, rec_type, "
                    + "filing_party from gate_motion where idncase" + ANY + " order by idncase, idnmotion",
            "select idncase, kind, from_date, until_date, lifted_on, reference from stay where idncase" + ANY
                    + " order by idncase, id",
            "select idncase, placed_on, lifted_on, reason from legal_hold where idncase" + ANY
                    + " order by idncase, id",
            "select idncase, idnproceedingappln, idnproceeding, appl_code, appl_recd_date, appl_dec "
                    + "from gate_application where idncase" + ANY + " order by idncase, idnproceedingappln",
            "select f.idncase, f.idnappealfedcourts, f.idnappeal, f.requested_by_oil, f.fed_court_decision_date, "
                    + "f.fed_court_decision from gate_petition f where f.idncase" + ANY
                    + " order by f.idncase, f.idnappealfedcourts",
            "select idncase, kind, from_date, until_date, ended_on, evidence from protection where idncase" + ANY
                    + " order by idncase, id",
            "select idncase, last_day, source, ordered_on, reference from departure_deadline where idncase" + ANY
                    + " order by idncase, id",
            "select idncase, subject, meaning, recorded_on, reason from attorney_determination where idncase" + ANY
                    + " order by idncase, id");
    static final String RIDING = "select r.rider_case as idncase, r.lead_case, r.active, r.severed_on "
            + "from gate_lead_rider r where r.rider_case" + ANY
            + " order by r.rider_case, r.active desc, r.idnleadrider desc";
    static final String LINK = " where (r.rider_case, r.lead_case) in (select unnest(?::bigint[]), "
            + "unnest(?::bigint[]))";
    static final List<String> LEAD_FACTS = List.of(
            "select r.rider_case as idncase, a.idnappeal, a.idnproceeding, a.appeal_filed, a.bia_decision, "
                    + "a.bia_decision_date, a.appeal_type, a.filed_by from gate_lead_rider r "
                    + "join gate_appeal a on a.idncase = r.lead_case" + LINK + " order by r.rider_case, a.idnappeal",
            "select r.rider_case as idncase, m.idnmotion, m.idnproceeding, m.motion_recd_date, m.dec, m.comp_date, "
                    + "m.stay_grant, m.rec_type, m.filing_party from gate_lead_rider r "
                    + "join gate_motion m on m.idncase = r.lead_case" + LINK + " order by r.rider_case, m.idnmotion",
            "select r.rider_case as idncase, p.idnproceeding, p.osc_date, p.case_type, p.dec_code, p.other_comp, "
                    + "p.comp_date, p.absentia, p.appeal_rsvd, p.appeal_not_filed, p.dec_type, "
                    + "p.date_appeal_due_status from gate_lead_rider r join gate_proceeding p on p.idncase = r.lead_case"
                    + LINK + " order by r.rider_case, p.idnproceeding");
    static final String AUDIT = """
            insert into bench_api.audit_row (actor, role, field_office, action, subject_type, subject_id, purpose,
                                             request_id, detail)
            values ('bench', 'OFFICER', 'HOU', ?, ?, ?, ?, ?, ?)""";

    static HikariDataSource pool;

    public static void main(String[] args) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(args[0]);
        config.setUsername(args[1]);
        config.setPassword(args[2]);
        config.setMaximumPoolSize(Integer.parseInt(args[4]));
        config.setAutoCommit(false);
        pool = new HikariDataSource(config);
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("create schema if not exists bench_api");
            s.execute("""
                    create table if not exists bench_api.audit_row (seq bigserial primary key,
                        recorded_at timestamptz not null default clock_timestamp(), actor text not null,
                        role text not null, field_office text, action text not null, subject_type text,
                        subject_id text, purpose text, request_id text, detail text)""");
            c.commit();
        }
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[3])), 1024);
        server.setExecutor(Executors.newFixedThreadPool(Integer.parseInt(args[5])));
        server.createContext("/api/people/", e -> answer(e, ApiBaseline::person));
        server.createContext("/api/cases", e -> answer(e, ApiBaseline::cases));
        server.createContext("/api/families/", e -> answer(e, ApiBaseline::family));
        server.createContext("/health", e -> answer(e, (x, c) -> "{\"status\":\"UP\"}"));
        server.start();
        System.out.println("baseline listening on " + args[3]);
    }

    interface Handler {
        String handle(HttpExchange exchange, Connection c) throws SQLException;
    }

    /** One pooled connection, one transaction per request; 404 when the handler finds nothing. */
    static void answer(HttpExchange exchange, Handler handler) throws IOException {
        int status = 200;
        String body;
        try (Connection c = pool.getConnection()) {
            try {
                body = handler.handle(exchange, c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
            if (body == null) {
                status = 404;
                body = "{\"status\":404}";
            }
        } catch (SQLException | RuntimeException e) {
            status = 500;
            body = "{\"status\":500,\"detail\":" + quote(String.valueOf(e.getMessage())) + "}";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static String person(HttpExchange exchange, Connection c) throws SQLException {
        String a = last(exchange.getRequestURI());
        StringBuilder json = new StringBuilder();
        try (PreparedStatement s = c.prepareStatement(PERSON_RECORD)) {
            s.setString(1, a);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                object(json, rs);
            }
        }
        audit(c, exchange, "PERSON_READ", "PERSON", a, null);
        return json.toString();
    }

    static String cases(HttpExchange exchange, Connection c) throws SQLException {
        Map<String, String> q = query(exchange.getRequestURI());
        String office = q.get("fieldOffice");
        int page = Integer.parseInt(q.getOrDefault("page", "0"));
        int size = Integer.parseInt(q.getOrDefault("size", "50"));
        long total;
        try (PreparedStatement s = c.prepareStatement(CASE_COUNT)) {
            s.setString(1, office);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                total = rs.getLong(1);
            }
        }
        StringBuilder json = new StringBuilder("{\"page\":").append(page).append(",\"size\":").append(size)
                .append(",\"total\":").append(total).append(",\"items\":");
        int n;
        try (PreparedStatement s = c.prepareStatement(CASE_PAGE)) {
            s.setString(1, office);
            s.setInt(2, size);
            s.setLong(3, (long) page * size);
            try (ResultSet rs = s.executeQuery()) {
                n = array(json, rs);
            }
        }
        audit(c, exchange, "CASE_SEARCH", "SEARCH", office, "field office " + office + " page " + page + ": " + n
                + " of " + total + " cases");
        return json.append('}').toString();
    }

    static String family(HttpExchange exchange, Connection c) throws SQLException {
        String path = exchange.getRequestURI().getPath();
        long id = Long.parseLong(path.substring("/api/families/".length(), path.indexOf("/executability")));
        try (PreparedStatement s = c.prepareStatement(FAMILY_SUBJECT)) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
            }
        }
        audit(c, exchange, "EXECUTABILITY_READ", "FAMILY", String.valueOf(id), null);
        StringBuilder json = new StringBuilder("{\"familyId\":").append(id).append(",\"members\":");
        List<Long> people = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(FAMILY)) {
            for (int i = 1; i <= 4; i++) {
                s.setLong(i, id);
            }
            try (ResultSet rs = s.executeQuery()) {
                json.append('[');
                boolean first = true;
                while (rs.next()) {
                    people.add(rs.getLong("id"));
                    if (!first) {
                        json.append(',');
                    }
                    first = false;
                    object(json, rs);
                }
                json.append(']');
            }
        }
        if (people.isEmpty()) {
            return null;
        }
        try (PreparedStatement s = c.prepareStatement(CASE_SUMMARY)) {
            s.setLong(1, id);
            json.append(",\"lead\":");
            try (ResultSet rs = s.executeQuery()) {
                array(json, rs);
            }
        }
        Set<Long> cases = new LinkedHashSet<>();
        try (PreparedStatement s = c.prepareStatement(FACT_PEOPLE)) {
            s.setString(1, literal(people));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long idncase = rs.getLong(2);
                    if (!rs.wasNull()) {
                        cases.add(idncase);
                    }
                }
            }
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(DATA_AS_OF)) {
            rs.next();
            json.append(",\"dataAsOf\":").append(quote(String.valueOf(rs.getObject(1))));
        }
        String caseList = literal(cases);
        json.append(",\"facts\":[");
        for (String sql : FACTS) {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, caseList);
                try (ResultSet rs = s.executeQuery()) {
                    array(json, rs);
                }
            }
            json.append(',');
        }
        Map<Long, Long> leadOf = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement(RIDING)) {
            s.setString(1, caseList);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    leadOf.putIfAbsent(rs.getLong(1), rs.getLong(2));
                }
            }
        }
        String riders = literal(leadOf.keySet());
        String leads = literal(leadOf.values());
        for (String sql : LEAD_FACTS) {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, riders);
                s.setString(2, leads);
                try (ResultSet rs = s.executeQuery()) {
                    array(json, rs);
                }
            }
            json.append(',');
        }
        json.setLength(json.length() - 1);
        return json.append("]}").toString();
    }

    static void audit(Connection c, HttpExchange exchange, String action, String type, String id, String detail)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(AUDIT)) {
            s.setString(1, action);
            s.setString(2, type);
            s.setString(3, id);
            s.setString(4, exchange.getRequestHeaders().getFirst("X-Purpose"));
            s.setString(5, UUID.randomUUID().toString());
            s.setString(6, detail);
            s.executeUpdate();
        }
    }

    /** The rows as a JSON array of objects; returns how many. */
    static int array(StringBuilder json, ResultSet rs) throws SQLException {
        json.append('[');
        int n = 0;
        while (rs.next()) {
            if (n++ > 0) {
                json.append(',');
            }
            object(json, rs);
        }
        json.append(']');
        return n;
    }

    /** The current row as a JSON object: numbers and booleans as they are, everything else as a string. */
    static void object(StringBuilder json, ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        json.append('{');
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            if (i > 1) {
                json.append(',');
            }
            json.append(quote(meta.getColumnLabel(i))).append(':');
            Object value = rs.getObject(i);
            if (value == null) {
                json.append("null");
            } else if (value instanceof Number || value instanceof Boolean) {
                json.append(value);
            } else {
                json.append(quote(value.toString()));
            }
        }
        json.append('}');
    }

    static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (ch < 0x20) {
                        out.append(String.format("\\u%04x", (int) ch));
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    static String literal(Iterable<Long> ids) {
        StringBuilder out = new StringBuilder("{");
        for (Long id : ids) {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append(id);
        }
        return out.append('}').toString();
    }

    static String last(URI uri) {
        String path = uri.getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> out = new HashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    out.put(pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1),
                            StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }
}
