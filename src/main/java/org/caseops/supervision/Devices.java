package org.caseops.supervision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.caseops.access.Access;
import org.caseops.access.PartnerScope;
import org.caseops.legal.LegalDays;
import org.caseops.system.BadInput;
import org.caseops.system.Conflict;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The device history of an ATD enrolment (issue 16, docs/supervision.md): a device assigned, replaced or removed, with
 * its date and reason, by what it is (technology and an optional serial) — never where anybody is. Adults only, on an
 * ATD enrolment only: 400 here, and the database's trigger refuses it for any writer. Each change is conditional on
 * the supervision's version (409 when stale) and is history (insert only).
 */
@Service
public class Devices {

    public enum Action { ASSIGNED, REPLACED, REMOVED }

    public enum Technology { ANKLE_MONITOR, SMARTPHONE_APP }

    public record Device(long id, long supervisionId, Action action, Technology technology, String serial,
            LocalDate on, String reason, String recordedBy) {
    }

    private final JdbcClient jdbc;
    private final Access access;
    private final Supervisions supervisions;

    Devices(JdbcClient jdbc, Access access, Supervisions supervisions) {
        this.jdbc = jdbc;
        this.access = access;
        this.supervisions = supervisions;
    }

    /**
     * Records a device assigned (none in use), replaced or removed (one in use) on {@code on}, with the reason;
     * conditional on the supervision's version as read.
     */
    @Transactional
    public List<Device> record(long supervisionId, Action action, Technology technology, String serial, LocalDate on,
            String reason, Integer version) {
        Supervisions.Supervision s = supervisions.toChange(supervisionId);
        if (s.kind() != Supervisions.Kind.ATD) {
            throw new Conflict("supervision " + supervisionId + " is an order of supervision: a device is recorded on "
                    + "an ATD enrolment");
        }
        if (action == null) {
            throw new BadInput("action", "action is required: ASSIGNED, REPLACED or REMOVED");
        }
        if (technology == null) {
            throw new BadInput("technology", "technology is required: ANKLE_MONITOR or SMARTPHONE_APP");
        }
        String id = serial == null || serial.isBlank() ? null : serial.trim();
        if (id != null && id.length() > 64) {
            throw new BadInput("serial", "serial has at most 64 characters");
        }
        if (on == null || on.isBefore(s.startDate()) || on.isAfter(LegalDays.now().last())) {
            throw new BadInput("on", "on is required: from the enrolment's start " + s.startDate()
                    + ", not in the future");
        }
        if (reason == null || reason.trim().length() < 3 || reason.trim().length() > 2000) {
            throw new BadInput("reason", "reason is required: why (3 to 2,000 characters)");
        }
        if (version == null) {
            throw new BadInput("version", "version is required: the supervision's version as last read");
        }
        String a = s.aNumber();
        LocalDate born = jdbc.sql("select birth_date from supervision where id = ?").param(supervisionId)
                .query(LocalDate.class).optional().orElse(null);
        if (action != Action.REMOVED && (born == null || born.plusYears(18).isAfter(on))) {
            throw new BadInput("on", "no device on a child: " + a + " is under 18 on " + on);
        }
        List<Device> history = of(List.of(supervisionId)).getOrDefault(supervisionId, List.of());
        Device current = inUse(history);
        if (action == Action.ASSIGNED && current != null) {
            throw new Conflict("a " + label(current.technology()) + " is in use since " + current.on()
                    + ": replace or remove it");
        }
        if (action != Action.ASSIGNED && current == null) {
            throw new Conflict("no device is in use on supervision " + supervisionId + ": assign one first");
        }
        if (current != null && on.isBefore(current.on())) {
            throw new BadInput("on", "on is on or after " + current.on() + ", when the device in use was recorded");
        }
        if (action == Action.REMOVED && technology != current.technology()) {
            throw new BadInput("technology", "the device in use is a " + label(current.technology()));
        }
        supervisions.bump(s, version);
        String actor = access.actor().username();
        jdbc.sql("""
                insert into supervision_device (supervision_id, action, technology, serial, on_date, reason,
                    recorded_by)
                values (?, ?, ?, ?, ?, ?, ?)""").params(supervisionId, action.name(), technology.name(), id, on,
                reason.trim(), actor).update();
        String what = label(technology) + (id == null ? "" : " " + id) + " " + action.name().toLowerCase(Locale.ROOT)
                + " on " + on + " (" + reason.trim() + ")";
        supervisions.event(supervisionId, "ATD_DEVICE_" + action.name(), actor, "Device: " + what);
        access.audit("ATD_DEVICE_" + action.name(), supervisions.subject(supervisionId), what);
        return of(List.of(supervisionId)).getOrDefault(supervisionId, List.of());
    }

    /**
     * After a step-down at a supervision-level review: the device in use, if it belongs to a level above the one
     * decided (an ankle monitor after a step-down to the smartphone app, the app after one to telephone reporting),
     * is recorded removed on the review's day with the decision's reason, in the decision's transaction. Conditional on
     * that device still being the last change recorded (a change meanwhile: 409, and the decision is not recorded).
     * The device of the level decided is not assigned here: the officer records it with its serial when it is set up.
     *
     * @return the device removed, or null when none in use was above the level decided
     */
    Device removeAfterStepDown(long supervisionId, LevelReviews.Level after, LocalDate on, String reason, String actor) {
        Device current = inUse(of(List.of(supervisionId)).getOrDefault(supervisionId, List.of()));
        if (current == null || LevelReviews.Level.valueOf(current.technology().name()).ordinal() >= after.ordinal()) {
            return null;
        }
        LocalDate removedOn = on.isBefore(current.on()) ? current.on() : on;
        int inserted = jdbc.sql("""
                insert into supervision_device (supervision_id, action, technology, serial, on_date, reason,
                    recorded_by)
                select ?, 'REMOVED', ?, ?, ?, ?, ?
                where (select id from supervision_device where supervision_id = ? order by on_date desc, id desc
                       limit 1) = ?""").params(supervisionId, current.technology().name(), current.serial(),
                removedOn, reason, actor, supervisionId, current.id()).update();
        if (inserted != 1) {
            throw new Conflict("the device of supervision " + supervisionId + " changed meanwhile: read it again");
        }
        String what = label(current.technology()) + (current.serial() == null ? "" : " " + current.serial())
                + " removed on " + removedOn + " (" + reason + ")";
        supervisions.event(supervisionId, "ATD_DEVICE_REMOVED", actor, "Device: " + what);
        access.audit("ATD_DEVICE_REMOVED", supervisions.subject(supervisionId), what);
        return current;
    }

    /** One enrolment's device history, oldest first (checked and audited as a read of the person's record). */
    @Transactional
    public List<Device> read(long supervisionId) {
        supervisions.find(supervisionId);
        access.read("SUPERVISION_READ", supervisions.subject(supervisionId), PartnerScope.CASE_STATUS,
                "no supervision " + supervisionId);
        return of(List.of(supervisionId)).getOrDefault(supervisionId, List.of());
    }

    /** The device histories of these supervisions in one query, oldest first; the caller has checked the read. */
    Map<Long, List<Device>> of(Collection<Long> supervisionIds) {
        Map<Long, List<Device>> out = new HashMap<>();
        if (supervisionIds.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                select id, supervision_id, action, technology, serial, on_date, reason, recorded_by
                from supervision_device where supervision_id = any (?) order by on_date, id""")
                .param(supervisionIds.toArray(Long[]::new))
                .query((rs, n) -> new Device(rs.getLong(1), rs.getLong(2), Action.valueOf(rs.getString(3)),
                        Technology.valueOf(rs.getString(4)), rs.getString(5), rs.getObject(6, LocalDate.class),
                        rs.getString(7), rs.getString(8))).list()
                .forEach(d -> out.computeIfAbsent(d.supervisionId(), k -> new ArrayList<>()).add(d));
        return out;
    }

    /** The device in use after this history (the last assignment or replacement, unless removed since), or null. */
    static Device inUse(List<Device> history) {
        if (history.isEmpty()) {
            return null;
        }
        Device last = history.get(history.size() - 1);
        return last.action() == Action.REMOVED ? null : last;
    }

    static String label(Technology t) {
        return t == Technology.ANKLE_MONITOR ? "ankle monitor" : "smartphone app";
    }

    /** A history as the person page shows it: each change with its date and reason. */
    static String describe(List<Device> history) {
        if (history == null || history.isEmpty()) {
            return "none";
        }
        return String.join("; ", history.stream().map(d -> label(d.technology()) + (d.serial() == null ? ""
                : " " + d.serial()) + " " + d.action().name().toLowerCase(Locale.ROOT) + " on " + d.on() + " ("
                + d.reason() + ")").toList());
    }
}
