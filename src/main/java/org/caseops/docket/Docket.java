package org.caseops.docket;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.caseops.access.Access;
import org.caseops.docket.DocketViews.Address;
import org.caseops.docket.DocketViews.CaseFilter;
import org.caseops.docket.DocketViews.CaseSummary;
import org.caseops.docket.DocketViews.Event;
import org.caseops.docket.DocketViews.Family;
import org.caseops.docket.DocketViews.FamilyMember;
import org.caseops.docket.DocketViews.Page;
import org.caseops.docket.DocketViews.Person;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reads the docket: people, families (ages as of a date), cases, and the case timeline. */
@Service
public class Docket {

    /** Minor = under 18 on the date in question; never stored. */
    public static final int AGE_OF_MAJORITY = 18;

    private static final String CASE_COLUMNS = """
            s.idncase, p.a_number, s.nat, s.lang, s.case_type, s.order_type, s.absentia, s.comp_date, s.dec_code,
            s.hearing_loc_code, hl.name as hearing_name, s.field_office_code, s.family_id, s.represented,
            c.e28_date, c.atty_nbr""";
    /** The case index {@code s} with what a case summary shows beside it (respondent, court name, counsel). */
    private static final String CASE_FROM = " from case_index s join eoir_case c on c.idncase = s.idncase"
            + " left join person p on p.idncase = s.idncase left join hearing_location hl on hl.code = s.hearing_loc_code";

    /**
     * The person's own case beside the person's columns ({@code p}, {@code s}, {@code c}, {@code hl} as in
     * {@link #person}), each prefixed {@code c_}; {@code c_case} is null when the case has no EOIR record.
     */
    private static final String PERSON_CASE_COLUMNS = """
            s.idncase as c_idncase, p.a_number as c_a_number, s.nat as c_nat, s.lang as c_lang,
            s.case_type as c_case_type, s.order_type as c_order_type, s.absentia as c_absentia,
            s.comp_date as c_comp_date, s.dec_code as c_dec_code, s.hearing_loc_code as c_hearing_loc_code,
            hl.name as c_hearing_name, s.field_office_code as c_field_office_code, s.family_id as c_family_id,
            s.represented as c_represented, c.e28_date as c_e28_date, c.atty_nbr as c_atty_nbr,
            c.idncase as c_case""";

    private final JdbcClient jdbc;

    Docket(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An A-number as 9 digits, from {@code 123456789}, {@code A123456789} or {@code A-123-456-789}. */
    public static String aNumber(String raw) {
        String digits = raw == null ? "" : raw.trim().replaceFirst("^[Aa]-?", "").replace("-", "");
        if (!digits.matches("[0-9]{9}")) {
            throw new org.caseops.system.BadInput("aNumber",
                    "an A-number has 9 digits (A-123-456-789 or 123456789), not '" + raw + "'");
        }
        return digits;
    }

    public static int age(LocalDate birth, LocalDate asOf) {
        return Period.between(birth, asOf).getYears();
    }

    public static boolean minor(LocalDate birth, LocalDate asOf) {
        return age(birth, asOf) < AGE_OF_MAJORITY;
    }

    /**
     * The person with their own case's summary, in one query: the row mapper never queries (a query inside a row
     * mapper holds one pooled connection while asking for another, which exhausts the pool under load).
     */
    public Optional<Person> person(String aNumber, LocalDate asOf) {
        return jdbc.sql("select p.*, m.family_id, m.role, " + PERSON_CASE_COLUMNS + """
                 from person p join family_member m on m.person_id = p.id
                left join case_index s on s.idncase = p.idncase
                left join eoir_case c on c.idncase = s.idncase
                left join hearing_location hl on hl.code = s.hearing_loc_code
                where p.a_number = ?""").param(aNumber).query((rs, n) -> person(rs, asOf)).optional();
    }

    /** A person as the person endpoint reads them: the person, their access subject, their case record's birth. */
    public record PersonRecord(Person person, Access.Subject subject, BirthDate courtRecordBirth) {
    }

    /**
     * The person, the field office that decides who may see them ({@link #personSubject}) and the birth date their
     * case's court record gives ({@link CourtRecordBirths}), in one query: the person endpoint's one read (issue 12).
     */
    public Optional<PersonRecord> personRecord(String aNumber, LocalDate asOf) {
        return jdbc.sql("select p.*, m.family_id, m.role, fam.field_office_code as subject_field_office, "
                + "c.birth_year as c_birth_year, c.birth_month as c_birth_month, c.birth_date as c_birth_date, "
                + "c.birth_precision as c_birth_precision, " + PERSON_CASE_COLUMNS + """
                 from person p join family_member m on m.person_id = p.id
                left join case_index s on s.idncase = p.idncase
                left join eoir_case c on c.idncase = s.idncase
                left join hearing_location hl on hl.code = s.hearing_loc_code
                left join case_index fam on fam.idncase = m.family_id
                where p.a_number = ?""").param(aNumber).query((rs, n) -> {
                    Person person = person(rs, asOf);
                    BirthDate birth = person.removalCase() == null ? null : BirthDate.fromColumns(
                            rs.getObject("c_birth_year", Integer.class), rs.getObject("c_birth_month", Integer.class),
                            rs.getObject("c_birth_date", LocalDate.class), rs.getString("c_birth_precision"));
                    return new PersonRecord(person,
                            new Access.Subject("PERSON", aNumber, rs.getString("subject_field_office")), birth);
                }).optional();
    }

    /**
     * The person as an access subject: their A-number and the field office of their family (the lead case's), which
     * decides who may see them. Empty when there is no such person.
     */
    public Optional<Access.Subject> personSubject(String aNumber) {
        return jdbc.sql("""
                select ci.field_office_code from person p join family_member m on m.person_id = p.id
                left join case_index ci on ci.idncase = m.family_id where p.a_number = ?""").param(aNumber)
                .query((rs, n) -> new Access.Subject("PERSON", aNumber, rs.getString(1))).optional();
    }

    /** The family (by its lead case) as an access subject, with the lead case's field office. */
    public Optional<Access.Subject> familySubject(long familyId) {
        return jdbc.sql("""
                select field_office_code from case_index where idncase = ? and family_id = idncase""")
                .param(familyId)
                .query((rs, n) -> new Access.Subject("FAMILY", String.valueOf(familyId), rs.getString(1)))
                .optional();
    }

    /** A case (by IDNCASE) as an access subject, with its family's field office. */
    public Optional<Access.Subject> caseSubject(long idncase) {
        return jdbc.sql("""
                select ci.field_office_code from case_index own join case_index ci on ci.idncase = own.family_id
                where own.idncase = ?""").param(idncase)
                .query((rs, n) -> new Access.Subject("CASE", String.valueOf(idncase), rs.getString(1))).optional();
    }

    /**
     * How other features name a person they hold by internal id: the A-number, or — for a household member who has
     * none (a U.S.-citizen child) — the family (its lead case) and the person's name. Internal ids are never shown
     * as a reference: nobody can open them.
     */
    public record PersonReference(long personId, String aNumber, long familyId, String name) {

        /** Whether the person has an A-number of their own, by which anyone may open their record. */
        public boolean hasANumber() {
            return aNumber != null;
        }
    }

    /** The person's public reference (A-number, or family and name); empty when there is no such person. */
    public Optional<PersonReference> reference(long personId) {
        return jdbc.sql("""
                select p.id, p.a_number, m.family_id, p.given_name || ' ' || p.family_name
                from person p join family_member m on m.person_id = p.id where p.id = ?""").param(personId)
                .query((rs, n) -> new PersonReference(rs.getLong(1), rs.getString(2), rs.getLong(3),
                        rs.getString(4))).optional();
    }

    /**
     * Which families to select by their lead case; {@code null} fields do not filter. {@code counselBeforeOrder}:
     * counsel's appearance (EOIR-28) recorded before the order.
     */
    public record FamilyFilter(List<String> fieldOffices, Boolean inAbsentiaOnly, LocalDate orderedFrom,
            LocalDate orderedTo, List<String> nationalities, Boolean represented, Boolean counselBeforeOrder,
            Integer limit) {
    }

    /**
     * The lead cases of the field offices' families whose latest order can ever be executed: a removal order, or
     * voluntary departure, whose alternate order of removal takes effect on overstay (8 CFR 1240.26, 1241.1(f)).
     * Whether it is executable on a date is the legal gate's question: nothing here is left out for what its order
     * looks like. In IDNCASE order, at most {@code limit}.
     */
    public List<Long> familiesWithAnOrder(FamilyFilter filter) {
        StringBuilder sql = new StringBuilder("""
                select idncase from case_index where idncase = family_id and field_office_code = any (?::text[])
                  and order_type in ('REMOVAL_ORDERED', 'VOLUNTARY_DEPARTURE')""");
        List<Object> params = new ArrayList<>();
        params.add("{" + String.join(",", filter.fieldOffices()) + "}");
        if (Boolean.TRUE.equals(filter.inAbsentiaOnly())) {
            sql.append(" and absentia");
        }
        if (filter.orderedFrom() != null) {
            sql.append(" and comp_date >= ?");
            params.add(filter.orderedFrom());
        }
        if (filter.orderedTo() != null) {
            sql.append(" and comp_date <= ?");
            params.add(filter.orderedTo());
        }
        if (filter.represented() != null) {
            sql.append(filter.represented() ? " and represented" : " and not represented");
        }
        if (Boolean.TRUE.equals(filter.counselBeforeOrder())) {
            sql.append(" and exists (select 1 from eoir_case c where c.idncase = case_index.idncase "
                    + "and c.e28_date < case_index.comp_date)");
        }
        if (filter.nationalities() != null && !filter.nationalities().isEmpty()) {
            sql.append(" and nat = any (?::text[])");
            params.add("{" + String.join(",", filter.nationalities()) + "}");
        }
        sql.append(" order by idncase");
        if (filter.limit() != null) {
            sql.append(" limit ").append(Math.max(1, filter.limit()));
        }
        return jdbc.sql(sql.toString()).params(params).query(Long.class).list();
    }

    /**
     * The family (by its lead case) a person belongs to, as the docket derives it from lead/rider and household
     * records; empty when there is no such person. For features that hold a person by internal id.
     */
    public Optional<Long> familyOf(long personId) {
        return jdbc.sql("select family_id from family_member where person_id = ?").param(personId)
                .query(Long.class).optional();
    }

    /** {@link #familyOf(long)} for several people in one query; people who do not exist are absent. */
    public Map<Long, Long> familiesOf(Collection<Long> personIds) {
        Map<Long, Long> out = new java.util.HashMap<>();
        if (!personIds.isEmpty()) {
            jdbc.sql("select person_id, family_id from family_member where person_id = any (?)")
                    .param(personIds.toArray(Long[]::new)).query(rs -> {
                        out.put(rs.getLong(1), rs.getLong(2));
                    });
        }
        return out;
    }

    /** A person's internal id, own case (if any) and family, by A-number: how other features refer to them. */
    public record PersonKeys(long personId, Long idncase, long familyId) {
    }

    /** The person's internal id, own case and family; empty when no person has this A-number. */
    public Optional<PersonKeys> keys(String aNumber) {
        return jdbc.sql("""
                select p.id, p.idncase, m.family_id from person p join family_member m on m.person_id = p.id
                where p.a_number = ?""").param(aNumber)
                .query((rs, n) -> new PersonKeys(rs.getLong(1), rs.getObject(2, Long.class), rs.getLong(3)))
                .optional();
    }

    /**
     * Of the families given (by lead case), the members with a case of their own — the lead and its active riders
     * (the case index's lead/rider rule), by internal id; a family with no such member is absent.
     */
    public Map<Long, List<Long>> membersWithACase(Collection<Long> familyIds) {
        Map<Long, List<Long>> out = new java.util.HashMap<>();
        if (familyIds.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                select ci.family_id, p.id from case_index ci join person p on p.idncase = ci.idncase
                where ci.family_id = any (?)""").param(familyIds.toArray(Long[]::new))
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2))).list()
                .forEach(e -> out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return out;
    }

    /** The people of a family (its cases' people and its household members), by internal id, in id order. */
    public List<Long> memberIds(long familyId) {
        return jdbc.sql("select person_id from family_member where family_id = ? order by person_id")
                .param(familyId).query(Long.class).list();
    }

    /** The IDNCASE of the person's own case, if they have one. */
    public Optional<Long> caseOf(String aNumber) {
        return jdbc.sql("select idncase from person where a_number = ? and idncase is not null").param(aNumber)
                .query(Long.class).optional();
    }

    private Person person(ResultSet rs, LocalDate asOf) throws SQLException {
        LocalDate birth = rs.getObject("birth_date", LocalDate.class);
        rs.getLong("c_idncase");
        boolean hasCase = !rs.wasNull();
        rs.getLong("c_case");
        CaseSummary removalCase = hasCase && !rs.wasNull() ? caseSummary(rs, "c_") : null;
        return new Person(rs.getLong("id"), rs.getString("a_number"), rs.getString("given_name"),
                rs.getString("family_name"), birth, age(birth, asOf), minor(birth, asOf), rs.getString("sex"),
                rs.getString("nationality"), rs.getString("language"), rs.getBoolean("us_citizen"),
                rs.getBoolean("lpr"), rs.getBoolean("citizenship_claim_open"), rs.getString("relationship"),
                rs.getString("role"), rs.getLong("family_id"),
                new Address(rs.getString("address_line"), rs.getString("city"), rs.getString("state"),
                        rs.getString("zip"), rs.getObject("address_as_of", LocalDate.class)),
                removalCase);
    }

    public Optional<CaseSummary> caseSummary(long idncase) {
        return jdbc.sql("select " + CASE_COLUMNS + CASE_FROM + " where s.idncase = ?")
                .param(idncase).query(Docket::caseSummary).optional();
    }

    private static CaseSummary caseSummary(ResultSet rs, int n) throws SQLException {
        return caseSummary(rs, "");
    }

    /** A case summary from columns named as in {@link #CASE_COLUMNS}, each with {@code prefix}. */
    private static CaseSummary caseSummary(ResultSet rs, String prefix) throws SQLException {
        return new CaseSummary(rs.getLong(prefix + "idncase"), rs.getString(prefix + "a_number"),
                rs.getString(prefix + "nat"), rs.getString(prefix + "lang"), rs.getString(prefix + "case_type"),
                rs.getString(prefix + "order_type"), rs.getBoolean(prefix + "absentia"),
                rs.getObject(prefix + "comp_date", LocalDate.class), rs.getString(prefix + "dec_code"),
                rs.getString(prefix + "hearing_loc_code"), rs.getString(prefix + "hearing_name"),
                rs.getString(prefix + "field_office_code"), rs.getLong(prefix + "family_id"),
                rs.getBoolean(prefix + "represented"), rs.getObject(prefix + "e28_date", LocalDate.class),
                rs.getObject(prefix + "atty_nbr", Integer.class));
    }

    public Optional<Family> family(long familyId, LocalDate asOf) {
        List<FamilyMember> members = familyMembers(List.of(familyId), asOf).getOrDefault(familyId, List.of());
        if (members.isEmpty()) {
            return Optional.empty();
        }
        String fieldOffice = caseSummary(familyId).map(CaseSummary::fieldOffice).orElse(null);
        int minors = (int) members.stream().filter(FamilyMember::minor).count();
        return Optional.of(new Family(familyId, asOf, fieldOffice, members.size(), minors, members));
    }

    /**
     * The people of several families (by lead case) in one query, each family's in {@link #family}'s order; a family
     * with nobody is absent. The members are found through indexes (the lead's case, its active riders, its
     * household), not by filtering the family_member view, which would compute every person's family on a large
     * docket.
     */
    public Map<Long, List<FamilyMember>> familyMembers(Collection<Long> familyIds, LocalDate asOf) {
        Map<Long, List<FamilyMember>> out = new java.util.LinkedHashMap<>();
        if (familyIds.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                with member_ids as (
                    select id, idncase as family from person
                    where idncase = any (:families) and lead_of(idncase) is null
                    union select id, household_of from person where household_of = any (:families)
                    union select p.id, r.lead_case from lead_rider r join person p on p.idncase = r.rider_case
                          where r.lead_case = any (:families) and r.active and r.severed_on is null
                            and lead_of(r.rider_case) = r.lead_case)
                select i.family as member_of, p.*, m.role, s.order_type, s.absentia, s.field_office_code
                from member_ids i join person p on p.id = i.id
                join family_member m on m.person_id = p.id
                left join case_index s on s.idncase = p.idncase
                order by i.family, case m.role when 'LEAD' then 0 when 'RIDER' then 1 else 2 end, p.birth_date,
                         p.id""")
                .param("families", familyIds.toArray(Long[]::new)).query(rs -> {
                    LocalDate birth = rs.getObject("birth_date", LocalDate.class);
                    Long idncase = rs.getObject("idncase", Long.class);
                    out.computeIfAbsent(rs.getLong("member_of"), k -> new ArrayList<>()).add(new FamilyMember(
                            rs.getLong("id"), rs.getString("a_number"), rs.getString("given_name"),
                            rs.getString("family_name"), birth, age(birth, asOf), minor(birth, asOf),
                            rs.getString("relationship"), rs.getString("role"), rs.getBoolean("us_citizen"),
                            rs.getBoolean("lpr"), rs.getBoolean("citizenship_claim_open"), idncase,
                            idncase == null ? "NOT_SUBJECT_TO_REMOVAL" : rs.getString("order_type"),
                            rs.getBoolean("absentia")));
                });
        return out;
    }

    public Page<CaseSummary> cases(CaseFilter filter, int page, int size) {
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        condition(where, params, "s.field_office_code = ?", filter.fieldOffice());
        condition(where, params, "s.hearing_loc_code = ?", filter.hearingLocation());
        condition(where, params, "s.order_type = ?", filter.orderType());
        condition(where, params, "s.absentia = ?", filter.inAbsentia());
        condition(where, params, "s.nat = ?", filter.nationality());
        condition(where, params, "s.family_id = ?", filter.family());
        condition(where, params, "s.represented = ?", filter.represented());
        String clause = where.isEmpty() ? "" : " where " + String.join(" and ", where);
        long total = jdbc.sql("select count(*) from case_index s" + clause).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) page * size);
        // The page's cases first, from the case index alone (an index-only scan for a field office), then the
        // columns of those cases only: with the offset on top of the joins, every case the offset skips was joined
        // with its case record and person, seconds at page 1,000 of a national docket (issue 12). The same cases:
        // every case_index row is made from a case record (the case_summary view) and case records are never
        // deleted, so the inner join with eoir_case drops none of them.
        String pageOfCases = "select s.idncase from case_index s" + clause + " order by s.idncase limit ? offset ?";
        List<CaseSummary> items = jdbc.sql("select " + CASE_COLUMNS + " from (" + pageOfCases + ") pg"
                + CASE_FROM.replaceFirst("^ from case_index s", " join case_index s on s.idncase = pg.idncase")
                + " order by s.idncase")
                .params(pageParams).query(Docket::caseSummary).list();
        return new Page<>(page, size, total, items);
    }

    private static void condition(List<String> where, List<Object> params, String sql, Object value) {
        if (value != null) {
            where.add(sql);
            params.add(value);
        }
    }

    /** A person found by a search: who, their family and its field office, their own order (null: no case). */
    public record PersonHit(String aNumber, String givenName, String familyName, LocalDate birthDate, int age,
            boolean minor, long familyId, Long idncase, String fieldOffice, String orderType, boolean usCitizen) {
    }

    /** The orders a person search may be sorted by, by key. */
    public static final java.util.Map<String, String> PERSON_SORTS = java.util.Map.of(
            "name", "lower(p.family_name), lower(p.given_name), p.id",
            "born", "p.birth_date, p.id",
            "aNumber", "p.a_number nulls last, p.id",
            "family", "m.family_id, p.id");

    /** Letters with accents as their plain letter, for a search that ignores accents and case. */
    private static final String ACCENTED = "áàâäãåéèêëíìîïóòôöõúùûüñçý";
    private static final String PLAIN = "aaaaaaeeeeiiiiooooouuuuncy";

    /**
     * People whose given and family name contain every word of {@code name} (any case, any accent), born on
     * {@code born}, or of family {@code familyId} — each criterion optional, at least one given — in the family field
     * office {@code office} ({@code null}: all). Ages as of {@code asOf}. The caller checks who may search where and
     * audits the search ({@code Access.searchScope}, {@code Access.searched}).
     *
     * @param sort a key of {@link #PERSON_SORTS}
     */
    public Page<PersonHit> searchPeople(String office, String name, LocalDate born, Long familyId, String sort,
            boolean descending, int page, int size, LocalDate asOf) {
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (name != null) {
            for (String word : name.trim().toLowerCase(java.util.Locale.ROOT).split("\\s+")) {
                where.add("translate(lower(p.given_name || ' ' || p.family_name), ?, ?) like ? escape '\\'");
                params.add(ACCENTED);
                params.add(PLAIN);
                params.add("%" + plain(word).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            }
        }
        condition(where, params, "p.birth_date = ?", born);
        condition(where, params, "m.family_id = ?", familyId);
        condition(where, params, "ci.field_office_code = ?", office);
        if (where.isEmpty()) {
            throw new org.caseops.system.BadInput("q", "say what to search for: a name, a birth date or a family");
        }
        String order = PERSON_SORTS.get(sort);
        if (order == null) {
            throw new org.caseops.system.BadInput("sort", "'" + sort + "' is not a sort of people: "
                    + PERSON_SORTS.keySet());
        }
        if (descending) {
            order = java.util.Arrays.stream(order.split(", ")).map(o -> o.replace(" nulls last", "") + " desc")
                    .collect(java.util.stream.Collectors.joining(", "));
        }
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) page * size);
        List<long[]> total = new ArrayList<>();
        List<PersonHit> items = jdbc.sql("""
                select p.a_number, p.given_name, p.family_name, p.birth_date, m.family_id, p.idncase,
                       ci.field_office_code, own.order_type, p.us_citizen, count(*) over () as total
                from person p join family_member m on m.person_id = p.id
                left join case_index ci on ci.idncase = m.family_id
                left join case_index own on own.idncase = p.idncase
                """ + " where " + String.join(" and ", where) + " order by " + order + " limit ? offset ?")
                .params(pageParams).query((rs, n) -> {
                    if (total.isEmpty()) {
                        total.add(new long[] {rs.getLong("total")});
                    }
                    LocalDate birth = rs.getObject("birth_date", LocalDate.class);
                    return new PersonHit(rs.getString("a_number"), rs.getString("given_name"),
                            rs.getString("family_name"), birth, age(birth, asOf), minor(birth, asOf),
                            rs.getLong("family_id"), rs.getObject("idncase", Long.class),
                            rs.getString("field_office_code"), rs.getString("order_type"),
                            rs.getBoolean("us_citizen"));
                }).list();
        long count = total.isEmpty() ? (page == 0 ? 0 : countPeople(where, params)) : total.get(0)[0];
        return new Page<>(page, size, count, items);
    }

    private long countPeople(List<String> where, List<Object> params) {
        return jdbc.sql("""
                select count(*) from person p join family_member m on m.person_id = p.id
                left join case_index ci on ci.idncase = m.family_id""" + " where " + String.join(" and ", where))
                .params(params).query(Long.class).single();
    }

    private static String plain(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            int i = ACCENTED.indexOf(c);
            out.append(i < 0 ? c : PLAIN.charAt(i));
        }
        return out.toString();
    }

    /** The A-number of the person whose own case this is, if any. */
    public Optional<String> aNumberOfCase(long idncase) {
        return jdbc.sql("select a_number from person where idncase = ? and a_number is not null").param(idncase)
                .query(String.class).optional();
    }

    /** The person whose own case it is: internal id and A-number. */
    public record CasePerson(long idncase, long personId, String aNumber) {
    }

    /** {@link #aNumberOfCase} for many cases in one query, by IDNCASE; a case with no person is absent. */
    public Map<Long, CasePerson> peopleOfCases(Collection<Long> idncases) {
        Map<Long, CasePerson> out = new java.util.LinkedHashMap<>();
        if (idncases.isEmpty()) {
            return out;
        }
        jdbc.sql("select idncase, id, a_number from person where idncase = any (?) and a_number is not null "
                + "order by idncase, id").param(idncases.toArray(Long[]::new))
                .query(rs -> {
                    out.putIfAbsent(rs.getLong(1), new CasePerson(rs.getLong(1), rs.getLong(2), rs.getString(3)));
                });
        return out;
    }

    /** The person's timeline: events about them and about their case, oldest first. */
    public List<Event> timeline(long personId, Long idncase) {
        return jdbc.sql("""
                select id, occurred_at, kind, actor, idncase, person_id, import_id, summary, before::text, after::text
                from case_timeline where person_id = ? or idncase = ? order by seq, sub""")
                .params(personId, idncase)
                .query((rs, n) -> new Event(rs.getObject("id", Long.class), rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("kind"), rs.getString("actor"), rs.getObject("idncase", Long.class),
                        rs.getObject("person_id", Long.class), rs.getObject("import_id", Long.class),
                        rs.getString("summary"), rs.getString("before"), rs.getString("after")))
                .list();
    }
}
