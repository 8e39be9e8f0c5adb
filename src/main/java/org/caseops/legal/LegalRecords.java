package org.caseops.legal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.caseops.system.BadInput;
import org.caseops.system.Conflict;
import org.caseops.system.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What CaseOps records beside the EOIR docket that the legal gate reads: attorneys' legal holds and stays of removal
 * granted outside the court record (I-246 administrative stays, judicial stays). Each change writes its case event in
 * the same transaction. Nothing here can make a case executable: a hold or a stay only ever blocks.
 */
@Service
public class LegalRecords {

    private final JdbcClient jdbc;
    private final org.caseops.docket.Timeline timeline;

    LegalRecords(JdbcClient jdbc, org.caseops.docket.Timeline timeline) {
        this.timeline = timeline;
        this.jdbc = jdbc;
    }

    public record Hold(long id, long idncase, LocalDate placedOn, String placedBy, String reason, Instant placedAt,
            LocalDate liftedOn, String liftedBy, String liftReason) {
    }

    public enum StayKind { ADMINISTRATIVE, JUDICIAL }

    public record Stay(long id, long idncase, StayKind kind, LocalDate from, LocalDate until, String reference,
            String recordedBy, LocalDate liftedOn, String liftedBy) {
    }

    @Transactional
    public Hold placeHold(long idncase, LocalDate on, String reason, String actor) {
        requireReason(reason, "reason");
        if (openHold(idncase).isPresent()) {
            throw new Conflict("case " + idncase + " already has an open legal hold; lift it before placing another");
        }
        long id = jdbc.sql("insert into legal_hold (idncase, placed_on, placed_by, reason) values (?, ?, ?, ?) "
                + "returning id").params(idncase, on, actor, reason.trim()).query(Long.class).single();
        event(idncase, "LEGAL_HOLD_PLACED", actor, "Legal hold placed on " + on + ": " + reason.trim());
        return hold(id);
    }

    @Transactional
    public Hold liftHold(long idncase, LocalDate on, String reason, String actor) {
        requireReason(reason, "reason");
        Hold open = openHold(idncase).orElseThrow(() -> new Conflict("case " + idncase + " has no open legal hold"));
        if (on.isBefore(open.placedOn())) {
            throw new BadInput("liftedOn", "a hold placed on " + open.placedOn() + " cannot be lifted on " + on);
        }
        jdbc.sql("update legal_hold set lifted_on = ?, lifted_by = ?, lift_reason = ?, version = version + 1 "
                + "where id = ? and lifted_on is null").params(on, actor, reason.trim(), open.id()).update();
        event(idncase, "LEGAL_HOLD_LIFTED", actor, "Legal hold of " + open.placedOn() + " lifted on " + on + ": "
                + reason.trim());
        return hold(open.id());
    }

    public Optional<Hold> openHold(long idncase) {
        return jdbc.sql("select * from legal_hold where idncase = ? and lifted_on is null").param(idncase)
                .query(LegalRecords::hold).optional();
    }

    public List<Hold> holds(long idncase) {
        return jdbc.sql("select * from legal_hold where idncase = ? order by id").param(idncase)
                .query(LegalRecords::hold).list();
    }

    private Hold hold(long id) {
        return jdbc.sql("select * from legal_hold where id = ?").param(id).query(LegalRecords::hold).single();
    }

    private static Hold hold(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Hold(rs.getLong("id"), rs.getLong("idncase"), rs.getObject("placed_on", LocalDate.class),
                rs.getString("placed_by"), rs.getString("reason"), rs.getTimestamp("placed_at").toInstant(),
                rs.getObject("lifted_on", LocalDate.class), rs.getString("lifted_by"), rs.getString("lift_reason"));
    }

    @Transactional
    public Stay recordStay(long idncase, StayKind kind, LocalDate from, LocalDate until, String reference,
            String actor) {
        if (kind == null) {
            throw new BadInput("kind", "ADMINISTRATIVE (I-246) or JUDICIAL");
        }
        if (from == null) {
            throw new BadInput("from", "the date the stay takes effect is required");
        }
        if (until != null && until.isBefore(from)) {
            throw new BadInput("until", "a stay cannot end (" + until + ") before it starts (" + from + ")");
        }
        requireReason(reference, "reference");
        long id = jdbc.sql("insert into stay (idncase, kind, from_date, until_date, reference, recorded_by) "
                + "values (?, ?, ?, ?, ?, ?) returning id")
                .params(idncase, kind.name(), from, until, reference.trim(), actor).query(Long.class).single();
        event(idncase, "STAY_RECORDED", actor, (kind == StayKind.ADMINISTRATIVE ? "Administrative stay (I-246)"
                : "Judicial stay") + " from " + from + (until == null ? " until lifted" : " until " + until) + ": "
                + reference.trim());
        return stay(id);
    }

    @Transactional
    public Stay liftStay(long stayId, LocalDate on, String actor) {
        Stay stay = stay(stayId);
        if (stay.liftedOn() != null) {
            throw new Conflict("stay " + stayId + " was already lifted on " + stay.liftedOn());
        }
        if (on.isBefore(stay.from())) {
            throw new BadInput("liftedOn", "a stay from " + stay.from() + " cannot be lifted on " + on);
        }
        jdbc.sql("update stay set lifted_on = ?, lifted_by = ? where id = ?").params(on, actor, stayId).update();
        event(stay.idncase(), "STAY_LIFTED", actor, "Stay " + stayId + " lifted on " + on);
        return stay(stayId);
    }

    public Optional<Stay> findStay(long stayId) {
        return jdbc.sql("select * from stay where id = ?").param(stayId).query(LegalRecords::stay).optional();
    }

    private Stay stay(long stayId) {
        return findStay(stayId).orElseThrow(() -> new NotFound("no stay " + stayId));
    }

    public List<Stay> staysOf(long idncase) {
        return jdbc.sql("select * from stay where idncase = ? order by id").param(idncase).query(LegalRecords::stay)
                .list();
    }

    private static Stay stay(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Stay(rs.getLong("id"), rs.getLong("idncase"), StayKind.valueOf(rs.getString("kind")),
                rs.getObject("from_date", LocalDate.class), rs.getObject("until_date", LocalDate.class),
                rs.getString("reference"), rs.getString("recorded_by"), rs.getObject("lifted_on", LocalDate.class),
                rs.getString("lifted_by"));
    }

    private void event(long idncase, String kind, String actor, String summary) {
        timeline.write(org.caseops.docket.Timeline.Entry.aboutCase(idncase, kind, actor, summary));
    }

    private static void requireReason(String text, String field) {
        if (text == null || text.isBlank()) {
            throw new BadInput(field, field + " is required");
        }
    }
}
