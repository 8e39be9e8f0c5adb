package org.caseops.worksite;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.caseops.access.Access;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The worksite timeline: one event per change to an employer, nomination, inspection or policy, written in the
 * change's transaction together with its audit entry (DESIGN: every change → timeline and audit).
 */
@Service
class WorksiteLog {

    record Event(long id, Instant occurredAt, String actor, String kind, String summary) {
    }

    private final JdbcClient jdbc;
    private final Access access;

    WorksiteLog(JdbcClient jdbc, Access access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    void event(String subjectType, long subjectId, String fieldOffice, String kind, String summary) {
        String actor = access.actor().username();
        jdbc.sql("""
                insert into worksite_event (subject_type, subject_id, actor, kind, summary) values (?, ?, ?, ?, ?)""")
                .params(subjectType, subjectId, actor, kind, summary).update();
        access.audit("WORKSITE_" + subjectType + "_" + kind, new Access.Subject(subjectType, String.valueOf(subjectId),
                fieldOffice), summary);
    }

    List<Event> events(String subjectType, long subjectId) {
        return jdbc.sql("""
                select id, occurred_at, actor, kind, summary from worksite_event
                where subject_type = ? and subject_id = ? order by id""").params(subjectType, subjectId)
                .query((rs, n) -> new Event(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getString(3), rs.getString(4), rs.getString(5))).list();
    }
}
