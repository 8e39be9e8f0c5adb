package org.caseops.docket;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.caseops.access.Access;
import org.caseops.access.PartnerScope;
import org.caseops.system.Listing.Cell;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The person page's address history: the address of record, then each address an import replaced (from the
 * timeline's {@code PERSON_UPDATED} events, which keep the row before and after), newest first, each with a
 * confidence. The confidence of the address of record is how recent its "as of" date is on the working date: high
 * within {@value #HIGH_DAYS} days, medium within {@value #MEDIUM_DAYS}, low when older or undated; an address an
 * import replaced is "replaced". (A returned letter does not lower it yet: issue 16.) The read is audited
 * {@code ADDRESS_HISTORY_READ}.
 */
@Component
class AddressHistory implements PersonSection {

    static final int HIGH_DAYS = 90;
    static final int MEDIUM_DAYS = 365;

    private final JdbcClient jdbc;
    private final Access access;

    AddressHistory(JdbcClient jdbc, Access access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    record Address(String line, String city, String state, String zip, LocalDate asOf) {

        String text() {
            List<String> parts = new ArrayList<>();
            for (String p : new String[] {line, city, state == null ? null : state + (zip == null ? "" : " " + zip)}) {
                if (p != null && !p.isBlank()) {
                    parts.add(p.trim());
                }
            }
            return parts.isEmpty() ? "none recorded" : String.join(", ", parts);
        }
    }

    @Override
    public Optional<Section> section(Shown person, LocalDate workingDate) {
        access.read("ADDRESS_HISTORY_READ", person.subject(), PartnerScope.PERSON_RECORD);
        Address current = jdbc.sql("select address_line, city, state, zip, address_as_of from person where id = ?")
                .param(person.personId()).query((rs, n) -> new Address(rs.getString(1), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getObject(5, LocalDate.class))).single();
        List<List<Cell>> rows = new ArrayList<>();
        rows.add(List.of(Cell.of(current.text()), Cell.of(current.asOf()), Cell.of("address of record"),
                Cell.of(confidence(current.asOf(), workingDate))));
        jdbc.sql("""
                select before ->> 'address_line', before ->> 'city', before ->> 'state', before ->> 'zip',
                       (before ->> 'address_as_of')::date, occurred_at, import_id
                from case_event
                where person_id = ? and kind = 'PERSON_UPDATED' and before is not null
                  and (before -> 'address_line', before -> 'city', before -> 'state', before -> 'zip',
                       before -> 'address_as_of')
                      is distinct from (after -> 'address_line', after -> 'city', after -> 'state', after -> 'zip',
                       after -> 'address_as_of')
                order by id desc limit 100""").param(person.personId())
                .query((rs, n) -> List.of(Cell.of(new Address(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getObject(5, LocalDate.class)).text()),
                        Cell.of(rs.getObject(5, LocalDate.class)),
                        Cell.of("replaced on " + rs.getObject(6, OffsetDateTime.class).withOffsetSameInstant(
                                ZoneOffset.UTC).toLocalDate() + (rs.getObject(7) == null ? ""
                                : " by import " + rs.getLong(7))),
                        Cell.of("replaced")))
                .list().forEach(rows::add);
        return Optional.of(new Section(10, "addresses", "Address history",
                List.of("Address", "As of", "Source", "Confidence"), rows, "No address recorded.",
                "Confidence of the address of record on " + workingDate + ": high when its date is at most "
                        + HIGH_DAYS + " days old, medium at most " + MEDIUM_DAYS + ", low when older or undated."));
    }

    /** High, medium or low by the age of the address's "as of" date on the working date. */
    static String confidence(LocalDate asOf, LocalDate workingDate) {
        if (asOf == null) {
            return "low (no date)";
        }
        long days = ChronoUnit.DAYS.between(asOf, workingDate);
        if (days < 0) {
            return "recorded after " + workingDate;
        }
        return days <= HIGH_DAYS ? "high" : days <= MEDIUM_DAYS ? "medium" : "low (" + days + " days old)";
    }
}
