package org.caseops.jurisdiction;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Courts without a field office, for an administrator to map: the courts cases are heard at whose hearing location
 * and base city both lack one (such cases are kept, but belong to no field office), and the base cities of the
 * reference data that have no place and no field office. A court is mapped by a line in
 * {@code reference/caseops/base_city_places.csv} (its city and state) or in an override file; the next start loads it
 * and moves its cases (docs/reference-data.md).
 */
@Service
public class UnmappedCourts {

    /** At most this many courts are listed (most cases first). */
    static final int LIMIT = 500;

    private final JdbcClient jdbc;

    UnmappedCourts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param casesWithoutFieldOffice cases whose court (latest proceeding) has no field office, or that have no
     *                                proceeding at all
     * @param courts                  those cases by hearing location and base city, most cases first
     * @param baseCities              base cities of the reference data with no field office
     */
    public record Report(long casesWithoutFieldOffice, List<Court> courts, List<BaseCityWithoutOffice> baseCities) {
    }

    /**
     * Cases heard at one court that has no field office.
     *
     * @param hearingLocationKnown whether the hearing location is in EOIR's lookup as CaseOps ships it
     * @param baseCityKnown        likewise the base city
     */
    public record Court(String hearingLocation, String hearingLocationName, boolean hearingLocationKnown,
            String baseCity, String baseCityName, boolean baseCityKnown, long cases) {
    }

    public record BaseCityWithoutOffice(String code, String name, String city, String state, String method) {
    }

    public Report report() {
        List<Court> courts = jdbc.sql("""
                select ci.hearing_loc_code, hl.name as hl_name, hl.code is not null as hl_known,
                       ci.base_city_code, bc.name as bc_name, bc.code is not null as bc_known, count(*) as cases
                from case_court ci
                left join hearing_location hl on hl.code = ci.hearing_loc_code
                left join base_city bc on bc.code = ci.base_city_code
                where ci.field_office_code is null
                group by 1, 2, 3, 4, 5, 6 order by count(*) desc, 1 nulls last, 4 nulls last limit ?""")
                .param(LIMIT)
                .query((rs, n) -> new Court(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getString(4),
                        rs.getString(5), rs.getBoolean(6), rs.getLong(7))).list();
        long cases = jdbc.sql("select count(*) from case_court where field_office_code is null").query(Long.class)
                .single();
        List<BaseCityWithoutOffice> baseCities = jdbc.sql("""
                select code, name, city, state, field_office_method as method from base_city where field_office_code is null
                order by code""").query(BaseCityWithoutOffice.class).list();
        return new Report(cases, courts, baseCities);
    }
}
