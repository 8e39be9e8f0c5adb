package org.caseops.worksite;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.caseops.access.Acting;
import org.caseops.access.Actor;
import org.caseops.access.Role;
import org.caseops.worksite.synthetic.Mississippi2019;
import org.springframework.stereotype.Service;

/**
 * Plays the synthetic Mississippi scenario ({@link Mississippi2019}) through the worksite services, as the field
 * office's people would: the supervisor drafts and prepares the action, counsel clears it, the director approves it,
 * officers detain and screen each worker, the supervisor decides each outcome on the screening's recommendation. Every
 * rule, timeline event, audit entry and child-welfare task is the one a user's request would make. For the demo and
 * the acceptance test.
 */
@Service
public class WorksiteScenario {

    public record Played(long actionId, int detained, Map<WorksiteDetainees.Outcome, Integer> outcomes, int children,
            int charged) {
    }

    /** Who plays it: names for the audit trail, in the field office given. */
    public record Cast(String office, String supervisor, String director, String officer, String attorney) {
        Actor supervisorActor() {
            return new Actor(0, supervisor, Role.SUPERVISOR, office, null, null);
        }

        Actor directorActor() {
            return new Actor(0, director, Role.DIRECTOR, office, null, null);
        }

        Actor officerActor() {
            return new Actor(0, officer, Role.OFFICER, office, null, null);
        }

        Actor attorneyActor() {
            return new Actor(0, attorney, Role.ATTORNEY, office, null, null);
        }
    }

    private static final ZoneId CENTRAL = ZoneId.of("America/Chicago");

    private final Employers employers;
    private final WorksiteActions actions;
    private final WorksiteDetainees detainees;

    WorksiteScenario(Employers employers, WorksiteActions actions, WorksiteDetainees detainees) {
        this.employers = employers;
        this.actions = actions;
        this.detainees = detainees;
    }

    public Played play(Mississippi2019.Scenario scenario, Cast cast) {
        Actor supervisor = cast.supervisorActor();
        Actor officer = cast.officerActor();
        List<Long> siteIds = new ArrayList<>();
        for (Mississippi2019.Plant plant : scenario.plants()) {
            Employers.Detail detail = Acting.as(supervisor, () -> employers.create(new Employers.NewEmployer(
                    plant.employerName(), plant.ein(), "311615", plant.workers(), new Employers.NewSite(
                            plant.siteName(), plant.address(), plant.city(), "MS", cast.office(), plant.workers()))));
            siteIds.add(detail.sites().get(0).id());
        }
        Instant morning = Mississippi2019.DAY.atTime(5, 30).atZone(CENTRAL).toInstant();
        long id = Acting.as(supervisor, () -> {
            WorksiteActions.Action a = actions.create(new WorksiteActions.NewAction(
                    "Worksite action at seven poultry plants (synthetic Mississippi scenario)", Mississippi2019.DAY,
                    siteIds));
            actions.prepare(a.id(), new WorksiteActions.PreparationsRequest(
                    "U.S. Attorney's Office, Southern District of Mississippi: criminal investigation of the employers "
                            + "opened (synthetic reference USAO-SDMS-0000)",
                    "Mississippi Department of Child Protection Services, county offices of the seven towns",
                    morning, "School districts of the seven towns (superintendents called)", morning, 24,
                    "Spanish, Q'anjob'al, Chuj, K'iche', Mam", 12, null));
            actions.submit(a.id(), null);
            return a.id();
        });
        Acting.as(cast.attorneyActor(), () -> actions.clear(id, "arrest warrants and search warrants in hand", null));
        Acting.as(cast.directorActor(), () -> actions.approve(id, null));
        Acting.as(supervisor, () -> actions.launch(id, null));

        Map<Integer, Long> childIds = new HashMap<>();
        Map<WorksiteDetainees.Outcome, Integer> outcomes = new java.util.EnumMap<>(WorksiteDetainees.Outcome.class);
        int charged = 0;
        for (Mississippi2019.Worker w : scenario.workers()) {
            long siteId = siteIds.get(w.plant());
            WorksiteDetainees.Detainee d = Acting.as(officer, () -> detainees.detain(id, new WorksiteDetainees.NewDetainee(
                    siteId, null, w.familyName(), w.givenName(), w.birthMonth().toString(), w.nationality())));
            List<WorksiteDetainees.NamedChild> named = new ArrayList<>();
            List<Integer> fresh = new ArrayList<>();
            for (Integer c : w.children()) {
                Long known = childIds.get(c);
                if (known != null) {
                    named.add(new WorksiteDetainees.NamedChild(known, null, null, null, null));
                } else {
                    Mississippi2019.ChildSpec spec = scenario.children().get(c);
                    named.add(new WorksiteDetainees.NamedChild(null, spec.name(), spec.age(), spec.location(), null));
                    fresh.add(c);
                }
            }
            WorksiteDetainees.Detainee screened = Acting.as(officer, () -> detainees.screen(d.id(),
                    new WorksiteDetainees.ScreeningRequest(w.interpreterLanguage(), w.minor(), w.soleCaregiver(),
                            w.pregnantOrNursing(), w.medicalNeeds(), w.citizenshipClaim(), null, named, null)));
            // the new children's ids, in the order named (ids ascend with insertion)
            List<Long> known = w.children().stream().map(childIds::get).filter(java.util.Objects::nonNull).toList();
            List<Long> added = screened.childIds().stream().filter(x -> !known.contains(x)).sorted().toList();
            for (int i = 0; i < fresh.size(); i++) {
                childIds.put(fresh.get(i), added.get(i));
            }
            WorksiteDetainees.Outcome outcome = Acting.as(supervisor, () -> decide(screened.id(), w));
            outcomes.merge(outcome, 1, Integer::sum);
            if (w.charge() != null && outcome == WorksiteDetainees.Outcome.TRANSFERRED) {
                Acting.as(supervisor, () -> detainees.charge(screened.id(), w.charge(), null));
                charged++;
            }
        }
        Acting.as(supervisor, () -> actions.close(id, "every person detained screened and decided", null));
        return new Played(id, scenario.detained(), outcomes, childIds.size(), charged);
    }

    private WorksiteDetainees.Outcome decide(long detaineeId, Mississippi2019.Worker w) {
        WorksiteDetainees.Recommendation r = detainees.recommendation(detaineeId);
        WorksiteDetainees.Outcome outcome = r.outcome();
        String reason = String.join("; ", r.reasons());
        String conditions = null;
        if (outcome == WorksiteDetainees.Outcome.TRANSFERRED && w.releaseOnOtherGrounds()) {
            outcome = WorksiteDetainees.Outcome.RELEASED_OTHER;
            reason = "no humanitarian factor; Notice to Appear issued and released on recognizance (INA 236(a)(2)(B))";
            conditions = "report to the New Orleans field office within 30 days";
        } else if (outcome == WorksiteDetainees.Outcome.RELEASED_HUMANITARIAN) {
            conditions = "Notice to Appear issued; report to the New Orleans field office within 30 days";
        }
        detainees.decide(detaineeId, new WorksiteDetainees.DecisionRequest(outcome, reason, conditions, null));
        return outcome;
    }
}
