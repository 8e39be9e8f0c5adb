package org.caseops.operation;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import org.caseops.system.BadInput;
import org.caseops.system.Conflict;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Care arrangements: for every member of a target unit who is not taken (a U.S.-citizen child, a parent with a stay),
 * who cares for them — recorded before the operation can be approved. {@code SELF} is for an adult who needs no one.
 */
@Service
public class Care {

    public enum Kind { OTHER_PARENT, RELATIVE, GUARDIAN, FRIEND, SELF }

    public record Arrangement(long id, long personId, Kind kind, String caregiverName, String relationship,
            String contact, String notes, String recordedBy, Instant recordedAt) {
    }

    /** An arrangement to record; {@code version}, optional, is the operation's version the client read. */
    public record NewArrangement(Long personId, Kind kind, String caregiverName, String relationship, String contact,
            String notes, Integer version) {
    }

    private final JdbcClient jdbc;

    Care(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records (or replaces) the arrangement of a member of one of the operation's target units who is not taken. */
    Arrangement record(long operationId, NewArrangement request, String actor) {
        if (request.personId() == null) {
            throw new BadInput("personId", "say whom the arrangement is for (personId)");
        }
        if (request.kind() == null) {
            throw new BadInput("kind", "kind is one of " + java.util.Arrays.toString(Kind.values()));
        }
        Map<String, Object> member = jdbc.sql("""
                select m.standing, m.minor from operation_member m
                join operation_target t on t.operation_id = m.operation_id and t.family_id = m.family_id
                where m.operation_id = ? and m.person_id = ? and t.status = 'TARGET'""")
                .params(operationId, request.personId()).query().listOfRows().stream().findFirst()
                .orElseThrow(() -> new BadInput("personId", "person " + request.personId()
                        + " is not a member of a target unit of operation " + operationId));
        if ("TARGET".equals(member.get("standing"))) {
            throw new Conflict("person " + request.personId() + " is a target; arrangements are for the others");
        }
        if (request.kind() == Kind.SELF && Boolean.TRUE.equals(member.get("minor"))) {
            throw new BadInput("kind", "a minor is never left to care for themselves: name the caregiver");
        }
        if (request.kind() != Kind.SELF && (request.caregiverName() == null || request.caregiverName().isBlank())) {
            throw new BadInput("caregiverName", "name the caregiver");
        }
        jdbc.sql("delete from care_arrangement where operation_id = ? and person_id = ?")
                .params(operationId, request.personId()).update();
        long id = jdbc.sql("""
                insert into care_arrangement (operation_id, person_id, kind, caregiver_name, relationship, contact,
                                              notes, recorded_by)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(operationId, request.personId(), request.kind().name(), blankToNull(request.caregiverName()),
                        request.relationship(), request.contact(), request.notes(), actor)
                .query(Long.class).single();
        return of(operationId).values().stream().filter(a -> a.id() == id).findFirst().orElseThrow();
    }

    /** The operation's arrangements by person. */
    Map<Long, Arrangement> of(long operationId) {
        Map<Long, Arrangement> out = new HashMap<>();
        jdbc.sql("""
                select id, person_id, kind, caregiver_name, relationship, contact, notes, recorded_by, recorded_at
                from care_arrangement where operation_id = ?""").param(operationId).query(rs -> {
                    out.put(rs.getLong(2), new Arrangement(rs.getLong(1), rs.getLong(2), Kind.valueOf(rs.getString(3)),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                            rs.getObject(9, OffsetDateTime.class).toInstant()));
                });
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
