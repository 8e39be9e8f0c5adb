package org.caseops.supervision;

import java.time.LocalDate;
import java.util.Optional;
import org.caseops.system.SingleInstance;
import org.springframework.stereotype.Service;

/**
 * The supervision sweeps as the schedule runs them (issue 16, docs/supervision.md, "Scheduled sweeps"): the missed
 * check-ins, the voluntary-departure overstays and the ATD evaluation of every field office, each under its own
 * advisory lock ({@link SingleInstance}: with several instances on one database, or two runs at once, one does the
 * work and the others skip the round), as the system actor {@value #SYSTEM_ACTOR} — its tasks, timeline events and
 * audit entries name it, not a user. Each is idempotent: a second run opens no second task or alert (the keys of
 * {@code supervision_missed} and of the open alerts, the conditional update of a grant's status, and an enrolment
 * evaluated as of the day is not evaluated again by the schedule). Each answers empty when another run held the lock,
 * else how many it recorded.
 */
@Service
public class SupervisionSweeps {

    /** Whom the scheduled sweeps' tasks, events and audit entries name. */
    public static final String SYSTEM_ACTOR = "system:supervision-sweeps";

    static final String MISSED_JOB = "supervision.missed-check-ins";
    static final String OVERSTAY_JOB = "supervision.overstays";
    static final String ATD_JOB = "supervision.atd-evaluation";

    private final SingleInstance single;
    private final Supervisions supervisions;
    private final VoluntaryDepartures departures;
    private final AtdCompliance compliance;

    SupervisionSweeps(SingleInstance single, Supervisions supervisions, VoluntaryDepartures departures,
            AtdCompliance compliance) {
        this.single = single;
        this.supervisions = supervisions;
        this.departures = departures;
        this.compliance = compliance;
    }

    private static Sweeps.By system() {
        return Sweeps.By.system(SYSTEM_ACTOR);
    }

    /** Every office's missed check-ins as of {@code asOf}: how many misses this run recorded (one task each). */
    public Optional<Integer> missedCheckIns(LocalDate asOf) {
        return single.alone(MISSED_JOB, () -> supervisions.officesSupervising().stream()
                .mapToInt(office -> supervisions.recordMissed(office, asOf, system()).size()).sum());
    }

    /** Every office's overstayed grants as of {@code asOf}: how many this run marked (one task each). */
    public Optional<Integer> overstays(LocalDate asOf) {
        return single.alone(OVERSTAY_JOB, () -> departures.officesGranting().stream()
                .mapToInt(office -> departures.recordOverstays(office, asOf, system()).size()).sum());
    }

    /**
     * Every office's ATD enrolments not yet evaluated as of {@code asOf}, by the rule set in effect that day (none in
     * effect: nothing is judged): how many alerts this run opened.
     */
    public Optional<Integer> atdEvaluations(LocalDate asOf) {
        return single.alone(ATD_JOB, () -> !compliance.anyInEffect(asOf) ? 0 : compliance.officesEnrolling().stream()
                .mapToInt(office -> compliance.evaluate(office, asOf, system(), true).alertsOpened()).sum());
    }
}
