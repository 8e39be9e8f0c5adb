package org.caseops.worksite;

import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.caseops.access.Access;
import org.caseops.access.Actor;
import org.caseops.access.Role;
import org.caseops.system.BadInput;
import org.caseops.system.Conflict;
import org.caseops.system.Forbidden;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Employers, their sites and their history (docs/worksite.md). An employer is seen by the field offices of its sites
 * (and by counsel and oversight); it is changed from one of them. Every change writes its worksite event and audit
 * entry in its transaction.
 */
@Service
public class Employers {

    private static final Pattern EIN = Pattern.compile("[0-9]{2}-[0-9]{7}");
    private static final Pattern NAICS = Pattern.compile("[0-9]{2,6}");
    private static final Pattern STATE = Pattern.compile("[A-Z]{2}");

    public record Employer(long id, String name, String ein, String naics, int employees, String size,
            List<String> fieldOffices, int version) {
    }

    public record Site(long id, long employerId, String name, String address, String city, String state,
            String fieldOffice, Integer workers) {
    }

    public record HistoryEntry(long id, LocalDate occurredOn, String kind, String summary, BigDecimal amount,
            String recordedBy) {
    }

    record Detail(Employer employer, List<Site> sites, List<HistoryEntry> history) {
    }

    record NewSite(String name, String address, String city, String state, String fieldOffice, Integer workers) {
    }

    record NewEmployer(String name, String ein, String naics, @NotNull Integer employees, NewSite site) {
    }

    record NewHistory(@NotNull LocalDate occurredOn, String kind, String summary, BigDecimal amount) {
    }

    static final List<String> HISTORY_KINDS = List.of("INSPECTION", "NOTICE", "FINE", "SETTLEMENT", "FINAL_ORDER",
            "CRIMINAL_CASE", "OTHER");

    private final JdbcClient jdbc;
    private final Access access;
    private final WorksiteLog log;

    Employers(JdbcClient jdbc, Access access, WorksiteLog log) {
        this.jdbc = jdbc;
        this.access = access;
        this.log = log;
    }

    /** The size class of an employer by its employees (SBA-style bands; the first statutory factor's input). */
    static String sizeOf(int employees) {
        return employees < 50 ? "SMALL" : employees < 500 ? "MEDIUM" : "LARGE";
    }

    private static final String COLUMNS = """
            e.id, e.name, e.ein, e.naics, e.employees, e.version,
            coalesce((select array_agg(distinct s.field_office_code order by s.field_office_code)
                      from employer_site s where s.employer_id = e.id), '{}')""";

    private static Employer row(ResultSet rs, int n) throws SQLException {
        int employees = rs.getInt(5);
        return new Employer(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), employees,
                sizeOf(employees), List.of((String[]) rs.getArray(7).getArray()), rs.getInt(6));
    }

    private static Site siteRow(ResultSet rs, int n) throws SQLException {
        return new Site(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), (Integer) rs.getObject(8));
    }

    private static final String SITE_COLUMNS = "id, employer_id, name, address, city, state, field_office_code, workers";

    /** Employers the actor may see: of their field office (counsel, oversight: all); filtered by office. */
    List<Employer> visible(String office) {
        Actor actor = access.actor();
        String scope = actor.is(Role.ATTORNEY, Role.AUDITOR) ? office : actor.fieldOffice();
        if (office != null && scope != null && !office.equalsIgnoreCase(scope)) {
            throw new Forbidden(actor.username() + " sees the employers of " + actor.fieldOffice() + " only");
        }
        if (scope == null) {
            return jdbc.sql("select " + COLUMNS + " from employer e order by e.name, e.id").query(Employers::row)
                    .list();
        }
        return jdbc.sql("select " + COLUMNS + """
                 from employer e where exists (select 1 from employer_site s where s.employer_id = e.id
                                               and s.field_office_code = ?) order by e.name, e.id""")
                .param(scope.toUpperCase(Locale.ROOT)).query(Employers::row).list();
    }

    /** The employer, if the actor may see it; one they may not see answers as one that does not exist (404). */
    Employer visible(long id) {
        Employer employer = jdbc.sql("select " + COLUMNS + " from employer e where e.id = ?").param(id)
                .query(Employers::row).optional()
                .orElseThrow(() -> new org.caseops.system.NotFound("no employer " + id));
        Actor actor = access.actor();
        if (!actor.is(Role.ATTORNEY, Role.AUDITOR) && !employer.fieldOffices().contains(actor.fieldOffice())) {
            throw access.hidden(new Access.Subject("EMPLOYER", String.valueOf(id), null),
                    "employer refused: " + actor.role() + " of " + actor.fieldOffice() + " and an employer of "
                            + employer.fieldOffices(), "no employer " + id);
        }
        return employer;
    }

    /** A change to the employer from one of its field offices (counsel: any). */
    Employer changeable(long id, Integer version) {
        Employer employer = visible(id);
        Actor actor = access.actor();
        if (!actor.is(Role.ATTORNEY) && !employer.fieldOffices().contains(actor.fieldOffice())) {
            throw new Forbidden(actor.username() + " may not change employer " + id);
        }
        if (version != null && version != employer.version()) {
            throw new Conflict("employer " + id + " is at version " + employer.version() + ", not " + version
                    + ": it was changed meanwhile; reload it and try again");
        }
        return employer;
    }

    Detail detail(long id) {
        Employer employer = visible(id);
        return new Detail(employer, sites(id), history(id));
    }

    public List<Site> sites(long employerId) {
        return jdbc.sql("select " + SITE_COLUMNS + " from employer_site where employer_id = ? order by id")
                .param(employerId).query(Employers::siteRow).list();
    }

    /** A site to choose in a form: its id and "employer — site (city, state)". */
    record SiteChoice(long id, String label) {
    }

    /** The sites a field office works, with their employer's name, in one query (the pages' site lists). */
    List<SiteChoice> sitesIn(String office) {
        return jdbc.sql("""
                select s.id, e.name || ' — ' || s.name || ' (' || s.city || ', ' || s.state || ')'
                from employer_site s join employer e on e.id = s.employer_id
                where s.field_office_code = ? order by e.name, s.name, s.id""").param(office)
                .query((rs, n) -> new SiteChoice(rs.getLong(1), rs.getString(2))).list();
    }

    public java.util.Optional<Site> site(long siteId) {
        return jdbc.sql("select " + SITE_COLUMNS + " from employer_site where id = ?").param(siteId)
                .query(Employers::siteRow).optional();
    }

    List<HistoryEntry> history(long employerId) {
        return jdbc.sql("""
                select id, occurred_on, kind, summary, amount, recorded_by from employer_history
                where employer_id = ? order by occurred_on, id""").param(employerId)
                .query((rs, n) -> new HistoryEntry(rs.getLong(1), rs.getObject(2, LocalDate.class),
                        rs.getString(3), rs.getString(4), rs.getBigDecimal(5), rs.getString(6))).list();
    }

    List<WorksiteLog.Event> events(long id) {
        visible(id);
        return log.events("EMPLOYER", id);
    }

    @Transactional
    Detail create(NewEmployer request) {
        if (request.name() == null || request.name().isBlank()) {
            throw new BadInput("name", "an employer has a name");
        }
        if (request.ein() == null || !EIN.matcher(request.ein().trim()).matches()) {
            throw new BadInput("ein", "an EIN is two digits, a hyphen and seven digits (12-3456789)");
        }
        if (request.naics() == null || !NAICS.matcher(request.naics().trim()).matches()) {
            throw new BadInput("naics", "a NAICS industry code is 2 to 6 digits (e.g. 311615, poultry processing)");
        }
        if (request.employees() == null || request.employees() < 0) {
            throw new BadInput("employees", "the number of employees is required, 0 or more");
        }
        if (request.site() == null) {
            throw new BadInput("site", "an employer is recorded with its first site (the site decides the field "
                    + "office that works it)");
        }
        NewSite site = checkSite(request.site(), "site.");
        requireOwnOffice(site.fieldOffice());
        String ein = request.ein().trim();
        if (jdbc.sql("select exists (select 1 from employer where ein = ?)").param(ein).query(Boolean.class)
                .single()) {
            throw new Conflict("an employer with EIN " + ein + " is recorded already");
        }
        long id = jdbc.sql("""
                insert into employer (name, ein, naics, employees, created_by) values (?, ?, ?, ?, ?)
                on conflict (ein) do nothing returning id""")
                .params(request.name().trim(), ein, request.naics().trim(), request.employees(),
                        access.actor().username())
                .query(Long.class).optional()
                .orElseThrow(() -> new Conflict("an employer with EIN " + ein + " is recorded already"));
        long siteId = insertSite(id, site);
        log.event("EMPLOYER", id, site.fieldOffice(), "CREATED", "employer " + request.name().trim() + " (EIN "
                + ein + ", NAICS " + request.naics().trim() + ", " + request.employees() + " employees), site "
                + siteId + " in " + site.fieldOffice());
        return new Detail(visible(id), sites(id), history(id));
    }

    @Transactional
    Site addSite(long employerId, NewSite request, Integer version) {
        if (request == null) {
            throw new BadInput("name", "a site has a name, an address and a field office");
        }
        NewSite site = checkSite(request, "");
        Employer employer = changeable(employerId, version);
        requireOwnOffice(site.fieldOffice());
        bump(employer);
        long siteId = insertSite(employerId, site);
        log.event("EMPLOYER", employerId, site.fieldOffice(), "SITE_ADDED", "site " + siteId + " " + site.name()
                + ", " + site.city() + " " + site.state() + " (" + site.fieldOffice() + ")");
        return site(siteId).orElseThrow();
    }

    @Transactional
    HistoryEntry addHistory(long employerId, NewHistory request) {
        Employer employer = changeable(employerId, null);
        if (request == null || request.occurredOn() == null) {
            throw new BadInput("occurredOn", "the date it happened is required (yyyy-MM-dd)");
        }
        String kind = request.kind() == null ? null : request.kind().trim().toUpperCase(Locale.ROOT);
        if (kind == null || !HISTORY_KINDS.contains(kind)) {
            throw new BadInput("kind", "the kind is one of " + HISTORY_KINDS);
        }
        if (request.summary() == null || request.summary().isBlank()) {
            throw new BadInput("summary", "say what happened");
        }
        if (request.amount() != null && request.amount().signum() < 0) {
            throw new BadInput("amount", "an amount is 0 or more");
        }
        HistoryEntry entry = recordHistory(employer, request.occurredOn(), kind, request.summary().trim(),
                request.amount());
        log.event("EMPLOYER", employerId, null, "HISTORY_RECORDED", kind + " on " + request.occurredOn() + ": "
                + request.summary().trim());
        return entry;
    }

    /** Adds a history entry (inspections, fines, settlements recorded by the inspection itself as well). */
    HistoryEntry recordHistory(Employer employer, LocalDate on, String kind, String summary, BigDecimal amount) {
        long id = jdbc.sql("""
                insert into employer_history (employer_id, occurred_on, kind, summary, amount, recorded_by)
                values (?, ?, ?, ?, ?, ?) returning id""")
                .params(employer.id(), on, kind, summary, amount, access.actor().username()).query(Long.class)
                .single();
        return history(employer.id()).stream().filter(h -> h.id() == id).findFirst().orElseThrow();
    }

    private void bump(Employer employer) {
        if (jdbc.sql("update employer set version = version + 1 where id = ? and version = ?")
                .params(employer.id(), employer.version()).update() == 0) {
            throw new Conflict("employer " + employer.id() + " was changed meanwhile; reload it and try again");
        }
    }

    private long insertSite(long employerId, NewSite site) {
        return jdbc.sql("""
                insert into employer_site (employer_id, name, address, city, state, field_office_code, workers)
                values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(employerId, site.name(), site.address(), site.city(), site.state(), site.fieldOffice(),
                        site.workers()).query(Long.class).single();
    }

    private void requireOwnOffice(String office) {
        Actor actor = access.actor();
        if (!actor.is(Role.ATTORNEY) && !office.equals(actor.fieldOffice())) {
            throw new Forbidden("a site is recorded by its own field office; " + actor.username() + " is in "
                    + actor.fieldOffice());
        }
    }

    private NewSite checkSite(NewSite s, String prefix) {
        if (s.name() == null || s.name().isBlank()) {
            throw new BadInput(prefix + "name", "a site has a name");
        }
        if (s.address() == null || s.address().isBlank()) {
            throw new BadInput(prefix + "address", "a site has a street address");
        }
        if (s.city() == null || s.city().isBlank()) {
            throw new BadInput(prefix + "city", "a site has a city");
        }
        String state = s.state() == null ? "" : s.state().trim().toUpperCase(Locale.ROOT);
        if (!STATE.matcher(state).matches()) {
            throw new BadInput(prefix + "state", "a state is its two-letter code");
        }
        String office = s.fieldOffice() == null ? "" : s.fieldOffice().trim().toUpperCase(Locale.ROOT);
        if (!jdbc.sql("select exists (select 1 from field_office where code = ?)").param(office)
                .query(Boolean.class).single()) {
            throw new BadInput(prefix + "fieldOffice", "no field office with code '" + office + "'");
        }
        if (s.workers() != null && s.workers() < 0) {
            throw new BadInput(prefix + "workers", "workers at the site are 0 or more");
        }
        return new NewSite(s.name().trim(), s.address().trim(), s.city().trim(), state, office, s.workers());
    }
}
