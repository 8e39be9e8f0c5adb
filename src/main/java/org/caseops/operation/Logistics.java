package org.caseops.operation;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.caseops.system.BadInput;
import org.caseops.access.Users;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** An operation's roster, staging sites and teams (with their shifts): what the plan is made of. */
@Service
public class Logistics {

    public enum Duty { LEAD, OFFICER, SUPERVISOR }

    public enum SiteKind { HOTEL, FIELD_OFFICE, FAMILY_RESIDENTIAL_CENTER, OTHER }

    public record RosterEntry(String username, Duty duty, String role, String fieldOffice) {
    }

    public record Site(long id, String name, String address, SiteKind kind, String fieldOffice, int capacityPeople,
            int capacityFamilyRooms, int maxHours, List<LocalTime> departures) {
    }

    /** A staging site to add; {@code version}, optional, is the operation's version the client read. */
    public record NewSite(String name, String address, SiteKind kind, String fieldOffice, Integer capacityPeople,
            Integer capacityFamilyRooms, Integer maxHours, List<LocalTime> departures, Integer version) {
    }

    public record Shift(LocalDate day, LocalTime starts, LocalTime ends) {
    }

    public record Team(long id, String name, String fieldOffice, int size, List<Shift> shifts) {
    }

    /** A team to add; {@code version}, optional, is the operation's version the client read. */
    public record NewTeam(String name, String fieldOffice, Integer size, List<Shift> shifts, Integer version) {
    }

    private final JdbcClient jdbc;

    private final Users users;

    Logistics(JdbcClient jdbc, Users users) {
        this.jdbc = jdbc;
        this.users = users;
    }

    RosterEntry addToRoster(Operation op, String username, Duty duty, String actor) {
        if (username == null || username.isBlank()) {
            throw new BadInput("username", "whom to add to the roster");
        }
        if (duty == null) {
            throw new BadInput("duty", "duty is one of " + Arrays.toString(Duty.values()));
        }
        RosterEntry entry = users.find(username).filter(Users.User::enabled)
                .map(u -> new RosterEntry(u.username(), duty, u.role().name(), u.fieldOffice()))
                .orElseThrow(() -> new BadInput("username", "no enabled user " + username));
        if (!List.of("OFFICER", "SUPERVISOR", "DIRECTOR").contains(entry.role())
                || !op.fieldOffices().contains(entry.fieldOffice())) {
            throw new BadInput("username", username + " (" + entry.role() + ", " + entry.fieldOffice()
                    + ") is not field staff of the operation's field offices " + op.fieldOffices());
        }
        jdbc.sql("""
                insert into operation_roster (operation_id, username, duty, added_by) values (?, ?, ?, ?)
                on conflict (operation_id, username) do update set duty = excluded.duty""")
                .params(op.id(), username, duty.name(), actor).update();
        return entry;
    }

    List<RosterEntry> roster(long operationId) {
        record Row(String username, Duty duty) {
        }
        List<Row> rows = jdbc.sql("select username, duty from operation_roster where operation_id = ? "
                + "order by username").param(operationId)
                .query((rs, n) -> new Row(rs.getString(1), Duty.valueOf(rs.getString(2)))).list();
        // the users' roles and offices are the access feature's: asked of it, in one query
        java.util.Map<String, Users.User> known = users.byName(rows.stream().map(Row::username).toList());
        return rows.stream().filter(r -> known.containsKey(r.username()))
                .map(r -> new RosterEntry(r.username(), r.duty(), known.get(r.username()).role().name(),
                        known.get(r.username()).fieldOffice())).toList();
    }

    Site addSite(Operation op, NewSite site) {
        if (site.name() == null || site.name().isBlank()) {
            throw new BadInput("name", "a staging site has a name");
        }
        if (site.kind() == null) {
            throw new BadInput("kind", "kind is one of " + Arrays.toString(SiteKind.values()));
        }
        String office = office(op, site.fieldOffice());
        positive(site.capacityPeople(), "capacityPeople", 1);
        positive(site.capacityFamilyRooms(), "capacityFamilyRooms", 0);
        if (site.maxHours() == null || site.maxHours() < 1 || site.maxHours() > 72) {
            throw new BadInput("maxHours", "the longest a person may be held there, 1 to 72 hours");
        }
        List<LocalTime> departures = site.departures() == null || site.departures().isEmpty()
                ? List.of(LocalTime.NOON, LocalTime.of(18, 0)) : site.departures().stream().sorted().toList();
        long id = jdbc.sql("""
                insert into staging_site (operation_id, name, address, kind, field_office_code, capacity_people,
                                          capacity_family_rooms, max_hours, departures)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?::time[]) returning id""")
                .params(op.id(), site.name().trim(), site.address(), site.kind().name(), office,
                        site.capacityPeople(), site.capacityFamilyRooms(), site.maxHours(),
                        "{" + String.join(",", departures.stream().map(LocalTime::toString).toList()) + "}")
                .query(Long.class).single();
        return sites(op.id()).stream().filter(s -> s.id() == id).findFirst().orElseThrow();
    }

    List<Site> sites(long operationId) {
        return jdbc.sql("""
                select id, name, address, kind, field_office_code, capacity_people, capacity_family_rooms, max_hours,
                       departures::text[] from staging_site where operation_id = ? order by id""").param(operationId)
                .query((rs, n) -> new Site(rs.getLong(1), rs.getString(2), rs.getString(3),
                        SiteKind.valueOf(rs.getString(4)), rs.getString(5), rs.getInt(6), rs.getInt(7), rs.getInt(8),
                        Arrays.stream((String[]) rs.getArray(9).getArray()).map(LocalTime::parse).toList())).list();
    }

    Team addTeam(Operation op, NewTeam team) {
        if (team.name() == null || team.name().isBlank()) {
            throw new BadInput("name", "a team has a name");
        }
        String office = office(op, team.fieldOffice());
        if (team.size() == null || team.size() < 2 || team.size() > 50) {
            throw new BadInput("size", "a team has 2 to 50 officers");
        }
        if (team.shifts() == null || team.shifts().isEmpty()) {
            throw new BadInput("shifts", "a team works at least one shift in the window");
        }
        for (Shift shift : team.shifts()) {
            if (shift.day() == null || shift.starts() == null || shift.ends() == null
                    || !shift.ends().isAfter(shift.starts())) {
                throw new BadInput("shifts", "a shift has a day, a start and a later end");
            }
            if (shift.day().isBefore(op.windowStart()) || shift.day().isAfter(op.windowEnd())) {
                throw new BadInput("shifts", "the shift on " + shift.day() + " is outside the window "
                        + op.windowStart() + " to " + op.windowEnd());
            }
        }
        long id = jdbc.sql("insert into operation_team (operation_id, name, field_office_code, size) "
                + "values (?, ?, ?, ?) returning id").params(op.id(), team.name().trim(), office, team.size())
                .query(Long.class).single();
        for (Shift shift : team.shifts()) {
            jdbc.sql("insert into team_shift (team_id, day, starts, ends) values (?, ?, ?, ?) on conflict do nothing")
                    .params(id, shift.day(), shift.starts(), shift.ends()).update();
        }
        return teams(op.id()).stream().filter(t -> t.id() == id).findFirst().orElseThrow();
    }

    List<Team> teams(long operationId) {
        List<Team> teams = new ArrayList<>();
        jdbc.sql("select id, name, field_office_code, size from operation_team where operation_id = ? order by id")
                .param(operationId).query(rs -> {
                    long id = rs.getLong(1);
                    teams.add(new Team(id, rs.getString(2), rs.getString(3), rs.getInt(4), List.of()));
                });
        return teams.stream().map(t -> new Team(t.id(), t.name(), t.fieldOffice(), t.size(),
                jdbc.sql("select day, starts, ends from team_shift where team_id = ? order by day, starts")
                        .param(t.id()).query((rs, n) -> new Shift(rs.getObject(1, LocalDate.class),
                                rs.getObject(2, LocalTime.class), rs.getObject(3, LocalTime.class))).list()))
                .toList();
    }

    private static String office(Operation op, String requested) {
        if (requested == null || requested.isBlank()) {
            if (op.fieldOffices().size() == 1) {
                return op.fieldOffices().get(0);
            }
            throw new BadInput("fieldOffice", "say which of " + op.fieldOffices() + " it serves");
        }
        String office = requested.trim().toUpperCase(Locale.ROOT);
        if (!op.fieldOffices().contains(office)) {
            throw new BadInput("fieldOffice", office + " is not one of the operation's field offices "
                    + op.fieldOffices());
        }
        return office;
    }

    private static void positive(Integer value, String field, int min) {
        if (value == null || value < min) {
            throw new BadInput(field, field + " is at least " + min);
        }
    }
}
