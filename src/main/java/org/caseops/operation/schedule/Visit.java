package org.caseops.operation.schedule;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The planning entity: the visit of one family unit. One entity per unit, so a unit is always visited whole, in one
 * slot, by one team, and staged at one site.
 *
 * <p>All three variables take their values from <b>per-entity value ranges</b>, so the solver spends no time on
 * values that can only break a hard constraint:
 * <ul>
 *   <li>team and site: the teams and sites of the unit's field office ({@link #teamRange}, {@link #siteRange});</li>
 *   <li>slot ({@link #slotRange}): the slots of the days on which every member is executable and any needed
 *       protected-area approval is in force, and in which at least one team of the office is on shift. When no slot
 *       qualifies (an input that cannot be scheduled), the range is the whole grid, so the unit is still placed and
 *       the broken constraints are reported instead of the unit being left out silently.</li>
 * </ul>
 * The hard constraints on office, shift, executability and approval still exist: they report the units of such
 * inputs, and they guard schedules made elsewhere (the greedy baseline, a schedule edited by hand and re-scored).
 */
@PlanningEntity
final class Visit {

    @PlanningId
    private Long id;
    private UnitToPlace unit;
    /** Per day index of the window: how many members are not executable that day. */
    private int[] notExecutableByDay;
    /** Per day index of the window: an approval is needed and none is in force. */
    private boolean[] approvalMissingByDay;
    private int feasibleDays;
    private boolean hasMinor;

    @ValueRangeProvider(id = "slotRange")
    private List<TimeSlot> slotRange;
    @ValueRangeProvider(id = "teamRange")
    private List<TeamFact> teamRange;
    @ValueRangeProvider(id = "siteRange")
    private List<SiteFact> siteRange;

    @PlanningVariable(valueRangeProviderRefs = "slotRange")
    private TimeSlot slot;
    @PlanningVariable(valueRangeProviderRefs = "teamRange")
    private TeamFact team;
    @PlanningVariable(valueRangeProviderRefs = "siteRange")
    private SiteFact site;

    /** For Timefold's solution cloner. */
    Visit() {
    }

    /** @param slotRanges the slot ranges of the unit's field office, shared by its visits */
    Visit(UnitToPlace unit, List<LocalDate> days, List<TeamFact> teamRange, List<SiteFact> siteRange,
          SlotRanges slotRanges) {
        this.id = unit.unitId();
        this.unit = unit;
        this.teamRange = List.copyOf(teamRange);
        this.siteRange = List.copyOf(siteRange);
        this.notExecutableByDay = new int[days.size()];
        this.approvalMissingByDay = new boolean[days.size()];
        int feasible = 0;
        for (int d = 0; d < days.size(); d++) {
            LocalDate day = days.get(d);
            notExecutableByDay[d] = (int) unit.members().stream().filter(m -> !m.executableOn(day)).count();
            approvalMissingByDay[d] = !unit.approvedOn(day);
            if (notExecutableByDay[d] == 0 && !approvalMissingByDay[d]) {
                feasible++;
            }
        }
        this.feasibleDays = feasible;
        this.hasMinor = unit.hasMinor();
        boolean[] allowedDays = new boolean[days.size()];
        for (int d = 0; d < days.size(); d++) {
            allowedDays[d] = notExecutableByDay[d] == 0 && !approvalMissingByDay[d];
        }
        this.slotRange = slotRanges.on(allowedDays);
    }

    /**
     * The slot ranges of one field office: for a set of allowed days, the slots of those days in which at least one
     * of the office's teams is on shift, or the whole grid when there is none. Visits with the same allowed days
     * share one list.
     */
    static final class SlotRanges {
        private final List<TimeSlot> slots;
        private final List<TimeSlot> staffed;
        private final Map<List<Boolean>, List<TimeSlot>> byDays = new HashMap<>();

        SlotRanges(List<TimeSlot> slots, List<TeamFact> teams) {
            this.slots = List.copyOf(slots);
            this.staffed = slots.stream().filter(s -> teams.stream().anyMatch(t -> t.onShift(s))).toList();
        }

        List<TimeSlot> on(boolean[] allowedDays) {
            List<Boolean> key = new ArrayList<>(allowedDays.length);
            for (boolean b : allowedDays) {
                key.add(b);
            }
            return byDays.computeIfAbsent(key, k -> {
                List<TimeSlot> usable = staffed.stream().filter(s -> allowedDays[s.dayIndex()]).toList();
                return usable.isEmpty() ? slots : usable;
            });
        }
    }

    Long id() {
        return id;
    }

    long unitId() {
        return id;
    }

    UnitToPlace unit() {
        return unit;
    }

    String office() {
        return unit.fieldOffice();
    }

    int people() {
        return unit.people();
    }

    boolean hasMinor() {
        return hasMinor;
    }

    GeoPoint location() {
        return unit.location();
    }

    /** Days of the window on which every member is executable and any needed approval is in force. */
    int feasibleDays() {
        return feasibleDays;
    }

    List<TimeSlot> slotRange() {
        return slotRange;
    }

    List<TeamFact> teamRange() {
        return teamRange;
    }

    List<SiteFact> siteRange() {
        return siteRange;
    }

    TimeSlot slot() {
        return slot;
    }

    TeamFact team() {
        return team;
    }

    SiteFact site() {
        return site;
    }

    void setSlot(TimeSlot slot) {
        this.slot = slot;
    }

    void setTeam(TeamFact team) {
        this.team = team;
    }

    void setSite(SiteFact site) {
        this.site = site;
    }

    /** Assigns all three variables at once (tests and the greedy baseline). */
    Visit assign(TimeSlot slot, TeamFact team, SiteFact site) {
        this.slot = slot;
        this.team = team;
        this.site = site;
        return this;
    }

    boolean assigned() {
        return slot != null && team != null && site != null;
    }

    // ---- derived from the planning variables (only called on assigned visits)

    LocalDate date() {
        return slot.date();
    }

    int dayIndex() {
        return slot.dayIndex();
    }

    int notExecutableMembers() {
        return notExecutableByDay[slot.dayIndex()];
    }

    boolean approvalMissing() {
        return approvalMissingByDay[slot.dayIndex()];
    }

    int notExecutableMembersOn(int dayIndex) {
        return notExecutableByDay[dayIndex];
    }

    boolean approvalMissingOn(int dayIndex) {
        return approvalMissingByDay[dayIndex];
    }

    LocalDateTime heldUntil() {
        return site.departure(slot);
    }

    long heldMinutes() {
        return site.heldMinutes(slot);
    }

    List<LocalDateTime> heldHours() {
        return site.heldHours(slot);
    }

    @Override
    public String toString() {
        return "unit " + id + (slot == null ? "" : " @ " + slot.label()) + (team == null ? "" : " by " + team.id())
                + (site == null ? "" : " to " + site.id());
    }
}
