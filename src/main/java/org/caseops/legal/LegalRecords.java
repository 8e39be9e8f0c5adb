package org.caseops.legal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.caseops.legal.rules.DepartureDeadlineFacts;
import org.caseops.legal.rules.Determination;
import org.caseops.legal.rules.ProtectionFacts;
import org.caseops.system.BadInput;
import org.caseops.system.Conflict;
import org.caseops.system.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What CaseOps records beside the EOIR docket that the legal gate reads: attorneys' legal holds, stays of removal
 * granted outside the court record (I-246 administrative stays, judicial stays), protections EOIR does not record
 * (TPS, deferred action, U/T visa stays, ...), voluntary-departure deadlines, and attorneys' determinations of what a
 * code or filing means. Each change writes its case event in the same transaction; a lift or an end is a conditional
 * update that counts its rows, so of two at once exactly one happens. Nothing here can make a case executable: a hold,
 * a stay or a protection only ever blocks, and a determination only gives a meaning where the gate has none.
 */
@Service
public class LegalRecords {

    private final JdbcClient jdbc;
    private final org.caseops.docket.Timeline timeline;

    LegalRecords(JdbcClient jdbc, org.caseops.docket.Timeline timeline) {
        this.timeline = timeline;
        this.jdbc = jdbc;
    }

    /** A legal hold; {@code version} is the hold's own (0 while open, 1 once lifted). */
    public record Hold(long id, long idncase, LocalDate placedOn, String placedBy, String reason, Instant placedAt,
            LocalDate liftedOn, String liftedBy, String liftReason, int version) {
    }

    public enum StayKind { ADMINISTRATIVE, JUDICIAL }

    /** A stay recorded in CaseOps; {@code version} is the stay's own, sent back to lift it. */
    public record Stay(long id, long idncase, StayKind kind, LocalDate from, LocalDate until, String reference,
            String recordedBy, LocalDate liftedOn, String liftedBy, int version) {
    }

    /** A protection EOIR does not record, as entered by an attorney. */
    public record Protection(long id, long idncase, ProtectionFacts.Kind kind, String citation, LocalDate from,
            LocalDate until, String evidence, String recordedBy, Instant recordedAt, LocalDate endedOn, String endedBy,
            String endReason) {
    }

    /** An attorney's determination of what a code or filing means for the case. */
    public record AttorneyDetermination(long id, long idncase, String subject, Determination.Meaning meaning,
            String reason, LocalDate recordedOn, String recordedBy, Instant recordedAt) {
    }

    /** A voluntary-departure deadline from the order that set it. */
    public record DepartureDeadline(long id, long idncase, LocalDate lastDay, DepartureDeadlineFacts.Source source,
            LocalDate orderedOn, String reference, String recordedBy, Instant recordedAt) {
    }

    // ---- legal holds --------------------------------------------------------------------------------------------

    /**
     * Places a legal hold. {@code version}, when given (the API requires it), is the version of the case's holds the
     * client read — how many holds the case has had, the length of {@code GET /holds}: when another hold was placed
     * meanwhile, a 409 names the current version and nothing is written.
     */
    @Transactional
    public Hold placeHold(long idncase, Integer version, LocalDate on, String reason, String actor) {
        requireReason(reason, "reason");
        lockCase(idncase, "legal_hold");
        checkVersion(version, holdsVersion(idncase), "case " + idncase + "'s legal holds");
        if (openHold(idncase).isPresent()) {
            throw new Conflict("case " + idncase + " already has an open legal hold; lift it before placing another");
        }
        // conditional on the version the client read: counts the case's holds in the same statement
        int expected = version == null ? holdsVersion(idncase) : version;
        long id = jdbc.sql("insert into legal_hold (idncase, placed_on, placed_by, reason) select ?, ?, ?, ? "
                + "where (select count(*) from legal_hold where idncase = ?) = ? returning id")
                .params(idncase, on, actor, reason.trim(), idncase, expected).query(Long.class).optional()
                .orElseThrow(() -> stale("case " + idncase + "'s legal holds", expected, holdsVersion(idncase)));
        event(idncase, "LEGAL_HOLD_PLACED", actor, "Legal hold placed on " + on + ": " + reason.trim());
        return hold(id);
    }

    /**
     * Lifts the case's open legal hold. {@code version}, when given (the API requires it), is the version of the
     * case's holds the client read (how many holds it has had): the hold the client saw open is then the one lifted,
     * never one placed since; a stale version is a 409 naming the current one.
     */
    @Transactional
    public Hold liftHold(long idncase, Integer version, LocalDate on, String reason, String actor) {
        requireReason(reason, "reason");
        lockCase(idncase, "legal_hold");
        checkVersion(version, holdsVersion(idncase), "case " + idncase + "'s legal holds");
        Hold open = openHold(idncase).orElseThrow(() -> new Conflict(noOpenHold(idncase)));
        if (on.isBefore(open.placedOn())) {
            throw new BadInput("liftedOn", "a hold placed on " + open.placedOn() + " cannot be lifted on " + on);
        }
        int lifted = jdbc.sql("update legal_hold set lifted_on = ?, lifted_by = ?, lift_reason = ?, "
                + "version = version + 1 where id = ? and lifted_on is null and version = ?")
                .params(on, actor, reason.trim(), open.id(), open.version()).update();
        if (lifted != 1) {
            // Another request lifted it between our read and our update: say what it did, write nothing.
            throw new Conflict(noOpenHold(idncase));
        }
        event(idncase, "LEGAL_HOLD_LIFTED", actor, "Legal hold of " + open.placedOn() + " lifted on " + on + ": "
                + reason.trim());
        return hold(open.id());
    }

    /** The conflict text for a lift with no open hold: names the last lift, when there was one. */
    private String noOpenHold(long idncase) {
        return jdbc.sql("select * from legal_hold where idncase = ? and lifted_on is not null order by id desc "
                + "limit 1").param(idncase).query(LegalRecords::hold).optional()
                .map(h -> "case " + idncase + " has no open legal hold: the hold of " + h.placedOn() + " was lifted on "
                        + h.liftedOn() + " by " + h.liftedBy())
                .orElse("case " + idncase + " has no open legal hold");
    }

    /** The version of the case's legal holds: how many it has had (holds are never deleted). */
    public int holdsVersion(long idncase) {
        return jdbc.sql("select count(*) from legal_hold where idncase = ?").param(idncase).query(Integer.class)
                .single();
    }

    /** The version of the case's recorded stays: how many it has had (stays are never deleted). */
    public int staysVersion(long idncase) {
        return jdbc.sql("select count(*) from stay where idncase = ?").param(idncase).query(Integer.class).single();
    }

    /**
     * Serializes the changes of one case's holds (or stays) until the transaction ends, so that a version counted
     * is still the version when the change is written.
     */
    private void lockCase(long idncase, String what) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext(?), (? % 2147483647)::int)").params(what, idncase)
                .query((rs, n) -> 1).list();
    }

    private static void checkVersion(Integer sent, int current, String what) {
        if (sent != null && sent != current) {
            throw stale(what, sent, current);
        }
    }

    private static Conflict stale(String what, Integer sent, int current) {
        return new Conflict(what + " are at version " + current + ", not " + sent
                + ": they were changed meanwhile; reload and try again");
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
                rs.getObject("lifted_on", LocalDate.class), rs.getString("lifted_by"), rs.getString("lift_reason"),
                rs.getInt("version"));
    }

    // ---- stays --------------------------------------------------------------------------------------------------

    /**
     * Records a stay. {@code version}, when given (the API requires it), is the version of the case's stays the
     * client read — how many stays it has had, the length of {@code GET /stays}; a stale one is a 409 naming the
     * current version.
     */
    @Transactional
    public Stay recordStay(long idncase, Integer version, StayKind kind, LocalDate from, LocalDate until,
            String reference, String actor) {
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
        lockCase(idncase, "stay");
        int expected = version == null ? staysVersion(idncase) : version;
        long id = jdbc.sql("insert into stay (idncase, kind, from_date, until_date, reference, recorded_by) "
                + "select ?, ?, ?, ?, ?, ? where (select count(*) from stay where idncase = ?) = ? returning id")
                .params(idncase, kind.name(), from, until, reference.trim(), actor, idncase, expected)
                .query(Long.class).optional()
                .orElseThrow(() -> stale("case " + idncase + "'s stays", expected, staysVersion(idncase)));
        event(idncase, "STAY_RECORDED", actor, (kind == StayKind.ADMINISTRATIVE ? "Administrative stay (I-246)"
                : "Judicial stay") + " from " + from + (until == null ? " until lifted" : " until " + until) + ": "
                + reference.trim());
        return stay(id);
    }

    /**
     * Lifts a stay. {@code version}, when given (the API requires it), is the stay's version the client read; a stay
     * changed since is a 409 naming its current version.
     */
    @Transactional
    public Stay liftStay(long stayId, Integer version, LocalDate on, String actor) {
        Stay stay = stay(stayId);
        if (version != null && version != stay.version()) {
            throw new Conflict("stay " + stayId + " is at version " + stay.version() + ", not " + version
                    + (stay.liftedOn() != null ? " (" + alreadyLifted(stay) + ")" : "") + "; reload and try again");
        }
        if (stay.liftedOn() != null) {
            throw new Conflict(alreadyLifted(stay));
        }
        if (on.isBefore(stay.from())) {
            throw new BadInput("liftedOn", "a stay from " + stay.from() + " cannot be lifted on " + on);
        }
        int lifted = jdbc.sql("update stay set lifted_on = ?, lifted_by = ?, version = version + 1 "
                + "where id = ? and lifted_on is null and version = ?")
                .params(on, actor, stayId, stay.version()).update();
        if (lifted != 1) {
            Stay now = stay(stayId);
            throw new Conflict("stay " + stayId + " is at version " + now.version() + ", not " + stay.version()
                    + " (" + alreadyLifted(now) + "); reload and try again");
        }
        event(stay.idncase(), "STAY_LIFTED", actor, "Stay " + stayId + " lifted on " + on);
        return stay(stayId);
    }

    private static String alreadyLifted(Stay stay) {
        return "stay " + stay.id() + " was already lifted on " + stay.liftedOn() + " by " + stay.liftedBy();
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
                rs.getString("lifted_by"), rs.getInt("version"));
    }

    // ---- protections EOIR does not record -----------------------------------------------------------------------

    @Transactional
    public Protection recordProtection(long idncase, ProtectionFacts.Kind kind, LocalDate from, LocalDate until,
            String evidence, String actor) {
        if (kind == null) {
            throw new BadInput("kind", "one of " + Arrays.toString(ProtectionFacts.Kind.values()));
        }
        if (from == null) {
            throw new BadInput("from", "the first day the protection is in force is required");
        }
        if (until != null && until.isBefore(from)) {
            throw new BadInput("until", "a protection cannot end (" + until + ") before it starts (" + from + ")");
        }
        requireReason(evidence, "evidence");
        long id = jdbc.sql("insert into protection (idncase, kind, from_date, until_date, evidence, recorded_by) "
                + "values (?, ?, ?, ?, ?, ?) returning id")
                .params(idncase, kind.name(), from, until, evidence.trim(), actor).query(Long.class).single();
        event(idncase, "PROTECTION_RECORDED", actor, kind.label() + " from " + from
                + (until == null ? " until ended" : " until " + until) + " (" + kind.citation() + "); evidence: "
                + evidence.trim());
        return protection(id).orElseThrow();
    }

    @Transactional
    public Protection endProtection(long idncase, long protectionId, LocalDate on, String reason, String actor) {
        requireReason(reason, "reason");
        Protection p = protection(protectionId).filter(x -> x.idncase() == idncase)
                .orElseThrow(() -> new NotFound("no protection " + protectionId + " on case " + idncase));
        if (p.endedOn() != null) {
            throw new Conflict(alreadyEnded(p));
        }
        if (on.isBefore(p.from())) {
            throw new BadInput("endedOn", "a protection from " + p.from() + " cannot end on " + on);
        }
        int ended = jdbc.sql("update protection set ended_on = ?, ended_by = ?, end_reason = ? "
                + "where id = ? and ended_on is null").params(on, actor, reason.trim(), protectionId).update();
        if (ended != 1) {
            throw new Conflict(alreadyEnded(protection(protectionId).orElseThrow()));
        }
        event(idncase, "PROTECTION_ENDED", actor, p.kind().label() + " " + protectionId + " ended on " + on + ": "
                + reason.trim());
        return protection(protectionId).orElseThrow();
    }

    private static String alreadyEnded(Protection p) {
        return "protection " + p.id() + " already ended on " + p.endedOn() + " (recorded by " + p.endedBy() + ")";
    }

    public List<Protection> protections(long idncase) {
        return jdbc.sql("select * from protection where idncase = ? order by id").param(idncase)
                .query(LegalRecords::protection).list();
    }

    private Optional<Protection> protection(long id) {
        return jdbc.sql("select * from protection where id = ?").param(id).query(LegalRecords::protection).optional();
    }

    private static Protection protection(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        ProtectionFacts.Kind kind = ProtectionFacts.Kind.valueOf(rs.getString("kind"));
        return new Protection(rs.getLong("id"), rs.getLong("idncase"), kind, kind.citation(),
                rs.getObject("from_date", LocalDate.class), rs.getObject("until_date", LocalDate.class),
                rs.getString("evidence"), rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant(),
                rs.getObject("ended_on", LocalDate.class), rs.getString("ended_by"), rs.getString("end_reason"));
    }

    // ---- attorney determinations --------------------------------------------------------------------------------

    @Transactional
    public AttorneyDetermination recordDetermination(long idncase, String subject, Determination.Meaning meaning,
            String reason, LocalDate recordedOn, String actor) {
        if (subject == null || Determination.Kind.of(subject.trim()) == null) {
            throw new BadInput("subject", "what the determination is about, e.g. strBIADecision=XYZ, "
                    + "strAppealType=..., DEC=..., DEC_CODE=RMV/..., strFedCourtDecision=..., motion:<IDNMOTION>, "
                    + "application:<IDNPROCEEDINGAPPLN>, lead-appeal:<idnAppeal> or lead-motion:<IDNMOTION>");
        }
        String s = subject.trim();
        if (meaning == null || !meaning.appliesTo(s)) {
            throw new BadInput("meaning", "one of " + Arrays.stream(Determination.Meaning.values())
                    .filter(m -> m.appliesTo(s)).toList() + " for " + s);
        }
        requireReason(reason, "reason");
        long id = jdbc.sql("insert into attorney_determination (idncase, subject, meaning, reason, recorded_on, "
                + "recorded_by) values (?, ?, ?, ?, ?, ?) returning id")
                .params(idncase, s, meaning.name(), reason.trim(), recordedOn, actor).query(Long.class).single();
        event(idncase, "DETERMINATION_RECORDED", actor, "Attorney determination on " + recordedOn + ": " + s
                + " means " + meaning + " (" + reason.trim() + ")");
        return jdbc.sql("select * from attorney_determination where id = ?").param(id)
                .query(LegalRecords::determination).single();
    }

    public List<AttorneyDetermination> determinations(long idncase) {
        return jdbc.sql("select * from attorney_determination where idncase = ? order by id").param(idncase)
                .query(LegalRecords::determination).list();
    }

    private static AttorneyDetermination determination(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new AttorneyDetermination(rs.getLong("id"), rs.getLong("idncase"), rs.getString("subject"),
                Determination.Meaning.valueOf(rs.getString("meaning")), rs.getString("reason"),
                rs.getObject("recorded_on", LocalDate.class), rs.getString("recorded_by"),
                rs.getTimestamp("recorded_at").toInstant());
    }

    // ---- voluntary-departure deadlines --------------------------------------------------------------------------

    @Transactional
    public DepartureDeadline recordDepartureDeadline(long idncase, LocalDate lastDay,
            DepartureDeadlineFacts.Source source, LocalDate orderedOn, String reference, String actor) {
        if (lastDay == null) {
            throw new BadInput("lastDay", "the last day to depart is required");
        }
        if (source == null) {
            throw new BadInput("source", "one of " + Arrays.toString(DepartureDeadlineFacts.Source.values()));
        }
        if (orderedOn == null) {
            throw new BadInput("orderedOn", "the date of the order or extension is required");
        }
        if (lastDay.isBefore(orderedOn)) {
            throw new BadInput("lastDay", "the last day to depart (" + lastDay + ") cannot be before the order ("
                    + orderedOn + ")");
        }
        requireReason(reference, "reference");
        long id = jdbc.sql("insert into departure_deadline (idncase, last_day, source, ordered_on, reference, "
                + "recorded_by) values (?, ?, ?, ?, ?, ?) returning id")
                .params(idncase, lastDay, source.name(), orderedOn, reference.trim(), actor).query(Long.class)
                .single();
        event(idncase, "DEPARTURE_DEADLINE_RECORDED", actor, "Voluntary departure until " + lastDay + ", set by "
                + source.label() + " of " + orderedOn + " (" + source.citation() + "): " + reference.trim());
        return jdbc.sql("select * from departure_deadline where id = ?").param(id).query(LegalRecords::deadline)
                .single();
    }

    /**
     * Records the voluntary-departure bond of the order of {@code orderedOn}, due on {@code dueOn} (the fifth business
     * day after it), which the gate reads (8 CFR 1240.26(c)(3)); {@code voluntaryDeparture} is the desk's grant.
     */
    @Transactional
    public long recordDepartureBond(long idncase, LocalDate orderedOn, LocalDate dueOn, java.math.BigDecimal amount,
            Long voluntaryDeparture, String actor) {
        return jdbc.sql("""
                insert into departure_bond (idncase, ordered_on, due_on, amount, voluntary_departure_id, recorded_by)
                values (?, ?, ?, ?, ?, ?) returning id""")
                .params(idncase, orderedOn, dueOn, amount, voluntaryDeparture, actor).query(Long.class).single();
    }

    /**
     * Records the bond of the desk's grant as posted on {@code postedOn}; once (a conditional update on no posting
     * yet). A bond posted after its due date is kept as posted that day: the gate still finds the grant vacated
     * (8 CFR 1240.26(c)(3)). Answers whether a row changed.
     */
    @Transactional
    public boolean departureBondPosted(long voluntaryDeparture, LocalDate postedOn, String reference) {
        return jdbc.sql("""
                update departure_bond set posted_on = ?, posted_reference = ?
                where voluntary_departure_id = ? and posted_on is null""")
                .params(postedOn, reference, voluntaryDeparture).update() == 1;
    }

    public List<DepartureDeadline> departureDeadlines(long idncase) {
        return jdbc.sql("select * from departure_deadline where idncase = ? order by id").param(idncase)
                .query(LegalRecords::deadline).list();
    }

    private static DepartureDeadline deadline(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new DepartureDeadline(rs.getLong("id"), rs.getLong("idncase"),
                rs.getObject("last_day", LocalDate.class),
                DepartureDeadlineFacts.Source.valueOf(rs.getString("source")),
                rs.getObject("ordered_on", LocalDate.class), rs.getString("reference"), rs.getString("recorded_by"),
                rs.getTimestamp("recorded_at").toInstant());
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
