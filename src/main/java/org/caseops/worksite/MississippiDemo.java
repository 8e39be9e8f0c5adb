package org.caseops.worksite;

import org.caseops.system.DemoInBackground;
import org.caseops.worksite.synthetic.Mississippi2019;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo mode ({@code serve --demo}): the synthetic Mississippi worksite action of 7 August 2019 in New Orleans
 * (docs/worksite.md), played once through the services as the actor {@code demo}, in the background so that the
 * server answers meanwhile (about 680 people: some seconds). A home that has a demo action gets none again.
 */
@Component
@ConditionalOnProperty(name = "caseops.demo", havingValue = "true")
class MississippiDemo implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(MississippiDemo.class);
    static final long SEED = 2019_08_07L;

    private final JdbcClient jdbc;
    private final WorksiteScenario scenario;

    MississippiDemo(JdbcClient jdbc, WorksiteScenario scenario) {
        this.jdbc = jdbc;
        this.scenario = scenario;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean played = jdbc.sql("select exists (select 1 from worksite_action where created_by = 'demo')")
                .query(Boolean.class).single();
        boolean office = jdbc.sql("select exists (select 1 from field_office where code = 'NOL')")
                .query(Boolean.class).single();
        if (played || !office) {
            return;
        }
        DemoInBackground.play("demo-mississippi", log, "the synthetic Mississippi worksite action",
                () -> scenario.play(Mississippi2019.generate(SEED),
                        new WorksiteScenario.Cast("NOL", "demo", "demo", "demo", "demo")),
                result -> "the synthetic Mississippi worksite action " + result.actionId() + " played: "
                        + result.detained() + " detained, " + result.outcomes());
    }
}
