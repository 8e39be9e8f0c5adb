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
 * import replaced is "replaced"; a call-in letter returned after the address was recorded makes it low (issue 16:
 * the letter's return also opens a task to verify the address through lawful channels). The read is audited
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
        // the address of record, and the last call-in letter returned to this person (the timeline's event), if any
        LocalDate[] returned = new LocalDate[1];
        Address current = jdbc.sql("""
                select p.address_line, p.city, p.state, p.zip, p.address_as_of,
                       (select max(e.occurred_at) from case_event e
                        where e.person_id = p.id and e.kind = 'CALL_IN_LETTER_RETURNED')
                from person p where p.id = ?""")
                .param(person.personId()).query((rs, n) -> {
                    OffsetDateTime back = rs.getObject(6, OffsetDateTime.class);
                    returned[0] = back == null ? null : back.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
                    return new Address(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getObject(5, LocalDate.class));
                }).single();
        List<List<Cell>> rows = new ArrayList<>();
        rows.add(List.of(Cell.of(current.text()), Cell.of(current.asOf()), Cell.of("address of record"),
                Cell.of(confidence(current.asOf(), returned[0], workingDate))));
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
                        + HIGH_DAYS + " days old, medium at most " + MEDIUM_DAYS + ", low when older or undated, "
                        + "or when a call-in letter sent after it was recorded came back."));
    }

    /**
     * Low when a call-in letter was returned after the address was recorded (on or after its "as of" date, and by the
     * working date): the letter went to this address and came back; a newer address from an import restores it.
     * Otherwise by the age of the address's "as of" date.
     */
    static String confidence(LocalDate asOf, LocalDate letterReturned, LocalDate workingDate) {
        if (letterReturned != null && !letterReturned.isAfter(workingDate)
                && (asOf == null || !letterReturned.isBefore(asOf))) {
            return "low (a call-in letter was returned on " + letterReturned + ")";
        }
        return confidence(asOf, workingDate);
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
